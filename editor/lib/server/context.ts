// The server's one database, opened and seeded on first use, and its first account.
import { defaultRubricsDir } from '$engine/node/rubric-files.js';
import { addUser, listUsers, randomPassword } from '$engine/store/accounts.js';
import { defaultDbPath, openDb, type Db } from '$engine/store/db.js';
import { seedStore } from '$engine/store/rubric-store.js';

let db: Db | undefined;

/**
 * Whether this server runs only to write the static copy of the public site (`rubric export`
 * starts it in a child process with RUBRIC_STATIC_EXPORT=1): its pages then link to files a plain
 * web server can serve, and it makes no account.
 */
export function staticExport(): boolean {
  return process.env.RUBRIC_STATIC_EXPORT === '1';
}

/** The editor's database: RUBRIC_DB or data/editor.db, seeded from RUBRICS_DIR or rubrics/ (not for the static export). */
export function storeDb(): Db {
  if (!db) {
    db = openDb(defaultDbPath());
    // The static export renders exactly the database it copied: nothing is added from rubrics/.
    if (!staticExport()) seedStore(db, process.env.RUBRICS_DIR || defaultRubricsDir());
  }
  return db;
}

/**
 * On a fresh machine there is no account to sign in with: create a publisher "admin" with a
 * random password and print it once, so that the README's one command leads to a usable editor.
 */
export async function ensureFirstAccount(): Promise<void> {
  const database = storeDb();
  if (staticExport() || listUsers(database).length > 0) return;
  const password = randomPassword('admin');
  const added = await addUser(database, { username: 'admin', role: 'publisher', password, name: 'ผู้ดูแลระบบ' });
  // Its name, role and password follow the rules: a refusal here is a programmer's error.
  if (!added.ok) throw new Error(`the first account was refused: ${added.problem.message.en}`);
  console.log(`ผู้ใช้แรก / first account: admin  รหัสผ่าน / password: ${password}  (แสดงครั้งเดียว / shown once; add more with: npx rubric user add)`);
}
