// Publishing a draft as the next immutable revision, after checking it against its baseline (the
// letter's gaps do not stop it; new errors and unacknowledged warnings do).
import { digestWords, revisionWords } from '../words.js';
import { kindOf, type Finding } from '../analyze.js';
import { errorKeys, gapsLabel, splitErrors } from '../letter-gaps.js';
import { analyseText, inWorker } from '../node/analysis-pool.js';
import { sha256 } from '../node/digest.js';
import type { FailingExample } from '../publish-readiness.js';
import { audit } from './audit.js';
import { now, type Db } from './db.js';
import { draftAuthors, fourEyesRefusal, fourEyesRule } from './four-eyes.js';
import { baselineRevision, getDraft, latestRevision, type Draft, type Revision } from './records.js';
import { done, noDraft, refusal, settle, type Refused, type Settled } from './refusal.js';

/** sha256 of the UTF-8 bytes of a text, as `sha256:<hex>` (the same digest the CLI gives a file). */
export function digestText(text: string): string {
  return sha256(text);
}

/**
 * The baseline revision and the keys of its errors (the letter's gaps); null when there is none.
 * Read in a worker: AnalysisUnavailable when it cannot finish in time (a time limit, not a mistake).
 */
export async function baselineGaps(db: Db, period: string, mission: string): Promise<{ period: string; revision: number; keys: string[] } | null> {
  const baseline = baselineRevision(db, period, mission);
  if (!baseline) return null;
  const { findings } = await analyseText(baseline.yaml, baseline.period, baseline.mission);
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
  return findings.map((f) => `\n• ${kindOf(f.code)}${f.about.criterion ? ` (${f.about.criterion})` : ''}: ${f.message[lang]}`).join('');
}

/** The refusal of a draft that changed after the publisher opened it. */
function changedAfter(draft: Draft): Refused {
  return refusal(409, 'CHANGED_AFTER_OPENED', { version: draft.version, by: draft.updatedBy }, { theirs: draft });
}

type Baseline = Awaited<ReturnType<typeof baselineGaps>>;

/** Why a checked text may not be published: new errors, examples that fail, or warnings not acknowledged; undefined when it may. */
function publishRefusal(check: PublishCheck, baseline: Baseline, acknowledgeWarnings: boolean, failing: FailingExample[]): Refused | undefined {
  if (check.errors.length > 0) {
    const n = check.errors.length;
    const list = { th: listed(check.errors, 'th'), en: listed(check.errors, 'en') };
    const compared = baseline && { revision: baseline.revision, period: baseline.period };
    return refusal(400, 'NEW_ERRORS', { count: n, baseline: compared, list }, { errors: check.errors, gaps: check.gaps });
  }
  // An example is the letter's own case: a rubric that grades it otherwise would grade provinces wrongly.
  if (failing.length > 0) return refusal(400, 'EXAMPLES_FAIL', { failing }, { failing });
  if (check.warnings.length > 0 && !acknowledgeWarnings) {
    return refusal(400, 'WARNINGS_NOT_ACKNOWLEDGED', { count: check.warnings.length }, { warnings: check.warnings });
  }
  return undefined;
}

/** Writes the revision, closes the draft and says so in the audit trail (inside the publishing transaction); `authors` are named under the four-eyes rule. */
function writeRevision(db: Db, revision: Revision, check: PublishCheck, authors: string[] | null): void {
  const { period, mission, revision: next, publishedBy: username } = revision;
  const by = authors?.length ? { th: ` แก้ไขโดย ${authors.join(', ')} ตรวจและเผยแพร่โดย ${username}`, en: `, changed by ${authors.join(', ')}, checked and published by ${username}` } : { th: '', en: '' };
  db.prepare('INSERT INTO revisions VALUES (?, ?, ?, ?, ?, ?, ?)').run(period, mission, next, revision.yaml, revision.digest, username, revision.publishedAt);
  db.prepare('DELETE FROM drafts WHERE period = ? AND mission = ?').run(period, mission);
  audit(db, {
    username,
    action: 'publish',
    period,
    mission,
    revision: next,
    ...(authors ? { before: { authors } } : {}),
    message: {
      th: `เผยแพร่${revisionWords(next).th} (${digestWords(revision.digest).th})${check.warnings.length ? ` รับทราบคำเตือน ${check.warnings.length} รายการ` : ''}${check.gaps.length ? ` คง${gapsLabel(check.gaps.length).th}` : ''}${by.th}`,
      en: `published revision ${next} (${digestWords(revision.digest).en})${check.warnings.length ? `, ${check.warnings.length} warnings acknowledged` : ''}${check.gaps.length ? `, keeping ${gapsLabel(check.gaps.length).en}` : ''}${by.en}`,
    },
  });
}

/**
 * Publishes a draft as the next immutable revision: refused with an error that its baseline
 * revision (see baselineRevision) did not have, with an example that does not give what it
 * expects, with warnings not acknowledged, when the draft changed since the version the publisher
 * saw, or, under the four-eyes rule (four-eyes.ts), by a publisher who changed the draft. Errors
 * the baseline had are the letter's own gaps and do not stop it.
 */
export function publishDraft(db: Db, options: PublishOptions): Promise<Settled<Revision>> {
  return settle(() => publishChecked(db, options));
}

/** What publishing names: where, the draft version the publisher saw, who, and whether the warnings are acknowledged. */
interface PublishOptions {
  period: string;
  mission: string;
  version: number;
  username: string;
  acknowledgeWarnings: boolean;
  /** Whether the four-eyes rule holds; RUBRIC_FOUR_EYES (fourEyesRule) when not said. */
  fourEyes?: boolean;
}

/** publishDraft, its worker's failure left to settle. */
async function publishChecked(db: Db, options: PublishOptions): Promise<Settled<Revision>> {
  const { period, mission, version, username } = options;
  const opened = getDraft(db, period, mission);
  if (!opened) return noDraft(period, mission);
  if (opened.version !== version) return changedAfter(opened);
  const fourEyes = options.fourEyes ?? fourEyesRule();
  const sameHands = fourEyes ? fourEyesRefusal(db, opened, username) : undefined;
  if (sameHands) return sameHands;
  const next = (latestRevision(db, period, mission)?.revision ?? 0) + 1;
  // The text to publish and its analysis, made in a worker; the transaction below checks that
  // neither the draft nor the revision number changed meanwhile.
  const prepared = await inWorker('publish', opened.yaml, period, mission, next);
  if (!prepared) return refusal(400, 'NO_STATUS_OR_REVISION', {});
  const baseline = await baselineGaps(db, period, mission);
  const check = checkForPublish(prepared.analysis.findings, baseline?.keys ?? null);
  const yaml = prepared.yaml;
  return db.transaction((): Settled<Revision> => {
    const draft = getDraft(db, period, mission);
    if (!draft) return noDraft(period, mission);
    if (draft.version !== version) return changedAfter(draft);
    if ((latestRevision(db, period, mission)?.revision ?? 0) + 1 !== next || baselineRevision(db, period, mission)?.revision !== baseline?.revision) {
      return refusal(409, 'PUBLISHED_MEANWHILE', { mission });
    }
    const refused = publishRefusal(check, baseline, options.acknowledgeWarnings, prepared.failing);
    if (refused) return refused;
    const revision: Revision = { period, mission, revision: next, yaml, digest: digestText(yaml), publishedBy: username, publishedAt: now() };
    writeRevision(db, revision, check, fourEyes ? draftAuthors(db, draft) : null);
    return done(revision);
  }).immediate();
}
