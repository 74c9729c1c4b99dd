// Where a redirect may send someone after switching the language or signing in: only back to
// this site. A value is parsed as a browser would parse it (a backslash counts as a slash, tabs
// and line breaks are dropped), so "/\evil.example" cannot leave the site and a line feed cannot
// reach a header.

/** The path, query and fragment of `value` when it resolves on `origin`; otherwise "/". */
export function sameOriginPath(value: string | null, origin: string): string {
  if (!value) return '/';
  let url: URL;
  try {
    url = new URL(value, origin);
  } catch {
    return '/';
  }
  if (url.origin !== new URL(origin).origin) return '/';
  return `${url.pathname}${url.search}${url.hash}`;
}
