// The editor's browser build replaces engine/eval-support.ts so that its pages, whose policy forbids
// 'unsafe-eval', never try `new Function` (a refusal would be reported) and grade with the closures.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { NO_EVAL_MODULE, noEval } from '../../../editor/no-eval.js';

const EVAL_SUPPORT = fileURLToPath(new URL('../../../engine/eval-support.ts', import.meta.url));

type Load = (id: string, options?: { ssr?: boolean }) => string | null;

describe('the no-eval plugin', () => {
  const load = noEval().load as unknown as Load;

  it('answers no in the browser build, without trying', async () => {
    expect(load(EVAL_SUPPORT)).toBe(NO_EVAL_MODULE);
    expect(load(`${EVAL_SUPPORT}?v=1`)).toBe(NO_EVAL_MODULE);
    expect(NO_EVAL_MODULE).not.toMatch(/\bFunction\b|\beval\(/);
    const url = `data:text/javascript,${encodeURIComponent(NO_EVAL_MODULE)}`;
    const replaced = (await import(/* @vite-ignore */ url)) as { canEvaluate(): boolean };
    expect(replaced.canEvaluate()).toBe(false);
  });

  it('leaves server-side rendering and every other module alone', () => {
    expect(load(EVAL_SUPPORT, { ssr: true })).toBeNull();
    expect(load(fileURLToPath(new URL('../../../engine/codegen.ts', import.meta.url)))).toBeNull();
  });
});
