import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../engine/analyze.js';
import { openDb, type Db } from '../../../engine/store/db.js';
import {
  auditTrail,
  deletePeriod,
  getDraft,
  latestRevision,
  missionRevisions,
  nextPeriod,
  openCorrection,
  publishDraft,
  saveDraft,
  seedStore,
  startPeriod,
  storePeriods,
  type Refused,
  type Settled,
} from '../../../engine/store/rubric-store.js';
import { tempDir } from '../../temp.js';
import { refusalOf, seededDb } from './store-db.js';

/** A refusal as the tests read it: its status, code, problem and words, and the details for the page. */
interface Refusal {
  status: number;
  code: string;
  problem: Refused['problem'];
  text: { th: string; en: string };
  detail: Record<string, unknown>;
}

/** The refusal a write returns (`{ ok: false }`); a write never throws one. */
async function refused(fn: () => Settled<unknown> | Promise<Settled<unknown>>): Promise<Refusal> {
  return refusalOf(await fn());
}

/** The value of a write that must succeed. */
function done<T>(settled: Settled<T>): T {
  if (!settled.ok) throw new Error(`refused: ${settled.status} ${settled.problem.code} ${settled.problem.message.en}`);
  return settled.value;
}

// Accounts and sessions: accounts.test.ts.

describe('the rubric store', () => {
  it('seeds the shipped rubrics: published files as revision 1, drafts as drafts', async () => {
    const db = seededDb('rubric-store-');
    expect(latestRevision(db, '2567-Q3', 'otop')).toMatchObject({ revision: 1, digest: expect.stringMatching(/^sha256:/) });
    expect(getDraft(db, '2567-Q3', 'food-security')).toMatchObject({ version: 1 });
    expect(seedStore(db)).toBe(0);
  });

  it('never changes or deletes a published revision, even by SQL', async () => {
    const db = seededDb('rubric-store-');
    expect(() => db.prepare("UPDATE revisions SET yaml = 'x' WHERE mission = 'otop'").run()).toThrow(/immutable/);
    expect(() => db.prepare("DELETE FROM revisions WHERE mission = 'otop'").run()).toThrow(/immutable/);
  });

  it('starts the next quarter as drafts of revision 1, and never a second time', async () => {
    const db = seededDb('rubric-store-');
    expect(nextPeriod('2567-Q3')).toBe('2567-Q4');
    expect(nextPeriod('2567-Q4')).toBe('2568-Q1');
    const { period, created } = done(await startPeriod(db, { from: '2567-Q3', username: 'pat' }));
    expect(period).toBe('2567-Q4');
    expect(created).toHaveLength(11);
    const draft = getDraft(db, '2567-Q4', 'otop')!;
    expect(draft.yaml).toContain('period: 2567-Q4\nrevision: 1\nstatus: draft\n');
    // Asked again, it makes nothing: the quarter exists, so 409, and its drafts are as they were.
    const again = await refused(() => startPeriod(db, { from: '2567-Q3', username: 'edna' }));
    expect([again.status, again.code]).toEqual([409, 'PERIOD_ALREADY_STARTED']);
    expect(again.text.th).toContain('ไตรมาส ๔/๒๕๖๗ เริ่มไปแล้ว (โดย pat)');
    expect(getDraft(db, '2567-Q4', 'otop')).toEqual(draft);
  });

  it('saves with optimistic concurrency: a stale version is refused with the other change', async () => {
    const db = seededDb('rubric-store-');
    done(await startPeriod(db, { from: '2567-Q3', username: 'pat' }));
    const draft = getDraft(db, '2567-Q4', 'otop')!;
    const mine = draft.yaml.replace('{ level: B, op: ">", value: 3,', '{ level: B, op: ">", value: 3.5,');
    const saved = done(await saveDraft(db, { period: '2567-Q4', mission: 'otop', yaml: mine, version: 1, username: 'edna' }));
    expect(saved.version).toBe(2);
    const stale = await refused(() => saveDraft(db, { period: '2567-Q4', mission: 'otop', yaml: draft.yaml, version: 1, username: 'pat' }));
    expect([stale.status, stale.code]).toEqual([409, 'SAVED_FIRST']);
    expect((stale.detail.theirs as { updatedBy: string; version: number })).toMatchObject({ updatedBy: 'edna', version: 2 });
    expect(getDraft(db, '2567-Q4', 'otop')!.yaml).toBe(mine);
    const trail = auditTrail(db, '2567-Q4', 'otop');
    expect(trail[0]).toMatchObject({ username: 'edna', action: 'change', path: '/criteria/1/bands/1', before: JSON.stringify({ level: 'B', op: '>', value: 3, quote: 'มากกว่าร้อยละ ๓' }) });
    expect(trail[0]!.message.en).toBe('level B of criterion "Sales growth" went from > 3 to > 3.5');
  });

  it('refuses to publish with new errors, or with warnings not acknowledged; then publishes the next revision', async () => {
    const db = seededDb('rubric-store-');
    done(await startPeriod(db, { from: '2567-Q3', username: 'pat' }));
    // community-fund keeps the letter's holes (errors that 2567-Q3's revision 1 already has) and has
    // one warning: refused until the warning is acknowledged, then published.
    const unacknowledged = await refused(() => publishDraft(db, { period: '2567-Q4', mission: 'community-fund', version: 1, username: 'pat', acknowledgeWarnings: false }));
    expect([unacknowledged.status, unacknowledged.code]).toEqual([400, 'WARNINGS_NOT_ACKNOWLEDGED']);
    expect((unacknowledged.detail.warnings as Finding[]).map((f) => f.code)).toEqual(['CONTRADICTION']);
    const revision = done(await publishDraft(db, { period: '2567-Q4', mission: 'community-fund', version: 1, username: 'pat', acknowledgeWarnings: true }));
    expect(revision).toMatchObject({ revision: 1, publishedBy: 'pat', digest: expect.stringMatching(/^sha256:[0-9a-f]{64}$/) });
    expect(revision.yaml).toContain('revision: 1\nstatus: published\n');
    expect(getDraft(db, '2567-Q4', 'community-fund')).toBeUndefined();
    // A correction is a new draft of the next revision; the published one stays as it was.
    const correction = done(await openCorrection(db, { period: '2567-Q4', mission: 'community-fund', username: 'edna' }));
    expect(correction.yaml).toContain('revision: 2\nstatus: draft\n');
    expect(latestRevision(db, '2567-Q4', 'community-fund')!.yaml).toBe(revision.yaml);
    // With nothing published in this period or the one before, every error is new: otop's hole
    // at 2.00 stops a 2568-Q1 draft started from the unpublished 2567-Q4 draft.
    done(await startPeriod(db, { from: '2567-Q4', username: 'pat' }));
    const withHole = await refused(() => publishDraft(db, { period: '2568-Q1', mission: 'otop', version: 1, username: 'pat', acknowledgeWarnings: true }));
    expect([withHole.status, withHole.code]).toEqual([400, 'NEW_ERRORS']);
    expect((withHole.detail.errors as Finding[]).map((f) => [f.code, f.about.criterion])).toEqual([['HOLE', 'salesGrowth']]);
    expect(withHole.text.en).toMatch(/every error is new/);
  });

  it("publishes the next quarter's draft that keeps the letter's holes of the previous quarter's revision", async () => {
    const db = seededDb('rubric-store-');
    done(await startPeriod(db, { from: '2567-Q3', username: 'pat' }));
    const revision = done(await publishDraft(db, { period: '2567-Q4', mission: 'otop', version: 1, username: 'pat', acknowledgeWarnings: true }));
    expect(revision.revision).toBe(1);
    expect(auditTrail(db, '2567-Q4', 'otop')[0]!.message).toEqual({
      th: expect.stringContaining('ช่องว่างตามหนังสือสั่งการ 1 รายการ'),
      en: expect.stringContaining('1 gap in the letter itself'),
    });
    // What a draft can be compared with: every period's revisions of the mission, newest first, without their texts.
    const listed = missionRevisions(db, 'otop');
    expect(listed.map((r) => [r.period, r.revision])).toEqual([['2567-Q4', 1], ['2567-Q3', 1]]);
    expect(listed[0]).toEqual({ period: '2567-Q4', mission: 'otop', revision: 1, digest: revision.digest, publishedBy: 'pat', publishedAt: revision.publishedAt });
    expect(missionRevisions(db, 'no-such-mission')).toEqual([]);
  });

  it('refuses a stale publish', async () => {
    const db = seededDb('rubric-store-');
    done(await startPeriod(db, { from: '2567-Q3', username: 'pat' }));
    const draft = getDraft(db, '2567-Q4', 'bmn')!;
    done(await saveDraft(db, { period: '2567-Q4', mission: 'bmn', yaml: draft.yaml.replace('due: 2024-07-19', 'due: 2024-07-22'), version: 1, username: 'edna' }));
    expect((await refused(() => publishDraft(db, { period: '2567-Q4', mission: 'bmn', version: 1, username: 'pat', acknowledgeWarnings: true }))).status).toBe(409);
  });
});

describe("a correction of a published rubric that keeps the letter's holes", () => {
  const C_BAND = '- { level: C, op: ">=", value: 3, quote: ไม่น้อยกว่า ๓ ผลิตภัณฑ์ }';
  const D_BAND = '      - { level: D, op: "<", value: 3, quote: น้อยกว่า ๓ ผลิตภัณฑ์ }\n';

  async function correctOtop(db: Db, edit: (yaml: string) => string): Promise<void> {
    const draft = done(await openCorrection(db, { period: '2567-Q3', mission: 'otop', username: 'edna' }));
    const yaml = edit(draft.yaml);
    expect(yaml).not.toBe(draft.yaml);
    done(await saveDraft(db, { period: '2567-Q3', mission: 'otop', yaml, version: draft.version, username: 'edna' }));
  }

  it("publishes otop's revision 2 with a new label and quote and its hole at 2.00 kept, even with every line moved", async () => {
    const db = seededDb('rubric-store-');
    await correctOtop(db, (yaml) =>
      ('# แก้ไขชื่อตัวชี้วัดตามหนังสือแจ้งเพิ่มเติม / label corrected\n# second comment line\n' + yaml)
        .replace('label: { th: ยอดจำหน่ายเพิ่มขึ้น, en: Sales growth }', 'label: { th: ยอดจำหน่ายผลิตภัณฑ์ OTOP เพิ่มขึ้น, en: OTOP sales growth }')
        .replace('quote: มากกว่าร้อยละ ๔ }', 'quote: มากกว่าร้อยละ ๔ (ร้อยละ ๔.๐๐) }'),
    );
    const revision = done(await publishDraft(db, { period: '2567-Q3', mission: 'otop', version: 2, username: 'pat', acknowledgeWarnings: true }));
    expect(revision).toMatchObject({ revision: 2, publishedBy: 'pat' });
    expect(revision.yaml).toContain('- { level: D, op: "<", value: 2, quote: น้อยกว่าร้อยละ ๒ }');
    expect(revision.yaml).toContain('en: OTOP sales growth');
    expect(latestRevision(db, '2567-Q3', 'otop')!.revision).toBe(2);
  });

  it('refuses a correction that widens the letter\'s 2.00 % gap to 2.00 – 2.50: a wider gap is a new error', async () => {
    const db = seededDb('rubric-store-');
    await correctOtop(db, (yaml) => yaml.replace('- { level: C, op: ">", value: 2,', '- { level: C, op: ">", value: 2.5,'));
    const refusal = await refused(() => publishDraft(db, { period: '2567-Q3', mission: 'otop', version: 2, username: 'pat', acknowledgeWarnings: true }));
    expect([refusal.status, refusal.code]).toEqual([400, 'NEW_ERRORS']);
    const fresh = refusal.detail.errors as Finding[];
    expect(fresh.map((f) => [f.about.criterion, f.about.range])).toEqual([['salesGrowth', '2.00 – 2.50']]);
    expect(refusal.detail.gaps).toEqual([]);
  });

  it.each([
    ['changes level C of newProducts from >= 3 to >= 3.5', (yaml: string) => yaml.replace(C_BAND, C_BAND.replace('value: 3,', 'value: 3.5,'))],
    ['removes the D band of newProducts', (yaml: string) => yaml.replace(D_BAND, '')],
  ])('refuses a correction that %s, naming the new hole in Thai and English', async (_name, edit) => {
    const db = seededDb('rubric-store-');
    await correctOtop(db, edit);
    const refusal = await refused(() => publishDraft(db, { period: '2567-Q3', mission: 'otop', version: 2, username: 'pat', acknowledgeWarnings: true }));
    expect([refusal.status, refusal.code]).toEqual([400, 'NEW_ERRORS']);
    const fresh = refusal.detail.errors as Finding[];
    expect(fresh.map((f) => [f.code, f.about.criterion, f.about.fact])).toEqual([['HOLE', 'newProducts', 'newProducts']]);
    // The hole at 2.00 is the letter's own gap, not a new error.
    expect((refusal.detail.gaps as Finding[]).map((f) => f.about.criterion)).toEqual(['salesGrowth']);
    expect(refusal.text.th).toContain('ข้อผิดพลาดใหม่ 1 รายการ');
    expect(refusal.text.th).toContain(`hole (newProducts): ${fresh[0]!.message.th}`);
    expect(refusal.text.en).toContain('1 new error that published revision 1 (2567-Q3) does not have');
    expect(refusal.text.en).toContain(`hole (newProducts): ${fresh[0]!.message.en}`);
    expect(latestRevision(db, '2567-Q3', 'otop')!.revision).toBe(1);
  });
});

/** Every draft and revision of the store, and the audit trail's length: what "left intact" compares. */
function contents(db: Db) {
  return {
    drafts: db.prepare('SELECT period, mission, version, yaml FROM drafts ORDER BY period, mission').all(),
    revisions: db.prepare('SELECT period, mission, revision, digest FROM revisions ORDER BY period, mission, revision').all(),
  };
}

const auditOf = (db: Db, action: string) => db.prepare('SELECT * FROM audit WHERE action = ? ORDER BY id').all(action) as Record<string, unknown>[];

/**
 * Runs startPeriod from 2567-Q3 in two threads at once, each with its own connection to one
 * database file, released together by a barrier: the race two server processes (or two requests)
 * would run. The threads load the built store (dist/, from `npm run build:engine`).
 */
async function raceStarts(path: string): Promise<({ created: number } | { status: number; en: string })[]> {
  const root = join(import.meta.dirname, '../../..');
  const built = (file: string) => join(root, 'dist/engine/store', file.replace(/\.ts$/, '.js'));
  for (const file of ['rubric-store.ts', 'periods.ts', 'records.ts', 'refusal.ts', 'audit.ts']) {
    const source = join(root, 'engine/store', file);
    if (!existsSync(built(file)) || statSync(built(file)).mtimeMs < statSync(source).mtimeMs) {
      throw new Error(`dist/ is older than engine/store/${file}: run npm run build:engine`);
    }
  }
  const barrier = new Int32Array(new SharedArrayBuffer(8)); // [go, ready]
  const code = `
    const { parentPort, workerData } = require('node:worker_threads');
    (async () => {
      const { openDb } = await import(workerData.db);
      const { startPeriod } = await import(workerData.store);
      const db = openDb(workerData.path);
      const barrier = new Int32Array(workerData.barrier);
      Atomics.add(barrier, 1, 1);
      Atomics.wait(barrier, 0, 0);
      try {
        const started = await startPeriod(db, { from: '2567-Q3', username: workerData.username });
        parentPort.postMessage(started.ok ? { created: started.value.created.length } : { status: started.status, en: started.problem.message.en });
      } catch (e) {
        parentPort.postMessage(e.status ? { status: e.status, en: e.text.en } : { thrown: String(e) });
      }
      db.close();
    })();`;
  const workers = ['pat', 'edna'].map(
    (username) =>
      new Worker(code, {
        eval: true,
        workerData: { db: pathToFileURL(built('db.ts')).href, store: pathToFileURL(built('rubric-store.ts')).href, path, username, barrier: barrier.buffer },
      }),
  );
  const results = workers.map((w) => new Promise<{ created: number } | { status: number; en: string }>((resolve, reject) => (w.once('message', resolve), w.once('error', reject))));
  while (Atomics.load(barrier, 1) < 2) await new Promise((r) => setTimeout(r, 5));
  Atomics.store(barrier, 0, 1);
  Atomics.notify(barrier, 0);
  const answers = await Promise.all(results);
  await Promise.all(workers.map((w) => w.terminate()));
  return answers;
}

describe('starting a quarter once, and deleting an unpublished one', () => {
  it('two simultaneous starts from 2567-Q3 on two connections make one 2567-Q4 and one 409', async () => {
    const db = seededDb('rubric-store-');
    const answers = await raceStarts(db.name);
    expect(answers).toContainEqual({ created: 11 });
    expect(answers).toContainEqual({ status: 409, en: expect.stringMatching(/^2567-Q4 has already been started \(by (pat|edna)\)/) });
    expect(storePeriods(db)).toEqual(['2567-Q3', '2567-Q4']);
    expect(db.prepare("SELECT COUNT(*) FROM drafts WHERE period = '2567-Q4'").pluck().get()).toBe(11);
    expect(auditOf(db, 'draft').filter((e) => e.period === '2567-Q4')).toHaveLength(11);
  });

  it('starts only from the latest period (409 otherwise) and makes nothing when refused', async () => {
    const db = seededDb('rubric-store-');
    const before = contents(db);
    const old = await refused(() => startPeriod(db, { from: '2567-Q1', username: 'pat' }));
    expect([old.status, old.code]).toEqual([409, 'NOT_THE_LATEST_PERIOD']);
    expect(old.detail).toMatchObject({ from: '2567-Q1', to: '2567-Q2', latest: '2567-Q3' });
    expect(old.text.th).toBe('เริ่มร่างจากไตรมาส ๑/๒๕๖๗ ไม่ได้ เพราะไตรมาสล่าสุดคือไตรมาส ๓/๒๕๖๗ เริ่มไตรมาสใหม่ได้จากไตรมาสล่าสุดเท่านั้น');
    expect(contents(db)).toEqual(before);
    done(await startPeriod(db, { from: '2567-Q3', username: 'pat' }));
    const stale = await refused(() => startPeriod(db, { from: '2567-Q3', username: 'pat' }));
    expect(stale.status).toBe(409);
    expect(storePeriods(db)).toEqual(['2567-Q3', '2567-Q4']);
    expect((await refused(() => startPeriod(db, { from: 'Q3', username: 'pat' }))).problem).toMatchObject({ code: 'NOT_A_PERIOD', severity: 'error' });
    expect((await refused(() => startPeriod(db, { from: 'Q3', username: 'pat' }))).status).toBe(400);
  });

  it('deletes an unpublished period with an audit entry naming who deleted what, and keeps each draft\'s text in the trail', async () => {
    const db = seededDb('rubric-store-');
    done(await startPeriod(db, { from: '2567-Q3', username: 'pat' }));
    const otop = getDraft(db, '2567-Q4', 'otop')!;
    const { deleted } = done(deletePeriod(db, { period: '2567-Q4', username: 'malee' }));
    expect(deleted).toHaveLength(11);
    expect(storePeriods(db)).toEqual(['2567-Q3']);
    const [entry] = auditOf(db, 'delete-period');
    expect(entry).toMatchObject({ username: 'malee', period: '2567-Q4', mission: null });
    expect(entry!.message_th).toMatch(/^malee ลบไตรมาส ๔\/๒๕๖๗ ซึ่งยังไม่เผยแพร่ พร้อมร่าง 11 ภารกิจ: .*otop/);
    expect(entry!.message_en).toMatch(/^malee deleted the unpublished period 2567-Q4 and its 11 drafts: .*otop/);
    expect(JSON.parse(entry!.before as string)).toEqual(deleted);
    const [gone] = auditTrail(db, '2567-Q4', 'otop');
    expect(gone).toMatchObject({ username: 'malee', action: 'delete' });
    expect(JSON.parse(gone!.before!)).toMatchObject({ version: 1, yaml: otop.yaml });
    // The quarter can be started again.
    expect((done(await startPeriod(db, { from: '2567-Q3', username: 'pat' }))).created).toHaveLength(11);
  });

  it('never deletes a period with a published revision (409), leaving everything as it was', async () => {
    const db = seededDb('rubric-store-');
    done(await startPeriod(db, { from: '2567-Q3', username: 'pat' }));
    const seeded = await refused(() => deletePeriod(db, { period: '2567-Q3', username: 'malee' }));
    expect([seeded.status, seeded.code]).toEqual([409, 'PERIOD_HAS_PUBLISHED']);
    expect(seeded.text.en).toMatch(/^2567-Q3 cannot be deleted: 9 missions have a published revision \(.*otop r1.*\)/);
    done(await publishDraft(db, { period: '2567-Q4', mission: 'thai-textile', version: 1, username: 'malee', acknowledgeWarnings: true }));
    const before = contents(db);
    const published = await refused(() => deletePeriod(db, { period: '2567-Q4', username: 'malee' }));
    expect([published.status, published.code]).toEqual([409, 'PERIOD_HAS_PUBLISHED']);
    expect(published.text.th).toBe('ลบไตรมาส ๔/๒๕๖๗ ไม่ได้ เพราะมีฉบับที่เผยแพร่แล้ว 1 ภารกิจ (thai-textile r1) ฉบับที่เผยแพร่แล้วแก้ไขหรือลบไม่ได้');
    expect(contents(db)).toEqual(before);
    expect(auditOf(db, 'delete-period')).toEqual([]);
    expect(auditOf(db, 'delete')).toEqual([]);
  });

  it('deletes only the latest period, and never the only one', async () => {
    const db = seededDb('rubric-store-');
    done(await startPeriod(db, { from: '2567-Q3', username: 'pat' }));
    done(await startPeriod(db, { from: '2567-Q4', username: 'pat' }));
    const before = contents(db);
    const middle = await refused(() => deletePeriod(db, { period: '2567-Q4', username: 'malee' }));
    expect(middle.code).toBe('LATER_PERIOD_EXISTS');
    expect([middle.status, middle.text.en]).toEqual([409, '2567-Q4 cannot be deleted while the later 2568-Q1 exists: only the latest period can be deleted']);
    expect(contents(db)).toEqual(before);
    expect((await refused(() => deletePeriod(db, { period: '2569-Q1', username: 'malee' }))).status).toBe(404);
    expect((await refused(() => deletePeriod(db, { period: '2569-Q1', username: 'malee' }))).code).toBe('NO_SUCH_PERIOD');
    done(deletePeriod(db, { period: '2568-Q1', username: 'malee' }));
    done(deletePeriod(db, { period: '2567-Q4', username: 'malee' }));
    expect(storePeriods(db)).toEqual(['2567-Q3']);
    // A store whose one period is all drafts keeps it: with no period, nothing could be started.
    const drafts = openDb(join(tempDir('rubric-store-'), 'editor.db'));
    drafts.prepare("INSERT INTO drafts VALUES ('2567-Q3', 'otop', 'mission: otop', 1, 'seed', '')").run();
    const only = await refused(() => deletePeriod(drafts, { period: '2567-Q3', username: 'malee' }));
    expect(only.code).toBe('ONLY_PERIOD');
    expect([only.status, only.text.en]).toEqual([409, '2567-Q3 cannot be deleted: it is the only period in the store']);
  });
});
