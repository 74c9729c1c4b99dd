// Who is signed in and the chosen language, for every page.
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = ({ locals }) => ({
  user: locals.user ? { username: locals.user.username, name: locals.user.name, role: locals.user.role } : null,
  lang: locals.lang,
});
