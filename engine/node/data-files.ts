// Data files on disk for the CLI: JSON and CSV read whole, workbooks through exceljs.
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { DataFileError, readCsvRows, readJsonRows, type DataSet } from '../tabular.js';
import type { Fact } from '../types.js';

export { DataFileError, type ColumnWarning, type DataSet } from '../tabular.js';

/**
 * Reads a `.json` (an array of flat rows) or `.csv` (a header of `id` and fact ids) data file.
 * CSV cells are typed by the facts' declared types; a cell that does not fit stays as text, so
 * the grader reports it at its row and fact. An empty cell is an absent fact.
 */
export function readDataFile(path: string, facts: Record<string, Fact>): DataSet {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new DataFileError(path, `cannot read the file (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const kind = extname(path).toLowerCase();
  if (kind === '.json') return readJsonRows(path, text, facts);
  if (kind === '.csv') return readCsvRows(path, text, facts);
  throw new DataFileError(path, `unsupported file type "${kind || '(none)'}": expected .json or .csv`);
}

