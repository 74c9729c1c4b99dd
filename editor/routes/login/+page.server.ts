// Sign-in: checks the password (scrypt, off the event loop) under the throttle of sign-in.ts, and
// starts a session in an httpOnly, SameSite cookie.
import { fail, redirect } from '@sveltejs/kit';
import { createSession, sessionLimits } from '$engine/store/accounts.js';
import { storeDb } from '$lib/server/context.js';
import { formOf } from '$lib/server/form.js';
import { signIn } from '$lib/server/sign-in.js';
import { sameOriginPath } from '$lib/same-origin.js';
import type { Actions, PageServerLoad } from './$types';


export const load: PageServerLoad = ({ locals, url }) => {
  if (locals.user) redirect(303, sameOriginPath(url.searchParams.get('next'), url.origin));
  return {};
};

/**
 * The client's address as adapter-node gives it: the socket's peer, or the header named by
 * ADDRESS_HEADER (with XFF_DEPTH) when the server is set up behind a proxy; X-Forwarded-For is
 * never read otherwise.
 */
function clientAddress(getClientAddress: () => string): string {
  try {
    return getClientAddress();
  } catch {
    return 'unknown';
  }
}

export const actions: Actions = {
  default: async ({ request, cookies, url, getClientAddress, setHeaders }) => {
    const form = await formOf(request);
    const username = String(form.get('username') ?? '').trim();
    const password = String(form.get('password') ?? '');
    const db = storeDb();
    const outcome = await signIn(db, { username, password, address: clientAddress(getClientAddress) });
    if ('refused' in outcome) {
      const { status, th, en, retryAfterSeconds } = outcome.refused;
      if (retryAfterSeconds) setHeaders({ 'retry-after': String(retryAfterSeconds) });
      return fail(status, { username, error: { th, en }, locked: status === 429 });
    }
    const { maxMs } = sessionLimits();
    cookies.set('session', createSession(db, outcome.user.id), {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure: url.protocol === 'https:',
      maxAge: Math.floor(maxMs / 1000),
    });
    redirect(303, sameOriginPath(url.searchParams.get('next'), url.origin));
  },
};
