// A department's store as `rubric export` expects to find it: a database seeded with the shipped
// rubrics and a signing key beside it (an export makes neither).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateKeys } from '../engine/node/bundle.js';
import { openDb, type Db } from '../engine/store/db.js';
import { seedStore } from '../engine/store/rubric-store.js';

/** Seeds `<dir>/editor.db` and writes `<dir>/signing/department.key` and `.pub`; returns the open database and the paths. */
export function departmentStore(dir: string): { db: Db; path: string; key: string; pub: string } {
  mkdirSync(join(dir, 'signing'), { recursive: true });
  const { privateKey, publicKey } = generateKeys();
  const key = join(dir, 'signing', 'department.key');
  const pub = join(dir, 'signing', 'department.pub');
  writeFileSync(key, privateKey, { mode: 0o600 });
  writeFileSync(pub, publicKey);
  const path = join(dir, 'editor.db');
  const db = openDb(path);
  seedStore(db);
  return { db, path, key, pub };
}
