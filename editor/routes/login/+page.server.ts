// Sign-in: checks the password (scrypt) and starts a session in an httpOnly, SameSite cookie.
import { fail, redirect } from '@sveltejs/kit';
import { authenticate, createSession, SESSION_MS } from '$lib/server/accounts.js';
import { storeDb } from '$lib/server/context.js';
import { sameOriginPath } from '$lib/same-origin.js';
import type { Actions, PageServerLoad } from './$types';


export const load: PageServerLoad = ({ locals, url }) => {
  if (locals.user) redirect(303, sameOriginPath(url.searchParams.get('next'), url.origin));
  return {};
};

export const actions: Actions = {
  default: async ({ request, cookies, url }) => {
    const form = await request.formData();
    const username = String(form.get('username') ?? '').trim();
    const password = String(form.get('password') ?? '');
    const db = storeDb();
    const user = authenticate(db, username, password);
    if (!user) {
      return fail(400, { username, error: { th: 'ชื่อผู้ใช้หรือรหัสผ่านไม่ถูกต้อง', en: 'wrong username or password' } });
    }
    cookies.set('session', createSession(db, user.id), {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure: url.protocol === 'https:',
      maxAge: SESSION_MS / 1000,
    });
    redirect(303, sameOriginPath(url.searchParams.get('next'), url.origin));
  },
};
