// `rubric user`: the editor's accounts (add, passwd, role, remove, sessions, list) in its database.
import { pathFrom, readAll, type CliContext, type CliOptions, type Command } from '../options.js';
import { UsageError } from '../usage.js';
import type { AccountRefused } from '../../store/account-rules.js';

/** The `user` actions, each with the options it takes. */
const USER_ACTIONS: Record<string, readonly string[]> = {
  add: ['role', 'name', 'password-stdin', 'db'],
  list: ['db'],
  passwd: ['password-stdin', 'db'],
  role: ['role', 'db'],
  remove: ['db'],
  sessions: ['revoke', 'db'],
};
const USER_OPTIONS = ['role', 'name', 'password-stdin', 'revoke'];

/** Checks the action, its username and the options it takes; every mistake is a usage error. */
function checkUserArgs(args: string[], options: CliOptions): { action: string; username: string } {
  const [action, username, ...extra] = args;
  const allowed = action && Object.hasOwn(USER_ACTIONS, action) ? USER_ACTIONS[action] : undefined;
  if (!action || !allowed) throw new UsageError('user needs add, passwd, role, remove, sessions or list');
  if (extra.length > 0) throw new UsageError(`unexpected arguments: ${extra.join(' ')}`);
  if (action === 'list' ? username !== undefined : !username) throw new UsageError(action === 'list' ? 'user list takes no username' : `user ${action} needs a username`);
  const misplaced = USER_OPTIONS.filter((o) => options[o as keyof CliOptions] !== undefined && !allowed.includes(o));
  if (misplaced.length > 0) throw new UsageError(`user ${action} does not take ${misplaced.map((o) => `--${o}`).join(', ')}`);
  if ((action === 'add' || action === 'role') && !options.role) throw new UsageError(`user ${action} needs --role viewer, editor or publisher`);
  return { action, username: username ?? '' };
}

/** Runs one checked action against the accounts database. */
async function runUserAction(action: string, username: string, options: CliOptions, cli: CliContext): Promise<number> {
  // The accounts database is the editor's; it is loaded only for this command.
  const { openDb, defaultDbPath } = await import('../../store/db.js');
  const accounts = await import('../../store/accounts.js');
  const db = openDb(options.db ? pathFrom(cli, options.db) : defaultDbPath());
  const { printable } = accounts;
  const { out } = cli;
  /** The new password: from standard input, or made up and printed once. */
  const newPassword = async (name: string): Promise<{ password: string; generated: boolean }> =>
    options['password-stdin'] ? { password: (await readAll(cli.stdin)).replace(/\r?\n$/, ''), generated: false } : { password: accounts.randomPassword(name), generated: true };
  switch (action) {
    case 'list':
      // Names are checked when made, but a database written by other means is printed safely too.
      for (const u of accounts.listUsers(db)) out.write(`${printable(u.username)}\t${printable(u.role)}\t${printable(u.name)}\n`);
      return 0;
    case 'add': {
      const { password, generated } = await newPassword(username);
      const added = await accounts.addUser(db, { username, role: options.role as 'viewer', password, ...(options.name !== undefined ? { name: options.name } : {}) });
      if (!added.ok) return said(added, cli);
      const created = added.value;
      out.write(`สร้างผู้ใช้ / created user ${created.username} (${created.role})\n`);
      if (generated) out.write(`รหัสผ่าน (แสดงครั้งเดียว) / password (shown once): ${password}\n`);
      return 0;
    }
    case 'passwd': {
      const { password, generated } = await newPassword(username);
      const set = await accounts.setPassword(db, username, password);
      if (!set.ok) return said(set, cli);
      const ended = set.value;
      out.write(`เปลี่ยนรหัสผ่านของ ${username} แล้ว และออกจากระบบทุกเซสชัน (${ended}) / changed the password of ${username}; ended ${ended} session${ended === 1 ? '' : 's'}\n`);
      if (generated) out.write(`รหัสผ่าน (แสดงครั้งเดียว) / password (shown once): ${password}\n`);
      return 0;
    }
    case 'role': {
      const set = accounts.setRole(db, username, options.role as 'viewer');
      if (!set.ok) return said(set, cli);
      const changed = set.value;
      out.write(`บทบาทของ ${changed.username} เป็น ${changed.role} แล้ว / ${changed.username} is now ${changed.role}\n`);
      return 0;
    }
    case 'remove': {
      const removed = accounts.removeUser(db, username);
      if (!removed.ok) return said(removed, cli);
      out.write(`ลบผู้ใช้ ${username} แล้ว (สิ่งที่บันทึกไว้ยังอยู่ในชื่อเดิม) / removed user ${username} (what it wrote stays under its name)\n`);
      return 0;
    }
    case 'sessions':
      return sessions(accounts, db, username, options, cli);
  }
  throw new UsageError(`unknown user action "${action}"`);
}

/** `user sessions`: lists a user's active sessions, or ends them all with --revoke. */
function sessions(accounts: typeof import('../../store/accounts.js'), db: import('../../store/db.js').Db, username: string, options: CliOptions, cli: CliContext): number {
  const { out } = cli;
  if (options.revoke) {
    const revoked = accounts.revokeSessions(db, username);
    if (!revoked.ok) return said(revoked, cli);
    const ended = revoked.value;
    out.write(`ออกจากระบบ ${ended} เซสชันของ ${username} แล้ว / ended ${ended} session${ended === 1 ? '' : 's'} of ${username}\n`);
    return 0;
  }
  const listed = accounts.userSessions(db, username);
  if (!listed.ok) return said(listed, cli);
  const active = listed.value;
  out.write(`${username}: ${active.length} เซสชันที่ยังใช้ได้ / ${active.length} active session${active.length === 1 ? '' : 's'}\n`);
  for (const s of active) out.write(`  เริ่ม / started ${s.started}  ใช้ล่าสุด / last used ${s.lastSeen}  หมดอายุ / ends ${s.ends}\n`);
  return 0;
}

/** Says a refused account change on stderr, Thai then English; its exit code, 1. */
function said(refused: AccountRefused, cli: CliContext): number {
  cli.err.write(`rubric: ${refused.problem.message.th} / ${refused.problem.message.en}\n`);
  return 1;
}

/** Runs the action; an account change the store refuses is said on stderr with exit 1. */
export const user: Command = async (args, options, cli) => {
  const { action, username } = checkUserArgs(args, options);
  return runUserAction(action, username, options, cli);
};
