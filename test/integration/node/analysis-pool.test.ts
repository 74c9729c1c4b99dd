import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AnalysisUnavailable, analyseText, analysisSettings, closeAnalysis, inWorker } from '../../../engine/node/analysis-pool.js';
import { analyseRubricText } from '../../../engine/text-analysis.js';

// The editor's server reads rubric texts in worker threads (dist/engine/node/analysis-worker.js, from
// `npm run build:engine`) with a time limit, so that no draft holds the thread that answers requests.

const otop = readFileSync(join(import.meta.dirname, '../../../rubrics/2567-Q3/otop.yaml'), 'utf8');

function withKeys(count: number): string {
  const lines = [otop.trimEnd()];
  for (let i = 0; i < count; i++) lines.push(`unknownKey${i}: value ${i}`);
  return lines.join('\n') + '\n';
}

const ENV = ['RUBRIC_ANALYSIS_TIMEOUT_MS', 'RUBRIC_ANALYSIS_WORKERS', 'RUBRIC_ANALYSIS_QUEUE'];

afterEach(async () => {
  for (const name of ENV) delete process.env[name];
  await closeAnalysis();
});

async function refusal(work: Promise<unknown>): Promise<AnalysisUnavailable> {
  try {
    await work;
  } catch (e) {
    if (e instanceof AnalysisUnavailable) return e;
    throw e;
  }
  throw new Error('expected AnalysisUnavailable');
}

describe('reading rubric texts in worker threads', () => {
  it('gives the same findings as reading in this thread, and one run for two askers of one text', async () => {
    const direct = analyseRubricText(otop, '2567-Q3', 'otop');
    const [a, b] = [analyseText(otop, '2567-Q3', 'otop'), analyseText(otop, '2567-Q3', 'otop')];
    expect(a).toBe(b);
    const fromWorker = await a;
    expect(fromWorker).toEqual(direct);
    expect(fromWorker.findings.map((f) => f.code)).toContain('HOLE');
    expect(fromWorker.rubric?.mission).toBe('otop');
  });

  it('keeps this thread answering while a 20,000-key draft is read', async () => {
    let ticks = 0;
    let reading = true;
    const tick = () => {
      ticks++;
      if (reading) setTimeout(tick, 1);
    };
    setTimeout(tick, 1);
    const analysis = await analyseText(withKeys(20_000), '2567-Q3', 'otop');
    reading = false;
    expect(analysis.rubric).toBeUndefined();
    expect(analysis.findings.length).toBeGreaterThan(0);
    // Read in this thread, no timer could have fired before the answer.
    expect(ticks).toBeGreaterThan(10);
  });

  it('stops a task over the time limit with 422 in Thai and English, and the next task runs on a new worker', async () => {
    process.env.RUBRIC_ANALYSIS_TIMEOUT_MS = '300';
    const slow = await refusal(analyseText(withKeys(20_000), '2567-Q3', 'otop'));
    expect(slow.status).toBe(422);
    expect(slow.text.th).toContain('ตรวจเกณฑ์นี้ไม่เสร็จภายใน 0.3 วินาที');
    expect(slow.text.en).toContain('did not finish within 0.3 s');
    // Not kept: asked again, it runs again (and is refused again), rather than answering from a cache.
    expect((await refusal(analyseText(withKeys(20_000), '2567-Q3', 'otop'))).status).toBe(422);
    // A small text (the schema is compiled before the limit starts) is read by the new worker.
    const after = await analyseText('mission: otop\n', '2567-Q3', 'otop');
    expect(after.findings.map((f) => f.code)).toContain('INVALID');
  });

  it('refuses with 503 when more tasks wait than the queue holds', async () => {
    process.env.RUBRIC_ANALYSIS_WORKERS = '1';
    process.env.RUBRIC_ANALYSIS_QUEUE = '1';
    const big = withKeys(5_000);
    const first = inWorker('analyse', big, '2567-Q3', 'otop');
    const second = inWorker('analyse', big, '2567-Q3', 'otop');
    const third = await refusal(inWorker('analyse', big, '2567-Q3', 'otop'));
    expect(third.status).toBe(503);
    expect(third.text.en).toMatch(/too many rubric checks are waiting/);
    await Promise.all([first, second]);
  });

  it('compares a save in the worker: the names a text gives even with a schema error, and the changes', async () => {
    const moved = otop.replace('mission: otop', 'mission: bmn') + 'notAField: 1\n';
    const comparison = await inWorker('compare', otop, moved, '2567-Q3/otop.yaml');
    expect(comparison).toEqual({ names: { mission: 'bmn', period: '2567-Q3' }, valid: false, changes: null });
    const edited = otop.replace('{ level: B, op: ">", value: 3,', '{ level: B, op: ">", value: 3.5,');
    const changes = (await inWorker('compare', otop, edited, '2567-Q3/otop.yaml')).changes!;
    expect(changes.map((c) => c.message.en)).toEqual(['level B of criterion "Sales growth" went from > 3 to > 3.5']);
  });

  it('refuses settings that are not whole numbers in range, naming the variable', () => {
    process.env.RUBRIC_ANALYSIS_TIMEOUT_MS = '0';
    expect(() => analysisSettings()).toThrow(/RUBRIC_ANALYSIS_TIMEOUT_MS must be a whole number from 1 to 600000, not "0"/);
    process.env.RUBRIC_ANALYSIS_TIMEOUT_MS = '10s';
    expect(() => analysisSettings()).toThrow(/not "10s"/);
    delete process.env.RUBRIC_ANALYSIS_TIMEOUT_MS;
    process.env.RUBRIC_ANALYSIS_WORKERS = '99';
    expect(() => analysisSettings()).toThrow(/RUBRIC_ANALYSIS_WORKERS/);
  });
});
