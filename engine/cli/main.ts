import { once } from 'node:events';
import { createWriteStream, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { formatDiagnostic, hasErrors } from '../diagnostics.js';
import { gradeRows, gradeRowsReference, type GradeResult } from '../evaluate.js';
import { runExamples } from '../examples.js';
import { createReferenceRubric } from '../reference.js';
import { defaultRubricsDir, listAllRubricFiles, listPeriods, listRubricFiles, readRubricFile, refOf, type StoredRubric } from '../node/rubric-files.js';
import { formatTable } from './table.js';
import { BundleError, generateKeys } from '../node/bundle.js';
import { bundleRubricPath } from '../node/pull.js';
import { readGrids, readMission, type ImportReport } from '../import/read-file.js';
import { describeImport } from '../import/report.js';
import { messageText } from '../problems/format.js';
import type { ResultSection } from '../workbook.js';
import { readDataBytes, writeResultsCsvFile, writeResultsJson, writeResultsWorkbookFile, writeWhole } from './data-file.js';
import { formatFinding, lintRubric } from '../lint.js';
import { boundaryCases, casesToCsv } from '../cases.js';
import { diffRubrics } from '../diff.js';
import { formatImpact, impactOf } from '../impact.js';
import { buildTemplate } from '../template.js';

const USAGE = `rubric — เกณฑ์การจัดระดับภารกิจ กรมการพัฒนาชุมชน / CDD mission rubrics

Usage:
  rubric list [--period <period>]
  rubric validate [files…]
  rubric grade <mission> --period <period> --data <file.csv|.xlsx|.xls|.json> [--sheet <name>] [--id-column <header|letter>] [--format json|table] [--engine compiled|reference] [--out results.xlsx|.csv|.json]
  rubric grade --all --period <period> --data <workbook.xlsx> [--out results.xlsx]
  rubric test [files…]
  rubric lint <mission|file.yaml> --period <period> [--format text|json]
  rubric lint --all --period <period> [--format text|json]
  rubric user add <username> --role viewer|editor|publisher [--name <name>] [--password-stdin] [--db <file>]
  rubric user passwd <username> [--password-stdin] [--db <file>]    (ends the user's sessions)
  rubric user role <username> --role viewer|editor|publisher [--db <file>]
  rubric user remove <username> [--db <file>]
  rubric user sessions <username> [--revoke] [--db <file>]
  rubric user list [--db <file>]
  rubric keys generate --out <dir>
  rubric token issue <province> [--db <file>]
  rubric export --out <dir> [--db <file>] [--signing-key <file>]
  rubric pull --server <https://…> --period <period> --out <dir> --public-key <file> [--token <token>] [--allow-http]
  rubric grade <mission> --period <period> --bundle <dir> --data <file>
  rubric cases <mission> --period <period> [--format csv|json]
  rubric diff <mission> --from <period|file.yaml> --to <period|file.yaml> [--format text|json]
  rubric impact <mission> --from <period|file.yaml> --to <period|file.yaml> --data <file> [--format text|json]
  rubric template <mission> --period <period> --out <file.xlsx>
  rubric template --all --period <period> --out <file.xlsx>

Options:
  --rubrics <dir>   the rubric store (default: the repository's rubrics/)
  -h, --help        this help

Exit codes: 0 ran; 1 a rubric or data file cannot be used, or a check failed; 2 usage error.`;

/** A usage error: the command line itself is wrong. */
class UsageError extends Error {}

/** Runs the CLI with the given arguments and returns the exit code. */
export async function main(argv: string[], out = process.stdout, err = process.stderr): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        period: { type: 'string' },
        data: { type: 'string' },
        format: { type: 'string' },
        engine: { type: 'string' },
        rubrics: { type: 'string' },
        all: { type: 'boolean' },
        out: { type: 'string' },
        from: { type: 'string' },
        role: { type: 'string' },
        server: { type: 'string' },
        'public-key': { type: 'string' },
        'allow-http': { type: 'boolean' },
        'signing-key': { type: 'string' },
        token: { type: 'string' },
        bundle: { type: 'string' },
        name: { type: 'string' },
        db: { type: 'string' },
        'password-stdin': { type: 'boolean' },
        revoke: { type: 'boolean' },
        to: { type: 'string' },
        sheet: { type: 'string' },
        'id-column': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    err.write(`rubric: ${(error as Error).message}\n\n${USAGE}\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  const [command, ...rest] = positionals;
  if (values.help || !command) {
    (values.help ? out : err).write(USAGE + '\n');
    return values.help ? 0 : 2;
  }
  const root = values.rubrics ? resolve(values.rubrics) : defaultRubricsDir();
  try {
    switch (command) {
      case 'list':
        return list(root, values.period, out);
      case 'validate':
        return validate(root, rest, out);
      case 'grade':
        return await grade(root, rest, values, out, err);
      case 'test':
        return test(root, rest, out);
      case 'lint':
        return lint(root, rest, values, out, err);
      case 'cases':
        return cases(root, rest, values, out, err);
      case 'user':
        return await user(rest, values, out, err);
      case 'keys':
        return keys(rest, values, out);
      case 'token':
        return await token(rest, values, out, err);
      case 'export':
        return await exportStore(rest, values, out);
      case 'pull':
        return await pull(rest, values, out, err);
      case 'diff':
        return diff(root, rest, values, out, err);
      case 'impact':
        return await impact(root, rest, values, out, err);
      case 'template':
        return await template(root, rest, values, out, err);
      default:
        throw new UsageError(`unknown command "${command}"`);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      err.write(`rubric: ${error.message}\n\n${USAGE}\n`);
      return 2;
    }
    if (error instanceof BundleError) {
      err.write(`rubric: ${error.th} / ${error.message}\n`);
      return 1;
    }
    throw error;
  }
}

function list(root: string, period: string | undefined, out: NodeJS.WritableStream): number {
  for (const p of period ? [period] : listPeriods(root)) {
    out.write(`${p}\n`);
    for (const [mission, file] of listRubricFiles(p, root)) {
      const stored = readRubricFile(file);
      const r = stored.rubric;
      const state = r ? `${r.status} r${r.revision}${r.grade ? '' : ' (no criteria)'}` : 'INVALID';
      out.write(`  ${mission.padEnd(20)} ${state.padEnd(24)} ${r?.name.th ?? ''}\n`);
    }
  }
  return 0;
}

function validate(root: string, files: string[], out: NodeJS.WritableStream): number {
  const paths = files.length > 0 ? files.map((f) => resolve(f)) : listAllRubricFiles(root);
  let errors = 0;
  let warnings = 0;
  for (const path of paths) {
    if (!existsSync(path)) {
      out.write(`${path}:1:1 error FILE_NOT_FOUND no such file\n`);
      errors++;
      continue;
    }
    const stored = readRubricFile(path);
    for (const d of stored.diagnostics) {
      out.write(formatDiagnostic(d) + '\n');
      if (d.severity === 'error') errors++;
      else warnings++;
    }
  }
  out.write(`${paths.length} files checked: ${errors} errors, ${warnings} warnings\n`);
  return errors > 0 ? 1 : 0;
}

async function grade(
  root: string,
  args: string[],
  options: {
    period?: string | undefined;
    data?: string | undefined;
    format?: string | undefined;
    engine?: string | undefined;
    all?: boolean | undefined;
    out?: string | undefined;
    bundle?: string | undefined;
    sheet?: string | undefined;
    'id-column'?: string | undefined;
  },
  out: NodeJS.WritableStream,
  err: NodeJS.WritableStream,
): Promise<number> {
  const [mission, ...extra] = args;
  if (!mission && !options.all) throw new UsageError('grade needs a mission (or --all), e.g. rubric grade otop --period 2567-Q3 --data rows.csv');
  if (mission && options.all) throw new UsageError('grade takes a mission or --all, not both');
  if (extra.length > 0) throw new UsageError(`unexpected arguments: ${extra.join(' ')}`);
  if (!options.period) throw new UsageError('grade needs --period, e.g. --period 2567-Q3');
  if (!options.data) throw new UsageError('grade needs --data <file.csv|file.xlsx|file.json>');
  const format = options.format ?? 'table';
  if (format !== 'json' && format !== 'table') throw new UsageError(`--format must be json or table, not "${format}"`);
  const engine = options.engine ?? 'compiled';
  if (engine !== 'compiled' && engine !== 'reference') throw new UsageError(`--engine must be compiled or reference, not "${engine}"`);
  if (options.out && !/\.(xlsx|csv|json)$/i.test(options.out)) throw new UsageError('--out must name a .xlsx, .csv or .json file');
  const files = options.bundle ? bundleFiles(resolve(options.bundle), options.period) : listRubricFiles(options.period, root);
  const missions = options.all ? [...files.keys()] : [mission!];
  const rubrics = rubricsToGrade(root, files, missions, options, err);
  if (!rubrics) return 1;

  // One reader for every kind of file: the bytes, then each mission's sheet or table.
  const file = readDataBytes(resolve(options.data));
  if ('problem' in file) {
    err.write(`rubric: ${options.data}: ${file.problem.th} / ${file.problem.en}\n`);
    return 1;
  }
  const grids = await readGrids(file.bytes, options.data);
  if ('problem' in grids) {
    err.write(`rubric: ${options.data}: ${grids.problem.message.th} / ${grids.problem.message.en}\n`);
    return 1;
  }
  if (options.all && grids.kind !== 'xlsx') throw new UsageError('grade --all needs a workbook (.xlsx) with a sheet per mission');
  const sections: (ResultSection & { import: ImportReport })[] = [];
  for (const stored of rubrics) {
    const rubric = stored.rubric!;
    const read = readMission(grids, rubric, {
      source: options.data,
      ...(options.sheet && !options.all ? { sheet: options.sheet } : {}),
      ...(options['id-column'] ? { idColumn: options['id-column'] } : {}),
    });
    if ('problem' in read) {
      err.write(`rubric: ${options.data}: ${read.problem.message.th} / ${read.problem.message.en}${options.all ? ' (ข้าม / skipped)' : ''}\n`);
      if (options.all && ['NO_SHEET', 'NO_ROWS', 'EMPTY_SHEET'].includes(read.problem.code)) continue;
      return 1;
    }
    const { table } = read;
    for (const note of describeImport(table.report)) err.write(`rubric: ${options.data} [${rubric.mission}]: ${messageText(note)}\n`);
    const context = { cellErrors: table.cellErrors, units: table.units };
    const results =
      engine === 'reference'
        ? await gradeRowsReference(createReferenceRubric(rubric, refOf(rubric, stored.digest)), table.rows, context)
        : gradeRows(stored.compiled!, table.rows, context);
    sections.push({ ref: refOf(rubric, stored.digest), name: rubric.name, results, import: table.report });
  }

  if (options.out) {
    const target = resolve(options.out);
    const written = await writeWhole(target, async (path) => {
      if (/\.xlsx$/i.test(target)) await writeResultsWorkbookFile(path, sections);
      else if (/\.csv$/i.test(target)) await writeResultsCsvFile(path, sections.flatMap((s) => s.results));
      else {
        const stream = createWriteStream(path);
        const closed = once(stream, 'close');
        await writeResultsJson(stream, sections.map((s) => ({ mission: s.ref.mission, ...s.import })), sections.flatMap((s) => s.results));
        stream.end();
        await closed;
      }
    });
    if ('problem' in written) {
      err.write(`rubric: ${options.out}: ${written.problem.th} / ${written.problem.en}\n`);
      return 1;
    }
    for (const s of sections) {
      const count = (status: string) => s.results.filter((r) => r.status === status).length;
      out.write(`${s.ref.mission}: ${s.results.length} แถว/rows, ${count('graded')} graded, ${count('unmatched')} unmatched, ${count('error')} error\n`);
    }
    out.write(`ผลลัพธ์ / results: ${options.out}\n`);
    return 0;
  }
  const all = sections.flatMap((s) => s.results);
  if (format === 'json') await writeResultsJson(out, sections.map((s) => ({ mission: s.ref.mission, ...s.import })), all);
  else for (const s of sections) out.write(formatTable(s.results) + '\n');
  return 0;
}

function lint(
  root: string,
  args: string[],
  options: { period?: string | undefined; all?: boolean | undefined; format?: string | undefined },
  out: NodeJS.WritableStream,
  err: NodeJS.WritableStream,
): number {
  const format = options.format ?? 'text';
  if (format !== 'json' && format !== 'text') throw new UsageError(`--format must be json or text, not "${format}"`);
  let paths: string[];
  if (options.all) {
    if (args.length > 0) throw new UsageError('lint --all takes no mission');
    if (!options.period) throw new UsageError('lint --all needs --period, e.g. --period 2567-Q3');
    paths = [...listRubricFiles(options.period, root).values()];
    if (paths.length === 0) {
      err.write(`rubric: no rubrics for period ${options.period} (periods: ${listPeriods(root).join(', ') || 'none'})\n`);
      return 1;
    }
  } else {
    const [target, ...extra] = args;
    if (!target || extra.length > 0) throw new UsageError('lint needs one mission (or a .yaml file), or --all');
    const path = resolveRubric(root, target, options.period, err);
    if (!path) return 1;
    paths = [path];
  }
  const findings = paths.flatMap((path) => {
    const stored = readRubricFile(path);
    return lintRubric(stored.loaded, stored.rubric, stored.diagnostics);
  });
  if (format === 'json') {
    out.write(JSON.stringify({ findings }, null, 2) + '\n');
  } else {
    for (const f of findings) out.write(formatFinding(f) + '\n');
    const count = (s: string) => findings.filter((f) => f.severity === s).length;
    out.write(`${paths.length} rubrics analysed: ${count('error')} errors, ${count('warning')} warnings, ${count('info')} notes\n`);
  }
  return 0;
}

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

async function user(
  args: string[],
  options: { role?: string | undefined; name?: string | undefined; db?: string | undefined; 'password-stdin'?: boolean | undefined; revoke?: boolean | undefined },
  out: NodeJS.WritableStream,
  err: NodeJS.WritableStream,
): Promise<number> {
  const [action, username, ...extra] = args;
  const allowed = action && Object.hasOwn(USER_ACTIONS, action) ? USER_ACTIONS[action] : undefined;
  if (!allowed) throw new UsageError('user needs add, passwd, role, remove, sessions or list');
  if (extra.length > 0) throw new UsageError(`unexpected arguments: ${extra.join(' ')}`);
  if (action === 'list' ? username !== undefined : !username) throw new UsageError(action === 'list' ? 'user list takes no username' : `user ${action} needs a username`);
  const misplaced = USER_OPTIONS.filter((o) => options[o as keyof typeof options] !== undefined && !allowed.includes(o));
  if (misplaced.length > 0) throw new UsageError(`user ${action} does not take ${misplaced.map((o) => `--${o}`).join(', ')}`);
  if ((action === 'add' || action === 'role') && !options.role) throw new UsageError(`user ${action} needs --role viewer, editor or publisher`);
  // The accounts database is the editor's; it is loaded only for this command.
  const { openDb, defaultDbPath } = await import('../store/db.js');
  const accounts = await import('../store/accounts.js');
  const db = openDb(options.db ? resolve(options.db) : defaultDbPath());
  const { printable } = accounts;
  /** The new password: from standard input, or made up and printed once. */
  const newPassword = async (name: string): Promise<{ password: string; generated: boolean }> =>
    options['password-stdin'] ? { password: (await readStdin()).replace(/\r?\n$/, ''), generated: false } : { password: accounts.randomPassword(name), generated: true };
  try {
    switch (action) {
      case 'list':
        // Names are checked when made, but a database written by other means is printed safely too.
        for (const u of accounts.listUsers(db)) out.write(`${printable(u.username)}\t${printable(u.role)}\t${printable(u.name)}\n`);
        return 0;
      case 'add': {
        const { password, generated } = await newPassword(username!);
        const created = await accounts.addUser(db, { username: username!, role: options.role as 'viewer', password, ...(options.name !== undefined ? { name: options.name } : {}) });
        out.write(`สร้างผู้ใช้ / created user ${created.username} (${created.role})\n`);
        if (generated) out.write(`รหัสผ่าน (แสดงครั้งเดียว) / password (shown once): ${password}\n`);
        return 0;
      }
      case 'passwd': {
        const { password, generated } = await newPassword(username!);
        const ended = await accounts.setPassword(db, username!, password);
        out.write(`เปลี่ยนรหัสผ่านของ ${username} แล้ว และออกจากระบบทุกเซสชัน (${ended}) / changed the password of ${username}; ended ${ended} session${ended === 1 ? '' : 's'}\n`);
        if (generated) out.write(`รหัสผ่าน (แสดงครั้งเดียว) / password (shown once): ${password}\n`);
        return 0;
      }
      case 'role': {
        const changed = accounts.setRole(db, username!, options.role as 'viewer');
        out.write(`บทบาทของ ${changed.username} เป็น ${changed.role} แล้ว / ${changed.username} is now ${changed.role}\n`);
        return 0;
      }
      case 'remove':
        accounts.removeUser(db, username!);
        out.write(`ลบผู้ใช้ ${username} แล้ว (สิ่งที่บันทึกไว้ยังอยู่ในชื่อเดิม) / removed user ${username} (what it wrote stays under its name)\n`);
        return 0;
      case 'sessions': {
        if (options.revoke) {
          const ended = accounts.revokeSessions(db, username!);
          out.write(`ออกจากระบบ ${ended} เซสชันของ ${username} แล้ว / ended ${ended} session${ended === 1 ? '' : 's'} of ${username}\n`);
          return 0;
        }
        const sessions = accounts.userSessions(db, username!);
        out.write(`${username}: ${sessions.length} เซสชันที่ยังใช้ได้ / ${sessions.length} active session${sessions.length === 1 ? '' : 's'}\n`);
        for (const s of sessions) out.write(`  เริ่ม / started ${s.started}  ใช้ล่าสุด / last used ${s.lastSeen}  หมดอายุ / ends ${s.ends}\n`);
        return 0;
      }
    }
    throw new UsageError(`unknown user action "${action}"`);
  } catch (error) {
    if (error instanceof accounts.AccountError) {
      err.write(`rubric: ${error.th} / ${error.message}\n`);
      return 1;
    }
    throw error;
  }
}

function keys(args: string[], options: { out?: string | undefined }, out: NodeJS.WritableStream): number {
  if (args[0] !== 'generate' || args.length > 1) throw new UsageError('keys takes "generate --out <dir>"');
  if (!options.out) throw new UsageError('keys generate needs --out <dir>');
  const dir = resolve(options.out);
  const privatePath = join(dir, 'department.key');
  if (existsSync(privatePath)) throw new UsageError(`${privatePath} exists already; a key is never overwritten`);
  mkdirSync(dir, { recursive: true });
  const pair = generateKeys();
  writeFileSync(privatePath, pair.privateKey, { mode: 0o600 });
  writeFileSync(join(dir, 'department.pub'), pair.publicKey);
  out.write(`กุญแจส่วนตัว / private key: ${privatePath} (เก็บเป็นความลับ / keep secret)\nกุญแจสาธารณะ / public key: ${join(dir, 'department.pub')} (ให้จังหวัด / give to provinces)\n`);
  return 0;
}

async function token(args: string[], options: { db?: string | undefined }, out: NodeJS.WritableStream, err: NodeJS.WritableStream): Promise<number> {
  const [action, province, ...extra] = args;
  if (action !== 'issue' || !province || extra.length > 0) throw new UsageError('token takes "issue <province>"');
  const { openDb, defaultDbPath } = await import('../store/db.js');
  const { issueToken } = await import('../store/publication.js');
  const issued = issueToken(openDb(options.db ? resolve(options.db) : defaultDbPath()), province);
  if ('error' in issued) {
    err.write(`${issued.error.th} / ${issued.error.en}\n`);
    return 1;
  }
  out.write(`โทเค็นของ / token for ${issued.province} (แสดงครั้งเดียว / shown once): ${issued.token}\n`);
  return 0;
}

/** Writes the published store as the static files the API serves, for any web server or CDN. */
async function exportStore(args: string[], options: { out?: string | undefined; db?: string | undefined; 'signing-key'?: string | undefined }, out: NodeJS.WritableStream): Promise<number> {
  if (args.length > 0) throw new UsageError(`unexpected arguments: ${args.join(' ')}`);
  if (!options.out) throw new UsageError('export needs --out <dir>');
  if (options['signing-key']) process.env.RUBRIC_SIGNING_KEY = resolve(options['signing-key']);
  const { openDb, defaultDbPath } = await import('../store/db.js');
  const publication = await import('../store/publication.js');
  const db = openDb(options.db ? resolve(options.db) : defaultDbPath());
  const root = join(resolve(options.out), 'api', 'v1', 'periods');
  let files = 0;
  for (const period of publication.publishedPeriods(db)) {
    const signed = publication.signedManifest(db, period)!;
    const dir = join(root, period);
    const write = (path: string, body: string | Uint8Array) => {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), body);
      files++;
    };
    for (const entry of signed.manifest.missions) write(entry.path, publication.revisionText(db, period, entry.mission, entry.revision)!.yaml);
    write('manifest.sig', signed.signature);
    // The manifest last, so a mirror that copies in order never shows a manifest before its files.
    write('manifest.json', signed.bytes);
    out.write(`${period}: sequence ${signed.manifest.sequence}, ${signed.manifest.missions.length} missions\n`);
  }
  out.write(`${files} ไฟล์ / files written under ${root}\n`);
  return 0;
}

async function pull(
  args: string[],
  options: { server?: string | undefined; period?: string | undefined; out?: string | undefined; 'public-key'?: string | undefined; token?: string | undefined; 'allow-http'?: boolean | undefined },
  out: NodeJS.WritableStream,
  err: NodeJS.WritableStream,
): Promise<number> {
  if (args.length > 0) throw new UsageError(`unexpected arguments: ${args.join(' ')}`);
  if (!options.server || !options.period || !options.out || !options['public-key']) {
    throw new UsageError('pull needs --server <url> --period <period> --out <dir> --public-key <file>');
  }
  const { pullPeriod } = await import('../node/pull.js');
  const { BundleError } = await import('../node/bundle.js');
  try {
    let publicKey: string;
    try {
      publicKey = readFileSync(resolve(options['public-key']), 'utf8');
    } catch (error) {
      throw new BundleError(`อ่านกุญแจสาธารณะ ${options['public-key']} ไม่ได้`, `cannot read the public key ${options['public-key']} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
    }
    const result = await pullPeriod({
      server: options.server,
      period: options.period,
      out: resolve(options.out),
      publicKey,
      allowHttp: options['allow-http'] === true,
      ...(options.token ?? process.env.RUBRIC_TOKEN ? { token: (options.token ?? process.env.RUBRIC_TOKEN)! } : {}),
      log: (line) => err.write(line + '\n'),
    });
    out.write(`${result.status === 'updated' ? 'ปรับปรุงแล้ว / updated' : 'ไม่มีการเปลี่ยนแปลง / unchanged'}: ${options.period} sequence ${result.manifest.sequence}\n`);
    return 0;
  } catch (error) {
    if (error instanceof BundleError) {
      err.write(`rubric: ปฏิเสธ / refused: ${error.th} / ${error.message}; ชุดเดิมยังอยู่ / the last good bundle is kept\n`);
      return 1;
    }
    throw error;
  }
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** A pulled bundle's rubrics, by mission, each checked against the bundle's manifest. */
function bundleFiles(bundle: string, period: string): Map<string, string> {
  const manifestPath = join(bundle, period, 'manifest.json');
  if (!existsSync(manifestPath)) throw new BundleError(`ไม่มีชุดเกณฑ์ไตรมาส ${period} ใน ${bundle} (เรียก rubric pull ก่อน)`, `${bundle}: no bundle for ${period} here (run rubric pull first)`);
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { missions: { mission: string }[] };
  return new Map(manifest.missions.map((m) => [m.mission, bundleRubricPath(bundle, period, m.mission)]));
}

type Options = {
  period?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  data?: string | undefined;
  format?: string | undefined;
};

/** Reads a rubric that must be valid for the command to go on; says why on stderr when it is not. */
function usableRubric(path: string, err: NodeJS.WritableStream): StoredRubric | undefined {
  const stored = readRubricFile(path);
  if (stored.rubric && stored.compiled && !hasErrors(stored.diagnostics)) return stored;
  err.write(`rubric: the rubric ${stored.file} is not valid:\n`);
  for (const d of stored.diagnostics) err.write('  ' + formatDiagnostic(d) + '\n');
  return undefined;
}

function oneMission(args: string[], command: string): string {
  const [mission, ...extra] = args;
  if (!mission) throw new UsageError(`${command} needs a mission`);
  if (extra.length > 0) throw new UsageError(`unexpected arguments: ${extra.join(' ')}`);
  return mission;
}

function cases(root: string, args: string[], options: Options, out: NodeJS.WritableStream, err: NodeJS.WritableStream): number {
  const mission = oneMission(args, 'cases');
  const format = options.format ?? 'csv';
  if (format !== 'csv' && format !== 'json') throw new UsageError(`--format must be csv or json, not "${format}"`);
  const path = resolveRubric(root, mission, options.period, err);
  const stored = path && usableRubric(path, err);
  if (!stored) return 1;
  if (!stored.rubric!.grade) {
    err.write(`rubric: mission ${stored.rubric!.mission} has no criteria for ${stored.rubric!.period}\n`);
    return 1;
  }
  const sheet = boundaryCases(stored.rubric!, stored.compiled!);
  out.write(format === 'json' ? JSON.stringify(sheet, null, 2) + '\n' : casesToCsv(stored.rubric!, sheet));
  return 0;
}

/** The two versions named by --from and --to, each a period of the store or a file. */
function twoVersions(root: string, mission: string, options: Options, err: NodeJS.WritableStream): [StoredRubric, StoredRubric] | undefined {
  if (!options.from || !options.to) throw new UsageError('needs --from and --to, each a period (2567-Q3) or a .yaml file');
  const pathOf = (version: string) => (/\.ya?ml$/.test(version) ? resolveRubric(root, version, undefined, err) : resolveRubric(root, mission, version, err));
  const fromPath = pathOf(options.from);
  const toPath = pathOf(options.to);
  if (!fromPath || !toPath) return undefined;
  const from = usableRubric(fromPath, err);
  const to = usableRubric(toPath, err);
  if (!from || !to) return undefined;
  for (const [name, stored] of [['--from', from], ['--to', to]] as const) {
    if (stored.rubric!.mission !== mission) {
      err.write(`rubric: ${name} ${stored.file} is mission ${stored.rubric!.mission}, not ${mission}\n`);
      return undefined;
    }
  }
  return [from, to];
}

function diff(root: string, args: string[], options: Options, out: NodeJS.WritableStream, err: NodeJS.WritableStream): number {
  const mission = oneMission(args, 'diff');
  const format = options.format ?? 'text';
  if (format !== 'json' && format !== 'text') throw new UsageError(`--format must be json or text, not "${format}"`);
  const versions = twoVersions(root, mission, options, err);
  if (!versions) return 1;
  const [from, to] = versions;
  const changes = diffRubrics(from.rubric!, to.rubric!);
  if (format === 'json') {
    out.write(JSON.stringify({ from: refOf(from.rubric!, from.digest), to: refOf(to.rubric!, to.digest), changes }, null, 2) + '\n');
    return 0;
  }
  out.write(`${mission}: ${from.rubric!.period} r${from.rubric!.revision} (${from.file}) → ${to.rubric!.period} r${to.rubric!.revision} (${to.file})\n`);
  for (const c of changes) out.write(`- ${c.message.th}\n  ${c.message.en}\n`);
  out.write(`${changes.length} การเปลี่ยนแปลง / changes\n`);
  return 0;
}

async function impact(root: string, args: string[], options: Options, out: NodeJS.WritableStream, err: NodeJS.WritableStream): Promise<number> {
  const mission = oneMission(args, 'impact');
  const format = options.format ?? 'text';
  if (format !== 'json' && format !== 'text') throw new UsageError(`--format must be json or text, not "${format}"`);
  if (!options.data) throw new UsageError('impact needs --data <file.json|file.csv>');
  const versions = twoVersions(root, mission, options, err);
  if (!versions) return 1;
  const [from, to] = versions;
  if (!from.rubric!.grade || !to.rubric!.grade) {
    err.write(`rubric: both versions of ${mission} need criteria to compare grades\n`);
    return 1;
  }
  // The data is read as the new version names its facts (a fact only the old version has is
  // then missing, and its rows are errors on the old side: said, never guessed).
  const file = readDataBytes(resolve(options.data));
  if ('problem' in file) {
    err.write(`rubric: ${options.data}: ${file.problem.th} / ${file.problem.en}\n`);
    return 1;
  }
  const grids = await readGrids(file.bytes, options.data);
  const read = 'problem' in grids ? grids : readMission(grids, to.rubric!, { source: options.data });
  if ('problem' in read) {
    err.write(`rubric: ${options.data}: ${read.problem.message.th} / ${read.problem.message.en}\n`);
    return 1;
  }
  for (const note of describeImport(read.table.report)) err.write(`rubric: ${options.data}: ${messageText(note)}\n`);
  const result = impactOf(from.compiled!, to.compiled!, read.table.rows);
  out.write(format === 'json' ? JSON.stringify(result, null, 2) + '\n' : formatImpact(result) + '\n');
  return 0;
}

/**
 * The usable rubrics with criteria among the missions asked for, or null after saying why not:
 * an unknown mission, an unusable file, or (for one mission, not --all) no criteria this period.
 */
function rubricsToGrade(
  root: string,
  files: Map<string, string>,
  missions: string[],
  options: { period?: string | undefined; all?: boolean | undefined },
  err: NodeJS.WritableStream,
): StoredRubric[] | null {
  const rubrics: StoredRubric[] = [];
  for (const m of missions) {
    const file = files.get(m);
    if (!file) {
      err.write(`rubric: no rubric "${m}" for period ${options.period}` + (files.size > 0 ? ` (missions: ${[...files.keys()].join(', ')})` : ` (periods: ${listPeriods(root).join(', ') || 'none'})`) + '\n');
      return null;
    }
    const stored = usableRubric(file, err);
    if (!stored) return null;
    if (!stored.rubric!.grade) {
      if (options.all) continue;
      err.write(`rubric: ภารกิจ ${m} ยังไม่มีเกณฑ์ในไตรมาส ${options.period} / mission ${m} has no criteria for ${options.period}\n`);
      return null;
    }
    rubrics.push(stored);
  }
  return rubrics;
}

/** A blank data template (.xlsx) for one mission or every mission with criteria of a period. */
async function template(
  root: string,
  args: string[],
  options: { period?: string | undefined; all?: boolean | undefined; out?: string | undefined },
  out: NodeJS.WritableStream,
  err: NodeJS.WritableStream,
): Promise<number> {
  const [mission, ...extra] = args;
  if (!mission && !options.all) throw new UsageError('template needs a mission (or --all), e.g. rubric template otop --period 2567-Q3 --out otop.xlsx');
  if (mission && options.all) throw new UsageError('template takes a mission or --all, not both');
  if (extra.length > 0) throw new UsageError(`unexpected arguments: ${extra.join(' ')}`);
  if (!options.period) throw new UsageError('template needs --period, e.g. --period 2567-Q3');
  if (!options.out) throw new UsageError('template needs --out <file.xlsx>');
  if (!/\.xlsx$/i.test(options.out)) throw new UsageError('--out must name a .xlsx file');
  const files = listRubricFiles(options.period, root);
  const missions = options.all ? [...files.keys()] : [mission!];
  if (missions.length === 0) {
    err.write(`rubric: no rubrics for period ${options.period} (periods: ${listPeriods(root).join(', ') || 'none'})\n`);
    return 1;
  }
  const stored = rubricsToGrade(root, files, missions, options, err);
  if (!stored) return 1;
  const rubrics = stored.map((r) => r.rubric!);
  const made = await buildTemplate(rubrics, { period: options.period });
  if ('problem' in made) {
    err.write(`rubric: ${made.problem.message.th} / ${made.problem.message.en}\n`);
    return 1;
  }
  const written = await writeWhole(resolve(options.out), async (path) => writeFileSync(path, made.bytes));
  if ('problem' in written) {
    err.write(`rubric: ${options.out}: ${written.problem.th} / ${written.problem.en}\n`);
    return 1;
  }
  out.write(`แบบกรอกข้อมูล / template: ${options.out} (${rubrics.map((r) => r.mission).join(', ')})\n`);
  return 0;
}

/** A rubric named on the command line: a .yaml path, or a mission of --period in the store. */
function resolveRubric(root: string, target: string, period: string | undefined, err: NodeJS.WritableStream): string | undefined {
  if (/\.ya?ml$/.test(target)) {
    if (existsSync(target)) return resolve(target);
    err.write(`rubric: no such file ${target}\n`);
    return undefined;
  }
  if (!period) throw new UsageError(`"${target}" needs --period, e.g. --period 2567-Q3`);
  const files = listRubricFiles(period, root);
  const path = files.get(target);
  if (!path) {
    const known = [...files.keys()];
    err.write(
      `rubric: no rubric "${target}" for period ${period}` +
        (known.length > 0 ? ` (missions: ${known.join(', ')})` : ` (periods: ${listPeriods(root).join(', ') || 'none'})`) +
        '\n',
    );
  }
  return path;
}

function test(root: string, files: string[], out: NodeJS.WritableStream): number {
  const paths = files.length > 0 ? files.map((f) => resolve(f)) : listAllRubricFiles(root);
  let passed = 0;
  let failed = 0;
  for (const path of paths) {
    const stored = readRubricFile(path);
    if (!stored.rubric || !stored.compiled) {
      out.write(`✗ ${stored.file}: not valid\n`);
      for (const d of stored.diagnostics) out.write('    ' + formatDiagnostic(d) + '\n');
      failed++;
      continue;
    }
    const outcomes = runExamples(stored.rubric, stored.compiled);
    const bad = outcomes.filter((o) => !o.passed);
    passed += outcomes.length - bad.length;
    failed += bad.length;
    out.write(`${bad.length === 0 ? '✓' : '✗'} ${stored.file}: ${outcomes.length - bad.length}/${outcomes.length} examples\n`);
    for (const o of bad) {
      const score = o.expectedScore !== undefined ? ` (score ${o.expectedScore}, got ${o.actualScore})` : '';
      out.write(`    ✗ ${o.name}: expected ${o.expected}, got ${o.actual}${score} — ${o.result.reason.en}\n`);
    }
  }
  out.write(`examples: ${passed} passed, ${failed} failed\n`);
  return failed > 0 ? 1 : 0;
}
