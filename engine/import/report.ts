// The import report in words: what the reader found and every conversion it made, as the CLI
// prints it on stderr and the preview shows it above the results.
import { problem } from '../problems/catalogue.js';
import type { Problem } from '../problems/problem.js';
import type { Text } from '../types.js';
import type { ImportReport } from './table.js';

const ENCODING_TEXT: Record<string, Text> = {
  'utf-8': { th: 'UTF-8', en: 'UTF-8' },
  'utf-8-bom': { th: 'UTF-8 (มี BOM)', en: 'UTF-8 with a byte-order mark' },
  'utf-16le': { th: 'UTF-16 (Unicode text ของ Excel)', en: "UTF-16 (Excel's Unicode text)" },
  'utf-16be': { th: 'UTF-16 BE', en: 'UTF-16 big-endian' },
  'windows-874': { th: 'Windows-874/TIS-620 (CSV ภาษาไทยของ Excel)', en: "Windows-874/TIS-620 (Thai Excel's CSV)" },
};

/** The report as problems (notes and warnings) people read, Thai and English: where the data was, and every conversion. */
export function describeImport(report: ImportReport): Problem[] {
  const notes: Problem[] = [];
  const file = report.source;
  // A fact is named by its label first, as the letter names it; its id stays for the rubric's readers.
  const named = (fact: string): Text => {
    const label = report.labels[fact];
    return label ? { th: `${label.th} — ${fact}`, en: `${label.en} — ${fact}` } : { th: fact, en: fact };
  };
  const encoding = report.encoding ? ENCODING_TEXT[report.encoding] : undefined;
  const read = { headerRow: report.headerRow, rows: report.rows, ...(report.sheet ? { sheet: report.sheet } : {}), ...(encoding ? { encoding } : {}) };
  notes.push(problem('data', 'IMPORT_READ', read, { where: { file } }));
  for (const c of report.conversions) {
    const params = { fact: named(c.fact), letter: c.letter, count: c.count, how: c.text, from: c.example.from, to: c.example.to };
    notes.push(problem('data', 'IMPORT_CONVERTED', params, { where: { file, column: c.fact } }));
  }
  for (const f of report.fractionColumns) {
    notes.push(problem('data', 'IMPORT_FRACTIONS', { fact: named(f.fact), letter: f.letter, count: f.count }, { where: { file, column: f.fact } }));
  }
  if (report.numbered) notes.push(problem('data', 'IMPORT_NUMBERED', {}, { where: { file } }));
  for (const fact of report.missingFacts) notes.push(problem('data', 'IMPORT_NO_COLUMN', { fact: named(fact) }, { where: { file, column: fact } }));
  if (report.ignoredColumns.length > 0) notes.push(problem('data', 'IMPORT_IGNORED', { columns: report.ignoredColumns }, { where: { file } }));
  if (report.cellErrors > 0) notes.push(problem('data', 'IMPORT_UNREADABLE_CELLS', { count: report.cellErrors }, { where: { file } }));
  return notes;
}
