// The rubric page's analysis worker (a module Web Worker, loaded through Vite's `?worker`): it reads
// each text the page sends (parse, validation, findings, compilation, examples: analyseLive) off the
// page's thread, and the page applies only its latest edit's result (editor/lib/latest-only.ts).
// The browser's build replaces engine/eval-support.ts here too (editor/no-eval.ts through
// `worker.plugins`): the worker grades with the closures, as the page did.
import { analyseLive } from '$engine/text-analysis.js';
import type { LiveRequest } from './live.js';
import { serveRequests } from './worker-serve.js';

serveRequests(({ text, period, mission }: LiveRequest) => analyseLive(text, period, mission));
