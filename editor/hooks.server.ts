// Every request: who is signed in (session cookie) and which language to show; pages need a sign-in.
import { redirect, type Handle, type ServerInit } from '@sveltejs/kit';
import { sessionUser } from './lib/server/accounts.js';
import { analysisSettings } from './lib/server/analysis.js';
import { authSettings } from './lib/server/auth-settings.js';
import { ensureFirstAccount, storeDb } from './lib/server/context.js';
import { warmAnalyses } from './lib/server/rubric-store.js';

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

const OPEN = ['/login', '/lang', '/api/'];

export const handle: Handle = async ({ event, resolve }) => {
  event.locals.user = sessionUser(storeDb(), event.cookies.get('session')) ?? null;
  event.locals.lang = event.cookies.get('lang') === 'en' ? 'en' : 'th';
  const path = event.url.pathname;
  if (!event.locals.user && !OPEN.some((p) => path.startsWith(p))) {
    redirect(303, `/login?next=${encodeURIComponent(path + event.url.search)}`);
  }
  return resolve(event, { transformPageChunk: ({ html }) => html.replace('%lang%', event.locals.lang) });
};
