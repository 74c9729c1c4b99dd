// Sign-out: ends the session and clears its cookie.
import { redirect } from '@sveltejs/kit';
import { endSession } from '$lib/server/accounts.js';
import { storeDb } from '$lib/server/context.js';
import type { Actions } from './$types';

export const actions: Actions = {
  default: ({ cookies }) => {
    endSession(storeDb(), cookies.get('session'));
    cookies.delete('session', { path: '/' });
    redirect(303, '/login');
  },
};
