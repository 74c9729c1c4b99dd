// What the form's pickers offer, read from the document being edited (valid or not): its facts,
// derived values, criteria and named conditions, and the words for the schema's fixed choices.
import type { Rubric, Text } from '$engine/types.js';
import type { SchemaNode } from '$engine/schema-form.js';
import type { Edits } from '../edits.js';
import type { Say } from '$lib/lang.js';
import { outcomeWords } from '$engine/words.js';

/** A fact or derived value a picker offers. */
export interface ValueOption {
  id: string;
  label: Text;
  type: string;
  catalog?: string;
  values?: { value: string; label: Text }[];
}

/** Everything a form control needs besides its own value. */
export interface FormContext {
  schema: SchemaNode;
  edits: Edits;
  readonly: boolean;
  facts: ValueOption[];
  derived: ValueOption[];
  criteria: { id: string; label: Text }[];
  conditions: string[];
  /** Problems of the document by JSON pointer, shown beside their control. */
  problems: Map<string, Text[]>;
}

const asRecord = (v: unknown): Record<string, unknown> => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {});
const textOf = (v: unknown, fallback: string): Text => {
  const t = asRecord(v);
  return { th: typeof t.th === 'string' && t.th ? t.th : fallback, en: typeof t.en === 'string' && t.en ? t.en : fallback };
};

/** The options of a document's facts or derived values. */
function optionsOf(map: unknown): ValueOption[] {
  return Object.entries(asRecord(map)).map(([id, raw]) => {
    const v = asRecord(raw);
    const values = Array.isArray(v.values) ? v.values.map((x) => ({ value: String(asRecord(x).value ?? ''), label: textOf(asRecord(x).label, String(asRecord(x).value ?? '')) })) : undefined;
    return { id, label: textOf(v.label, id), type: String(v.type ?? ''), ...(typeof v.catalog === 'string' ? { catalog: v.catalog } : {}), ...(values ? { values } : {}) };
  });
}

/** The pickers' options for a document value. */
export function formContext(value: unknown, base: Omit<FormContext, 'facts' | 'derived' | 'criteria' | 'conditions'>): FormContext {
  const doc = asRecord(value);
  const criteria = Array.isArray(doc.criteria) ? doc.criteria.map((c) => ({ id: String(asRecord(c).id ?? ''), label: textOf(asRecord(c).label, String(asRecord(c).id ?? '')) })) : [];
  return { ...base, facts: optionsOf(doc.facts), derived: optionsOf(doc.derived), criteria, conditions: Object.keys(asRecord(doc.conditions)) };
}

/** Thai and English words for the schema's fixed values, where the value itself is a code. */
export const CHOICE_WORDS: Record<string, Text> = {
  boolean: { th: 'ใช่หรือไม่ใช่', en: 'yes or no' },
  integer: { th: 'จำนวนเต็ม (นับได้)', en: 'whole number (a count)' },
  number: { th: 'ตัวเลขทศนิยม', en: 'decimal number' },
  enum: { th: 'เลือกจากรายการ', en: 'one of a list' },
  string: { th: 'ข้อความ', en: 'text' },
  ratio: { th: 'อัตราส่วน (ตัวตั้ง ÷ ตัวหาร)', en: 'ratio (numerator ÷ denominator)' },
  countTrue: { th: 'นับข้อที่ "ใช่"', en: 'count of yeses' },
  worst: { th: 'ระดับต่ำสุดของตัวชี้วัด', en: 'worst level of the criteria' },
  bands: { th: 'ช่วงของค่าหนึ่งค่า', en: 'bands over one value' },
  ladder: { th: 'ขั้นบันได (แถวแรกที่เป็นจริง)', en: 'ladder (first row that holds)' },
  truthTable: { th: 'ตารางค่าความจริง', en: 'truth table' },
  sum: { th: 'ผลรวม', en: 'sum' },
  mean: { th: 'ค่าเฉลี่ย', en: 'mean' },
  drop: { th: 'ไม่นับตัวที่ได้รับยกเว้น', en: 'leave exempt criteria out' },
  rescale: { th: 'ปรับสัดส่วนคะแนนเต็ม', en: 'rescale to the full score' },
  higher: { th: 'ยิ่งมากยิ่งดี', en: 'higher is better' },
  lower: { th: 'ยิ่งน้อยยิ่งดี', en: 'lower is better' },
  province: { th: 'จังหวัด (ตามทะเบียนจังหวัด)', en: 'province (from the catalogue)' },
  percent: { th: 'ร้อยละ', en: 'percent' },
  draft: { th: 'ร่าง', en: 'draft' },
  published: { th: 'เผยแพร่แล้ว', en: 'published' },
  unmatched: { th: 'ไม่ตรงกับระดับใด', en: 'no level matched' },
  error: { th: 'ข้อมูลผิดพลาด', en: 'error in the data' },
  between: { th: 'ระหว่าง', en: 'between' },
  equal: { th: 'เท่ากับ', en: 'equals' },
  notEqual: { th: 'ไม่เท่ากับ', en: 'does not equal' },
  lessThan: { th: 'น้อยกว่า', en: 'less than' },
  lessThanInclusive: { th: 'ไม่เกิน', en: 'at most' },
  greaterThan: { th: 'มากกว่า', en: 'more than' },
  greaterThanInclusive: { th: 'ตั้งแต่ (ขึ้นไป)', en: 'at least' },
  in: { th: 'เป็นหนึ่งใน', en: 'is one of' },
  notIn: { th: 'ไม่ใช่หนึ่งใน', en: 'is none of' },
};

/** The operators a comparison with a value of this type can use. */
export function operatorsFor(type: string): string[] {
  if (type === 'boolean') return ['equal', 'notEqual'];
  if (type === 'enum' || type === 'string') return ['equal', 'notEqual', 'in', 'notIn'];
  return ['greaterThanInclusive', 'greaterThan', 'lessThanInclusive', 'lessThan', 'equal', 'notEqual'];
}

/** A text's errors by the JSON pointer of what they are about, to show beside its control. */
export function problemsByPointer(findings: readonly { severity: string; message: Text; where: object }[]): Map<string, Text[]> {
  const map = new Map<string, Text[]>();
  for (const f of findings) {
    const pointer = (f.where as { pointer?: string }).pointer;
    if (f.severity === 'error' && pointer) map.set(pointer, [...(map.get(pointer) ?? []), f.message]);
  }
  return map;
}

/** A failing example takes its actual result (and score, if it states one) as expected, once the user confirms. */
export function acceptExample(edits: Edits, rubric: Rubric | undefined, e: { index: number; name: string; actual: string; actualScore: number | null }, say: Say): void {
  const actual = outcomeWords(e.actual);
  const ok = confirm(say(`ยอมรับผล "${actual.th}" เป็นผลที่ควรได้ของตัวอย่าง "${e.name}" หรือไม่`, `Accept "${actual.en}" as the expected result of "${e.name}"?`));
  if (!ok) return;
  edits.put(['examples', e.index, 'expect'], e.actual);
  if (e.actualScore !== null && rubric?.examples?.[e.index]?.score !== undefined) edits.put(['examples', e.index, 'score'], e.actualScore);
}

/**
 * A number as people type it in a box: digits with an optional sign and decimal point, in Arabic
 * or Thai digits (๘๕.๕ is 85.5); anything else (1,000, 0x10, 1e3, an empty box) is no number.
 */
export function parseDecimal(raw: string): number | undefined {
  const text = raw.trim().replace(/[๐-๙]/g, (d) => String(d.charCodeAt(0) - 0x0e50));
  return /^[-+]?\d+(\.\d+)?$/.test(text) ? Number(text) : undefined;
}

/** What a number box says when what was typed is not a number: the value in the YAML stays as it was. */
export function notANumber(raw: string): Text {
  const shown = raw.trim() === '' ? '' : ` "${raw.trim()}"`;
  return {
    th: `ค่า${shown || 'ว่าง'} ไม่ใช่ตัวเลข จึงยังไม่ได้เปลี่ยน ค่าเดิมยังอยู่`,
    en: `${shown ? shown.trim() : 'an empty box'} is not a number, so nothing was changed; the previous value stays`,
  };
}
