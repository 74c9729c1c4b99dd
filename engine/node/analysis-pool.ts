// Reading rubric texts off the request thread. Parsing, validating and analysing a draft of up to
// 1 MiB can take a second or more; done on the thread that answers requests, one draft would keep
// every other page and the provinces' API waiting. So a small pool of worker threads does it
// (engine/node/analysis-worker.ts, from the engine build), each task with a time limit: a task that
// runs over it ends with its worker, which is replaced, and the caller gets a clear refusal.
import { sha256Key } from './digest.js';
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { AnalysisTasks } from './analysis-worker.js';
import type { LiveState, TextAnalysis } from '../text-analysis.js';
import { problem } from '../problems/catalogue.js';
import type { Problem } from '../problems/problem.js';
import type { Text } from '../types.js';

/** Why a text could not be read in time, as the page and the API show it: a problem of the service catalogue. */
export class AnalysisUnavailable extends Error {
  readonly problem: Problem<'ANALYSIS_BUSY' | 'ANALYSIS_FAILED' | 'ANALYSIS_TIMEOUT'>;

  constructor(
    /** 422 for a text that took too long or too much memory, 503 when too many wait. */
    readonly status: 422 | 503,
    made: Problem<'ANALYSIS_BUSY' | 'ANALYSIS_FAILED' | 'ANALYSIS_TIMEOUT'>,
  ) {
    super(made.message.en);
    this.name = 'AnalysisUnavailable';
    this.problem = made;
  }

  /** The problem's words in Thai and English. */
  get text(): Text {
    return this.problem.message;
  }
}

/** The pool's settings, from the environment. */
export interface AnalysisSettings {
  /** How long one task may run, in milliseconds (RUBRIC_ANALYSIS_TIMEOUT_MS, default 10,000). */
  timeoutMs: number;
  /** Worker threads (RUBRIC_ANALYSIS_WORKERS, default one fewer than the cores, at least 1, at most 4). */
  workers: number;
  /** Tasks that may wait for a worker before more are refused with 503 (RUBRIC_ANALYSIS_QUEUE, default 200). */
  queue: number;
}

function whole(name: string, fallback: number, min: number, max: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) throw new Error(`${name} must be a whole number from ${min} to ${max}, not "${raw}"`);
  return n;
}

/** Reads and checks the settings; a bad value stops the server at start rather than later. */
export function analysisSettings(): AnalysisSettings {
  return {
    timeoutMs: whole('RUBRIC_ANALYSIS_TIMEOUT_MS', 10_000, 1, 600_000),
    workers: whole('RUBRIC_ANALYSIS_WORKERS', Math.min(4, Math.max(1, availableParallelism() - 1)), 1, 16),
    queue: whole('RUBRIC_ANALYSIS_QUEUE', 200, 1, 100_000),
  };
}

/** The worker's script: RUBRIC_ANALYSIS_WORKER, or dist/engine/node/analysis-worker.js of the repository this module is in. */
function workerScript(): URL {
  const given = process.env.RUBRIC_ANALYSIS_WORKER;
  if (given) return pathToFileURL(resolve(given));
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, 'dist', 'engine', 'node', 'analysis-worker.js');
    if (existsSync(candidate)) return pathToFileURL(candidate);
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  throw new Error('dist/engine/node/analysis-worker.js is missing: build the engine first (npm run build:engine)');
}

type TaskName = keyof AnalysisTasks;
type Result<K extends TaskName> = ReturnType<AnalysisTasks[K]>;

interface Task {
  id: number;
  task: TaskName;
  args: unknown[];
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

interface Slot {
  worker: Worker | null;
  /** Whether the worker has loaded its modules (the time limit starts then, not before). */
  ready: boolean;
  running: Task | null;
  timer: NodeJS.Timeout | null;
}

/** How long a new worker may take to load before its task is given up. */
const START_LIMIT_MS = 30_000;

const seconds = (ms: number) => (ms / 1000).toLocaleString('en-US', { maximumFractionDigits: 3 });

class Pool {
  private readonly slots: Slot[];
  private readonly waiting: Task[] = [];
  private next = 1;
  private readonly script = workerScript();

  constructor(private readonly settings: AnalysisSettings) {
    this.slots = Array.from({ length: settings.workers }, () => ({ worker: null, ready: false, running: null, timer: null }));
  }

  run<K extends TaskName>(task: K, args: Parameters<AnalysisTasks[K]>): Promise<Result<K>> {
    return new Promise((resolve, reject) => {
      if (this.waiting.length >= this.settings.queue) {
        reject(
          new AnalysisUnavailable(503, problem('service', 'ANALYSIS_BUSY', {})),
        );
        return;
      }
      this.waiting.push({ id: this.next++, task, args, resolve: resolve as (v: unknown) => void, reject });
      this.dispatch();
    });
  }

  private dispatch(): void {
    for (const slot of this.slots) {
      if (slot.running || this.waiting.length === 0) continue;
      const task = this.waiting.shift()!;
      const worker = slot.worker ?? this.start(slot);
      slot.running = task;
      // Held while it works (a command waiting for it must not exit), let go while idle.
      worker.ref();
      slot.timer = setTimeout(() => this.overdue(slot), slot.ready ? this.settings.timeoutMs : START_LIMIT_MS);
      worker.postMessage({ id: task.id, task: task.task, args: task.args });
    }
  }

  private start(slot: Slot): Worker {
    // A heap limit, so that a text that needs too much memory ends its worker and not the server.
    const worker = new Worker(this.script, { resourceLimits: { maxOldGenerationSizeMb: 512 } });
    worker.on('message', (message: { ready?: true; id: number; ok: boolean; value?: unknown; error?: string }) => {
      if (message.ready) {
        slot.ready = true;
        // A task sent while it loaded gets its full time from now.
        if (slot.running && slot.timer) {
          clearTimeout(slot.timer);
          slot.timer = setTimeout(() => this.overdue(slot), this.settings.timeoutMs);
        }
        return;
      }
      const task = slot.running;
      if (!task || task.id !== message.id) return;
      this.finish(slot);
      if (message.ok) task.resolve(message.value);
      else task.reject(new Error(`analysis failed: ${message.error}`));
      this.dispatch();
    });
    const lost = (why: unknown) => {
      if (slot.worker !== worker) return;
      const task = slot.running;
      slot.worker = null;
      this.finish(slot);
      task?.reject(
        new AnalysisUnavailable(422, problem('service', 'ANALYSIS_FAILED', { reason: why instanceof Error ? why.message : String(why) })),
      );
      this.dispatch();
    };
    worker.on('error', lost);
    worker.on('exit', (code) => lost(new Error(`the worker stopped with code ${code}`)));
    slot.worker = worker;
    slot.ready = false;
    return worker;
  }

  private finish(slot: Slot): void {
    slot.worker?.unref();
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    slot.running = null;
  }

  private overdue(slot: Slot): void {
    const task = slot.running;
    const worker = slot.worker;
    slot.worker = null;
    this.finish(slot);
    void worker?.terminate();
    task?.reject(
      new AnalysisUnavailable(422, problem('service', 'ANALYSIS_TIMEOUT', { seconds: seconds(this.settings.timeoutMs) })),
    );
    this.dispatch();
  }

  /** Ends every worker (tests, shutdown); later tasks start new ones. */
  async close(): Promise<void> {
    const workers = this.slots.map((s) => s.worker).filter((w): w is Worker => w !== null);
    for (const slot of this.slots) {
      slot.worker = null;
      if (slot.running) slot.running.reject(new Error('the analysis pool was closed'));
      this.finish(slot);
    }
    for (const task of this.waiting.splice(0)) task.reject(new Error('the analysis pool was closed'));
    await Promise.all(workers.map((w) => w.terminate()));
  }
}

let pool: Pool | undefined;

function thePool(): Pool {
  pool ??= new Pool(analysisSettings());
  return pool;
}

/** Ends the pool's workers and forgets its settings (tests change them through the environment). */
export async function closeAnalysis(): Promise<void> {
  const p = pool;
  pool = undefined;
  analyses.clear();
  await p?.close();
}

/** Runs one task in a worker. */
export function inWorker<K extends TaskName>(task: K, ...args: Parameters<AnalysisTasks[K]>): Promise<Result<K>> {
  return thePool().run(task, args);
}

/** Results kept by task and the digest of their period, mission and text; a text's result never changes. */
const analyses = new Map<string, Promise<unknown>>();
const KEPT = 300;

/** A worker task's result for a text, kept for the next asker; two askers of one text share one run. */
function kept<T>(task: 'analyse' | 'live', yaml: string, period: string, mission: string): Promise<T> {
  const key = sha256Key(`${task}\n${period}/${mission}\n`, yaml);
  let found = analyses.get(key);
  if (found) {
    // Most recently used last, so the oldest goes first.
    analyses.delete(key);
    analyses.set(key, found);
    return found as Promise<T>;
  }
  found = inWorker(task, yaml, period, mission);
  analyses.set(key, found);
  found.catch(() => analyses.delete(key));
  if (analyses.size > KEPT) analyses.delete(analyses.keys().next().value!);
  return found as Promise<T>;
}

/**
 * A text's validation and analysis as the rubric of `mission` in `period`, from a worker, kept
 * for the next asker (pages show every mission on each visit). Rejects with AnalysisUnavailable
 * when it runs over the time limit (and is then not kept).
 */
export function analyseText(yaml: string, period: string, mission: string): Promise<TextAnalysis> {
  return kept('analyse', yaml, period, mission);
}

/** What the rubric page shows of a text on its first view (see analyseLive), from a worker, kept. */
export function liveText(yaml: string, period: string, mission: string): Promise<LiveState> {
  return kept('live', yaml, period, mission);
}
