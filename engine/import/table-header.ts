// A table's header: the row below any title rows that names enough of the mission's facts, and
// what each column means (a fact, the unit's id, province or district), refusing a table whose
// header cannot be found or names one thing twice.
import type { Fact, Rubric, Text } from '../types.js';
import { percentCellValue } from './cell-text.js';
import type { Cell, ColumnUse, ImportProblem, ImportProblemCode, TableOptions } from './table-types.js';

/** Excel's name for a column: 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** Header text compared as people mean it: NFC, spaces and line breaks folded, Latin case ignored. */
export function normaliseHeader(text: string): string {
  return text
    .normalize('NFC')
    .replace(/[\u200B-\u200D\uFEFF]/g, '')
    .replace(/[\s\u00A0]+/g, ' ')
    .trim()
    .replace(/^(ข้อ\s*)?[\d๐-๙]+\s*[.)]\s*/, '')
    .replace(/\s*[?？:：*]+$/, '')
    .toLowerCase();
}

const ID_HEADERS = new Set(['id', 'รหัส', 'รหัสหน่วยงาน', 'รหัสหน่วยงาน (id)', 'unit', 'unit id']);
const PROVINCE_HEADERS = new Set(['province', 'จังหวัด', 'จังหวัด (province)']);
const DISTRICT_HEADERS = new Set(['district', 'อำเภอ', 'อำเภอ (district)']);

/** Every header a fact answers to: its id, Thai and English labels, and declared aliases. */
export function headerNames(rubric: Rubric): Map<string, string> {
  const names = new Map<string, string>();
  for (const [id, fact] of Object.entries(rubric.facts ?? {})) {
    const words = [id, fact.label.th, fact.label.en, ...(fact.aliases?.column ?? [])];
    for (const word of words) {
      const key = normaliseHeader(word);
      if (key && !names.has(key)) names.set(key, id);
    }
  }
  return names;
}

/** The fact or role a header names. */
type Role = NonNullable<ColumnUse['role']>;

export function classify(header: string, names: Map<string, string>, facts: Record<string, Fact>): { fact?: string; role?: Role } {
  const key = normaliseHeader(header);
  if (!key) return {};
  // "Thai label (factId)", as the templates write it, names the fact by its id.
  const tail = /\(([A-Za-z][A-Za-z0-9]*)\)$/.exec(header.trim());
  if (tail && Object.hasOwn(facts, tail[1]!)) return withRole({ fact: tail[1]! }, key, facts);
  const bare = key.replace(/\s*\((ร้อยละ|percent|%)\)$/, '');
  const fact = names.get(key) ?? names.get(bare);
  if (fact) return withRole({ fact }, key, facts);
  if (ID_HEADERS.has(key)) return { role: 'id' };
  if (PROVINCE_HEADERS.has(key)) return { role: 'province' };
  if (DISTRICT_HEADERS.has(key)) return { role: 'district' };
  return {};
}

/** A province fact's column also names the unit's province. */
function withRole(found: { fact: string }, _key: string, facts: Record<string, Fact>): { fact: string; role?: Role } {
  const fact = facts[found.fact]!;
  return fact.type === 'string' && fact.catalog === 'province' ? { ...found, role: 'province' } : found;
}

export function cellText(cell: Cell): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'object') return `${percentCellValue(cell.percentOf)}%`;
  return String(cell);
}

export function isEmpty(cell: Cell): boolean {
  return cell === null || cell === undefined || (typeof cell === 'string' && cell.replace(/[\s\u00A0\u200B]/g, '') === '');
}

/** How many rows are searched for the header below title rows. */
const HEADER_SEARCH_ROWS = 30;

export function problem(code: ImportProblemCode, message: Text): { problem: ImportProblem } {
  return { problem: { code, message } };
}

/** The header row's index and what each of its columns means, or why the table has none. */
export function findHeader(grid: readonly (readonly Cell[])[], rubric: Rubric, options: TableOptions): { headerIndex: number; columns: ColumnUse[] } | { problem: ImportProblem } {
  const facts = rubric.facts ?? {};
  const factCount = Object.keys(facts).length;
  const names = headerNames(rubric);
  const firstRow = grid.findIndex((row) => row.some((c) => !isEmpty(c)));
  if (firstRow < 0) return problem('EMPTY_SHEET', { th: `${options.source} ไม่มีข้อมูลเลย`, en: `${options.source} holds no data` });
  const need = Math.max(1, Math.ceil(factCount / 2));
  let headerIndex = -1;
  for (let r = firstRow; r < Math.min(grid.length, firstRow + HEADER_SEARCH_ROWS); r++) {
    const hits = new Set(grid[r]!.map((c) => classify(cellText(c), names, facts).fact).filter(Boolean));
    if (hits.size >= need) {
      headerIndex = r;
      break;
    }
  }
  if (headerIndex < 0) {
    const wanted = Object.entries(facts).map(([id, f]) => `${f.label.th} (${id})`);
    return problem('NO_HEADER', {
      th: `ไม่พบแถวหัวตารางใน ${options.source}: ต้องมีแถวที่มีชื่อคอลัมน์ของข้อมูลอย่างน้อย ${need} จาก ${factCount} คอลัมน์ เช่น ${wanted.slice(0, 3).join(', ')}`,
      en: `no header row found in ${options.source}: a row must name at least ${need} of the ${factCount} facts, e.g. ${Object.keys(facts).slice(0, 3).join(', ')}`,
    });
  }
  // Array.from visits the holes a sheet that starts at column B leaves, which map would skip.
  const header = Array.from(grid[headerIndex]!, (cell) => cellText(cell));
  const columns: ColumnUse[] = header.map((text, i) => ({ letter: columnLetter(i), header: text.trim(), ...classify(text, names, facts) }));
  const refused = chooseIdColumn(columns, options) ?? duplicateColumn(columns, options);
  return refused ?? { headerIndex, columns };
}

/** Makes the column the user named the id column, or says it is not there. */
function chooseIdColumn(columns: ColumnUse[], options: TableOptions): { problem: ImportProblem } | null {
  if (!options.idColumn) return null;
  const chosenId = columns.find((c) => c.letter === options.idColumn!.toUpperCase() || normaliseHeader(c.header) === normaliseHeader(options.idColumn!));
  if (!chosenId) {
    return problem('NO_HEADER', {
      th: `ไม่มีคอลัมน์ "${options.idColumn}" ใน ${options.source} (มี: ${columns.map((c) => c.header).filter(Boolean).join(', ')})`,
      en: `there is no column "${options.idColumn}" in ${options.source} (found: ${columns.map((c) => c.header).filter(Boolean).join(', ')})`,
    });
  }
  for (const c of columns) if (c.role === 'id') delete c.role;
  chosenId.role = 'id';
  delete chosenId.fact;
  return null;
}

/** Two columns that mean the same fact or role, refused. */
function duplicateColumn(columns: readonly ColumnUse[], options: TableOptions): { problem: ImportProblem } | null {
  const seen = new Map<string, ColumnUse>();
  for (const c of columns) {
    const key = c.fact ?? c.role;
    if (!key) continue;
    const before = seen.get(key);
    if (before) {
      return problem('DUPLICATE_COLUMN', {
        th: `คอลัมน์ ${before.letter} "${before.header}" และ ${c.letter} "${c.header}" หมายถึงข้อมูลเดียวกัน (${key}) ใน ${options.source}: ลบคอลัมน์หนึ่งออก`,
        en: `columns ${before.letter} "${before.header}" and ${c.letter} "${c.header}" both mean ${key} in ${options.source}: remove one`,
      });
    }
    seen.set(key, c);
  }
  return null;
}
