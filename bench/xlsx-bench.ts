// npm run bench:xlsx: a 75,000-row workbook through the CLI (read, grade, write results), timed
// end to end and stage by stage in this run.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { gradeRows } from '../engine/evaluate.js';
import { listRubricFiles, readRubricFile, refOf } from '../engine/node/rubric-files.js';
import { rowsFromTable } from '../engine/tabular.js';
import { readWorkbook, writeResultsWorkbook } from '../engine/workbook.js';
import { districts, sampleRows } from '../test/sample/national.js';

const ROWS = 75_000;
const dir = mkdtempSync(join(tmpdir(), 'rubric-xlsx-'));
const stored = readRubricFile(listRubricFiles('2567-Q3').get('otop')!);
const rubric = stored.rubric!;
const areas = districts();
const many = Array.from({ length: ROWS }, (_, i) => areas[i % areas.length]!);
const rows = sampleRows(rubric, many, 75, []);
const columns = ['id', 'province', 'district', ...Object.keys(rubric.facts ?? {})];
const ExcelJS = (await import('exceljs')).default;
const book = new ExcelJS.Workbook();
const sheet = book.addWorksheet('otop');
sheet.addRow(columns);
for (const r of rows) sheet.addRow(columns.map((c) => r[c] ?? null));
const input = join(dir, 'otop-75000.xlsx');
writeFileSync(input, new Uint8Array((await book.xlsx.writeBuffer()) as ArrayBuffer));
console.log(`input: ${ROWS} rows, ${statSync(input).size} bytes`);

let start = performance.now();
const readBook = await readWorkbook(readFileSync(input), input);
const read = performance.now() - start;
if (!readBook.ok) throw new Error(readBook.problems.map((p) => p.message.en).join('; '));
start = performance.now();
const data = rowsFromTable(input, readBook.sheets[0]!.header, readBook.sheets[0]!.records, rubric.facts ?? {});
if (!data.ok) throw new Error(data.problems.map((p) => p.message.en).join('; '));
const results = gradeRows(stored.compiled!, data.rows);
const graded = performance.now() - start;
start = performance.now();
const bytes = await writeResultsWorkbook([{ ref: refOf(rubric, stored.digest), name: rubric.name, results }]);
const written = performance.now() - start;
console.log(`in process: read ${read.toFixed(0)} ms, type and grade ${graded.toFixed(0)} ms, write ${written.toFixed(0)} ms (${bytes.length} bytes, reasons included)`);

const bin = join(import.meta.dirname, '../../engine/cli/bin.js');
start = performance.now();
const run = spawnSync(process.execPath, [bin, 'grade', 'otop', '--period', '2567-Q3', '--data', input, '--out', join(dir, 'results.xlsx')], { encoding: 'utf8' });
const cli = performance.now() - start;
if (run.status !== 0) throw new Error(run.stderr);
console.log(`CLI end to end: ${cli.toFixed(0)} ms for ${ROWS} rows (${run.stdout.trim().split('\n')[0]})`);
console.log(`grading share of the CLI run: ${((graded / cli) * 100).toFixed(1)} %`);
