// npm run sample: the national sample for testers, reproducible from a fixed seed. One row per
// district office (878, in the 76 provinces that have a provincial CDD office) for every mission
// with criteria, spread so that every reachable level occurs and some rows fall into the
// letter's holes (taken from the analysis), written as a CSV per mission and one workbook.
import { existsSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { lintRubric } from '../../engine/lint.js';
import { csvQuote } from '../../engine/tabular.js';
import { listRubricFiles, readRubricFile } from '../../engine/node/rubric-files.js';
import type { FactValue, Rubric } from '../../engine/types.js';
import { districts, sampleRows } from '../../engine/sample-rows.js';

export { districts, sampleRows };

/** Where the sample lives, from source (test/sample) or built (dist/test/sample). */
function fixtures(): string {
  let dir = import.meta.dirname;
  while (!existsSync(join(dir, 'package.json')) || !existsSync(join(dir, 'rubrics'))) {
    if (dirname(dir) === dir) throw new Error('cannot find the repository from ' + import.meta.dirname);
    dir = dirname(dir);
  }
  return join(dir, 'test/fixtures/national');
}

const PERIOD = '2567-Q3';

/** The sample for every mission with criteria, in mission order. */
export function nationalSample(): { rubric: Rubric; rows: Record<string, FactValue>[] }[] {
  const areas = districts();
  return [...listRubricFiles(PERIOD).values()]
    .map((path) => readRubricFile(path))
    .filter((s) => s.rubric?.grade)
    .map((s, i) => {
      const holes = lintRubric(s.loaded, s.rubric, s.diagnostics)
        .filter((f) => f.code === 'HOLE' && f.severity === 'error' && f.about.example !== null)
        .map(({ about }) => (typeof about.example === 'number' ? { [about.fact!]: about.example } : (about.example as Record<string, FactValue>)));
      return { rubric: s.rubric!, rows: sampleRows(s.rubric!, areas, 2567_0 + i, holes) };
    });
}

/** The sample as CSV text, one file per mission. */
export function sampleCsv(rubric: Rubric, rows: Record<string, FactValue>[]): string {
  const columns = ['id', 'province', 'district', ...Object.keys(rubric.facts ?? {}).filter((f) => f !== 'province')];
  const cell = (v: FactValue | undefined) => (v === undefined || v === null ? '' : csvQuote(String(v)));
  return [columns.join(','), ...rows.map((r) => columns.map((c) => cell(r[c])).join(','))].join('\n') + '\n';
}

if (process.argv[1]?.endsWith('national.js')) {
  const ExcelJS = (await import('exceljs')).default;
  const workbook = new ExcelJS.Workbook();
  workbook.created = new Date('2024-04-26T00:00:00Z');
  workbook.modified = workbook.created;
  for (const { rubric, rows } of nationalSample()) {
    const csv = sampleCsv(rubric, rows);
    writeFileSync(join(fixtures(), `national-${PERIOD}-${rubric.mission}.csv`), csv);
    const sheet = workbook.addWorksheet(rubric.mission);
    const columns = csv.split('\n')[0]!.split(',');
    sheet.addRow(columns);
    for (const r of rows) sheet.addRow(columns.map((c) => r[c] ?? null));
  }
  await workbook.xlsx.writeFile(join(fixtures(), `national-${PERIOD}.xlsx`));
  console.log(`wrote the national sample: ${districts().length} districts × ${workbook.worksheets.length} missions to ${fixtures()}`);
}
