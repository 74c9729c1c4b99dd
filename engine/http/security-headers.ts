// The security headers of every answer the editor gives. editor/serve.js sets them before anything
// answers (the public API's fast path, static files and redirects included); editor/hooks.server.ts
// sets them again on what SvelteKit answers, for servers started another way (vite dev, preview).
// A page's Content-Security-Policy is SvelteKit's (kit.csp in svelte.config.js).

/** No guessing of content types, no address sent to other sites, no framing by any site. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'same-origin',
  'x-frame-options': 'DENY',
};
