// The store's records read back: published revisions, open drafts, which periods and missions
// exist, and the revision a text is compared with.
import { previousPeriod } from '../period.js';
import type { Db } from './db.js';

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

/** Every published revision of a mission in every period, newest first, without their texts: what a draft can be compared with. */
export function missionRevisions(db: Db, mission: string): Omit<Revision, 'yaml'>[] {
  const rows = db
    .prepare('SELECT period, mission, revision, digest, published_by, published_at FROM revisions WHERE mission = ? ORDER BY period DESC, revision DESC')
    .all(mission) as Record<string, unknown>[];
  return rows.map((r) => {
    const { yaml: _yaml, ...meta } = toRevision({ ...r, yaml: '' })!;
    return meta;
  });
}

/** The draft of a mission in a period, if one is open. */
export function getDraft(db: Db, period: string, mission: string): Draft | undefined {
  return toDraft(db.prepare('SELECT * FROM drafts WHERE period = ? AND mission = ?').get(period, mission) as Record<string, unknown> | undefined);
}

/**
 * What a mission's text in a period is compared with: its latest published revision in that
 * period, else the latest published revision of the previous period, else none.
 */
export function baselineRevision(db: Db, period: string, mission: string): Revision | undefined {
  return latestRevision(db, period, mission) ?? latestRevision(db, previousPeriod(period), mission);
}
