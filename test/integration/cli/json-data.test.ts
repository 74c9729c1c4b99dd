import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../temp.js';
import { runCli } from './run.js';

// JSON data files given to the CLI, run in process: a hostile value in one row is that row's
// error, said in Thai and English and naming its column, while the other rows grade.
const dir = tempDir('rubric-json-data-');

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

/** Runs `rubric <args…>` in this process, with the process's environment. */
const rubric = (...args: string[]) => runCli(args, { env: process.env });

interface Result {
  id: string;
  status: string;
  grade: string | null;
  errors?: { code: string; fact: string; message: { th: string; en: string }; received: string }[];
}

async function grade(path: string, ...extra: string[]): Promise<{ code: number; results: Result[]; stderr: string }> {
  const run = await rubric('grade', 'otop', '--period', '2567-Q3', '--data', path, '--format', 'json', ...extra);
  return { code: run.code, results: run.code === 0 ? (JSON.parse(run.stdout) as { results: Result[] }).results : [], stderr: run.stderr };
}

const DEPTH = 100_000;
const deepList = '['.repeat(DEPTH) + '1' + ']'.repeat(DEPTH);
const deepObject = '{"a":'.repeat(DEPTH) + '1' + '}'.repeat(DEPTH);

describe('a JSON value nested 100,000 deep in a data file', () => {
  const text = `[
    {"id": "d1", "newProducts": 5, "salesGrowthPct": 4.5},
    {"id": "d2", "newProducts": ${deepList}, "salesGrowthPct": 4.5},
    {"id": "d3", "newProducts": 5, "salesGrowthPct": ${deepObject}},
    {"id": ${deepList}, "newProducts": 5, "salesGrowthPct": 4.5},
    {"id": ${deepObject}, "newProducts": 5, "salesGrowthPct": 4.5},
    {"id": "d6", "newProducts": 1, "salesGrowthPct": 1}
  ]`;
  const path = file('deep.json', text);

  for (const engine of ['compiled', 'reference']) {
    it(`makes that row an error naming its column and grades the others (${engine})`, async () => {
      const { code, results } = await grade(path, '--engine', engine);
      expect(code).toBe(0);
      expect(results.map((r) => [r.id, r.status, r.grade])).toEqual([
        ['d1', 'graded', 'A'],
        ['d2', 'error', null],
        ['d3', 'error', null],
        ['#4', 'error', null],
        ['#5', 'error', null],
        ['d6', 'graded', 'D'],
      ]);
      const [, d2, d3, list, object] = results;
      expect(d2!.errors).toEqual([expect.objectContaining({ code: 'WRONG_TYPE', fact: 'newProducts', received: 'a list of 1 item' })]);
      expect(d2!.errors![0]!.message.en).toContain('newProducts');
      expect(d3!.errors).toEqual([expect.objectContaining({ code: 'WRONG_TYPE', fact: 'salesGrowthPct', received: 'an object with 1 key' })]);
      for (const [row, received] of [[list!, 'a list of 1 item'], [object!, 'an object with 1 key']] as const) {
        expect(row.errors).toEqual([
          {
            code: 'WRONG_TYPE',
            severity: 'error',
            fact: 'id',
            where: { column: 'id' },
            expected: 'a unit id (text or a number)',
            received,
            message: { th: expect.stringContaining('รหัสหน่วยงาน (id) ต้องเป็นข้อความหรือตัวเลข'), en: `the unit id (id) must be text or a number, received ${received}` },
          },
        ]);
      }
    });
  }

  it('gives the same rows through every output and through rubric impact', async () => {
    for (const out of ['results.xlsx', 'results.csv', 'results.json']) {
      const run = await rubric('grade', 'otop', '--period', '2567-Q3', '--data', path, '--out', join(dir, out));
      expect(run.code, out).toBe(0);
      expect(run.stdout).toContain('otop: 6 แถว/rows, 2 graded, 0 unmatched, 4 error');
    }
    const table = await rubric('grade', 'otop', '--period', '2567-Q3', '--data', path);
    expect(table.code).toBe(0);
    const impact = await rubric('impact', 'otop', '--from', '2567-Q3', '--to', '2567-Q3', '--data', path);
    expect(impact.code).toBe(0);
  });
});

describe('a number in a JSON data file that a double cannot keep exactly', () => {
  const path = file(
    'inexact.json',
    `[
    {"id": "d1", "newProducts": 5, "salesGrowthPct": 4.5, "note": "9007199254740993"},
    {"id": "d2", "newProducts": 9007199254740993, "salesGrowthPct": 4.5},
    {"id": "d3", "newProducts": 5, "salesGrowthPct": 4.500000000000000001},
    {"id": 9007199254740993, "newProducts": 5, "salesGrowthPct": 4.5},
    {"id": "d5", "newProducts": 1.0, "salesGrowthPct": 0.1e1}
  ]`,
  );

  for (const engine of ['compiled', 'reference']) {
    it(`is that row's error naming the column, never another number, and the other rows grade (${engine})`, async () => {
      const run = await rubric('grade', 'otop', '--period', '2567-Q3', '--data', path, '--format', 'json', '--engine', engine);
      expect(run.code).toBe(0);
      const { import: reports, results } = JSON.parse(run.stdout) as { import: { cellErrors: number; conversions: unknown[] }[]; results: Result[] };
      expect(results.map((r) => [r.id, r.status, r.grade])).toEqual([
        ['d1', 'graded', 'A'],
        ['d2', 'error', null],
        ['d3', 'error', null],
        ['9007199254740993', 'error', null],
        ['d5', 'graded', 'D'],
      ]);
      const said = results.slice(1, 4).map((r) => r.errors!.map((e) => [e.code, e.fact, e.received]));
      expect(said).toEqual([[['INEXACT_NUMBER', 'newProducts', '9007199254740993']], [['INEXACT_NUMBER', 'salesGrowthPct', '4.500000000000000001']], [['INEXACT_NUMBER', 'id', '9007199254740993']]]);
      expect(results[1]!.errors![0]!.message.en).toBe(
        '"newProducts" of row 2 cannot be read: the number 9007199254740993 has more digits than can be kept exactly: it would be read as 9007199254740992, not as written (write fewer digits, whole numbers up to 9,007,199,254,740,991, or quote it if it is text or a code)',
      );
      expect(results[2]!.errors![0]!.message.th).toContain('"salesGrowthPct" ของแถวที่ 3 อ่านไม่ได้: ตัวเลข 4.500000000000000001 มีจำนวนหลักมากเกินกว่าจะเก็บค่าได้ตรงทุกหลัก');
      // Counted as cells that could not be read, never as a conversion made for the reader.
      expect(reports[0]).toMatchObject({ cellErrors: 3, conversions: [] });
      expect(run.stderr).toContain('3 cells could not be read');
    });
  }
});
