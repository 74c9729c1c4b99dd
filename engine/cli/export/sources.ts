// What an export reads, checked before anything is written: the department's database and signing
// key must already exist (an export never makes either: a mistyped --db would otherwise give a
// complete-looking site of the shipped criteria under a new key), the built site and rubric.mjs
// must be there; and the database is copied once (SQLite's online backup), so that a revision
// published during the export cannot make its pages and signed files disagree.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** The export's inputs, found. */
export interface Sources {
  db: string;
  key: string;
  handler: string;
  cliFile: string;
}

/** The inputs, or the first one missing, in Thai and English. */
export function findSources(repo: string, given: { db: string | undefined; key: string | undefined; env: NodeJS.ProcessEnv }): Sources | { missing: string } {
  const db = given.db ?? given.env.RUBRIC_DB ?? join(repo, 'data', 'editor.db');
  if (!existsSync(db)) return { missing: `ไม่พบฐานข้อมูล / no database at ${db} (--db or RUBRIC_DB)` };
  const key = given.key ?? given.env.RUBRIC_SIGNING_KEY ?? join(dirname(db), 'signing', 'department.key');
  if (!existsSync(key)) return { missing: `ไม่พบกุญแจลงนาม / no signing key at ${key} (--signing-key or RUBRIC_SIGNING_KEY)` };
  const handler = join(repo, 'build', 'handler.js');
  if (!existsSync(handler)) return { missing: 'ยังไม่ได้สร้างหน้าเว็บ สั่ง npm run build ก่อน / the site has not been built: run npm run build first' };
  const cliFile = given.env.RUBRIC_CLI_FILE || join(repo, 'dist', 'rubric.mjs');
  if (!existsSync(cliFile)) return { missing: `ไม่พบ rubric.mjs / no ${cliFile}: run npm run build:engine first` };
  return { db, key, handler, cliFile };
}

/** A consistent copy of the database in a temporary folder, and how to remove it. */
export async function snapshot(db: string): Promise<{ path: string; remove(): void }> {
  const { default: Database } = await import('better-sqlite3');
  const dir = mkdtempSync(join(tmpdir(), 'rubric-export-db-'));
  const path = join(dir, 'editor.db');
  try {
    // Read-only: the export changes nothing in the department's database.
    const source = new Database(db, { readonly: true, fileMustExist: true });
    try {
      await source.backup(path);
    } finally {
      source.close();
    }
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  return { path, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
