// `rubric document`: the criteria as a Word file from the shipped rubrics, one mission or the period's
// published ones, and a refusal in words for a mission the period does not have.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { docxParts, docxText } from '../../docx.js';
import { shippedRubrics } from '../../helpers.js';
import { tempDir } from '../../temp.js';
import { runCli } from './run.js';

describe('rubric document', () => {
  it("writes otop's criteria with each threshold in the letter's words, marked Thai", async () => {
    const out = join(tempDir('rubric-document-'), 'otop.docx');
    const run = await runCli(['document', '--period', '2567-Q3', '--mission', 'otop', '--out', out]);
    expect(run, run.stderr).toMatchObject({ code: 0, stderr: '' });
    const { body, header } = await docxParts(readFileSync(out));
    for (const words of ['๕ ผลิตภัณฑ์ขึ้นไป', 'มากกว่าร้อยละ ๔', 'มากกว่าร้อยละ ๓', 'มากกว่าร้อยละ ๒', 'น้อยกว่าร้อยละ ๒', 'น้อยกว่า ๓ ผลิตภัณฑ์']) expect(docxText(body)).toContain(words);
    expect(body).toMatch(/<w:lang [^>]*w:bidi="th-TH"/);
    expect(docxText(header)).toContain('ไตรมาส ๓/๒๕๖๗');
  });

  it("writes every published mission's name for the period, and no draft's", async () => {
    const out = join(tempDir('rubric-document-'), 'period.docx');
    const run = await runCli(['document', '--period', '2567-Q3', '--out', out, '--lang', 'en', '--digits', 'arabic']);
    expect(run.code, run.stderr).toBe(0);
    const text = docxText((await docxParts(readFileSync(out))).body);
    const rubrics = shippedRubrics().flatMap((r) => (r.valid ? [r.rubric] : []));
    const published = rubrics.filter((r) => r.status === 'published');
    expect(published.length).toBeGreaterThan(5);
    for (const r of published) expect(text).toContain(r.name.en);
    for (const r of rubrics.filter((r) => r.status === 'draft')) expect(text).not.toContain(r.name.en);
    expect(text).toContain('more than 4 %');
  });

  it('refuses a mission the period does not have, with exit 1, a message in words and no file', async () => {
    const out = join(tempDir('rubric-document-'), 'none.docx');
    const run = await runCli(['document', '--period', '2567-Q3', '--mission', 'otopp', '--out', out]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('ไม่มีภารกิจ "otopp"');
    expect(run.stderr).toContain('no rubric "otopp" for period 2567-Q3 (missions: ');
    expect(existsSync(out)).toBe(false);
  });

  it('says what --out needs as a usage error (exit 2)', async () => {
    const run = await runCli(['document', '--period', '2567-Q3', '--out', 'x.pdf']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('document needs --out <file.docx>');
  });
});
