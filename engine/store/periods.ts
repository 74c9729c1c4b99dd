// Periods: starting the next quarter from the latest one (once, never twice), and deleting an
// unpublished latest period with its drafts.
import { inWorker } from '../node/analysis-pool.js';
import { nextPeriod, PERIOD, periodLabel } from '../period.js';
import type { Text } from '../types.js';
import { audit } from './audit.js';
import { now, type Db } from './db.js';
import { getDraft, latestRevision, storeMissions, storePeriods } from './records.js';
import { StoreError, worked } from './refusal.js';

/** Who started a period (the first audit entry of its drafts), if the trail says. */
function startedBy(db: Db, period: string): { username: string; at: string } | undefined {
  return db.prepare("SELECT username, at FROM audit WHERE period = ? AND action = 'draft' ORDER BY id LIMIT 1").get(period) as
    | { username: string; at: string }
    | undefined;
}

/** Why a quarter may not be started from `from`: the next one exists, or `from` is not the latest period; undefined when it may. */
function startRefusal(db: Db, from: string, to: string): StoreError | undefined {
  const periods = storePeriods(db);
  const latest = periods.at(-1);
  const [fromLabel, toLabel] = [periodLabel(from), periodLabel(to)];
  if (periods.includes(to)) {
    const by = startedBy(db, to);
    return new StoreError(
      409,
      {
        th: `${toLabel.th} เริ่มไปแล้ว${by ? ` (โดย ${by.username})` : ''} จึงไม่เริ่มซ้ำ ไม่มีการสร้างร่างเพิ่ม`,
        en: `${toLabel.en} has already been started${by ? ` (by ${by.username})` : ''}, so it was not started again; no draft was added`,
      },
      { from, to, latest },
    );
  }
  if (from !== latest) {
    return new StoreError(
      409,
      latest
        ? {
            th: `เริ่มร่างจาก${fromLabel.th} ไม่ได้ เพราะไตรมาสล่าสุดคือ${periodLabel(latest).th} เริ่มไตรมาสใหม่ได้จากไตรมาสล่าสุดเท่านั้น`,
            en: `cannot start from ${fromLabel.en}: the latest period is ${latest}, and a new quarter starts only from the latest period`,
          }
        : { th: 'ยังไม่มีไตรมาสใดในคลัง', en: 'the store has no period yet' },
      { from, to, latest },
    );
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

/** The new quarter's draft texts (period set, status draft, revision 1), made in workers. */
function newDraftTexts(sources: StartSource[], to: string): Promise<string[]> {
  return Promise.all(
    sources.map(async ({ yaml }) =>
      (await worked(
        inWorker('scalars', yaml, [
          { path: ['period'], value: to, optional: true },
          { path: ['status'], value: 'draft', optional: true },
          { path: ['revision'], value: 1, optional: true },
        ]),
      )) ?? yaml,
    ),
  );
}

/**
 * Starts the next quarter from a period: every mission's latest revision (or its draft, where it
 * has none) becomes a draft of the next period, revision 1. The caller names the period it starts
 * from; in one immediate transaction with the inserts, that period must be the store's latest and
 * the next one must not exist yet, else 409. So a second click, a second tab or a second server
 * process asking for the same quarter makes nothing: one quarter, never two.
 */
export async function startPeriod(db: Db, options: { from: string; username: string }): Promise<{ period: string; created: string[] }> {
  const { from, username } = options;
  if (!PERIOD.test(from)) {
    throw new StoreError(400, { th: `ไม่ได้ระบุไตรมาสต้นทางที่ถูกต้อง (${from || 'ว่าง'})`, en: `the period to start from is not a period (${from || 'empty'})` });
  }
  const to = nextPeriod(from);
  const early = startRefusal(db, from, to);
  if (early) throw early;
  const read = startSources(db, from);
  // The new drafts' texts are made in workers; the transaction then checks again and that no source changed meanwhile.
  const texts = await newDraftTexts(read, to);
  return db.transaction(() => {
    const refusal = startRefusal(db, from, to);
    if (refusal) throw refusal;
    const now_ = startSources(db, from);
    if (now_.length !== read.length || now_.some((s, i) => s.mission !== read[i]!.mission || s.yaml !== read[i]!.yaml)) {
      throw new StoreError(409, {
        th: `เกณฑ์ของ${periodLabel(from).th}เปลี่ยนระหว่างที่เตรียมร่าง จึงยังไม่เริ่ม${periodLabel(to).th} โปรดลองอีกครั้ง`,
        en: `the rubrics of ${from} changed while the drafts were being prepared, so ${to} was not started; try again`,
      });
    }
    read.forEach(({ mission }, i) => {
      db.prepare('INSERT INTO drafts VALUES (?, ?, ?, 1, ?, ?)').run(to, mission, texts[i]!, username, now());
      audit(db, { username, action: 'draft', period: to, mission, message: { th: `เริ่มร่าง ${to} จาก ${from}`, en: `started the ${to} draft from ${from}` } });
    });
    return { period: to, created: read.map((s) => s.mission) };
  }).immediate();
}

/**
 * Whether a period may be deleted, and if not why: it must have no published revision of any
 * mission (published means immutable), be the latest period (so the quarters stay a sequence
 * each started from the one before) and not be the only one.
 */
export function periodDeletable(db: Db, period: string): { ok: true; drafts: string[] } | { ok: false; error: StoreError } {
  const periods = storePeriods(db);
  const label = periodLabel(period);
  if (!periods.includes(period)) {
    return { ok: false, error: new StoreError(404, { th: `ไม่มี${label.th} ในคลัง`, en: `there is no period ${label.en}` }) };
  }
  const published = db
    .prepare('SELECT mission, MAX(revision) AS revision FROM revisions WHERE period = ? GROUP BY mission ORDER BY mission')
    .all(period) as { mission: string; revision: number }[];
  if (published.length > 0) {
    const list = published.map((p) => `${p.mission} r${p.revision}`).join(', ');
    return {
      ok: false,
      error: new StoreError(
        409,
        {
          th: `ลบ${label.th} ไม่ได้ เพราะมีฉบับที่เผยแพร่แล้ว ${published.length} ภารกิจ (${list}) ฉบับที่เผยแพร่แล้วแก้ไขหรือลบไม่ได้`,
          en: `${label.en} cannot be deleted: ${published.length} ${published.length === 1 ? 'mission has' : 'missions have'} a published revision (${list}), and a published revision is never changed or removed`,
        },
        { published },
      ),
    };
  }
  const latest = periods.at(-1)!;
  if (period !== latest) {
    return {
      ok: false,
      error: new StoreError(409, {
        th: `ลบ${label.th} ไม่ได้ เพราะมี${periodLabel(latest).th} ซึ่งใหม่กว่า ลบได้เฉพาะไตรมาสล่าสุด`,
        en: `${label.en} cannot be deleted while the later ${latest} exists: only the latest period can be deleted`,
      }),
    };
  }
  if (periods.length === 1) {
    return {
      ok: false,
      error: new StoreError(409, {
        th: `ลบ${label.th} ไม่ได้ เพราะเป็นไตรมาสเดียวในคลัง`,
        en: `${label.en} cannot be deleted: it is the only period in the store`,
      }),
    };
  }
  return { ok: true, drafts: storeMissions(db, period) };
}

/**
 * Deletes an unpublished period (see periodDeletable) and its drafts, in one immediate
 * transaction, with an audit entry for the period naming who deleted which drafts, and one per
 * mission that keeps the deleted draft's text.
 */
export function deletePeriod(db: Db, options: { period: string; username: string }): { period: string; deleted: string[] } {
  const { period, username } = options;
  if (!PERIOD.test(period)) throw new StoreError(400, { th: 'ไม่ได้ระบุไตรมาสที่ถูกต้อง', en: 'that is not a period' });
  return db.transaction(() => {
    const check = periodDeletable(db, period);
    if (!check.ok) throw check.error;
    const label = periodLabel(period);
    const drafts = check.drafts.map((mission) => getDraft(db, period, mission)!);
    db.prepare('DELETE FROM drafts WHERE period = ?').run(period);
    for (const draft of drafts) {
      audit(db, {
        username,
        action: 'delete',
        period,
        mission: draft.mission,
        before: { version: draft.version, updatedBy: draft.updatedBy, updatedAt: draft.updatedAt, yaml: draft.yaml },
        message: {
          th: `ลบร่าง (ฉบับร่างที่ ${draft.version}) พร้อม${label.th} ซึ่งยังไม่เผยแพร่`,
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
    return { period, deleted: missions };
  }).immediate();
}

/** The latest deletion of a period, from the audit trail: who deleted it, when, and what. */
export function periodDeletion(db: Db, period: string): { username: string; at: string; message: Text } | undefined {
  const row = db.prepare("SELECT username, at, message_th, message_en FROM audit WHERE period = ? AND action = 'delete-period' ORDER BY id DESC LIMIT 1").get(period) as
    | { username: string; at: string; message_th: string; message_en: string }
    | undefined;
  return row && { username: row.username, at: row.at, message: { th: row.message_th, en: row.message_en } };
}
