// Uploaded data files as rows for each mission: a workbook's sheets go to the missions they are
// named after (exceljs loads only then); a CSV or JSON file goes to one chosen mission. Column
// renames are applied here too.
import { DataFileError, DESCRIPTIVE_COLUMNS, readCsvRows, readJsonRows, rowsFromTable, type ColumnWarning } from '../../../../../engine/tabular.js';
import type { Fact } from '../../../../../engine/types.js';
import { readWorkbook, type Sheet } from '../../../../../engine/workbook.js';
import type { Grader } from './graders.js';

/** A file as read from the input, before it is given to a mission. */
export type Upload =
  | { kind: 'workbook'; source: string; sheets: Sheet[] }
  | { kind: 'csv' | 'json'; source: string; text: string; header: string[] };

/** One mission's rows from one file, with the warnings about its columns. */
export interface MissionData {
  mission: string;
  source: string;
  kind: 'table' | 'json';
  /** Added to a row's index to give its place in the file: 2 under a header line, 1 in a JSON array. */
  lineOffset: number;
  rows: Record<string, unknown>[];
  warnings: ColumnWarning[];
  /** Columns renamed to facts, new name → the file's name. */
  renamed: Record<string, string>;
}

type Row = Record<string, unknown>;

/** Reads the chosen file: workbooks as sheets, CSV and JSON as text with their column names. */
export async function readUpload(file: File): Promise<Upload> {
  if (/\.xlsx$/i.test(file.name)) {
    return { kind: 'workbook', source: file.name, sheets: await readWorkbook(new Uint8Array(await file.arrayBuffer()), file.name) };
  }
  // A byte-order mark (Excel's "CSV UTF-8") is not part of the first column's name.
  const text = (await file.text()).replace(/^\uFEFF/, '');
  if (/\.json$/i.test(file.name)) return { kind: 'json', source: file.name, text, header: jsonKeys(text) };
  return { kind: 'csv', source: file.name, text, header: csvHeader(text) };
}

/** The rows of a CSV or JSON upload for one mission; throws DataFileError for an unreadable file. */
export function rowsForMission(upload: Extract<Upload, { kind: 'csv' | 'json' }>, grader: Grader): MissionData {
  const set = upload.kind === 'json' ? readJsonRows(upload.source, upload.text, grader.facts) : readCsvRows(upload.source, upload.text, grader.facts);
  return { mission: grader.mission, source: upload.source, kind: upload.kind === 'json' ? 'json' : 'table', lineOffset: upload.kind === 'json' ? 1 : 2, ...set, renamed: {} };
}

/**
 * The rows of every sheet named after a mission, the names of the sheets that are not, and why a
 * mission's sheet could not be read: one bad sheet does not keep the others from grading.
 */
export function rowsFromSheets(
  upload: Extract<Upload, { kind: 'workbook' }>,
  graders: readonly Grader[],
): { data: MissionData[]; skipped: string[]; unreadable: string[] } {
  const data: MissionData[] = [];
  const skipped: string[] = [];
  const unreadable: string[] = [];
  for (const sheet of upload.sheets) {
    const grader = graders.find((g) => g.mission === sheet.name.trim());
    if (!grader) {
      skipped.push(sheet.name);
      continue;
    }
    const source = `${upload.source} [${sheet.name}]`;
    try {
      const set = rowsFromTable(source, sheet.header, sheet.records, grader.facts);
      data.push({ mission: grader.mission, source, kind: 'table', lineOffset: 2, ...set, renamed: {} });
    } catch (error) {
      if (!(error instanceof DataFileError)) throw error;
      unreadable.push(error.message);
    }
  }
  return { data, skipped, unreadable };
}

/** The mission whose facts best match a header: the most shared names for the fewest left over. */
export function bestMission(header: readonly string[], graders: readonly Grader[]): Grader | undefined {
  const columns = new Set(header.filter((h) => !DESCRIPTIVE_COLUMNS.has(h)));
  let best: { grader: Grader; score: number } | undefined;
  for (const grader of graders) {
    const facts = Object.keys(grader.facts);
    const shared = facts.filter((f) => columns.has(f)).length;
    const score = shared / (facts.length + columns.size - shared || 1);
    if (!best || score > best.score) best = { grader, score };
  }
  return best?.grader;
}

/** Columns of the rows that are neither facts nor descriptive (id, province, district, name). */
export function unknownColumns(data: MissionData, facts: Record<string, Fact>): string[] {
  return columnsOf(data.rows).filter((c) => !DESCRIPTIVE_COLUMNS.has(c) && !Object.hasOwn(facts, c));
}

/** Facts that no row has a column for. */
export function missingFacts(data: MissionData, facts: Record<string, Fact>): string[] {
  const columns = new Set(columnsOf(data.rows));
  return Object.keys(facts).filter((f) => !columns.has(f));
}

/**
 * The rows again with columns renamed (the file's name → a fact), read as the file would have been
 * had it used those names: table cells are typed by their new fact, and the warnings are new.
 */
export function renameColumns(data: MissionData, mapping: Record<string, string>, facts: Record<string, Fact>): MissionData {
  const to = (c: string) => mapping[c] || c;
  const header = columnsOf(data.rows);
  const set =
    data.kind === 'json'
      ? readJsonRows(data.source, JSON.stringify(data.rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [to(k), v])))), facts)
      : rowsFromTable(data.source, header.map(to), data.rows.map((r) => header.map((h) => r[h])), facts);
  const renamed = { ...data.renamed };
  for (const [from, fact] of Object.entries(mapping)) if (fact) renamed[fact] = data.renamed[from] ?? from;
  return { ...data, ...set, renamed };
}

/** Every key used by the rows, in the order first seen. */
function columnsOf(rows: readonly Row[]): string[] {
  const columns = new Set<string>();
  for (const row of rows) for (const key of Object.keys(row)) columns.add(key);
  return [...columns];
}

/** The names in a CSV's first line, for choosing the mission; the file is parsed properly later. */
function csvHeader(text: string): string[] {
  const line = text.split(/\r?\n/, 1)[0] ?? '';
  return line.split(',').map((c) => c.trim().replace(/^"(.*)"$/, '$1'));
}

/** The keys of a JSON array's rows, or none when it is not one (reading it later says why). */
function jsonKeys(text: string): string[] {
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) ? columnsOf(value.filter((r): r is Row => r !== null && typeof r === 'object')) : [];
  } catch {
    return [];
  }
}
