// What the static copy of the public site changes in a page the server rendered, and reads from it:
// the links to follow, and the page's Content-Security-Policy moved from the response header (which
// a plain web server does not send) into a <meta> element, with the inline script allowed by its
// sha256 instead of the one-request nonce.
import { createHash } from 'node:crypto';

/** The paths on this site a page links to or loads (href and src that start with one "/"), without query or fragment, decoded. */
export function sitePaths(html: string): string[] {
  const found = new Set<string>();
  for (const match of html.matchAll(/\s(?:href|src)="(\/(?!\/)[^"]*)"/g)) {
    const raw = match[1]!.replace(/&amp;/g, '&').replace(/[?#].*$/, '');
    try {
      found.add(decodeURIComponent(raw));
    } catch {
      found.add(raw);
    }
  }
  return [...found];
}

/** The sha256 CSP source of each inline script (one without src) of a page, in order. */
export function inlineScriptHashes(html: string): string[] {
  const hashes: string[] = [];
  for (const match of html.matchAll(/<script(\s[^>]*)?>([\s\S]*?)<\/script>/g)) {
    if (/\ssrc=/.test(match[1] ?? '')) continue;
    hashes.push(`'sha256-${createHash('sha256').update(match[2]!, 'utf8').digest('base64')}'`);
  }
  return hashes;
}

/**
 * The policy for a <meta> element: the header's nonces replaced by the inline scripts' hashes, and
 * without the directives a <meta> cannot carry (frame-ancestors, report-uri, report-to, sandbox).
 */
export function metaPolicy(header: string, hashes: string[]): string {
  return header
    .split(';')
    .map((d) => d.trim())
    .filter((d) => d !== '' && !/^(frame-ancestors|report-uri|report-to|sandbox)\b/.test(d))
    .map((d) => {
      const [name, ...sources] = d.split(/\s+/);
      const kept = sources.filter((s) => !s.startsWith("'nonce-"));
      if (kept.length === sources.length) return d;
      return [name, ...kept, ...hashes].join(' ');
    })
    .join('; ');
}

/** A page for the static copy: nonce attributes gone, and the policy at the start of <head>. A page without a policy stops the export. */
export function staticPage(html: string, policyHeader: string | null): string {
  if (!policyHeader) throw new Error('the page came without a Content-Security-Policy');
  const page = html.replace(/\snonce="[^"]*"/g, '');
  const policy = metaPolicy(policyHeader, inlineScriptHashes(page)).replace(/"/g, '&quot;');
  // After <meta charset> when there is one (it must stay near the start), and before any script.
  const head = /<meta charset="[^"]*"\s*\/?>/.exec(page) ?? /<head(\s[^>]*)?>/.exec(page);
  if (!head) throw new Error('the page has no <head>');
  const at = head.index + head[0].length;
  return `${page.slice(0, at)}\n<meta http-equiv="content-security-policy" content="${policy}">${page.slice(at)}`;
}
