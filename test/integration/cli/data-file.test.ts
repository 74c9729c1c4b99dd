import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, lstatSync, mkdirSync, openSync, ftruncateSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { readDataBytes, writeResultsJson } from '../../../engine/cli/data-file.js';
import { main } from '../../../engine/cli/main.js';
import { gradeRows } from '../../../engine/evaluate.js';
import { MAX_TABLE_ROWS, readTable } from '../../../engine/import/table.js';
import { shippedRubric } from '../../helpers.js';
import { tempDir } from '../../temp.js';

const dir = tempDir('rubric-datafile-');
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

describe('rubric grade --out and rubric template --out that cannot be written', () => {
  const sink = (append: (s: string) => void) => new Writable({ write: (chunk, _enc, done) => (append(String(chunk)), done()) }) as never;
  async function run(...args: string[]): Promise<{ code: number; stderr: string }> {
    let stderr = '';
    const code = await main(args, sink(() => {}), sink((s) => (stderr += s)));
    return { code, stderr };
  }
  const work = join(dir, 'out');
  mkdirSync(work, { recursive: true });
  const data = join(work, 'rows.csv');
  writeFileSync(data, 'id,newProducts,salesGrowthPct\na,5,4.5\n');

  it.each(['results.json', 'results.csv', 'results.xlsx'])('refuses a folder named %s with exit 1 and a bilingual message, not an internal error', async (name) => {
    mkdirSync(join(work, name));
    const run1 = await run('grade', 'otop', '--period', '2567-Q3', '--data', data, '--out', join(work, name));
    expect(run1.code).toBe(1);
    expect(run1.stderr).toContain('เขียนไฟล์ไม่ได้ (EISDIR)');
    expect(run1.stderr).toContain('cannot write the file (EISDIR); nothing was written or changed');
    expect(run1.stderr).not.toMatch(/\n\s+at /);
    expect(readdirSync(join(work, name))).toEqual([]);
  });

  it('refuses a file in a folder that does not exist, creating nothing', async () => {
    const run1 = await run('grade', 'otop', '--period', '2567-Q3', '--data', data, '--out', join(work, 'missing', 'results.json'));
    expect([run1.code, run1.stderr.includes('(ENOENT)')]).toEqual([1, true]);
    expect(existsSync(join(work, 'missing'))).toBe(false);
    const template = await run('template', 'otop', '--period', '2567-Q3', '--out', join(work, 'missing', 'otop.xlsx'));
    expect([template.code, template.stderr.includes('(ENOENT)')]).toEqual([1, true]);
  });

  it('writes through a symbolic link, keeping the link, and leaves no temporary file', async () => {
    const kept = join(work, 'kept.json');
    writeFileSync(kept, 'old');
    symlinkSync(kept, join(work, 'link.json'));
    const run1 = await run('grade', 'otop', '--period', '2567-Q3', '--data', data, '--out', join(work, 'link.json'));
    expect(run1.code).toBe(0);
    expect(lstatSync(join(work, 'link.json')).isSymbolicLink()).toBe(true);
    expect(JSON.parse(readFileSync(kept, 'utf8')).results).toHaveLength(1);
    expect(readdirSync(work).filter((f) => f.endsWith('.part'))).toEqual([]);
  });
});
