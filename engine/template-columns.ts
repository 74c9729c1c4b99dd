// The columns of a mission's template sheet: a header, width and number format for each fact (and
// the unit's id, province and district), with the drop-down list or number check Excel enforces.
import { CDD_PROVINCES } from './provinces.js';
import {
  CHOICE_LIST_SHEET,
  DATA_ROWS,
  FIRST_DATA_ROW,
  PERCENT_WORD,
  visibleLength,
  ERROR_MAX,
  ID_HEADER,
  INLINE_LIST_MAX,
  NO,
  NUMBER_LIMIT,
  PROMPT_MAX,
  PROVINCE_HEADER,
  DISTRICT_HEADER,
  PROVINCE_LIST_SHEET,
  TITLE_MAX,
  YES,
  clip,
  factHeader,
  headerWidth,
  letterOf,
  numberFormat,
  shown,
  thaiDigits,
} from './template-layout.js';
import type { Fact, Rubric } from './types.js';

type DataValidation = import('exceljs').DataValidation;

/** One column of a mission sheet. */
export interface TemplateColumn {
  header: string;
  width: number;
  numFmt: string;
  validation?: DataValidation;
}

/** Lists that cannot be written inside a validation, placed in columns of the hidden choice sheet. */
export class ChoiceLists {
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
export function missionColumns(rubric: Rubric, choices: ChoiceLists): TemplateColumn[] {
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
