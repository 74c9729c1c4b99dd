// Vite configuration for the rubric editor; run from the repository root with `--config editor/vite.config.ts`.
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vite';
import { noEval } from './no-eval.js';

/** The repository root, where svelte.config.js, rubrics/ and engine/ live (no trailing slash). */
const root = resolve(fileURLToPath(new URL('..', import.meta.url)));

/** The Vite config: the SvelteKit plugin, rooted at the repository root. */
export default defineConfig({
  root,
  // The engine's schema validators are compiled ahead of time (engine/schema-validators.compiled.ts),
  // and the grader is never generated in the browser (editor/no-eval.ts), so the browser needs no
  // 'unsafe-eval' (svelte.config.js).
  plugins: [noEval(), sveltekit()],
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
  // Dev: pre-bundle Monaco, monaco-yaml and their worker entries up front. Found late (they are imported
  // dynamically), they would make Vite re-optimise and reload the page the first time the editor opens.
  // The two Ajv helpers are imported by the compiled validators (engine/schema-validators.compiled.ts).
  optimizeDeps: {
    include: [
      'monaco-editor',
      'monaco-yaml',
      'monaco-editor/esm/vs/editor/editor.worker',
      'monaco-yaml/yaml.worker.js',
      'ajv/dist/runtime/ucs2length.js',
      'ajv-formats/dist/formats.js',
    ],
  },
  // Module workers: Monaco's and monaco-yaml's worker code is ESM. Workers are bundled apart, with
  // their own plugins: the mission page's analysis and impact workers (editor/lib/live.worker.ts,
  // impact.worker.ts) and the preview's grading worker grade too, so they get the same replacement
  // of engine/eval-support.ts as the page (CSP: no 'unsafe-eval').
  worker: { format: 'es', plugins: () => [noEval()] },
});
