// Drafts: saving one with optimistic concurrency (its changes go to the audit trail), opening a
// correction of a published revision as the next draft, and discarding one.
import { MAX_RUBRIC_BYTES } from '../load.js';
import { inWorker } from '../node/analysis-pool.js';
import { periodLabel } from '../period.js';
import { audit } from './audit.js';
import { now, type Db } from './db.js';
import { getDraft, latestRevision, type Draft } from './records.js';
import { done, noDraft, refusal, settle, type Refused, type Settled } from './refusal.js';
import { revisionWords } from '../words.js';

/** The refusal of a text over the rubric size limit (in UTF-8 bytes, as it is stored and served); undefined when it fits. */
function sizeRefusal(yaml: string): Refused | undefined {
  const bytes = Buffer.byteLength(yaml, 'utf8');
  return bytes > MAX_RUBRIC_BYTES ? refusal(413, 'DRAFT_TOO_LONG', { bytes, max: MAX_RUBRIC_BYTES }) : undefined;
}

/** The refusal of a save from an older version than the draft's: someone saved first. */
function savedFirst(current: Draft): Refused {
  return refusal(409, 'SAVED_FIRST', { version: current.version, by: current.updatedBy }, { theirs: current });
}

/**
 * Saves a draft if nobody saved since the version the editor started from; otherwise refuses with
 * 409 and the other change (its text, who and when), so nothing is overwritten silently. Every
 * change of a value is written to the audit trail with its old and new value. A text that names
 * another mission or period is refused even when it is not yet a valid rubric; one over 1 MiB is
 * refused with 413. The texts are read and compared in a worker thread (see analysis.ts).
 */
export function saveDraft(db: Db, options: SaveOptions): Promise<Settled<Draft>> {
  return settle(() => saveChecked(db, options));
}

/** What saving a draft names: where, the text, the version the editor started from, and who. */
interface SaveOptions {
  period: string;
  mission: string;
  yaml: string;
  version: number;
  username: string;
}

/** saveDraft, its worker's failure left to settle. */
async function saveChecked(db: Db, options: SaveOptions): Promise<Settled<Draft>> {
  const { period, mission, yaml, version, username } = options;
  const tooLong = sizeRefusal(yaml);
  if (tooLong) return tooLong;
  const before = getDraft(db, period, mission);
  if (!before) return noDraft(period, mission);
  if (before.version !== version) return savedFirst(before);
  const comparison = await inWorker('compare', before.yaml, yaml, `${period}/${mission}.yaml`);
  const { names } = comparison;
  if ((names.mission !== null && names.mission !== mission) || (names.period !== null && names.period !== period)) {
    return refusal(400, 'DRAFT_RENAMED', { period, mission, namedPeriod: names.period ?? period, namedMission: names.mission ?? mission });
  }
  return db.transaction((): Settled<Draft> => {
    const current = getDraft(db, period, mission);
    if (!current) return noDraft(period, mission);
    // Another save while the texts were compared: the comparison was of an older text.
    if (current.version !== version) return savedFirst(current);
    db.prepare('UPDATE drafts SET yaml = ?, version = ?, updated_by = ?, updated_at = ? WHERE period = ? AND mission = ?').run(
      yaml,
      current.version + 1,
      username,
      now(),
      period,
      mission,
    );
    if (comparison.changes) {
      for (const change of comparison.changes) {
        audit(db, { username, action: 'change', period, mission, path: change.path, before: change.before, after: change.after, message: change.message });
      }
    } else if (yaml !== current.yaml) {
      audit(db, {
        username,
        action: 'change',
        period,
        mission,
        message: { th: 'บันทึกร่าง (YAML ยังไม่ถูกต้อง)', en: 'saved the draft (its YAML is not yet valid)' },
      });
    }
    return done(getDraft(db, period, mission)!);
  }).immediate();
}

/**
 * Opens a draft from the latest published revision, as the next revision: the way to correct a
 * published rubric without changing it.
 */
export function openCorrection(db: Db, options: { period: string; mission: string; username: string }): Promise<Settled<Draft>> {
  return settle(() => openChecked(db, options));
}

/** openCorrection, its worker's failure left to settle. */
async function openChecked(db: Db, options: { period: string; mission: string; username: string }): Promise<Settled<Draft>> {
  const { period, mission, username } = options;
  const existing = getDraft(db, period, mission);
  if (existing) return done(existing);
  const source = latestRevision(db, period, mission);
  if (!source) return refusal(404, 'NO_PUBLISHED_REVISION', { mission });
  const yaml =
    (await inWorker('scalars', source.yaml, [
      { path: ['status'], value: 'draft', optional: true },
      { path: ['revision'], value: source.revision + 1, optional: true },
    ])) ?? source.yaml;
  return db.transaction((): Settled<Draft> => {
    const opened = getDraft(db, period, mission);
    if (opened) return done(opened);
    const latest = latestRevision(db, period, mission);
    if (latest?.revision !== source.revision) {
      return refusal(409, 'REVISION_PUBLISHED_MEANWHILE', { mission });
    }
    db.prepare('INSERT INTO drafts VALUES (?, ?, ?, 1, ?, ?)').run(period, mission, yaml, username, now());
    audit(db, {
      username,
      action: 'draft',
      period,
      mission,
      message: { th: `เปิดร่างแก้ไขจากฉบับที่ ${source.revision}`, en: `opened a correction of revision ${source.revision}` },
    });
    return done(getDraft(db, period, mission)!);
  }).immediate();
}

/**
 * Discards a mission's draft, so that the latest published revision is again what the page shows:
 * refused when the draft changed since the version the editor saw (409), and when the mission has
 * no published revision in the period, since the draft is then its only copy in the quarter and
 * discarding it would drop the mission (409, NOTHING_TO_RETURN_TO). The audit entry keeps the
 * discarded text.
 */
export function discardDraft(db: Db, options: { period: string; mission: string; version: number; username: string }): Settled<{ revision: number }> {
  const { period, mission, version, username } = options;
  return db.transaction((): Settled<{ revision: number }> => {
    const draft = getDraft(db, period, mission);
    if (!draft) return noDraft(period, mission);
    if (draft.version !== version) return refusal(409, 'CHANGED_AFTER_OPENED', { version: draft.version, by: draft.updatedBy }, { theirs: draft });
    const latest = latestRevision(db, period, mission);
    if (!latest) return refusal(409, 'NOTHING_TO_RETURN_TO', { mission, period: periodLabel(period) });
    db.prepare('DELETE FROM drafts WHERE period = ? AND mission = ?').run(period, mission);
    audit(db, {
      username,
      action: 'discard',
      period,
      mission,
      before: { version: draft.version, updatedBy: draft.updatedBy, updatedAt: draft.updatedAt, yaml: draft.yaml },
      message: {
        th: `ทิ้งร่าง (บันทึกครั้งที่ ${draft.version}) กลับไปใช้${revisionWords(latest.revision).th}ที่เผยแพร่แล้ว`,
        en: `discarded the draft (version ${draft.version}); published revision ${latest.revision} stands`,
      },
    });
    return done({ revision: latest.revision });
  }).immediate();
}
