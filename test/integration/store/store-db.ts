// The store tests' common start: a seeded database in a temporary folder (removed after the file's
// tests by test/temp-cleanup.ts), and a refused write read as the tests compare it.
import { join } from 'node:path';
import { openDb, type Db } from '../../../engine/store/db.js';
import { seedStore, type Settled } from '../../../engine/store/rubric-store.js';
import { tempDir } from '../../temp.js';

/** A new database seeded with the shipped rubrics. */
export function seededDb(prefix: string): Db {
  const db = openDb(join(tempDir(prefix), 'editor.db'));
  seedStore(db);
  return db;
}

/** A refused write: its status, code, problem, words and the details for the page; throws if the write was done. */
export function refusalOf(settled: Settled<unknown>) {
  if (settled.ok) throw new Error('expected a refusal');
  return { status: settled.status, code: settled.problem.code, problem: settled.problem, text: settled.problem.message, detail: settled.detail };
}
