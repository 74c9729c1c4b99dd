import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../temp.js';
import { runCli, type CliRun } from './run.js';

// The CLI as users run it, through main() with in-memory streams: real files, real exit codes
// (bin.test.ts runs the built bin itself).
const root = join(import.meta.dirname, '../../..');
const dir = tempDir('rubric-cli-');

function rubric(...args: string[]): Promise<CliRun> {
  return runCli(args, { cwd: root });
}

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

describe('rubric validate', () => {
  it('passes the shipped rubrics with exit 0', async () => {
    const run = await rubric('validate');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('11 files checked: 0 errors');
  });
  it('prints file:line:column severity CODE and exits 1 on a bad file', async () => {
    const run = await rubric('validate', 'test/fixtures/bad-rubrics/undeclared-fact.yaml', 'test/fixtures/bad-rubrics/wrong-type.yaml');
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^test\/fixtures\/bad-rubrics\/undeclared-fact\.yaml:29:12 error UNDECLARED_FACT \/criteria\/1\/input: /m);
    expect(run.stdout).toMatch(/^test\/fixtures\/bad-rubrics\/wrong-type\.yaml:3:11 error SCHEMA_TYPE /m);
    expect(run.stdout).toContain('2 files checked: 3 errors');
  });
});

describe('rubric grade', () => {
  const csv = file(
    'otop.csv',
    'id,newProducts,salesGrowthPct\nd1,5,4.50\nd2,3,2.00\nd3,4,abc\nd4,,3\nd5,2,1\n',
  );

  it('prints one JSON object per input row, in input order, and exits 0 whatever the statuses', async () => {
    const run = await rubric('grade', 'otop', '--period', '2567-Q3', '--data', csv, '--format', 'json');
    expect(run.code).toBe(0);
    const { import: reports, results } = JSON.parse(run.stdout) as { import: Record<string, unknown>[]; results: Record<string, unknown>[] };
    // The import report says where the header was and what was read, beside the results.
    expect(reports).toEqual([expect.objectContaining({ mission: 'otop', headerRow: 1, rows: 5, numbered: false, cellErrors: 1, conversions: [] })]);
    expect(results.map((r) => [r.id, r.status, r.grade])).toEqual([
      ['d1', 'graded', 'A'],
      ['d2', 'unmatched', null],
      ['d3', 'error', null],
      ['d4', 'error', null],
      ['d5', 'graded', 'D'],
    ]);
    // The unreadable cell is named as Excel names it, with its column.
    expect((results[2] as { errors: { code: string; where: { cell: string; column: string } }[] }).errors[0]).toMatchObject({ code: 'NOT_A_NUMBER', where: { cell: 'C4', column: 'salesGrowthPct' } });
    const first = results[0]!;
    expect(Object.keys(first)).toEqual(['id', 'status', 'grade', 'score', 'reason', 'trace', 'rubric']);
    expect(first.rubric).toMatchObject({ mission: 'otop', period: '2567-Q3', revision: 1 });
    expect((first.rubric as { digest: string }).digest).toMatch(/^sha256:[0-9a-f]{64}$/);
    const unmatched = results[1] as { reason: { th: string; en: string }; trace: { criterion: string; value: number; band: null }[] };
    expect(unmatched.reason.en).toContain('2.00 matches no level of criterion "Sales growth"');
    expect(unmatched.reason.th).not.toContain('salesGrowthPct');
    expect(unmatched.reason.th).toContain('ไม่ตรงกับระดับใด');
    expect(unmatched.trace.find((t) => t.criterion === 'salesGrowth')).toMatchObject({ value: 2, band: null });
  });

  it('gives the same JSON through json-rules-engine', async () => {
    const fast = await rubric('grade', 'otop', '--period', '2567-Q3', '--data', csv, '--format', 'json');
    const slow = await rubric('grade', 'otop', '--period', '2567-Q3', '--data', csv, '--format', 'json', '--engine', 'reference');
    expect(slow.code).toBe(0);
    expect(slow.stdout).toBe(fast.stdout);
  });

  it('reads JSON rows and prints a Thai/English table by default', async () => {
    const json = file('bmn.json', JSON.stringify([{ id: 'ลำปาง', villagesVerified: 40, villagesTarget: 50 }]));
    const run = await rubric('grade', 'bmn', '--period', '2567-Q3', '--data', json);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('ลำปาง');
    expect(run.stdout).toMatch(/ลำปาง\s+B\s+80/);
    expect(run.stdout).toContain('1 แถว/rows: 1 ได้ระดับ/graded');
  });

  it('exits 1 with a clear message for a mission without criteria', async () => {
    const run = await rubric('grade', 'food-security', '--period', '2567-Q3', '--data', csv);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('has no criteria for 2567-Q3');
  });

  it('exits 1 for an unknown mission, naming the missions there are', async () => {
    const run = await rubric('grade', 'otpo', '--period', '2567-Q3', '--data', csv);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('no rubric "otpo" for period 2567-Q3 (missions: bmn,');
  });

  it('exits 1 when the data file cannot be read', async () => {
    expect((await rubric('grade', 'otop', '--period', '2567-Q3', '--data', join(dir, 'nope.csv'))).code).toBe(1);
    const run = await rubric('grade', 'otop', '--period', '2567-Q3', '--data', file('empty.csv', ''));
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('is empty');
  });

  it('exits 2 for usage errors', async () => {
    expect((await rubric('grade', 'otop', '--data', csv)).code).toBe(2);
    expect((await rubric('grade', 'otop', '--period', '2567-Q3', '--data', csv, '--format', 'xml')).code).toBe(2);
    expect((await rubric('frobnicate')).code).toBe(2);
    expect((await rubric('grade', '--nonsense')).code).toBe(2);
    expect((await rubric()).code).toBe(2);
    expect((await rubric('--help')).code).toBe(0);
  });
});

describe('rubric test', () => {
  it('runs every example of every rubric and exits 0', async () => {
    const run = await rubric('test');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/examples: \d+ passed, 0 failed/);
  });
  it('exits 1 and names the example when one fails', async () => {
    const text = `mission: pracharat
period: 2567-Q3
revision: 1
status: published
name: { th: ทดสอบ, en: Test }
reporting: { channel: { th: x, en: x }, rounds: [] }
source: {}
facts:
  ok: { type: boolean, label: { th: ผ่าน, en: OK } }
grade:
  type: truthTable
  columns: [ok]
  rows:
    - { level: A, values: [true] }
examples:
  - name: A pass gets B, which is wrong
    facts: { ok: true }
    expect: B
`;
    const run = await rubric('test', file('wrong-example.yaml', text));
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('✗ A pass gets B, which is wrong: expected B, got A');
    expect(run.stdout).toContain('examples: 0 passed, 1 failed');
  });
});

describe('rubric lint', () => {
  it('prints every finding of a period as JSON and exits 0', async () => {
    const run = await rubric('lint', '--all', '--period', '2567-Q3', '--format', 'json');
    expect(run.code).toBe(0);
    const { findings } = JSON.parse(run.stdout) as { findings: { about: Record<string, unknown> }[] };
    expect(findings.length).toBe(17);
    expect(findings[0]).toEqual(
      expect.objectContaining({
        code: expect.any(String),
        severity: expect.any(String),
        where: expect.objectContaining({ line: expect.any(Number) }),
        about: expect.objectContaining({ mission: expect.any(String), example: expect.anything() }),
      }),
    );
    const otop = findings.find((f) => f.about.mission === 'otop')!;
    expect(otop).toMatchObject({
      code: 'HOLE',
      where: { file: 'rubrics/2567-Q3/otop.yaml', line: 73, pointer: '/criteria/1/bands' },
      about: { fact: 'salesGrowthPct', criterion: 'salesGrowth', example: { newProducts: 5, salesGrowthPct: 2 } },
    });
  });
  it('prints one line per finding in text, with a count', async () => {
    const run = await rubric('lint', 'women-fund', '--period', '2567-Q3');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^rubrics\/2567-Q3\/women-fund\.yaml:91:7 error HOLE \/criteria\/\d+\/bands: .*69\.01 – 69\.99.* \[memberGrowth\/memberGrowthPctOfTarget\]/m);
    expect(run.stdout).toContain('1 rubrics analysed: 2 errors, 0 warnings, 2 notes');
  });
  it('lints a file and reports an undeclared fact', async () => {
    const run = await rubric('lint', 'test/fixtures/bad-rubrics/undeclared-fact.yaml', '--format', 'json');
    expect(run.code).toBe(0);
    const { findings } = JSON.parse(run.stdout) as { findings: { code: string; about: { fact: string }; where: { line: number } }[] };
    expect(findings.map((f) => [f.code, f.about.fact, f.where.line])).toEqual([['UNDECLARED_FACT', 'salesGrowth', 29]]);
  });
  it('exits 2 without a mission or --all', async () => {
    expect((await rubric('lint', '--period', '2567-Q3')).code).toBe(2);
    expect((await rubric('lint', '--all')).code).toBe(2);
  });
});

describe('rubric cases, diff and impact', () => {
  it('writes the boundary sheet as CSV that rubric grade reads back', async () => {
    const run = await rubric('cases', 'otop', '--period', '2567-Q3');
    expect(run.code).toBe(0);
    const sheet = file('cases.csv', run.stdout);
    const graded = await rubric('grade', 'otop', '--period', '2567-Q3', '--data', sheet, '--format', 'json');
    expect(graded.code).toBe(0);
    const { results } = JSON.parse(graded.stdout) as { results: { status: string }[] };
    expect(results.length).toBe(run.stdout.trim().split('\n').length - 1);
    expect(results.some((r) => r.status === 'unmatched')).toBe(true);
  });
  it('states the changes of a 2567-Q4 draft against 2567-Q3', async () => {
    const run = await rubric('diff', 'otop', '--from', '2567-Q3', '--to', 'test/fixtures/2567-Q4/otop.yaml');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('level B of criterion "Sales growth" went from > 3 to > 3.5');
    expect(run.stdout).toContain('ระดับ B ของตัวชี้วัด "ยอดจำหน่ายเพิ่มขึ้น" เปลี่ยนจาก > 3 เป็น > 3.5');
    const json = JSON.parse((await rubric('diff', 'otop', '--from', '2567-Q3', '--to', 'test/fixtures/2567-Q4/otop.yaml', '--format', 'json')).stdout);
    expect(json.from).toMatchObject({ period: '2567-Q3' });
    expect(json.to).toMatchObject({ period: '2567-Q4' });
  });
  it('prints the transition matrix and the rows that move', async () => {
    const data = file('impact.csv', 'id,newProducts,salesGrowthPct\na,5,2.00\nb,5,3.20\nc,5,4.50\n');
    const run = await rubric('impact', 'otop', '--from', '2567-Q3', '--to', 'test/fixtures/2567-Q4/otop.yaml', '--data', data, '--format', 'json');
    expect(run.code).toBe(0);
    const impact = JSON.parse(run.stdout);
    expect(impact.matrix.unmatched.D).toBe(1);
    expect(impact.matrix.B.C).toBe(1);
    expect(impact.matrix.A.A).toBe(1);
    expect(impact.moves.map((m: { id: string; from: string; to: string }) => `${m.id}:${m.from}>${m.to}`)).toEqual(['a:unmatched>D', 'b:B>C']);
    const text = await rubric('impact', 'otop', '--from', '2567-Q3', '--to', 'test/fixtures/2567-Q4/otop.yaml', '--data', data);
    expect(text.stdout).toContain('b: B → C');
  });
  it('refuses versions of another mission', async () => {
    const run = await rubric('diff', 'bmn', '--from', '2567-Q3', '--to', 'test/fixtures/2567-Q4/otop.yaml');
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('is mission otop, not bmn');
  });
});

describe('rubric grade with workbooks', () => {
  const workbook = join(root, 'test/fixtures/national/national-2567-Q3.xlsx');
  it('grades one mission from its sheet of a workbook', async () => {
    const run = await rubric('grade', 'otop', '--period', '2567-Q3', '--data', workbook, '--format', 'json');
    expect(run.code).toBe(0);
    const { import: reports, results } = JSON.parse(run.stdout) as { import: { sheet: string }[]; results: { province?: string; district?: string }[] };
    expect(results.length).toBe(878);
    expect(reports[0]!.sheet).toBe('otop');
    // The unit's province and district come along from the sheet's columns.
    expect(results[0]).toMatchObject({ province: expect.stringMatching(/[\u0E00-\u0E7F]/), district: expect.stringMatching(/[\u0E00-\u0E7F]/) });
  });
  it('grades every mission of a workbook into a results workbook', async () => {
    const target = join(dir, 'results.xlsx');
    const run = await rubric('grade', '--all', '--period', '2567-Q3', '--data', workbook, '--out', target);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('otop: 878 แถว/rows');
    expect(run.stdout.match(/: 878 แถว\/rows/g)).toHaveLength(9);
    const { readWorkbook } = await import('../../../engine/workbook.js');
    const { readFileSync } = await import('node:fs');
    const book = await readWorkbook(readFileSync(target), target);
    if (!book.ok) throw new Error(JSON.stringify(book.problems));
    const sheets = book.sheets;
    expect(sheets).toHaveLength(10);
    expect(sheets.find((s) => s.name === 'women-fund')!.records).toHaveLength(878);
  });
  it('refuses --all without a workbook, and a workbook without the mission\'s sheet', async () => {
    expect((await rubric('grade', '--all', '--period', '2567-Q3', '--data', join(root, 'test/fixtures/national/national-2567-Q3-otop.csv'))).code).toBe(2);
    const other = await rubric('grade', 'food-security', '--period', '2567-Q3', '--data', workbook);
    expect(other.code).toBe(1);
  });
});
