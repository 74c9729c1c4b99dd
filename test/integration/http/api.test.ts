import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyBytes } from '../../../engine/node/bundle.js';
import { startEditor, type Editor } from '../../browser/harness.js';

// The public API over real HTTP, checked against schemas/openapi.yaml.
const openapi = parse(readFileSync(join(import.meta.dirname, '../../../schemas/openapi.yaml'), 'utf8')) as {
  components: { schemas: Record<string, object> };
};
const ajv = new Ajv2020({ strict: false });
ajv.addSchema({ $id: 'api', components: openapi.components });
const conforms = (name: string, value: unknown) => {
  const validate = ajv.getSchema(`api#/components/schemas/${name}`)!;
  const ok = validate(value);
  if (!ok) throw new Error(JSON.stringify(validate.errors));
  return ok;
};

let editor: Editor;
const api = (path: string, headers: Record<string, string> = {}) => fetch(`${editor.base}/api/v1${path}`, { headers });

beforeAll(async () => {
  editor = await startEditor([{ username: 'watcher', role: 'viewer', password: 'river-lamp-watch-7' }]);
}, 30_000);
afterAll(() => editor?.stop());

describe('GET /api/v1', () => {
  it('lists the published periods', async () => {
    const response = await api('/periods');
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    const body = await response.json();
    expect(conforms('PeriodList', body)).toBe(true);
    expect(body.periods).toEqual([{ period: '2567-Q3', sequence: 9, manifest: '/api/v1/periods/2567-Q3/manifest.json', signature: '/api/v1/periods/2567-Q3/manifest.sig' }]);
  });

  it('serves a signed manifest with a strong ETag, a short max-age and 304 on revalidation', async () => {
    const response = await api('/periods/2567-Q3/manifest.json');
    expect(response.status).toBe(200);
    const etag = response.headers.get('etag')!;
    expect(etag).toMatch(/^"[0-9a-f]{64}"$/);
    expect(response.headers.get('cache-control')).toBe('public, max-age=60');
    const bytes = new Uint8Array(await response.arrayBuffer());
    const manifest = JSON.parse(new TextDecoder().decode(bytes));
    expect(conforms('Manifest', manifest)).toBe(true);
    expect(manifest.missions.map((m: { mission: string }) => m.mission)).toContain('otop');
    const signature = await (await api('/periods/2567-Q3/manifest.sig')).text();
    const publicKey = readFileSync(join(dirname(editor.db), 'signing', 'department.pub'), 'utf8');
    expect(verifyBytes(bytes, signature, publicKey)).toBe(true);
    const again = await api('/periods/2567-Q3/manifest.json', { 'if-none-match': etag });
    expect(again.status).toBe(304);
  });

  it('serves versioned rubrics as immutable YAML or JSON, and latest with a short max-age', async () => {
    const yaml = await api('/periods/2567-Q3/missions/otop/r1.yaml');
    expect(yaml.status).toBe(200);
    expect(yaml.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(yaml.headers.get('content-type')).toContain('application/yaml');
    const text = await yaml.text();
    expect(text).toBe(readFileSync(join(import.meta.dirname, '../../../rubrics/2567-Q3/otop.yaml'), 'utf8'));
    const json = await (await api('/periods/2567-Q3/missions/otop/latest.json')).json();
    expect(json).toMatchObject({ mission: 'otop', revision: 1 });
    const latest = await api('/periods/2567-Q3/missions/otop/latest.yaml');
    expect(latest.headers.get('cache-control')).toBe('public, max-age=60');
    expect((await api('/periods/2567-Q3/missions/otop/r1.yaml', { 'if-none-match': yaml.headers.get('etag')! })).status).toBe(304);
  });

  it('gives the same answers from the fast path and from SvelteKit\'s routes (a request with a province token goes to SvelteKit)', async () => {
    const token = { 'x-province-token': 'not-a-province-token' };
    for (const path of ['/periods/2567-Q3/missions/otop/r1.yaml', '/periods/2567-Q3/manifest.json', '/periods/2567-Q3/manifest.sig']) {
      const [fast, routed] = await Promise.all([api(path), api(path, token)]);
      for (const header of ['etag', 'cache-control', 'content-type', 'access-control-allow-origin', 'content-security-policy']) {
        expect(routed.headers.get(header), `${path} ${header}`).toBe(fast.headers.get(header));
      }
      expect(routed.status, path).toBe(fast.status);
      expect(Buffer.from(await routed.arrayBuffer()).equals(Buffer.from(await fast.arrayBuffer())), path).toBe(true);
      const etag = fast.headers.get('etag')!;
      const [fast304, routed304] = await Promise.all([api(path, { 'if-none-match': etag }), api(path, { ...token, 'if-none-match': etag })]);
      expect([fast304.status, routed304.status], path).toEqual([304, 304]);
    }
  });

  it('serves a whole period as one bundle', async () => {
    const bundle = await (await api('/periods/2567-Q3/bundle.json')).json();
    expect(conforms('Bundle', bundle)).toBe(true);
    expect(Object.keys(bundle.files)).toHaveLength(9);
  });

  it('answers clear JSON errors: 404 for what does not exist, 400 for a malformed name', async () => {
    for (const [path, status] of [
      ['/periods/2567-Q4/manifest.json', 404],
      ['/periods/2567-Q3/missions/no-such/r1.yaml', 404],
      ['/periods/2567-Q3/missions/otop/r9.yaml', 404],
      ['/periods/2567-Q9/manifest.json', 400],
      ['/periods/2567-Q3/missions/otop/r0.yaml', 400],
      ['/periods/2567-Q3/missions/otop/..%2F..%2Fpackage.json', 400],
      ['/periods/2567-Q3/missions/Otop/r1.yaml', 400],
      [`/periods/2567-Q3/missions/${'a'.repeat(65)}/r1.yaml`, 400],
      // Paths the API does not define answer in JSON too, not with the editor's HTML page.
      ['/nothing-here', 404],
      ['/periods/2567-Q3/missions', 404],
      ['/periods/2567-Q3/missions/otop/r1.yaml/extra', 404],
    ] as const) {
      const response = await api(path);
      expect(response.status, path).toBe(status);
      const body = await response.json();
      expect(conforms('Error', body)).toBe(true);
      expect(body.error.status).toBe(status);
    }
  });

  it('answers 405 in JSON to any method but GET, HEAD and OPTIONS, a cross-site form post included, and 400 in JSON to a broken %-escape', async () => {
    for (const [method, path, headers] of [
      ['POST', '/periods', {}],
      ['PUT', '/periods/2567-Q3/manifest.json', {}],
      ['DELETE', '/periods/2567-Q3/missions/otop/r1.yaml', {}],
      ['PATCH', '/periods/2567-Q3/bundle.json', {}],
      ['POST', '/periods', { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://evil.example' }],
      ['POST', '/nothing-here', {}],
    ] as const) {
      const response = await fetch(`${editor.base}/api/v1${path}`, { method, headers, ...(method === 'POST' ? { body: 'a=1' } : {}) });
      expect(response.status, `${method} ${path}`).toBe(405);
      expect(response.headers.get('allow')).toBe('GET, HEAD, OPTIONS');
      const body = await response.json();
      expect(conforms('Error', body)).toBe(true);
      expect(body.error).toMatchObject({ status: 405, code: 'METHOD_NOT_ALLOWED' });
    }
    const broken = await api('/periods/2567-Q3%ZZ/manifest.json');
    expect(broken.status).toBe(400);
    expect(conforms('Error', await broken.json())).toBe(true);
  });

  it('records a province\'s pull in the adoption ledger when it sends its token', async () => {
    const run = spawnSync(process.execPath, [join(import.meta.dirname, '../../../dist/engine/cli/bin.js'), 'token', 'issue', 'ลำปาง', '--db', editor.db], { encoding: 'utf8' });
    const token = run.stdout.trim().split(': ').at(-1)!;
    expect(token).toMatch(/^[A-Za-z0-9_-]{20,}$/);
    // A name that is no province gets no token: exit 1 and the closest province named.
    const typo = spawnSync(process.execPath, [join(import.meta.dirname, '../../../dist/engine/cli/bin.js'), 'token', 'issue', 'ลำปา', '--db', editor.db], { encoding: 'utf8' });
    expect([typo.status, typo.stdout]).toEqual([1, '']);
    expect(typo.stderr).toContain('did you mean "ลำปาง"');
    await api('/periods/2567-Q3/manifest.json', { authorization: `Bearer ${token}` });
    const { openDb } = await import('../../../engine/store/db.js');
    const { adoption } = await import('../../../engine/store/publication.js');
    const ledger = adoption(openDb(editor.db), '2567-Q3');
    expect(ledger).toHaveLength(76);
    expect(ledger.filter((a) => a.state !== 'never-pulled')).toEqual([
      { province: 'ลำปาง', code: 'TH-52', en: 'Lampang', token: true, sequence: 9, at: expect.any(String), latest: 9, state: 'current', current: true },
    ]);
    // The department sees it on the ledger page.
    const login = await fetch(`${editor.base}/login`, {
      method: 'POST',
      body: new URLSearchParams({ username: 'watcher', password: 'river-lamp-watch-7' }),
      headers: { origin: editor.base, accept: 'text/html' },
      redirect: 'manual',
    });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
    const page = await (await fetch(`${editor.base}/ledger?period=2567-Q3`, { headers: { cookie } })).text();
    const row = page.slice(page.indexOf('ลำปาง'), page.indexOf('</tr>', page.indexOf('ลำปาง')));
    expect(row.replace(/<[^>]*>/g, ' ')).toMatch(/ลำปาง\s+ได้รับฉบับล่าสุดแล้ว\s+9\s+.*มีแล้ว/);
    // Every other province is there too, as never having pulled.
    expect(page.match(/data-state="never-pulled"/g)).toHaveLength(75);
    expect(page.replace(/<[^>]*>/g, ' ')).toMatch(/จาก 76 จังหวัด ได้รับฉบับล่าสุด 1 ยังไม่ได้รับฉบับล่าสุด 0 ยังไม่เคยรับ 75/);
    // And as a CSV for Excel: a byte-order mark, a header and a line per province.
    const csv = await fetch(`${editor.base}/ledger.csv?period=2567-Q3`, { headers: { cookie } });
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const bytes = Buffer.from(await csv.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.subarray(3).toString('utf8').split('\r\n').filter(Boolean);
    expect(lines).toHaveLength(77);
    expect(lines[0]).toBe('จังหวัด,province,code,token,state,สถานะ,received,latest,last_fetched');
    expect(lines.find((l) => l.startsWith('ลำปาง,'))).toMatch(/^ลำปาง,Lampang,TH-52,yes,current,ได้รับฉบับล่าสุดแล้ว,9,9,\d{4}-/);
    expect(lines.find((l) => l.startsWith('น่าน,'))).toBe('น่าน,Nan,TH-55,no,never-pulled,ยังไม่เคยรับ,,9,');
    // Not for anyone who is not signed in.
    expect((await fetch(`${editor.base}/ledger.csv?period=2567-Q3`, { redirect: 'manual' })).status).toBe(303);

    // The department publishes a correction (sequence 10): ลำปาง, which holds 9, is now behind, and says which it holds.
    const { openCorrection, publishDraft } = await import('../../../engine/store/rubric-store.js');
    const { valueOf } = await import('../../settled.js');
    const db = openDb(editor.db);
    valueOf(await openCorrection(db, { period: '2567-Q3', mission: 'bmn', username: 'pat' }));
    valueOf(await publishDraft(db, { period: '2567-Q3', mission: 'bmn', version: 1, username: 'pat', acknowledgeWarnings: true }));
    expect(adoption(db, '2567-Q3').find((a) => a.province === 'ลำปาง')).toMatchObject({ sequence: 9, latest: 10, state: 'behind', current: false });
    const behind = await (await fetch(`${editor.base}/ledger?period=2567-Q3`, { headers: { cookie } })).text();
    const words = behind.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ');
    expect(words).toMatch(/จาก 76 จังหวัด ได้รับฉบับล่าสุด 0 ยังไม่ได้รับฉบับล่าสุด 1 ยังไม่เคยรับ 75/);
    expect(words).toContain('(ล่าสุดคือครั้งที่ 10)');
    const after = (await (await fetch(`${editor.base}/ledger.csv?period=2567-Q3`, { headers: { cookie } })).text()).split('\r\n');
    expect(after.find((l) => l.startsWith('ลำปาง,'))).toMatch(/^ลำปาง,Lampang,TH-52,yes,behind,[^,]+,9,10,\d{4}-/);
    db.close();
  });
});
