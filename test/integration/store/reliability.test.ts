import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sha256 } from '../../../engine/node/bundle.js';
import { openDb } from '../../../engine/store/db.js';
import { getDraft, openCorrection, seedStore } from '../../../engine/store/rubric-store.js';
import { tempDir } from '../../temp.js';
import { valueOf } from '../../settled.js';

// Publishing must never leave half a revision: killed at any moment, the store holds the old
// revision or the new one; two publishers at once make one revision and one clear refusal.
const child = join(import.meta.dirname, 'publish-child.mjs');

function freshStore(): string {
  const path = join(tempDir('rubric-reliable-'), 'editor.db');
  seedStore(openDb(path));
  return path;
}

function run(args: string[], killAfterMs?: number): Promise<{ code: number | null; signal: string | null; stdout: string }> {
  return new Promise((resolve) => {
    const process_ = spawn(process.execPath, [child, ...args]);
    let stdout = '';
    process_.stdout.on('data', (d) => {
      stdout += d;
      if (killAfterMs !== undefined && stdout.startsWith('ready')) setTimeout(() => process_.kill('SIGKILL'), killAfterMs);
    });
    process_.on('close', (code, signal) => resolve({ code, signal, stdout }));
  });
}

/** Every revision whole: its digest matches its text, numbers run 1..n, a draft is always the next one. */
function assertWhole(path: string, mission: string): number {
  const db = openDb(path);
  expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  const rows = db.prepare('SELECT revision, yaml, digest FROM revisions WHERE period = ? AND mission = ? ORDER BY revision').all('2567-Q3', mission) as {
    revision: number;
    yaml: string;
    digest: string;
  }[];
  rows.forEach((r, i) => {
    expect(r.revision).toBe(i + 1);
    expect(sha256(r.yaml)).toBe(r.digest);
    expect(r.yaml).toContain(`revision: ${r.revision}\n`);
    expect(r.yaml).toContain('status: published\n');
  });
  const draft = getDraft(db, '2567-Q3', mission);
  if (draft) expect(draft.yaml).toContain(`revision: ${rows.length + 1}\n`);
  return rows.length;
}

describe('publishing under failure', () => {
  it('leaves the old or the new revision, never half of one, when the process is killed mid-write', async () => {
    const path = freshStore();
    let last = 1;
    for (const delay of [250, 400, 520, 700, 880, 1050, 1300, 1600]) {
      const result = await run([path, 'loop', 'bmn'], delay);
      expect(result.signal).toBe('SIGKILL');
      const count = assertWhole(path, 'bmn');
      expect(count).toBeGreaterThanOrEqual(last);
      last = count;
    }
    // The store is still usable after the kills: a correction opens and its number follows on.
    const draft = valueOf(await openCorrection(openDb(path), { period: '2567-Q3', mission: 'bmn', username: 'after' }));
    expect(draft.yaml).toContain(`revision: ${last + 1}\n`);
    expect(last).toBeGreaterThan(5);
  }, 60_000);

  it('gives one revision and one clear refusal when two publish the same draft at once', async () => {
    const path = freshStore();
    const db = openDb(path);
    valueOf(await openCorrection(db, { period: '2567-Q3', mission: 'otop', username: 'pat' }));
    const results = await Promise.all([run([path, 'once', 'khok-nong-na', '1']), run([path, 'once', 'khok-nong-na', '1'])]);
    // khok-nong-na has no draft: both are refused alike, nothing is written.
    expect(results.map((r) => r.code)).toEqual([3, 3]);
    for (const r of results) expect(r.stdout).toMatch(/^refused 404 NO_DRAFT: /);
    valueOf(await openCorrection(db, { period: '2567-Q3', mission: 'khok-nong-na', username: 'pat' }));
    const race = await Promise.all([run([path, 'once', 'khok-nong-na', '1']), run([path, 'once', 'khok-nong-na', '1'])]);
    const outcomes = race.map((r) => r.stdout.trim()).sort();
    expect(outcomes[0]).toBe('published 2');
    expect(outcomes[1]).toMatch(/^refused (404 NO_DRAFT|409 (CHANGED_AFTER_OPENED|PUBLISHED_MEANWHILE)): /);
    expect(assertWhole(path, 'khok-nong-na')).toBe(2);
  }, 60_000);
});
