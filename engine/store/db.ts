// The editor's embedded database (SQLite through better-sqlite3): accounts, sessions, drafts,
// published revisions and the audit trail. Only server modules import this file.
import Database from 'better-sqlite3';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** An open database handle. */
export type Db = Database.Database;

const SCHEMA = `
PRAGMA journal_mode = WAL;
PRAGMA foreign_keys = ON;
CREATE TABLE IF NOT EXISTS users (
  id INTEGER PRIMARY KEY,
  username TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL DEFAULT '',
  role TEXT NOT NULL CHECK (role IN ('viewer', 'editor', 'publisher')),
  password_hash TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS sessions (
  token_hash TEXT PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  expires_at INTEGER NOT NULL,
  created_at INTEGER NOT NULL DEFAULT 0,
  last_seen_at INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS revisions (
  period TEXT NOT NULL,
  mission TEXT NOT NULL,
  revision INTEGER NOT NULL,
  yaml TEXT NOT NULL,
  digest TEXT NOT NULL,
  published_by TEXT NOT NULL,
  published_at TEXT NOT NULL,
  PRIMARY KEY (period, mission, revision)
);
-- Published means immutable: the database itself refuses to change or remove a revision.
CREATE TRIGGER IF NOT EXISTS revisions_never_change BEFORE UPDATE ON revisions
BEGIN SELECT RAISE(ABORT, 'a published revision is immutable'); END;
CREATE TRIGGER IF NOT EXISTS revisions_never_go BEFORE DELETE ON revisions
BEGIN SELECT RAISE(ABORT, 'a published revision is immutable'); END;
CREATE TABLE IF NOT EXISTS drafts (
  period TEXT NOT NULL,
  mission TEXT NOT NULL,
  yaml TEXT NOT NULL,
  version INTEGER NOT NULL,
  updated_by TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (period, mission)
);
CREATE TABLE IF NOT EXISTS audit (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  username TEXT NOT NULL,
  action TEXT NOT NULL,
  period TEXT,
  mission TEXT,
  path TEXT,
  before TEXT,
  after TEXT,
  message_th TEXT NOT NULL,
  message_en TEXT NOT NULL,
  revision INTEGER
);
CREATE INDEX IF NOT EXISTS audit_by_mission ON audit (period, mission, id);
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS province_tokens (
  token_hash TEXT PRIMARY KEY,
  province TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS pulls (
  id INTEGER PRIMARY KEY,
  province TEXT NOT NULL,
  period TEXT NOT NULL,
  sequence INTEGER NOT NULL,
  at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS pulls_by_period ON pulls (period, province, sequence);
`;

/** The database file: RUBRIC_DB when set, else data/editor.db in the repository. */
export function defaultDbPath(): string {
  if (process.env.RUBRIC_DB) return process.env.RUBRIC_DB;
  return join(repositoryRoot(), 'data', 'editor.db');
}

/**
 * The repository (the folder with package.json and rubrics/), found from this module whether it
 * runs from source, from the built CLI (dist/) or bundled into the server (build/); else the
 * working directory.
 */
export function repositoryRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 8; i++) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'rubrics'))) return dir;
    dir = dirname(dir);
  }
  return process.cwd();
}

const open = new Map<string, Db>();

/** Opens (once per path) and migrates the database. */
export function openDb(path: string = defaultDbPath()): Db {
  const cached = open.get(path);
  if (cached) return cached;
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  // Wait for another process's write rather than fail at once, even while migrating.
  db.pragma('busy_timeout = 10000');
  db.exec(SCHEMA);
  migrate(db);
  open.set(path, db);
  return db;
}

/**
 * Brings a database made by an earlier version up to this schema: sessions gained the time they
 * started and were last used (for the idle timeout); a session open at the upgrade counts as used now.
 */
function migrate(db: Db): void {
  const columns = () => new Set((db.prepare('PRAGMA table_info(sessions)').all() as { name: string }[]).map((c) => c.name));
  if (columns().has('last_seen_at')) return;
  // Looked at again under the write lock: another process may have migrated meanwhile.
  db.transaction(() => {
    const has = columns();
    if (has.has('last_seen_at')) return;
    if (!has.has('created_at')) db.exec('ALTER TABLE sessions ADD COLUMN created_at INTEGER NOT NULL DEFAULT 0');
    db.exec('ALTER TABLE sessions ADD COLUMN last_seen_at INTEGER NOT NULL DEFAULT 0');
    db.prepare('UPDATE sessions SET created_at = ?, last_seen_at = ?').run(Date.now(), Date.now());
  }).immediate();
}

/** The current time as an ISO string (UTC). */
export function now(): string {
  return new Date().toISOString();
}
