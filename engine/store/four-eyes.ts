// The optional four-eyes rule: when RUBRIC_FOUR_EYES is on, a draft is published by a publisher
// who did not change it, so every change is seen by a second person before provinces are graded
// by it (README, "Publishing"). Who changed a draft is read from the audit trail.
import type { Db } from './db.js';
import type { Draft } from './records.js';
import { refusal, type Refused } from './refusal.js';

/** Whether the four-eyes rule is on: RUBRIC_FOUR_EYES set to 1, true, yes or on (any case); off when unset or empty. */
export function fourEyesRule(env: NodeJS.ProcessEnv = process.env): boolean {
  return /^(1|true|yes|on)$/i.test(env.RUBRIC_FOUR_EYES?.trim() ?? '');
}

/**
 * Everyone who changed the current draft of a mission: the authors of its changes in the audit
 * trail since it was opened (or since the last publish or discard), and whoever saved its latest
 * version when it has been saved at all (a save that changes only comments leaves no change entry).
 */
export function draftAuthors(db: Db, draft: Draft): string[] {
  const { period, mission } = draft;
  const rows = db
    .prepare(
      `SELECT DISTINCT username FROM audit WHERE period = ? AND mission = ? AND action = 'change' AND id > COALESCE(
         (SELECT MAX(id) FROM audit WHERE period = ? AND mission = ? AND action IN ('draft', 'publish', 'discard')), 0) ORDER BY username`,
    )
    .all(period, mission, period, mission) as { username: string }[];
  const authors = new Set(rows.map((r) => r.username));
  if (draft.version > 1) authors.add(draft.updatedBy);
  return [...authors].sort();
}

/** The refusal of a publisher who changed the draft, when the rule is on; undefined when they may publish it. */
export function fourEyesRefusal(db: Db, draft: Draft, username: string): Refused<'SAME_PUBLISHER'> | undefined {
  const authors = draftAuthors(db, draft);
  return authors.includes(username) ? refusal(403, 'SAME_PUBLISHER', { username, authors }, { authors }) : undefined;
}
