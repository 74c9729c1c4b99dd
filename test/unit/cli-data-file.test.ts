import { spawnSync } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, openSync, ftruncateSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { readDataBytes, writeResultsJson } from '../../engine/cli/data-file.js';
import { gradeRows } from '../../engine/evaluate.js';
import { MAX_TABLE_ROWS, readTable } from '../../engine/import/table.js';
import { shippedRubric } from '../helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'rubric-datafile-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('readDataBytes', () => {
  it('refuses a folder named like a workbook, naming it a folder', () => {
    mkdirSync(join(dir, 'units.xlsx'));
    expect(readDataBytes(join(dir, 'units.xlsx'))).toEqual({ problem: { th: expect.stringContaining('โฟลเดอร์'), en: expect.stringContaining('a folder') } });
  });
  it('refuses an endless device without reading it', () => {
    expect(readDataBytes('/dev/zero')).toEqual({ problem: { th: expect.any(String), en: expect.stringContaining('a device or a pipe') } });
  });
  it('refuses a pipe with no writer instead of hanging', () => {
    const fifo = join(dir, 'pipe.csv');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    expect(readDataBytes(fifo)).toEqual({ problem: { th: expect.any(String), en: expect.stringContaining('a device or a pipe') } });
  });
  it('refuses a file over the size limit before reading it', () => {
    const big = join(dir, 'big.csv');
    const fd = openSync(big, 'w');
    ftruncateSync(fd, 60 * 1024 * 1024);
    closeSync(fd);
    expect(readDataBytes(big)).toEqual({ problem: { th: expect.stringContaining('ใหญ่เกินไป'), en: expect.stringContaining('too large') } });
  });
  it('names a missing file by its error', () => {
    expect(readDataBytes(join(dir, 'nope.csv'))).toEqual({ problem: { th: expect.stringContaining('ENOENT'), en: expect.stringContaining('ENOENT') } });
  });
});

describe('readTable', () => {
  it('refuses a table of more rows than the limit, in one message', () => {
    const grid = [['newProducts', 'salesGrowthPct'], ...Array.from({ length: MAX_TABLE_ROWS + 1 }, () => [1, 1])];
    expect(readTable(grid, shippedRubric('otop').rubric, { source: 'x.csv' })).toMatchObject({ problem: { code: 'TOO_MANY_ROWS' } });
  });
});

describe('writeResultsJson', () => {
  it('writes {import, results} piece by piece, and the whole parses back', async () => {
    const { compiled } = shippedRubric('otop');
    const results = gradeRows(compiled, Array.from({ length: 3000 }, (_, i) => ({ id: `u${i}`, newProducts: i % 7, salesGrowthPct: (i % 9) / 2 })));
    const stream = new PassThrough({ highWaterMark: 1024 });
    const chunks: string[] = [];
    stream.on('data', (c: Buffer) => chunks.push(c.toString()));
    await writeResultsJson(stream, [{ mission: 'otop' }], results);
    stream.end();
    const parsed = JSON.parse(chunks.join('')) as { import: unknown[]; results: { id: string }[] };
    expect(parsed.import).toEqual([{ mission: 'otop' }]);
    expect(parsed.results.map((r) => r.id)).toEqual(results.map((r) => r.id));
    expect(chunks.length).toBeGreaterThan(3000);
  });
});
