// Periods: starting the next quarter from the latest one (once, never twice), and deleting an
// unpublished latest period with its drafts.
import { inWorker } from '../node/analysis-pool.js';
import { nextPeriod, PERIOD, periodLabel } from '../period.js';
import type { Text } from '../types.js';
import { audit } from './audit.js';
import { now, type Db } from './db.js';
import { getDraft, latestRevision, storeMissions, storePeriods } from './records.js';
import { done, refusal, settle, type Refused, type Settled } from './refusal.js';

/** Who started a period (the first audit entry of its drafts), if the trail says. */
function startedBy(db: Db, period: string): { username: string; at: string } | undefined {
  return db.prepare("SELECT username, at FROM audit WHERE period = ? AND action = 'draft' ORDER BY id LIMIT 1").get(period) as
    | { username: string; at: string }
    | undefined;
}

/** Why a quarter may not be started from `from`: the next one exists, or `from` is not the latest period; undefined when it may. */
function startRefusal(db: Db, from: string, to: string): Refused | undefined {
  const periods = storePeriods(db);
  const latest = periods.at(-1);
  const [fromLabel, toLabel] = [periodLabel(from), periodLabel(to)];
  if (periods.includes(to)) {
    const by = startedBy(db, to);
    return refusal(409, 'PERIOD_ALREADY_STARTED', { to: toLabel, by: by?.username ?? null }, { from, to, latest });
  }
  if (from !== latest) {
    return refusal(409, 'NOT_THE_LATEST_PERIOD', { from: fromLabel, latest: latest ? periodLabel(latest) : null }, { from, to, latest });
  }
  return undefined;
}

/** A mission's text a new quarter starts from. */
interface StartSource {
  mission: string;
  yaml: string;
}

/** Each mission's latest revision in a period, or its draft where it has none. */
function startSources(db: Db, from: string): StartSource[] {
  return storeMissions(db, from)
    .map((mission) => ({ mission, yaml: latestRevision(db, from, mission)?.yaml ?? getDraft(db, from, mission)?.yaml }))
    .filter((s): s is StartSource => s.yaml !== undefined);
}

/**
 * The new quarter's draft texts (period set, status draft, revision 1, each round's due date moved
 * into the new quarter with a note to check it: see shift-rounds.ts), made in workers.
 */
function newDraftTexts(sources: StartSource[], from: string, to: string): Promise<string[]> {
  return Promise.all(
    sources.map(async ({ yaml }) => {
      const text =
        (await inWorker('scalars', yaml, [
          { path: ['period'], value: to, optional: true },
          { path: ['status'], value: 'draft', optional: true },
          { path: ['revision'], value: 1, optional: true },
        ])) ?? yaml;
      return inWorker('rounds', text, from, to);
    }),
  );
}

/**
 * Starts the next quarter from a period: every mission's latest revision (or its draft, where it
 * has none) becomes a draft of the next period, revision 1, its reporting rounds moved into the
 * new quarter's months and marked to be checked. The caller names the period it starts
 * from; in one immediate transaction with the inserts, that period must be the store's latest and
 * the next one must not exist yet, else 409. So a second click, a second tab or a second server
 * process asking for the same quarter makes nothing: one quarter, never two.
 */
export function startPeriod(db: Db, options: { from: string; username: string }): Promise<Settled<{ period: string; created: string[] }>> {
  return settle(() => startPeriodSettled(db, options));
}

/** startPeriod, its worker's failure left to settle; its refusals are found before the transaction writes. */
async function startPeriodSettled(db: Db, options: { from: string; username: string }): Promise<Settled<{ period: string; created: string[] }>> {
  const { from, username } = options;
  if (!PERIOD.test(from)) {
    return refusal(400, 'NOT_A_PERIOD', { kind: 'from', received: from });
  }
  const to = nextPeriod(from);
  const early = startRefusal(db, from, to);
  if (early) return early;
  const read = startSources(db, from);
  // The new drafts' texts are made in workers; the transaction then checks again and that no source changed meanwhile.
  const texts = await newDraftTexts(read, from, to);
  return db.transaction(() => {
    const refused = startRefusal(db, from, to);
    if (refused) return refused;
    const now_ = startSources(db, from);
    if (now_.length !== read.length || now_.some((s, i) => s.mission !== read[i]!.mission || s.yaml !== read[i]!.yaml)) {
      return refusal(409, 'SOURCES_CHANGED', { from: periodLabel(from), to: periodLabel(to) });
    }
    read.forEach(({ mission }, i) => {
      db.prepare('INSERT INTO drafts VALUES (?, ?, ?, 1, ?, ?)').run(to, mission, texts[i]!, username, now());
      audit(db, { username, action: 'draft', period: to, mission, message: { th: `เริ่มร่าง ${to} จาก ${from}`, en: `started the ${to} draft from ${from}` } });
    });
    return done({ period: to, created: read.map((s) => s.mission) });
  }).immediate();
}

/**
 * Whether a period may be deleted, and if not why: it must have no published revision of any
 * mission (published means immutable), be the latest period (so the quarters stay a sequence
 * each started from the one before) and not be the only one.
 */
export function periodDeletable(db: Db, period: string): Settled<{ drafts: string[] }> {
  const periods = storePeriods(db);
  const label = periodLabel(period);
  if (!periods.includes(period)) {
    return refusal(404, 'NO_SUCH_PERIOD', { period: label });
  }
  const published = db
    .prepare('SELECT mission, MAX(revision) AS revision FROM revisions WHERE period = ? GROUP BY mission ORDER BY mission')
    .all(period) as { mission: string; revision: number }[];
  if (published.length > 0) {
    const list = published.map((p) => `${p.mission} r${p.revision}`).join(', ');
    return refusal(409, 'PERIOD_HAS_PUBLISHED', { period: label, count: published.length, list }, { published });
  }
  const latest = periods.at(-1)!;
  if (period !== latest) {
    return refusal(409, 'LATER_PERIOD_EXISTS', { period: label, latest: periodLabel(latest) });
  }
  if (periods.length === 1) {
    return refusal(409, 'ONLY_PERIOD', { period: label });
  }
  return done({ drafts: storeMissions(db, period) });
}

/**
 * Deletes an unpublished period (see periodDeletable) and its drafts, in one immediate
 * transaction, with an audit entry for the period naming who deleted which drafts, and one per
 * mission that keeps the deleted draft's text.
 */
export function deletePeriod(db: Db, options: { period: string; username: string }): Settled<{ period: string; deleted: string[] }> {
  const { period } = options;
  if (!PERIOD.test(period)) return refusal(400, 'NOT_A_PERIOD', { kind: 'delete', received: period });
  return db.transaction(() => deleteUnpublished(db, options)).immediate();
}

/** deletePeriod inside its transaction: it checks (periodDeletable) before it writes anything. */
function deleteUnpublished(db: Db, options: { period: string; username: string }): Settled<{ period: string; deleted: string[] }> {
  const { period, username } = options;
  const check = periodDeletable(db, period);
  if (!check.ok) return check;
  const label = periodLabel(period);
  const drafts = check.value.drafts.map((mission) => getDraft(db, period, mission)!);
  db.prepare('DELETE FROM drafts WHERE period = ?').run(period);
  for (const draft of drafts) {
    audit(db, {
      username,
      action: 'delete',
      period,
      mission: draft.mission,
      before: { version: draft.version, updatedBy: draft.updatedBy, updatedAt: draft.updatedAt, yaml: draft.yaml },
      message: {
        th: `ลบร่าง (บันทึกครั้งที่ ${draft.version}) พร้อม${label.th} ซึ่งยังไม่เผยแพร่`,
        en: `deleted the draft (version ${draft.version}) with the unpublished period ${label.en}`,
      },
    });
  }
  const missions = drafts.map((d) => d.mission);
  audit(db, {
    username,
    action: 'delete-period',
    period,
    before: missions,
    message: {
      th: `${username} ลบ${label.th} ซึ่งยังไม่เผยแพร่ พร้อมร่าง ${missions.length} ภารกิจ: ${missions.join(', ')}`,
      en: `${username} deleted the unpublished period ${label.en} and its ${missions.length} drafts: ${missions.join(', ')}`,
    },
  });
  return done({ period, deleted: missions });
}

/** The latest deletion of a period, from the audit trail: who deleted it, when, and what. */
export function periodDeletion(db: Db, period: string): { username: string; at: string; message: Text } | undefined {
  const row = db.prepare("SELECT username, at, message_th, message_en FROM audit WHERE period = ? AND action = 'delete-period' ORDER BY id DESC LIMIT 1").get(period) as
    | { username: string; at: string; message_th: string; message_en: string }
    | undefined;
  return row && { username: row.username, at: row.at, message: { th: row.message_th, en: row.message_en } };
}
