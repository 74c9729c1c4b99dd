import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { dirname, join, normalize } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateKeys } from '../../../engine/node/bundle.js';
import { openDb } from '../../../engine/store/db.js';
import { openCorrection, publishDraft, seedStore } from '../../../engine/store/rubric-store.js';
import { freePort, runCli, startEditor, type Editor } from '../../browser/harness.js';
import { tempDir } from '../../temp.js';
import { valueOf } from '../../settled.js';

// A province's side: pull from the server or from a static export, verify, grade offline; and
// every tampered, truncated, wrongly signed or replayed bundle refused with the last good one kept.
// These servers are plain http on 127.0.0.1, so every pull says --allow-http (pull-hostile.test.ts
// checks that http is refused without it).
const root = join(import.meta.dirname, '../../..');
const work = tempDir('rubric-pull-');
// Asynchronous, so that the static servers this test process runs can answer the CLI.
const rubric = runCli;

/** A plain static file server over a folder, as any web server or CDN would be. */
async function serveStatic(dir: string): Promise<{ base: string; server: Server }> {
  const server = createServer((request, response) => {
    const path = normalize(join(dir, decodeURIComponent(new URL(request.url!, 'http://x').pathname)));
    if (!path.startsWith(dir) || !existsSync(path)) {
      response.writeHead(404).end('not found');
      return;
    }
    response.writeHead(200).end(readFileSync(path));
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return { base: `http://127.0.0.1:${port}`, server };
}

let editor: Editor;
let publicKey: string;
const servers: Server[] = [];

beforeAll(async () => {
  editor = await startEditor([]);
  publicKey = join(dirname(editor.db), 'signing', 'department.pub');
  // The key appears with the first signed manifest.
  await fetch(`${editor.base}/api/v1/periods/2567-Q3/manifest.json`);
}, 30_000);

afterAll(() => {
  editor?.stop();
  for (const s of servers) s.close();
});

describe('rubric pull from the server', () => {
  const out = join(work, 'province');
  it('downloads, verifies and keeps 2567-Q3, then grades offline from the bundle', async () => {
    const run = await rubric('pull', '--server', editor.base, '--period', '2567-Q3', '--out', out, '--public-key', publicKey, '--allow-http');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('updated: 2567-Q3 sequence 9');
    expect(run.stderr).toContain('[9/9]');
    const graded = await rubric('grade', 'otop', '--period', '2567-Q3', '--bundle', out, '--data', join(root, 'test/fixtures/national/national-2567-Q3-otop.csv'), '--format', 'json');
    expect(graded.code).toBe(0);
    const { results } = JSON.parse(graded.stdout) as { results: { rubric: { digest: string } }[] };
    expect(results).toHaveLength(878);
    const manifest = JSON.parse(readFileSync(join(out, '2567-Q3/manifest.json'), 'utf8'));
    expect(results[0]!.rubric.digest).toBe(manifest.missions.find((m: { mission: string }) => m.mission === 'otop').digest);
  });
  it('revalidates with a conditional request and reports no change', async () => {
    const run = await rubric('pull', '--server', editor.base, '--period', '2567-Q3', '--out', out, '--public-key', publicKey, '--allow-http');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('unchanged: 2567-Q3 sequence 9');
  });
});

describe('rubric pull from a static export, and the bundles it refuses', () => {
  const exported = join(work, 'export');
  const province = join(work, 'from-static');
  let goodBase = '';

  it('pulls the same bundle from plain files that any web server can serve', async () => {
    const run = await rubric('export', '--out', exported, '--db', editor.db, '--signing-key', join(dirname(editor.db), 'signing', 'department.key'), '--url', 'http://127.0.0.1');
    expect(run.code).toBe(0);
    const { base, server } = await serveStatic(exported);
    servers.push(server);
    goodBase = base;
    const pulled = await rubric('pull', '--server', base, '--period', '2567-Q3', '--out', province, '--public-key', publicKey, '--allow-http');
    expect(pulled.code).toBe(0);
    expect(readFileSync(join(province, '2567-Q3/missions/otop/r1.yaml'), 'utf8')).toBe(readFileSync(join(root, 'rubrics/2567-Q3/otop.yaml'), 'utf8'));
  });

  async function tampered(change: (dir: string) => void): Promise<string> {
    const copy = tempDir('rubric-tampered-');
    cpSync(exported, copy, { recursive: true });
    change(join(copy, 'api/v1/periods/2567-Q3'));
    const { base, server } = await serveStatic(copy);
    servers.push(server);
    return base;
  }

  async function refusedKeepingLastGood(base: string, key = publicKey): Promise<string> {
    const before = readFileSync(join(province, '2567-Q3/manifest.json'), 'utf8');
    const fresh = tempDir('rubric-fresh-');
    cpSync(province, fresh, { recursive: true });
    // Force a full fetch: forget the saved ETag but keep the trusted sequence.
    const state = JSON.parse(readFileSync(join(fresh, '2567-Q3/.pull.json'), 'utf8'));
    writeFileSync(join(fresh, '2567-Q3/.pull.json'), JSON.stringify({ ...state, etag: null }));
    const run = await rubric('pull', '--server', base, '--period', '2567-Q3', '--out', fresh, '--public-key', key, '--allow-http');
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('the last good bundle is kept');
    expect(readFileSync(join(fresh, '2567-Q3/manifest.json'), 'utf8')).toBe(before);
    return run.stderr;
  }

  it('refuses a rubric file with one byte changed', async () => {
    const base = await tampered((dir) => {
      const path = join(dir, 'missions/otop/r1.yaml');
      const bytes = readFileSync(path);
      bytes[bytes.indexOf('>'.charCodeAt(0))] = '<'.charCodeAt(0);
      writeFileSync(path, bytes);
    });
    // A province without a copy yet must download the file and see it does not match.
    const empty = tempDir('rubric-empty-');
    const run = await rubric('pull', '--server', base, '--period', '2567-Q3', '--out', empty, '--public-key', publicKey, '--allow-http');
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('missions/otop/r1.yaml does not match the manifest');
    expect(existsSync(join(empty, '2567-Q3'))).toBe(false);
  });

  it('refuses a manifest with one byte changed', async () => {
    const base = await tampered((dir) => {
      const path = join(dir, 'manifest.json');
      writeFileSync(path, readFileSync(path, 'utf8').replace('"sequence": 9', '"sequence": 8'));
    });
    expect(await refusedKeepingLastGood(base)).toContain('signature does not verify');
  });

  it('refuses a bundle signed with another key', async () => {
    const other = join(work, 'other.pub');
    writeFileSync(other, generateKeys().publicKey);
    expect(await refusedKeepingLastGood(goodBase, other)).toContain('signature does not verify');
  });

  it('refuses a bundle with a missing file', async () => {
    const base = await tampered((dir) => {
      writeFileSync(join(dir, 'missions/bmn/r1.yaml'), '');
      spawnSync('rm', [join(dir, 'missions/bmn/r1.yaml')]);
    });
    const empty = tempDir('rubric-empty-');
    const run = await rubric('pull', '--server', base, '--period', '2567-Q3', '--out', empty, '--public-key', publicKey, '--allow-http');
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('missing file missions/bmn/r1.yaml');
  });

  it('refuses a replayed older manifest once a newer one is held', async () => {
    // The department publishes a correction: sequence 10.
    const db = openDb(editor.db);
    seedStore(db);
    valueOf(await openCorrection(db, { period: '2567-Q3', mission: 'bmn', username: 'pat' }));
    valueOf(await publishDraft(db, { period: '2567-Q3', mission: 'bmn', version: 1, username: 'pat', acknowledgeWarnings: true }));
    const newer = await rubric('pull', '--server', editor.base, '--period', '2567-Q3', '--out', province, '--public-key', publicKey, '--allow-http');
    expect(newer.code).toBe(0);
    expect(newer.stdout).toContain('sequence 10');
    // An attacker (or a stale mirror) serves the old, validly signed sequence 9.
    expect(await refusedKeepingLastGood(goodBase)).toContain('is older than the one already held (10)');
  });

  it('retries with backoff when the server cannot be reached, then fails clearly', async () => {
    const run = await rubric('pull', '--server', 'http://127.0.0.1:9', '--period', '2567-Q3', '--out', join(work, 'none'), '--public-key', publicKey, '--allow-http');
    expect(run.code).toBe(1);
    expect(run.stderr.match(/retrying/g)?.length).toBe(3);
    expect(run.stderr).toContain('after 4 attempts');
  });
});
