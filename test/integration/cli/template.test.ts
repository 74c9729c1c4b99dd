import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Workbook, Worksheet } from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cjsDefault } from '../../../engine/interop.js';
import { CDD_PROVINCES } from '../../../engine/provinces.js';
import {
  CHOICE_LIST_SHEET,
  INSTRUCTIONS_SHEET,
  PROVINCE_LIST_SHEET,
  buildTemplate,
  thaiPeriod,
  type TemplateResult,
} from '../../../engine/template.js';
import type { NumberFact, Rubric } from '../../../engine/types.js';
import { shippedRubrics } from '../../helpers.js';
import { tempDir } from '../../temp.js';
import { runCli } from './run.js';

const ExcelJS = cjsDefault<typeof import('exceljs')>(await import('exceljs'));
const PERIOD = '2567-Q3';
const rubrics = shippedRubrics().map((s) => s.rubric!);
const rubric = (mission: string) => rubrics.find((r) => r.mission === mission)!;
const GRADED = rubrics.filter((r) => r.grade).map((r) => r.mission);
const PROVINCE_RANGE = `'${PROVINCE_LIST_SHEET}'!$A$1:$A$76`;

async function workbookOf(result: TemplateResult): Promise<Workbook> {
  if ('problem' in result) throw new Error(result.problem.message.en);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(result.bytes as unknown as ArrayBuffer);
  return workbook;
}

function headers(sheet: Worksheet): string[] {
  const cells: string[] = [];
  sheet.getRow(3).eachCell((cell, column) => (cells[column - 1] = String(cell.value)));
  return cells;
}

/** The column letter whose header ends in "(factId)". */
function columnOf(sheet: Worksheet, id: string): string {
  const index = headers(sheet).findIndex((h) => h.endsWith(`(${id})`));
  if (index < 0) throw new Error(`no column for ${id}`);
  return String.fromCharCode(65 + index);
}

let workbook: Workbook;
beforeAll(async () => {
  workbook = await workbookOf(await buildTemplate(rubrics, { period: PERIOD }));
});

describe('buildTemplate', () => {
  it('writes the instructions first, a sheet per mission with criteria, and the hidden province list', () => {
    expect(workbook.worksheets.map((s) => s.name)).toEqual([INSTRUCTIONS_SHEET, ...GRADED, PROVINCE_LIST_SHEET]);
    expect(GRADED).not.toContain('food-security');
    expect(GRADED).not.toContain('poverty-center');
    expect(GRADED).toHaveLength(9);
    expect(workbook.getWorksheet(PROVINCE_LIST_SHEET)!.state).toBe('hidden');
    for (const mission of GRADED) expect(workbook.getWorksheet(mission)!.state).toBe('visible');

    const list = workbook.getWorksheet(PROVINCE_LIST_SHEET)!.getColumn(1).values.filter(Boolean);
    expect(list).toHaveLength(76);
    expect(new Set(list)).toEqual(new Set(CDD_PROVINCES.map((p) => p.th)));
    expect(list).not.toContain('กรุงเทพมหานคร');
  });

  it('writes the Thai instructions: purpose, period, one line per sheet, how to fill', () => {
    const text = workbook.getWorksheet(INSTRUCTIONS_SHEET)!.getColumn(1).values.filter(Boolean).join('\n');
    expect(text).toContain('ไตรมาส ๓/๒๕๖๗ (2567-Q3)');
    expect(text).toContain('ไฟล์นี้ใช้สำหรับ');
    for (const mission of GRADED) expect(text).toContain(`แผ่นงาน ${mission} — `);
    expect(text).toContain('แผ่นงาน otop — ภารกิจที่ ๕ โครงการหนึ่งตำบล หนึ่งผลิตภัณฑ์ (OTOP)');
    expect(text).toContain('ต้องไม่ซ้ำกัน');
    expect(text).toContain('เช่น 4.5');
    expect(text).toContain('ไม่ใช่ 0.045');
    expect(text).toContain('เลขไทย');
    expect(text).toContain('ห้ามแก้ไข ลบ หรือย้ายแถวหัวตาราง (แถวที่ ๓)');
  });

  it('titles each mission sheet with its Thai name and the period in Thai digits, merged and bold, above a hint', () => {
    const otop = workbook.getWorksheet('otop')!;
    expect(thaiPeriod(PERIOD)).toBe('ไตรมาส ๓/๒๕๖๗');
    expect(otop.getCell('A1').value).toBe('โครงการหนึ่งตำบล หนึ่งผลิตภัณฑ์ (OTOP) · ไตรมาส ๓/๒๕๖๗');
    expect(otop.getCell('A1').font.bold).toBe(true);
    expect(otop.model.merges).toEqual(expect.arrayContaining(['A1:E1', 'A2:E2']));
    expect(String(otop.getCell('A2').value)).toMatch(/^กรอกข้อมูลหนึ่งแถวต่อหนึ่งหน่วยงาน เริ่มแถวที่ ๔/);
  });

  it('writes the header of otop: id, province, district, then each fact with its id, percent marked ร้อยละ once', () => {
    const otop = workbook.getWorksheet('otop')!;
    expect(headers(otop)).toEqual([
      'รหัสหน่วยงาน (id)',
      'จังหวัด (province)',
      'อำเภอ (district)',
      'จำนวนผลิตภัณฑ์ OTOP ที่ลงทะเบียนเพิ่มขึ้นในไตรมาส (newProducts)',
      'ยอดจำหน่ายผลิตภัณฑ์ OTOP เพิ่มขึ้นเทียบกับไตรมาสเดียวกันของปี ๒๕๖๖ (ร้อยละ) (salesGrowthPct)',
    ]);
    expect(otop.getCell('D3').font.bold).toBe(true);
    expect(otop.getCell('D3').alignment.wrapText).toBe(true);
    expect(otop.getColumn(5).width).toBeGreaterThanOrEqual(20);
  });

  it('lets community-fund’s province fact take the province column’s place', () => {
    const sheet = workbook.getWorksheet('community-fund')!;
    const facts = rubric('community-fund').facts!;
    expect(headers(sheet)).toEqual([
      'รหัสหน่วยงาน (id)',
      'จังหวัด (province)',
      'อำเภอ (district)',
      `${facts.savingsGroupsPct!.label.th} (savingsGroupsPct)`,
      `${facts.memberGrowthPct!.label.th} (memberGrowthPct)`,
      `${facts.debtReliefPct!.label.th} (debtReliefPct)`,
    ]);
    expect(sheet.getCell('B4').dataValidation).toMatchObject({ type: 'list', formulae: [PROVINCE_RANGE] });
  });

  it('adds ร้อยละ to a percent fact whose label does not say it', async () => {
    const otop = structuredClone(rubric('otop'));
    otop.facts!.salesGrowthPct!.label.th = 'ยอดจำหน่ายเพิ่มขึ้น';
    const sheet = (await workbookOf(await buildTemplate([otop], { period: PERIOD }))).getWorksheet('otop')!;
    expect(headers(sheet)[4]).toBe('ยอดจำหน่ายเพิ่มขึ้น (ร้อยละ) (salesGrowthPct)');
  });

  it('gives yes/no columns the list ใช่,ไม่ใช่ and enum columns their Thai labels, over rows 4 to 1003', () => {
    const pracharat = workbook.getWorksheet('pracharat')!;
    const plan = columnOf(pracharat, 'followsPlan');
    for (const row of [4, 500, 1003]) {
      expect(pracharat.getCell(`${plan}${row}`).dataValidation).toMatchObject({ type: 'list', formulae: ['"ใช่,ไม่ใช่"'], showErrorMessage: true });
    }
    expect(pracharat.getCell(`${plan}1004`).dataValidation).toBeUndefined();
    expect(pracharat.getCell(`${plan}3`).dataValidation).toBeUndefined();
    expect(pracharat.getCell(`${plan}4`).dataValidation.error).toMatch(/ใช่/);
    expect(pracharat.getCell(`${plan}4`).dataValidation.prompt).toBeTruthy();

    const click = workbook.getWorksheet('click-chumchon')!;
    const records = columnOf(click, 'serviceRecords');
    expect(click.getCell(`${records}4`).dataValidation).toMatchObject({
      type: 'list',
      formulae: ['"เป็นปัจจุบันทุกบริการที่เกี่ยวข้อง,เป็นปัจจุบันกับบริการที่เกี่ยวข้อง อย่างน้อย ๑ ครั้ง,ไม่ได้บันทึก"'],
    });
  });

  it('refers the province column to the hidden list of 76 provinces', () => {
    const otop = workbook.getWorksheet('otop')!;
    expect(otop.getCell('B4').dataValidation).toMatchObject({ type: 'list', formulae: [PROVINCE_RANGE], errorStyle: 'stop' });
    expect(otop.getCell('B1003').dataValidation.formulae).toEqual([PROVINCE_RANGE]);
    expect(otop.getCell('C4').dataValidation).toBeUndefined();
  });

  it('checks integers as whole numbers from the fact’s min and numbers as decimals within min and max', () => {
    const otop = workbook.getWorksheet('otop')!;
    expect(otop.getCell('D4').dataValidation).toMatchObject({ type: 'whole', operator: 'greaterThanOrEqual', formulae: [0] });
    expect(otop.getCell('E4').dataValidation).toMatchObject({ type: 'decimal', operator: 'greaterThanOrEqual', formulae: [-100] });
    const click = workbook.getWorksheet('click-chumchon')!;
    expect(click.getCell(`${columnOf(click, 'officialsUsingPct')}4`).dataValidation).toMatchObject({
      type: 'decimal',
      operator: 'between',
      formulae: [0, 100],
    });
    expect(otop.getCell('D4').dataValidation.error).toContain('จำนวนเต็ม');
    expect(otop.getCell('E4').dataValidation.prompt).toContain('4.5');
  });

  it('formats integers as 0, numbers by their precision, percentages as the number itself, and id, province, district as text', async () => {
    const otop = workbook.getWorksheet('otop')!;
    expect(['A', 'B', 'C', 'D', 'E'].map((c) => otop.getColumn(c).numFmt)).toEqual(['@', '@', '@', '0', '0.00']);
    expect(otop.getColumn('E').numFmt).not.toContain('%');

    const synthetic = structuredClone(rubric('otop'));
    synthetic.facts!.ratio = { type: 'number', precision: 1, label: { th: 'อัตรา', en: 'Rate' } } satisfies NumberFact;
    synthetic.facts!.amount = { type: 'number', precision: 2, min: 0, max: 10, label: { th: 'จำนวนเงิน', en: 'Amount' } } satisfies NumberFact;
    const sheet = (await workbookOf(await buildTemplate([synthetic], { period: PERIOD }))).getWorksheet('otop')!;
    expect(sheet.getColumn(columnOf(sheet, 'ratio')).numFmt).toBe('0.0');
    expect(sheet.getColumn(columnOf(sheet, 'amount')).numFmt).toBe('0.00');
    expect(sheet.getCell(`${columnOf(sheet, 'amount')}4`).dataValidation).toMatchObject({ type: 'decimal', operator: 'between', formulae: [0, 10] });
    expect(headers(sheet)).toContain('อัตรา (ratio)');
  });

  it('freezes the panes below the header', () => {
    for (const mission of GRADED) {
      expect(workbook.getWorksheet(mission)!.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
    }
  });

  it('puts a list Excel cannot hold inline on a hidden sheet', async () => {
    const click = structuredClone(rubric('click-chumchon'));
    const records = click.facts!.serviceRecords!;
    if (records.type !== 'enum') throw new Error('serviceRecords is an enum');
    records.values[0]!.label.th = 'เป็นปัจจุบัน, ทุกบริการ';
    const book = await workbookOf(await buildTemplate([click], { period: PERIOD }));
    expect(book.worksheets.map((s) => s.name)).toEqual([INSTRUCTIONS_SHEET, 'click-chumchon', PROVINCE_LIST_SHEET, CHOICE_LIST_SHEET]);
    expect(book.getWorksheet(CHOICE_LIST_SHEET)!.state).toBe('hidden');
    const sheet = book.getWorksheet('click-chumchon')!;
    expect(sheet.getCell(`${columnOf(sheet, 'serviceRecords')}4`).dataValidation.formulae).toEqual([`'${CHOICE_LIST_SHEET}'!$A$1:$A$3`]);
    expect(book.getWorksheet(CHOICE_LIST_SHEET)!.getCell('A1').value).toBe('เป็นปัจจุบัน, ทุกบริการ');
  });

  it('answers with a problem, not a workbook, when no mission has criteria', async () => {
    const none = await buildTemplate([rubric('food-security'), rubric('poverty-center')], { period: PERIOD });
    expect(none).toEqual({ problem: { code: 'NO_GRADED_MISSION', message: { th: expect.stringContaining('food-security'), en: expect.stringContaining('no mission with criteria') } } });
    expect(await buildTemplate([], { period: PERIOD })).toMatchObject({ problem: { code: 'NO_GRADED_MISSION' } });
    expect(await buildTemplate([rubric('otop'), rubric('otop')], { period: PERIOD })).toMatchObject({ problem: { code: 'DUPLICATE_MISSION' } });
    const long: Rubric = { ...rubric('otop'), mission: 'a'.repeat(32) };
    expect(await buildTemplate([long], { period: PERIOD })).toMatchObject({ problem: { code: 'SHEET_NAME_TOO_LONG' } });
  });
});

describe('rubric template', () => {
  const dir = tempDir('rubric-template-');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** Runs `rubric <args…>` in this process, with the process's environment. */
  const rubric = (...args: string[]) => runCli(args, { env: process.env });

  async function sheetsOf(path: string): Promise<string[]> {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(readFileSync(path) as unknown as ArrayBuffer);
    return book.worksheets.map((s) => s.name);
  }

  it('writes one mission’s template', async () => {
    const path = join(dir, 'otop.xlsx');
    const run = await rubric('template', 'otop', '--period', PERIOD, '--out', path);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toContain(path);
    expect(await sheetsOf(path)).toEqual([INSTRUCTIONS_SHEET, 'otop', PROVINCE_LIST_SHEET]);
  });

  it('writes every mission with criteria with --all, skipping food-security and poverty-center', async () => {
    const path = join(dir, 'all.xlsx');
    const run = await rubric('template', '--all', '--period', PERIOD, '--out', path);
    expect(run.code).toBe(0);
    expect(await sheetsOf(path)).toEqual([INSTRUCTIONS_SHEET, ...GRADED, PROVINCE_LIST_SHEET]);
  });

  it('refuses a missing or non-.xlsx --out with usage (exit 2) and an unknown mission (exit 1), writing nothing', async () => {
    const before = readdirSync(dir);
    const noOut = await rubric('template', 'otop', '--period', PERIOD);
    expect(noOut.code).toBe(2);
    expect(noOut.stderr).toContain('--out');
    expect(noOut.stderr).toContain('rubric template <mission> --period <period> --out <file.xlsx>');

    const csv = await rubric('template', 'otop', '--period', PERIOD, '--out', join(dir, 'otop.csv'));
    expect(csv.code).toBe(2);
    expect(csv.stderr).toContain('.xlsx');
    expect(existsSync(join(dir, 'otop.csv'))).toBe(false);

    expect((await rubric('template', '--period', PERIOD, '--out', join(dir, 'x.xlsx'))).code).toBe(2);
    expect((await rubric('template', 'otop', '--all', '--period', PERIOD, '--out', join(dir, 'x.xlsx'))).code).toBe(2);
    expect((await rubric('template', 'otop', '--out', join(dir, 'x.xlsx'))).code).toBe(2);

    const unknown = await rubric('template', 'otpo', '--period', PERIOD, '--out', join(dir, 'otpo.xlsx'));
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('no rubric "otpo"');
    expect(unknown.stderr).toContain('missions: ');
    expect(unknown.stderr).toContain('otop');

    const draft = await rubric('template', 'food-security', '--period', PERIOD, '--out', join(dir, 'food.xlsx'));
    expect(draft.code).toBe(1);
    expect(draft.stderr).toContain('no criteria');

    const noPeriod = await rubric('template', '--all', '--period', '2599-Q1', '--out', join(dir, 'none.xlsx'));
    expect(noPeriod.code).toBe(1);
    expect(readdirSync(dir)).toEqual(before);
  });
});
