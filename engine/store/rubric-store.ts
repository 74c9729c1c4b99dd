// The editor's rubric store: published revisions (immutable) and drafts (saved with optimistic
// concurrency), seeded from the repository's rubrics/ folder, with every change in the audit trail.
import { readFileSync } from 'node:fs';
import { loadRubric, MAX_RUBRIC_BYTES } from '../load.js';
import { listPeriods, listRubricFiles } from '../node/rubric-files.js';
import type { Rubric, Text } from '../types.js';
import { validateRubric } from '../validate.js';
import type { Finding } from '../analyze.js';
import { errorKeys, gapsLabel, splitErrors } from '../letter-gaps.js';
import { AnalysisUnavailable, analyseText, inWorker } from '../node/analysis-pool.js';
import { now, type Db } from './db.js';
import { nextPeriod, PERIOD, periodLabel, previousPeriod } from '../period.js';
import { sha256 } from '../node/digest.js';
export { nextPeriod, periodLabel, previousPeriod };

/** A published revision: never changed once written. */
export interface Revision {
  period: string;
  mission: string;
  revision: number;
  yaml: string;
  digest: string;
  publishedBy: string;
  publishedAt: string;
}

/** A draft being edited, with the version that a save must name. */
export interface Draft {
  period: string;
  mission: string;
  yaml: string;
  version: number;
  updatedBy: string;
  updatedAt: string;
}

/** A refused write, said in Thai and English, with what the caller should know. */
export class StoreError extends Error {
  constructor(
    readonly status: 400 | 403 | 404 | 409 | 413 | 422 | 503,
    readonly text: Text,
    readonly detail: Record<string, unknown> = {},
  ) {
    super(text.en);
    this.name = 'StoreError';
  }
}

/** sha256 of the UTF-8 bytes of a text, as `sha256:<hex>` (the same digest the CLI gives a file). */
export function digestText(text: string): string {
  return sha256(text);
}

/** Loads the shipped rubrics into an empty store: published files as revisions, drafts as drafts. */
export function seedStore(db: Db, rubricsDir?: string): number {
  if (db.prepare("SELECT 1 FROM meta WHERE key = 'seeded'").get()) return 0;
  let count = 0;
  const seed = db.transaction(() => {
    for (const period of listPeriods(rubricsDir)) {
      for (const [mission, path] of listRubricFiles(period, rubricsDir)) {
        const yaml = readFileSync(path, 'utf8');
        const { rubric } = validateRubric(loadRubric(yaml, path));
        if (rubric?.status === 'published') {
          db.prepare('INSERT INTO revisions VALUES (?, ?, ?, ?, ?, ?, ?)').run(period, mission, rubric.revision, yaml, digestText(yaml), 'seed', now());
        } else {
          db.prepare('INSERT INTO drafts VALUES (?, ?, ?, 1, ?, ?)').run(period, mission, yaml, 'seed', now());
        }
        count++;
      }
    }
    db.prepare("INSERT INTO meta (key, value) VALUES ('seeded', ?)").run(now());
  });
  seed.immediate();
  return count;
}

function toRevision(row: Record<string, unknown> | undefined): Revision | undefined {
  if (!row) return undefined;
  return {
    period: row.period as string,
    mission: row.mission as string,
    revision: row.revision as number,
    yaml: row.yaml as string,
    digest: row.digest as string,
    publishedBy: row.published_by as string,
    publishedAt: row.published_at as string,
  };
}

function toDraft(row: Record<string, unknown> | undefined): Draft | undefined {
  if (!row) return undefined;
  return {
    period: row.period as string,
    mission: row.mission as string,
    yaml: row.yaml as string,
    version: row.version as number,
    updatedBy: row.updated_by as string,
    updatedAt: row.updated_at as string,
  };
}

/** Every period that has a draft or a revision, oldest first. */
export function storePeriods(db: Db): string[] {
  const rows = db.prepare('SELECT period FROM revisions UNION SELECT period FROM drafts ORDER BY period').all() as { period: string }[];
  return rows.map((r) => r.period);
}

/** The missions of a period. */
export function storeMissions(db: Db, period: string): string[] {
  const rows = db
    .prepare('SELECT mission FROM revisions WHERE period = ? UNION SELECT mission FROM drafts WHERE period = ? ORDER BY mission')
    .all(period, period) as { mission: string }[];
  return rows.map((r) => r.mission);
}

/** The latest published revision of a mission in a period. */
export function latestRevision(db: Db, period: string, mission: string): Revision | undefined {
  return toRevision(
    db.prepare('SELECT * FROM revisions WHERE period = ? AND mission = ? ORDER BY revision DESC LIMIT 1').get(period, mission) as
      | Record<string, unknown>
      | undefined,
  );
}

/** Every published revision of a mission in a period, newest first. */
export function revisions(db: Db, period: string, mission: string): Revision[] {
  return (db.prepare('SELECT * FROM revisions WHERE period = ? AND mission = ? ORDER BY revision DESC').all(period, mission) as Record<string, unknown>[]).map(
    (r) => toRevision(r)!,
  );
}

/** The draft of a mission in a period, if one is open. */
export function getDraft(db: Db, period: string, mission: string): Draft | undefined {
  return toDraft(db.prepare('SELECT * FROM drafts WHERE period = ? AND mission = ?').get(period, mission) as Record<string, unknown> | undefined);
}

/** Writes an audit entry. */
export function audit(
  db: Db,
  entry: { username: string; action: string; period?: string; mission?: string; path?: string; before?: unknown; after?: unknown; message: Text; revision?: number },
): void {
  db.prepare(
    'INSERT INTO audit (at, username, action, period, mission, path, before, after, message_th, message_en, revision) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  ).run(
    now(),
    entry.username,
    entry.action,
    entry.period ?? null,
    entry.mission ?? null,
    entry.path ?? null,
    entry.before === undefined ? null : JSON.stringify(entry.before),
    entry.after === undefined ? null : JSON.stringify(entry.after),
    entry.message.th,
    entry.message.en,
    entry.revision ?? null,
  );
}

/** One audit entry as pages show it. */
export interface AuditEntry {
  at: string;
  username: string;
  action: string;
  path: string | null;
  before: string | null;
  after: string | null;
  message: Text;
  revision: number | null;
}

/** The audit trail of one mission in one period, newest first. */
export function auditTrail(db: Db, period: string, mission: string): AuditEntry[] {
  const rows = db.prepare('SELECT * FROM audit WHERE period = ? AND mission = ? ORDER BY id DESC').all(period, mission) as Record<string, unknown>[];
  return rows.map((r) => ({
    at: r.at as string,
    username: r.username as string,
    action: r.action as string,
    path: r.path as string | null,
    before: r.before as string | null,
    after: r.after as string | null,
    message: { th: r.message_th as string, en: r.message_en as string },
    revision: r.revision as number | null,
  }));
}

/** A StoreError for a text the worker could not read in time (AnalysisUnavailable); anything else as it was. */
function storeErrorOf(error: unknown): unknown {
  return error instanceof AnalysisUnavailable ? new StoreError(error.status, error.text) : error;
}

/** Runs a worker task, refusing with a StoreError when it cannot finish. */
async function worked<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    throw storeErrorOf(error);
  }
}

/** Refuses a text over the rubric size limit (in UTF-8 bytes, as it is stored and served). */
function checkSize(yaml: string): void {
  const bytes = Buffer.byteLength(yaml, 'utf8');
  if (bytes > MAX_RUBRIC_BYTES) {
    throw new StoreError(413, {
      th: `ร่างยาวเกินไป: ${bytes.toLocaleString('th-TH')} ไบต์ (ไม่เกิน ${MAX_RUBRIC_BYTES.toLocaleString('th-TH')} ไบต์หรือ 1 MiB) จึงยังไม่บันทึก สิ่งที่แก้ไขยังอยู่ในหน้านี้`,
      en: `the draft is too long: ${bytes.toLocaleString('en-US')} bytes (at most ${MAX_RUBRIC_BYTES.toLocaleString('en-US')}, 1 MiB), so it was not saved; your text is still on the page`,
    });
  }
}

function noDraft(period: string, mission: string): StoreError {
  return new StoreError(404, { th: `ไม่มีร่างของ ${mission} ใน ${period}`, en: `there is no draft of ${mission} in ${period}` });
}

function savedFirst(current: Draft): StoreError {
  return new StoreError(
    409,
    {
      th: `มีผู้บันทึกร่างนี้ไปก่อนแล้ว (ฉบับที่ ${current.version} โดย ${current.updatedBy}) การแก้ไขของคุณยังไม่ถูกบันทึก`,
      en: `someone saved this draft first (version ${current.version} by ${current.updatedBy}); your change was not saved`,
    },
    { theirs: current },
  );
}

/**
 * Saves a draft if nobody saved since the version the editor started from; otherwise refuses with
 * 409 and the other change (its text, who and when), so nothing is overwritten silently. Every
 * change of a value is written to the audit trail with its old and new value. A text that names
 * another mission or period is refused even when it is not yet a valid rubric; one over 1 MiB is
 * refused with 413. The texts are read and compared in a worker thread (see analysis.ts).
 */
export async function saveDraft(db: Db, options: { period: string; mission: string; yaml: string; version: number; username: string }): Promise<Draft> {
  const { period, mission, yaml, version, username } = options;
  checkSize(yaml);
  const before = getDraft(db, period, mission);
  if (!before) throw noDraft(period, mission);
  if (before.version !== version) throw savedFirst(before);
  const comparison = await worked(inWorker('compare', before.yaml, yaml, `${period}/${mission}.yaml`));
  const { names } = comparison;
  if ((names.mission !== null && names.mission !== mission) || (names.period !== null && names.period !== period)) {
    throw new StoreError(400, {
      th: `ร่างนี้ต้องเป็นภารกิจ ${mission} ไตรมาส ${period} (ข้อความระบุ ${names.mission ?? mission}, ${names.period ?? period}) จึงยังไม่บันทึก`,
      en: `this draft must stay mission ${mission}, period ${period} (the text names ${names.mission ?? mission}, ${names.period ?? period}); it was not saved`,
    });
  }
  return db.transaction(() => {
    const current = getDraft(db, period, mission);
    if (!current) throw noDraft(period, mission);
    // Another save while the texts were compared: the comparison was of an older text.
    if (current.version !== version) throw savedFirst(current);
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
    return getDraft(db, period, mission)!;
  }).immediate();
}

/**
 * Starts reading the last year's texts (drafts, else latest revisions, and their baselines) in
 * the workers, so that the first visit to the home page finds them read. Never waits, never throws.
 */
export function warmAnalyses(db: Db): void {
  for (const period of storePeriods(db).reverse().slice(0, 4)) {
    for (const mission of storeMissions(db, period)) {
      const yaml = getDraft(db, period, mission)?.yaml ?? latestRevision(db, period, mission)?.yaml;
      if (yaml !== undefined) analyseText(yaml, period, mission).catch(() => undefined);
      baselineGaps(db, period, mission).catch(() => undefined);
    }
  }
}

/**
 * What a mission's text in a period is compared with: its latest published revision in that
 * period, else the latest published revision of the previous period, else none.
 */
export function baselineRevision(db: Db, period: string, mission: string): Revision | undefined {
  return latestRevision(db, period, mission) ?? latestRevision(db, previousPeriod(period), mission);
}

/** The baseline revision and the keys of its errors (the letter's gaps); null when there is none. Read in a worker. */
export async function baselineGaps(db: Db, period: string, mission: string): Promise<{ period: string; revision: number; keys: string[] } | null> {
  const baseline = baselineRevision(db, period, mission);
  if (!baseline) return null;
  const { findings } = await worked(analyseText(baseline.yaml, baseline.period, baseline.mission));
  return { period: baseline.period, revision: baseline.revision, keys: errorKeys(findings) };
}

/** What publishing checks found: new errors stop it, the letter's gaps do not, warnings need an acknowledgement. */
export interface PublishCheck {
  /** Errors the baseline revision did not have (every error when there is no baseline). */
  errors: Finding[];
  /** Errors the baseline revision already had: the letter's own gaps. */
  gaps: Finding[];
  warnings: Finding[];
}

/** A text's findings split by severity and, for errors, by the baseline's error keys. */
export function checkForPublish(findings: Finding[], baseline: readonly string[] | null = null): PublishCheck {
  const { fresh, gaps } = splitErrors(findings, baseline);
  return { errors: fresh, gaps, warnings: findings.filter((f) => f.severity === 'warning') };
}

function listed(findings: Finding[], lang: 'th' | 'en'): string {
  return findings.map((f) => `\n• ${f.kind}${f.criterion ? ` (${f.criterion})` : ''}: ${f.message[lang]}`).join('');
}

/**
 * Publishes a draft as the next immutable revision: refused with an error that its baseline
 * revision (see baselineRevision) did not have, or with warnings not acknowledged, or when the
 * draft changed since the version the publisher saw. Errors the baseline had are the letter's own
 * gaps and do not stop it.
 */
export async function publishDraft(
  db: Db,
  options: { period: string; mission: string; version: number; username: string; acknowledgeWarnings: boolean },
): Promise<Revision> {
  const { period, mission, version, username } = options;
  const changedAfter = (draft: Draft) =>
    new StoreError(
      409,
      { th: `ร่างถูกแก้ไขหลังจากที่คุณเปิด (ฉบับที่ ${draft.version} โดย ${draft.updatedBy})`, en: `the draft changed after you opened it (version ${draft.version} by ${draft.updatedBy})` },
      { theirs: draft },
    );
  const opened = getDraft(db, period, mission);
  if (!opened) throw noDraft(period, mission);
  if (opened.version !== version) throw changedAfter(opened);
  const next = (latestRevision(db, period, mission)?.revision ?? 0) + 1;
  // The text to publish and its analysis, made in a worker; the transaction below checks that
  // neither the draft nor the revision number changed meanwhile.
  const prepared = await worked(inWorker('publish', opened.yaml, period, mission, next));
  if (!prepared) throw new StoreError(400, { th: 'ร่างไม่มี status หรือ revision', en: 'the draft has no status or revision to set' });
  const baseline = await baselineGaps(db, period, mission);
  const check = checkForPublish(prepared.analysis.findings, baseline?.keys ?? null);
  const yaml = prepared.yaml;
  return db.transaction(() => {
    const draft = getDraft(db, period, mission);
    if (!draft) throw noDraft(period, mission);
    if (draft.version !== version) throw changedAfter(draft);
    if ((latestRevision(db, period, mission)?.revision ?? 0) + 1 !== next || baselineRevision(db, period, mission)?.revision !== baseline?.revision) {
      throw new StoreError(409, {
        th: `มีผู้เผยแพร่ ${mission} ไปก่อนแล้วระหว่างที่ตรวจ โปรดโหลดหน้านี้ใหม่`,
        en: `someone published ${mission} while it was being checked; reload the page`,
      });
    }
    if (check.errors.length > 0) {
      const n = check.errors.length;
      throw new StoreError(
        400,
        baseline
          ? {
              th: `เผยแพร่ไม่ได้: มีข้อผิดพลาดใหม่ ${n} รายการ ที่ไม่มีในฉบับที่ ${baseline.revision} (${baseline.period}) ซึ่งเผยแพร่แล้ว${listed(check.errors, 'th')}`,
              en: `cannot publish: ${n} new ${n === 1 ? 'error' : 'errors'} that published revision ${baseline.revision} (${baseline.period}) does not have${listed(check.errors, 'en')}`,
            }
          : {
              th: `เผยแพร่ไม่ได้: มีข้อผิดพลาด ${n} รายการ (ภารกิจนี้ยังไม่มีฉบับที่เผยแพร่ให้เทียบ ทุกรายการจึงนับเป็นข้อผิดพลาดใหม่)${listed(check.errors, 'th')}`,
              en: `cannot publish: ${n} ${n === 1 ? 'error' : 'errors'} (no published revision of this mission to compare with, so every error is new)${listed(check.errors, 'en')}`,
            },
        { errors: check.errors, gaps: check.gaps },
      );
    }
    if (check.warnings.length > 0 && !options.acknowledgeWarnings) {
      throw new StoreError(
        400,
        { th: `ต้องยืนยันว่ารับทราบคำเตือน ${check.warnings.length} รายการก่อนเผยแพร่`, en: `acknowledge the ${check.warnings.length} warnings to publish` },
        { warnings: check.warnings },
      );
    }
    const revision: Revision = { period, mission, revision: next, yaml, digest: digestText(yaml), publishedBy: username, publishedAt: now() };
    db.prepare('INSERT INTO revisions VALUES (?, ?, ?, ?, ?, ?, ?)').run(period, mission, next, yaml, revision.digest, username, revision.publishedAt);
    db.prepare('DELETE FROM drafts WHERE period = ? AND mission = ?').run(period, mission);
    audit(db, {
      username,
      action: 'publish',
      period,
      mission,
      revision: next,
      message: {
        th: `เผยแพร่ฉบับที่ ${next} (${revision.digest.slice(0, 19)}…)${check.warnings.length ? ` รับทราบคำเตือน ${check.warnings.length} รายการ` : ''}${check.gaps.length ? ` คง${gapsLabel(check.gaps.length).th}` : ''}`,
        en: `published revision ${next} (${revision.digest.slice(0, 19)}…)${check.warnings.length ? `, ${check.warnings.length} warnings acknowledged` : ''}${check.gaps.length ? `, keeping ${gapsLabel(check.gaps.length).en}` : ''}`,
      },
    });
    return revision;
  }).immediate();
}

/**
 * Opens a draft from the latest published revision, as the next revision: the way to correct a
 * published rubric without changing it.
 */
export async function openCorrection(db: Db, options: { period: string; mission: string; username: string }): Promise<Draft> {
  const { period, mission, username } = options;
  const existing = getDraft(db, period, mission);
  if (existing) return existing;
  const source = latestRevision(db, period, mission);
  if (!source) throw new StoreError(404, { th: `ไม่มีฉบับที่เผยแพร่ของ ${mission}`, en: `${mission} has no published revision` });
  const yaml =
    (await worked(
      inWorker('scalars', source.yaml, [
        { path: ['status'], value: 'draft', optional: true },
        { path: ['revision'], value: source.revision + 1, optional: true },
      ]),
    )) ?? source.yaml;
  return db.transaction(() => {
    const opened = getDraft(db, period, mission);
    if (opened) return opened;
    const latest = latestRevision(db, period, mission);
    if (latest?.revision !== source.revision) {
      throw new StoreError(409, { th: `มีการเผยแพร่ ${mission} ฉบับใหม่ระหว่างนี้ โปรดโหลดหน้านี้ใหม่`, en: `a new revision of ${mission} was published meanwhile; reload the page` });
    }
    db.prepare('INSERT INTO drafts VALUES (?, ?, ?, 1, ?, ?)').run(period, mission, yaml, username, now());
    audit(db, {
      username,
      action: 'draft',
      period,
      mission,
      message: { th: `เปิดร่างแก้ไขจากฉบับที่ ${source.revision}`, en: `opened a correction of revision ${source.revision}` },
    });
    return getDraft(db, period, mission)!;
  }).immediate();
}

/** Who started a period (the first audit entry of its drafts), if the trail says. */
function startedBy(db: Db, period: string): { username: string; at: string } | undefined {
  return db.prepare("SELECT username, at FROM audit WHERE period = ? AND action = 'draft' ORDER BY id LIMIT 1").get(period) as
    | { username: string; at: string }
    | undefined;
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
  /** Refuses when the next quarter exists or `from` is not the latest period. */
  const check = () => {
    const periods = storePeriods(db);
    const latest = periods.at(-1);
    const [fromLabel, toLabel] = [periodLabel(from), periodLabel(to)];
    if (periods.includes(to)) {
      const by = startedBy(db, to);
      throw new StoreError(
        409,
        {
          th: `${toLabel.th} เริ่มไปแล้ว${by ? ` (โดย ${by.username})` : ''} จึงไม่เริ่มซ้ำ ไม่มีการสร้างร่างเพิ่ม`,
          en: `${toLabel.en} has already been started${by ? ` (by ${by.username})` : ''}, so it was not started again; no draft was added`,
        },
        { from, to, latest },
      );
    }
    if (from !== latest) {
      throw new StoreError(
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
  };
  /** Each mission's latest revision, or its draft where it has none. */
  const sources = () =>
    storeMissions(db, from)
      .map((mission) => ({ mission, yaml: latestRevision(db, from, mission)?.yaml ?? getDraft(db, from, mission)?.yaml }))
      .filter((s): s is { mission: string; yaml: string } => s.yaml !== undefined);
  check();
  const read = sources();
  // The new drafts' texts are made in workers; the transaction then checks again and that no source changed meanwhile.
  const texts = await Promise.all(
    read.map(async ({ yaml }) =>
      (await worked(
        inWorker('scalars', yaml, [
          { path: ['period'], value: to, optional: true },
          { path: ['status'], value: 'draft', optional: true },
          { path: ['revision'], value: 1, optional: true },
        ]),
      )) ?? yaml,
    ),
  );
  return db.transaction(() => {
    check();
    const now_ = sources();
    if (now_.length !== read.length || now_.some((s, i) => s.mission !== read[i]!.mission || s.yaml !== read[i]!.yaml)) {
      throw new StoreError(409, {
        th: `เกณฑ์ของ${periodLabel(from).th}เปลี่ยนระหว่างที่เตรียมร่าง จึงยังไม่เริ่ม${periodLabel(to).th} โปรดลองอีกครั้ง`,
        en: `the rubrics of ${from} changed while the drafts were being prepared, so ${to} was not started; try again`,
      });
    }
    const created: string[] = [];
    read.forEach(({ mission }, i) => {
      db.prepare('INSERT INTO drafts VALUES (?, ?, ?, 1, ?, ?)').run(to, mission, texts[i]!, username, now());
      audit(db, {
        username,
        action: 'draft',
        period: to,
        mission,
        message: { th: `เริ่มร่าง ${to} จาก ${from}`, en: `started the ${to} draft from ${from}` },
      });
      created.push(mission);
    });
    return { period: to, created };
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
