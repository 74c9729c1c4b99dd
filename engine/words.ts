// The words people read for what the engine names with ids: finding kinds, severities, data
// problems, audit actions, states, revisions and digests, each in Thai and English, in one place,
// so that no screen shows `hole`, `MISSING_FACT`, `r1` or `sha256:` as words. Browser-safe.
import { kindOf, type AnalysisCode, type FindingKind } from './analysis/finding.js';
import type { DATA_CODES } from './problems/data-codes.js';
import type { Severity } from './problems/problem.js';
import { thaiDigits } from './template-layout.js';
import type { FactValue, Rubric, Text } from './types.js';

/** A code of the data group (a row or file problem). */
export type DataCode = keyof typeof DATA_CODES & string;

/** What each kind of finding is called. */
export const FINDING_KIND_WORDS: Record<FindingKind, Text> = {
  hole: { th: 'ช่องว่างของเกณฑ์', en: 'Gap in the bands' },
  overlap: { th: 'ช่วงซ้อนทับ', en: 'Overlapping bands' },
  unreachable: { th: 'ระดับที่ไม่มีทางได้', en: 'Never reached' },
  order: { th: 'ค่าดีกว่าแต่ได้ผลแย่กว่า', en: 'Better value, worse result' },
  'unused-fact': { th: 'ข้อมูลที่ไม่ได้ใช้', en: 'Data item never used' },
  'undeclared-fact': { th: 'ข้อมูลที่ไม่ได้ประกาศไว้', en: 'Undeclared data item' },
  contradiction: { th: 'ตารางในหนังสือขัดกัน', en: 'Tables disagree' },
  invalid: { th: 'เขียนไม่ถูกรูปแบบ', en: 'Not well formed' },
  'due-date': { th: 'วันส่งรายงานที่ควรตรวจ', en: 'Reporting date to check' },
  'quote-differs-from-rule': { th: 'ถ้อยคำไม่ตรงกับเกณฑ์', en: 'Wording differs from the rule' },
};

/** A gap that can never change a grade is a note, and is called so. */
const HARMLESS_GAP: Text = { th: 'ช่องว่างที่ไม่กระทบระดับ', en: 'Gap that changes no grade' };

/** A finding's name from its code and severity: a hole that is only a note is a harmless gap. */
export function findingWords(code: AnalysisCode, severity: Severity): Text {
  if (code === 'HOLE' && severity === 'info') return HARMLESS_GAP;
  return FINDING_KIND_WORDS[kindOf(code)];
}

/** How serious a problem is, in words. */
export const SEVERITY_WORDS: Record<Severity, Text> = {
  error: { th: 'ข้อผิดพลาด', en: 'Error' },
  warning: { th: 'คำเตือน', en: 'Warning' },
  info: { th: 'ข้อสังเกต', en: 'Note' },
};

/** What each problem of a data file is called (the short name beside its message). */
export const DATA_CODE_WORDS: Record<DataCode, Text> = {
  MISSING_ID: { th: 'ไม่มีรหัสหน่วยงาน', en: 'No unit id' },
  DUPLICATE_ID: { th: 'รหัสหน่วยงานซ้ำ', en: 'Unit id repeated' },
  NO_CRITERIA: { th: 'ไม่มีตัวชี้วัด', en: 'No criteria' },
  MISSING_FACT: { th: 'ไม่ได้กรอกข้อมูล', en: 'Value missing' },
  WRONG_TYPE: { th: 'ชนิดข้อมูลไม่ถูกต้อง', en: 'Wrong kind of value' },
  NOT_A_NUMBER: { th: 'ไม่ใช่ตัวเลข', en: 'Not a number' },
  NOT_AN_INTEGER: { th: 'ไม่ใช่จำนวนเต็ม', en: 'Not a whole number' },
  OUT_OF_RANGE: { th: 'ค่าเกินขอบเขต', en: 'Out of range' },
  UNKNOWN_VALUE: { th: 'ค่าที่ไม่อยู่ในรายการ', en: 'Value not in the list' },
  UNKNOWN_PROVINCE: { th: 'ไม่รู้จักจังหวัดนี้', en: 'Unknown province' },
  AMBIGUOUS_NUMBER: { th: 'ตัวเลขอ่านได้หลายแบบ', en: 'Number can be read two ways' },
  UNKNOWN_WORD: { th: 'คำที่อ่านไม่ออก', en: 'Word not understood' },
  INEXACT_NUMBER: { th: 'ทศนิยมเกินที่กำหนด', en: 'More decimals than allowed' },
  ZERO_DENOMINATOR: { th: 'ตัวหารเป็นศูนย์', en: 'Divided by zero' },
  UNKNOWN_COLUMN: { th: 'คอลัมน์ที่ไม่รู้จัก', en: 'Unknown column' },
  MISSING_COLUMN: { th: 'ขาดคอลัมน์', en: 'Column missing' },
  ROW_NOT_VALID: { th: 'แถวไม่ถูกต้อง', en: 'Row not valid' },
  FILE_UNREADABLE: { th: 'อ่านไฟล์ไม่ได้', en: 'File unreadable' },
  FILE_TYPE_UNSUPPORTED: { th: 'ไม่รองรับไฟล์ชนิดนี้', en: 'File type not supported' },
  FILE_EMPTY: { th: 'ไฟล์ว่าง', en: 'File empty' },
  FILE_NOT_JSON: { th: 'ไม่ใช่ไฟล์ JSON', en: 'Not a JSON file' },
  FILE_NOT_CSV: { th: 'ไม่ใช่ไฟล์ CSV', en: 'Not a CSV file' },
  FILE_NOT_ROWS: { th: 'ไฟล์ไม่มีรายการแถว', en: 'File is not a list of rows' },
  ROW_NOT_OBJECT: { th: 'แถวไม่ใช่รายการข้อมูล', en: 'Row is not a record' },
  FILE_NO_ROWS: { th: 'ไม่มีแถวข้อมูล', en: 'No rows' },
  NO_ID_COLUMN: { th: 'ไม่มีคอลัมน์รหัสหน่วยงาน', en: 'No unit id column' },
  DUPLICATE_COLUMN: { th: 'คอลัมน์ซ้ำ', en: 'Column repeated' },
  NOT_A_WORKBOOK: { th: 'ไม่ใช่ไฟล์ Excel', en: 'Not an Excel workbook' },
  NO_SHEET: { th: 'ไม่พบแผ่นงาน', en: 'Sheet not found' },
  IMPORT_READ: { th: 'อ่านไฟล์แล้ว', en: 'File read' },
  IMPORT_CONVERTED: { th: 'แปลงค่าแล้ว', en: 'Values converted' },
  IMPORT_FRACTIONS: { th: 'แปลงเป็นร้อยละแล้ว', en: 'Fractions converted' },
  IMPORT_NUMBERED: { th: 'ใส่ลำดับแถวให้', en: 'Rows numbered' },
  IMPORT_NO_COLUMN: { th: 'ไม่พบคอลัมน์', en: 'No column found' },
  IMPORT_IGNORED: { th: 'ข้ามคอลัมน์', en: 'Column ignored' },
  IMPORT_UNREADABLE_CELLS: { th: 'มีช่องที่อ่านไม่ได้', en: 'Unreadable cells' },
};

/** A data problem's short name; a code outside the data group (a programmer's error) is shown as itself. */
export function dataCodeWords(code: string): Text {
  return (DATA_CODE_WORDS as Record<string, Text | undefined>)[code] ?? { th: code, en: code };
}

/** The actions the audit trail records. */
export type AuditAction = 'change' | 'draft' | 'publish' | 'delete' | 'delete-period' | 'discard';

/** What each audit action is called. */
export const AUDIT_ACTION_WORDS: Record<AuditAction, Text> = {
  change: { th: 'แก้ไข', en: 'Changed' },
  draft: { th: 'เริ่มร่าง', en: 'Started a draft' },
  publish: { th: 'เผยแพร่', en: 'Published' },
  delete: { th: 'ลบร่าง', en: 'Deleted a draft' },
  'delete-period': { th: 'ลบไตรมาส', en: 'Deleted a quarter' },
  discard: { th: 'ทิ้งร่าง', en: 'Discarded a draft' },
};

/** An audit action's name; an action recorded by an older version is shown as itself. */
export function auditActionWords(action: string): Text {
  return (AUDIT_ACTION_WORDS as Record<string, Text | undefined>)[action] ?? { th: action, en: action };
}

/** The states a mission or a province's copy can be in. */
export type State = 'published' | 'draft' | 'readonly' | 'current' | 'behind' | 'never-pulled' | 'clean' | 'unchecked';

/** What each state is called. */
export const STATE_WORDS: Record<State, Text> = {
  published: { th: 'เผยแพร่แล้ว', en: 'Published' },
  draft: { th: 'ร่าง', en: 'Draft' },
  readonly: { th: 'อ่านอย่างเดียว', en: 'Read only' },
  current: { th: 'ได้รับฉบับล่าสุดแล้ว', en: 'Up to date' },
  behind: { th: 'ยังไม่ได้รับฉบับล่าสุด', en: 'Behind' },
  'never-pulled': { th: 'ยังไม่เคยรับ', en: 'Never received' },
  clean: { th: 'ไม่พบปัญหา', en: 'No problems' },
  unchecked: { th: 'ตรวจไม่เสร็จ', en: 'Not checked' },
};

/** A revision as people say it: ฉบับที่ ๑ / revision 1. */
export function revisionWords(revision: number): Text {
  return { th: `ฉบับที่ ${thaiDigits(revision)}`, en: `revision ${revision}` };
}

/** How many characters of a digest are shown: enough to tell two versions apart by eye. */
export const SHORT_DIGEST = 8;

/** A digest as people read it: `sha256:3fa9c2…` → รหัสตรวจสอบ 3fa9c2d1 / check code 3fa9c2d1. */
export function digestWords(digest: string): Text {
  const short = digest.replace(/^sha256:/, '').slice(0, SHORT_DIGEST);
  return { th: `รหัสตรวจสอบ ${short}`, en: `check code ${short}` };
}

/** The label of a fact or derived value of a rubric, by its id; the id itself when it has none. */
export function valueLabel(rubric: Pick<Rubric, 'facts' | 'derived'> | null | undefined, id: string): Text {
  const labelled = rubric?.facts?.[id] ?? rubric?.derived?.[id];
  if (labelled && 'label' in labelled && labelled.label) return labelled.label;
  return id === 'score' ? { th: 'คะแนนรวม', en: 'total score' } : { th: id, en: id };
}

/** An example's values as people read them: `ยอดขายเพิ่มขึ้น = 2, …`, with the facts' labels, not their ids. */
export function exampleWords(rubric: Pick<Rubric, 'facts' | 'derived'> | null | undefined, example: number | Record<string, FactValue>): Text {
  if (typeof example === 'number') return { th: String(example), en: String(example) };
  const shown = (v: FactValue, l: keyof Text) => (typeof v === 'boolean' ? (v ? { th: 'ใช่', en: 'yes' } : { th: 'ไม่ใช่', en: 'no' })[l] : v === null ? '—' : String(v));
  const entries = Object.entries(example);
  return {
    th: entries.map(([id, v]) => `${valueLabel(rubric, id).th} = ${shown(v, 'th')}`).join(', '),
    en: entries.map(([id, v]) => `${valueLabel(rubric, id).en} = ${shown(v, 'en')}`).join(', '),
  };
}

export { outcomeWords } from './outcome-words.js';
