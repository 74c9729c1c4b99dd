// Data files on disk for the CLI: JSON and CSV read whole, workbooks through exceljs.
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { readCsvRows, readJsonRows, refused, type DataRead } from '../tabular.js';
import type { Fact } from '../types.js';

export type { DataProblem, DataRead, DataSet } from '../tabular.js';

/**
 * Reads a `.json` (an array of flat rows) or `.csv` (a header of `id` and fact ids) data file.
 * CSV cells are typed by the facts' declared types; a cell that does not fit stays as text, so
 * the grader reports it at its row and fact. An empty cell is an absent fact. A file that cannot
 * be read is returned as its problems, never thrown.
 */
export function readDataFile(path: string, facts: Record<string, Fact>): DataRead {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    return refused('FILE_UNREADABLE', { file: path, reason: (error as NodeJS.ErrnoException).code ?? String(error) });
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const kind = extname(path).toLowerCase();
  if (kind === '.json') return readJsonRows(path, text, facts);
  if (kind === '.csv') return readCsvRows(path, text, facts);
  return refused('FILE_TYPE_UNSUPPORTED', { file: path, kind: kind || '(none)' });
}

