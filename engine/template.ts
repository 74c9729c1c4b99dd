// Blank data templates that provincial offices fill in: an .xlsx workbook with a sheet per mission
// (named after it, so a reader can pick it), Thai headers ending in the fact id, drop-down lists for
// yes/no, enum and province columns, number checks and formats, and a first sheet of instructions.
// Browser-safe: exceljs is imported lazily and nothing here needs node:.
import { cjsDefault } from './interop.js';
import { CDD_PROVINCES } from './provinces.js';
import type { Fact, Rubric, Text } from './types.js';
import { columnLetter } from './import/table.js';

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

/** The first sheet: what the file is for and how to fill it. */
export const INSTRUCTIONS_SHEET = 'คำแนะนำ';
/** The hidden sheet holding the provinces a province column's list refers to. */
export const PROVINCE_LIST_SHEET = 'รายชื่อจังหวัด';
/** The hidden sheet holding lists too long (or with commas) to write inside a validation. */
export const CHOICE_LIST_SHEET = 'รายการเลือก';

/** The row of the header in each mission sheet; data starts on the row below it. */
export const HEADER_ROW = 3;
export const FIRST_DATA_ROW = 4;
/** How many data rows carry the checks (4 … 1003). */
export const DATA_ROWS = 1000;

export const ID_HEADER = 'รหัสหน่วยงาน (id)';
export const PROVINCE_HEADER = 'จังหวัด (province)';
export const DISTRICT_HEADER = 'อำเภอ (district)';
export const YES = 'ใช่';
export const NO = 'ไม่ใช่';

const PERCENT_WORD = 'ร้อยละ';
/** Excel's limits: sheet names, an inline list, a prompt and its title, an error message. */
const SHEET_NAME_MAX = 31;
const INLINE_LIST_MAX = 255;
const TITLE_MAX = 32;
const PROMPT_MAX = 255;
const ERROR_MAX = 225;
/** Bounds for number checks that declare no range (Excel holds 15 significant digits). */
const NUMBER_LIMIT = 1e15;

/** Arabic digits written as Thai digits: 2567 → ๒๕๖๗. */
export function thaiDigits(text: string | number): string {
  return String(text).replace(/[0-9]/g, (d) => String.fromCharCode(0x0e50 + Number(d)));
}

/** A period as a Thai title: 2567-Q3 → ไตรมาส ๓/๒๕๖๗; any other text is kept, in Thai digits. */
export function thaiPeriod(period: string): string {
  const match = /^(\d{4})-Q([1-4])$/.exec(period.trim());
  return match ? `ไตรมาส ${thaiDigits(match[2]!)}/${thaiDigits(match[1]!)}` : thaiDigits(period.trim());
}

/** One column of a mission sheet. */
interface TemplateColumn {
  header: string;
  width: number;
  numFmt: string;
  validation?: DataValidation;
}

/** The header of a fact's column: its Thai label, ร้อยละ for a percentage (unless the label says so), its id. */
export function factHeader(id: string, fact: Fact): string {
  const label = fact.label.th.trim();
  const percent = (fact.type === 'number' || fact.type === 'integer') && fact.unit === 'percent' && !label.includes(PERCENT_WORD);
  return `${label}${percent ? ` (${PERCENT_WORD})` : ''} (${id})`;
}

/** The number format of a number with `precision` decimals: 0 → "0", 2 → "0.00". */
export function numberFormat(precision: number): string {
  const places = Math.max(0, Math.min(15, Math.trunc(precision)));
  return places === 0 ? '0' : `0.${'0'.repeat(places)}`;
}

/** The characters of a text that take width: Thai vowel and tone marks above or below take none. */
function visibleLength(text: string): number {
  return text.replace(/[\u0E31\u0E34-\u0E3A\u0E47-\u0E4E]/g, '').length;
}

/** How wide a column must be for its header wrapped over at most about three lines. */
function headerWidth(header: string): number {
  return Math.max(14, Math.min(40, Math.ceil(visibleLength(header) / 3) + 2));
}

/** The lines a header wraps to in a column of `width`. */
function headerLines(header: string, width: number): number {
  return Math.max(1, Math.ceil(visibleLength(header) / Math.max(1, width - 2)));
}

const clip = (text: string, max: number) => (text.length <= max ? text : text.slice(0, max - 1) + '…');

/** A value the user types, in a message: a plain number (users type Arabic digits). */
const shown = (value: number) => String(value);

/** The range of a column's data rows, e.g. D4:D1003. */
function dataRange(letter: string): string {
  return `${letter}${FIRST_DATA_ROW}:${letter}${FIRST_DATA_ROW + DATA_ROWS - 1}`;
}

/** Excel's name for a 1-based column number: 1 → A, 27 → AA. */
function letterOf(column: number): string {
  return columnLetter(column - 1);
}

/** Lists that cannot be written inside a validation, placed in columns of the hidden choice sheet. */
class ChoiceLists {
  readonly lists: string[][] = [];

  /** A validation formula for the list: inline when Excel allows it, else a range of the hidden sheet. */
  formula(items: readonly string[]): string {
    const inline = `"${items.join(',')}"`;
    if (items.every((item) => !/[,"]/.test(item)) && inline.length - 2 <= INLINE_LIST_MAX) return inline;
    this.lists.push([...items]);
    const letter = letterOf(this.lists.length);
    return `'${CHOICE_LIST_SHEET}'!$${letter}$1:$${letter}$${items.length}`;
  }
}

function listValidation(formula: string, promptTitle: string, prompt: string, error: string): DataValidation {
  return {
    type: 'list',
    allowBlank: true,
    formulae: [formula],
    showInputMessage: true,
    promptTitle: clip(promptTitle, TITLE_MAX),
    prompt: clip(prompt, PROMPT_MAX),
    showErrorMessage: true,
    errorStyle: 'stop',
    errorTitle: clip('ค่าไม่อยู่ในรายการ', TITLE_MAX),
    error: clip(error, ERROR_MAX),
  };
}

/**
 * A number check. Its error is a warning, not a stop: a figure typed in Thai digits (๔.๕) is text
 * to Excel but reads as a number, so the office may keep it.
 */
function numberValidation(type: 'whole' | 'decimal', min: number | undefined, max: number | undefined, title: string, prompt: string, error: string): DataValidation {
  const base = {
    type,
    allowBlank: true,
    showInputMessage: true,
    promptTitle: clip(title, TITLE_MAX),
    prompt: clip(prompt, PROMPT_MAX),
    showErrorMessage: true,
    errorStyle: 'warning',
    errorTitle: clip('ตัวเลขไม่ถูกต้อง', TITLE_MAX),
    error: clip(`${error} (ถ้าพิมพ์เป็นเลขไทย กด "ใช่" เพื่อยืนยันได้)`, ERROR_MAX),
  } as const;
  if (min !== undefined && max !== undefined) return { ...base, operator: 'between', formulae: [min, max] };
  if (min !== undefined) return { ...base, operator: 'greaterThanOrEqual', formulae: [min] };
  if (max !== undefined) return { ...base, operator: 'lessThanOrEqual', formulae: [max] };
  return { ...base, operator: 'between', formulae: [-NUMBER_LIMIT, NUMBER_LIMIT] };
}

/** The range words of a number check: "ตั้งแต่ 0 ถึง 100", "ตั้งแต่ 0 ขึ้นไป", "" when unbounded. */
function rangeWords(min: number | undefined, max: number | undefined): string {
  if (min !== undefined && max !== undefined) return ` ตั้งแต่ ${shown(min)} ถึง ${shown(max)}`;
  if (min !== undefined) return ` ตั้งแต่ ${shown(min)} ขึ้นไป`;
  if (max !== undefined) return ` ไม่เกิน ${shown(max)}`;
  return '';
}

const PROVINCE_VALIDATION = (): DataValidation =>
  listValidation(
    `'${PROVINCE_LIST_SHEET}'!$A$1:$A$${CDD_PROVINCES.length}`,
    'จังหวัด',
    `เลือกจังหวัดจากรายการ (${thaiDigits(CDD_PROVINCES.length)} จังหวัดที่มีสำนักงานพัฒนาชุมชนจังหวัด)`,
    'ชื่อจังหวัดต้องตรงกับรายการ โปรดเลือกจากรายการในช่องนี้',
  );

/** A fact's column: header, format and check. */
function factColumn(id: string, fact: Fact, choices: ChoiceLists): TemplateColumn {
  const header = factHeader(id, fact);
  const width = headerWidth(header);
  switch (fact.type) {
    case 'boolean':
      return {
        header,
        width,
        numFmt: '@',
        validation: listValidation(`"${YES},${NO}"`, 'ใช่ / ไม่ใช่', `เลือก "${YES}" หรือ "${NO}" จากรายการ`, `ช่องนี้ต้องเป็น "${YES}" หรือ "${NO}" โปรดเลือกจากรายการ`),
      };
    case 'enum': {
      const labels = fact.values.map((v) => v.label.th);
      return {
        header,
        width: Math.max(width, Math.min(40, Math.max(...labels.map((l) => visibleLength(l) + 2)))),
        numFmt: '@',
        validation: listValidation(choices.formula(labels), 'เลือกจากรายการ', `เลือกหนึ่งค่า: ${labels.join(' / ')}`, 'ค่านี้ไม่อยู่ในรายการ โปรดเลือกจากรายการในช่องนี้'),
      };
    }
    case 'integer': {
      const unit = fact.unit === 'percent' ? PERCENT_WORD : fact.unit?.th;
      const words = `จำนวนเต็ม${rangeWords(fact.min, fact.max)}`;
      return {
        header,
        width,
        numFmt: '0',
        validation: numberValidation('whole', fact.min, fact.max, 'จำนวนเต็ม', `${words}${unit ? ` (หน่วย: ${unit})` : ''}`, `ต้องเป็น${words}`),
      };
    }
    case 'number': {
      const percent = fact.unit === 'percent';
      const unit = typeof fact.unit === 'object' ? fact.unit.th : undefined;
      const words = `ตัวเลข${rangeWords(fact.min, fact.max)}`;
      const prompt = percent
        ? `ร้อยละเป็นตัวเลข เช่น 4.5 หมายถึงร้อยละ ๔.๕ (ไม่ใช่ 0.045 และไม่ต้องใส่ %)${rangeWords(fact.min, fact.max)}`
        : `${words}${fact.precision > 0 ? ` ทศนิยม ${thaiDigits(fact.precision)} ตำแหน่ง` : ''}${unit ? ` (หน่วย: ${unit})` : ''}`;
      return {
        header,
        width,
        numFmt: numberFormat(fact.precision),
        validation: numberValidation('decimal', fact.min, fact.max, percent ? PERCENT_WORD : 'ตัวเลข', prompt, `ต้องเป็น${percent ? 'ร้อยละ' : ''}${words}`),
      };
    }
    case 'string':
      return fact.catalog === 'province' ? { header, width: Math.max(width, 18), numFmt: '@', validation: PROVINCE_VALIDATION() } : { header, width, numFmt: '@' };
  }
}

/** A mission sheet's columns: id, province (or the province fact), district, then each fact. */
function missionColumns(rubric: Rubric, choices: ChoiceLists): TemplateColumn[] {
  const facts = Object.entries(rubric.facts ?? {});
  const provinceFact = facts.find(([, fact]) => fact.type === 'string' && fact.catalog === 'province');
  const idLetter = 'A';
  const id: TemplateColumn = {
    header: ID_HEADER,
    width: 18,
    numFmt: '@',
    validation: {
      type: 'custom',
      allowBlank: true,
      formulae: [`COUNTIF($${idLetter}$${FIRST_DATA_ROW}:$${idLetter}$${FIRST_DATA_ROW + DATA_ROWS - 1},${idLetter}${FIRST_DATA_ROW})<=1`],
      showInputMessage: true,
      promptTitle: 'รหัสหน่วยงาน',
      prompt: 'รหัสของหน่วยงาน (อำเภอ) ต้องไม่ซ้ำกับแถวอื่นในแผ่นงานนี้',
      showErrorMessage: true,
      errorStyle: 'stop',
      errorTitle: 'รหัสซ้ำ',
      error: 'รหัสหน่วยงานนี้มีอยู่แล้วในแผ่นงานนี้ รหัสต้องไม่ซ้ำกัน',
    },
  };
  const province = provinceFact ? factColumn(provinceFact[0], provinceFact[1], choices) : { header: PROVINCE_HEADER, width: 18, numFmt: '@', validation: PROVINCE_VALIDATION() };
  const district: TemplateColumn = { header: DISTRICT_HEADER, width: 18, numFmt: '@' };
  const rest = facts.filter(([factId]) => factId !== provinceFact?.[0]).map(([factId, fact]) => factColumn(factId, fact, choices));
  return [id, province, district, ...rest];
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
