// The engine's grader may be generated source evaluated with `new Function` (engine/codegen.ts),
// which the editor's Content-Security-Policy (script-src without 'unsafe-eval', svelte.config.js)
// forbids. Merely trying would be refused and reported, so this Vite plugin replaces
// engine/eval-support.ts in the browser's build (and in dev) with a module that answers no without
// trying: the pages grade with the closures. Server-side rendering keeps the generated grader.
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

/** The module the plugin replaces. */
const EVAL_SUPPORT_MODULE = fileURLToPath(new URL('../engine/eval-support.ts', import.meta.url));

/** What the browser gets instead: evaluation is never tried. */
export const NO_EVAL_MODULE = `// Replaced by editor/no-eval.ts: the page's policy forbids evaluating source.
export function canEvaluate() {
  return false;
}
`;

/** Replaces engine/eval-support.ts in the client build. */
export function noEval(): Plugin {
  return {
    name: 'cdd-no-eval',
    enforce: 'pre',
    load(id, options) {
      if (options?.ssr || id.split('?')[0] !== EVAL_SUPPORT_MODULE) return null;
      return NO_EVAL_MODULE;
    },
  };
}
