// Every request: who is signed in (session cookie) and which language to show; pages need a sign-in,
// except the public ones (the sign-in page, the public API, the published criteria, the provinces' downloads and grading page).
// Every answer: the security headers (a page's Content-Security-Policy comes from svelte.config.js),
// and no caching of anything but the public API.
import { redirect, type Handle, type ServerInit } from '@sveltejs/kit';
import { sessionUser } from '$engine/store/accounts.js';
import { analysisSettings } from '$engine/node/analysis-pool.js';
import { authSettings } from '$engine/store/auth-settings.js';
import { ensureFirstAccount, staticExport, storeDb } from './lib/server/context.js';
import { warmAnalyses } from '$engine/store/rubric-store.js';
import { SECURITY_HEADERS } from '$engine/http/security-headers.js';

/**
 * Before the first request: checks the sign-in, session and analysis settings (a bad value stops the
 * server rather than leave it unprotected), opens and seeds the store, and makes the first
 * account if none.
 */
export const init: ServerInit = async () => {
  authSettings();
  analysisSettings();
  // Read every mission's text in the workers now, not at the first visit to the home page.
  warmAnalyses(storeDb());
  await ensureFirstAccount();
};

// Open without a sign-in: the sign-in itself, the language switch and the public API.
const OPEN = ['/login', '/lang', '/api/'];
/** Sections open without a sign-in, each itself and what is under it (not `/criteriaX`): the published criteria, what provinces download, and the provinces' grading page. */
const OPEN_SECTIONS = ['/criteria', '/downloads', '/grade'];

/** Pages anyone may read without signing in: the sign-in page, the language switch, the public API, the published criteria and the downloads. */
function isOpen(path: string): boolean {
  return OPEN.some((p) => path.startsWith(p)) || OPEN_SECTIONS.some((p) => path === p || path.startsWith(`${p}/`));
}

/**
 * The response with the security headers. Pages, their data and form answers carry drafts and
 * who is signed in, so no cache may keep them; the public API (/api/) keeps its own lifetimes
 * (immutable revisions, short-lived manifests).
 */
function secured(response: Response, path: string): Response {
  const apply = (headers: Headers) => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) headers.set(name, value);
    if (!path.startsWith('/api/')) headers.set('cache-control', 'no-store');
  };
  try {
    apply(response.headers);
    return response;
  } catch {
    // A response whose headers cannot change (one passed on from fetch) is copied.
    const copy = new Response(response.body, response);
    apply(copy.headers);
    return copy;
  }
}

export const handle: Handle = async ({ event, resolve }) => {
  event.locals.user = sessionUser(storeDb(), event.cookies.get('session')) ?? null;
  // The static copy of the public site is in Thai, the language of the department's letters.
  event.locals.staticSite = staticExport();
  event.locals.lang = !event.locals.staticSite && event.cookies.get('lang') === 'en' ? 'en' : 'th';
  const path = event.url.pathname;
  if (!event.locals.user && !isOpen(path)) {
    // SvelteKit answers the redirect (as JSON to its own data and form requests); it carries no
    // page, and serve.js has already set the security headers.
    redirect(303, `/login?next=${encodeURIComponent(path + event.url.search)}`);
  }
  const response = await resolve(event, { transformPageChunk: ({ html }) => html.replace('%lang%', event.locals.lang) });
  return secured(response, path);
};
