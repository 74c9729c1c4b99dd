// Rows from a table as an office made it (a CSV, a worksheet, an HTML table): the header found
// below any title rows and matched to the mission's facts, every cell read by its fact's type,
// and every conversion counted for the import report. Browser-safe: the CLI and the preview share it.
import { valueCatalog, type ValueInfo } from '../catalog.js';
import { rowError, type RowError } from '../row-problems.js';
import type { Fact, Rubric, Text } from '../types.js';
import { CONVERSION_TEXT, failure, percentCellValue, readPercentCell, readNumberText, type CellReading, type Conversion } from './cell-text.js';
import { readBooleanText, readEnumText, readProvinceText } from './cell-words.js';
import type { PercentCell, Cell, ImportProblem, ImportProblemCode, ColumnUse, ConversionCount, ImportReport, UnitInfo, ReadTable, TableOptions } from './table-types.js';

export type { PercentCell, Cell, ImportProblem, ImportProblemCode, ColumnUse, ConversionCount, ImportReport, UnitInfo, ReadTable, TableOptions } from './table-types.js';

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
function headerNames(rubric: Rubric): Map<string, string> {
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

function classify(header: string, names: Map<string, string>, facts: Record<string, Fact>): { fact?: string; role?: Role } {
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

function cellText(cell: Cell): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'object') return `${percentCellValue(cell.percentOf)}%`;
  return String(cell);
}

function isEmpty(cell: Cell): boolean {
  return cell === null || cell === undefined || (typeof cell === 'string' && cell.replace(/[\s\u00A0\u200B]/g, '') === '');
}

/** The most data rows one table may hold: more is refused with a clear message, not run out of memory. */
export const MAX_TABLE_ROWS = 250_000;

/** How many rows are searched for the header below title rows. */
const HEADER_SEARCH_ROWS = 30;

/**
 * Reads a table: finds the header (the first row whose cells name enough of the mission's facts),
 * matches each column, and reads every cell by its fact's type. A cell that cannot be read is an
 * error of its row naming the column, the cell (C14) and what was expected; the other rows grade.
 */
export function readTable(grid: readonly (readonly Cell[])[], rubric: Rubric, options: TableOptions): ReadTable | { problem: ImportProblem } {
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
  const chosenId = options.idColumn ? columns.find((c) => c.letter === options.idColumn!.toUpperCase() || normaliseHeader(c.header) === normaliseHeader(options.idColumn!)) : undefined;
  if (options.idColumn && !chosenId) {
    return problem('NO_HEADER', {
      th: `ไม่มีคอลัมน์ "${options.idColumn}" ใน ${options.source} (มี: ${columns.map((c) => c.header).filter(Boolean).join(', ')})`,
      en: `there is no column "${options.idColumn}" in ${options.source} (found: ${columns.map((c) => c.header).filter(Boolean).join(', ')})`,
    });
  }
  if (chosenId) {
    for (const c of columns) if (c.role === 'id') delete c.role;
    chosenId.role = 'id';
    delete chosenId.fact;
  }
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

  const catalog = valueCatalog(rubric);
  const idColumn = columns.findIndex((c) => c.role === 'id');
  const provinceColumn = columns.findIndex((c) => c.role === 'province');
  const districtColumn = columns.findIndex((c) => c.role === 'district');
  const counts = new Map<string, ConversionCount>();
  const rows: Record<string, unknown>[] = [];
  const units: UnitInfo[] = [];
  const cellErrors: (RowError[] | undefined)[] = [];
  let errorCount = 0;

  if (grid.length - headerIndex - 1 > MAX_TABLE_ROWS) {
    return problem('TOO_MANY_ROWS', {
      th: `${options.source} มีข้อมูลเกิน ${MAX_TABLE_ROWS.toLocaleString('th-TH')} แถว: แบ่งเป็นหลายไฟล์`,
      en: `${options.source} has more than ${MAX_TABLE_ROWS} rows: split it into several files`,
    });
  }
  for (let r = headerIndex + 1; r < grid.length; r++) {
    const line = grid[r]!;
    if (line.every(isEmpty)) continue;
    const lineNumber = r + 1;
    const row = Object.create(null) as Record<string, unknown>;
    let errors: RowError[] | undefined;
    columns.forEach((column, i) => {
      const cell = line[i];
      if (!column.fact || isEmpty(cell)) return;
      const info = catalog.get(column.fact)!;
      const reading = readCell(cell!, info, facts[column.fact]!);
      // A spreadsheet cell typed as text that holds a number is a conversion worth showing.
      if (reading.ok && !options.textSource && typeof cell === 'string' && typeof reading.value === 'number' && reading.conversions.length === 0) {
        reading.conversions = ['number-text'];
      }
      if (!reading.ok) {
        (errors ??= []).push(cellError(reading, column, `${column.letter}${lineNumber}`, cellText(cell), info));
        return;
      }
      row[column.fact] = reading.value;
      for (const kind of reading.conversions) {
        if (kind === 'number-text' && options.textSource) continue;
        const key = `${column.fact}\u0000${kind}`;
        const count = counts.get(key);
        if (count) count.count++;
        else counts.set(key, { fact: column.fact, letter: column.letter, kind, count: 1, example: { from: cellText(cell), to: String(reading.value) }, text: CONVERSION_TEXT[kind] });
      }
    });
    const id = idColumn >= 0 && !isEmpty(line[idColumn]) ? cellText(line[idColumn]).trim() : `#${rows.length + 1}`;
    if (idColumn >= 0 && !isEmpty(line[idColumn])) row.id = id;
    else if (idColumn < 0) row.id = id;
    const unit: UnitInfo = { id, line: lineNumber };
    if (provinceColumn >= 0 && !isEmpty(line[provinceColumn])) {
      const text = cellText(line[provinceColumn]).trim();
      const province = readProvinceText(text);
      unit.province = province.ok ? String(province.value) : text;
    }
    if (districtColumn >= 0 && !isEmpty(line[districtColumn])) unit.district = cellText(line[districtColumn]).trim();
    rows.push(row);
    units.push(unit);
    cellErrors.push(errors);
    if (errors) errorCount += errors.length;
  }
  if (rows.length === 0) {
    return problem('NO_ROWS', {
      th: `${options.source} มีหัวตาราง (แถว ${headerIndex + 1}) แต่ไม่มีข้อมูลใต้หัวตาราง`,
      en: `${options.source} has a header (row ${headerIndex + 1}) but no rows under it`,
    });
  }
  const fed = new Set(columns.map((c) => c.fact).filter(Boolean));
  return {
    rows,
    units,
    cellErrors,
    report: {
      source: options.source,
      ...(options.encoding ? { encoding: options.encoding } : {}),
      ...(options.sheet ? { sheet: options.sheet } : {}),
      headerRow: headerIndex + 1,
      columns,
      conversions: [...counts.values()],
      numbered: idColumn < 0,
      missingFacts: Object.keys(facts).filter((f) => !fed.has(f)),
      ignoredColumns: columns.filter((c) => c.header && !c.fact && !c.role).map((c) => c.header),
      rows: rows.length,
      cellErrors: errorCount,
      labels: factLabels(rubric),
      fractionColumns: fractionColumns(rows, columns, catalog),
    },
  };
}

/** Each fact's Thai and English label, by id. */
export function factLabels(rubric: Rubric): Record<string, Text> {
  return Object.fromEntries(Object.entries(rubric.facts ?? {}).map(([id, fact]) => [id, fact.label]));
}

/**
 * Percent columns whose values all lie between 0 and 1 (at least three, not all zero): they are
 * read as written, but the report asks whether they were meant as fractions of one.
 */
function fractionColumns(rows: readonly Record<string, unknown>[], columns: readonly ColumnUse[], catalog: Map<string, ValueInfo>): ImportReport['fractionColumns'] {
  const out: ImportReport['fractionColumns'] = [];
  for (const column of columns) {
    if (!column.fact || !catalog.get(column.fact)?.percent) continue;
    const values = rows.map((r) => r[column.fact!]).filter((v): v is number => typeof v === 'number');
    if (values.length >= 3 && values.some((v) => v !== 0) && values.every((v) => v >= 0 && v <= 1)) out.push({ fact: column.fact, letter: column.letter, count: values.length });
  }
  return out;
}

function problem(code: ImportProblemCode, message: Text): { problem: ImportProblem } {
  return { problem: { code, message } };
}

/** Reads one cell for one fact: a spreadsheet's typed value as it is, text through the office rules. */
function readCell(cell: Exclude<Cell, null | undefined>, info: ValueInfo, fact: Fact): CellReading {
  switch (info.type) {
    case 'number':
    case 'integer': {
      if (typeof cell === 'object') {
        if (!info.percent) return failure('NOT_A_NUMBER', { th: 'ตัวเลข (ไม่ใช่เซลล์รูปแบบเปอร์เซ็นต์)', en: 'a plain number (not a percent-formatted cell)' }, cellText(cell));
        return readPercentCell(cell.percentOf, { integer: info.type === 'integer' });
      }
      if (typeof cell === 'number') {
        if (info.type === 'integer' && !Number.isInteger(cell)) return failure('NOT_AN_INTEGER', { th: 'จำนวนเต็ม เช่น 12', en: 'a whole number, e.g. 12' }, String(cell));
        return { ok: true, value: cell, conversions: [] };
      }
      if (typeof cell === 'boolean') return failure('NOT_A_NUMBER', { th: 'ตัวเลข', en: 'a number' }, String(cell));
      const unit = info.unit && !info.percent ? [info.unit.th, info.unit.en] : [];
      return readNumberText(cell, { integer: info.type === 'integer', percent: info.percent === true, unitWords: unit });
    }
    case 'boolean': {
      if (typeof cell === 'boolean') return { ok: true, value: cell, conversions: [] };
      if (cell === 1 || cell === 0) return { ok: true, value: cell === 1, conversions: ['boolean-word'] };
      const aliases = fact.type === 'boolean' ? fact.aliases : undefined;
      return readBooleanText(cellText(cell), { yes: aliases?.yes ?? [], no: aliases?.no ?? [] });
    }
    case 'enum':
      return readEnumText(cellText(cell), fact.type === 'enum' ? fact.values : []);
    case 'string':
      if (info.catalog === 'province') return readProvinceText(cellText(cell));
      return { ok: true, value: cellText(cell).trim(), conversions: [] };
  }
}

/** A cell's problem as a row error: the column, the cell as Excel names it, what was expected and found. */
function cellError(reading: Extract<CellReading, { ok: false }>, column: ColumnUse, cell: string, raw: string, info: ValueInfo): RowError {
  const received = JSON.stringify(raw.length > 60 ? `${raw.slice(0, 57)}...` : raw);
  const params = { at: 'cell' as const, cell, header: column.header, expected: reading.expected, received };
  return rowError(reading.code, info.id, params, { expected: reading.expected.en, received, where: { column: column.header, cell } });
}
