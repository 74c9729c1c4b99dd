// `rubric export`: writes the whole public site as static files, for any web server or CDN: the
// published criteria pages (print-ready HTML), their Word files, the provinces' grading page with
// its blank templates, the downloads page with rubric.mjs and the department's key, and the public
// API's signed manifests and rubric files. The pages come from the built server itself
// (engine/cli/export/render-site.ts, in a child process, over a copy of the database), so the copy
// says what the server says.
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pathFrom, type CliContext, type Command } from '../options.js';
import { UsageError } from '../usage.js';
import { beside, refusalOf, swapIn, writeMark } from '../export/replace.js';
import { rootPage } from '../export/root-page.js';
import { findSources, snapshot, type Sources } from '../export/sources.js';

/** What the child process wrote. */
interface Rendered {
  pages: string[];
  files: string[];
  bytes: number;
}

/** The repository this module is in (the folder with package.json), where build/ and dist/ are. */
function repository(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('package.json not found above the rubric command');
    dir = parent;
  }
  return dir;
}

/** The address the copy will be served at, checked: an http(s) URL with nothing after its host. */
function siteUrl(given: string | undefined): string {
  const example = 'e.g. --url https://rubrics.cdd.go.th';
  if (given === undefined) throw new UsageError(`export needs --url, the address the site will be served at (the downloads page's commands name it), ${example}`);
  let url: URL;
  try {
    url = new URL(given);
  } catch {
    throw new UsageError(`--url must be the address the site will be served at, ${example} (got ${given})`);
  }
  if (!/^https?:$/.test(url.protocol) || url.pathname !== '/' || url.search || url.hash) {
    throw new UsageError(`--url must be an http(s) address with nothing after the host, ${example} (got ${given})`);
  }
  return url.origin;
}

/** Runs the page writer in a child process; its last line of output is what it wrote, the lines before are passed on. */
function render(handler: string, out: string, env: NodeJS.ProcessEnv, cli: CliContext): Promise<Rendered | { failed: string }> {
  const script = fileURLToPath(new URL('../export/render-site.js', import.meta.url));
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [script, handler, out], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('close', (code) => {
      const lines = stdout.trimEnd().split('\n');
      const last = lines.pop() ?? '';
      if (lines.length > 0) cli.out.write(`${lines.join('\n')}\n`);
      if (code !== 0) return resolve({ failed: stderr.trim() || `the page writer stopped with code ${code}` });
      try {
        resolve(JSON.parse(last) as Rendered);
      } catch {
        resolve({ failed: `the page writer's report cannot be read: ${last.slice(0, 200)}` });
      }
    });
  });
}

/** The environment of the page writer: the database copy, the key, the rubrics, the one-file CLI and the address. */
function childEnv(cli: CliContext, sources: Sources, db: string, url: string, repo: string): NodeJS.ProcessEnv {
  return {
    ...cli.env,
    RUBRIC_STATIC_EXPORT: '1',
    ORIGIN: url,
    RUBRIC_DB: db,
    RUBRIC_SIGNING_KEY: sources.key,
    RUBRICS_DIR: cli.env.RUBRICS_DIR || join(repo, 'rubrics'),
    RUBRIC_CLI_FILE: sources.cliFile,
  };
}

/** Writes the copy into `staging`: the built scripts and styles, the home page, then every page and file. */
async function writeCopy(staging: string, sources: Sources, env: (db: string) => NodeJS.ProcessEnv, repo: string, cli: CliContext): Promise<Rendered | { failed: string }> {
  mkdirSync(staging, { recursive: true });
  cpSync(join(repo, 'build', 'client'), staging, { recursive: true });
  writeFileSync(join(staging, 'index.html'), rootPage());
  let copy: Awaited<ReturnType<typeof snapshot>>;
  try {
    copy = await snapshot(sources.db);
  } catch (error) {
    return { failed: `ฐานข้อมูลอ่านไม่ได้ / the database cannot be read: ${(error as Error).message}` };
  }
  try {
    return await render(sources.handler, staging, env(copy.path), cli);
  } finally {
    copy.remove();
  }
}

export const exportStore: Command = async (args, options, cli) => {
  if (args.length > 0) throw new UsageError(`unexpected arguments: ${args.join(' ')}`);
  if (!options.out) throw new UsageError('export needs --out <dir>');
  const out = pathFrom(cli, options.out);
  const url = siteUrl(options.url);
  const refused = refusalOf(out);
  if (refused) throw new UsageError(refused);
  const repo = repository();
  const sources = findSources(repo, { db: options.db && pathFrom(cli, options.db), key: options['signing-key'] && pathFrom(cli, options['signing-key']), env: cli.env });
  if ('missing' in sources) {
    cli.err.write(`rubric: ${sources.missing}\n`);
    return 1;
  }
  // Written beside the folder and put in its place at the end: a failed export leaves the last one as it was.
  const staging = beside(out, 'partial');
  rmSync(staging, { recursive: true, force: true });
  try {
    const rendered = await writeCopy(staging, sources, (db) => childEnv(cli, sources, db, url, repo), repo, cli);
    if ('failed' in rendered) {
      cli.err.write(`rubric: ส่งออกไม่สำเร็จ ไม่มีการเปลี่ยนแปลง ${out} / the export failed and ${out} is unchanged: ${rendered.failed}\n`);
      return 1;
    }
    writeMark(staging, { url, pages: rendered.pages, files: rendered.files });
    swapIn(staging, out);
    cli.out.write(`${rendered.pages.length} หน้า / pages, ${rendered.files.length} ไฟล์ / files (${(rendered.bytes / 1024 / 1024).toFixed(1)} MB) + ไฟล์ของหน้าเว็บ / the site's scripts and styles, in ${out}\n`);
    return 0;
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
};
