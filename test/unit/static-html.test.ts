// The static copy's reading and rewriting of a rendered page: which links it follows, and the
// Content-Security-Policy moved from the header into a <meta> with the inline script's hash.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { inlineScriptHashes, metaPolicy, sitePaths, staticPage } from '../../engine/cli/export/static-html.js';

const PAGE = `<!doctype html>
<html lang="th">
  <head>
    <meta charset="utf-8" />
    <link href="/_app/immutable/assets/0.css" rel="stylesheet">
    <link rel="modulepreload" href="/_app/immutable/entry/start.js">
  </head>
  <body>
    <a href="/criteria">เกณฑ์</a> <a href="/criteria/2567-Q3?digits=arabic#levels">Arabic</a>
    <a href="https://www.cdd.go.th/">CDD</a> <a href="//cdn.example/x.js">cdn</a> <a href="history">relative</a>
    <a href="/lang?to=en&amp;back=%2Fcriteria">English</a> <a href="/grade/%E0%B8%81">ก</a>
    <img src="/favicon.svg" alt="">
    <script nonce="abc123">__sveltekit_x = { base: "" };</script>
    <script type="module" src="/_app/x.js" nonce="abc123"></script>
  </body>
</html>`;
const HEADER = "default-src 'self'; script-src 'self' 'nonce-abc123'; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'; base-uri 'self'";

describe('the paths a page links to', () => {
  it('are the site-absolute ones, without query or fragment, decoded; other sites and relative links are left out', () => {
    expect(sitePaths(PAGE).sort()).toEqual(
      ['/_app/immutable/assets/0.css', '/_app/immutable/entry/start.js', '/_app/x.js', '/criteria', '/criteria/2567-Q3', '/favicon.svg', '/grade/ก', '/lang'].sort(),
    );
  });
});

describe('the policy of a static page', () => {
  it("hashes each inline script and not one with src", () => {
    const expected = `'sha256-${createHash('sha256').update('__sveltekit_x = { base: "" };').digest('base64')}'`;
    expect(inlineScriptHashes(PAGE)).toEqual([expected]);
  });

  it('puts the hashes where the nonce was and drops what a <meta> cannot carry', () => {
    expect(metaPolicy(HEADER, ["'sha256-AAA='"])).toBe("default-src 'self'; script-src 'self' 'sha256-AAA='; style-src 'self' 'unsafe-inline'; base-uri 'self'");
  });

  it('writes the <meta> right after <meta charset>, before any script, and removes every nonce', () => {
    const page = staticPage(PAGE, HEADER);
    expect(page).not.toContain('nonce');
    const meta = page.indexOf('<meta http-equiv="content-security-policy"');
    expect(meta).toBeGreaterThan(page.indexOf('<meta charset="utf-8" />'));
    expect(meta).toBeLessThan(page.indexOf('<link'));
    expect(page).toContain(inlineScriptHashes(PAGE)[0]);
  });

  it('refuses a page without a policy header (the copy would have none) and a page without <head>', () => {
    expect(() => staticPage(PAGE, null)).toThrow('without a Content-Security-Policy');
    expect(() => staticPage('<p>no head</p>', HEADER)).toThrow('no <head>');
  });
});
