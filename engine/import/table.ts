// Rows from a table as an office made it (a CSV, a worksheet, an HTML table): the header found
// below any title rows and matched to the mission's facts, every cell read by its fact's type,
// and every conversion counted for the import report. Browser-safe: the CLI and the preview share it.
import { valueCatalog, type ValueInfo } from '../catalog.js';
import { rowError, type RowError } from '../row-problems.js';
import type { Fact, Rubric, Text } from '../types.js';
import { CONVERSION_TEXT, failure, readPercentCell, readNumberText, type CellReading } from './cell-text.js';
import { readBooleanText, readEnumText, readProvinceText } from './cell-words.js';
import { cellText, findHeader, isEmpty, problem } from './table-header.js';
import type { Cell, ImportProblem, ColumnUse, ConversionCount, ImportReport, UnitInfo, ReadTable, TableOptions } from './table-types.js';

export type { PercentCell, Cell, ImportProblem, ImportProblemCode, ColumnUse, ConversionCount, ImportReport, UnitInfo, ReadTable, TableOptions } from './table-types.js';
export { columnLetter, normaliseHeader } from './table-header.js';

/** The most data rows one table may hold: more is refused with a clear message, not run out of memory. */
export const MAX_TABLE_ROWS = 250_000;

/** What reading the rows under a header needs: the columns, where the unit's id and place are, and the conversion counts so far. */
interface Reading {
  columns: ColumnUse[];
  facts: Record<string, Fact>;
  catalog: Map<string, ValueInfo>;
  options: TableOptions;
  idColumn: number;
  provinceColumn: number;
  districtColumn: number;
  counts: Map<string, ConversionCount>;
}

/**
 * Reads a table: finds the header (the first row whose cells name enough of the mission's facts),
 * matches each column, and reads every cell by its fact's type. A cell that cannot be read is an
 * error of its row naming the column, the cell (C14) and what was expected; the other rows grade.
 */
export function readTable(grid: readonly (readonly Cell[])[], rubric: Rubric, options: TableOptions): ReadTable | { problem: ImportProblem } {
  const found = findHeader(grid, rubric, options);
  if ('problem' in found) return found;
  const { headerIndex, columns } = found;
  if (grid.length - headerIndex - 1 > MAX_TABLE_ROWS) {
    return problem('TOO_MANY_ROWS', {
      th: `${options.source} มีข้อมูลเกิน ${MAX_TABLE_ROWS.toLocaleString('th-TH')} แถว: แบ่งเป็นหลายไฟล์`,
      en: `${options.source} has more than ${MAX_TABLE_ROWS} rows: split it into several files`,
    });
  }
  const reading: Reading = {
    columns,
    facts: rubric.facts ?? {},
    catalog: valueCatalog(rubric),
    options,
    idColumn: columns.findIndex((c) => c.role === 'id'),
    provinceColumn: columns.findIndex((c) => c.role === 'province'),
    districtColumn: columns.findIndex((c) => c.role === 'district'),
    counts: new Map(),
  };
  const rows: Record<string, unknown>[] = [];
  const units: UnitInfo[] = [];
  const cellErrors: (RowError[] | undefined)[] = [];
  let errorCount = 0;
  for (let r = headerIndex + 1; r < grid.length; r++) {
    const line = grid[r]!;
    if (line.every(isEmpty)) continue;
    const { row, unit, errors } = readLine(reading, line, r + 1, rows.length);
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
  return { rows, units, cellErrors, report: importReport(rubric, reading, headerIndex, rows, errorCount) };
}

/** One data line read: its row of facts, the unit it stands for, and the cells that could not be read. */
function readLine(reading: Reading, line: readonly Cell[], lineNumber: number, rowsBefore: number): { row: Record<string, unknown>; unit: UnitInfo; errors: RowError[] | undefined } {
  const { columns, facts, catalog, options, counts, idColumn, provinceColumn, districtColumn } = reading;
  const row = Object.create(null) as Record<string, unknown>;
  let errors: RowError[] | undefined;
  columns.forEach((column, i) => {
    const cell = line[i];
    if (!column.fact || isEmpty(cell)) return;
    const info = catalog.get(column.fact)!;
    const read = readCell(cell!, info, facts[column.fact]!);
    // A spreadsheet cell typed as text that holds a number is a conversion worth showing.
    if (read.ok && !options.textSource && typeof cell === 'string' && typeof read.value === 'number' && read.conversions.length === 0) {
      read.conversions = ['number-text'];
    }
    if (!read.ok) {
      (errors ??= []).push(cellError(read, column, `${column.letter}${lineNumber}`, cellText(cell), info));
      return;
    }
    row[column.fact] = read.value;
    for (const kind of read.conversions) {
      if (kind === 'number-text' && options.textSource) continue;
      const key = `${column.fact}\u0000${kind}`;
      const count = counts.get(key);
      if (count) count.count++;
      else counts.set(key, { fact: column.fact, letter: column.letter, kind, count: 1, example: { from: cellText(cell), to: String(read.value) }, text: CONVERSION_TEXT[kind] });
    }
  });
  const id = idColumn >= 0 && !isEmpty(line[idColumn]) ? cellText(line[idColumn]).trim() : `#${rowsBefore + 1}`;
  if (idColumn >= 0 && !isEmpty(line[idColumn])) row.id = id;
  else if (idColumn < 0) row.id = id;
  const unit: UnitInfo = { id, line: lineNumber };
  if (provinceColumn >= 0 && !isEmpty(line[provinceColumn])) {
    const text = cellText(line[provinceColumn]).trim();
    const province = readProvinceText(text);
    unit.province = province.ok ? String(province.value) : text;
  }
  if (districtColumn >= 0 && !isEmpty(line[districtColumn])) unit.district = cellText(line[districtColumn]).trim();
  return { row, unit, errors };
}

/** The import report: where the header was, what each column meant, what was converted and what is missing. */
function importReport(rubric: Rubric, reading: Reading, headerIndex: number, rows: readonly Record<string, unknown>[], errorCount: number): ImportReport {
  const { columns, options } = reading;
  const fed = new Set(columns.map((c) => c.fact).filter(Boolean));
  return {
    source: options.source,
    ...(options.encoding ? { encoding: options.encoding } : {}),
    ...(options.sheet ? { sheet: options.sheet } : {}),
    headerRow: headerIndex + 1,
    columns,
    conversions: [...reading.counts.values()],
    numbered: reading.idColumn < 0,
    missingFacts: Object.keys(rubric.facts ?? {}).filter((f) => !fed.has(f)),
    ignoredColumns: columns.filter((c) => c.header && !c.fact && !c.role).map((c) => c.header),
    rows: rows.length,
    cellErrors: errorCount,
    labels: factLabels(rubric),
    fractionColumns: fractionColumns(rows, columns, reading.catalog),
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
