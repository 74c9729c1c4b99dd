// The audit trail: every change of a value, every publish, correction, start and deletion, with who and when.
import type { Text } from '../types.js';
import { now, type Db } from './db.js';

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
