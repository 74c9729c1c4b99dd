// The page's side of its workers (editor/lib/latest-only.ts), with a fake worker that answers when
// told: only the latest request's answer is used, a slow answer for an older request is dropped,
// requests made meanwhile wait as one, and a worker that cannot start or fails leaves the page
// reading requests itself, saying so.
import { describe, expect, it, vi } from 'vitest';
import { LatestOnly, type Answer, type ReplyMessage, type RequestMessage, type WorkerLike, type WorkerMode } from '../../../editor/lib/latest-only.js';

/** A worker whose replies the test sends. */
class FakeWorker implements WorkerLike<string, string> {
  posted: RequestMessage<string>[] = [];
  terminated = false;
  #listeners = new Map<string, ((event: never) => void)[]>();
  postMessage(message: RequestMessage<string>): void {
    this.posted.push(message);
  }
  addEventListener(type: string, listener: (event: never) => void): void {
    this.#listeners.set(type, [...(this.#listeners.get(type) ?? []), listener]);
  }
  terminate(): void {
    this.terminated = true;
  }
  /** Answers request `id` as the real worker would: the request upper-cased. */
  answer(id: number): void {
    const message = this.posted.find((m) => m.id === id)!;
    this.emit('message', { data: { id, result: message.request.toUpperCase(), ms: 1 } satisfies ReplyMessage<string> });
  }
  emit(type: string, event: unknown): void {
    for (const listener of this.#listeners.get(type) ?? []) listener(event as never);
  }
}

async function started(worker: FakeWorker | Error) {
  const answers: Answer<string, string>[] = [];
  const modes: WorkerMode[] = [];
  const client = new LatestOnly<string, string>({
    start: () => (worker instanceof Error ? Promise.reject(worker) : Promise.resolve(worker)),
    readOnPage: (request) => `page:${request}`,
    onresult: (answer) => answers.push(answer),
    onmode: (mode) => modes.push(mode),
  });
  await Promise.resolve();
  await Promise.resolve();
  return { client, answers, modes };
}

describe('LatestOnly', () => {
  it('answers a request from the worker', async () => {
    const worker = new FakeWorker();
    const { client, answers, modes } = await started(worker);
    expect(modes).toEqual(['worker']);
    client.request('a');
    expect(worker.posted).toEqual([{ id: 1, request: 'a' }]);
    worker.answer(1);
    expect(answers).toEqual([{ request: 'a', result: 'A', ms: 1, where: 'worker' }]);
  });

  it('drops a slow answer to an older request and sends only the newest of those made meanwhile', async () => {
    const worker = new FakeWorker();
    const { client, answers } = await started(worker);
    client.request('old');
    client.request('middle');
    client.request('new');
    // One in flight; the two made meanwhile wait as one, the newest.
    expect(worker.posted.map((m) => m.request)).toEqual(['old']);
    worker.answer(1);
    expect(answers).toEqual([]);
    expect(client.dropped).toBe(1);
    expect(worker.posted.map((m) => m.request)).toEqual(['old', 'new']);
    worker.answer(2);
    expect(answers.map((a) => a.request)).toEqual(['new']);
    // A reply to no request in flight (a duplicate, or one from before) is never used.
    worker.answer(1);
    expect(answers.map((a) => a.request)).toEqual(['new']);
    expect(client.dropped).toBe(2);
  });

  it('keeps requests made while the worker starts, and sends the newest', async () => {
    const worker = new FakeWorker();
    let resolve!: (w: FakeWorker) => void;
    const answers: string[] = [];
    const client = new LatestOnly<string, string>({
      start: () => new Promise((r) => (resolve = r)),
      readOnPage: (request) => `page:${request}`,
      onresult: (answer) => answers.push(answer.result),
    });
    client.request('first');
    client.request('second');
    resolve(worker);
    await Promise.resolve();
    expect(worker.posted.map((m) => m.request)).toEqual(['second']);
    worker.answer(1);
    expect(answers).toEqual(['SECOND']);
  });

  it('reads on the page when the worker cannot start, and says so', async () => {
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => {});
    const { client, answers, modes } = await started(new Error('blocked'));
    expect(modes).toEqual(['page']);
    expect(client.mode).toBe('page');
    client.request('a');
    expect(answers).toEqual([expect.objectContaining({ request: 'a', result: 'page:a', where: 'page' })]);
    quiet.mockRestore();
  });

  it('reads the newest pending request on the page when the worker fails, and stays there', async () => {
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => {});
    const worker = new FakeWorker();
    const { client, answers, modes } = await started(worker);
    client.request('a');
    client.request('b');
    worker.emit('error', { message: 'crashed' });
    expect(worker.terminated).toBe(true);
    expect(modes).toEqual(['worker', 'page']);
    expect(answers.map((a) => [a.request, a.where])).toEqual([['b', 'page']]);
    // A late reply from the failed worker is not used.
    worker.answer(1);
    expect(answers).toHaveLength(1);
    quiet.mockRestore();
  });

  it('reads a request on the page when the worker reports an error for it, and keeps the worker', async () => {
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => {});
    const worker = new FakeWorker();
    const { client, answers } = await started(worker);
    client.request('a');
    worker.emit('message', { data: { id: 1, error: 'boom', ms: 0 } });
    expect(answers.map((a) => [a.result, a.where])).toEqual([['page:a', 'page']]);
    expect(client.mode).toBe('worker');
    client.request('b');
    expect(worker.posted.at(-1)).toEqual({ id: 2, request: 'b' });
    quiet.mockRestore();
  });

  it('reports nothing after it is closed', async () => {
    const worker = new FakeWorker();
    const { client, answers } = await started(worker);
    client.request('a');
    client.close();
    worker.answer(1);
    expect(answers).toEqual([]);
    expect(worker.terminated).toBe(true);
  });
});
