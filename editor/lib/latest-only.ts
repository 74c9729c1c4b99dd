// The page's side of a worker that reads the page's latest state (editor/lib/live.worker.ts: the
// text being edited; editor/lib/impact.worker.ts: the draft's effect on units): each request is
// sent with a new id; while one is being read, further requests wait as one (the newest replaces the
// one waiting); a reply is used only when it answers the request in flight and no newer request
// waits, so a slow reply for an older state is dropped. When the worker cannot start or fails, every
// request is read on the page's own thread from then on, and the mode says so. No DOM or Vite here:
// the caller passes how to start the worker and how to read a request itself.

/** A request as posted to the worker. */
export interface RequestMessage<Q> {
  id: number;
  request: Q;
}

/** The worker's answer to request `id`, with how long the reading took there. */
export type ReplyMessage<R> = { id: number; result: R; ms: number } | { id: number; error: string; ms: number };

/** A result to show, with the request it answers. */
export interface Answer<Q, R> {
  request: Q;
  result: R;
  /** How long the reading itself took, in ms. */
  ms: number;
  /** Where it was read: in the worker, or on the page's thread. */
  where: 'worker' | 'page';
}

/** Where requests are read: the worker is starting, running, or could not be used ('page'). */
export type WorkerMode = 'starting' | 'worker' | 'page';

/** The part of a Worker the client uses (a fake one in tests). */
export interface WorkerLike<Q = unknown, R = unknown> {
  postMessage(message: RequestMessage<Q>): void;
  addEventListener(type: 'message', listener: (event: { data: ReplyMessage<R> }) => void): void;
  addEventListener(type: 'error' | 'messageerror', listener: (event: unknown) => void): void;
  terminate(): void;
}

export interface LatestOnlyOptions<Q, R> {
  /** Starts the worker; a rejection means the page reads the requests itself. */
  start: () => Promise<WorkerLike<Q, R>>;
  /** Reads a request on the page's thread (the fallback). */
  readOnPage: (request: Q) => R;
  /** Called with each result to show: always of the newest request made at that time. */
  onresult: (answer: Answer<Q, R>) => void;
  /** Called when the mode changes, with the reason when the worker could not be used. */
  onmode?: (mode: WorkerMode, reason?: string) => void;
}

/** Reads requests in a worker, answering only the latest; see the module comment. */
export class LatestOnly<Q, R> {
  #options: LatestOnlyOptions<Q, R>;
  #worker: WorkerLike<Q, R> | null = null;
  #mode: WorkerMode = 'starting';
  #inFlight: RequestMessage<Q> | null = null;
  #waiting: { request: Q } | null = null;
  #nextId = 1;
  #closed = false;
  /** Replies not used because a newer request was made meanwhile (for tests and the bench). */
  dropped = 0;

  constructor(options: LatestOnlyOptions<Q, R>) {
    this.#options = options;
    let started: Promise<WorkerLike<Q, R>>;
    try {
      started = options.start();
    } catch (error) {
      started = Promise.reject(error);
    }
    started.then(
      (worker) => this.#started(worker),
      (error: unknown) => this.#fail(error),
    );
  }

  get mode(): WorkerMode {
    return this.#mode;
  }

  /** Asks for a request to be read; its result comes through `onresult` unless a newer request is made first. */
  request(request: Q): void {
    if (this.#closed) return;
    if (this.#mode === 'page') return this.#readOnPage(request);
    if (this.#mode === 'starting' || this.#inFlight) {
      this.#waiting = { request };
      return;
    }
    this.#send(request);
  }

  /** Stops the worker; nothing more is reported. */
  close(): void {
    this.#closed = true;
    this.#worker?.terminate();
    this.#worker = null;
  }

  #started(worker: WorkerLike<Q, R>): void {
    if (this.#closed || this.#mode === 'page') {
      worker.terminate();
      return;
    }
    this.#worker = worker;
    worker.addEventListener('message', (event) => this.#reply(event.data));
    worker.addEventListener('error', (event) => this.#fail(event));
    worker.addEventListener('messageerror', (event) => this.#fail(event));
    this.#setMode('worker');
    this.#sendWaiting();
  }

  #send(request: Q): void {
    const message: RequestMessage<Q> = { id: this.#nextId++, request };
    this.#inFlight = message;
    try {
      this.#worker!.postMessage(message);
    } catch (error) {
      // A request that cannot be copied (DataCloneError) is read here; the worker stays for the next.
      console.error('A request could not be sent to the worker; it is read on the page.', error);
      this.#inFlight = null;
      this.#readOnPage(request);
      this.#sendWaiting();
    }
  }

  #sendWaiting(): void {
    const next = this.#waiting;
    this.#waiting = null;
    if (next) this.#send(next.request);
  }

  #reply(reply: ReplyMessage<R>): void {
    const sent = this.#inFlight;
    if (this.#closed) return;
    if (!sent || reply.id !== sent.id) {
      this.dropped += 1;
      return;
    }
    this.#inFlight = null;
    if (this.#waiting) {
      // A newer request was made while this one was read: this result is stale.
      this.dropped += 1;
      this.#sendWaiting();
      return;
    }
    if ('error' in reply) {
      console.error('The worker could not read this request; it is read on the page.', reply.error);
      this.#readOnPage(sent.request);
      return;
    }
    this.#options.onresult({ request: sent.request, result: reply.result, ms: reply.ms, where: 'worker' });
  }

  #fail(error: unknown): void {
    if (this.#mode === 'page' || this.#closed) return;
    // The newest request not read yet is read here, at once.
    const pending = this.#waiting ?? this.#inFlight;
    this.#worker?.terminate();
    this.#worker = null;
    this.#inFlight = null;
    this.#waiting = null;
    // An Error, or the worker's ErrorEvent (which carries a message too).
    const message = (error as { message?: unknown } | null)?.message;
    const reason = typeof message === 'string' && message !== '' ? message : String(error);
    console.error('The worker is not available; requests are read on the page.', error);
    this.#setMode('page', reason);
    if (pending) this.#readOnPage(pending.request);
  }

  #readOnPage(request: Q): void {
    const start = performance.now();
    const result = this.#options.readOnPage(request);
    this.#options.onresult({ request, result, ms: performance.now() - start, where: 'page' });
  }

  #setMode(mode: WorkerMode, reason?: string): void {
    this.#mode = mode;
    this.#options.onmode?.(mode, reason);
  }
}
