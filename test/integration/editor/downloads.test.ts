import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyBytes } from '../../../engine/node/bundle.js';
import { startEditor, type Editor } from '../../browser/harness.js';

// The provinces' downloads on the built server, without a sign-in: rubric.mjs with its sha256, the
// department's public key with its fingerprint, and the page that explains them in Thai or English.
const root = join(import.meta.dirname, '../../..');
let editor: Editor;

beforeAll(async () => {
  editor = await startEditor([]);
}, 30_000);

afterAll(() => editor?.stop());

const get = (path: string, cookie = '') => fetch(`${editor.base}${path}`, { redirect: 'manual', headers: cookie ? { cookie } : {} });
const sha256 = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('hex');
/** What a person reads: the page's text without its scripts and tags. */
const visible = (html: string) => html.replace(/<script[\s\S]*?<\/script>/g, '').replace(/<[^>]*>/g, ' ');

describe('/downloads', () => {
  it('serves rubric.mjs without a sign-in, the bytes npm run build:engine wrote', async () => {
    const response = await get('/downloads/rubric.mjs');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="rubric.mjs"');
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect(Buffer.from(bytes).equals(readFileSync(join(root, 'dist/rubric.mjs')))).toBe(true);
    const line = await (await get('/downloads/rubric.mjs.sha256')).text();
    expect(line).toBe(`${sha256(bytes)}  rubric.mjs\n`);
  });

  it("serves the key the manifests are signed with, and the page shows it with its fingerprint", async () => {
    const response = await get('/downloads/department.pub');
    expect(response.status).toBe(200);
    const pem = await response.text();
    expect(pem).toMatch(/^-----BEGIN PUBLIC KEY-----\n[A-Za-z0-9+/=\n]+-----END PUBLIC KEY-----\n$/);
    // The department's own copy, from which its letter's fingerprint is taken.
    expect(pem).toBe(readFileSync(join(dirname(editor.db), 'signing', 'department.pub'), 'utf8'));
    const manifest = new Uint8Array(await (await get('/api/v1/periods/2567-Q3/manifest.json')).arrayBuffer());
    const signature = await (await get('/api/v1/periods/2567-Q3/manifest.sig')).text();
    expect(verifyBytes(manifest, signature, pem)).toBe(true);
    const page = await get('/downloads');
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain(`data-testid="public-key">${pem}</pre>`);
    expect(html).toMatch(new RegExp(`data-testid="key-fingerprint">${sha256(pem)}<`));
    expect(html).toMatch(new RegExp(`data-testid="cli-sha256">${sha256(readFileSync(join(root, 'dist/rubric.mjs')))}<`));
  });

  it('explains the steps in Thai, with this server and its newest period in the commands', async () => {
    const html = await (await get('/downloads')).text();
    expect(html).toContain('<html lang="th">');
    const text = visible(html);
    for (const words of ['ติดตั้ง Node.js รุ่น 20', 'certutil -hashfile rubric.mjs SHA256', 'sha256sum rubric.mjs', 'ลายนิ้วมือกุญแจ', 'หนังสือแจ้งของกรม', 'ดึงเกณฑ์ของไตรมาส ๓/๒๕๖๗']) {
      expect(text).toContain(words);
    }
    expect(text).toContain(`node rubric.mjs pull --server ${editor.base} --period 2567-Q3 --out bundles --public-key department.pub --allow-http`);
    expect(text).toContain('node rubric.mjs grade otop --period 2567-Q3 --bundle bundles --data otop.xlsx --out results.xlsx');
    expect(text).not.toContain('fingerprint');
  });

  it('explains them in English for the lang=en cookie', async () => {
    const html = await (await get('/downloads', 'lang=en')).text();
    expect(html).toContain('<html lang="en">');
    const text = visible(html);
    expect(text).toContain("The key's fingerprint is the sha256 of the file department.pub as downloaded");
    expect(text).toContain('Pull the rubrics of 2567-Q3');
    expect(text).not.toContain('ลายนิ้วมือ');
  });

  it('still asks for a sign-in everywhere else', async () => {
    const response = await get('/ledger');
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/login?next=%2Fledger');
  });
});
