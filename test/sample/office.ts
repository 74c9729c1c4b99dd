// npm run sample:office: a corpus of data files shaped the way Thai provincial offices produce
// them (Excel workbooks with percent formats, formulas, title rows and Thai headers; CSV in UTF-8,
// Windows-874 and UTF-16; Google Forms and Sheets exports; HTML tables saved as .xls; files with
// bad cells; files that must be refused whole), each with the grades it must give, in
// test/fixtures/office/expected.json.
//
// Ground truth comes first: each file starts as canonical typed rows (unit id, province, district,
// fact values as numbers, booleans, enum ids and canonical Thai province names), graded with the
// engine; only then are the rows written in the office's shape. Some rows of every file are also
// graded by hand below (`pin`), and the script throws when the engine disagrees, so the corpus
// does not merely mirror the engine. Every run writes the same bytes (exceljs's dates and the zip
// entries' times are fixed).
//
//   npm run build:engine && node dist/test/sample/office.js           writes the corpus
//   npm run build:engine && node dist/test/sample/office.js --check   exits 1 if a file on disk differs
//
// Conversions are counted one kind per converted cell, the most specific one (a text cell "๔.๕"
// is thai-digits, not number-text); "ร้อยละ 3.5" counts as percent-sign, like "3.5%"; a fact is left out of `conversions` when any of its cells is uncertain (1/0 for a
// boolean). Cell references are A1 as Excel shows them; for CSV the column letter is the column's
// position and the row number the line number, title lines included.
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { compileRubric, type CompiledRubric } from '../../engine/compile.js';
import { gradeRows } from '../../engine/evaluate.js';
import { cjsDefault } from '../../engine/interop.js';
import { PROVINCES } from '../../engine/provinces.js';
import { listRubricFiles, readRubricFile, refOf } from '../../engine/node/rubric-files.js';
import type { Fact, FactValue, Rubric } from '../../engine/types.js';
import { seededRandom, thresholdsOf } from '../../bench/rows.js';
import { districts } from './national.js';
import type { Conversion } from '../../engine/import/cell-text.js';

type ExcelModule = typeof import('exceljs');

const PERIOD = '2567-Q3';

/** The repository root, from source (test/sample) or built (dist/test/sample). */
function repositoryRoot(): string {
  let dir = import.meta.dirname;
  while (!existsSync(join(dir, 'package.json')) || !existsSync(join(dir, 'rubrics'))) {
    if (dirname(dir) === dir) throw new Error('cannot find the repository from ' + import.meta.dirname);
    dir = dirname(dir);
  }
  return dir;
}

// ---------------------------------------------------------------------------------------------
// Vocabulary of expected.json

type Kind = Conversion;
type Code = 'AMBIGUOUS_NUMBER' | 'NOT_A_NUMBER' | 'NOT_AN_INTEGER' | 'UNKNOWN_WORD' | 'UNKNOWN_VALUE' | 'UNKNOWN_PROVINCE';
type RefuseCode = 'UNKNOWN_ENCODING' | 'XLS_BINARY' | 'NO_TABLE' | 'NOT_A_WORKBOOK' | 'EMPTY_FILE' | 'NO_HEADER' | 'EMPTY_SHEET' | 'NO_ROWS';
type Grade = 'A' | 'B' | 'C' | 'D' | 'unmatched' | 'error';
type Encoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'windows-874';
type Conversions = Record<string, Partial<Record<Kind, number>>>;
interface CellError {
  cell: string;
  code: Code;
}

interface Expected {
  mission: string | null;
  sheet?: string;
  idColumn?: string;
  describe: string;
  grades?: Record<string, Grade> | Record<string, Record<string, Grade>>;
  conversions?: Conversions;
  cellErrors?: CellError[];
  encoding?: Encoding;
  refuse?: { code: RefuseCode };
}

// ---------------------------------------------------------------------------------------------
// Rubrics

interface Mission {
  rubric: Rubric;
  compiled: CompiledRubric;
}

const MISSIONS = new Map<string, Mission>();
for (const [mission, path] of listRubricFiles(PERIOD)) {
  const stored = readRubricFile(path);
  if (!stored.rubric?.grade || !stored.compiled) continue;
  MISSIONS.set(mission, { rubric: stored.rubric, compiled: compileRubric(stored.rubric, refOf(stored.rubric, stored.digest)) });
}

function mission(id: string): Mission {
  const m = MISSIONS.get(id);
  if (!m) throw new Error(`no graded rubric ${id} in ${PERIOD}`);
  return m;
}

function factOf(missionId: string, factId: string): Fact {
  const fact = mission(missionId).rubric.facts?.[factId];
  if (!fact) throw new Error(`${missionId} has no fact ${factId}`);
  return fact;
}

/** The fact's Thai label. */
const th = (m: string, f: string): string => factOf(m, f).label.th;
/** The fact's English label. */
const en = (m: string, f: string): string => factOf(m, f).label.en;
/** The mission's Thai name. */
const nameTh = (m: string): string => mission(m).rubric.name.th;
/** The mission's Thai name cut to Excel's 31-character limit for sheet names. */
const sheetNameTh = (m: string): string => nameTh(m).slice(0, 31);

// ---------------------------------------------------------------------------------------------
// Text helpers

const THAI_DIGITS = '๐๑๒๓๔๕๖๗๘๙';
const thaiDigits = (s: string): string => s.replace(/[0-9]/g, (d) => THAI_DIGITS[Number(d)]!);
const NBSP = '\u00A0';

/** The shortest decimal that is exactly this number (4.5, 4.005, 100). */
function dec(v: number, minDecimals = 0): string {
  for (let d = minDecimals; d <= 8; d++) {
    const s = v.toFixed(d);
    if (Number(s) === v) return s;
  }
  return String(v);
}

/** The number with its decimal point moved two places left, as Excel stores 4.5 % (0.045). */
function fraction(v: number): number {
  const s = dec(v);
  const negative = s.startsWith('-');
  const [whole = '', frac = ''] = s.replace('-', '').split('.');
  const digits = whole + frac;
  const point = whole.length - 2;
  const text = point <= 0 ? '0.' + '0'.repeat(-point) + digits : digits.slice(0, point) + '.' + digits.slice(point);
  return Number((negative ? '-' : '') + text);
}

/** An integer with thousands commas: 1234 → 1,234. */
function grouped(v: number): string {
  const s = String(Math.abs(v));
  const out = s.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return v < 0 ? '-' + out : out;
}

/** Extra spaces inside and around a header, as typed. */
const spaced = (s: string): string => ' ' + s.replace(/ /g, '  ') + '  ';
/** A header with line breaks (Alt+Enter) at the spaces nearest its thirds. */
function broken(s: string): string {
  const spaces = [...s.matchAll(/ /g)].map((m) => m.index);
  if (spaces.length === 0) return s;
  const chars = [...s];
  const targets = spaces.length >= 3 ? [s.length / 3, (2 * s.length) / 3] : [s.length / 2];
  const used = new Set<number>();
  for (const t of targets) {
    const best = spaces.reduce((a, b) => (Math.abs(b - t) < Math.abs(a - t) ? b : a));
    used.add(best);
  }
  // Indexes of matchAll are UTF-16 offsets; Thai text has no surrogate pairs, so they are char indexes.
  for (const i of used) chars[i] = '\n';
  return chars.join('');
}

function columnLetter(n: number): string {
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

// ---------------------------------------------------------------------------------------------
// Units: canonical rows

interface Bad {
  raw: string | number;
  code: Code;
}

interface Unit {
  /** The key of this unit in expected.json: its id, or #n when the file has no id column. */
  key: string;
  /** The id as written in the id column, or null when the file has none. */
  id: string | number | null;
  province: string;
  district: string;
  /** Canonical values; a fact left out is not reported (an exempt province's item 1). */
  facts: Record<string, FactValue>;
  /** Cells written wrong on purpose: the raw text and the problem the reader must name. */
  bad: Record<string, Bad>;
  /** The grade worked out by hand, checked against the engine. */
  expect?: Grade;
}

type IdStyle = 'text' | 'number' | 'none';

const AREAS = districts();

function provinceCode(province: string): string {
  const p = PROVINCES.find((x) => x.th === province);
  if (!p) throw new Error(`no province ${province}`);
  return p.code.slice(3);
}

function provinceEnglish(province: string): string {
  const p = PROVINCES.find((x) => x.th === province);
  if (!p) throw new Error(`no province ${province}`);
  return p.en;
}

/** Random facts for one unit: plausible, many on and around the thresholds. */
function randomFacts(missionId: string, random: () => number, level: 'district' | 'province'): Record<string, FactValue> {
  const { rubric } = mission(missionId);
  const thresholds = thresholdsOf(rubric);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const facts: Record<string, FactValue> = {};
  for (const [id, fact] of Object.entries(rubric.facts ?? {})) {
    switch (fact.type) {
      case 'boolean':
        facts[id] = random() < 0.75;
        break;
      case 'enum':
        facts[id] = random() < 0.8 ? fact.values[0]!.value : pick(fact.values).value;
        break;
      case 'string':
        break;
      case 'integer':
      case 'number': {
        const precision = fact.type === 'number' ? fact.precision : 0;
        const step = 10 ** -precision;
        const ts = thresholds.get(id) ?? [];
        if (ts.length === 0) break;
        const lo = Math.min(...ts);
        const hi = Math.max(...ts);
        const spread = fact.type === 'integer' ? 3 : Math.max(hi - lo, 3);
        const low = Math.max(fact.min ?? -Infinity, lo - spread);
        const high = Math.min(fact.max ?? Infinity, hi + spread);
        let value = random() < 0.45 ? pick(ts) + pick([-step, 0, step]) : low + random() * (high - low);
        value = Math.min(high, Math.max(low, value));
        facts[id] = Number(value.toFixed(precision));
      }
    }
  }
  for (const d of Object.values(rubric.derived ?? {})) {
    if (d.type !== 'ratio') continue;
    const target = level === 'province' ? 400 + Math.floor(random() * 2600) : 20 + Math.floor(random() * 160);
    facts[d.denominator] = target;
    const share = random() < 0.3 ? 1 : 0.5 + random() * 0.55;
    facts[d.numerator] = Math.round(target * share);
  }
  return facts;
}

const EXEMPT = new Set(['นนทบุรี', 'สมุทรปราการ', 'ภูเก็ต', 'อ่างทอง', 'หนองคาย', 'สุโขทัย']);

/** Adds what a province fact needs: community funds read the province, and exempt ones skip item 1. */
function settleProvince(missionId: string, unit: Unit): void {
  if (missionId !== 'community-fund') return;
  unit.facts.province = unit.province;
  if (EXEMPT.has(unit.province)) delete unit.facts.savingsGroupsPct;
}

/** District offices of one province: the first `count` districts, ids `<province code><nn>`. */
function districtUnits(missionId: string, province: string, count: number, seed: number, idStyle: IdStyle): Unit[] {
  const random = seededRandom(seed);
  const areas = AREAS.filter((a) => a.province === province);
  if (areas.length === 0) throw new Error(`no districts for ${province}`);
  const code = provinceCode(province);
  return areas.slice(0, count).map((area, i) => {
    const text = `${code}${String(i + 1).padStart(2, '0')}`;
    const unit: Unit = {
      key: idStyle === 'none' ? `#${i + 1}` : text,
      id: idStyle === 'none' ? null : idStyle === 'number' ? Number(text) : text,
      province,
      district: area.district,
      facts: randomFacts(missionId, random, 'district'),
      bad: {},
    };
    settleProvince(missionId, unit);
    return unit;
  });
}

/** Provincial offices (a region's or the department's compilation), ids the province code. */
function provinceUnits(missionId: string, provinces: readonly string[], seed: number, idStyle: IdStyle): Unit[] {
  const random = seededRandom(seed);
  return provinces.map((province, i) => {
    const text = provinceCode(province);
    const unit: Unit = {
      key: idStyle === 'none' ? `#${i + 1}` : text,
      id: idStyle === 'none' ? null : idStyle === 'number' ? Number(text) : text,
      province,
      district: '',
      facts: randomFacts(missionId, random, 'province'),
      bad: {},
    };
    settleProvince(missionId, unit);
    return unit;
  });
}

/** Sets a unit's facts to values worked out by hand, with the grade they must get. */
function pin(units: Unit[], index: number, facts: Record<string, FactValue>, expect: Grade): void {
  const unit = units[index];
  if (!unit) throw new Error(`pin: no unit ${index}`);
  const province = unit.facts.province;
  unit.facts = { ...facts };
  if (province !== undefined && !('province' in facts)) unit.facts.province = province;
  unit.expect = expect;
}

/** Writes one cell of a unit wrong on purpose: the row must be an error, the others still grade. */
function spoil(units: Unit[], index: number, fact: string, raw: string | number, code: Code): void {
  const unit = units[index];
  if (!unit) throw new Error(`spoil: no unit ${index}`);
  unit.bad[fact] = { raw, code };
  unit.expect = 'error';
}

/** The row the engine grades: the canonical values, and a bad cell's raw text in its place. */
function canonicalRow(unit: Unit): Record<string, unknown> {
  const row: Record<string, unknown> = { id: unit.key, province: unit.province, district: unit.district, ...unit.facts };
  for (const [fact, bad] of Object.entries(unit.bad)) row[fact] = bad.raw;
  return row;
}

/** Grades the canonical rows with the engine and checks the hand-worked grades against it. */
function gradeUnits(file: string, missionId: string, units: readonly Unit[]): Record<string, Grade> {
  const results = gradeRows(mission(missionId).compiled, units.map(canonicalRow));
  const grades: Record<string, Grade> = {};
  results.forEach((result, i) => {
    const unit = units[i]!;
    const grade: Grade = result.status === 'graded' ? result.grade! : result.status;
    if (unit.key in grades) throw new Error(`${file}: unit ${unit.key} twice`);
    grades[unit.key] = grade;
    const spoiled = Object.keys(unit.bad).length > 0;
    if (unit.expect !== undefined && unit.expect !== grade) {
      throw new Error(`${file} ${missionId} ${unit.key}: graded by hand ${unit.expect}, the engine gives ${grade} (${result.reason.en})`);
    }
    if (spoiled && grade !== 'error') throw new Error(`${file} ${unit.key}: a bad cell must make the row an error`);
    if (!spoiled && grade === 'error') throw new Error(`${file} ${unit.key}: an unspoiled row is an error: ${result.reason.en}`);
  });
  return grades;
}

// ---------------------------------------------------------------------------------------------
// Cells and columns

type XValue = string | number | boolean | null | { formula: string; result: number };

interface Out {
  v: XValue;
  numFmt?: string;
  kind?: Kind | 'uncertain';
  error?: Code;
}

interface Ctx {
  /** The data row's index (0-based). */
  i: number;
  /** The A1 reference of another column's cell in this row, by the column's key. */
  ref(key: string): string;
}

interface Col {
  header: string;
  key?: string;
  fact?: string;
  width?: number;
  cell(unit: Unit, ctx: Ctx): Out;
}

type Style = (v: FactValue, i: number, ctx: Ctx) => Out;

const num = (v: FactValue): Out => ({ v: v as number });
const S = {
  /** A number cell (xlsx) or the number as written (text formats). */
  num,
  /** A number with a display format that is no percent. */
  fmt: (numFmt: string): Style => (v) => ({ v: v as number, numFmt }),
  /** Two decimals, as a formatted column is saved. */
  dec2: (v: FactValue): Out => ({ v: dec(v as number, 2) }),
  /** An Excel percent cell: the fraction, shown with a percent format. */
  xlPct: (numFmt: string): Style => (v) => ({ v: fraction(v as number), numFmt, kind: 'excel-percent' }),
  /** A text cell holding the number (xlsx). */
  text: (v: FactValue): Out => ({ v: dec(v as number), kind: 'number-text' }),
  /** Thai digits. */
  thai: (v: FactValue): Out => ({ v: thaiDigits(dec(v as number)), kind: 'thai-digits' }),
  /** A percent sign after the number. */
  pct: (v: FactValue): Out => ({ v: dec(v as number) + '%', kind: 'percent-sign' }),
  pctSpace: (v: FactValue): Out => ({ v: dec(v as number, 2) + ' %', kind: 'percent-sign' }),
  /** The percent unit's word before the number. */
  roylaw: (v: FactValue): Out => ({ v: 'ร้อยละ ' + dec(v as number), kind: 'percent-sign' }),
  /** The fact's unit word after the number. */
  unit: (word: string): Style => (v) => ({ v: `${dec(v as number)} ${word}`, kind: 'unit-word' }),
  /** Thousands commas where the number has four digits or more. */
  thousands: (v: FactValue): Out => ((v as number) >= 1000 ? { v: grouped(v as number), kind: 'thousands' } : { v: dec(v as number) }),
  /** No-break spaces around the number (copied from a web page). */
  nbsp: (v: FactValue): Out => ({ v: NBSP + dec(v as number) + NBSP }),
  /** An Excel boolean. */
  bool: (v: FactValue): Out => ({ v: v as boolean }),
  /** TRUE/FALSE as Excel saves booleans to CSV. */
  TF: (v: FactValue): Out => ({ v: v ? 'TRUE' : 'FALSE' }),
  /** Words for yes and no. */
  words: (yes: string, no: string): Style => (v) => ({ v: v ? yes : no, kind: 'boolean-word' }),
  /** 1 and 0 for yes and no: whether that is a conversion is not certain. */
  oneZero: (v: FactValue): Out => ({ v: v ? 1 : 0, kind: 'uncertain' }),
  /** An enum value written as its Thai label. */
  enumTh: (m: string, f: string): Style => (v) => ({ v: enumLabel(m, f, v as string, 'th'), kind: 'enum-label' }),
  enumEn: (m: string, f: string): Style => (v) => ({ v: enumLabel(m, f, v as string, 'en'), kind: 'enum-label' }),
  /** The enum's id as written. */
  enumId: (v: FactValue): Out => ({ v: v as string }),
  /** One style after another, row by row. */
  cycle: (...styles: Style[]): Style => (v, i, ctx) => styles[i % styles.length]!(v, i, ctx),
};

function enumLabel(m: string, f: string, value: string, lang: 'th' | 'en'): string {
  const fact = factOf(m, f);
  if (fact.type !== 'enum') throw new Error(`${m}.${f} is no enum`);
  const found = fact.values.find((x) => x.value === value);
  if (!found) throw new Error(`${m}.${f} has no value ${value}`);
  return found.label[lang];
}

/** Province spellings: 0 canonical, 1 จ., 2 จังหวัด, 3 English. */
function spellProvince(province: string, variant: number): Out {
  switch (variant % 4) {
    case 1:
      return { v: 'จ.' + province, kind: 'province-spelling' };
    case 2:
      return { v: 'จังหวัด' + province, kind: 'province-spelling' };
    case 3:
      return { v: provinceEnglish(province), kind: 'province-spelling' };
    default:
      return { v: province };
  }
}

const C = {
  id: (header: string): Col => ({
    header,
    key: 'id',
    width: 10,
    cell: (u) => ({ v: u.id }),
  }),
  seq: (header = 'ลำดับ'): Col => ({ header, width: 6, cell: (_u, ctx) => ({ v: ctx.i + 1 }) }),
  province: (header = 'จังหวัด', spell: (p: string, i: number) => string = (p) => p): Col => ({
    header,
    width: 14,
    cell: (u, ctx) => ({ v: spell(u.province, ctx.i) }),
  }),
  district: (header = 'อำเภอ'): Col => ({ header, width: 16, cell: (u) => ({ v: u.district }) }),
  /** The province as a fact (community funds): spelled by `variants` row by row. */
  provinceFact: (header: string, variants: readonly number[]): Col => ({
    header,
    fact: 'province',
    width: 16,
    cell: (u, ctx) => {
      const bad = u.bad.province;
      if (bad) return { v: bad.raw, error: bad.code };
      return spellProvince(u.province, variants[ctx.i % variants.length]!);
    },
  }),
  fact: (header: string, fact: string, style: Style, width = 14): Col => ({
    header,
    fact,
    width,
    cell: (u, ctx) => {
      const bad = u.bad[fact];
      if (bad) return { v: bad.raw, error: bad.code };
      const v = u.facts[fact];
      if (v === undefined || v === null) return { v: null };
      return style(v, ctx.i, ctx);
    },
  }),
  extra: (header: string, cell: (u: Unit, ctx: Ctx) => Out, key?: string): Col => ({ header, ...(key ? { key } : {}), width: 16, cell }),
};

/** Plain descriptive spellings of a province column that is no fact. */
const provinceWithPrefix = (p: string): string => 'จ.' + p;

// ---------------------------------------------------------------------------------------------
// Tables: units and columns laid out at a place, with their cell errors and conversions

interface Table {
  mission: string;
  units: Unit[];
  cols: Col[];
}

interface Laid {
  header: string[];
  rows: Out[][];
  cellErrors: CellError[];
  conversions: Conversions;
}

/** Renders a table whose first data row is sheet row `firstRow`, first column `firstCol` (1-based). */
function lay(table: Table, firstRow: number, firstCol: number, text: boolean): Laid {
  const keys = new Map<string, number>();
  table.cols.forEach((c, j) => c.key && keys.set(c.key, j));
  const cellErrors: CellError[] = [];
  const kinds = new Map<string, Map<Kind | 'uncertain', number>>();
  const rows = table.units.map((unit, i) => {
    const row = firstRow + i;
    const ctx: Ctx = {
      i,
      ref: (key) => {
        const j = keys.get(key);
        if (j === undefined) throw new Error(`no column ${key}`);
        return columnLetter(firstCol + j) + row;
      },
    };
    return table.cols.map((col, j) => {
      const out = col.cell(unit, ctx);
      if (text && out.numFmt) throw new Error(`a number format in a text file (${col.header})`);
      if (text && typeof out.v === 'object' && out.v !== null) throw new Error(`a formula in a text file (${col.header})`);
      if (out.error) cellErrors.push({ cell: columnLetter(firstCol + j) + row, code: out.error });
      else if (col.fact) {
        const kind = text && out.kind === 'number-text' ? undefined : out.kind;
        const byKind = kinds.get(col.fact) ?? new Map<Kind | 'uncertain', number>();
        kinds.set(col.fact, byKind);
        if (kind) byKind.set(kind, (byKind.get(kind) ?? 0) + 1);
      }
      return out;
    });
  });
  const conversions: Conversions = {};
  for (const [fact, byKind] of kinds) {
    if (byKind.has('uncertain') || byKind.size === 0) continue;
    conversions[fact] = Object.fromEntries(byKind) as Partial<Record<Kind, number>>;
  }
  return { header: table.cols.map((c) => c.header), rows, cellErrors, conversions };
}

function mergeConversions(into: Conversions, from: Conversions): void {
  for (const [fact, byKind] of Object.entries(from)) {
    if (into[fact]) throw new Error(`fact ${fact} in two sheets`);
    into[fact] = byKind;
  }
}

// ---------------------------------------------------------------------------------------------
// Byte encoders

const utf8 = (s: string): Uint8Array => new Uint8Array(Buffer.from(s, 'utf8'));

/** Windows-874 (TIS-620 plus a few punctuation marks), as Thai Excel saves "CSV". */
function windows874(s: string): Uint8Array {
  const special: Record<number, number> = { 0x20ac: 0x80, 0x2026: 0x85, 0x2018: 0x91, 0x2019: 0x92, 0x201c: 0x93, 0x201d: 0x94, 0x2022: 0x95, 0x2013: 0x96, 0x2014: 0x97, 0x00a0: 0xa0 };
  const bytes: number[] = [];
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) bytes.push(c);
    else if (c >= 0x0e01 && c <= 0x0e5b && !(c >= 0x0e3b && c <= 0x0e3e)) bytes.push(c - 0x0e01 + 0xa1);
    else if (special[c] !== undefined) bytes.push(special[c]);
    else throw new Error(`windows-874 cannot encode U+${c.toString(16).toUpperCase()}`);
  }
  return new Uint8Array(bytes);
}

function latin1(s: string): Uint8Array {
  for (const ch of s) if (ch.codePointAt(0)! > 0xff) throw new Error(`latin-1 cannot encode ${ch}`);
  return new Uint8Array(Buffer.from(s, 'latin1'));
}

function encode(text: string, encoding: Encoding): Uint8Array {
  switch (encoding) {
    case 'utf-8':
      return utf8(text);
    case 'utf-8-bom':
      return new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(text)]);
    case 'utf-16le':
      return new Uint8Array([0xff, 0xfe, ...Buffer.from(text, 'utf16le')]);
    case 'windows-874':
      return windows874(text);
  }
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** 2024-06-20 10:00:00 as MS-DOS time and date, for every zip entry. */
const DOS_TIME = 10 << 11;
const DOS_DATE = ((2024 - 1980) << 9) | (6 << 5) | 20;

/** A zip of stored (uncompressed) files, built by hand. */
function storedZip(files: { name: string; data: Uint8Array }[]): Uint8Array {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const file of files) {
    const name = Buffer.from(file.name, 'utf8');
    const crc = crc32(file.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(10, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(0, 8);
    local.writeUInt16LE(DOS_TIME, 10);
    local.writeUInt16LE(DOS_DATE, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(file.data.length, 18);
    local.writeUInt32LE(file.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    parts.push(local, name, Buffer.from(file.data));
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(10, 6);
    entry.writeUInt16LE(0x0800, 8);
    entry.writeUInt16LE(0, 10);
    entry.writeUInt16LE(DOS_TIME, 12);
    entry.writeUInt16LE(DOS_DATE, 14);
    entry.writeUInt32LE(crc, 16);
    entry.writeUInt32LE(file.data.length, 20);
    entry.writeUInt32LE(file.data.length, 24);
    entry.writeUInt16LE(name.length, 28);
    entry.writeUInt32LE(offset, 42);
    central.push(entry, name);
    offset += 30 + name.length + file.data.length;
  }
  const size = central.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(size, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...parts, ...central, end]));
}

/** Sets every entry's time in a zip to one fixed time: JSZip stamps entries with the clock. */
function fixZipTimes(bytes: Uint8Array): Uint8Array {
  const b = Buffer.from(bytes);
  let end = -1;
  for (let i = b.length - 22; i >= 0; i--) {
    if (b.readUInt32LE(i) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new Error('no end of central directory');
  const count = b.readUInt16LE(end + 10);
  let p = b.readUInt32LE(end + 16);
  for (let k = 0; k < count; k++) {
    if (b.readUInt32LE(p) !== 0x02014b50) throw new Error('bad central directory');
    b.writeUInt16LE(DOS_TIME, p + 12);
    b.writeUInt16LE(DOS_DATE, p + 14);
    const local = b.readUInt32LE(p + 42);
    if (b.readUInt32LE(local) !== 0x04034b50) throw new Error('bad local header');
    b.writeUInt16LE(DOS_TIME, local + 10);
    b.writeUInt16LE(DOS_DATE, local + 12);
    p += 46 + b.readUInt16LE(p + 28) + b.readUInt16LE(p + 30) + b.readUInt16LE(p + 32);
  }
  return new Uint8Array(b);
}

// ---------------------------------------------------------------------------------------------
// Writers

interface TextOptions {
  delimiter?: string;
  eol?: string;
  encoding: Encoding;
  /** Quote every field, as Google Forms' download does. */
  quoteAll?: boolean;
  /** Lines above the header: each padded with delimiters to the table's width, as Excel saves a merged title. */
  titles?: string[];
}

function textValue(v: XValue): string {
  if (v === null) return '';
  if (typeof v === 'number') return dec(v);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'string') return v;
  throw new Error('a formula in a text file');
}

function delimited(table: Table, options: TextOptions): { bytes: Uint8Array; laid: Laid } {
  const delimiter = options.delimiter ?? ',';
  const eol = options.eol ?? '\r\n';
  const titles = options.titles ?? [];
  const laid = lay(table, titles.length + 2, 1, true);
  const quote = (s: string): string =>
    options.quoteAll || s.includes(delimiter) || /["\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  const width = laid.header.length;
  const lines = [
    ...titles.map((t) => [quote(t), ...Array<string>(width - 1).fill(options.quoteAll ? '""' : '')].join(delimiter)),
    laid.header.map(quote).join(delimiter),
    ...laid.rows.map((r) => r.map((o) => quote(textValue(o.v))).join(delimiter)),
  ];
  return { bytes: encode(lines.join(eol) + eol, options.encoding), laid };
}

const escapeHtml = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/\u00A0/g, '&nbsp;');

function htmlTable(table: Table, options: { title: string; subtitle?: string; charset: 'utf-8' | 'windows-874' }): { bytes: Uint8Array; laid: Laid } {
  const titleRows = options.subtitle ? 2 : 1;
  const laid = lay(table, titleRows + 2, 1, true);
  const width = laid.header.length;
  const cell = (o: Out): string => {
    const s = textValue(o.v);
    return s === '' ? '&nbsp;' : escapeHtml(s);
  };
  const lines = [
    '<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel" xmlns="http://www.w3.org/TR/REC-html40">',
    '<head>',
    `<meta http-equiv="Content-Type" content="text/html; charset=${options.charset}">`,
    '<style>td { mso-number-format:"\\@"; } th { background:#d9e1f2; }</style>',
    '</head>',
    '<body>',
    '<table border="1" cellspacing="0" cellpadding="2">',
    `<tr><td colspan="${width}" align="center"><b>${escapeHtml(options.title)}</b></td></tr>`,
    ...(options.subtitle ? [`<tr><td colspan="${width}" align="center">${escapeHtml(options.subtitle)}</td></tr>`] : []),
    '<tr>' + laid.header.map((h) => `<th>${escapeHtml(h)}</th>`).join('') + '</tr>',
    ...laid.rows.map((r) => '<tr>' + r.map((o) => `<td>${cell(o)}</td>`).join('') + '</tr>'),
    '</table>',
    '</body>',
    '</html>',
  ];
  const text = lines.join('\r\n') + '\r\n';
  return { bytes: options.charset === 'utf-8' ? utf8(text) : windows874(text), laid };
}

interface SheetSpec {
  name: string;
  table?: Table;
  /** Title rows above the header, each merged across the table. */
  titles?: string[];
  /** Empty rows between the titles and the header. */
  gap?: number;
  /** The table's first column (1 = A). */
  firstCol?: number;
  /** A sheet of other content: rows of plain values. */
  plain?: (string | number)[][];
}

const FIXED_DATE = new Date('2024-06-20T03:00:00Z');

async function workbookBytes(sheets: SheetSpec[], creator = 'สำนักงานพัฒนาชุมชนจังหวัด'): Promise<{ bytes: Uint8Array; laid: Map<string, Laid> }> {
  const ExcelJS = cjsDefault<ExcelModule>(await import('exceljs'));
  const workbook = new ExcelJS.Workbook();
  workbook.creator = creator;
  workbook.lastModifiedBy = creator;
  workbook.created = FIXED_DATE;
  workbook.modified = FIXED_DATE;
  const laidBySheet = new Map<string, Laid>();
  for (const spec of sheets) {
    if (spec.name.length > 31) throw new Error(`sheet name over 31 characters: ${spec.name}`);
    const ws = workbook.addWorksheet(spec.name);
    if (spec.plain) {
      for (const r of spec.plain) ws.addRow(r);
      ws.getColumn(1).width = 60;
    }
    if (!spec.table) continue;
    const titles = spec.titles ?? [];
    const firstCol = spec.firstCol ?? 1;
    const headerRow = titles.length + (spec.gap ?? 0) + 1;
    const laid = lay(spec.table, headerRow + 1, firstCol, false);
    laidBySheet.set(spec.name, laid);
    const width = laid.header.length;
    titles.forEach((title, t) => {
      const cell = ws.getCell(t + 1, firstCol);
      cell.value = title;
      cell.font = { bold: t === 0, size: t === 0 ? 14 : 12 };
      cell.alignment = { horizontal: 'center' };
      ws.mergeCells(t + 1, firstCol, t + 1, firstCol + width - 1);
    });
    laid.header.forEach((h, j) => {
      const cell = ws.getCell(headerRow, firstCol + j);
      cell.value = h;
      cell.font = { bold: true };
      cell.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
      cell.border = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } };
      ws.getColumn(firstCol + j).width = spec.table!.cols[j]!.width ?? 14;
    });
    laid.rows.forEach((row, i) => {
      row.forEach((o, j) => {
        const cell = ws.getCell(headerRow + 1 + i, firstCol + j);
        cell.value = o.v;
        if (o.numFmt) cell.numFmt = o.numFmt;
        else if (typeof o.v === 'string' && /^[\s\d.,%\u00A0๐-๙-]+$/.test(o.v)) cell.numFmt = '@';
      });
    });
    ws.views = [{ state: 'frozen', ySplit: headerRow, xSplit: 0 }];
  }
  const buffer = await workbook.xlsx.writeBuffer();
  return { bytes: fixZipTimes(new Uint8Array(buffer as ArrayBuffer)), laid: laidBySheet };
}

// ---------------------------------------------------------------------------------------------
// The corpus

const OUT = new Map<string, Uint8Array>();
const EXPECTED: Record<string, Expected> = {};

function record(name: string, bytes: Uint8Array, expected: Expected): void {
  if (OUT.has(name)) throw new Error(`file ${name} twice`);
  OUT.set(name, bytes);
  EXPECTED[name] = expected;
}

/** Fields of an entry besides the grades. */
interface Meta {
  describe: string;
  sheet?: string;
  idColumn?: string;
}

function entry(missionId: string | null, meta: Meta, laid: Laid, grades: NonNullable<Expected['grades']>, encoding?: Encoding): Expected {
  // Keys in a fixed order: mission, sheet, idColumn, describe, grades, conversions, cellErrors, encoding.
  const e: Expected = { mission: missionId, describe: '' };
  if (meta.sheet !== undefined) e.sheet = meta.sheet;
  if (meta.idColumn !== undefined) e.idColumn = meta.idColumn;
  delete (e as Partial<Expected>).describe;
  e.describe = meta.describe;
  e.grades = grades;
  if (Object.keys(laid.conversions).length > 0) e.conversions = laid.conversions;
  if (laid.cellErrors.length > 0) e.cellErrors = laid.cellErrors;
  if (encoding) e.encoding = encoding;
  return e;
}

function csvFile(name: string, table: Table, meta: Meta, options: TextOptions): void {
  const grades = gradeUnits(name, table.mission, table.units);
  const { bytes, laid } = delimited(table, options);
  record(name, bytes, entry(table.mission, meta, laid, grades, options.encoding));
}

function htmlFile(name: string, table: Table, meta: Meta, options: { title: string; subtitle?: string; charset: 'utf-8' | 'windows-874' }): void {
  const grades = gradeUnits(name, table.mission, table.units);
  const { bytes, laid } = htmlTable(table, options);
  record(name, bytes, entry(table.mission, meta, laid, grades, options.charset));
}

async function xlsxFile(name: string, sheet: SheetSpec, meta: Meta, others: SheetSpec[] = [], othersFirst = false): Promise<void> {
  const table = sheet.table!;
  const grades = gradeUnits(name, table.mission, table.units);
  const { bytes, laid } = await workbookBytes(othersFirst ? [...others, sheet] : [sheet, ...others]);
  record(name, bytes, entry(table.mission, meta, laid.get(sheet.name)!, grades));
}

async function multiFile(name: string, sheets: SheetSpec[], meta: Meta): Promise<void> {
  const grades: Record<string, Record<string, Grade>> = {};
  for (const s of sheets) if (s.table) grades[s.table.mission] = gradeUnits(name, s.table.mission, s.table.units);
  const { bytes, laid } = await workbookBytes(sheets);
  const conversions: Conversions = {};
  const cellErrors: CellError[] = [];
  for (const l of laid.values()) {
    mergeConversions(conversions, l.conversions);
    cellErrors.push(...l.cellErrors);
  }
  if (cellErrors.length > 0) throw new Error(`${name}: keep bad cells out of multi-mission workbooks`);
  record(name, bytes, entry(null, meta, { header: [], rows: [], cellErrors, conversions }, grades));
}

function refused(name: string, missionId: string | null, code: RefuseCode, describe: string, bytes: Uint8Array): void {
  record(name, bytes, { mission: missionId, refuse: { code }, describe });
}

// Titles as offices write them.
const REPORT = 'รายงานผลการดำเนินงาน ไตรมาส ๓/๒๕๖๗';
const office = (province: string): string => `สำนักงานพัฒนาชุมชนจังหวัด${province}`;
const missionTitle = (m: string): string => `ภารกิจที่ ${thaiDigits(String(mission(m).rubric.number ?? ''))} ${nameTh(m)}`;
const AS_OF = 'ข้อมูล ณ วันที่ ๒๐ มิถุนายน ๒๕๖๗';

/** A Google Forms timestamp in the Thai interface: 2024/06/18 9:05:12 ก่อนเที่ยง GMT+7. */
function formTimestamp(i: number, seed: number): string {
  const random = seededRandom(seed + i);
  const start = Date.UTC(2024, 5, 17, 1, 30, 0) + i * 53 * 60_000 + Math.floor(random() * 40 * 60_000) + Math.floor(random() * 60) * 1000;
  const d = new Date(start + 7 * 3_600_000);
  const h = d.getUTCHours();
  const h12 = h % 12 === 0 ? 12 : h % 12;
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}/${pad(d.getUTCMonth() + 1)}/${pad(d.getUTCDate())} ${h12}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} ${h < 12 ? 'ก่อนเที่ยง' : 'หลังเที่ยง'} GMT+7`;
}

const formColumns = (seed: number, emailOf: (u: Unit, i: number) => string): Col[] => [
  C.extra('ประทับเวลา', (_u, ctx) => ({ v: formTimestamp(ctx.i, seed) })),
  C.extra('ที่อยู่อีเมล', (u, ctx) => ({ v: emailOf(u, ctx.i) })),
];

// ---------------------------------------------------------------------------------------------
// Excel workbooks

/** Sales of the same quarter last year, in baht: a round figure, so growth to two decimals is whole baht. */
const lastYearSales = (u: Unit): number => 10000 * (20 + (Number(u.key.replace(/\D/g, '')) % 37));
/** This year's sales for the unit's growth, exact in baht. */
function thisYearSales(u: Unit): number {
  const growth = u.facts.salesGrowthPct as number;
  const hundredths = Math.round(growth * 100);
  if (Math.abs(hundredths - growth * 100) > 1e-6) throw new Error('sales growth with more than two decimals in a formula file');
  return lastYearSales(u) + (lastYearSales(u) / 10000) * hundredths;
}

async function workbooks(): Promise<void> {
  // OTOP, Lampang: percent cells stored as fractions under 0.00 %, the tricky 0.04005 among them.
  {
    const m = 'otop';
    const units = districtUnits(m, 'ลำปาง', 13, 101, 'number');
    pin(units, 0, { newProducts: 5, salesGrowthPct: 4.5 }, 'A');
    pin(units, 1, { newProducts: 5, salesGrowthPct: 4.005 }, 'A'); // 0.04005 shown 4.01 %: 4.005 rounds half up to 4.01 > 4
    pin(units, 2, { newProducts: 9, salesGrowthPct: 2.005 }, 'C'); // 2.005 rounds to 2.01 > 2
    pin(units, 3, { newProducts: 9, salesGrowthPct: 2 }, 'unmatched'); // exactly 2.00: the letter's hole
    pin(units, 4, { newProducts: 4, salesGrowthPct: 3.5 }, 'B');
    pin(units, 5, { newProducts: 2, salesGrowthPct: 10 }, 'D');
    await xlsxFile(
      'otop-lampang-percent-format.xlsx',
      {
        name: 'โอท็อป',
        titles: [REPORT, `${missionTitle(m)} ${office('ลำปาง')}`],
        table: {
          mission: m,
          units,
          cols: [
            C.id('รหัสอำเภอ'),
            C.province(),
            C.district(),
            C.fact(th(m, 'newProducts'), 'newProducts', S.num, 22),
            C.fact(th(m, 'salesGrowthPct'), 'salesGrowthPct', S.xlPct('0.00%'), 30),
          ],
        },
      },
      {
        describe: 'OTOP workbook with two merged title rows, a Thai sheet name, numeric ids and sales growth stored as fractions under 0.00 % (0.04005, shown 4.01 %, must read 4.005 and grade A).',
        sheet: 'โอท็อป',
        idColumn: 'รหัสอำเภอ',
      },
    );
  }

  // OTOP, Chiang Mai: the whole-percent format hides the decimals (0.02005 shows 2 %, 0.0399 shows 4 %).
  {
    const m = 'otop';
    const units = districtUnits(m, 'เชียงใหม่', 25, 102, 'text');
    pin(units, 0, { newProducts: 9, salesGrowthPct: 2.005 }, 'C'); // shows 2 %, is 2.005 → 2.01
    pin(units, 1, { newProducts: 6, salesGrowthPct: 3.99 }, 'B'); // shows 4 %, is 3.99
    pin(units, 2, { newProducts: 5, salesGrowthPct: 4.5 }, 'A'); // shows 5 %
    pin(units, 3, { newProducts: 5, salesGrowthPct: 4 }, 'B'); // 4 is not more than 4
    await xlsxFile(
      'otop-chiangmai-percent-whole.xlsx',
      {
        name: 'otop',
        titles: [REPORT],
        table: {
          mission: m,
          units,
          cols: [C.id('id'), C.province('province'), C.district('district'), C.fact('newProducts', 'newProducts', S.num), C.fact('salesGrowthPct', 'salesGrowthPct', S.xlPct('0%'))],
        },
      },
      { describe: 'OTOP sheet named by mission id with fact-id headers and percent cells under the whole-number 0 % format, whose display (2 %, 4 %) hides the decimals that decide the grade.' },
    );
  }

  // OTOP, Khon Kaen: growth as a formula over two sales columns with its cached result; English headers.
  {
    const m = 'otop';
    const units = districtUnits(m, 'ขอนแก่น', 26, 103, 'text');
    pin(units, 0, { newProducts: 3, salesGrowthPct: 3 }, 'C'); // 3 products: C; 3.00 is not more than 3: C
    pin(units, 1, { newProducts: 7, salesGrowthPct: 4.01 }, 'A');
    pin(units, 2, { newProducts: 8, salesGrowthPct: -5 }, 'D');
    await xlsxFile(
      'otop-khonkaen-formula.xlsx',
      {
        name: 'OTOP',
        titles: [REPORT, office('ขอนแก่น')],
        table: {
          mission: m,
          units,
          cols: [
            C.id('Unit ID'),
            C.province('Province'),
            C.district('District'),
            C.fact(en(m, 'newProducts'), 'newProducts', S.num),
            C.extra('ยอดขายไตรมาส ๓ ปี ๒๕๖๖ (บาท)', (u) => ({ v: lastYearSales(u), numFmt: '#,##0' }), 'old'),
            C.extra('ยอดขายไตรมาส ๓ ปี ๒๕๖๗ (บาท)', (u) => ({ v: thisYearSales(u), numFmt: '#,##0' }), 'new'),
            C.fact(
              en(m, 'salesGrowthPct'),
              'salesGrowthPct',
              (v, _i, ctx) => ({ v: { formula: `ROUND((${ctx.ref('new')}-${ctx.ref('old')})/${ctx.ref('old')}*100,2)`, result: v as number }, numFmt: '0.00' }),
              18,
            ),
          ],
        },
      },
      {
        describe: 'OTOP workbook with English-label headers where sales growth is a formula, ROUND((new-old)/old*100,2), over two sales columns; its cached result is the value, taken as written.',
        sheet: 'OTOP',
        idColumn: 'Unit ID',
      },
    );
  }

  // OTOP, Nan: growth as a formula giving a fraction under 0.00 %, headers with line breaks.
  {
    const m = 'otop';
    const units = districtUnits(m, 'น่าน', 15, 104, 'text');
    pin(units, 0, { newProducts: 4, salesGrowthPct: 4.5 }, 'B');
    pin(units, 1, { newProducts: 5, salesGrowthPct: 2.01 }, 'C');
    pin(units, 2, { newProducts: 3, salesGrowthPct: 1.99 }, 'D');
    await xlsxFile(
      'otop-nan-formula-percent.xlsx',
      {
        name: 'OTOP ไตรมาส 3',
        titles: [REPORT, office('น่าน')],
        table: {
          mission: m,
          units,
          cols: [
            C.id('รหัส'),
            C.district(),
            C.fact(broken(th(m, 'newProducts')), 'newProducts', S.num, 20),
            C.extra('ยอดขายไตรมาส ๓/๒๕๖๖', (u) => ({ v: lastYearSales(u), numFmt: '#,##0.00' }), 'old'),
            C.extra('ยอดขายไตรมาส ๓/๒๕๖๗', (u) => ({ v: thisYearSales(u), numFmt: '#,##0.00' }), 'new'),
            C.fact(
              broken(th(m, 'salesGrowthPct')),
              'salesGrowthPct',
              (v, _i, ctx) => ({ v: { formula: `(${ctx.ref('new')}-${ctx.ref('old')})/${ctx.ref('old')}`, result: fraction(v as number) }, numFmt: '0.00%', kind: 'excel-percent' }),
              24,
            ),
          ],
        },
      },
      {
        describe: 'OTOP workbook whose Thai-label headers hold line breaks and whose growth is a formula with a cached fraction under 0.00 % (0.045 is 4.5), without a province column.',
        sheet: 'OTOP ไตรมาส 3',
        idColumn: 'รหัส',
      },
    );
  }

  // Women's fund, Songkhla: text cells holding numbers, Thai digits among them; headers with line breaks.
  {
    const m = 'women-fund';
    const units = districtUnits(m, 'สงขลา', 16, 105, 'text');
    pin(units, 0, { overdueDebtPct: 4.5, memberGrowthPctOfTarget: 80, groupsPromotedPctOfTarget: 95 }, 'A'); // 100, 100, 100
    pin(units, 1, { overdueDebtPct: 5, memberGrowthPctOfTarget: 72, groupsPromotedPctOfTarget: 60 }, 'C'); // 100, 75, 25: 66.67
    pin(units, 2, { overdueDebtPct: 5, memberGrowthPctOfTarget: 66, groupsPromotedPctOfTarget: 60 }, 'D'); // 100, 50, 25: 58.33
    pin(units, 3, { overdueDebtPct: 14.01, memberGrowthPctOfTarget: 80, groupsPromotedPctOfTarget: 95 }, 'B'); // 25, 100, 100: 75
    await xlsxFile(
      'women-fund-songkhla-text-numbers.xlsx',
      {
        name: sheetNameTh(m),
        titles: [REPORT, office('สงขลา')],
        table: {
          mission: m,
          units,
          cols: [
            C.id('รหัสอำเภอ'),
            C.province(),
            C.district(),
            C.fact(broken(th(m, 'overdueDebtPct')), 'overdueDebtPct', S.cycle(S.text, S.num, S.thai)),
            C.fact(broken(th(m, 'memberGrowthPctOfTarget')), 'memberGrowthPctOfTarget', S.cycle(S.num, S.thai, S.text), 22),
            C.fact(broken(th(m, 'groupsPromotedPctOfTarget')), 'groupsPromotedPctOfTarget', S.cycle(S.thai, S.text, S.num), 30),
          ],
        },
      },
      {
        describe: "Women's fund workbook on a sheet with the mission's Thai name, Thai-label headers with line breaks, and percent columns mixing number cells, text cells (\"4.5\") and Thai digits (\"๔.๕\").",
        sheet: sheetNameTh(m),
        idColumn: 'รหัสอำเภอ',
      },
    );
  }

  // Women's fund, Phitsanulok: plain numbers in percent columns, headers with extra spaces.
  {
    const m = 'women-fund';
    const units = districtUnits(m, 'พิษณุโลก', 9, 106, 'text');
    pin(units, 0, { overdueDebtPct: 10, memberGrowthPctOfTarget: 69.5, groupsPromotedPctOfTarget: 85 }, 'unmatched'); // 50 or 75 points: C or B
    pin(units, 1, { overdueDebtPct: 12.5, memberGrowthPctOfTarget: 70, groupsPromotedPctOfTarget: 75 }, 'D'); // 50, 75, 50: 58.33
    pin(units, 2, { overdueDebtPct: 9.99, memberGrowthPctOfTarget: 75.01, groupsPromotedPctOfTarget: 90 }, 'A');
    await xlsxFile(
      'women-fund-phitsanulok-plain.xlsx',
      {
        name: 'women-fund',
        titles: [`${REPORT} ${office('พิษณุโลก')}`],
        table: {
          mission: m,
          units,
          cols: [
            C.id('  รหัส '),
            C.district('อำเภอ '),
            C.fact(spaced(th(m, 'overdueDebtPct')), 'overdueDebtPct', S.fmt('0.00')),
            C.fact(spaced(th(m, 'memberGrowthPctOfTarget')), 'memberGrowthPctOfTarget', S.num, 24),
            C.fact(spaced(th(m, 'groupsPromotedPctOfTarget')), 'groupsPromotedPctOfTarget', S.fmt('0.00'), 30),
          ],
        },
      },
      {
        describe: "Women's fund sheet whose headers carry extra spaces inside and around the Thai labels and whose percent columns hold plain numbers (12.5 means 12.5 %), taken as written.",
        idColumn: 'รหัส',
      },
    );
  }

  // Women's fund, Ubon: one column per way of writing a percent.
  {
    const m = 'women-fund';
    const units = districtUnits(m, 'อุบลราชธานี', 25, 107, 'number');
    pin(units, 0, { overdueDebtPct: 12, memberGrowthPctOfTarget: 80, groupsPromotedPctOfTarget: 95 }, 'A'); // 75, 100, 100: 91.67
    pin(units, 1, { overdueDebtPct: 20, memberGrowthPctOfTarget: 50, groupsPromotedPctOfTarget: 95 }, 'D'); // 25, 25, 100: 50
    pin(units, 2, { overdueDebtPct: 5, memberGrowthPctOfTarget: 64.99, groupsPromotedPctOfTarget: 95 }, 'B'); // 100, 25, 100: 75
    await xlsxFile(
      'women-fund-ubon-mixed-percent.xlsx',
      {
        name: 'women-fund',
        titles: [REPORT, office('อุบลราชธานี'), AS_OF],
        table: {
          mission: m,
          units,
          cols: [
            C.id('รหัสอำเภอ'),
            C.province(),
            C.district(),
            C.fact(th(m, 'overdueDebtPct'), 'overdueDebtPct', S.xlPct('0.00%')),
            C.fact(th(m, 'memberGrowthPctOfTarget'), 'memberGrowthPctOfTarget', S.fmt('0.00'), 24),
            C.fact(th(m, 'groupsPromotedPctOfTarget'), 'groupsPromotedPctOfTarget', S.text, 30),
          ],
        },
      },
      {
        describe: "Women's fund sheet with three title rows where each percent column is written its own way: fractions under 0.00 %, plain numbers under 0.00, and text cells.",
        idColumn: 'รหัสอำเภอ',
      },
    );
  }

  // Click Chumchon, Lampang: enum values as Thai labels, Excel booleans, an instructions sheet first.
  {
    const m = 'click-chumchon';
    const units = districtUnits(m, 'ลำปาง', 13, 108, 'text');
    pin(units, 0, { officialsUsingPct: 80, serviceRecords: 'all-current', prPostsPerMonth: 2, prChannels: 2, activitiesPerMonth: 2, downloadTargetMet: true }, 'A');
    pin(units, 1, { officialsUsingPct: 79.99, serviceRecords: 'all-current', prPostsPerMonth: 3, prChannels: 4, activitiesPerMonth: 5, downloadTargetMet: true }, 'B');
    pin(units, 2, { officialsUsingPct: 85, serviceRecords: 'at-least-once', prPostsPerMonth: 2, prChannels: 2, activitiesPerMonth: 2, downloadTargetMet: true }, 'D');
    pin(units, 3, { officialsUsingPct: 60, serviceRecords: 'all-current', prPostsPerMonth: 1, prChannels: 2, activitiesPerMonth: 1, downloadTargetMet: true }, 'C');
    await xlsxFile(
      'click-chumchon-lampang-labels.xlsx',
      {
        name: 'Click ชุมชน',
        titles: [REPORT, office('ลำปาง')],
        table: {
          mission: m,
          units,
          cols: [
            C.id('รหัสอำเภอ'),
            C.province(),
            C.district(),
            C.fact(th(m, 'officialsUsingPct'), 'officialsUsingPct', S.xlPct('0.00%'), 40),
            C.fact(th(m, 'serviceRecords'), 'serviceRecords', S.enumTh(m, 'serviceRecords'), 36),
            C.fact(th(m, 'prPostsPerMonth'), 'prPostsPerMonth', S.num, 24),
            C.fact(th(m, 'prChannels'), 'prChannels', S.num),
            C.fact(th(m, 'activitiesPerMonth'), 'activitiesPerMonth', S.num, 24),
            C.fact(th(m, 'downloadTargetMet'), 'downloadTargetMet', S.bool, 24),
          ],
        },
      },
      {
        describe: 'Click Chumchon workbook whose first sheet holds instructions; the data sheet has Thai-label headers, record states written as their Thai labels, Excel booleans and fractions under 0.00 %.',
        sheet: 'Click ชุมชน',
        idColumn: 'รหัสอำเภอ',
      },
      [
        {
          name: 'คำชี้แจง',
          plain: [
            ['คำชี้แจงการกรอกข้อมูล ภารกิจ Click ชุมชน ไตรมาส ๓/๒๕๖๗'],
            ['๑. กรอกข้อมูลในแผ่นงาน "Click ชุมชน" อำเภอละหนึ่งแถว'],
            ['๒. ร้อยละให้กรอกเป็นตัวเลข เช่น 85.50%'],
            ['๓. ส่งภายในวันที่ ๒๐ มิถุนายน ๒๕๖๗'],
          ],
        },
      ],
      true,
    );
  }

  // Click Chumchon, Surin: yes/no as ใช่/ไม่ใช่, enum ids as written, fact-id headers.
  {
    const m = 'click-chumchon';
    const units = districtUnits(m, 'สุรินทร์', 17, 109, 'text');
    pin(units, 0, { officialsUsingPct: 85, serviceRecords: 'all-current', prPostsPerMonth: 2, prChannels: 2, activitiesPerMonth: 2, downloadTargetMet: false }, 'D');
    pin(units, 1, { officialsUsingPct: 70, serviceRecords: 'all-current', prPostsPerMonth: 2, prChannels: 2, activitiesPerMonth: 2, downloadTargetMet: true }, 'B');
    pin(units, 2, { officialsUsingPct: 85, serviceRecords: 'all-current', prPostsPerMonth: 1, prChannels: 2, activitiesPerMonth: 2, downloadTargetMet: true }, 'C');
    await xlsxFile(
      'click-chumchon-surin-words.xlsx',
      {
        name: 'click-chumchon',
        table: {
          mission: m,
          units,
          cols: [
            C.id('id'),
            C.province('province'),
            C.district('district'),
            C.fact('officialsUsingPct', 'officialsUsingPct', S.num),
            C.fact('serviceRecords', 'serviceRecords', S.enumId),
            C.fact('prPostsPerMonth', 'prPostsPerMonth', S.num),
            C.fact('prChannels', 'prChannels', S.num),
            C.fact('activitiesPerMonth', 'activitiesPerMonth', S.num),
            C.fact('downloadTargetMet', 'downloadTargetMet', S.words('ใช่', 'ไม่ใช่')),
          ],
        },
      },
      { describe: 'Click Chumchon sheet with fact-id headers and no title, record states as enum ids and the download target written ใช่/ไม่ใช่.' },
    );
  }

  // Pracharat, the north's provinces: ✓/✗, a sheet named by the company's Thai name cut to 31 characters.
  {
    const m = 'pracharat';
    const north = ['เชียงใหม่', 'เชียงราย', 'ลำปาง', 'ลำพูน', 'แม่ฮ่องสอน', 'น่าน', 'พะเยา', 'แพร่', 'อุตรดิตถ์'];
    const units = provinceUnits(m, north, 110, 'number');
    pin(units, 0, { followsPlan: true, hasRevenue: true, controlsCost: true }, 'A');
    pin(units, 1, { followsPlan: false, hasRevenue: true, controlsCost: true }, 'B');
    pin(units, 2, { followsPlan: false, hasRevenue: true, controlsCost: false }, 'C');
    pin(units, 3, { followsPlan: false, hasRevenue: false, controlsCost: false }, 'D');
    pin(units, 4, { followsPlan: true, hasRevenue: true, controlsCost: false }, 'unmatched');
    await xlsxFile(
      'pracharat-north-checkmarks.xlsx',
      {
        name: sheetNameTh(m),
        titles: [`${REPORT} ${nameTh(m)}`],
        table: {
          mission: m,
          units,
          cols: [
            C.id('รหัสจังหวัด'),
            C.province('จังหวัด', provinceWithPrefix),
            C.fact(th(m, 'followsPlan'), 'followsPlan', S.words('✓', '✗')),
            C.fact(th(m, 'hasRevenue'), 'hasRevenue', S.words('✓', '✗')),
            C.fact(th(m, 'controlsCost'), 'controlsCost', S.words('✓', '✗')),
          ],
        },
      },
      {
        describe: "Pracharat companies of nine northern provinces, one row per province, on a sheet named by the mission's Thai name cut to Excel's 31 characters, answers as ✓ and ✗.",
        sheet: sheetNameTh(m),
        idColumn: 'รหัสจังหวัด',
      },
    );
  }

  // Pracharat, the north-east's provinces: มี/ไม่มี and no id column.
  {
    const m = 'pracharat';
    const isan = ['ขอนแก่น', 'อุดรธานี', 'นครราชสีมา', 'ร้อยเอ็ด', 'มหาสารคาม', 'กาฬสินธุ์', 'สกลนคร', 'นครพนม', 'มุกดาหาร', 'เลย', 'หนองบัวลำภู'];
    const units = provinceUnits(m, isan, 111, 'none');
    pin(units, 0, { followsPlan: true, hasRevenue: false, controlsCost: true }, 'unmatched');
    pin(units, 1, { followsPlan: false, hasRevenue: true, controlsCost: true }, 'B');
    pin(units, 2, { followsPlan: true, hasRevenue: true, controlsCost: true }, 'A');
    await xlsxFile(
      'pracharat-isan-no-id.xlsx',
      {
        name: 'ประชารัฐ',
        titles: [REPORT],
        table: {
          mission: m,
          units,
          cols: [
            C.province(),
            C.fact(th(m, 'followsPlan'), 'followsPlan', S.words('มี', 'ไม่มี')),
            C.fact(th(m, 'hasRevenue'), 'hasRevenue', S.words('มี', 'ไม่มี')),
            C.fact(th(m, 'controlsCost'), 'controlsCost', S.words('ใช่', 'ไม่ใช่')),
          ],
        },
      },
      {
        describe: 'Pracharat sheet without an id column (rows are #1, #2…), one row per province, yes/no written มี/ไม่มี and ใช่/ไม่ใช่.',
        sheet: 'ประชารัฐ',
      },
    );
  }

  // Khok Nong Na, Nakhon Ratchasima: 1 and 0 for yes and no, 30 rows, a truncated Thai sheet name.
  {
    const m = 'khok-nong-na';
    const units = districtUnits(m, 'นครราชสีมา', 30, 112, 'text');
    pin(units, 0, { place: true, people: true, product: true, promotion: true, passOnPerfect: true }, 'A');
    pin(units, 1, { place: true, people: true, product: true, promotion: true, passOnPerfect: false }, 'B');
    pin(units, 2, { place: false, people: true, product: true, promotion: true, passOnPerfect: false }, 'C');
    pin(units, 3, { place: true, people: false, product: false, promotion: true, passOnPerfect: false }, 'D');
    await xlsxFile(
      'khok-nong-na-korat-one-zero.xlsx',
      {
        name: sheetNameTh(m),
        titles: [REPORT, office('นครราชสีมา')],
        table: {
          mission: m,
          units,
          cols: [
            C.id('รหัสอำเภอ'),
            C.district(),
            ...(['place', 'people', 'product', 'promotion', 'passOnPerfect'] as const).map((f) => C.fact(th(m, f), f, S.oneZero)),
          ],
        },
      },
      {
        describe: "Khok Nong Na sheet of 30 districts named by the mission's Thai name cut to 31 characters, each of the five dimensions written 1 or 0.",
        sheet: sheetNameTh(m),
        idColumn: 'รหัสอำเภอ',
      },
    );
  }

  // Khok Nong Na, Trang: Excel booleans, no id column but a ลำดับ (sequence) column.
  {
    const m = 'khok-nong-na';
    const units = districtUnits(m, 'ตรัง', 10, 113, 'none');
    pin(units, 0, { place: false, people: false, product: false, promotion: false, passOnPerfect: false }, 'D');
    pin(units, 1, { place: true, people: true, product: true, promotion: true, passOnPerfect: true }, 'A');
    await xlsxFile(
      'khok-nong-na-trang-no-id.xlsx',
      {
        name: 'khok-nong-na',
        titles: [REPORT, office('ตรัง')],
        table: {
          mission: m,
          units,
          cols: [
            C.seq(),
            C.district(),
            C.province(),
            ...(['place', 'people', 'product', 'promotion', 'passOnPerfect'] as const).map((f) => C.fact(th(m, f), f, S.bool)),
          ],
        },
      },
      { describe: 'Khok Nong Na sheet with a ลำดับ sequence column that is no id (rows are #1, #2…), district before province, and Excel booleans.' },
    );
  }

  // Community funds, a region's provinces: province spellings, exempt provinces leaving item 1 blank.
  {
    const m = 'community-fund';
    const provinces = ['ภูเก็ต', 'นนทบุรี', 'สงขลา', 'ตรัง', 'สุโขทัย', 'กระบี่', 'หนองคาย', 'พังงา', 'อ่างทอง', 'สมุทรปราการ', 'ระนอง', 'สตูล'];
    const units = provinceUnits(m, provinces, 114, 'text');
    pin(units, 0, { memberGrowthPct: 1, debtReliefPct: 68 }, 'B'); // ภูเก็ต exempt: 10 + 9 = 19 × 1.5 = 28.5
    pin(units, 1, { memberGrowthPct: 1, debtReliefPct: 75 }, 'A'); // นนทบุรี exempt: 30
    pin(units, 2, { savingsGroupsPct: 100, memberGrowthPct: 1, debtReliefPct: 70.01 }, 'A'); // สงขลา: 30
    pin(units, 3, { savingsGroupsPct: 85, memberGrowthPct: 0.6, debtReliefPct: 62 }, 'C'); // ตรัง: 24
    pin(units, 4, { memberGrowthPct: 0.6, debtReliefPct: 68 }, 'C'); // สุโขทัย exempt: 17 × 1.5 = 25.5
    pin(units, 6, { memberGrowthPct: 0.6, debtReliefPct: 10 }, 'D'); // หนองคาย exempt: 15 × 1.5 = 22.5
    await xlsxFile(
      'community-fund-south-provinces.xlsx',
      {
        name: 'community-fund',
        titles: [REPORT, 'สรุปผลระดับจังหวัด'],
        table: {
          mission: m,
          units,
          cols: [
            C.id('รหัสจังหวัด'),
            C.provinceFact('จังหวัด', [1, 2, 0, 3, 3, 0, 0, 1, 2, 1, 0, 3]),
            C.fact(th(m, 'savingsGroupsPct'), 'savingsGroupsPct', S.xlPct('0.00%'), 30),
            C.fact(th(m, 'memberGrowthPct'), 'memberGrowthPct', S.xlPct('0.00%'), 30),
            C.fact(th(m, 'debtReliefPct'), 'debtReliefPct', S.xlPct('0.00%'), 30),
          ],
        },
      },
      {
        describe: 'Community funds by province with provinces written จ.ภูเก็ต, จังหวัดนนทบุรี, Phuket or plainly, fractions under 0.00 %, and the six exempt provinces leaving item 1 blank (rescaled to 30).',
        idColumn: 'รหัสจังหวัด',
      },
    );
  }

  // Community funds, Lampang's districts: line-broken headers.
  {
    const m = 'community-fund';
    const units = districtUnits(m, 'ลำปาง', 13, 115, 'text');
    pin(units, 0, { savingsGroupsPct: 99, memberGrowthPct: 1, debtReliefPct: 75 }, 'B'); // 9 + 10 + 10 = 29
    pin(units, 1, { savingsGroupsPct: 89.5, memberGrowthPct: 0.8, debtReliefPct: 68 }, 'unmatched'); // 26 or 27
    pin(units, 2, { savingsGroupsPct: 85, memberGrowthPct: 0.6, debtReliefPct: 50 }, 'D'); // 8 + 8 + 7 = 23
    await xlsxFile(
      'community-fund-lampang-districts.xlsx',
      {
        name: 'กองทุนชุมชน',
        titles: [REPORT, office('ลำปาง')],
        table: {
          mission: m,
          units,
          cols: [
            C.id('รหัส'),
            C.district(),
            C.provinceFact('จังหวัด', [0]),
            C.fact(broken(th(m, 'savingsGroupsPct')), 'savingsGroupsPct', S.num, 30),
            C.fact(broken(th(m, 'memberGrowthPct')), 'memberGrowthPct', S.num, 30),
            C.fact(broken(th(m, 'debtReliefPct')), 'debtReliefPct', S.num, 30),
          ],
        },
      },
      {
        describe: "Community funds of Lampang's districts on a sheet with the mission's Thai name, long Thai-label headers broken over lines, plain numbers in the percent columns.",
        sheet: 'กองทุนชุมชน',
        idColumn: 'รหัส',
      },
    );
  }

  // BMN, the department's compilation by province: counts as text with thousands commas.
  {
    const m = 'bmn';
    const provinces = ['นครราชสีมา', 'อุบลราชธานี', 'ขอนแก่น', 'บุรีรัมย์', 'ศรีสะเกษ', 'สุรินทร์', 'อุดรธานี', 'ร้อยเอ็ด', 'ชัยภูมิ', 'เชียงใหม่'];
    const units = provinceUnits(m, provinces, 116, 'number');
    pin(units, 0, { villagesVerified: 1234, villagesTarget: 1300 }, 'B'); // 94.92 %
    pin(units, 1, { villagesVerified: 1200, villagesTarget: 1200 }, 'A');
    pin(units, 2, { villagesVerified: 2405, villagesTarget: 4010 }, 'D'); // 59.98 %
    await xlsxFile(
      'bmn-provinces-thousands.xlsx',
      {
        name: 'จปฐ.',
        titles: ['ผลการจัดเวทีตรวจสอบและรับรองคุณภาพข้อมูล จปฐ. ปี ๒๕๖๗'],
        table: {
          mission: m,
          units,
          cols: [
            C.id('รหัสจังหวัด'),
            C.province(),
            C.fact(th(m, 'villagesVerified'), 'villagesVerified', S.cycle(S.thousands, S.fmt('#,##0')), 30),
            C.fact(th(m, 'villagesTarget'), 'villagesTarget', S.cycle(S.fmt('#,##0'), S.thousands), 30),
          ],
        },
      },
      {
        describe: 'BMN by province where village counts alternate between numbers under #,##0 and text cells with thousands commas ("1,234").',
        sheet: 'จปฐ.',
        idColumn: 'รหัสจังหวัด',
      },
    );
  }

  // Thai textiles, Chiang Rai: มี/ไม่มี, growth under 0.00 %.
  {
    const m = 'thai-textile';
    const units = districtUnits(m, 'เชียงราย', 18, 117, 'text');
    pin(units, 0, { producerDatabase: true, prPostsMinPerMonth: 4, naturalDyeing: true, revenueGrowthPct: 4 }, 'A');
    pin(units, 1, { producerDatabase: true, prPostsMinPerMonth: 4, naturalDyeing: true, revenueGrowthPct: 3.99 }, 'B');
    pin(units, 2, { producerDatabase: true, prPostsMinPerMonth: 4, naturalDyeing: true, revenueGrowthPct: 0 }, 'C');
    pin(units, 3, { producerDatabase: true, prPostsMinPerMonth: 4, naturalDyeing: false, revenueGrowthPct: 10 }, 'D');
    pin(units, 4, { producerDatabase: false, prPostsMinPerMonth: 8, naturalDyeing: true, revenueGrowthPct: 2 }, 'D');
    await xlsxFile(
      'thai-textile-chiangrai.xlsx',
      {
        name: 'ผ้าไทย',
        titles: [REPORT, `${nameTh(m)} ${office('เชียงราย')}`],
        table: {
          mission: m,
          units,
          cols: [
            C.id('รหัสอำเภอ'),
            C.district(),
            C.fact(th(m, 'producerDatabase'), 'producerDatabase', S.words('มี', 'ไม่มี'), 30),
            C.fact(th(m, 'prPostsMinPerMonth'), 'prPostsMinPerMonth', S.num, 24),
            C.fact(th(m, 'naturalDyeing'), 'naturalDyeing', S.words('มี', 'ไม่มี'), 40),
            C.fact(th(m, 'revenueGrowthPct'), 'revenueGrowthPct', S.xlPct('0.00%'), 30),
          ],
        },
      },
      {
        describe: 'Thai textiles sheet with yes/no written มี/ไม่มี and revenue growth as fractions under 0.00 %.',
        sheet: 'ผ้าไทย',
        idColumn: 'รหัสอำเภอ',
      },
    );
  }

  // Moral organization, Yala: staff participation as a fraction under 0 % (1 is 100 %).
  {
    const m = 'moral-organization';
    const units = districtUnits(m, 'ยะลา', 8, 118, 'text');
    pin(units, 0, { planCompleted: true, staffParticipationPct: 100, recognizedOrganizations: true, recognizedUnits: true, publicityChannels: 3 }, 'A');
    pin(units, 1, { planCompleted: true, staffParticipationPct: 100, recognizedOrganizations: true, recognizedUnits: true, publicityChannels: 2 }, 'B');
    pin(units, 2, { planCompleted: false, staffParticipationPct: 80, recognizedOrganizations: true, recognizedUnits: false, publicityChannels: 5 }, 'C');
    pin(units, 3, { planCompleted: false, staffParticipationPct: 50, recognizedOrganizations: false, recognizedUnits: false, publicityChannels: 0 }, 'D');
    await xlsxFile(
      'moral-organization-yala.xlsx',
      {
        name: 'องค์กรคุณธรรม',
        titles: [REPORT, office('ยะลา')],
        table: {
          mission: m,
          units,
          cols: [
            C.id('รหัสหน่วยงาน'),
            C.district('หน่วยงาน'),
            C.fact(th(m, 'planCompleted'), 'planCompleted', S.bool, 40),
            C.fact(th(m, 'staffParticipationPct'), 'staffParticipationPct', S.xlPct('0%'), 24),
            C.fact(th(m, 'recognizedOrganizations'), 'recognizedOrganizations', S.bool, 24),
            C.fact(th(m, 'recognizedUnits'), 'recognizedUnits', S.bool, 24),
            C.fact(th(m, 'publicityChannels'), 'publicityChannels', S.num, 24),
          ],
        },
      },
      {
        describe: 'Moral organization sheet with Excel booleans and staff participation as fractions under the whole-number 0 % format (1 is 100 %).',
        sheet: 'องค์กรคุณธรรม',
        idColumn: 'รหัสหน่วยงาน',
      },
    );
  }

  // OTOP, Sakon Nakhon: the table starts at B5 below titles and an empty row; Thai digits in text cells.
  {
    const m = 'otop';
    const units = districtUnits(m, 'สกลนคร', 18, 119, 'text');
    pin(units, 0, { newProducts: 5, salesGrowthPct: 4.01 }, 'A');
    pin(units, 1, { newProducts: 3, salesGrowthPct: 4.01 }, 'C');
    pin(units, 2, { newProducts: 9, salesGrowthPct: 1.99 }, 'D');
    await xlsxFile(
      'otop-sakon-offset-table.xlsx',
      {
        name: 'otop',
        titles: [REPORT, office('สกลนคร'), AS_OF],
        gap: 1,
        firstCol: 2,
        table: {
          mission: m,
          units,
          cols: [
            C.id('รหัสอำเภอ'),
            C.district(),
            C.fact(th(m, 'newProducts'), 'newProducts', S.cycle(S.thai, S.num), 22),
            C.fact(th(m, 'salesGrowthPct'), 'salesGrowthPct', S.cycle(S.num, S.thai, S.pct), 30),
          ],
        },
      },
      {
        describe: 'OTOP sheet whose table starts at column B under three title rows and an empty row (header on row 5), with Thai digits and "4.5%" text among the numbers.',
        idColumn: 'รหัสอำเภอ',
      },
    );
  }

  // --- bad cells in workbooks

  // OTOP, Phrae: a decimal comma and a range in one cell.
  {
    const m = 'otop';
    const units = districtUnits(m, 'แพร่', 8, 120, 'text');
    pin(units, 0, { newProducts: 5, salesGrowthPct: 4.5 }, 'A');
    spoil(units, 2, 'salesGrowthPct', '4,5', 'AMBIGUOUS_NUMBER');
    spoil(units, 5, 'newProducts', '3-4', 'AMBIGUOUS_NUMBER');
    await xlsxFile(
      'otop-phrae-bad-cells.xlsx',
      {
        name: 'otop',
        titles: [REPORT, office('แพร่')],
        table: {
          mission: m,
          units,
          cols: [C.id('รหัสอำเภอ'), C.district(), C.fact(th(m, 'newProducts'), 'newProducts', S.num, 22), C.fact(th(m, 'salesGrowthPct'), 'salesGrowthPct', S.xlPct('0.00%'), 30)],
        },
      },
      {
        describe: 'OTOP sheet where one growth cell is the text "4,5" (a decimal comma) and one product count is "3-4" (two numbers); those two rows are errors and the rest grade.',
        idColumn: 'รหัสอำเภอ',
      },
    );
  }

  // Click Chumchon, Udon Thani: a record state that is no label and a fractional channel count.
  {
    const m = 'click-chumchon';
    const units = districtUnits(m, 'อุดรธานี', 20, 121, 'text');
    pin(units, 0, { officialsUsingPct: 59.99, serviceRecords: 'all-current', prPostsPerMonth: 2, prChannels: 2, activitiesPerMonth: 2, downloadTargetMet: true }, 'D');
    pin(units, 1, { officialsUsingPct: 69.99, serviceRecords: 'all-current', prPostsPerMonth: 2, prChannels: 2, activitiesPerMonth: 2, downloadTargetMet: true }, 'C');
    spoil(units, 4, 'serviceRecords', 'บันทึกบางส่วน', 'UNKNOWN_VALUE');
    spoil(units, 11, 'prChannels', 2.5, 'NOT_AN_INTEGER');
    await xlsxFile(
      'click-chumchon-udon-bad-cells.xlsx',
      {
        name: 'Click ชุมชน',
        titles: [REPORT, office('อุดรธานี')],
        table: {
          mission: m,
          units,
          cols: [
            C.id('รหัสอำเภอ'),
            C.district(),
            C.fact(th(m, 'officialsUsingPct'), 'officialsUsingPct', S.xlPct('0.00%'), 40),
            C.fact(th(m, 'serviceRecords'), 'serviceRecords', S.enumTh(m, 'serviceRecords'), 36),
            C.fact(th(m, 'prPostsPerMonth'), 'prPostsPerMonth', S.num, 24),
            C.fact(th(m, 'prChannels'), 'prChannels', S.num),
            C.fact(th(m, 'activitiesPerMonth'), 'activitiesPerMonth', S.num, 24),
            C.fact(th(m, 'downloadTargetMet'), 'downloadTargetMet', S.bool, 24),
          ],
        },
      },
      {
        describe: 'Click Chumchon sheet where one record state, "บันทึกบางส่วน", is none of the three labels and one channel count is the number 2.5; those rows are errors, the rest grade.',
        sheet: 'Click ชุมชน',
        idColumn: 'รหัสอำเภอ',
      },
    );
  }

  // Community funds by province: a misspelt province and a dash for a non-exempt province's item 1.
  {
    const m = 'community-fund';
    const provinces = ['กระบี่', 'ภูเก็ต', 'พังงา', 'ระนอง', 'ชุมพร', 'สุราษฎร์ธานี', 'นครศรีธรรมราช'];
    const units = provinceUnits(m, provinces, 122, 'text');
    pin(units, 0, { savingsGroupsPct: 100, memberGrowthPct: 1, debtReliefPct: 70.01 }, 'A');
    spoil(units, 1, 'province', 'ภูเกต', 'UNKNOWN_PROVINCE');
    spoil(units, 4, 'savingsGroupsPct', '-', 'NOT_A_NUMBER');
    await xlsxFile(
      'community-fund-andaman-bad-cells.xlsx',
      {
        name: 'community-fund',
        titles: [REPORT],
        table: {
          mission: m,
          units,
          cols: [
            C.id('รหัสจังหวัด'),
            C.provinceFact('จังหวัด', [0, 0, 1, 2, 0, 3, 0]),
            C.fact(th(m, 'savingsGroupsPct'), 'savingsGroupsPct', S.num, 30),
            C.fact(th(m, 'memberGrowthPct'), 'memberGrowthPct', S.num, 30),
            C.fact(th(m, 'debtReliefPct'), 'debtReliefPct', S.num, 30),
          ],
        },
      },
      {
        describe: 'Community funds by province where one province is misspelt "ภูเกต" (so its exemption cannot be decided) and a province that is not exempt writes "-" for item 1; both rows are errors.',
        idColumn: 'รหัสจังหวัด',
      },
    );
  }

  // Khok Nong Na, Phayao: yes/no words with two unknown answers.
  {
    const m = 'khok-nong-na';
    const units = districtUnits(m, 'พะเยา', 9, 123, 'text');
    pin(units, 0, { place: true, people: true, product: true, promotion: false, passOnPerfect: true }, 'B');
    spoil(units, 3, 'promotion', 'อาจจะ', 'UNKNOWN_WORD');
    spoil(units, 6, 'passOnPerfect', 'ไม่แน่ใจ', 'UNKNOWN_WORD');
    await xlsxFile(
      'khok-nong-na-phayao-bad-words.xlsx',
      {
        name: sheetNameTh(m),
        titles: [REPORT, office('พะเยา')],
        table: {
          mission: m,
          units,
          cols: [C.id('รหัสอำเภอ'), C.district(), ...(['place', 'people', 'product', 'promotion', 'passOnPerfect'] as const).map((f) => C.fact(th(m, f), f, S.words('มี', 'ไม่มี')))],
        },
      },
      {
        describe: 'Khok Nong Na sheet with yes/no written มี/ไม่มี where two answers are "อาจจะ" and "ไม่แน่ใจ", words for neither; those rows are errors.',
        sheet: sheetNameTh(m),
        idColumn: 'รหัสอำเภอ',
      },
    );
  }

  // BMN, Buriram: a count written with a dot for thousands, and a fractional count.
  {
    const m = 'bmn';
    const units = districtUnits(m, 'บุรีรัมย์', 23, 124, 'text');
    pin(units, 0, { villagesVerified: 95, villagesTarget: 95 }, 'A');
    pin(units, 1, { villagesVerified: 60, villagesTarget: 100 }, 'C');
    pin(units, 2, { villagesVerified: 59, villagesTarget: 100 }, 'D');
    spoil(units, 7, 'villagesTarget', '1.200', 'AMBIGUOUS_NUMBER');
    spoil(units, 15, 'villagesVerified', 95.5, 'NOT_AN_INTEGER');
    await xlsxFile(
      'bmn-buriram-bad-counts.xlsx',
      {
        name: 'bmn',
        titles: ['ผลการจัดเวทีตรวจสอบและรับรองคุณภาพข้อมูล จปฐ.', office('บุรีรัมย์')],
        table: {
          mission: m,
          units,
          cols: [C.id('รหัสอำเภอ'), C.district(), C.fact(th(m, 'villagesVerified'), 'villagesVerified', S.num, 30), C.fact(th(m, 'villagesTarget'), 'villagesTarget', S.num, 30)],
        },
      },
      {
        describe: 'BMN sheet where one village target is the text "1.200" (a dot that may be a thousands separator or a decimal point: ambiguous) and one count is the number 95.5; those rows are errors.',
        idColumn: 'รหัสอำเภอ',
      },
    );
  }
}

/** One province's workbook for several missions, a sheet each. */
async function multiMissionWorkbooks(): Promise<void> {
  // Sheets named by mission id, with a summary sheet that is no mission.
  {
    const p = 'ลำพูน';
    const otop = districtUnits('otop', p, 8, 201, 'text');
    pin(otop, 0, { newProducts: 5, salesGrowthPct: 4.5 }, 'A');
    const women = districtUnits('women-fund', p, 8, 202, 'text');
    pin(women, 0, { overdueDebtPct: 5, memberGrowthPctOfTarget: 72, groupsPromotedPctOfTarget: 60 }, 'C');
    const pracharat = provinceUnits('pracharat', [p], 203, 'text');
    pin(pracharat, 0, { followsPlan: false, hasRevenue: true, controlsCost: true }, 'B');
    const knn = districtUnits('khok-nong-na', p, 8, 204, 'text');
    pin(knn, 0, { place: true, people: true, product: true, promotion: true, passOnPerfect: false }, 'B');
    await multiFile(
      'lamphun-missions-by-id.xlsx',
      [
        {
          name: 'สรุป',
          plain: [['สรุปการรายงานผลการดำเนินงาน ไตรมาส ๓/๒๕๖๗ ' + office(p)], ['ภารกิจ', 'จำนวนหน่วยงาน'], ['otop', 8], ['women-fund', 8], ['pracharat', 1], ['khok-nong-na', 8]],
        },
        {
          name: 'otop',
          titles: [REPORT],
          table: { mission: 'otop', units: otop, cols: [C.id('id'), C.district(), C.fact(th('otop', 'newProducts'), 'newProducts', S.num), C.fact(th('otop', 'salesGrowthPct'), 'salesGrowthPct', S.xlPct('0.00%'))] },
        },
        {
          name: 'women-fund',
          titles: [REPORT],
          table: {
            mission: 'women-fund',
            units: women,
            cols: [
              C.id('id'),
              C.district(),
              C.fact(th('women-fund', 'overdueDebtPct'), 'overdueDebtPct', S.num),
              C.fact(th('women-fund', 'memberGrowthPctOfTarget'), 'memberGrowthPctOfTarget', S.num),
              C.fact(th('women-fund', 'groupsPromotedPctOfTarget'), 'groupsPromotedPctOfTarget', S.num),
            ],
          },
        },
        {
          name: 'pracharat',
          table: {
            mission: 'pracharat',
            units: pracharat,
            cols: [C.id('id'), C.province(), ...(['followsPlan', 'hasRevenue', 'controlsCost'] as const).map((f) => C.fact(th('pracharat', f), f, S.bool))],
          },
        },
        {
          name: 'khok-nong-na',
          titles: [REPORT],
          table: { mission: 'khok-nong-na', units: knn, cols: [C.id('id'), C.district(), ...(['place', 'people', 'product', 'promotion', 'passOnPerfect'] as const).map((f) => C.fact(f, f, S.bool))] },
        },
      ],
      { describe: "One province's workbook with a summary sheet first (no mission: ignored) and four mission sheets named by mission id, read with --all." },
    );
  }

  // Sheets named by the missions' Thai names, the long one cut to 31 characters.
  {
    const p = 'เชียงราย';
    const women = districtUnits('women-fund', p, 18, 211, 'text');
    pin(women, 0, { overdueDebtPct: 14.01, memberGrowthPctOfTarget: 80, groupsPromotedPctOfTarget: 95 }, 'B');
    const cf = districtUnits('community-fund', p, 18, 212, 'text');
    pin(cf, 0, { savingsGroupsPct: 79.99, memberGrowthPct: 1, debtReliefPct: 75 }, 'B'); // 7 + 10 + 10 = 27
    const click = districtUnits('click-chumchon', p, 18, 213, 'text');
    pin(click, 0, { officialsUsingPct: 85, serviceRecords: 'all-current', prPostsPerMonth: 2, prChannels: 1, activitiesPerMonth: 2, downloadTargetMet: true }, 'D');
    const pracharat = provinceUnits('pracharat', [p], 214, 'text');
    pin(pracharat, 0, { followsPlan: false, hasRevenue: true, controlsCost: false }, 'C');
    await multiFile(
      'chiangrai-missions-thai-names.xlsx',
      [
        {
          name: sheetNameTh('women-fund'),
          titles: [REPORT, office(p)],
          table: {
            mission: 'women-fund',
            units: women,
            cols: [
              C.id('รหัสหน่วยงาน'),
              C.district(),
              C.fact(th('women-fund', 'overdueDebtPct'), 'overdueDebtPct', S.xlPct('0.00%')),
              C.fact(th('women-fund', 'memberGrowthPctOfTarget'), 'memberGrowthPctOfTarget', S.xlPct('0.00%')),
              C.fact(th('women-fund', 'groupsPromotedPctOfTarget'), 'groupsPromotedPctOfTarget', S.xlPct('0.00%')),
            ],
          },
        },
        {
          name: sheetNameTh('community-fund'),
          titles: [REPORT, office(p)],
          table: {
            mission: 'community-fund',
            units: cf,
            cols: [
              C.id('รหัสหน่วยงาน'),
              C.district(),
              C.provinceFact('จังหวัด', [0, 1]),
              C.fact(th('community-fund', 'savingsGroupsPct'), 'savingsGroupsPct', S.num),
              C.fact(th('community-fund', 'memberGrowthPct'), 'memberGrowthPct', S.num),
              C.fact(th('community-fund', 'debtReliefPct'), 'debtReliefPct', S.num),
            ],
          },
        },
        {
          name: sheetNameTh('click-chumchon'),
          titles: [REPORT, office(p)],
          table: {
            mission: 'click-chumchon',
            units: click,
            cols: [
              C.id('รหัสหน่วยงาน'),
              C.district(),
              C.fact(th('click-chumchon', 'officialsUsingPct'), 'officialsUsingPct', S.num),
              C.fact(th('click-chumchon', 'serviceRecords'), 'serviceRecords', S.enumTh('click-chumchon', 'serviceRecords')),
              C.fact(th('click-chumchon', 'prPostsPerMonth'), 'prPostsPerMonth', S.num),
              C.fact(th('click-chumchon', 'prChannels'), 'prChannels', S.num),
              C.fact(th('click-chumchon', 'activitiesPerMonth'), 'activitiesPerMonth', S.num),
              C.fact(th('click-chumchon', 'downloadTargetMet'), 'downloadTargetMet', S.words('ใช่', 'ไม่ใช่')),
            ],
          },
        },
        {
          name: sheetNameTh('pracharat'),
          titles: [REPORT],
          table: {
            mission: 'pracharat',
            units: pracharat,
            cols: [C.id('รหัสหน่วยงาน'), C.province(), ...(['followsPlan', 'hasRevenue', 'controlsCost'] as const).map((f) => C.fact(th('pracharat', f), f, S.words('มี', 'ไม่มี')))],
          },
        },
      ],
      {
        describe: "One province's workbook whose four mission sheets are named by the missions' Thai names (the Pracharat company's cut to Excel's 31 characters), read with --all.",
        idColumn: 'รหัสหน่วยงาน',
      },
    );
  }

  // Every mission with criteria, one sheet each, named by id.
  {
    const p = 'กาญจนบุรี';
    const sheets: SheetSpec[] = [];
    let seed = 220;
    for (const id of MISSIONS.keys()) {
      const { rubric } = mission(id);
      const units = id === 'pracharat' ? provinceUnits(id, [p], seed++, 'text') : districtUnits(id, p, 13, seed++, 'text');
      const facts = Object.keys(rubric.facts ?? {}).filter((f) => f !== 'province');
      const style = (f: string): Style => {
        const fact = factOf(id, f);
        if (fact.type === 'boolean') return S.bool;
        if (fact.type === 'enum') return S.enumId;
        if (fact.type === 'number' && fact.unit === 'percent') return S.xlPct('0.00%');
        return S.num;
      };
      const cols = [
        C.id('id'),
        id === 'community-fund' ? C.provinceFact('province', [0]) : C.province('province'),
        C.district('district'),
        ...facts.map((f) => C.fact(f, f, style(f))),
      ];
      sheets.push({ name: id, titles: [`${REPORT} ${missionTitle(id)}`], table: { mission: id, units, cols } });
    }
    const otop = sheets.find((s) => s.name === 'otop')!.table!.units;
    pin(otop, 0, { newProducts: 4, salesGrowthPct: 4.01 }, 'B');
    const bmn = sheets.find((s) => s.name === 'bmn')!.table!.units;
    pin(bmn, 0, { villagesVerified: 80, villagesTarget: 100 }, 'B');
    await multiFile('kanchanaburi-all-missions.xlsx', sheets, {
      describe: "One province's full quarterly workbook: a sheet per mission with criteria (nine), named by mission id, headed by fact ids under a title row, read with --all.",
    });
  }
}

// ---------------------------------------------------------------------------------------------
// CSV and other delimited text

function delimitedFiles(): void {
  // OTOP, Lampang: UTF-8 with BOM, CRLF, a title line, Thai-label headers.
  {
    const m = 'otop';
    const units = districtUnits(m, 'ลำปาง', 13, 301, 'text');
    pin(units, 0, { newProducts: 3, salesGrowthPct: 4.01 }, 'C');
    pin(units, 1, { newProducts: 9, salesGrowthPct: 2 }, 'unmatched');
    pin(units, 2, { newProducts: 2, salesGrowthPct: 2 }, 'D'); // products are D whichever way the hole closes
    csvFile(
      'otop-lampang-utf8-bom.csv',
      { mission: m, units, cols: [C.id('รหัสอำเภอ'), C.province(), C.district(), C.fact(th(m, 'newProducts'), 'newProducts', S.num), C.fact(th(m, 'salesGrowthPct'), 'salesGrowthPct', S.dec2)] },
      { describe: 'OTOP CSV as Excel saves "CSV UTF-8": a byte-order mark, CRLF, a title line padded with commas above Thai-label headers.', idColumn: 'รหัสอำเภอ' },
      { encoding: 'utf-8-bom', eol: '\r\n', titles: [`${REPORT} ${office('ลำปาง')}`] },
    );
  }

  // OTOP, Uttaradit: UTF-8 without BOM, LF, fact ids, percent signs.
  {
    const m = 'otop';
    const units = districtUnits(m, 'อุตรดิตถ์', 9, 302, 'text');
    pin(units, 0, { newProducts: 5, salesGrowthPct: 4.5 }, 'A');
    pin(units, 1, { newProducts: 4, salesGrowthPct: 3.01 }, 'B');
    csvFile(
      'otop-uttaradit-utf8-lf.csv',
      { mission: m, units, cols: [C.id('id'), C.province('province'), C.district('district'), C.fact('newProducts', 'newProducts', S.num), C.fact('salesGrowthPct', 'salesGrowthPct', S.cycle(S.pct, S.num))] },
      { describe: 'OTOP CSV in UTF-8 without a byte-order mark, LF line ends, fact-id headers, and growth written "4.5%" on every other row.' },
      { encoding: 'utf-8', eol: '\n' },
    );
  }

  // Women's fund, Nakhon Ratchasima: Windows-874, Thai digits.
  {
    const m = 'women-fund';
    const units = districtUnits(m, 'นครราชสีมา', 30, 303, 'text');
    pin(units, 0, { overdueDebtPct: 10, memberGrowthPctOfTarget: 80, groupsPromotedPctOfTarget: 95 }, 'A'); // 75, 100, 100
    pin(units, 1, { overdueDebtPct: 5, memberGrowthPctOfTarget: 80, groupsPromotedPctOfTarget: 69.99 }, 'B'); // 100, 100, 25
    pin(units, 2, { overdueDebtPct: 10, memberGrowthPctOfTarget: 72, groupsPromotedPctOfTarget: 89 }, 'unmatched');
    csvFile(
      'women-fund-korat-windows874.csv',
      {
        mission: m,
        units,
        cols: [
          C.id('รหัสอำเภอ'),
          C.province(),
          C.district(),
          C.fact(th(m, 'overdueDebtPct'), 'overdueDebtPct', S.cycle(S.dec2, S.thai)),
          C.fact(th(m, 'memberGrowthPctOfTarget'), 'memberGrowthPctOfTarget', S.cycle(S.thai, S.num, S.num)),
          C.fact(th(m, 'groupsPromotedPctOfTarget'), 'groupsPromotedPctOfTarget', S.num),
        ],
      },
      { describe: "Women's fund CSV of 30 districts as Thai Excel saves plain \"CSV\": Windows-874 bytes, CRLF, a title line, some figures in Thai digits.", idColumn: 'รหัสอำเภอ' },
      { encoding: 'windows-874', eol: '\r\n', titles: [REPORT, office('นครราชสีมา')] },
    );
  }

  // Community funds by province: Windows-874 with CR-only line ends (Excel for Mac's "CSV"), spellings.
  {
    const m = 'community-fund';
    const provinces = ['สมุทรปราการ', 'นนทบุรี', 'ปทุมธานี', 'พระนครศรีอยุธยา', 'อ่างทอง', 'ลพบุรี', 'สิงห์บุรี', 'ชัยนาท', 'สระบุรี', 'นครนายก'];
    const units = provinceUnits(m, provinces, 304, 'text');
    pin(units, 0, { memberGrowthPct: 0.75, debtReliefPct: 75 }, 'B'); // สมุทรปราการ exempt: 9 + 10 = 19 × 1.5 = 28.5
    pin(units, 4, { savingsGroupsPct: 50, memberGrowthPct: 1, debtReliefPct: 75 }, 'A'); // อ่างทอง exempt: item 1 ignored, 30
    pin(units, 5, { savingsGroupsPct: 90, memberGrowthPct: 1, debtReliefPct: 75 }, 'B'); // ลพบุรี: 9 + 10 + 10 = 29
    csvFile(
      'community-fund-central-windows874-cr.csv',
      {
        mission: m,
        units,
        cols: [
          C.id('รหัสจังหวัด'),
          C.provinceFact('จังหวัด', [1, 2, 0, 3, 0, 1, 2, 3, 0, 0]),
          C.fact(th(m, 'savingsGroupsPct'), 'savingsGroupsPct', S.num),
          C.fact(th(m, 'memberGrowthPct'), 'memberGrowthPct', S.num),
          C.fact(th(m, 'debtReliefPct'), 'debtReliefPct', S.num),
        ],
      },
      {
        describe: 'Community funds by province in Windows-874 with CR-only line ends (Excel for Mac), provinces written จ.สมุทรปราการ, จังหวัดนนทบุรี, in English (Phra Nakhon Si Ayutthaya, Chai Nat) or plainly; exempt provinces leave item 1 blank but one writes it (ignored).',
        idColumn: 'รหัสจังหวัด',
      },
      { encoding: 'windows-874', eol: '\r' },
    );
  }

  // Click Chumchon, Khon Kaen: Excel's "Unicode text": UTF-16 LE with BOM, tabs.
  {
    const m = 'click-chumchon';
    const units = districtUnits(m, 'ขอนแก่น', 26, 305, 'text');
    pin(units, 0, { officialsUsingPct: 80, serviceRecords: 'all-current', prPostsPerMonth: 2, prChannels: 2, activitiesPerMonth: 2, downloadTargetMet: true }, 'A');
    pin(units, 1, { officialsUsingPct: 85, serviceRecords: 'all-current', prPostsPerMonth: 0, prChannels: 2, activitiesPerMonth: 2, downloadTargetMet: true }, 'D');
    pin(units, 2, { officialsUsingPct: 85, serviceRecords: 'none', prPostsPerMonth: 4, prChannels: 3, activitiesPerMonth: 3, downloadTargetMet: true }, 'D');
    csvFile(
      'click-chumchon-khonkaen-unicode.txt',
      {
        mission: m,
        units,
        cols: [
          C.id('รหัสอำเภอ'),
          C.province(),
          C.district(),
          C.fact(th(m, 'officialsUsingPct'), 'officialsUsingPct', S.num),
          C.fact(th(m, 'serviceRecords'), 'serviceRecords', S.enumTh(m, 'serviceRecords')),
          C.fact(th(m, 'prPostsPerMonth'), 'prPostsPerMonth', S.num),
          C.fact(th(m, 'prChannels'), 'prChannels', S.num),
          C.fact(th(m, 'activitiesPerMonth'), 'activitiesPerMonth', S.num),
          C.fact(th(m, 'downloadTargetMet'), 'downloadTargetMet', S.TF),
        ],
      },
      { describe: 'Click Chumchon as Excel\'s "Unicode text" (.txt): UTF-16 LE with a byte-order mark, tab-delimited, CRLF, record states as Thai labels and TRUE/FALSE.', idColumn: 'รหัสอำเภอ' },
      { encoding: 'utf-16le', delimiter: '\t', eol: '\r\n', titles: [REPORT] },
    );
  }

  // Pracharat, central provinces: semicolons, ใช่/ไม่ใช่.
  {
    const m = 'pracharat';
    const provinces = ['ราชบุรี', 'กาญจนบุรี', 'สุพรรณบุรี', 'นครปฐม', 'สมุทรสาคร', 'สมุทรสงคราม', 'เพชรบุรี', 'ประจวบคีรีขันธ์'];
    const units = provinceUnits(m, provinces, 306, 'text');
    pin(units, 0, { followsPlan: false, hasRevenue: false, controlsCost: true }, 'unmatched');
    pin(units, 1, { followsPlan: false, hasRevenue: false, controlsCost: false }, 'D');
    csvFile(
      'pracharat-west-semicolon.csv',
      {
        mission: m,
        units,
        cols: [C.id('รหัสจังหวัด'), C.province(), ...(['followsPlan', 'hasRevenue', 'controlsCost'] as const).map((f) => C.fact(th(m, f), f, S.words('ใช่', 'ไม่ใช่')))],
      },
      { describe: 'Pracharat by province as a semicolon-delimited CSV (UTF-8 with BOM, CRLF), answers ใช่/ไม่ใช่.', idColumn: 'รหัสจังหวัด' },
      { encoding: 'utf-8-bom', delimiter: ';', eol: '\r\n' },
    );
  }

  // BMN, Sisaket: counts with their unit word.
  {
    const m = 'bmn';
    const units = districtUnits(m, 'ศรีสะเกษ', 22, 307, 'text');
    pin(units, 0, { villagesVerified: 95, villagesTarget: 95 }, 'A');
    pin(units, 1, { villagesVerified: 80, villagesTarget: 100 }, 'B');
    pin(units, 2, { villagesVerified: 119, villagesTarget: 200 }, 'D'); // 59.50 %
    csvFile(
      'bmn-sisaket-unit-words.csv',
      {
        mission: m,
        units,
        cols: [
          C.id('รหัสอำเภอ'),
          C.district(),
          C.fact(th(m, 'villagesVerified'), 'villagesVerified', S.cycle(S.unit('หมู่บ้าน'), S.num)),
          C.fact(th(m, 'villagesTarget'), 'villagesTarget', S.unit('หมู่บ้าน')),
        ],
      },
      { describe: 'BMN CSV (UTF-8, LF) where village counts carry their unit word, "95 หมู่บ้าน".', idColumn: 'รหัสอำเภอ' },
      { encoding: 'utf-8', eol: '\n', titles: [office('ศรีสะเกษ')] },
    );
  }

  // Thai textiles, Lamphun: ร้อยละ before the number, no-break spaces around numbers.
  {
    const m = 'thai-textile';
    const units = districtUnits(m, 'ลำพูน', 8, 308, 'text');
    pin(units, 0, { producerDatabase: true, prPostsMinPerMonth: 5, naturalDyeing: true, revenueGrowthPct: 12 }, 'A');
    pin(units, 1, { producerDatabase: true, prPostsMinPerMonth: 4, naturalDyeing: true, revenueGrowthPct: 0.01 }, 'B');
    pin(units, 2, { producerDatabase: true, prPostsMinPerMonth: 3, naturalDyeing: true, revenueGrowthPct: 2 }, 'D');
    csvFile(
      'thai-textile-lamphun-roylaw-nbsp.csv',
      {
        mission: m,
        units,
        cols: [
          C.id('รหัสอำเภอ'),
          C.district(),
          C.fact(th(m, 'producerDatabase'), 'producerDatabase', S.words('มี', 'ไม่มี')),
          C.fact(th(m, 'prPostsMinPerMonth'), 'prPostsMinPerMonth', S.nbsp),
          C.fact(th(m, 'naturalDyeing'), 'naturalDyeing', S.words('มี', 'ไม่มี')),
          C.fact(th(m, 'revenueGrowthPct'), 'revenueGrowthPct', S.cycle(S.roylaw, S.nbsp)),
        ],
      },
      { describe: 'Thai textiles CSV (UTF-8, CRLF) with growth written "ร้อยละ 3.5" or wrapped in no-break spaces, post counts in no-break spaces, yes/no as มี/ไม่มี.', idColumn: 'รหัสอำเภอ' },
      { encoding: 'utf-8', eol: '\r\n' },
    );
  }

  // Moral organization, Songkhla: Windows-874 and CR-only.
  {
    const m = 'moral-organization';
    const units = districtUnits(m, 'สงขลา', 16, 309, 'text');
    pin(units, 0, { planCompleted: true, staffParticipationPct: 100, recognizedOrganizations: false, recognizedUnits: false, publicityChannels: 0 }, 'D');
    pin(units, 1, { planCompleted: true, staffParticipationPct: 100, recognizedOrganizations: false, recognizedUnits: true, publicityChannels: 4 }, 'C');
    csvFile(
      'moral-organization-songkhla-windows874-cr.csv',
      {
        mission: m,
        units,
        cols: [
          C.id('รหัสหน่วยงาน'),
          C.district('หน่วยงาน'),
          C.fact(th(m, 'planCompleted'), 'planCompleted', S.TF),
          C.fact(th(m, 'staffParticipationPct'), 'staffParticipationPct', S.dec2),
          C.fact(th(m, 'recognizedOrganizations'), 'recognizedOrganizations', S.TF),
          C.fact(th(m, 'recognizedUnits'), 'recognizedUnits', S.TF),
          C.fact(th(m, 'publicityChannels'), 'publicityChannels', S.num),
        ],
      },
      { describe: 'Moral organization CSV in Windows-874 with CR-only line ends, TRUE/FALSE and two-decimal percents.', idColumn: 'รหัสหน่วยงาน' },
      { encoding: 'windows-874', eol: '\r', titles: [REPORT] },
    );
  }

  // Khok Nong Na, Mukdahan: UTF-16 LE tab-delimited, มี/ไม่มี.
  {
    const m = 'khok-nong-na';
    const units = districtUnits(m, 'มุกดาหาร', 7, 310, 'text');
    pin(units, 0, { place: true, people: true, product: false, promotion: true, passOnPerfect: false }, 'C');
    pin(units, 1, { place: true, people: false, product: false, promotion: false, passOnPerfect: false }, 'D');
    csvFile(
      'khok-nong-na-mukdahan-unicode.csv',
      { mission: m, units, cols: [C.id('รหัสอำเภอ'), C.district(), ...(['place', 'people', 'product', 'promotion', 'passOnPerfect'] as const).map((f) => C.fact(th(m, f), f, S.words('มี', 'ไม่มี')))] },
      { describe: 'Khok Nong Na as UTF-16 LE with a byte-order mark and tabs, saved with a .csv name; yes/no as มี/ไม่มี.', idColumn: 'รหัสอำเภอ' },
      { encoding: 'utf-16le', delimiter: '\t', eol: '\r\n' },
    );
  }

  // OTOP, Nakhon Si Thammarat: Windows-874 with Thai digits and no-break spaces.
  {
    const m = 'otop';
    const units = districtUnits(m, 'นครศรีธรรมราช', 23, 311, 'text');
    pin(units, 0, { newProducts: 5, salesGrowthPct: 4.01 }, 'A');
    pin(units, 1, { newProducts: 9, salesGrowthPct: 1.99 }, 'D');
    pin(units, 2, { newProducts: 9, salesGrowthPct: 3 }, 'C');
    csvFile(
      'otop-nakhonsi-windows874-thai-digits.csv',
      {
        mission: m,
        units,
        cols: [C.id('รหัสอำเภอ'), C.district(), C.fact(th(m, 'newProducts'), 'newProducts', S.cycle(S.thai, S.nbsp, S.num)), C.fact(th(m, 'salesGrowthPct'), 'salesGrowthPct', S.cycle(S.nbsp, S.num, S.thai))],
      },
      { describe: 'OTOP CSV in Windows-874 (CRLF) mixing Thai digits, figures wrapped in no-break spaces (byte A0) and plain numbers.', idColumn: 'รหัสอำเภอ' },
      { encoding: 'windows-874', eol: '\r\n', titles: [REPORT, office('นครศรีธรรมราช')] },
    );
  }

  // Community funds, Surat Thani: English-label headers.
  {
    const m = 'community-fund';
    const units = districtUnits(m, 'สุราษฎร์ธานี', 19, 312, 'text');
    pin(units, 0, { savingsGroupsPct: 100, memberGrowthPct: 0.49, debtReliefPct: 75 }, 'B'); // 10 + 7 + 10 = 27
    pin(units, 1, { savingsGroupsPct: 95, memberGrowthPct: 0.8, debtReliefPct: 62 }, 'C'); // 9 + 9 + 8 = 26
    csvFile(
      'community-fund-suratthani-english.csv',
      {
        mission: m,
        units,
        cols: [
          C.id('ID'),
          C.provinceFact(en(m, 'province'), [3]),
          C.district('District'),
          C.fact(en(m, 'savingsGroupsPct'), 'savingsGroupsPct', S.dec2),
          C.fact(en(m, 'memberGrowthPct'), 'memberGrowthPct', S.dec2),
          C.fact(en(m, 'debtReliefPct'), 'debtReliefPct', S.dec2),
        ],
      },
      { describe: 'Community funds CSV (UTF-8 with BOM) headed by the facts\' English labels, the province in English ("Surat Thani") on every row.', idColumn: 'ID' },
      { encoding: 'utf-8-bom', eol: '\r\n' },
    );
  }

  // Women's fund, Roi Et: semicolons and percent signs.
  {
    const m = 'women-fund';
    const units = districtUnits(m, 'ร้อยเอ็ด', 20, 313, 'text');
    pin(units, 0, { overdueDebtPct: 12.01, memberGrowthPctOfTarget: 80, groupsPromotedPctOfTarget: 95 }, 'A'); // 50, 100, 100: 83.33
    pin(units, 1, { overdueDebtPct: 5, memberGrowthPctOfTarget: 80, groupsPromotedPctOfTarget: 79.99 }, 'A'); // 100, 100, 50
    csvFile(
      'women-fund-roiet-semicolon-percent.csv',
      {
        mission: m,
        units,
        cols: [
          C.id('id'),
          C.district('district'),
          C.fact('overdueDebtPct', 'overdueDebtPct', S.pct),
          C.fact('memberGrowthPctOfTarget', 'memberGrowthPctOfTarget', S.pctSpace),
          C.fact('groupsPromotedPctOfTarget', 'groupsPromotedPctOfTarget', S.cycle(S.num, S.pct)),
        ],
      },
      { describe: "Women's fund CSV delimited by semicolons (UTF-8, LF) with fact-id headers and percents written \"12.5%\" and \"80.00 %\"." },
      { encoding: 'utf-8', delimiter: ';', eol: '\n' },
    );
  }

  // BMN by province: quoted counts with thousands commas.
  {
    const m = 'bmn';
    const provinces = ['นครศรีธรรมราช', 'สงขลา', 'สุราษฎร์ธานี', 'ตรัง', 'พัทลุง', 'ปัตตานี', 'นราธิวาส', 'ยะลา'];
    const units = provinceUnits(m, provinces, 314, 'text');
    pin(units, 0, { villagesVerified: 1234, villagesTarget: 1234 }, 'A');
    pin(units, 1, { villagesVerified: 1000, villagesTarget: 1250 }, 'B'); // 80 %
    pin(units, 2, { villagesVerified: 750, villagesTarget: 1250 }, 'C'); // 60 %
    csvFile(
      'bmn-south-thousands.csv',
      { mission: m, units, cols: [C.id('รหัสจังหวัด'), C.province(), C.fact(th(m, 'villagesVerified'), 'villagesVerified', S.thousands), C.fact(th(m, 'villagesTarget'), 'villagesTarget', S.thousands)] },
      { describe: 'BMN by province (UTF-8, LF) where counts over a thousand are quoted with thousands commas, "1,234".', idColumn: 'รหัสจังหวัด' },
      { encoding: 'utf-8', eol: '\n' },
    );
  }

  // --- bad cells in delimited files

  {
    const m = 'women-fund';
    const units = districtUnits(m, 'มหาสารคาม', 13, 321, 'text');
    pin(units, 0, { overdueDebtPct: 4.5, memberGrowthPctOfTarget: 80, groupsPromotedPctOfTarget: 95 }, 'A');
    spoil(units, 3, 'overdueDebtPct', '4,5', 'AMBIGUOUS_NUMBER');
    spoil(units, 9, 'memberGrowthPctOfTarget', '69,5', 'AMBIGUOUS_NUMBER');
    csvFile(
      'women-fund-sarakham-decimal-comma.csv',
      {
        mission: m,
        units,
        cols: [
          C.id('รหัสอำเภอ'),
          C.district(),
          C.fact(th(m, 'overdueDebtPct'), 'overdueDebtPct', S.num),
          C.fact(th(m, 'memberGrowthPctOfTarget'), 'memberGrowthPctOfTarget', S.num),
          C.fact(th(m, 'groupsPromotedPctOfTarget'), 'groupsPromotedPctOfTarget', S.num),
        ],
      },
      { describe: "Women's fund CSV (UTF-8 with BOM) where two percents are written with a decimal comma, quoted \"4,5\" and \"69,5\"; those rows are errors.", idColumn: 'รหัสอำเภอ' },
      { encoding: 'utf-8-bom', eol: '\r\n', titles: [REPORT] },
    );
  }

  {
    const m = 'otop';
    const units = districtUnits(m, 'กาฬสินธุ์', 18, 322, 'text');
    pin(units, 0, { newProducts: 4, salesGrowthPct: 3.5 }, 'B');
    spoil(units, 4, 'newProducts', '3-4', 'AMBIGUOUS_NUMBER');
    spoil(units, 12, 'newProducts', 'สาม', 'NOT_A_NUMBER');
    csvFile(
      'otop-kalasin-bad-text-windows874.csv',
      { mission: m, units, cols: [C.id('รหัสอำเภอ'), C.district(), C.fact(th(m, 'newProducts'), 'newProducts', S.num), C.fact(th(m, 'salesGrowthPct'), 'salesGrowthPct', S.dec2)] },
      { describe: 'OTOP CSV in Windows-874 where one product count is a range "3-4" and another the word "สาม"; those rows are errors.', idColumn: 'รหัสอำเภอ' },
      { encoding: 'windows-874', eol: '\r\n', titles: [REPORT, office('กาฬสินธุ์')] },
    );
  }

  {
    const m = 'pracharat';
    const provinces = ['อุบลราชธานี', 'ศรีสะเกษ', 'สุรินทร์', 'บุรีรัมย์', 'ยโสธร', 'อำนาจเจริญ'];
    const units = provinceUnits(m, provinces, 323, 'text');
    pin(units, 0, { followsPlan: true, hasRevenue: true, controlsCost: true }, 'A');
    spoil(units, 2, 'hasRevenue', 'อาจจะ', 'UNKNOWN_WORD');
    spoil(units, 4, 'followsPlan', 'ไม่แน่ใจ', 'UNKNOWN_WORD');
    csvFile(
      'pracharat-lower-isan-bad-words-windows874.csv',
      { mission: m, units, cols: [C.id('รหัสจังหวัด'), C.province(), ...(['followsPlan', 'hasRevenue', 'controlsCost'] as const).map((f) => C.fact(th(m, f), f, S.words('มี', 'ไม่มี')))] },
      { describe: 'Pracharat CSV in Windows-874 with yes/no as มี/ไม่มี where two answers are "อาจจะ" and "ไม่แน่ใจ"; those rows are errors.', idColumn: 'รหัสจังหวัด' },
      { encoding: 'windows-874', eol: '\r\n' },
    );
  }

  {
    const m = 'community-fund';
    const provinces = ['ภูเก็ต', 'นนทบุรี', 'ชลบุรี', 'ระยอง', 'จันทบุรี', 'ตราด', 'ฉะเชิงเทรา'];
    const units = provinceUnits(m, provinces, 324, 'text');
    pin(units, 2, { savingsGroupsPct: 85, memberGrowthPct: 0.6, debtReliefPct: 50 }, 'D'); // 8 + 8 + 7 = 23
    spoil(units, 0, 'province', 'ภูเกต', 'UNKNOWN_PROVINCE');
    spoil(units, 1, 'province', 'นนทบุร', 'UNKNOWN_PROVINCE');
    csvFile(
      'community-fund-bad-provinces.csv',
      {
        mission: m,
        units,
        cols: [
          C.id('รหัสจังหวัด'),
          C.provinceFact('จังหวัด', [0, 0, 0, 1, 2, 3, 0]),
          C.fact(th(m, 'savingsGroupsPct'), 'savingsGroupsPct', S.num),
          C.fact(th(m, 'memberGrowthPct'), 'memberGrowthPct', S.num),
          C.fact(th(m, 'debtReliefPct'), 'debtReliefPct', S.num),
        ],
      },
      { describe: 'Community funds by province (UTF-8) where two exempt provinces are misspelt, "ภูเกต" and "นนทบุร"; their rows are errors, never graded as if not exempt.', idColumn: 'รหัสจังหวัด' },
      { encoding: 'utf-8', eol: '\r\n' },
    );
  }

  {
    const m = 'click-chumchon';
    const units = districtUnits(m, 'เลย', 14, 325, 'text');
    pin(units, 0, { officialsUsingPct: 90, serviceRecords: 'all-current', prPostsPerMonth: 3, prChannels: 3, activitiesPerMonth: 3, downloadTargetMet: true }, 'A');
    spoil(units, 5, 'serviceRecords', 'อัปเดตบางครั้ง', 'UNKNOWN_VALUE');
    spoil(units, 8, 'serviceRecords', 'ครบทุกบริการ', 'UNKNOWN_VALUE');
    csvFile(
      'click-chumchon-loei-bad-enum-unicode.txt',
      {
        mission: m,
        units,
        cols: [
          C.id('รหัสอำเภอ'),
          C.district(),
          C.fact(th(m, 'officialsUsingPct'), 'officialsUsingPct', S.num),
          C.fact(th(m, 'serviceRecords'), 'serviceRecords', S.enumTh(m, 'serviceRecords')),
          C.fact(th(m, 'prPostsPerMonth'), 'prPostsPerMonth', S.num),
          C.fact(th(m, 'prChannels'), 'prChannels', S.num),
          C.fact(th(m, 'activitiesPerMonth'), 'activitiesPerMonth', S.num),
          C.fact(th(m, 'downloadTargetMet'), 'downloadTargetMet', S.words('ใช่', 'ไม่ใช่')),
        ],
      },
      { describe: 'Click Chumchon as UTF-16 LE tab-delimited text where two record states, "อัปเดตบางครั้ง" and "ครบทุกบริการ", are none of the labels; those rows are errors.', idColumn: 'รหัสอำเภอ' },
      { encoding: 'utf-16le', delimiter: '\t', eol: '\r\n', titles: [REPORT] },
    );
  }

  {
    const m = 'bmn';
    const units = districtUnits(m, 'ชัยภูมิ', 16, 326, 'text');
    pin(units, 0, { villagesVerified: 60, villagesTarget: 100 }, 'C');
    spoil(units, 6, 'villagesTarget', '1.200', 'AMBIGUOUS_NUMBER');
    csvFile(
      'bmn-chaiyaphum-dot-thousands-semicolon.csv',
      { mission: m, units, cols: [C.id('id'), C.district('district'), C.fact('villagesVerified', 'villagesVerified', S.num), C.fact('villagesTarget', 'villagesTarget', S.num)] },
      { describe: 'BMN CSV delimited by semicolons where one village target is "1.200" (a dot that may be a thousands separator: ambiguous in a count); that row is an error.' },
      { encoding: 'utf-8', delimiter: ';', eol: '\r\n' },
    );
  }

  {
    const m = 'women-fund';
    const units = districtUnits(m, 'ยโสธร', 9, 327, 'text');
    pin(units, 0, { overdueDebtPct: 5, memberGrowthPctOfTarget: 65, groupsPromotedPctOfTarget: 95 }, 'A'); // 100, 50, 100: 83.33
    spoil(units, 2, 'overdueDebtPct', '12,5', 'AMBIGUOUS_NUMBER');
    spoil(units, 7, 'groupsPromotedPctOfTarget', '88,99', 'AMBIGUOUS_NUMBER');
    csvFile(
      'women-fund-yasothon-semicolon-decimal-comma.csv',
      {
        mission: m,
        units,
        cols: [
          C.id('รหัสอำเภอ'),
          C.district(),
          C.fact(th(m, 'overdueDebtPct'), 'overdueDebtPct', S.num),
          C.fact(th(m, 'memberGrowthPctOfTarget'), 'memberGrowthPctOfTarget', S.num),
          C.fact(th(m, 'groupsPromotedPctOfTarget'), 'groupsPromotedPctOfTarget', S.num),
        ],
      },
      { describe: "Women's fund CSV delimited by semicolons where two percents use a decimal comma, unquoted 12,5 and 88,99; those rows are errors.", idColumn: 'รหัสอำเภอ' },
      { encoding: 'utf-8-bom', delimiter: ';', eol: '\r\n' },
    );
  }

  {
    const m = 'moral-organization';
    const units = districtUnits(m, 'พัทลุง', 11, 328, 'text');
    pin(units, 0, { planCompleted: true, staffParticipationPct: 100, recognizedOrganizations: true, recognizedUnits: true, publicityChannels: 6 }, 'A');
    spoil(units, 3, 'staffParticipationPct', '100/120', 'AMBIGUOUS_NUMBER');
    spoil(units, 7, 'planCompleted', 'บางส่วน', 'UNKNOWN_WORD');
    csvFile(
      'moral-organization-phatthalung-bad.csv',
      {
        mission: m,
        units,
        cols: [
          C.id('รหัสหน่วยงาน'),
          C.district('หน่วยงาน'),
          C.fact(th(m, 'planCompleted'), 'planCompleted', S.words('ใช่', 'ไม่ใช่')),
          C.fact(th(m, 'staffParticipationPct'), 'staffParticipationPct', S.num),
          C.fact(th(m, 'recognizedOrganizations'), 'recognizedOrganizations', S.words('มี', 'ไม่มี')),
          C.fact(th(m, 'recognizedUnits'), 'recognizedUnits', S.words('มี', 'ไม่มี')),
          C.fact(th(m, 'publicityChannels'), 'publicityChannels', S.num),
        ],
      },
      { describe: 'Moral organization CSV (UTF-8) where one participation is written "100/120" (two numbers in one cell) and one plan answer is "บางส่วน" (partly), a word for neither yes nor no.', idColumn: 'รหัสหน่วยงาน' },
      { encoding: 'utf-8', eol: '\r\n', titles: [REPORT] },
    );
  }
}

// ---------------------------------------------------------------------------------------------
// Google Forms and Google Sheets exports

function googleFiles(): void {
  const email = (code: string) => (_u: Unit, i: number): string => `cdd${code}.staff${String(i + 1).padStart(2, '0')}@example.com`;

  // OTOP form responses, Lopburi.
  {
    const m = 'otop';
    const p = 'ลพบุรี';
    const units = districtUnits(m, p, 11, 401, 'none');
    pin(units, 0, { newProducts: 5, salesGrowthPct: 4.5 }, 'A');
    pin(units, 1, { newProducts: 3, salesGrowthPct: 2.5 }, 'C');
    pin(units, 2, { newProducts: 4, salesGrowthPct: 2 }, 'unmatched');
    csvFile(
      'otop-lopburi-google-form.csv',
      {
        mission: m,
        units,
        cols: [
          ...formColumns(401, email(provinceCode(p))),
          C.province('1. จังหวัด'),
          C.district('2. อำเภอ'),
          C.fact(`3. ${th(m, 'newProducts')}`, 'newProducts', S.cycle(S.num, S.unit('ผลิตภัณฑ์'))),
          C.fact(`4. ${th(m, 'salesGrowthPct')}`, 'salesGrowthPct', S.cycle(S.pct, S.num, S.roylaw)),
        ],
      },
      { describe: 'OTOP Google Form responses: ประทับเวลา and email columns, numbered question headers, no id column (rows #1, #2…), answers such as "5 ผลิตภัณฑ์", "4.5%" and "ร้อยละ 4.5", every field quoted.' },
      { encoding: 'utf-8', eol: '\r\n', quoteAll: true },
    );
  }

  // Pracharat form responses: question marks.
  {
    const m = 'pracharat';
    const provinces = ['ตาก', 'สุโขทัย', 'พิษณุโลก', 'พิจิตร', 'เพชรบูรณ์', 'กำแพงเพชร', 'นครสวรรค์', 'อุทัยธานี'];
    const units = provinceUnits(m, provinces, 402, 'none');
    pin(units, 0, { followsPlan: true, hasRevenue: true, controlsCost: true }, 'A');
    pin(units, 1, { followsPlan: true, hasRevenue: false, controlsCost: false }, 'unmatched');
    pin(units, 2, { followsPlan: false, hasRevenue: true, controlsCost: false }, 'C');
    csvFile(
      'pracharat-lower-north-google-form.csv',
      {
        mission: m,
        units,
        cols: [
          ...formColumns(402, (u) => `pracharat.${provinceCode(u.province)}@example.com`),
          C.province('จังหวัด'),
          C.fact(`${th(m, 'followsPlan')}?`, 'followsPlan', S.words('ใช่', 'ไม่ใช่')),
          C.fact(`${th(m, 'hasRevenue')} ?`, 'hasRevenue', S.words('มี', 'ไม่มี')),
          C.fact(`${th(m, 'controlsCost')}?`, 'controlsCost', S.words('ใช่', 'ไม่ใช่')),
        ],
      },
      { describe: 'Pracharat Google Form responses, one per province: questions ending in a question mark, answers ใช่/ไม่ใช่ and มี/ไม่มี, no id column.' },
      { encoding: 'utf-8', eol: '\r\n', quoteAll: true },
    );
  }

  // Khok Nong Na form responses, Chachoengsao: numbered questions with question marks.
  {
    const m = 'khok-nong-na';
    const p = 'ฉะเชิงเทรา';
    const units = districtUnits(m, p, 11, 403, 'none');
    pin(units, 0, { place: true, people: true, product: true, promotion: true, passOnPerfect: true }, 'A');
    pin(units, 1, { place: false, people: true, product: false, promotion: true, passOnPerfect: true }, 'C');
    const dims = ['place', 'people', 'product', 'promotion', 'passOnPerfect'] as const;
    csvFile(
      'khok-nong-na-chachoengsao-google-form.csv',
      {
        mission: m,
        units,
        cols: [...formColumns(403, email(provinceCode(p))), C.district('อำเภอ'), ...dims.map((f, k) => C.fact(`${k + 1}. ${th(m, f)}?`, f, S.words('มี', 'ไม่มี')))],
      },
      { describe: 'Khok Nong Na learning-centre form responses: numbered questions ending in "?", answers มี/ไม่มี, no id column.' },
      { encoding: 'utf-8', eol: '\r\n', quoteAll: true },
    );
  }

  // Click Chumchon form responses, Sa Kaeo: labels as radio answers, "85%".
  {
    const m = 'click-chumchon';
    const p = 'สระแก้ว';
    const units = districtUnits(m, p, 9, 404, 'none');
    pin(units, 0, { officialsUsingPct: 75, serviceRecords: 'all-current', prPostsPerMonth: 4, prChannels: 3, activitiesPerMonth: 2, downloadTargetMet: true }, 'B');
    pin(units, 1, { officialsUsingPct: 95, serviceRecords: 'all-current', prPostsPerMonth: 2, prChannels: 2, activitiesPerMonth: 0, downloadTargetMet: true }, 'D');
    csvFile(
      'click-chumchon-sakaeo-google-form.csv',
      {
        mission: m,
        units,
        cols: [
          ...formColumns(404, email(provinceCode(p))),
          C.district('อำเภอ'),
          C.fact(th(m, 'officialsUsingPct'), 'officialsUsingPct', S.cycle(S.pct, S.num)),
          C.fact(th(m, 'serviceRecords'), 'serviceRecords', S.enumTh(m, 'serviceRecords')),
          C.fact(th(m, 'prPostsPerMonth'), 'prPostsPerMonth', S.num),
          C.fact(th(m, 'prChannels'), 'prChannels', S.cycle(S.num, S.unit('ช่องทาง'))),
          C.fact(th(m, 'activitiesPerMonth'), 'activitiesPerMonth', S.num),
          C.fact(th(m, 'downloadTargetMet'), 'downloadTargetMet', S.words('ใช่', 'ไม่ใช่')),
        ],
      },
      { describe: 'Click Chumchon Google Form responses: record states chosen by their Thai labels, officials as "85%" or a number, channels sometimes with the word ช่องทาง, no id column.' },
      { encoding: 'utf-8', eol: '\r\n', quoteAll: true },
    );
  }

  // Community funds, a shared Google Sheet each province types its row into.
  {
    const m = 'community-fund';
    const provinces = ['เชียงใหม่', 'ภูเก็ต', 'นนทบุรี', 'ขอนแก่น', 'สุโขทัย', 'หนองคาย', 'อุดรธานี', 'นครราชสีมา', 'สงขลา', 'ชลบุรี', 'อ่างทอง', 'สมุทรปราการ'];
    const units = provinceUnits(m, provinces, 405, 'none');
    pin(units, 0, { savingsGroupsPct: 100, memberGrowthPct: 1, debtReliefPct: 70 }, 'B'); // 10 + 10 + 9 = 29
    pin(units, 1, { memberGrowthPct: 0.6, debtReliefPct: 68 }, 'C'); // ภูเก็ต exempt: 17 × 1.5 = 25.5
    pin(units, 3, { savingsGroupsPct: 80, memberGrowthPct: 0.5, debtReliefPct: 60 }, 'C'); // 8 + 8 + 8 = 24
    csvFile(
      'community-fund-google-sheets.csv',
      {
        mission: m,
        units,
        cols: [
          C.seq(),
          C.provinceFact('จังหวัด', [0, 3, 2, 1, 0, 1, 2, 0, 3, 0, 1, 0]),
          C.fact(th(m, 'savingsGroupsPct'), 'savingsGroupsPct', S.num),
          C.fact(th(m, 'memberGrowthPct'), 'memberGrowthPct', S.cycle(S.num, S.pct)),
          C.fact(th(m, 'debtReliefPct'), 'debtReliefPct', S.num),
          C.extra('หมายเหตุ', (u) => ({ v: EXEMPT.has(u.province) ? 'ไม่มีเป้าหมาย กข.คจ.' : '' })),
        ],
      },
      { describe: 'Community funds from the shared Google Sheet (item 3 channel) as downloaded: UTF-8, LF, a ลำดับ column that is no id (rows #1, #2…), provinces typed each their own way, a notes column.' },
      { encoding: 'utf-8', eol: '\n' },
    );
  }

  // Bad answers in forms.
  {
    const m = 'otop';
    const p = 'สิงห์บุรี';
    const units = districtUnits(m, p, 6, 406, 'none');
    pin(units, 0, { newProducts: 6, salesGrowthPct: 5.25 }, 'A');
    spoil(units, 2, 'newProducts', 'ประมาณ 5', 'NOT_A_NUMBER');
    spoil(units, 4, 'salesGrowthPct', '3-4', 'AMBIGUOUS_NUMBER');
    csvFile(
      'otop-singburi-google-form-bad.csv',
      {
        mission: m,
        units,
        cols: [...formColumns(406, email(provinceCode(p))), C.district('อำเภอ'), C.fact(th(m, 'newProducts'), 'newProducts', S.num), C.fact(th(m, 'salesGrowthPct'), 'salesGrowthPct', S.num)],
      },
      { describe: 'OTOP Google Form responses where one count is answered "ประมาณ 5" (about five) and one growth "3-4"; those responses are errors.' },
      { encoding: 'utf-8', eol: '\r\n', quoteAll: true },
    );
  }

  {
    const m = 'pracharat';
    const provinces = ['ชลบุรี', 'ระยอง', 'จันทบุรี', 'ตราด', 'ปราจีนบุรี', 'สระแก้ว', 'นครนายก'];
    const units = provinceUnits(m, provinces, 407, 'none');
    pin(units, 0, { followsPlan: false, hasRevenue: true, controlsCost: true }, 'B');
    spoil(units, 3, 'controlsCost', 'ไม่แน่ใจ', 'UNKNOWN_WORD');
    csvFile(
      'pracharat-east-google-form-bad.csv',
      {
        mission: m,
        units,
        cols: [
          ...formColumns(407, (u) => `pracharat.${provinceCode(u.province)}@example.com`),
          C.province('จังหวัด'),
          ...(['followsPlan', 'hasRevenue', 'controlsCost'] as const).map((f) => C.fact(`${th(m, f)}?`, f, S.words('ใช่', 'ไม่ใช่'))),
        ],
      },
      { describe: 'Pracharat Google Form responses where one answer is "ไม่แน่ใจ" (not sure), neither yes nor no; that response is an error.' },
      { encoding: 'utf-8', eol: '\r\n', quoteAll: true },
    );
  }
}

// ---------------------------------------------------------------------------------------------
// HTML tables saved as .xls by government web systems

function htmlFiles(): void {
  {
    const m = 'click-chumchon';
    const p = 'อุดรธานี';
    const units = districtUnits(m, p, 20, 501, 'text');
    pin(units, 0, { officialsUsingPct: 80, serviceRecords: 'all-current', prPostsPerMonth: 2, prChannels: 2, activitiesPerMonth: 2, downloadTargetMet: true }, 'A');
    pin(units, 1, { officialsUsingPct: 85, serviceRecords: 'all-current', prPostsPerMonth: 2, prChannels: 2, activitiesPerMonth: 1, downloadTargetMet: true }, 'C');
    htmlFile(
      'click-chumchon-cdddata-export.xls',
      {
        mission: m,
        units,
        cols: [
          C.id('รหัสอำเภอ'),
          C.province(),
          C.district(),
          C.fact(th(m, 'officialsUsingPct'), 'officialsUsingPct', S.dec2),
          C.fact(th(m, 'serviceRecords'), 'serviceRecords', S.enumTh(m, 'serviceRecords')),
          C.fact(th(m, 'prPostsPerMonth'), 'prPostsPerMonth', S.num),
          C.fact(th(m, 'prChannels'), 'prChannels', S.num),
          C.fact(th(m, 'activitiesPerMonth'), 'activitiesPerMonth', S.num),
          C.fact(th(m, 'downloadTargetMet'), 'downloadTargetMet', S.words('ใช่', 'ไม่ใช่')),
        ],
      },
      { describe: 'Click Chumchon report downloaded from the cdddata web page as .xls: really an HTML table (UTF-8) with a colspan title row, <th> headers and Thai labels for record states.', idColumn: 'รหัสอำเภอ' },
      { title: 'รายงานผลการดำเนินงาน Click ชุมชน ไตรมาส ๓/๒๕๖๗', subtitle: `จังหวัด${p}`, charset: 'utf-8' },
    );
  }

  {
    const m = 'bmn';
    const provinces = ['เชียงใหม่', 'เชียงราย', 'นครราชสีมา', 'ขอนแก่น', 'อุบลราชธานี', 'นครศรีธรรมราช', 'สุราษฎร์ธานี'];
    const units = provinceUnits(m, provinces, 502, 'text');
    pin(units, 0, { villagesVerified: 2066, villagesTarget: 2066 }, 'A');
    pin(units, 1, { villagesVerified: 1500, villagesTarget: 1600 }, 'B'); // 93.75 %
    htmlFile(
      'bmn-jpt-system-export.xls',
      { mission: m, units, cols: [C.id('รหัสจังหวัด'), C.province(), C.fact(th(m, 'villagesVerified'), 'villagesVerified', S.thousands), C.fact(th(m, 'villagesTarget'), 'villagesTarget', S.thousands)] },
      { describe: 'BMN export of the จปฐ. web system saved as .xls: an HTML table declared and encoded as Windows-874, counts with thousands commas.', idColumn: 'รหัสจังหวัด' },
      { title: 'ผลการจัดเวทีตรวจสอบและรับรองคุณภาพข้อมูล จปฐ. ปี ๒๕๖๗', charset: 'windows-874' },
    );
  }

  {
    const m = 'women-fund';
    const p = 'บึงกาฬ';
    const units = districtUnits(m, p, 8, 503, 'text');
    pin(units, 0, { overdueDebtPct: 14, memberGrowthPctOfTarget: 80, groupsPromotedPctOfTarget: 95 }, 'A'); // 50, 100, 100: 83.33
    pin(units, 1, { overdueDebtPct: 5, memberGrowthPctOfTarget: 69.99, groupsPromotedPctOfTarget: 95 }, 'A'); // the hole cannot change A
    htmlFile(
      'women-fund-lm-export.xls',
      {
        mission: m,
        units,
        cols: [
          C.id('รหัสอำเภอ'),
          C.district(),
          C.fact(th(m, 'overdueDebtPct'), 'overdueDebtPct', S.nbsp),
          C.fact(th(m, 'memberGrowthPctOfTarget'), 'memberGrowthPctOfTarget', S.cycle(S.nbsp, S.dec2)),
          C.fact(th(m, 'groupsPromotedPctOfTarget'), 'groupsPromotedPctOfTarget', S.dec2),
        ],
      },
      { describe: "Women's fund export of the debtor-register (LM) system saved as .xls: an HTML table (UTF-8) whose figures are padded with &nbsp;.", idColumn: 'รหัสอำเภอ' },
      { title: 'รายงานผลการดำเนินงานกองทุนพัฒนาบทบาทสตรี', subtitle: `จังหวัด${p} ${REPORT}`, charset: 'utf-8' },
    );
  }

  {
    const m = 'khok-nong-na';
    const p = 'หนองบัวลำภู';
    const units = districtUnits(m, p, 6, 504, 'text');
    pin(units, 0, { place: true, people: true, product: true, promotion: true, passOnPerfect: false }, 'B');
    pin(units, 1, { place: true, people: true, product: false, promotion: false, passOnPerfect: false }, 'D');
    htmlFile(
      'khok-nong-na-report-export.xls',
      { mission: m, units, cols: [C.id('รหัสอำเภอ'), C.district(), ...(['place', 'people', 'product', 'promotion', 'passOnPerfect'] as const).map((f) => C.fact(th(m, f), f, S.words('มี', 'ไม่มี')))] },
      { describe: 'Khok Nong Na learning-centre report saved as .xls: an HTML table (UTF-8) with a colspan title, answers มี/ไม่มี.', idColumn: 'รหัสอำเภอ' },
      { title: `รายงานศูนย์เรียนรู้ โคก หนอง นา จังหวัด${p}`, charset: 'utf-8' },
    );
  }
}

// ---------------------------------------------------------------------------------------------
// Files refused whole

async function refusedFiles(): Promise<void> {
  refused(
    'otop-latin1.csv',
    'otop',
    'UNKNOWN_ENCODING',
    'A CSV in Latin-1 (a partner system\'s export with German remarks, bytes such as FC for ü): neither UTF-8 nor Windows-874.',
    latin1(
      [
        'id,province,district,newProducts,salesGrowthPct,remark',
        '5201,Lampang,Mueang Lampang,5,4.50,Café-Bäckerei Müller (Düsseldorf)',
        '5202,Lampang,Ko Kha,3,2.10,Exportpartner Zürich - Lieferung geprüft',
        '5203,Lampang,Thoen,4,3.80,"Qualitätsprüfung: naïve Keramik, Größe M"',
        '',
      ].join('\r\n'),
    ),
  );

  const ole = Buffer.alloc(1536, 0);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(ole, 0);
  ole.writeUInt16LE(0x003e, 24); // minor version
  ole.writeUInt16LE(0x0003, 26); // major version 3
  ole.writeUInt16LE(0xfffe, 28); // byte order
  ole.writeUInt16LE(9, 30); // 512-byte sectors
  ole.writeUInt16LE(6, 32); // 64-byte mini sectors
  ole.writeUInt32LE(1, 44); // one FAT sector
  ole.writeUInt32LE(1, 48); // directory at sector 1
  ole.writeUInt32LE(0x1000, 56);
  ole.writeUInt32LE(0xfffffffe, 60);
  ole.writeUInt32LE(0xfffffffe, 68);
  for (let k = 0; k < 109; k++) ole.writeUInt32LE(k === 0 ? 0 : 0xffffffff, 76 + 4 * k);
  refused('otop-excel-97-2003.xls', 'otop', 'XLS_BINARY', 'A binary Excel 97–2003 workbook (OLE2 compound file header D0 CF 11 E0 A1 B1 1A E1): must be saved as .xlsx first.', new Uint8Array(ole));

  refused(
    'click-chumchon-session-expired.xls',
    'click-chumchon',
    'NO_TABLE',
    'What a web system sent as the .xls download after the session expired: an HTML login page with no table.',
    utf8(
      [
        '<!DOCTYPE html>',
        '<html lang="th">',
        '<head><meta charset="utf-8"><title>ระบบรายงานผล Click ชุมชน</title></head>',
        '<body>',
        '<div class="container">',
        '<h3>หมดเวลาการใช้งาน</h3>',
        '<p>กรุณาเข้าสู่ระบบอีกครั้ง&nbsp;เพื่อดาวน์โหลดรายงาน</p>',
        '<form method="post" action="/login">',
        '<input name="username" placeholder="ชื่อผู้ใช้"> <input type="password" name="password" placeholder="รหัสผ่าน">',
        '<button type="submit">เข้าสู่ระบบ</button>',
        '</form>',
        '</div>',
        '</body>',
        '</html>',
        '',
      ].join('\r\n'),
    ),
  );

  refused(
    'otop-zipped-not-workbook.xlsx',
    'otop',
    'NOT_A_WORKBOOK',
    'A .xlsx name on a zip archive that holds one text file and no workbook parts.',
    storedZip([{ name: 'readme.txt', data: utf8('ไฟล์รายงาน OTOP ไตรมาส ๓/๒๕๖๗ ส่งแยกทางอีเมล\r\n') }]),
  );

  refused('pracharat-empty.csv', 'pracharat', 'EMPTY_FILE', 'A CSV of zero bytes.', new Uint8Array(0));

  refused(
    'khok-nong-na-title-only.csv',
    'khok-nong-na',
    'NO_HEADER',
    'A CSV holding only the report\'s title lines, padded with commas, and no header naming any of the mission\'s facts.',
    encode([`${REPORT},,,,,,`, `${office('น่าน')},,,,,,`, ''].join('\r\n'), 'utf-8-bom'),
  );

  refused(
    'otop-budget-table.csv',
    'otop',
    'NO_HEADER',
    'A CSV of a different table (a budget plan) sent for OTOP: a header and rows, but no column names an OTOP fact.',
    encode(
      [
        'แผนการใช้จ่ายงบประมาณ ไตรมาส ๓/๒๕๖๗,,,',
        'ลำดับ,รายการ,งบประมาณ (บาท),เบิกจ่าย (บาท)',
        '1,ค่าตอบแทนวิทยากร,"12,000","9,600"',
        '2,ค่าอาหารและอาหารว่าง,"35,000","31,250"',
        '3,ค่าวัสดุ,"8,500","8,500"',
        '',
      ].join('\r\n'),
      'utf-8-bom',
    ),
  );

  refused(
    'bmn-header-no-rows.csv',
    'bmn',
    'NO_ROWS',
    'A BMN CSV with a title and a header of Thai labels, followed only by lines of empty cells (",,,") as Excel saves blank rows.',
    encode([office('น่าน') + ',,,', `รหัสอำเภอ,อำเภอ,${th('bmn', 'villagesVerified')},${th('bmn', 'villagesTarget')}`, ',,,', ',,,', ''].join('\r\n'), 'utf-8-bom'),
  );

  {
    const { bytes } = await workbookBytes([{ name: 'แผ่นงาน1' }]);
    refused('otop-empty-sheet.xlsx', 'otop', 'EMPTY_SHEET', 'A workbook whose only sheet, แผ่นงาน1, has no cells at all.', bytes);
  }

  {
    const m = 'women-fund';
    const { bytes } = await workbookBytes([
      {
        name: 'women-fund',
        titles: [REPORT, office('น่าน')],
        table: {
          mission: m,
          units: [],
          cols: [
            C.id('รหัสอำเภอ'),
            C.district(),
            C.fact(th(m, 'overdueDebtPct'), 'overdueDebtPct', S.num),
            C.fact(th(m, 'memberGrowthPctOfTarget'), 'memberGrowthPctOfTarget', S.num),
            C.fact(th(m, 'groupsPromotedPctOfTarget'), 'groupsPromotedPctOfTarget', S.num),
          ],
        },
      },
    ]);
    refused('women-fund-header-no-rows.xlsx', m, 'NO_ROWS', "A women's fund template sent back unfilled: title rows and the header, no data rows.", bytes);
  }
}

// ---------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  await workbooks();
  await multiMissionWorkbooks();
  delimitedFiles();
  googleFiles();
  htmlFiles();
  await refusedFiles();

  const dir = join(repositoryRoot(), 'test/fixtures/office');
  const names = [...OUT.keys()].sort();
  const expected = Object.fromEntries(names.map((n) => [n, EXPECTED[n]!]));
  const files = new Map<string, Uint8Array>(names.map((n) => [n, OUT.get(n)!]));
  files.set('expected.json', utf8(JSON.stringify(expected, null, 2) + '\n'));
  if (process.argv.includes('--check')) {
    const onDisk = existsSync(dir) ? readdirSync(dir) : [];
    const stale = [
      ...[...files].filter(([n, bytes]) => !existsSync(join(dir, n)) || !Buffer.from(readFileSync(join(dir, n))).equals(Buffer.from(bytes))).map(([n]) => n),
      ...onDisk.filter((n) => !files.has(n)),
    ];
    if (stale.length > 0) {
      console.error(`test/fixtures/office differs from what the generator writes: ${stale.join(', ')}`);
      process.exitCode = 1;
    } else console.log(`test/fixtures/office is up to date (${files.size} files)`);
    return;
  }
  mkdirSync(dir, { recursive: true });
  for (const name of readdirSync(dir)) if (!files.has(name)) rmSync(join(dir, name));
  for (const [name, bytes] of files) writeFileSync(join(dir, name), bytes);

  const refusedCount = names.filter((n) => EXPECTED[n]!.refuse).length;
  const badCount = names.filter((n) => EXPECTED[n]!.cellErrors).length;
  const bytes = names.reduce((sum, n) => sum + OUT.get(n)!.length, 0);
  console.log(`wrote ${names.length} office files (${refusedCount} refused, ${badCount} with bad cells, ${bytes} bytes) and expected.json to ${dir}`);
}

if (process.argv[1]?.endsWith('office.js')) await main();
