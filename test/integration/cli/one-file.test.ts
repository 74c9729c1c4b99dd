import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dependencyProblems } from '../../../engine/cli/build-file.js';
import { startEditor, type Editor } from '../../browser/harness.js';
import { tempDir } from '../../temp.js';

// dist/rubric.mjs (npm run build:engine) as a province runs it: copied alone into an empty folder
// under the system's temporary folder, with no node_modules anywhere above it, and run with `node`.
const root = join(import.meta.dirname, '../../..');
const built = join(root, 'dist/rubric.mjs');
const work = tempDir('rubric-one-file-');

/** Runs `node rubric.mjs <args…>` in the province's folder, with no NODE_PATH or other setting of this machine's (TMPDIR kept: the run's temporary files stay in the run's folder). */
function rubric(...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, ['rubric.mjs', ...args], { cwd: work, encoding: 'utf8', env: { PATH: process.env.PATH ?? '', TMPDIR: process.env.TMPDIR ?? '' }, maxBuffer: 64 * 1024 * 1024 });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** Every folder from `dir` up to the root. */
function foldersUp(dir: string): string[] {
  const up = [dir];
  while (dirname(up.at(-1)!) !== up.at(-1)) up.push(dirname(up.at(-1)!));
  return up;
}

/** The results of `grade … --format json`: id, status and grade of each row. */
function graded(stdout: string): [string, string, string | null][] {
  const { results } = JSON.parse(stdout) as { results: { id: string; status: string; grade: string | null }[] };
  return results.map((r) => [r.id, r.status, r.grade]);
}

let editor: Editor;

beforeAll(async () => {
  if (!existsSync(built)) throw new Error('dist/rubric.mjs is missing: run npm run build:engine first');
  copyFileSync(built, join(work, 'rubric.mjs'));
  editor = await startEditor([]);
}, 30_000);

afterAll(() => editor?.stop());

describe('rubric.mjs, the one-file CLI', () => {
  it('stands alone: no node_modules in or above its folder', () => {
    expect(foldersUp(work).filter((dir) => existsSync(join(dir, 'node_modules')))).toEqual([]);
  });

  it("requires nothing but Node's own modules, and the build would stop at anything else", () => {
    expect(dependencyProblems(readFileSync(built, 'utf8'))).toEqual([]);
    const leaky = 'const a = __require("node:fs"); const b = __require("better-sqlite3"); const c = __require(name);';
    expect(dependencyProblems(leaky)).toEqual(['require("better-sqlite3")', 'a require() of a computed name', 'better-sqlite3 (the store) is in the file']);
  });

  it('prints its usage', () => {
    const help = rubric('--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('rubric pull --server <https://…> --period <period> --out <dir> --public-key <file>');
  });

  it('validates a shipped rubric, and places the error of a bad one', () => {
    copyFileSync(join(root, 'rubrics/2567-Q3/otop.yaml'), join(work, 'otop.yaml'));
    copyFileSync(join(root, 'test/fixtures/bad-rubrics/undeclared-fact.yaml'), join(work, 'undeclared-fact.yaml'));
    const good = rubric('validate', 'otop.yaml');
    expect([good.code, good.stdout]).toEqual([0, '1 files checked: 0 errors, 0 warnings\n']);
    const bad = rubric('validate', 'undeclared-fact.yaml');
    expect(bad.code).toBe(1);
    expect(bad.stdout).toMatch(/^undeclared-fact\.yaml:29:12 error UNDECLARED_FACT /m);
  });

  it('says in Thai and English that the department commands are not in it', () => {
    const run = rubric('user', 'list');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('ใช้ได้เฉพาะในเครื่องของกรมการพัฒนาชุมชน');
    expect(run.stderr).toContain(`the "user" command needs the department's installation`);
  });

  it('pulls a period from the server, verified with the key the server offers, and grades a CSV from the bundle', async () => {
    writeFileSync(join(work, 'department.pub'), await (await fetch(`${editor.base}/downloads/department.pub`)).text());
    const pulled = rubric('pull', '--server', editor.base, '--period', '2567-Q3', '--out', 'bundles', '--public-key', 'department.pub', '--allow-http');
    expect(pulled.code).toBe(0);
    expect(pulled.stdout).toMatch(/^ปรับปรุงแล้ว \/ updated: 2567-Q3 sequence \d+\n$/);
    expect(pulled.stderr).toMatch(/otop r1 ✓/);
    expect(existsSync(join(work, 'bundles/2567-Q3/manifest.json'))).toBe(true);
    const csv = ['id,province,district,newProducts,salesGrowthPct', 'u1,กระบี่,เกาะลันตา,6,4.5', 'u2,กระบี่,เกาะลันตา,4,4.5', 'u3,กระบี่,เกาะลันตา,6,3.5', 'u4,กระบี่,เกาะลันตา,3,2.5', 'u5,กระบี่,เกาะลันตา,9,2.00', 'u6,กระบี่,เกาะลันตา,1,10'];
    writeFileSync(join(work, 'otop.csv'), csv.join('\n') + '\n');
    const graded6 = rubric('grade', 'otop', '--period', '2567-Q3', '--bundle', 'bundles', '--data', 'otop.csv', '--format', 'json');
    expect(graded6.code).toBe(0);
    expect(graded(graded6.stdout)).toEqual([
      ['u1', 'graded', 'A'],
      ['u2', 'graded', 'B'],
      ['u3', 'graded', 'B'],
      ['u4', 'graded', 'C'],
      ['u5', 'unmatched', null],
      ['u6', 'graded', 'D'],
    ]);
  });

  it('refuses a pull checked with another key and keeps no bundle', () => {
    const made = rubric('keys', 'generate', '--out', 'other-key');
    expect(made.code).toBe(0);
    // The fingerprint for the department's letter: the sha256 of the key file, as certutil or sha256sum gives it.
    const fingerprint = createHash('sha256').update(readFileSync(join(work, 'other-key/department.pub'))).digest('hex');
    expect(made.stdout).toContain(`for the letter to provinces: ${fingerprint}\n`);
    const refused = rubric('pull', '--server', editor.base, '--period', '2567-Q3', '--out', 'other-bundles', '--public-key', 'other-key/department.pub', '--allow-http');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('ปฏิเสธ / refused');
    expect(existsSync(join(work, 'other-bundles/2567-Q3/manifest.json'))).toBe(false);
  });

  it('reads an Excel workbook and grades it as the installed CLI does', () => {
    mkdirSync(join(work, 'rubrics/2567-Q3'), { recursive: true });
    copyFileSync(join(root, 'rubrics/2567-Q3/otop.yaml'), join(work, 'rubrics/2567-Q3/otop.yaml'));
    copyFileSync(join(root, 'test/fixtures/national/national-2567-Q3.xlsx'), join(work, 'national.xlsx'));
    const args = ['grade', 'otop', '--period', '2567-Q3', '--rubrics', 'rubrics', '--data', 'national.xlsx', '--format', 'json'];
    const one = rubric(...args);
    expect(one.code).toBe(0);
    const installed = spawnSync(process.execPath, [join(root, 'dist/engine/cli/bin.js'), ...args], { cwd: work, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    expect(installed.status).toBe(0);
    const results = graded(one.stdout);
    expect(results).toHaveLength(878);
    expect(new Set(results.map(([, , grade]) => grade))).toEqual(new Set(['A', 'B', 'C', 'D', null]));
    expect(one.stdout).toBe(installed.stdout);
  });
});
