// The public API's one implementation (engine/http/public-api.ts), called directly over a seeded
// store: the answers SvelteKit's routes and serve.js's fast path both give, and which of them the
// fast path may give (hot reads without a province token, found).
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../temp.js';
import { createPublicApi, type ApiAnswer, type ApiRequest, type PublicApi } from '../../../engine/http/public-api.js';
import { openDb, type Db } from '../../../engine/store/db.js';
import { openCorrection, publishDraft, seedStore } from '../../../engine/store/rubric-store.js';
import { valueOf } from '../../settled.js';

let dir: string;
let db: Db;
let api: PublicApi;
const keyBefore = process.env.RUBRIC_SIGNING_KEY;

beforeAll(() => {
  dir = tempDir('rubric-public-api-');
  process.env.RUBRIC_SIGNING_KEY = join(dir, 'signing', 'department.key');
  db = openDb(join(dir, 'editor.db'));
  seedStore(db);
  api = createPublicApi(() => db);
});
afterAll(() => {
  db?.close();
  if (keyBefore === undefined) delete process.env.RUBRIC_SIGNING_KEY;
  else process.env.RUBRIC_SIGNING_KEY = keyBefore;
});

const request = (path: string, headers: Record<string, string> = {}, method = 'GET'): ApiRequest => ({ method, path: `/api/v1${path}`, header: (name) => headers[name] ?? null });
const errorCode = (answer: ApiAnswer) => (JSON.parse(String(answer.body)) as { error: { code: string } }).error.code;

describe('the public API', () => {
  it('answers the periods, a manifest, its signature, a bundle and versioned and latest files', () => {
    const periods = api.answer(request('/periods'));
    expect(periods.status).toBe(200);
    expect(JSON.parse(String(periods.body)).periods.map((p: { period: string }) => p.period)).toEqual(['2567-Q3']);
    const manifest = api.answer(request('/periods/2567-Q3/manifest.json'));
    expect([manifest.status, manifest.headers['cache-control'], manifest.headers['content-type']]).toEqual([200, 'public, max-age=60', 'application/json; charset=utf-8']);
    expect(manifest.headers.etag).toMatch(/^"[0-9a-f]{64}"$/);
    expect(api.answer(request('/periods/2567-Q3/manifest.sig')).headers.etag).toBe(manifest.headers.etag!.replace(/"$/, '-sig"'));
    expect(Object.keys(JSON.parse(String(api.answer(request('/periods/2567-Q3/bundle.json')).body)).files)).toHaveLength(9);
    const file = api.answer(request('/periods/2567-Q3/missions/otop/r1.yaml'));
    expect([file.status, file.headers['cache-control']]).toEqual([200, 'public, max-age=31536000, immutable']);
    expect(api.answer(request('/periods/2567-Q3/missions/otop/latest.yaml')).headers['cache-control']).toBe('public, max-age=60');
    expect(JSON.parse(String(api.answer(request('/periods/2567-Q3/missions/otop/latest.json')).body))).toMatchObject({ mission: 'otop', revision: 1 });
    const again = api.answer(request('/periods/2567-Q3/missions/otop/r1.yaml', { 'if-none-match': file.headers.etag! }));
    expect([again.status, again.body]).toEqual([304, null]);
  });

  it('refuses with a status and a code', () => {
    for (const [path, method, status, code] of [
      ['/periods/2567-Q9/manifest.json', 'GET', 400, 'BAD_PERIOD'],
      ['/periods/2567-Q4/manifest.json', 'GET', 404, 'NO_PERIOD'],
      ['/periods/2567-Q3/missions/otop/r0.yaml', 'GET', 400, 'BAD_NAME'],
      ['/periods/2567-Q3/missions/otop/r9.yaml', 'GET', 404, 'NOT_FOUND'],
      ['/periods/2567-Q3/missions/otop/..%2F..%2Fpackage.json', 'GET', 400, 'BAD_NAME'],
      ['/nothing-here', 'GET', 404, 'NOT_FOUND'],
      ['/periods/2567-Q3/manifest.json', 'POST', 405, 'METHOD_NOT_ALLOWED'],
      ['/periods/%E0%A4', 'GET', 400, 'BAD_PATH'],
    ] as const) {
      const answer = api.answer(request(path, {}, method));
      expect([answer.status, errorCode(answer)], path).toEqual([status, code]);
      expect(answer.headers['cache-control']).toBe('no-store');
    }
    expect(api.answer(request('/periods/2567-Q3/manifest.json', {}, 'OPTIONS')).status).toBe(204);
  });

  it('words its refusals in Thai and English from the catalogue, in the same JSON body as before', () => {
    const body = (path: string, method = 'GET') => JSON.parse(String(api.answer(request(path, {}, method)).body)) as unknown;
    expect(body('/periods/2567-Q9/manifest.json')).toEqual({
      error: { status: 400, code: 'BAD_PERIOD', message: { th: 'ชื่อไตรมาสไม่ถูกต้อง: 2567-Q9', en: 'malformed period "2567-Q9" (expected like 2567-Q3)' } },
    });
    expect(body('/periods/2567-Q9/bundle.json')).toMatchObject({ error: { message: { en: 'malformed period "2567-Q9"' } } });
    expect(body('/periods/2567-Q4/manifest.json')).toMatchObject({ error: { message: { th: 'ไม่มีเกณฑ์ที่เผยแพร่ในไตรมาส 2567-Q4', en: 'nothing is published for 2567-Q4' } } });
    expect(body('/periods/2567-Q3/missions/otop/r0.yaml')).toMatchObject({
      error: { message: { th: 'ชื่อไตรมาส ภารกิจ หรือไฟล์ไม่ถูกต้อง', en: 'malformed name: expected /api/v1/periods/2567-Q3/missions/otop/r1.yaml (or latest.json), received 2567-Q3/otop/r0.yaml' } },
    });
    expect(body('/periods/2567-Q3/missions/otop/r9.yaml')).toMatchObject({ error: { message: { th: 'ไม่มีเกณฑ์ otop r9.yaml ในไตรมาส 2567-Q3', en: 'no published otop r9.yaml in 2567-Q3' } } });
    expect(body('/nothing-here')).toMatchObject({ error: { message: { th: 'ไม่มี /api/v1/nothing-here ใน API', en: 'there is no /api/v1/nothing-here in the API' } } });
    expect(body('/periods', 'POST')).toMatchObject({ error: { message: { th: 'API อ่านได้อย่างเดียว: ใช้ POST ไม่ได้', en: 'the API is read-only: POST is not allowed (GET, HEAD or OPTIONS)' } } });
    expect(body('/periods/%E0%A4')).toMatchObject({ error: { message: { th: 'ที่อยู่มีการเข้ารหัส % ที่ไม่ถูกต้อง', en: 'the path is not valid percent-encoding' } } });
  });

  it('gives the fast path the same answer for a hot read, and nothing for a token, a latest file or a miss', () => {
    for (const path of ['/periods/2567-Q3/missions/otop/r1.yaml', '/periods/2567-Q3/manifest.json', '/periods/2567-Q3/manifest.sig', '/periods/2567-Q3/bundle.json']) {
      expect(api.hot(request(path)), path).toEqual(api.answer(request(path)));
      expect(api.hot(request(path, { 'x-province-token': 'a-token' })), path).toBeUndefined();
      expect(api.hot(request(path, { authorization: 'Bearer a-token' })), path).toBeUndefined();
    }
    expect(api.hot(request('/periods/2567-Q3/missions/otop/latest.yaml'))).toBeUndefined();
    expect(api.hot(request('/periods/2567-Q3/missions/otop/r9.yaml'))).toBeUndefined();
    expect(api.hot(request('/periods/2567-Q3/manifest.json', {}, 'POST'))).toBeUndefined();
  });

  it("makes a period's bundle once and serves those bytes until the next publication, then the new one's", async () => {
    const first = api.answer(request('/periods/2567-Q3/bundle.json'));
    // The same bytes, not made again: the answer holds the very buffer the first one did.
    expect(api.hot(request('/periods/2567-Q3/bundle.json'))!.body).toBe(first.body);
    const again = api.answer(request('/periods/2567-Q3/bundle.json', { 'if-none-match': first.headers.etag! }));
    expect([again.status, again.body]).toEqual([304, null]);
    valueOf(await openCorrection(db, { period: '2567-Q3', mission: 'bmn', username: 'pat' }));
    valueOf(await publishDraft(db, { period: '2567-Q3', mission: 'bmn', version: 1, username: 'pat', acknowledgeWarnings: true }));
    const next = api.answer(request('/periods/2567-Q3/bundle.json'));
    expect(next.headers.etag).not.toBe(first.headers.etag);
    const bundle = JSON.parse(String(next.body)) as { manifest: string; files: Record<string, string> };
    expect(Object.keys(bundle.files)).toContain('missions/bmn/r2.yaml');
    expect(JSON.parse(bundle.manifest).sequence).toBe(10);
    expect(String(next.body)).toBe(String(api.answer(request('/periods/2567-Q3/bundle.json')).body));
  });
});
