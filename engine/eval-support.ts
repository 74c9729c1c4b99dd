// Whether this JavaScript environment may evaluate source text: not under a Content-Security-Policy
// without 'unsafe-eval' (the editor's pages, svelte.config.js). The editor's browser build replaces
// this module with one that answers no without trying (editor/no-eval.ts), so its pages never
// provoke a refusal the policy would report.

let allowed: boolean | undefined;

/** True when `new Function` works here; tried once. */
export function canEvaluate(): boolean {
  if (allowed === undefined) {
    try {
      allowed = new Function('return 1')() === 1;
    } catch {
      allowed = false;
    }
  }
  return allowed;
}
