// The mission page's impact worker (a module Web Worker, through Vite's `?worker`): grades the sample
// or the user's rows under the published revision and the draft (editor/lib/impact-reading.ts) off
// the page's thread; the page uses only the latest draft's answer (editor/lib/latest-only.ts). Built
// with editor/no-eval.ts like the page, so it grades with the closures.
import { readImpact } from './impact-reading.js';
import { serveRequests } from './worker-serve.js';

serveRequests(readImpact);
