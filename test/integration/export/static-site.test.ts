// `rubric export` writes the whole public site as files, and nginx serves them with nothing but its
// media types: every page and file the export lists, and every link on every page, answers; the pages
// show only published revisions; the Word files and templates open; and a province with only Node
// downloads rubric.mjs and the department's key from the copy, pulls, verifies and grades.
import { copyFileSync, existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sitePaths } from '../../../engine/cli/export/static-html.js';
import { openDb } from '../../../engine/store/db.js';
import { openCorrection, publishDraft, startPeriod } from '../../../engine/store/rubric-store.js';
import { departmentStore } from '../../department-store.js';
import { runCli } from '../../browser/harness.js';
import { docxParts, docxText } from '../../docx.js';
import { startNginx, type Nginx } from '../../nginx.js';
import { valueOf } from '../../settled.js';
import { tempDir } from '../../temp.js';

const root = join(import.meta.dirname, '../../..');
const work = tempDir('rubric-static-');
const site = join(work, 'site');
const db = join(work, 'store', 'editor.db');
const key = join(work, 'store', 'signing', 'department.key');
let nginx: Nginx;
let listed: { pages: string[]; files: string[] };

/** A GET through nginx, following its redirects (a folder without its slash). */
const get = (path: string) => fetch(`${nginx.base}${path.split('/').map(encodeURIComponent).join('/')}`);

/** Runs a command in a folder with nothing but the files put there, as a province's machine with only Node would. */
function node(cwd: string, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd, env: { PATH: process.env.PATH ?? '' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

beforeAll(async () => {
  // The shipped criteria of 2567-Q3, a correction of bmn (r2), and bmn published again in 2567-Q4.
  const store = departmentStore(join(work, 'store')).db;
  valueOf(await openCorrection(store, { period: '2567-Q3', mission: 'bmn', username: 'pat' }));
  valueOf(await publishDraft(store, { period: '2567-Q3', mission: 'bmn', version: 1, username: 'pat', acknowledgeWarnings: true }));
  valueOf(await startPeriod(store, { from: '2567-Q3', username: 'pat' }));
  valueOf(await publishDraft(store, { period: '2567-Q4', mission: 'bmn', version: 1, username: 'pat', acknowledgeWarnings: true }));
  nginx = await startNginx(site);
  const run = await runCli('export', '--out', site, '--db', db, '--url', nginx.base);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  listed = JSON.parse(readFileSync(join(site, '.rubric-export.json'), 'utf8'));
}, 120_000);

afterAll(() => nginx?.stop());

describe('the static copy served by nginx', () => {
  it('answers every page the export lists as HTML with its data, and every file with its media type', async () => {
    expect(listed.pages).toContain('/criteria/2567-Q3/otop');
    expect(listed.pages).toContain('/grade/2567-Q3');
    for (const page of listed.pages) {
      const response = await get(page);
      expect(response.status, page).toBe(200);
      expect(response.headers.get('content-type'), page).toBe('text/html');
      const data = await get(`${page}/__data.json`);
      expect((await data.json()).type, page).toBe('data');
    }
    const types: Record<string, string> = {
      docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      json: 'application/json',
    };
    for (const file of listed.files) {
      const response = await get(file);
      expect(response.status, file).toBe(200);
      const type = types[file.split('.').pop()!];
      if (type) expect(response.headers.get('content-type'), file).toBe(type);
    }
  });

  it('has no broken link: every path a page links to or loads answers 200', async () => {
    const checked = new Set<string>();
    for (const page of listed.pages) {
      for (const path of sitePaths(await (await get(page)).text())) {
        if (checked.has(path)) continue;
        checked.add(path);
        expect((await get(path)).status, `${path} (on ${page})`).toBe(200);
      }
    }
    // The scripts and styles too, and the pages' links to the API, the Word files and the templates.
    expect([...checked].filter((p) => p.startsWith('/_app/')).length).toBeGreaterThan(5);
    expect(checked).toContain('/api/v1/periods/2567-Q3/manifest.json');
    expect(checked).toContain('/grade/2567-Q3/template/otop.xlsx');
  });

  it('sends a reader at / on to the criteria, and keeps no nonce: the policy is a <meta> with the start-up script hashed', async () => {
    expect(await (await get('/')).text()).toContain('url=/criteria');
    const html = await (await get('/criteria/2567-Q3/otop')).text();
    expect(html).not.toContain('nonce');
    const policy = /<meta http-equiv="content-security-policy" content="([^"]*)">/.exec(html)?.[1];
    expect(policy).toMatch(/script-src 'self' 'sha256-[A-Za-z0-9+/=]+'/);
    expect(policy).not.toContain('frame-ancestors');
    const script = /<script>([\s\S]*?)<\/script>/.exec(html)![1]!;
    expect(policy).toContain(`'sha256-${createHash('sha256').update(script).digest('base64')}'`);
  });

  it('shows only published revisions: the latest in Thai digits, never a draft, with every revision in the history', async () => {
    const period = await (await get('/criteria/2567-Q3')).text();
    expect(period).toContain('การบริหารการจัดเก็บข้อมูลความจำเป็นพื้นฐาน');
    const grading = await (await get('/grade/2567-Q3/__data.json')).text();
    expect(grading).toContain('otop');
    for (const draft of ['food-security', 'poverty-center']) {
      expect(period).not.toContain(`/criteria/2567-Q3/${draft}`);
      expect(existsSync(join(site, 'criteria/2567-Q3', draft))).toBe(false);
      expect(grading).not.toContain(draft);
      expect(existsSync(join(site, 'api/v1/periods/2567-Q3/missions', draft))).toBe(false);
    }
    expect(await (await get('/criteria/2567-Q3/otop')).text()).toContain('มากกว่าร้อยละ ๔');
    expect(await (await get('/criteria/2567-Q3/bmn')).text()).toContain('ฉบับที่ ๒');
    const history = await (await get('/criteria/2567-Q4/bmn/history')).text();
    for (const file of ['2567-Q3/missions/bmn/r1.yaml', '2567-Q3/missions/bmn/r2.yaml', '2567-Q4/missions/bmn/r1.yaml']) {
      expect(history).toContain(`/api/v1/periods/${file}`);
      expect((await get(`/api/v1/periods/${file}`)).status).toBe(200);
      expect((await get(`/api/v1/periods/${file.replace(/yaml$/, 'json')}`)).status).toBe(200);
    }
    expect(JSON.parse(readFileSync(join(site, 'api/v1/periods.json'), 'utf8')).periods.map((p: { period: string }) => p.period)).toEqual(['2567-Q3', '2567-Q4']);
  });

  it('serves the Word files in Thai and in Arabic digits, each with the thresholds', async () => {
    const text = async (path: string) => docxText((await docxParts(new Uint8Array(await (await get(path)).arrayBuffer()))).body);
    expect(await text('/criteria/2567-Q3/otop.docx')).toContain('มากกว่าร้อยละ ๔');
    const arabic = await text('/criteria/2567-Q3/otop.arabic.docx');
    expect(arabic).toContain('มากกว่าร้อยละ 4');
    expect(arabic).not.toMatch(/[๐-๙]/);
    const whole = await text('/criteria/2567-Q3.docx');
    expect(whole).toContain('โครงการหนึ่งตำบล หนึ่งผลิตภัณฑ์');
    expect(whole).toContain('การบริหารการจัดเก็บข้อมูลความจำเป็นพื้นฐาน');
  });

  it('serves blank templates that open in Excel with a sheet for each published mission', async () => {
    const sheets = async (path: string) => {
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(await (await get(path)).arrayBuffer());
      return workbook.worksheets.map((w) => w.name);
    };
    expect(await sheets('/grade/2567-Q3/template/otop.xlsx')).toContain('otop');
    const all = await sheets('/grade/2567-Q3/template.xlsx');
    expect(all).toContain('otop');
    expect(all).toContain('bmn');
    expect(all).not.toContain('food-security');
  });
});

describe('a province with only Node, from the static copy', () => {
  const machine = tempDir('rubric-province-');

  it('downloads rubric.mjs and its sha256, the key and its fingerprint, then pulls, verifies and grades', async () => {
    const cli = new Uint8Array(await (await get('/downloads/rubric.mjs')).arrayBuffer());
    // Compared as a whole (Buffer.equals): an element-by-element toEqual of 4 MB takes half a minute.
    expect(Buffer.from(cli).equals(readFileSync(join(root, 'dist/rubric.mjs')))).toBe(true);
    const sha = (await (await get('/downloads/rubric.mjs.sha256')).text()).split(/\s/)[0];
    expect(sha).toBe(createHash('sha256').update(cli).digest('hex'));
    writeFileSync(join(machine, 'rubric.mjs'), cli);
    const key = await (await get('/downloads/department.pub')).text();
    // The downloads page shows the key's fingerprint, to be checked against the department's letter.
    expect(await (await get('/downloads')).text()).toContain(createHash('sha256').update(key).digest('hex'));
    expect(key).toBe(readFileSync(join(work, 'store', 'signing', 'department.pub'), 'utf8'));
    writeFileSync(join(machine, 'department.pub'), key);
    copyFileSync(join(root, 'test/fixtures/national/national-2567-Q3-otop.csv'), join(machine, 'otop.csv'));
    const pulled = await node(machine, 'rubric.mjs', 'pull', '--server', nginx.base, '--period', '2567-Q3', '--out', 'bundles', '--public-key', 'department.pub', '--allow-http');
    expect(pulled.stderr).toContain('[9/9]');
    expect(pulled.code).toBe(0);
    expect(pulled.stdout).toContain('updated: 2567-Q3 sequence 10');
    const graded = await node(machine, 'rubric.mjs', 'grade', 'otop', '--period', '2567-Q3', '--bundle', 'bundles', '--data', 'otop.csv', '--format', 'json');
    expect(graded.code).toBe(0);
    const { results } = JSON.parse(graded.stdout) as { results: { grade?: string; rubric: { digest: string } }[] };
    expect(results).toHaveLength(878);
    const manifest = JSON.parse(await (await get('/api/v1/periods/2567-Q3/manifest.json')).text());
    expect(results[0]!.rubric.digest).toBe(manifest.missions.find((m: { mission: string }) => m.mission === 'otop').digest);
  });
});

describe('rubric export refuses what would lose work or give a wrong site', () => {
  const exportTo = (out: string, ...more: string[]) => runCli('export', '--out', out, '--db', db, '--url', 'https://rubrics.example', ...more);

  it('does not write into a folder that holds other files, or into a file, and keeps them', async () => {
    const other = tempDir('rubric-not-export-');
    writeFileSync(join(other, 'letter.docx'), 'the only copy');
    const run = await exportTo(other);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('holds files that no export wrote');
    expect(readFileSync(join(other, 'letter.docx'), 'utf8')).toBe('the only copy');
    const file = await exportTo(join(other, 'letter.docx'));
    expect(file.code).toBe(2);
    expect(file.stderr).toContain('is a file, not a folder');
    expect(readFileSync(join(other, 'letter.docx'), 'utf8')).toBe('the only copy');
  });

  it('does not replace an earlier export to which something was added after it', async () => {
    const earlier = join(work, 'earlier');
    expect((await exportTo(earlier)).code).toBe(0);
    writeFileSync(join(earlier, 'CNAME'), 'rubrics.example\n');
    const run = await exportTo(earlier);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('(CNAME)');
    expect(readFileSync(join(earlier, 'CNAME'), 'utf8')).toBe('rubrics.example\n');
    expect(existsSync(join(earlier, 'criteria/2567-Q3/otop/index.html'))).toBe(true);
  });

  it('makes no database or key: a store or key that is not there is refused and nothing is written', async () => {
    const nowhere = join(work, 'no-such-store', 'editor.db');
    const run = await runCli('export', '--out', join(work, 'never'), '--db', nowhere, '--url', 'https://rubrics.example');
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`no database at ${nowhere}`);
    expect(existsSync(nowhere)).toBe(false);
    const keyless = await exportTo(join(work, 'never'), '--signing-key', join(work, 'no-such.key'));
    expect(keyless.code).toBe(1);
    expect(keyless.stderr).toContain('no signing key at');
    expect(existsSync(join(work, 'never'))).toBe(false);
  });

  it('refuses an --url that is not a site address', async () => {
    for (const url of ['ftp://cdd.go.th', 'https://cdd.go.th/rubrics', 'cdd.go.th']) {
      const run = await runCli('export', '--out', join(work, 'never'), '--db', db, '--url', url);
      expect(run.code, url).toBe(2);
      expect(run.stderr, url).toContain('--url must be');
    }
    const none = await runCli('export', '--out', join(work, 'never'), '--db', db);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('export needs --url');
    expect(existsSync(join(work, 'never'))).toBe(false);
  });

  it('leaves the last export as it was when a new one fails', async () => {
    const before = readFileSync(join(site, 'criteria/2567-Q3/otop/index.html'), 'utf8');
    // A store that cannot be read (a folder where the database file should be).
    const run = await runCli('export', '--out', site, '--db', work, '--signing-key', key, '--url', nginx.base);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('is unchanged');
    expect(readFileSync(join(site, 'criteria/2567-Q3/otop/index.html'), 'utf8')).toBe(before);
    expect((await get('/criteria/2567-Q3/otop')).status).toBe(200);
    expect(readdirSync(work).filter((name) => name.includes('.partial-') || name.includes('.previous-'))).toEqual([]);
  });

  it('replaces the last export whole with the next, which shows a revision published since', async () => {
    const store = openDb(db);
    valueOf(await openCorrection(store, { period: '2567-Q3', mission: 'women-fund', username: 'pat' }));
    valueOf(await publishDraft(store, { period: '2567-Q3', mission: 'women-fund', version: 1, username: 'pat', acknowledgeWarnings: true }));
    expect(await (await get('/criteria/2567-Q3/women-fund')).text()).toContain('ฉบับที่ ๑');
    const run = await runCli('export', '--out', site, '--db', db, '--url', nginx.base);
    expect(run.code).toBe(0);
    expect(await (await get('/criteria/2567-Q3/women-fund')).text()).toContain('ฉบับที่ ๒');
    expect((await get('/api/v1/periods/2567-Q3/missions/women-fund/r2.yaml')).status).toBe(200);
    expect(JSON.parse(await (await get('/api/v1/periods/2567-Q3/manifest.json')).text()).sequence).toBe(11);
    expect(readdirSync(work).filter((name) => name.includes('.partial-') || name.includes('.previous-'))).toEqual([]);
  });
});
