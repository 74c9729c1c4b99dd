// Who is signed in, the chosen language, and whether the page is for the static copy of the public site, for every page.
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = ({ locals }) => ({
  user: locals.user ? { username: locals.user.username, name: locals.user.name, role: locals.user.role } : null,
  lang: locals.lang,
  staticSite: locals.staticSite,
});
