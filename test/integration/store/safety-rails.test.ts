// The store's safety rails: a draft whose examples fail is never published, the four-eyes rule,
// discarding a draft, and a new quarter's rounds moved into its own months.
import { describe, expect, it } from 'vitest';
import type { Db } from '../../../engine/store/db.js';
import {
  auditTrail,
  discardDraft,
  fourEyesRule,
  getDraft,
  latestRevision,
  openCorrection,
  publishDraft,
  saveDraft,
  startPeriod,
} from '../../../engine/store/rubric-store.js';
import { valueOf } from '../../settled.js';
import { refusalOf, seededDb } from './store-db.js';

/** Opens a correction of otop 2567-Q3 and saves `edit` of it as `username`; the draft's new version. */
async function correctOtop(db: Db, username: string, edit: (yaml: string) => string): Promise<number> {
  const draft = valueOf(await openCorrection(db, { period: '2567-Q3', mission: 'otop', username: 'edna' }));
  return valueOf(await saveDraft(db, { period: '2567-Q3', mission: 'otop', yaml: edit(draft.yaml), version: draft.version, username })).version;
}

const publish = (db: Db, version: number, username: string, fourEyes = false) =>
  publishDraft(db, { period: '2567-Q3', mission: 'otop', version, username, acknowledgeWarnings: true, fourEyes });

describe('publishing a draft whose examples fail', () => {
  it('is refused with EXAMPLES_FAIL naming the example, what it expects and what it gives; nothing is published', async () => {
    const db = seededDb('safety-rails-');
    const version = await correctOtop(db, 'edna', (yaml) => yaml.replace('    facts: { newProducts: 5, salesGrowthPct: 4.01 }\n    expect: A', '    facts: { newProducts: 5, salesGrowthPct: 4.01 }\n    expect: C'));
    const refusal = refusalOf(await publish(db, version, 'pat'));
    expect([refusal.status, refusal.code]).toEqual([400, 'EXAMPLES_FAIL']);
    expect(refusal.detail.failing).toEqual([{ name: 'Five new products and sales up 4.01 % get A', expected: 'C', actual: 'A' }]);
    expect(refusal.text.th).toContain('"Five new products and sales up 4.01 % get A": ควรได้ C แต่ได้ A');
    expect(refusal.text.en).toContain('expects C, gives A');
    expect(latestRevision(db, '2567-Q3', 'otop')!.revision).toBe(1);
    expect(getDraft(db, '2567-Q3', 'otop')!.version).toBe(version);
  });

  it('publishes once the example is corrected', async () => {
    const db = seededDb('safety-rails-');
    const version = await correctOtop(db, 'edna', (yaml) => yaml.replace('get A\n', 'get grade A\n'));
    expect(valueOf(await publish(db, version, 'pat')).revision).toBe(2);
  });
});

describe('the four-eyes rule', () => {
  it('is read from RUBRIC_FOUR_EYES, off unless set to a yes', () => {
    expect(fourEyesRule({})).toBe(false);
    expect(fourEyesRule({ RUBRIC_FOUR_EYES: '' })).toBe(false);
    expect(fourEyesRule({ RUBRIC_FOUR_EYES: '0' })).toBe(false);
    expect(fourEyesRule({ RUBRIC_FOUR_EYES: 'on' })).toBe(true);
    expect(fourEyesRule({ RUBRIC_FOUR_EYES: '1' })).toBe(true);
  });

  it('refuses the publisher who changed the draft, and lets another publish it, naming both in the audit trail', async () => {
    const db = seededDb('safety-rails-');
    const version = await correctOtop(db, 'pat', (yaml) => yaml.replace('get A\n', 'get grade A\n'));
    const refusal = refusalOf(await publish(db, version, 'pat', true));
    expect([refusal.status, refusal.code]).toEqual([403, 'SAME_PUBLISHER']);
    expect(refusal.detail.authors).toEqual(['pat']);
    expect(refusal.text.en).toContain('another publisher must check and publish');
    expect(refusal.text.th).toContain('หลักสี่ตา');
    expect(latestRevision(db, '2567-Q3', 'otop')!.revision).toBe(1);
    valueOf(await publish(db, version, 'quinn', true));
    const entry = auditTrail(db, '2567-Q3', 'otop')[0]!;
    expect(entry).toMatchObject({ action: 'publish', username: 'quinn', revision: 2 });
    expect(entry.message.en).toContain('changed by pat, checked and published by quinn');
    expect(entry.message.th).toContain('แก้ไขโดย pat ตรวจและเผยแพร่โดย quinn');
  });

  it('without the rule, the publisher who changed the draft may publish it', async () => {
    const db = seededDb('safety-rails-');
    const version = await correctOtop(db, 'pat', (yaml) => yaml.replace('get A\n', 'get grade A\n'));
    expect(valueOf(await publish(db, version, 'pat', false)).publishedBy).toBe('pat');
  });
});

describe('discarding a draft', () => {
  it('removes the draft, keeps the published revision, and says so in the audit trail with the text', async () => {
    const db = seededDb('safety-rails-');
    const version = await correctOtop(db, 'edna', (yaml) => yaml.replace('get A\n', 'get grade A\n'));
    const text = getDraft(db, '2567-Q3', 'otop')!.yaml;
    const stale = refusalOf(discardDraft(db, { period: '2567-Q3', mission: 'otop', version: version - 1, username: 'edna' }));
    expect([stale.status, stale.code]).toEqual([409, 'CHANGED_AFTER_OPENED']);
    expect(getDraft(db, '2567-Q3', 'otop')).toBeDefined();
    expect(valueOf(discardDraft(db, { period: '2567-Q3', mission: 'otop', version, username: 'edna' }))).toEqual({ revision: 1 });
    expect(getDraft(db, '2567-Q3', 'otop')).toBeUndefined();
    expect(latestRevision(db, '2567-Q3', 'otop')!.revision).toBe(1);
    const entry = auditTrail(db, '2567-Q3', 'otop')[0]!;
    expect(entry).toMatchObject({ action: 'discard', username: 'edna' });
    expect(JSON.parse(entry.before!)).toMatchObject({ version, yaml: text });
    // A new correction starts again from the published revision.
    expect(valueOf(await openCorrection(db, { period: '2567-Q3', mission: 'otop', username: 'edna' })).yaml).not.toContain('get grade A');
  });

  it('refuses a draft with nothing published in its period: it is the mission’s only copy there', async () => {
    const db = seededDb('safety-rails-');
    const refusal = refusalOf(discardDraft(db, { period: '2567-Q3', mission: 'food-security', version: 1, username: 'edna' }));
    expect([refusal.status, refusal.code]).toEqual([409, 'NOTHING_TO_RETURN_TO']);
    expect(refusal.text.th).toContain('ไตรมาส ๓/๒๕๖๗');
    expect(getDraft(db, '2567-Q3', 'food-security')).toBeDefined();
  });
});

describe('starting a quarter', () => {
  it("moves each round's due date into the new quarter's months and marks them to be checked", async () => {
    const db = seededDb('safety-rails-');
    valueOf(await startPeriod(db, { from: '2567-Q3', username: 'pat' }));
    const bmn = getDraft(db, '2567-Q4', 'bmn')!.yaml;
    expect(bmn).toContain('- { round: 1, due: 2024-07-19 }');
    expect(bmn).toContain('- { round: 3, due: 2024-09-18 }');
    expect(bmn).toContain('      due: 2024-09-30\n');
    expect(bmn).not.toMatch(/due: 2024-0[456]/);
    expect(bmn).toContain('check the dates: moved from 2567-Q3 to 2567-Q4');
    expect(getDraft(db, '2567-Q4', 'moral-organization')!.yaml).toContain('due: "2024-07-19T16:30:00+07:00"');
  });
});
