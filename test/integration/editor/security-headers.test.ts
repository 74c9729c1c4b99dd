// The security headers over real HTTP against the built server (`npm run build` first): the
// Content-Security-Policy and no caching on the pages a signed-in user sees, and nosniff,
// Referrer-Policy and X-Frame-Options on every answer, also those that never reach SvelteKit's
// hooks (the public API's in-memory fast path, static files, the redirect to sign in). The public
// API keeps its own cache lifetimes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEditor, type Editor } from '../../browser/harness.js';

const USER = { username: 'somsri', role: 'editor', password: 'lotus-pond-morning-9' };

let editor: Editor;
let cookie: string;

beforeAll(async () => {
  editor = await startEditor([USER]);
  const login = await fetch(`${editor.base}/login`, {
    method: 'POST',
    body: new URLSearchParams({ username: USER.username, password: USER.password }),
    headers: { origin: editor.base, accept: 'text/html' },
    redirect: 'manual',
  });
  cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
  expect(cookie).toMatch(/^session=./);
}, 60_000);
afterAll(() => editor?.stop());

const get = (path: string, headers: Record<string, string> = {}) => fetch(`${editor.base}${path}`, { headers, redirect: 'manual' });

/** A Content-Security-Policy header as directive → sources. */
function directives(header: string | null): Record<string, string[]> {
  return Object.fromEntries(
    (header ?? '')
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...sources]) => [name!, sources]),
  );
}

/** The headers every answer carries. */
function expectEveryAnswerHeaders(response: Response, what: string): void {
  expect(response.headers.get('x-content-type-options'), what).toBe('nosniff');
  expect(response.headers.get('referrer-policy'), what).toBe('same-origin');
  expect(response.headers.get('x-frame-options'), what).toBe('DENY');
}

describe('security headers', () => {
  it('a signed-in page has the Content-Security-Policy, its start-up script the nonce, and no cache keeps it', async () => {
    for (const path of ['/', '/p/2567-Q3/otop', '/p/2567-Q3/preview']) {
      const response = await get(path, { cookie });
      expect(response.status, path).toBe(200);
      expectEveryAnswerHeaders(response, path);
      expect(response.headers.get('cache-control'), path).toBe('no-store');
      const csp = directives(response.headers.get('content-security-policy'));
      const nonce = csp['script-src']?.find((s) => s.startsWith("'nonce-"));
      expect(nonce, path).toBeDefined();
      expect(csp, path).toEqual({
        'default-src': ["'self'"],
        'script-src': ["'self'", nonce],
        'style-src': ["'self'", "'unsafe-inline'"],
        'img-src': ["'self'", 'data:'],
        'font-src': ["'self'"],
        'worker-src': ["'self'"],
        'connect-src': ["'self'"],
        'frame-ancestors': ["'none'"],
        'base-uri': ["'self'"],
        'form-action': ["'self'"],
        'object-src': ["'none'"],
      });
      // SvelteKit's inline start-up script runs because it carries that nonce.
      const html = await response.text();
      expect(html, path).toContain(`<script nonce="${nonce!.slice(7, -1)}">`);
    }
  });

  it('the data behind a page (its drafts) and the sign-in page are not cached either', async () => {
    const data = await get('/p/2567-Q3/otop/__data.json', { cookie });
    expect(data.status).toBe(200);
    expectEveryAnswerHeaders(data, '__data.json');
    expect(data.headers.get('cache-control')).toBe('no-store');
    const login = await get('/login');
    expect(login.status).toBe(200);
    expect(login.headers.get('cache-control')).toBe('no-store');
    expect(login.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
  });

  it('the redirect to sign in carries them too', async () => {
    const response = await get('/p/2567-Q3/otop');
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/login?next=%2Fp%2F2567-Q3%2Fotop');
    expectEveryAnswerHeaders(response, 'redirect');
  });

  it('the public API keeps its cache lifetimes, on the fast path and through SvelteKit', async () => {
    // A versioned file and the manifest come from serve.js's memory, before SvelteKit.
    const file = await get('/api/v1/periods/2567-Q3/missions/otop/r1.yaml');
    expect(file.status).toBe(200);
    expectEveryAnswerHeaders(file, 'r1.yaml');
    expect(file.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const manifest = await get('/api/v1/periods/2567-Q3/manifest.json');
    expectEveryAnswerHeaders(manifest, 'manifest.json');
    expect(manifest.headers.get('cache-control')).toBe('public, max-age=60');
    // latest.json is answered by SvelteKit's route.
    const latest = await get('/api/v1/periods/2567-Q3/missions/otop/latest.json');
    expect(latest.status).toBe(200);
    expectEveryAnswerHeaders(latest, 'latest.json');
    expect(latest.headers.get('cache-control')).toBe('public, max-age=60');
    // So is an API error, which must not be cached.
    const missing = await get('/api/v1/nothing-here');
    expect(missing.status).toBe(404);
    expectEveryAnswerHeaders(missing, 'API 404');
    expect(missing.headers.get('cache-control')).toBe('no-store');
  });

  it('a static file served by adapter-node carries nosniff and keeps its long cache lifetime', async () => {
    const html = await (await get('/login')).text();
    const href = /href="([^"]*_app\/immutable\/assets\/[^"]+\.css)"/.exec(html)?.[1];
    expect(href).toBeDefined();
    const asset = new URL(href!, `${editor.base}/login`).pathname;
    const response = await get(asset);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/css/);
    expectEveryAnswerHeaders(response, asset);
    expect(response.headers.get('cache-control')).toBe('public,max-age=31536000,immutable');
  });
});
