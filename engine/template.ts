// Blank data templates that provincial offices fill in: an .xlsx workbook with a sheet per mission
// (named after it, so a reader can pick it), Thai headers ending in the fact id, drop-down lists for
// yes/no, enum and province columns, number checks and formats, and a first sheet of instructions.
// This module writes the sheets; the columns and layout live beside it. Browser-safe: exceljs is
// imported lazily and nothing here needs node:.
import { cjsDefault } from './interop.js';
import { CDD_PROVINCES } from './provinces.js';
import { ChoiceLists, missionColumns, type TemplateColumn } from './template-columns.js';
import {
  CHOICE_LIST_SHEET,
  FIRST_DATA_ROW,
  HEADER_ROW,
  INSTRUCTIONS_SHEET,
  NO,
  PROVINCE_LIST_SHEET,
  SHEET_NAME_MAX,
  YES,
  dataRange,
  headerLines,
  letterOf,
  thaiDigits,
  thaiPeriod,
} from './template-layout.js';
import type { Rubric, Text } from './types.js';

export {
  CHOICE_LIST_SHEET,
  DATA_ROWS,
  DISTRICT_HEADER,
  FIRST_DATA_ROW,
  HEADER_ROW,
  ID_HEADER,
  INSTRUCTIONS_SHEET,
  NO,
  PROVINCE_HEADER,
  PROVINCE_LIST_SHEET,
  YES,
  factHeader,
  numberFormat,
  thaiDigits,
  thaiPeriod,
} from './template-layout.js';

type ExcelModule = typeof import('exceljs');
type Worksheet = import('exceljs').Worksheet;
type DataValidation = import('exceljs').DataValidation;

/** Why no template could be made: one clear message in Thai and English. */
export interface TemplateProblem {
  code: TemplateProblemCode;
  message: Text;
}

export type TemplateProblemCode = 'NO_PERIOD' | 'NO_GRADED_MISSION' | 'DUPLICATE_MISSION' | 'SHEET_NAME_TOO_LONG';

/** The workbook's bytes, or why there is none. */
export type TemplateResult = { bytes: Uint8Array } | { problem: TemplateProblem };

export interface TemplateOptions {
  /** The period the offices report for, e.g. 2567-Q3: written in each sheet's title. */
  period: string;
}

const HEADER_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } } as const;
const THIN = { style: 'thin', color: { argb: 'FF8EA9C1' } } as const;

function writeMissionSheet(sheet: Worksheet, rubric: Rubric, columns: TemplateColumn[], period: string): void {
  sheet.columns = columns.map((c) => ({ width: c.width, style: { numFmt: c.numFmt } }));
  const last = columns.length;

  const title = sheet.getCell(1, 1);
  title.value = `${rubric.name.th} · ${thaiPeriod(period)}`;
  title.font = { bold: true, size: 14 };
  title.alignment = { vertical: 'middle' };
  sheet.mergeCells(1, 1, 1, last);
  sheet.getRow(1).height = 24;

  const hint = sheet.getCell(2, 1);
  hint.value =
    `กรอกข้อมูลหนึ่งแถวต่อหนึ่งหน่วยงาน เริ่มแถวที่ ${thaiDigits(FIRST_DATA_ROW)} · รหัสหน่วยงานต้องไม่ซ้ำ · ` +
    `ร้อยละกรอกเป็นตัวเลข เช่น 4.5 (ไม่ใช่ 0.045) · ช่องใช่/ไม่ใช่และช่องรายการให้เลือกจากรายการ · ห้ามแก้ไขแถวหัวตาราง (แถวที่ ${thaiDigits(HEADER_ROW)})`;
  hint.font = { italic: true, color: { argb: 'FF595959' } };
  sheet.mergeCells(2, 1, 2, last);

  const header = sheet.getRow(HEADER_ROW);
  columns.forEach((column, i) => {
    const cell = header.getCell(i + 1);
    cell.value = column.header;
    cell.font = { bold: true };
    cell.alignment = { wrapText: true, vertical: 'top' };
    cell.fill = HEADER_FILL;
    cell.border = { top: THIN, bottom: THIN, left: THIN, right: THIN };
  });
  header.height = Math.max(...columns.map((c) => headerLines(c.header, c.width))) * 18 + 4;

  const validations = (sheet as unknown as { dataValidations: { add(address: string, validation: DataValidation): void } }).dataValidations;
  columns.forEach((column, i) => {
    if (column.validation) validations.add(dataRange(letterOf(i + 1)), column.validation);
  });
  sheet.views = [{ state: 'frozen', xSplit: 0, ySplit: HEADER_ROW, topLeftCell: `A${FIRST_DATA_ROW}`, activeCell: `A${FIRST_DATA_ROW}` }];
}

function writeInstructions(sheet: Worksheet, rubrics: readonly Rubric[], period: string): void {
  sheet.getColumn(1).width = 110;
  const line = (text: string, style: 'title' | 'heading' | 'text' = 'text') => {
    const row = sheet.addRow([text]);
    const cell = row.getCell(1);
    cell.alignment = { wrapText: true, vertical: 'top' };
    if (style === 'title') cell.font = { bold: true, size: 14 };
    if (style === 'heading') cell.font = { bold: true };
  };
  const first = FIRST_DATA_ROW;
  line(`แบบกรอกข้อมูลการจัดระดับภารกิจ กรมการพัฒนาชุมชน · ${thaiPeriod(period)}`, 'title');
  line(`ข้อมูลของ${thaiPeriod(period)} (${period})`);
  line(
    'ไฟล์นี้ใช้สำหรับ: สำนักงานพัฒนาชุมชนจังหวัดกรอกข้อมูลของแต่ละหน่วยงาน (อำเภอ) ตามตัวชี้วัดของแต่ละภารกิจ ' +
      'แล้วส่งกลับเพื่อจัดระดับ A/B/C/D ตามเกณฑ์ของไตรมาสนี้',
  );
  line('');
  line('แผ่นงานในไฟล์นี้ (หนึ่งแผ่นงานต่อหนึ่งภารกิจ ชื่อแผ่นงานคือรหัสภารกิจ):', 'heading');
  for (const rubric of rubrics) {
    const number = rubric.number !== undefined ? `ภารกิจที่ ${thaiDigits(rubric.number)} ` : '';
    const facts = Object.keys(rubric.facts ?? {}).length;
    line(`• แผ่นงาน ${rubric.mission} — ${number}${rubric.name.th} (เกณฑ์ฉบับที่ ${thaiDigits(rubric.revision)}, ข้อมูล ${thaiDigits(facts)} รายการ)`);
  }
  line('');
  line('วิธีกรอก:', 'heading');
  const steps = [
    `กรอกหนึ่งแถวต่อหนึ่งหน่วยงาน (หนึ่งอำเภอ) เริ่มที่แถวที่ ${thaiDigits(first)} ของแต่ละแผ่นงาน`,
    'รหัสหน่วยงาน (id) ต้องไม่ซ้ำกันในแผ่นงานเดียวกัน',
    'จังหวัด เลือกจากรายการในช่อง; อำเภอ พิมพ์ชื่ออำเภอ',
    'ช่องร้อยละ กรอกเป็นตัวเลขร้อยละ เช่น 4.5 หมายถึงร้อยละ ๔.๕ (ไม่ใช่ 0.045 และไม่ต้องพิมพ์เครื่องหมาย %)',
    `ช่องใช่/ไม่ใช่ และช่องที่มีรายการ ให้เลือกจากรายการในช่อง (กดลูกศรข้างช่อง) ช่องใช่/ไม่ใช่ มีเพียง "${YES}" หรือ "${NO}"`,
    'ตัวเลขพิมพ์เป็นเลขไทย (๐–๙) ได้ ถ้าโปรแกรมเตือนว่าไม่ใช่ตัวเลข กด "ใช่" เพื่อยืนยัน',
    'ช่องที่ไม่มีข้อมูลให้เว้นว่างไว้ หน่วยงานที่ขาดข้อมูลที่เกณฑ์ใช้จะไม่ได้รับการจัดระดับและจะแจ้งว่าขาดข้อมูลใด',
    `ห้ามแก้ไข ลบ หรือย้ายแถวหัวตาราง (แถวที่ ${thaiDigits(HEADER_ROW)}) และห้ามเปลี่ยนชื่อแผ่นงาน เพราะระบบอ่านข้อมูลจากหัวตารางและชื่อแผ่นงาน`,
  ];
  steps.forEach((step, i) => line(`${thaiDigits(i + 1)}. ${step}`));
}

/** Why no template can be made for these missions and period, or undefined when one can. */
function templateProblem(period: string, rubrics: readonly Rubric[], graded: readonly Rubric[]): TemplateProblem | undefined {
  if (period === '') {
    return { code: 'NO_PERIOD', message: { th: 'ต้องระบุไตรมาส เช่น 2567-Q3', en: 'a period is needed, e.g. 2567-Q3' } };
  }
  if (graded.length === 0) {
    const named = rubrics.map((r) => r.mission).join(', ');
    return {
      code: 'NO_GRADED_MISSION',
      message: {
        th: `ไม่มีภารกิจที่มีเกณฑ์ให้ทำแบบกรอกข้อมูล${named ? ` (${named} ยังไม่มีเกณฑ์)` : ''}`,
        en: `no mission with criteria to make a template for${named ? ` (${named} has no criteria)` : ''}`,
      },
    };
  }
  const seen = new Set<string>();
  for (const rubric of graded) {
    if (seen.has(rubric.mission)) {
      return { code: 'DUPLICATE_MISSION', message: { th: `ภารกิจ ${rubric.mission} ซ้ำกัน`, en: `mission ${rubric.mission} is given twice` } };
    }
    seen.add(rubric.mission);
    if (rubric.mission.length > SHEET_NAME_MAX) {
      return {
        code: 'SHEET_NAME_TOO_LONG',
        message: {
          th: `รหัสภารกิจ ${rubric.mission} ยาวเกิน ${thaiDigits(SHEET_NAME_MAX)} ตัวอักษร จึงใช้เป็นชื่อแผ่นงานไม่ได้`,
          en: `mission id ${rubric.mission} is longer than ${SHEET_NAME_MAX} characters, the most a sheet name may have`,
        },
      };
    }
  }
  return undefined;
}

/**
 * A blank template for the given missions and period: a first sheet of instructions, a sheet per
 * mission with criteria (named after the mission), and a hidden sheet of the provinces. A mission
 * without a grade rule is left out; with none left, the answer is a problem, not a workbook.
 */
export async function buildTemplate(rubrics: readonly Rubric[], options: TemplateOptions): Promise<TemplateResult> {
  const period = options.period.trim();
  const graded = rubrics.filter((r) => r.grade);
  const refused = templateProblem(period, rubrics, graded);
  if (refused) return { problem: refused };

  const ExcelJS = cjsDefault<ExcelModule>(await import('exceljs'));
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'CDD rubric engine';
  workbook.title = `แบบกรอกข้อมูล ${period}`;
  writeInstructions(workbook.addWorksheet(INSTRUCTIONS_SHEET), graded, period);

  const choices = new ChoiceLists();
  for (const rubric of graded) {
    const sheet = workbook.addWorksheet(rubric.mission);
    writeMissionSheet(sheet, rubric, missionColumns(rubric, choices), period);
  }

  const provinces = workbook.addWorksheet(PROVINCE_LIST_SHEET, { state: 'hidden' });
  const collator = new Intl.Collator('th');
  const names = CDD_PROVINCES.map((p) => p.th).sort(collator.compare);
  names.forEach((name, i) => (provinces.getCell(i + 1, 1).value = name));
  provinces.getColumn(1).width = 24;

  if (choices.lists.length > 0) {
    const lists = workbook.addWorksheet(CHOICE_LIST_SHEET, { state: 'hidden' });
    choices.lists.forEach((items, c) => items.forEach((item, r) => (lists.getCell(r + 1, c + 1).value = item)));
  }

  const buffer = await workbook.xlsx.writeBuffer();
  return { bytes: new Uint8Array(buffer as ArrayBuffer) };
}
