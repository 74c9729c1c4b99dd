// Uploaded data files through the engine's one reader (engine/import/read-file.ts), exactly as
// `rubric grade` reads them: the bytes become grids (a CSV or Unicode text in any Thai office
// encoding, an .xlsx, an HTML-table ".xls", JSON), then each mission's sheet is picked (the sheet
// chosen by hand, else the one named by the mission's id or Thai name, else the only one) and read
// into typed rows, units and an import report. What is left to the page: which mission a file of
// one table is, a sheet chosen by hand, and the unit id column.
import { pickGrid, readGrids, readMission, type FileGrids, type Grid, type ImportProblem, type ReadTable } from '$engine/import/read-file.js';
import { normaliseHeader, type ColumnUse } from '$engine/import/table.js';
import type { Grader } from './graders.js';

/** A file read into grids, ready to be read for any mission. */
export interface LoadedFile {
  /** Counts uploads: a mission's results know whether they came from the file now loaded. */
  serial: number;
  source: string;
  files: FileGrids;
}

/** One mission's rows from one file: typed rows, their units and unreadable cells, and the report. */
export interface MissionData extends ReadTable {
  mission: string;
  source: string;
  serial: number;
  /** The workbook sheet the rows came from. */
  sheet?: string;
  /** The unit id column chosen by hand (a column letter); absent when the file's own is used. */
  idColumn?: string;
}

/** What the page chose for one mission of the loaded file. */
export interface Choice {
  sheet?: string | undefined;
  idColumn?: string | undefined;
}

/** A mission read from the loaded file, or why it could not be. */
export type MissionRead = { data: MissionData } | { problem: ImportProblem };

let uploads = 0;

/** The next upload's serial. */
export function nextSerial(): number {
  return ++uploads;
}

/** Reads an uploaded file's bytes into grids, or the one clear reason the file cannot be used. */
export async function readUpload(file: File, serial = nextSerial()): Promise<LoadedFile | { problem: ImportProblem }> {
  const files = await readGrids(new Uint8Array(await file.arrayBuffer()), file.name);
  if ('problem' in files) return files;
  return { serial, source: file.name, files };
}

/** True for a file of one table (CSV, text, HTML, JSON, a workbook of one sheet): it goes to one chosen mission. */
export function isSingleTable(loaded: LoadedFile): boolean {
  return loaded.files.kind !== 'xlsx' || loaded.files.grids.length <= 1;
}

/** The sheets a person can choose among: a workbook's, when it has more than one. */
export function sheetNames(loaded: LoadedFile): string[] {
  return loaded.files.kind === 'xlsx' && loaded.files.grids.length > 1 ? loaded.files.grids.map((g) => g.name) : [];
}

/** Reads one mission's table as the CLI does (readMission), with the sheet and id column chosen. */
export function readFor(loaded: LoadedFile, grader: Grader, choice: Choice): MissionRead {
  const read = readMission(loaded.files, grader.rubric, {
    source: loaded.source,
    ...(choice.sheet ? { sheet: choice.sheet } : {}),
    ...(choice.idColumn ? { idColumn: choice.idColumn } : {}),
  });
  if ('problem' in read) return { problem: read.problem };
  return {
    data: {
      mission: grader.mission,
      source: loaded.source,
      serial: loaded.serial,
      ...(read.sheet ? { sheet: read.sheet } : {}),
      ...(choice.idColumn ? { idColumn: choice.idColumn } : {}),
      ...read.table,
    },
  };
}

/** Each mission's sheet of a workbook of several sheets, as pickGrid finds it by name: mission → sheet. */
export function sheetsByName(loaded: LoadedFile, graders: readonly Grader[]): Map<string, string> {
  const found = new Map<string, string>();
  if (isSingleTable(loaded)) return found;
  for (const grader of graders) {
    const grid = pickGrid(loaded.files, grader.rubric, {});
    if (!('problem' in grid)) found.set(grader.mission, grid.name);
  }
  return found;
}

/**
 * Sheets no mission is named by, each given to the mission whose facts its header names best
 * (among missions without a sheet of their own): a guess the sheet picker shows and can undo.
 */
export function guessSheets(loaded: LoadedFile, graders: readonly Grader[], named: Map<string, string>): Record<string, string> {
  const taken = new Set(named.values());
  const guesses: Record<string, string> = {};
  for (const grid of loaded.files.grids) {
    if (taken.has(grid.name)) continue;
    let best: { mission: string; score: number } | undefined;
    for (const grader of graders) {
      if (named.has(grader.mission) || guesses[grader.mission]) continue;
      const score = headerScore(loaded, grid, grader);
      if (score > 0 && (!best || score > best.score)) best = { mission: grader.mission, score };
    }
    if (best) guesses[best.mission] = grid.name;
  }
  return guesses;
}

/**
 * The mission a file of one table most likely holds: the one whose facts its header names best
 * (the most facts matched for the fewest columns left over), a sheet named after a mission
 * counting too; undefined when no mission's header is found in it.
 */
export function bestMission(loaded: LoadedFile, graders: readonly Grader[]): Grader | undefined {
  let best: { grader: Grader; score: number } | undefined;
  const grid = loaded.files.grids[0];
  for (const grader of graders) {
    const score = loaded.files.json ? jsonScore(loaded.files.json, grader) : grid ? headerScore(loaded, grid, grader) + (namesMission(grid, grader) ? 1 : 0) : 0;
    if (score > 0 && (!best || score > best.score)) best = { grader, score };
  }
  return best?.grader;
}

/** The unit id column the reader finds by itself in a mission's table (id, รหัส, …), if any. */
export function fileIdColumn(loaded: LoadedFile, grader: Grader, sheet: string | undefined): ColumnUse | undefined {
  const grid = sheet ? loaded.files.grids.find((g) => g.name === sheet) : pickOne(loaded, grader);
  if (!grid) return undefined;
  const head = headOf(loaded, grid, grader);
  return 'problem' in head ? undefined : head.table.report.columns.find((c) => c.role === 'id');
}

/** The grid readMission would take for a mission without a sheet chosen. */
function pickOne(loaded: LoadedFile, grader: Grader): Grid | undefined {
  const grid = pickGrid(loaded.files, grader.rubric, {});
  return 'problem' in grid ? undefined : grid;
}

/** How many rows under a title are enough to find a header (the reader searches 30) and a first data row. */
const HEAD_ROWS = 60;

/** The first rows of one grid read as a mission's table: enough to see its header and columns. */
function headOf(loaded: LoadedFile, grid: Grid, grader: Grader) {
  const files: FileGrids = { ...loaded.files, grids: [{ name: grid.name, cells: grid.cells.slice(0, HEAD_ROWS) }] };
  return readMission(files, grader.rubric, { source: loaded.source });
}

/** Facts a grid's header names, over the facts and the columns left unused (0 when no header is found). */
function headerScore(loaded: LoadedFile, grid: Grid, grader: Grader): number {
  const head = headOf(loaded, grid, grader);
  if ('problem' in head) return 0;
  const { columns, ignoredColumns } = head.table.report;
  const shared = columns.filter((c) => c.fact).length;
  return shared / (Object.keys(grader.facts).length + ignoredColumns.length || 1);
}

const DESCRIPTIVE = new Set(['id', 'province', 'district', 'name']);

/** The same measure for JSON rows, whose keys are fact ids. */
function jsonScore(rows: readonly Record<string, unknown>[], grader: Grader): number {
  const keys = new Set<string>();
  for (const row of rows) for (const key of Object.keys(row)) if (!DESCRIPTIVE.has(key)) keys.add(key);
  const facts = Object.keys(grader.facts);
  const shared = facts.filter((f) => keys.has(f)).length;
  return shared / (facts.length + keys.size - shared || 1);
}

/** True when a sheet is named as pickGrid would look for the mission's: its id or Thai or English name. */
function namesMission(grid: Grid, grader: Grader): boolean {
  const { rubric } = grader;
  const wanted = [rubric.mission, rubric.name.th, rubric.name.th.slice(0, 31), rubric.name.en].map(normaliseHeader);
  return wanted.includes(normaliseHeader(grid.name));
}
