// `rubric grade` on a workbook whose number column holds an ISO date cell (t="d", as LibreOffice
// writes it): that row is a cell error naming the column and the cell, never a grade read from the
// date's year (exceljs parseFloat()s "2024-04-19T00:00:00" into 2024, which graded it A).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../temp.js';
import { OTOP_DATE_ROWS, rawWorkbook } from '../../xlsx-raw.js';
import { runCli } from './run.js';

const dir = tempDir('rubric-xlsx-date-');

describe('rubric grade on a workbook with an ISO date cell', () => {
  it('makes the date cell its row\'s error, naming the column and the cell, and grades the other rows', async () => {
    const file = join(dir, 'otop.xlsx');
    writeFileSync(file, await rawWorkbook(OTOP_DATE_ROWS));
    const run = await runCli(['grade', 'otop', '--period', '2567-Q3', '--data', file, '--format', 'json']);
    expect(run.stderr).toContain('1 cell could not be read');
    const { results } = JSON.parse(run.stdout) as { results: { id: string; status: string; grade?: string; errors?: { message: { en: string } }[] }[] };
    const first = results.find((r) => r.id === 'otop-0001')!;
    expect(first.status).toBe('error');
    expect(first.grade ?? null).toBeNull();
    expect(JSON.stringify(first)).toContain('cell E2 (column \\"salesGrowthPct\\")');
    expect(JSON.stringify(first)).toContain('found \\"2024-04-19 00:00:00\\"');
    expect(JSON.stringify(first)).not.toContain('2024.00');
    expect(results.find((r) => r.id === 'otop-0002')).toMatchObject({ status: 'graded', grade: 'D' });
  });

  it('prints the cell error in the table, not a grade', async () => {
    const file = join(dir, 'table.xlsx');
    writeFileSync(file, await rawWorkbook(OTOP_DATE_ROWS));
    const run = await runCli(['grade', 'otop', '--period', '2567-Q3', '--data', file]);
    expect(run.stdout).toMatch(/otop-0001\s+—\s+—\s+ข้อมูลผิดพลาด \/ error/);
    expect(run.stdout).toContain('cell E2 (column "salesGrowthPct") cannot be read: expected a percentage');
  });
});
