// The codes of problems found in a rubric file (loading, schema, meaning), with their Thai and English templates.
import { describeValue } from '../describe-value.js';
import { inexactNumberText } from '../exact-number.js';
import type { Text } from '../types.js';
import { codes } from './entry.js';

/** " หมายถึง "x" หรือไม่" when there is a likely name, else nothing. */
const hintTh = (hint?: string): string => (hint ? ` หมายถึง "${hint}" หรือไม่` : '');
/** "; did you mean "x"?" when there is a likely name, else nothing. */
const hintEn = (hint?: string): string => (hint ? `; did you mean "${hint}"?` : '');

/** What makes a file not YAML a rubric can be read from. */
type YamlSyntax =
  | { kind: 'control'; character: string }
  | { kind: 'parse'; detail: string }
  | { kind: 'alias-cycle'; source: string }
  | { kind: 'alias-missing'; source: string }
  | { kind: 'tag'; tag: string };

/** Which of a rubric's values is of the wrong type for where it is used. */
type TypeMismatch =
  | { kind: 'operand'; id: string; type: string; want: 'boolean' | 'numeric' }
  | { kind: 'band-input'; id: string; type: string }
  | { kind: 'grade-input'; id: string }
  | { kind: 'column'; id: string }
  | { kind: 'value'; id: string; type: string; value: unknown }
  | { kind: 'operator'; operator: string; id: string; type: string }
  | { kind: 'needs-number'; operator: string }
  | { kind: 'needs-list'; operator: string };

/** Which part lacks what a band, a score or the grade rule needs. */
type BandTarget = { kind: 'score-without-criteria' | 'worst-without-criteria' | 'criteria-without-score' | 'level' | 'points' };

const BAND_TARGET_WORDS: Record<BandTarget['kind'], Text> = {
  'score-without-criteria': { th: 'คะแนนรวมต้องมีตัวชี้วัด', en: 'a score needs criteria to combine' },
  'worst-without-criteria': { th: 'แบบ worst ต้องมีตัวชี้วัด', en: 'a worst grade needs criteria' },
  'criteria-without-score': { th: 'ตัวชี้วัดที่ให้คะแนนต้องมี score เพื่อรวมคะแนน', en: 'criteria that give points need a score to combine them' },
  level: { th: 'ช่วงนี้ต้องให้ระดับ (level) อย่างเดียว', en: 'this band must give a level (and no points)' },
  points: { th: 'ช่วงนี้ต้องให้คะแนน (points) อย่างเดียว', en: 'this band must give points (and no level)' },
};

/** A value described in both languages, as the schema check describes it once per value. */
type Shown = { shown: Text };

/** Problems found in a rubric file (loading, schema, meaning). */
export const RUBRIC_CODES = codes({
  FILE_TOO_LARGE: {
    severity: 'error',
    th: (p: { size: number; max: number }) => `ไฟล์ใหญ่เกินไป: ${p.size} ไบต์ (สูงสุด ${p.max} ไบต์)`,
    en: (p: { size: number; max: number }) => `the file is too large: ${p.size} bytes (at most ${p.max})`,
  },
  NOT_UTF8: {
    severity: 'error',
    th: (p: { byte: string; offset: number }) => `ไฟล์ไม่ใช่ UTF-8: พบไบต์ 0x${p.byte} ที่ตำแหน่ง ${p.offset}`,
    en: (p: { byte: string; offset: number }) => `the file is not UTF-8: byte 0x${p.byte} at offset ${p.offset}`,
  },
  EMPTY_FILE: {
    severity: 'error',
    th: (p: { kind: 'empty' | 'comments' }) => (p.kind === 'empty' ? 'ไฟล์ว่างเปล่า ไม่มีเกณฑ์' : 'ไฟล์ไม่มีข้อมูล มีแต่หมายเหตุ'),
    en: (p: { kind: 'empty' | 'comments' }) => (p.kind === 'empty' ? 'the file is empty: no rubric' : 'the file holds no data, only comments'),
  },
  YAML_SYNTAX: {
    severity: 'error',
    th: (p: YamlSyntax) => {
      switch (p.kind) {
        case 'control':
          return `ไฟล์มีอักขระควบคุม ${p.character} ซึ่ง YAML ไม่อนุญาต (อาจเป็นไฟล์ที่เสียหรือไม่ใช่ไฟล์ข้อความ)`;
        case 'parse':
          return `YAML ผิดรูปแบบ: ${p.detail}`;
        case 'alias-cycle':
          return `alias *${p.source} อยู่ภายในค่าที่ anchor &${p.source} ตั้งชื่อไว้เอง จึงวนไม่รู้จบ`;
        case 'alias-missing':
          return `alias *${p.source} ไม่มี anchor &${p.source} ก่อนหน้า`;
        case 'tag':
          return `ห้ามใช้แท็ก ${p.tag} ในเกณฑ์: เกณฑ์มีได้เฉพาะข้อความ ตัวเลข true/false รายการ และแมป`;
      }
    },
    en: (p: YamlSyntax) => {
      switch (p.kind) {
        case 'control':
          return `the file holds the control character ${p.character}, which YAML does not allow (a damaged file, or not a text file?)`;
        case 'parse':
          return `YAML syntax error: ${p.detail}`;
        case 'alias-cycle':
          return `the alias *${p.source} is inside the value its anchor &${p.source} names, an endless loop`;
        case 'alias-missing':
          return `the alias *${p.source} names no anchor &${p.source} before it`;
        case 'tag':
          return `the tag ${p.tag} is not allowed in a rubric: it holds only text, numbers, true/false, lists and mappings`;
      }
    },
  },
  DUPLICATE_KEY: {
    severity: 'error',
    th: (p: { detail: string }) => `คีย์ซ้ำในแมปเดียวกัน: ${p.detail}`,
    en: (p: { detail: string }) => `duplicate key in one mapping: ${p.detail}`,
  },
  ALIAS_LIMIT: {
    severity: 'error',
    th: (p: { max: number }) => `ใช้ alias ขยายเกิน ${p.max} ครั้ง (อาจเป็นการโจมตีด้วย alias)`,
    en: (p: { max: number }) => `aliases expand more than ${p.max} times (an alias bomb?)`,
  },
  FORBIDDEN_KEY: {
    severity: 'error',
    th: (p: { key: string }) => `ห้ามใช้คีย์ "${p.key}" ในเกณฑ์`,
    en: (p: { key: string }) => `the key "${p.key}" is not allowed in a rubric`,
  },
  INEXACT_NUMBER: {
    severity: 'error',
    th: (p: { literal: string; value: number }) => inexactNumberText(p.literal, p.value).th,
    en: (p: { literal: string; value: number }) => inexactNumberText(p.literal, p.value).en,
  },
  NOT_A_MAPPING: {
    severity: 'error',
    th: () => 'เกณฑ์ต้องเป็นแมป YAML (คีย์: ค่า)',
    en: () => 'a rubric must be a YAML mapping (key: value)',
  },
  SCHEMA_UNKNOWN_PROPERTY: {
    severity: 'error',
    th: (p: { name: string; hint?: string; allowed: string }) => `ไม่รู้จักคีย์ "${p.name}"${hintTh(p.hint)} (ที่ใช้ได้: ${p.allowed})`,
    en: (p: { name: string; hint?: string; allowed: string }) => `unknown property "${p.name}"${hintEn(p.hint)} (expected one of: ${p.allowed})`,
  },
  SCHEMA_REQUIRED: {
    severity: 'error',
    th: (p: { kind: 'property'; property: string } | { kind: 'published-grade' }) =>
      p.kind === 'property' ? `ขาดคีย์ที่ต้องมี "${p.property}"` : 'เกณฑ์ที่เผยแพร่ต้องมี grade',
    en: (p: { kind: 'property'; property: string } | { kind: 'published-grade' }) =>
      p.kind === 'property' ? `missing required property "${p.property}"` : 'a published rubric needs a grade rule',
  },
  SCHEMA_TYPE: {
    severity: 'error',
    th: (p: Shown & { expected: string }) => `ชนิดข้อมูลไม่ถูกต้อง: ต้องเป็น ${p.expected} แต่ได้ ${p.shown.th}`,
    en: (p: Shown & { expected: string }) => `wrong type: expected ${p.expected}, received ${p.shown.en}`,
  },
  SCHEMA_ENUM: {
    severity: 'error',
    th: (p: (Shown & { kind: 'value'; expected: string }) | { kind: 'tag'; tag: string; value: unknown }) =>
      p.kind === 'value' ? `ค่าไม่อยู่ในรายการที่กำหนด: ${p.shown.th} (ที่ใช้ได้: ${p.expected})` : `ค่า ${p.tag} ไม่ถูกต้อง: ${describeValue(p.value, 'th')}`,
    en: (p: (Shown & { kind: 'value'; expected: string }) | { kind: 'tag'; tag: string; value: unknown }) =>
      p.kind === 'value' ? `value not allowed: ${p.shown.en} (expected one of: ${p.expected})` : `invalid ${p.tag}: ${describeValue(p.value)}`,
  },
  SCHEMA_PATTERN: {
    severity: 'error',
    th: (p: (Shown & { kind: 'pattern'; pattern: string }) | { kind: 'id'; name: string }) =>
      p.kind === 'pattern'
        ? `รูปแบบไม่ถูกต้อง: ${p.shown.th} ไม่ตรงกับ ${p.pattern}`
        : `ชื่อ "${p.name}" ใช้เป็นรหัสไม่ได้ (ต้องขึ้นต้นด้วยอักษรตัวเล็ก ตามด้วยอักษรหรือตัวเลข)`,
    en: (p: (Shown & { kind: 'pattern'; pattern: string }) | { kind: 'id'; name: string }) =>
      p.kind === 'pattern'
        ? `wrong format: ${p.shown.en} does not match ${p.pattern}`
        : `"${p.name}" is not a valid id (expected a lowercase letter, then letters and digits)`,
  },
  SCHEMA_CONSTRAINT: {
    severity: 'error',
    th: (p: (Shown & { kind: 'schema'; path: string; words: Text }) | { kind: 'due'; due: string }) =>
      p.kind === 'schema' ? `${p.path || '/'} ${p.words.th} (ได้ ${p.shown.th})` : `กำหนดส่ง "${p.due}" ไม่ใช่วันที่หรือเวลาที่มีจริง`,
    en: (p: (Shown & { kind: 'schema'; path: string; words: Text }) | { kind: 'due'; due: string }) =>
      p.kind === 'schema' ? `${p.path || '/'} ${p.words.en} (received ${p.shown.en})` : `the due date "${p.due}" is not a real date and time`,
  },
  UNKNOWN_OPERATOR: {
    severity: 'error',
    th: (p: Shown & { expected: string }) => `ไม่รู้จักตัวดำเนินการ ${p.shown.th} (ที่ใช้ได้: ${p.expected})`,
    en: (p: Shown & { expected: string }) => `unknown operator ${p.shown.en} (expected one of: ${p.expected})`,
  },
  UNDECLARED_FACT: {
    severity: 'error',
    th: (p: { id: string; hint?: string }) => `"${p.id}" ไม่ใช่ข้อมูลที่ประกาศไว้${hintTh(p.hint)}`,
    en: (p: { id: string; hint?: string }) => `"${p.id}" is not a declared fact${hintEn(p.hint)}`,
  },
  UNKNOWN_CONDITION: {
    severity: 'error',
    th: (p: { name: string; hint?: string }) => `ไม่มีเงื่อนไขชื่อ "${p.name}"${hintTh(p.hint)}`,
    en: (p: { name: string; hint?: string }) => `no condition is named "${p.name}"${hintEn(p.hint)}`,
  },
  CONDITION_CYCLE: {
    severity: 'error',
    th: (p: { cycle: string }) => `เงื่อนไขอ้างถึงตัวเองเป็นวง: ${p.cycle}`,
    en: (p: { cycle: string }) => `conditions refer to each other in a cycle: ${p.cycle}`,
  },
  CONDITION_DEPTH: {
    severity: 'error',
    th: (p: { depth: number; max: number }) => `เงื่อนไขซ้อนกันลึก ${p.depth} ชั้น (นับรวมเงื่อนไขที่ตั้งชื่อซึ่งอ้างถึง) เกินที่รับได้ ${p.max} ชั้น`,
    en: (p: { depth: number; max: number }) => `the condition nests ${p.depth} levels deep, counting the named conditions it uses; at most ${p.max} are accepted`,
  },
  UNKNOWN_CRITERION: {
    severity: 'error',
    th: (p: { id: string }) => `ไม่มีตัวชี้วัดรหัส "${p.id}"`,
    en: (p: { id: string }) => `no criterion has the id "${p.id}"`,
  },
  DUPLICATE_ID: {
    severity: 'error',
    th: (p: { kind: 'fact' | 'criterion'; id: string }) => (p.kind === 'fact' ? `"${p.id}" ซ้ำกับข้อมูลนำเข้า` : `รหัสตัวชี้วัด "${p.id}" ซ้ำ`),
    en: (p: { kind: 'fact' | 'criterion'; id: string }) => (p.kind === 'fact' ? `"${p.id}" is already a fact` : `criterion id "${p.id}" is used twice`),
  },
  TYPE_MISMATCH: {
    severity: 'error',
    th: (p: TypeMismatch) => {
      switch (p.kind) {
        case 'operand':
          return `"${p.id}" เป็นชนิด ${p.type} แต่ต้องเป็น ${p.want === 'boolean' ? 'boolean' : 'ตัวเลข'}`;
        case 'band-input':
          return `ช่วงค่าใช้ได้กับตัวเลขเท่านั้น แต่ "${p.id}" เป็น ${p.type}`;
        case 'grade-input':
          return `"${p.id}" ไม่ใช่ตัวเลข`;
        case 'column':
          return `"${p.id}" ต้องเป็น boolean หรือ enum`;
        case 'value':
          return `ค่า ${describeValue(p.value, 'th')} ไม่ตรงกับชนิดของ "${p.id}"`;
        case 'operator':
          return `ใช้ ${p.operator} กับ "${p.id}" (${p.type}) ไม่ได้`;
        case 'needs-number':
          return `${p.operator} ต้องเทียบกับตัวเลข`;
        case 'needs-list':
          return `${p.operator} ต้องเทียบกับรายการ`;
      }
    },
    en: (p: TypeMismatch) => {
      switch (p.kind) {
        case 'operand':
          return `"${p.id}" is ${p.type}, expected ${p.want === 'boolean' ? 'boolean' : 'a number or integer'}`;
        case 'band-input':
          return `bands need a number, but "${p.id}" is ${p.type}`;
        case 'grade-input':
          return `"${p.id}" is not a number`;
        case 'column':
          return `"${p.id}" must be boolean or enum`;
        case 'value':
          return `${describeValue(p.value)} does not fit "${p.id}" (${p.type})`;
        case 'operator':
          return `${p.operator} cannot compare "${p.id}" (${p.type})`;
        case 'needs-number':
          return `${p.operator} needs a number`;
        case 'needs-list':
          return `${p.operator} needs a list`;
      }
    },
  },
  UNKNOWN_PROVINCE: {
    severity: 'error',
    th: (p: { name: string; hint?: string }) => `"${p.name}" ไม่ใช่ชื่อจังหวัดตามทะเบียนจังหวัด${hintTh(p.hint)}`,
    en: (p: { name: string; hint?: string }) => `"${p.name}" is not a province name as the province catalogue writes it${hintEn(p.hint)}`,
  },
  BAND_MIXED: {
    severity: 'error',
    th: () => 'ช่วงค่าผสมระดับกับคะแนน',
    en: () => 'the bands mix levels and points',
  },
  BAND_RANGE: {
    severity: 'error',
    th: (p: { kind: 'between'; value: unknown } | { kind: 'single'; op: string; value: unknown }) =>
      p.kind === 'between'
        ? `between ต้องเป็น [ต่ำ, สูง] โดยต่ำไม่เกินสูง ได้ ${describeValue(p.value, 'th')}`
        : `${p.op} ต้องเทียบกับตัวเลขเดียว ได้ ${describeValue(p.value, 'th')}`,
    en: (p: { kind: 'between'; value: unknown } | { kind: 'single'; op: string; value: unknown }) =>
      p.kind === 'between'
        ? `between needs [low, high] with low <= high, received ${describeValue(p.value)}`
        : `${p.op} needs one number, received ${describeValue(p.value)}`,
  },
  BAND_TARGET: {
    severity: 'error',
    th: (p: BandTarget) => BAND_TARGET_WORDS[p.kind].th,
    en: (p: BandTarget) => BAND_TARGET_WORDS[p.kind].en,
  },
  TRUTH_TABLE_SHAPE: {
    severity: 'error',
    th: (p: { values: number; columns: number }) => `แถวมี ${p.values} ค่า แต่ตารางมี ${p.columns} คอลัมน์`,
    en: (p: { values: number; columns: number }) => `the row has ${p.values} values but the table has ${p.columns} columns`,
  },
  MISSION_MISMATCH: {
    severity: 'error',
    th: (p: { mission: string; expected: string }) => `รหัสภารกิจ "${p.mission}" ไม่ตรงกับชื่อไฟล์ "${p.expected}"`,
    en: (p: { mission: string; expected: string }) => `mission "${p.mission}" does not match the file name "${p.expected}"`,
  },
  PERIOD_MISMATCH: {
    severity: 'error',
    th: (p: { period: string; expected: string }) => `ไตรมาส "${p.period}" ไม่ตรงกับโฟลเดอร์ "${p.expected}"`,
    en: (p: { period: string; expected: string }) => `period "${p.period}" does not match its folder "${p.expected}"`,
  },
  TOO_MANY_PROBLEMS: {
    severity: 'error',
    th: (p: { rest: number; total: number; max: number }) =>
      `และอีก ${p.rest} ปัญหา รวมทั้งหมด ${p.total} ปัญหา (แสดงเฉพาะ ${p.max} ปัญหาแรกตามลำดับบรรทัด)`,
    en: (p: { rest: number; total: number; max: number }) =>
      `and ${p.rest} more problem${p.rest === 1 ? '' : 's'}, ${p.total} in all (only the first ${p.max} by line are listed)`,
  },
});

/** A code of a problem found in a rubric file. */
export type RubricCode = keyof typeof RUBRIC_CODES;
