import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { writeResultsWorkbookFile, writeWhole } from '../../../engine/cli/data-file.js';
import { gradeRows, type GradeResult } from '../../../engine/evaluate.js';
import { readGrids, readMission } from '../../../engine/import/read-file.js';
import { XlsxParts } from '../../../engine/import/xlsx-zip.js';
import { writeResultsXlsx } from '../../../engine/node/results-xlsx.js';
import { nodeInflater } from '../../../engine/node/xlsx-grids.js';
import { writeResultsWorkbook, type ResultSection } from '../../../engine/workbook.js';
import { shippedRubric } from '../../helpers.js';
import { tempDir } from '../../temp.js';
import { runCli } from './run.js';

// The CLI's --out results.xlsx is streamed to disk row by row; the browser's export builds the
// same workbook in memory. Both must give the same sheets, headers, cells and layout.
const fixtures = join(import.meta.dirname, '../../fixtures/national');
const dir = tempDir('rubric-results-xlsx-');

/** A shipped rubric's results for a fixture file, read as the CLI reads it. */
async function section(mission: string, file: string): Promise<ResultSection> {
  const { rubric, compiled } = shippedRubric(mission);
  const grids = await readGrids(readFileSync(join(fixtures, file)), file);
  if ('problem' in grids) throw new Error(grids.problem.message.en);
  const read = readMission(grids, rubric, { source: file });
  if ('problem' in read) throw new Error(read.problem.message.en);
  const results = gradeRows(compiled, read.table.rows, { cellErrors: read.table.cellErrors, units: read.table.units });
  return { ref: compiled.model.ref, name: rubric.name, results };
}

/** Runs the CLI in process with its output caught. */
/** Runs `rubric <args…>` in this process, with the process's environment. */
const rubric = (...args: string[]) => runCli(args, { env: process.env });

/** Everything a reader sees of a workbook: each sheet's name, column widths, bold rows and every cell. */
async function contents(bytes: Uint8Array) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook.worksheets.map((sheet) => {
    const rows: unknown[][] = [];
    const bold: number[] = [];
    const formulas: string[] = [];
    sheet.eachRow({ includeEmpty: true }, (row, number) => {
      const cells: unknown[] = [];
      row.eachCell({ includeEmpty: true }, (cell, column) => {
        if (cell.formula) formulas.push(cell.address);
        cells[column - 1] = cell.value;
      });
      rows[number - 1] = cells;
      if (row.getCell(1).font?.bold) bold.push(number);
    });
    return { name: sheet.name, widths: sheet.columns?.map((c) => c.width) ?? [], bold, formulas, rows };
  });
}

/** Each entry of a zip the results writer made, inflated, by name, in the order of its central directory (the engine's own zip reader). */
function zipEntries(zip: Buffer): Map<string, string> {
  const parts = XlsxParts.open(zip, nodeInflater);
  if (!parts) throw new Error('not a zip the reader takes');
  return new Map(
    parts.names().map((name) => {
      const text = parts.text(name);
      if (text === undefined) throw new Error(`${name} cannot be inflated`);
      return [name, text];
    }),
  );
}

/** The bytes writeResultsXlsx gives, with or without its worker. */
async function written(sections: ResultSection[], workers: boolean): Promise<Buffer> {
  const parts: Buffer[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      parts.push(chunk);
      done();
    },
  });
  await writeResultsXlsx(sink, sections, { workers });
  return Buffer.concat(parts);
}

describe('rubric grade --out results.xlsx', () => {
  it('fails, rather than waiting for ever, when the output fails while nothing waits on it (sheets made by workers)', async () => {
    const { rubric, compiled } = shippedRubric('otop');
    const otop = await section('otop', 'national-2567-Q3-otop.csv');
    const rows = Array.from({ length: 6 }, (_, copy) => otop.results.map((r) => ({ ...r.verdict.input, id: `${r.id}-${copy}` }))).flat();
    const results = gradeRows(compiled, rows);
    const sections: ResultSection[] = [0, 1].map(() => ({ ref: compiled.model.ref, name: rubric.name, results }));
    let taken = 0;
    // A disk that fills up once the package's small parts are written: it fails the write after, on its own time.
    // Its buffer is large, so no write waits for it to drain: the failure comes while nothing waits on the stream.
    const full = new Writable({
      highWaterMark: 64 * 1024 * 1024,
      write(chunk: Buffer, _encoding, done) {
        taken += chunk.length;
        if (taken > 4000) setImmediate(() => done(Object.assign(new Error('no space left on device'), { code: 'ENOSPC' })));
        else done();
      },
    });
    full.on('error', () => {});
    await expect(writeResultsXlsx(full, sections)).rejects.toThrow(/no space left on device|closed before the file was complete/);
  });


  it('makes a sheet of 5,000 rows or more in a worker, with the bytes this thread would make', async () => {
    const { rubric, compiled } = shippedRubric('otop');
    const otop = await section('otop', 'national-2567-Q3-otop.csv');
    // 7 × 878 rows with ids of their own, and the bad rows (errors, unmatched) among them.
    const bad = await section('otop', 'bad-rows-otop.csv');
    const rows = Array.from({ length: 7 }, (_, copy) => otop.results.map((r) => ({ ...r.verdict.input, id: `${r.id}-${copy}` }))).flat();
    const results = [...gradeRows(compiled, rows), ...bad.results];
    const sections: ResultSection[] = [{ ref: compiled.model.ref, name: rubric.name, results }];
    const [inWorker, inThread] = [await written(sections, true), await written(sections, false)];
    const [a, b] = [zipEntries(inWorker), zipEntries(inThread)];
    // Every part but the creation time is the same text, in the same order.
    expect([...a.keys()]).toEqual([...b.keys()]);
    for (const [name, text] of b) if (name !== 'docProps/core.xml') expect(a.get(name), name).toBe(text);
    expect(a.get('xl/worksheets/sheet2.xml')!.match(/<row /g)).toHaveLength(1 + results.length);
  });


  it('streams the same workbook as the in-memory writer: sheets, headers, cells, widths', async () => {
    const otop = await section('otop', 'national-2567-Q3-otop.csv');
    const bad = await section('otop', 'bad-rows-otop.csv');
    const sections = [{ ...otop, results: [...otop.results, ...bad.results] }, await section('bmn', 'national-2567-Q3-bmn.csv')];
    // The results hold every status, so every kind of cell is compared.
    expect(new Set(sections.flatMap((s) => s.results.map((r) => r.status)))).toEqual(new Set(['graded', 'unmatched', 'error']));
    const target = join(dir, 'streamed.xlsx');
    await writeResultsWorkbookFile(target, sections);
    const streamed = await contents(readFileSync(target));
    const inMemory = await contents(await writeResultsWorkbook(sections));
    expect(streamed.map((s) => s.name)).toEqual(['เกณฑ์ (rubrics)', 'otop', 'bmn']);
    expect(streamed[1]!.rows[0]![0]).toBe('รหัสหน่วยงาน (id)');
    expect(streamed[1]!.rows).toHaveLength(1 + sections[0]!.results.length);
    expect(streamed[1]!.bold).toEqual([1]);
    expect(streamed[1]!.widths).toEqual([16, 16, 16, 14, 10, 8, 10, 60, 60, 18, 10, 10, 20]);
    expect(streamed.flatMap((s) => s.formulas)).toEqual([]);
    expect(streamed).toEqual(inMemory);
    // Only the finished workbook is left in the folder.
    expect(readdirSync(dir).filter((f) => !f.startsWith('texts'))).toEqual(['streamed.xlsx']);
  });

  it('reads back every text as it was: markup, control characters, an escape-like _x0041_, edge spaces, Thai', async () => {
    const { compiled } = shippedRubric('otop');
    const ids = ['a<b>&c"d', 'tab\there', 'bell\u0007x', '_x0041_ and _x004a_', '  หน่วย ก  ', 'line\nbreak', ''.padEnd(3, 'ก')];
    const results = gradeRows(compiled, ids.map((id) => ({ id, newProducts: 5, salesGrowthPct: 4.5 })));
    const target = join(dir, 'texts.xlsx');
    await writeResultsWorkbookFile(target, [{ ref: compiled.model.ref, name: { th: 'โอทอป', en: 'OTOP' }, results }]);
    const [, sheet] = await contents(readFileSync(target));
    // The in-memory writer drops the bell and reads _x0041_ back as "A": the streamed one keeps both.
    expect(results.map((r) => r.id)).toContain('bell\u0007x');
    expect(sheet!.rows.slice(1).map((row) => row[0])).toEqual(results.map((r) => r.id));
    expect(sheet!.rows[1]![3]).toBe('ได้ระดับ');
    expect(readdirSync(dir)).toContain('texts.xlsx');
  });

  it('is what the CLI writes for --out results.xlsx', async () => {
    const data = join(fixtures, 'national-2567-Q3-otop.csv');
    const target = join(dir, 'cli.xlsx');
    const run = await rubric('grade', 'otop', '--period', '2567-Q3', '--data', data, '--out', target);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('otop: 878 แถว/rows');
    const expected = await section('otop', 'national-2567-Q3-otop.csv');
    expect(await contents(readFileSync(target))).toEqual(await contents(await writeResultsWorkbook([expected])));
  });

  it('leaves no half-written file when writing fails, and keeps the file it was to replace', async () => {
    const good = await section('otop', 'national-2567-Q3-otop.csv');
    // A result that fails when its row is made, after many rows have been written.
    const failing = new Proxy(good.results[0]!, {
      get(target, key) {
        if (key === 'reason') throw new Error('the disk is full');
        return Reflect.get(target, key, target) as unknown;
      },
    });
    const results: GradeResult[] = [...good.results, ...good.results.map((r) => r), failing];
    const failDir = tempDir('rubric-results-fail-');
    const target = join(failDir, 'results.xlsx');
    writeFileSync(target, 'the previous results');
    // As the CLI writes it: through writeWhole, into a temporary file renamed over the target once complete.
    const written = await writeWhole(target, (path) => writeResultsWorkbookFile(path, [{ ...good, results }]));
    expect(written).toEqual({ problem: { th: expect.stringContaining('the disk is full'), en: expect.stringContaining('the disk is full') } });
    expect(readFileSync(target, 'utf8')).toBe('the previous results');
    expect(readdirSync(failDir)).toEqual(['results.xlsx']);

    // The same with a sheet big enough for the worker: the failure stops it, and nothing is left.
    const many = [...Array.from({ length: 6 }, () => good.results).flat(), failing];
    const big = join(failDir, 'big.xlsx');
    expect(await writeWhole(big, (path) => writeResultsWorkbookFile(path, [{ ...good, results: many }]))).toHaveProperty('problem');
    expect(existsSync(big)).toBe(false);

    const fresh = join(failDir, 'new.xlsx');
    expect(await writeWhole(fresh, (path) => writeResultsWorkbookFile(path, [{ ...good, results }]))).toHaveProperty('problem');
    expect(existsSync(fresh)).toBe(false);
    expect(readdirSync(failDir)).toEqual(['results.xlsx']);
  });

  it('says why in Thai and English when the results cannot be written, and leaves nothing behind', async () => {
    const data = join(fixtures, 'national-2567-Q3-otop.csv');
    const target = join(dir, 'no-such-folder', 'results.xlsx');
    const run = await rubric('grade', 'otop', '--period', '2567-Q3', '--data', data, '--out', target);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('ENOENT');
    expect(run.stderr).toContain('เขียนไฟล์ไม่ได้');
    expect(run.stderr).toContain('cannot write the file');
    expect(existsSync(target)).toBe(false);
  });
});
