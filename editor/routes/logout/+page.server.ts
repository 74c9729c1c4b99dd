// Sign-out: ends the session and clears its cookie.
import { redirect } from '@sveltejs/kit';
import { endSession } from '$engine/store/accounts.js';
import { storeDb } from '$lib/server/context.js';
import type { Actions, PageServerLoad } from './$types';

/** Opening /logout by link signs nobody out (a link could be forged); it goes home. */
export const load: PageServerLoad = () => redirect(303, '/');

export const actions: Actions = {
  default: ({ cookies }) => {
    endSession(storeDb(), cookies.get('session'));
    cookies.delete('session', { path: '/' });
    redirect(303, '/login');
  },
};
