// `rubric export`: writes the whole public site as static files, for any web server or CDN: the
// published criteria pages (print-ready HTML), their Word files, the provinces' grading page with
// its blank templates, the downloads page with rubric.mjs and the department's key, and the public
// API's signed manifests and rubric files. The pages come from the built server itself
// (engine/cli/export/render-site.ts, in a child process), so the copy says what the server says.
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pathFrom, type CliContext, type Command } from '../options.js';
import { UsageError } from '../usage.js';
import { rootPage } from '../export/root-page.js';

/** The file that marks a folder as written by `rubric export`, so a later export may replace it. */
const MARK = '.rubric-export.json';

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
  if (given === undefined) return 'http://localhost';
  let url: URL;
  try {
    url = new URL(given);
  } catch {
    throw new UsageError(`--url must be the address the site will be served at, e.g. https://rubrics.cdd.go.th (got ${given})`);
  }
  if (!/^https?:$/.test(url.protocol) || url.pathname !== '/' || url.search || url.hash) {
    throw new UsageError(`--url must be an http(s) address with nothing after the host, e.g. https://rubrics.cdd.go.th (got ${given})`);
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
      if (code !== 0) resolve({ failed: stderr.trim() || `the page writer stopped with code ${code}` });
      else resolve(JSON.parse(last) as Rendered);
    });
  });
}

/** The folder the copy goes to, checked: new, empty, or an earlier export (never any other folder, which would be replaced). */
function checkOut(out: string): void {
  if (!existsSync(out)) return;
  const held = readdirSync(out);
  if (held.length > 0 && !held.includes(MARK)) {
    throw new UsageError(`--out ${out} holds files that no export wrote; name a new or empty folder (an earlier export's folder is replaced)`);
  }
}

/** The environment of the page writer: this export's store, key, rubrics, one-file CLI and address. */
function childEnv(cli: CliContext, options: { db: string | undefined; key: string | undefined; url: string }, repo: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...cli.env, RUBRIC_STATIC_EXPORT: '1', ORIGIN: options.url };
  if (options.db) env.RUBRIC_DB = options.db;
  if (options.key) env.RUBRIC_SIGNING_KEY = options.key;
  env.RUBRICS_DIR ||= join(repo, 'rubrics');
  env.RUBRIC_CLI_FILE ||= join(repo, 'dist', 'rubric.mjs');
  return env;
}

export const exportStore: Command = async (args, options, cli) => {
  if (args.length > 0) throw new UsageError(`unexpected arguments: ${args.join(' ')}`);
  if (!options.out) throw new UsageError('export needs --out <dir>');
  const out = pathFrom(cli, options.out);
  const url = siteUrl(options.url);
  checkOut(out);
  const repo = repository();
  const handler = join(repo, 'build', 'handler.js');
  if (!existsSync(handler)) {
    cli.err.write('rubric: ยังไม่ได้สร้างหน้าเว็บ สั่ง npm run build ก่อน / the site has not been built: run npm run build first\n');
    return 1;
  }
  // Written beside the folder and put in its place at the end: a failed export leaves the last one as it was.
  const staging = join(dirname(out), `.${basename(out)}.partial-${process.pid}`);
  rmSync(staging, { recursive: true, force: true });
  try {
    mkdirSync(staging, { recursive: true });
    cpSync(join(repo, 'build', 'client'), staging, { recursive: true });
    writeFileSync(join(staging, 'index.html'), rootPage());
    const env = childEnv(cli, { db: options.db && pathFrom(cli, options.db), key: options['signing-key'] && pathFrom(cli, options['signing-key']), url }, repo);
    const rendered = await render(handler, staging, env, cli);
    if ('failed' in rendered) {
      cli.err.write(`rubric: ส่งออกไม่สำเร็จ ไม่มีการเปลี่ยนแปลง ${out} / the export failed and ${out} is unchanged: ${rendered.failed}\n`);
      return 1;
    }
    writeFileSync(join(staging, MARK), `${JSON.stringify({ url, pages: rendered.pages, files: rendered.files }, null, 2)}\n`);
    rmSync(out, { recursive: true, force: true });
    renameSync(staging, out);
    cli.out.write(`${rendered.pages.length} หน้า / pages, ${rendered.files.length} ไฟล์ / files (${(rendered.bytes / 1024 / 1024).toFixed(1)} MB) + ไฟล์ของหน้าเว็บ / the site's scripts and styles, in ${out}\n`);
    return 0;
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
};
