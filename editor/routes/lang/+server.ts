// Switches the page language (a cookie) and goes back to the page it came from.
import { redirect } from '@sveltejs/kit';
import { sameOriginPath } from '$lib/same-origin.js';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ url, cookies }) => {
  const to = url.searchParams.get('to') === 'en' ? 'en' : 'th';
  cookies.set('lang', to, { path: '/', httpOnly: false, sameSite: 'lax', maxAge: 60 * 60 * 24 * 365 });
  redirect(303, sameOriginPath(url.searchParams.get('back'), url.origin));
};
