import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { addUser, authenticate, createSession, endSession, hashPassword, hasRole, sessionUser, verifyPassword } from '../../editor/lib/server/accounts.js';
import { openDb, type Db } from '../../editor/lib/server/db.js';
import {
  auditTrail,
  getDraft,
  latestRevision,
  nextPeriod,
  openCorrection,
  publishDraft,
  saveDraft,
  seedStore,
  startPeriod,
  StoreError,
} from '../../editor/lib/server/rubric-store.js';

function freshDb(): Db {
  const db = openDb(join(mkdtempSync(join(tmpdir(), 'rubric-store-')), 'editor.db'));
  seedStore(db);
  return db;
}

function refused(fn: () => unknown): StoreError {
  try {
    fn();
  } catch (e) {
    if (e instanceof StoreError) return e;
    throw e;
  }
  throw new Error('expected a StoreError');
}

describe('accounts', () => {
  it('hashes passwords with scrypt and a salt, and checks them', () => {
    const a = hashPassword('correct horse');
    expect(a).toMatch(/^scrypt\$16384\$8\$1\$/);
    expect(a).not.toBe(hashPassword('correct horse'));
    expect(verifyPassword('correct horse', a)).toBe(true);
    expect(verifyPassword('correct hors', a)).toBe(false);
  });
  it('signs in, keeps a session by a token stored only as a hash, and ends it', () => {
    const db = freshDb();
    const user = addUser(db, { username: 'somchai', role: 'editor', password: 'long-enough' });
    expect(authenticate(db, 'somchai', 'wrong-pass')).toBeUndefined();
    expect(authenticate(db, 'nobody', 'long-enough')).toBeUndefined();
    expect(authenticate(db, 'somchai', 'long-enough')).toMatchObject({ username: 'somchai', role: 'editor' });
    const token = createSession(db, user.id);
    expect(db.prepare('SELECT token_hash FROM sessions').pluck().all()).not.toContain(token);
    expect(sessionUser(db, token)?.username).toBe('somchai');
    endSession(db, token);
    expect(sessionUser(db, token)).toBeUndefined();
  });
  it('refuses short passwords, bad names, unknown roles and duplicates', () => {
    const db = freshDb();
    expect(() => addUser(db, { username: 'a', role: 'editor', password: 'long-enough' })).toThrow(/username/);
    expect(() => addUser(db, { username: 'ok', role: 'editor', password: 'short' })).toThrow(/8 characters/);
    expect(() => addUser(db, { username: 'ok', role: 'admin' as 'editor', password: 'long-enough' })).toThrow(/role/);
    addUser(db, { username: 'ok', role: 'viewer', password: 'long-enough' });
    expect(() => addUser(db, { username: 'ok', role: 'viewer', password: 'long-enough' })).toThrow(/already exists/);
  });
  it('orders roles viewer < editor < publisher', () => {
    expect(hasRole({ role: 'publisher' }, 'editor')).toBe(true);
    expect(hasRole({ role: 'editor' }, 'publisher')).toBe(false);
    expect(hasRole(null, 'viewer')).toBe(false);
  });
});

describe('the rubric store', () => {
  it('seeds the shipped rubrics: published files as revision 1, drafts as drafts', () => {
    const db = freshDb();
    expect(latestRevision(db, '2567-Q3', 'otop')).toMatchObject({ revision: 1, digest: expect.stringMatching(/^sha256:/) });
    expect(getDraft(db, '2567-Q3', 'food-security')).toMatchObject({ version: 1 });
    expect(seedStore(db)).toBe(0);
  });

  it('never changes or deletes a published revision, even by SQL', () => {
    const db = freshDb();
    expect(() => db.prepare("UPDATE revisions SET yaml = 'x' WHERE mission = 'otop'").run()).toThrow(/immutable/);
    expect(() => db.prepare("DELETE FROM revisions WHERE mission = 'otop'").run()).toThrow(/immutable/);
  });

  it('starts the next quarter as drafts of revision 1 and leaves existing drafts alone', () => {
    const db = freshDb();
    expect(nextPeriod('2567-Q3')).toBe('2567-Q4');
    expect(nextPeriod('2567-Q4')).toBe('2568-Q1');
    const { period, created } = startPeriod(db, { from: '2567-Q3', username: 'pat' });
    expect(period).toBe('2567-Q4');
    expect(created).toHaveLength(11);
    const draft = getDraft(db, '2567-Q4', 'otop')!;
    expect(draft.yaml).toContain('period: 2567-Q4\nrevision: 1\nstatus: draft\n');
    expect(startPeriod(db, { from: '2567-Q3', username: 'pat' }).created).toEqual([]);
  });

  it('saves with optimistic concurrency: a stale version is refused with the other change', () => {
    const db = freshDb();
    startPeriod(db, { from: '2567-Q3', username: 'pat' });
    const draft = getDraft(db, '2567-Q4', 'otop')!;
    const mine = draft.yaml.replace('{ level: B, op: ">", value: 3,', '{ level: B, op: ">", value: 3.5,');
    const saved = saveDraft(db, { period: '2567-Q4', mission: 'otop', yaml: mine, version: 1, username: 'edna' });
    expect(saved.version).toBe(2);
    const stale = refused(() => saveDraft(db, { period: '2567-Q4', mission: 'otop', yaml: draft.yaml, version: 1, username: 'pat' }));
    expect(stale.status).toBe(409);
    expect((stale.detail.theirs as { updatedBy: string; version: number })).toMatchObject({ updatedBy: 'edna', version: 2 });
    expect(getDraft(db, '2567-Q4', 'otop')!.yaml).toBe(mine);
    const trail = auditTrail(db, '2567-Q4', 'otop');
    expect(trail[0]).toMatchObject({ username: 'edna', action: 'change', path: '/criteria/1/bands/1', before: JSON.stringify({ level: 'B', op: '>', value: 3, quote: 'มากกว่าร้อยละ ๓' }) });
    expect(trail[0]!.message.en).toBe('level B of criterion salesGrowth went from > 3 to > 3.5');
  });

  it('refuses to publish with new errors, or with warnings not acknowledged; then publishes the next revision', () => {
    const db = freshDb();
    startPeriod(db, { from: '2567-Q3', username: 'pat' });
    // community-fund keeps the letter's holes (errors that 2567-Q3's revision 1 already has) and has
    // one warning: refused until the warning is acknowledged, then published.
    const unacknowledged = refused(() => publishDraft(db, { period: '2567-Q4', mission: 'community-fund', version: 1, username: 'pat', acknowledgeWarnings: false }));
    expect(unacknowledged.status).toBe(400);
    expect((unacknowledged.detail.warnings as { kind: string }[]).map((f) => f.kind)).toEqual(['contradiction']);
    const revision = publishDraft(db, { period: '2567-Q4', mission: 'community-fund', version: 1, username: 'pat', acknowledgeWarnings: true });
    expect(revision).toMatchObject({ revision: 1, publishedBy: 'pat', digest: expect.stringMatching(/^sha256:[0-9a-f]{64}$/) });
    expect(revision.yaml).toContain('revision: 1\nstatus: published\n');
    expect(getDraft(db, '2567-Q4', 'community-fund')).toBeUndefined();
    // A correction is a new draft of the next revision; the published one stays as it was.
    const correction = openCorrection(db, { period: '2567-Q4', mission: 'community-fund', username: 'edna' });
    expect(correction.yaml).toContain('revision: 2\nstatus: draft\n');
    expect(latestRevision(db, '2567-Q4', 'community-fund')!.yaml).toBe(revision.yaml);
    // With nothing published in this period or the one before, every error is new: otop's hole
    // at 2.00 stops a 2568-Q1 draft started from the unpublished 2567-Q4 draft.
    startPeriod(db, { from: '2567-Q4', username: 'pat' });
    const withHole = refused(() => publishDraft(db, { period: '2568-Q1', mission: 'otop', version: 1, username: 'pat', acknowledgeWarnings: true }));
    expect(withHole.status).toBe(400);
    expect((withHole.detail.errors as { kind: string; criterion: string }[]).map((f) => [f.kind, f.criterion])).toEqual([['hole', 'salesGrowth']]);
    expect(withHole.text.en).toMatch(/every error is new/);
  });

  it("publishes the next quarter's draft that keeps the letter's holes of the previous quarter's revision", () => {
    const db = freshDb();
    startPeriod(db, { from: '2567-Q3', username: 'pat' });
    const revision = publishDraft(db, { period: '2567-Q4', mission: 'otop', version: 1, username: 'pat', acknowledgeWarnings: true });
    expect(revision.revision).toBe(1);
    expect(auditTrail(db, '2567-Q4', 'otop')[0]!.message).toEqual({
      th: expect.stringContaining('ช่องว่างตามหนังสือสั่งการ 1 รายการ'),
      en: expect.stringContaining('1 gap in the letter itself'),
    });
  });

  it('refuses a stale publish', () => {
    const db = freshDb();
    startPeriod(db, { from: '2567-Q3', username: 'pat' });
    const draft = getDraft(db, '2567-Q4', 'bmn')!;
    saveDraft(db, { period: '2567-Q4', mission: 'bmn', yaml: draft.yaml.replace('due: 2024-04-19', 'due: 2024-07-19'), version: 1, username: 'edna' });
    expect(refused(() => publishDraft(db, { period: '2567-Q4', mission: 'bmn', version: 1, username: 'pat', acknowledgeWarnings: true })).status).toBe(409);
  });
});

describe("a correction of a published rubric that keeps the letter's holes", () => {
  const C_BAND = '- { level: C, op: ">=", value: 3, quote: ไม่น้อยกว่า ๓ ผลิตภัณฑ์ }';
  const D_BAND = '      - { level: D, op: "<", value: 3, quote: น้อยกว่า ๓ ผลิตภัณฑ์ }\n';

  function correctOtop(db: Db, edit: (yaml: string) => string): void {
    const draft = openCorrection(db, { period: '2567-Q3', mission: 'otop', username: 'edna' });
    const yaml = edit(draft.yaml);
    expect(yaml).not.toBe(draft.yaml);
    saveDraft(db, { period: '2567-Q3', mission: 'otop', yaml, version: draft.version, username: 'edna' });
  }

  it("publishes otop's revision 2 with a new label and quote and its hole at 2.00 kept, even with every line moved", () => {
    const db = freshDb();
    correctOtop(db, (yaml) =>
      ('# แก้ไขชื่อตัวชี้วัดตามหนังสือแจ้งเพิ่มเติม / label corrected\n# second comment line\n' + yaml)
        .replace('label: { th: ยอดจำหน่ายเพิ่มขึ้น, en: Sales growth }', 'label: { th: ยอดจำหน่ายผลิตภัณฑ์ OTOP เพิ่มขึ้น, en: OTOP sales growth }')
        .replace('quote: มากกว่าร้อยละ ๔ }', 'quote: มากกว่าร้อยละ ๔ (ร้อยละ ๔.๐๐) }'),
    );
    const revision = publishDraft(db, { period: '2567-Q3', mission: 'otop', version: 2, username: 'pat', acknowledgeWarnings: true });
    expect(revision).toMatchObject({ revision: 2, publishedBy: 'pat' });
    expect(revision.yaml).toContain('- { level: D, op: "<", value: 2, quote: น้อยกว่าร้อยละ ๒ }');
    expect(revision.yaml).toContain('en: OTOP sales growth');
    expect(latestRevision(db, '2567-Q3', 'otop')!.revision).toBe(2);
  });

  it('refuses a correction that widens the letter\'s 2.00 % gap to 2.00 – 2.50: a wider gap is a new error', () => {
    const db = freshDb();
    correctOtop(db, (yaml) => yaml.replace('- { level: C, op: ">", value: 2,', '- { level: C, op: ">", value: 2.5,'));
    const refusal = refused(() => publishDraft(db, { period: '2567-Q3', mission: 'otop', version: 2, username: 'pat', acknowledgeWarnings: true }));
    const fresh = refusal.detail.errors as { criterion: string; range: string }[];
    expect(fresh.map((f) => [f.criterion, f.range])).toEqual([['salesGrowth', '2.00 – 2.50']]);
    expect(refusal.detail.gaps).toEqual([]);
  });

  it.each([
    ['changes level C of newProducts from >= 3 to >= 3.5', (yaml: string) => yaml.replace(C_BAND, C_BAND.replace('value: 3,', 'value: 3.5,'))],
    ['removes the D band of newProducts', (yaml: string) => yaml.replace(D_BAND, '')],
  ])('refuses a correction that %s, naming the new hole in Thai and English', (_name, edit) => {
    const db = freshDb();
    correctOtop(db, edit);
    const refusal = refused(() => publishDraft(db, { period: '2567-Q3', mission: 'otop', version: 2, username: 'pat', acknowledgeWarnings: true }));
    expect(refusal.status).toBe(400);
    const fresh = refusal.detail.errors as { kind: string; criterion: string; fact: string; message: { th: string; en: string } }[];
    expect(fresh.map((f) => [f.kind, f.criterion, f.fact])).toEqual([['hole', 'newProducts', 'newProducts']]);
    // The hole at 2.00 is the letter's own gap, not a new error.
    expect((refusal.detail.gaps as { criterion: string }[]).map((f) => f.criterion)).toEqual(['salesGrowth']);
    expect(refusal.text.th).toContain('ข้อผิดพลาดใหม่ 1 รายการ');
    expect(refusal.text.th).toContain(`hole (newProducts): ${fresh[0]!.message.th}`);
    expect(refusal.text.en).toContain('1 new error that published revision 1 (2567-Q3) does not have');
    expect(refusal.text.en).toContain(`hole (newProducts): ${fresh[0]!.message.en}`);
    expect(latestRevision(db, '2567-Q3', 'otop')!.revision).toBe(1);
  });
});
