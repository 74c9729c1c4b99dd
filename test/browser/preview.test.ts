import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS, launchChromium, startEditor, type Editor, signInPage, previewDrawn } from './harness.js';
import { tempDir } from '../temp.js';

// A tester's preview in a real browser against the built editor: upload the national sample
// workbook, grade every mission in the browser, read one explanation, filter, export the results
// and read the workbook back, then upload a file of bad rows and find each problem where it is.
// Then files of the office corpus (test/fixtures/office), read by the engine's one reader as the
// CLI reads them: Excel percent cells on Thai-named sheets, a Windows-874 CSV, bad cells named by
// their cell, a file that cannot be read at all; and the blank template, downloaded and read back.
const USERS = [{ username: 'tess', role: 'viewer', password: 'tester-pass-1' }];
const NATIONAL = join(import.meta.dirname, '../fixtures/national');
const OFFICE = join(import.meta.dirname, '../fixtures/office');
type Grades = Record<string, string>;
const EXPECTED = JSON.parse(readFileSync(join(OFFICE, 'expected.json'), 'utf8')) as Record<string, { mission: string | null; grades: Grades | Record<string, Grades> }>;
const PREVIEW = '/p/2567-Q3/preview';

let editor: Editor;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  editor = await startEditor(USERS);
  browser = await launchChromium();
  const context = await browser.newContext({ viewport: { width: 1500, height: 1000 }, locale: 'th-TH', acceptDownloads: true });
  page = await context.newPage();
  await signInPage(page, editor, { username: 'tess', password: 'tester-pass-1' });
  await Promise.all([page.waitForURL(`${editor.base}${PREVIEW}`), page.click('a[href="/p/2567-Q3/preview"]')]);
  await page.waitForSelector('[data-testid=upload]', { timeout: 30_000 });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  editor?.stop();
});

/** Uploads a file and waits until its results are on the screen (the page counts each finished upload). */
async function upload(file: string, dir = NATIONAL): Promise<void> {
  const uploads = async () => Number(await page.getAttribute('[data-testid=upload-status]', 'data-uploads'));
  const before = await uploads();
  await page.setInputFiles('[data-testid=upload]', join(dir, file));
  await expect.poll(uploads, { timeout: 30_000 }).toBe(before + 1);
  await previewDrawn(page);
}

const count = () => page.textContent('[data-testid=result-count]');
const rowAttributes = (name: string) => page.locator('[data-testid=result-row]').evaluateAll((rows, n) => rows.map((r) => r.getAttribute(n)), name);
/** Each result row's id and outcome (its grade, or unmatched / error), as expected.json writes them. */
const grades = () =>
  page
    .locator('[data-testid=result-row]')
    .evaluateAll((rows) => Object.fromEntries(rows.map((r) => [r.querySelector('button.id')!.textContent!.trim(), r.getAttribute('data-status') === 'graded' ? r.getAttribute('data-grade') : r.getAttribute('data-status')])));
const reportLines = () => page.locator('[data-testid=import-line]').allTextContents();
const shot = (name: string) => page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });

describe('the preview page in Chromium', () => {
  it('grades all 878 districts of the national sample workbook for otop', async () => {
    await upload('national-2567-Q3.xlsx');
    await page.selectOption('[data-testid=mission]', 'otop');
    expect(await count()).toContain('แสดง 1–200 จาก 878');
    expect(await count()).toContain('แสดง 1–200 จาก 878');
    expect(await page.locator('[data-testid=result-row]').count()).toBe(200);
    await page.click('[data-testid=page-next]');
    expect(await count()).toContain('แสดง 201–400 จาก 878');
    expect((await rowAttributes('data-province')).every((p) => p !== '')).toBe(true);
    await page.click('[data-testid=page-prev]');
    // Every sheet named after a mission was graded: nine missions with criteria.
    expect(await page.locator('[data-testid=distribution] figure').count()).toBe(9);
    await shot('preview-01-national');
  });

  it('opens the explanation of one district with its bands and a step to the next level', async () => {
    // otop-0002: 16 new products (A) but sales down 3.54 % (D).
    await page.locator('[data-testid=result-row]', { hasText: 'otop-0002' }).click();
    const panel = page.locator('[data-testid=explanation]');
    expect(await panel.getAttribute('data-id')).toBe('otop-0002');
    const sales = panel.locator('[data-testid=trace-criterion][data-criterion=salesGrowth]');
    expect(await sales.locator('li').count()).toBe(4);
    expect(await sales.locator('li[data-matched=true]').textContent()).toContain('< 2');
    const steps = await panel.locator('[data-testid=step]').allTextContents();
    expect(steps).toHaveLength(1);
    // The nearest value that reaches a better band: 2.01 for C.
    expect(steps[0]).toContain('ยอดจำหน่ายผลิตภัณฑ์ OTOP เพิ่มขึ้น');
    expect(steps[0]).not.toContain('salesGrowthPct');
    expect(steps[0]).toContain('2.01');
    await shot('preview-02-explanation');
    await page.click('[data-testid=explanation-close]');
  });

  it('filters to grade D and shows only D rows, on every page', async () => {
    const expected = Number(await page.locator('[data-testid=distribution] figure[data-mission=otop] rect[data-outcome=D]').getAttribute('data-count'));
    expect(expected).toBeGreaterThan(200);
    await page.selectOption('[data-testid=filter-grade]', 'D');
    expect(await count()).toContain(`จาก ${expected}`);
    let seen = 0;
    for (;;) {
      const grades = await rowAttributes('data-grade');
      expect(new Set(grades)).toEqual(new Set(['D']));
      seen += grades.length;
      if (await page.locator('[data-testid=page-next]').isDisabled()) break;
      await page.click('[data-testid=page-next]');
    }
    expect(seen).toBe(expected);
    await page.selectOption('[data-testid=filter-grade]', 'all');
  });

  it('exports the results as a workbook with Thai headers and each rubric digest', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=export-xlsx]')]);
    expect(download.suggestedFilename()).toBe('results-2567-Q3.xlsx');
    const ExcelJS = (await import('exceljs')).default;
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(await download.path());
    const otop = workbook.getWorksheet('otop')!;
    const header = (otop.getRow(1).values as unknown[]).slice(1);
    expect(header).toContain('ระดับ (grade)');
    expect(otop.actualRowCount).toBe(879);
    const digest = otop.getRow(2).getCell(header.indexOf('digest') + 1).value;
    expect(digest).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  it('shows each problem of a file of bad rows at its row and column, and grades the good row', async () => {
    await upload('bad-rows-otop.csv');
    expect(await page.inputValue('[data-testid=mission]')).toBe('otop');
    const problems = await page
      .locator('[data-testid=problem]')
      .evaluateAll((rows) => rows.map((r) => [Number(r.getAttribute('data-row')), r.getAttribute('data-column'), r.getAttribute('data-code')]));
    expect(problems).toEqual([
      [3, 'salesGrowthPct', 'MISSING_FACT'],
      [4, 'newProducts', 'NOT_A_NUMBER'],
      [5, 'id', 'DUPLICATE_ID'],
      [6, 'id', 'DUPLICATE_ID'],
      [7, 'newProducts', 'OUT_OF_RANGE'],
    ]);
    // The unreadable count is a cell error naming its cell; the reader's report says so too.
    expect(await page.getAttribute('[data-testid=problem][data-row="4"]', 'data-cell')).toBe('D4');
    expect(await page.locator('[data-testid=column-warning]').evaluateAll((w) => w.map((e) => e.getAttribute('data-column')))).toEqual(['extra']);
    expect((await reportLines()).join('\n')).toContain('คอลัมน์ที่ไม่ได้ใช้: extra');
    expect(await count()).toContain('จาก 6');
    expect(await rowAttributes('data-status')).toEqual(['graded', 'error', 'error', 'error', 'error', 'error']);
    expect((await rowAttributes('data-grade'))[0]).toBe('A');
    await shot('preview-03-bad-rows');
  });
  it('reads an OTOP workbook of Excel percent cells on a Thai-named sheet, with the id column chosen, as expected.json grades it', async () => {
    const file = 'otop-lampang-percent-format.xlsx';
    await upload(file, OFFICE);
    // One sheet, "โอท็อป": the file goes to the mission its header names.
    expect(await page.inputValue('[data-testid=mission]')).toBe('otop');
    expect(await page.textContent('[data-testid=single-file]')).toContain(file);
    expect(await page.locator('[data-testid=sheet]').count()).toBe(0);
    const report = (await reportLines()).join('\n');
    expect(report).toContain('แผ่นงาน "โอท็อป" หัวตารางแถวที่ 3, ข้อมูล 13 แถว');
    expect(report).toMatch(/salesGrowthPct \(คอลัมน์ E\) 13 เซลล์: เซลล์รูปแบบเปอร์เซ็นต์ของ Excel/);
    // "รหัสอำเภอ" is not a header the reader takes for the id by itself: rows are numbered until it is chosen.
    expect(report).toContain('ไม่มีคอลัมน์รหัสหน่วยงาน (id)');
    expect(await page.textContent('[data-testid=id-column] option[value=""]')).toContain("ไม่มี: ใช้ลำดับแถว");
    expect(Object.keys(await grades())[0]).toBe('#1');
    await page.selectOption('[data-testid=id-column]', 'A');
    await expect.poll(grades).toEqual(EXPECTED[file]!.grades);
    await previewDrawn(page);
    expect((await reportLines()).join('\n')).not.toContain('ไม่มีคอลัมน์รหัสหน่วยงาน');
    // Province and district come from the file's columns, and the roll-up uses them.
    expect(new Set(await rowAttributes('data-province'))).toEqual(new Set(['ลำปาง']));
    expect(await page.locator('[data-testid=rollup] g[data-province]').evaluateAll((g) => g.map((e) => e.getAttribute('data-province')))).toEqual(['ลำปาง']);
    await shot('preview-04-percent-workbook');
  });

  it('picks each mission sheet of a workbook by its Thai name, and lets a sheet be chosen by hand', async () => {
    const file = 'chiangrai-missions-thai-names.xlsx';
    await upload(file, OFFICE);
    const wanted = EXPECTED[file]!.grades as Record<string, Grades>;
    expect(await page.locator('[data-testid=distribution] figure').count()).toBeGreaterThanOrEqual(Object.keys(wanted).length);
    for (const [mission, expected] of Object.entries(wanted)) {
      await page.selectOption('[data-testid=mission]', mission);
      await expect.poll(grades).toEqual(expected);
      await previewDrawn(page);
      expect(await page.getAttribute('[data-testid=import-report]', 'data-mission')).toBe(mission);
    }
    await page.selectOption('[data-testid=mission]', 'community-fund');
    expect(await page.inputValue('[data-testid=sheet]')).toBe('');
    expect(await page.textContent('[data-testid=sheet] option[value=""]')).toContain('กองทุนชุมชน');
    await page.selectOption('[data-testid=mission]', 'women-fund');
    expect((await reportLines()).join('\n')).toMatch(/overdueDebtPct \(คอลัมน์ [A-Z]+\) 18 เซลล์: เซลล์รูปแบบเปอร์เซ็นต์ของ Excel/);
    // Women's fund read from the community fund's sheet by hand: its facts have no columns there.
    await page.selectOption('[data-testid=sheet]', 'กองทุนชุมชน');
    await expect.poll(() => page.locator('[data-testid=mission-problem][data-mission=women-fund]').getAttribute('data-code')).toBe('NO_HEADER');
    await page.selectOption('[data-testid=sheet]', '');
    await expect.poll(grades).toEqual(wanted['women-fund']);
    await previewDrawn(page);
    expect(await page.locator('[data-testid=mission-problem]').count()).toBe(0);
  });

  it('reads a Windows-874 CSV with Thai province names intact', async () => {
    const file = 'community-fund-central-windows874-cr.csv';
    await upload(file, OFFICE);
    expect(await page.inputValue('[data-testid=mission]')).toBe('community-fund');
    expect((await reportLines()).join('\n')).toContain('Windows-874/TIS-620');
    await page.selectOption('[data-testid=id-column]', 'A');
    await expect.poll(grades).toEqual(EXPECTED[file]!.grades);
    await previewDrawn(page);
    const provinces = await rowAttributes('data-province');
    // จ.สมุทรปราการ, จังหวัดนนทบุรี and Phra Nakhon Si Ayutthaya are read as the provinces' names.
    expect(provinces).toContain('สมุทรปราการ');
    expect(provinces).toContain('นนทบุรี');
    expect(provinces).toContain('พระนครศรีอยุธยา');
    const text = (await page.textContent('[data-testid=results]'))! + (await page.textContent('[data-testid=rollup]'))!;
    expect(text).toContain('สมุทรปราการ');
    expect(text).not.toContain('\uFFFD');
    expect(await page.locator('[data-testid=rollup] g[data-province="สมุทรปราการ"]').count()).toBe(1);
  });

  it('shows each unreadable cell of a workbook by its cell reference and column, and grades the other rows', async () => {
    const file = 'otop-phrae-bad-cells.xlsx';
    await upload(file, OFFICE);
    await page.selectOption('[data-testid=id-column]', 'A');
    await expect.poll(grades).toEqual(EXPECTED[file]!.grades);
    await previewDrawn(page);
    const problems = await page
      .locator('[data-testid=problem]')
      .evaluateAll((rows) => rows.map((r) => [Number(r.getAttribute('data-row')), r.getAttribute('data-cell'), r.getAttribute('data-column'), r.getAttribute('data-code')]));
    expect(problems).toEqual([
      [6, 'D6', 'salesGrowthPct', 'AMBIGUOUS_NUMBER'],
      [9, 'C9', 'newProducts', 'AMBIGUOUS_NUMBER'],
    ]);
    const d6 = (await page.textContent('[data-testid=problem][data-cell=D6]'))!;
    expect(d6).toContain('เซลล์ D6');
    expect(d6).toContain('"4,5"');
    expect((await reportLines()).join('\n')).toContain('เซลล์ที่อ่านไม่ได้ 2 เซลล์');
    await shot('preview-05-bad-cells');
  });

  it('says in the page\'s language why a file cannot be read, and keeps the results already shown', async () => {
    const before = await count();
    await upload('otop-excel-97-2003.xls', OFFICE);
    const message = (await page.textContent('[data-testid=file-error]'))!;
    expect(message).toContain('Excel 97–2003');
    expect(message).toContain('ซึ่งอ่านไม่ได้');
    expect(message).not.toMatch(/at .*\.js:\d+|Error:/);
    expect(await count()).toBe(before);
    expect(await page.inputValue('[data-testid=mission]')).toBe('otop');
  });

  it('downloads a blank template of every mission, which the same reader reads back as sheets with no rows yet', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=template-download]')]);
    expect(download.suggestedFilename()).toBe('template-2567-Q3.xlsx');
    const dir = tempDir('rubric-preview-template-');
    await download.saveAs(join(dir, download.suggestedFilename()));
    const bytes = readFileSync(join(dir, download.suggestedFilename()));
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    const ExcelJS = (await import('exceljs')).default;
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    const sheets = workbook.worksheets.map((w) => w.name);
    expect(sheets[0]).toBe('คำแนะนำ');
    for (const mission of ['otop', 'women-fund', 'community-fund', 'pracharat']) expect(sheets).toContain(mission);
    await upload('template-2567-Q3.xlsx', dir);
    const codes = await page.locator('[data-testid=mission-problem]').evaluateAll((p) => p.map((e) => e.getAttribute('data-code')));
    expect(codes.length).toBe(9);
    expect(new Set(codes)).toEqual(new Set(['NO_ROWS']));
  });

  it('shows the import report in English in English mode', async () => {
    await page.goto(`${editor.base}/lang?to=en&back=${encodeURIComponent(PREVIEW)}`);
    await page.waitForSelector('[data-testid=upload]');
    await upload('otop-lampang-percent-format.xlsx', OFFICE);
    const report = (await reportLines()).join('\n');
    expect(report).toContain('sheet "โอท็อป", header on row 3, 13 rows');
    expect(report).toMatch(/salesGrowthPct \(column E\), 13 cells: an Excel percent-formatted cell/);
    expect(report).not.toContain('เซลล์');
    await page.goto(`${editor.base}/lang?to=th&back=${encodeURIComponent(PREVIEW)}`);
  });

  it("downloads one mission's blank template from the mission's page", async () => {
    await page.goto(`${editor.base}/p/2567-Q3/otop`);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=template-download]')]);
    expect(download.suggestedFilename()).toBe('template-2567-Q3-otop.xlsx');
    const bytes = readFileSync(await download.path());
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    const ExcelJS = (await import('exceljs')).default;
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((w) => w.name).filter((n) => n !== 'คำแนะนำ' && !n.startsWith('รายการ') && n !== 'รายชื่อจังหวัด')).toEqual(['otop']);
  });
});
