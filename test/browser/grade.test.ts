import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoOverflow, seriousViolations } from './axe.js';
import { launchChromium, startEditor, type Editor, previewDrawn } from './harness.js';
import { tempDir } from '../temp.js';

// The provinces' grading page in a real browser with no sign-in: upload the national sample
// workbook, see graded districts with their reasons and the province summary, check that the page
// grades with the published revision it names, export the results as .xlsx and .csv and read the
// grades back; then axe-core and a 390 px phone.
const NATIONAL = join(import.meta.dirname, '../fixtures/national');
const GRADE = '/grade/2567-Q3';

let editor: Editor;
let browser: Browser;
let context: BrowserContext;
let page: Page;

/** Opens the grading page and waits until the browser has compiled its missions. */
async function openGrade(p: Page): Promise<void> {
  await p.goto(`${editor.base}${GRADE}`);
  await p.locator('[data-testid=mission] option').first().waitFor({ state: 'attached', timeout: 30_000 });
}

/** Uploads a file and waits until its results are on the screen (the page counts each finished upload). */
async function upload(p: Page, file: string, dir = NATIONAL): Promise<void> {
  const uploads = async () => Number(await p.getAttribute('[data-testid=upload-status]', 'data-uploads'));
  const before = await uploads();
  await p.setInputFiles('[data-testid=upload]', join(dir, file));
  await expect.poll(uploads, { timeout: 30_000 }).toBe(before + 1);
  await previewDrawn(p);
}

/** A CSV's rows as cells: quoted cells may hold commas, quotes and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(cell), (cell = '');
    else if (c === '\n') row.push(cell.replace(/\r$/, '')), rows.push(row), (row = []), (cell = '');
    else cell += c;
  }
  return rows;
}

/** Each shown result row's id and grade (or status when it has none). */
const shownGrades = () =>
  page
    .locator('[data-testid=result-row]')
    .evaluateAll((rows) => Object.fromEntries(rows.map((r) => [r.querySelector('button.id')!.textContent!.trim(), r.getAttribute('data-grade') || r.getAttribute('data-status')])));

beforeAll(async () => {
  editor = await startEditor([]);
  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 1280, height: 1000 }, locale: 'th-TH', acceptDownloads: true, bypassCSP: true });
  page = await context.newPage();
  await openGrade(page);
}, 60_000);

afterAll(async () => {
  await browser?.close();
  editor?.stop();
});

describe('the grading page in Chromium, without a sign-in', () => {
  it('grades the national workbook with the published revisions: districts with reasons and a province summary', async () => {
    expect(page.url()).toBe(`${editor.base}${GRADE}`);
    // Nothing is sent to the server: no request carries a body while the file is read and graded.
    const sent: string[] = [];
    const watch = (r: { method(): string; url(): string; postData(): string | null }) => {
      if (r.method() !== 'GET' || r.postData()) sent.push(`${r.method()} ${r.url()}`);
    };
    page.on('request', watch);
    await upload(page, 'national-2567-Q3.xlsx');
    page.off('request', watch);
    expect(sent).toEqual([]);
    await page.selectOption('[data-testid=mission]', 'otop');
    expect(await page.textContent('[data-testid=result-count]')).toContain('จาก 878');
    const rows = page.locator('[data-testid=result-row]');
    expect(await rows.count()).toBe(200);
    const provinces = await rows.evaluateAll((r) => r.map((row) => row.getAttribute('data-province')));
    expect(provinces.every((p) => p !== '')).toBe(true);
    const reasons = await page.locator('[data-testid=result-row] td.reason').allTextContents();
    expect(reasons.every((r) => r.trim().length > 0)).toBe(true);
    // The summary names provinces of the file, with a count per grade.
    const rollup = page.locator('[data-testid=rollup]');
    expect(await rollup.textContent()).toContain(provinces[0]!);
    // The badge names the published revision and digest the table lists: no draft grades here.
    const listed = page.locator('[data-testid=grade-missions] tr[data-mission=otop]');
    const digest = (await listed.getAttribute('data-digest'))!;
    const revision = (await listed.getAttribute('data-revision'))!;
    const badge = await page.textContent('[data-testid=version]');
    expect(badge).toContain(`ฉบับเผยแพร่ที่ ${revision}`);
    expect(badge).toContain(digest.slice('sha256:'.length, 'sha256:'.length + 8));
  });

  it('opens a district explanation with a step to the next level', async () => {
    // otop-0002: 16 new products (A) but sales down 3.54 % (D).
    await page.locator('[data-testid=result-row]', { hasText: 'otop-0002' }).click();
    const panel = page.locator('[data-testid=explanation]');
    expect(await panel.getAttribute('data-id')).toBe('otop-0002');
    const steps = await panel.locator('[data-testid=step]').allTextContents();
    expect(steps.length).toBeGreaterThan(0);
    expect(steps[0]).toContain('2.01');
    await page.click('[data-testid=explanation-close]');
  });

  it('exports the results as .csv with the grades shown and the published revision and digest', async () => {
    const shown = await shownGrades();
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=export-csv]')]);
    expect(download.suggestedFilename()).toBe('results-2567-Q3.csv');
    const [header, ...rows] = parseCsv(readFileSync(await download.path(), 'utf8').replace(/^\uFEFF/, ''));
    const at = (name: string) => header!.indexOf(name);
    const otop = rows.filter((r) => r[at('ภารกิจ (mission)')] === 'otop');
    expect(otop).toHaveLength(878);
    const exported = Object.fromEntries(otop.map((r) => [r[at('รหัสหน่วยงาน (id)')], r[at('ระดับ (grade)')] || r[at('status')]]));
    for (const [id, grade] of Object.entries(shown)) expect(exported[id], id).toBe(grade);
    // Each grade's count in the file is the count the page's chart shows for it.
    for (const grade of ['A', 'B', 'C', 'D']) {
      const charted = Number(await page.locator(`[data-testid=distribution] figure[data-mission=otop] rect[data-outcome=${grade}]`).getAttribute('data-count'));
      expect(charted, grade).toBeGreaterThan(0);
      expect(otop.filter((r) => r[at('ระดับ (grade)')] === grade), grade).toHaveLength(charted);
    }
    const listed = page.locator('[data-testid=grade-missions] tr[data-mission=otop]');
    expect(new Set(otop.map((r) => r[at('ฉบับที่ (revision)')]))).toEqual(new Set([await listed.getAttribute('data-revision')]));
    expect(otop[0]!.join(',')).toContain((await listed.getAttribute('data-digest'))!);
  });

  it('exports the results as .xlsx with the same grades', async () => {
    const shown = await shownGrades();
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=export-xlsx]')]);
    expect(download.suggestedFilename()).toBe('results-2567-Q3.xlsx');
    const ExcelJS = (await import('exceljs')).default;
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(await download.path());
    const sheet = workbook.getWorksheet('otop')!;
    expect(sheet.actualRowCount).toBe(879);
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    const id = header.indexOf('รหัสหน่วยงาน (id)') + 1;
    const grade = header.indexOf('ระดับ (grade)') + 1;
    const read: Record<string, string> = {};
    sheet.eachRow((row, n) => {
      if (n > 1) read[String(row.getCell(id).value)] = String(row.getCell(grade).value ?? '');
    });
    for (const [unit, g] of Object.entries(shown)) if (['A', 'B', 'C', 'D'].includes(g!)) expect(read[unit], unit).toBe(g);
  });

  it("names the district and province of an id that is one district's name, and leaves any other id as it is", async () => {
    const dir = tempDir('rubric-grade-districts-');
    writeFileSync(join(dir, 'otop-by-district.csv'), 'id,newProducts,salesGrowthPct\nเกาะลันตา,5,4.5\nเฉลิมพระเกียรติ,5,4.5\notop-7001,5,4.5\n');
    await upload(page, 'otop-by-district.csv', dir);
    const rows = await page.locator('[data-testid=result-row]').evaluateAll((r) =>
      r.map((row) => [row.querySelector('button.id')!.textContent!.trim(), row.getAttribute('data-province'), row.children[2]!.hasAttribute('data-listed'), row.getAttribute('data-grade')]),
    );
    // เฉลิมพระเกียรติ is a district of several provinces: no one place, so none is shown.
    expect(rows).toEqual([
      ['เกาะลันตา', 'กระบี่', true, 'A'],
      ['เฉลิมพระเกียรติ', '', false, 'A'],
      ['otop-7001', '', false, 'A'],
    ]);
    // The exports carry the district and province the page shows.
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=export-csv]')]);
    const [header, ...lines] = parseCsv(readFileSync(await download.path(), 'utf8').replace(/^\uFEFF/, ''));
    const at = (name: string) => header!.indexOf(name);
    // The national workbook's other missions stay on the page, so their rows are in the file too.
    const placed = lines
      .filter((r) => r[at('ภารกิจ (mission)')] === 'otop' && ['เกาะลันตา', 'เฉลิมพระเกียรติ', 'otop-7001'].includes(r[at('รหัสหน่วยงาน (id)')]!))
      .map((r) => [r[at('รหัสหน่วยงาน (id)')], r[at('จังหวัด (province)')], r[at('อำเภอ (district)')]]);
    expect(placed).toEqual([
      ['เกาะลันตา', 'กระบี่', 'เกาะลันตา'],
      ['เฉลิมพระเกียรติ', '', ''],
      ['otop-7001', '', ''],
    ]);
  });

  it('has no serious or critical axe-core violation with results on the screen', async () => {
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('does not scroll sideways at 390 px, in Thai and in English', async () => {
    const phone = await browser.newContext({ viewport: { width: 390, height: 900 }, locale: 'th-TH', bypassCSP: true });
    for (const lang of ['th', 'en']) {
      await phone.addCookies([{ name: 'lang', value: lang, url: editor.base }]);
      const small = await phone.newPage();
      await openGrade(small);
      await upload(small, 'bad-rows-otop.csv');
      expect(await small.evaluate(() => document.documentElement.clientWidth)).toBe(390);
      expect(await seriousViolations(small), `grade (${lang}) at 390 px`).toEqual([]);
      await expectNoOverflow(small, `grade (${lang}) at 390 px`);
      await small.close();
    }
    await phone.close();
  });
});
