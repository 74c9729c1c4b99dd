// The corpus of office files (test/fixtures/office, made by test/sample/office.ts): each file read
// by the one reader the preview uses in the browser and graded, and again through the CLI.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { main } from '../../../engine/cli/main.js';
import { gradeRows } from '../../../engine/evaluate.js';
import { readGrids, readMission } from '../../../engine/import/read-file.js';
import type { RowError } from '../../../engine/row-problems.js';
import { gradableRubrics } from '../../helpers.js';

type Grades = Record<string, string>;
interface Expected {
  mission: string | null;
  sheet?: string;
  idColumn?: string;
  describe: string;
  grades?: Grades | Record<string, Grades>;
  conversions?: Record<string, Record<string, number>>;
  cellErrors?: { cell: string; code: string }[];
  encoding?: string;
  refuse?: { code: string };
}

const corpus = join(import.meta.dirname, '../../fixtures/office');
const expected = JSON.parse(readFileSync(join(corpus, 'expected.json'), 'utf8')) as Record<string, Expected>;
const rubrics = new Map(gradableRubrics().map((r) => [r.rubric.mission, r]));
const outcome = (r: { status: string; grade: string | null }): string => (r.status === 'graded' ? r.grade! : r.status);

/** Reads and grades one file as the preview does, mission by mission. */
async function readAndGrade(file: string, spec: Expected) {
  const grids = await readGrids(readFileSync(join(corpus, file)), file);
  if ('problem' in grids) return { problem: grids.problem.code };
  const missions = spec.mission ? [spec.mission] : Object.keys(spec.grades ?? {});
  const grades: Record<string, Grades> = {};
  const conversions: Record<string, Record<string, number>> = {};
  const errors: RowError[] = [];
  let encoding: string | undefined;
  for (const mission of missions) {
    const { rubric, compiled } = rubrics.get(mission)!;
    const read = readMission(grids, rubric, { source: file, ...(spec.sheet ? { sheet: spec.sheet } : {}), ...(spec.idColumn ? { idColumn: spec.idColumn } : {}) });
    if ('problem' in read) return { problem: read.problem.code };
    const { rows, cellErrors, units, report } = read.table;
    encoding = report.encoding;
    for (const c of report.conversions) (conversions[c.fact] ??= {})[c.kind] = c.count;
    const results = gradeRows(compiled, rows, { cellErrors, units });
    grades[mission] = Object.fromEntries(results.map((r) => [r.id, outcome(r)]));
    for (const r of results) errors.push(...(r.verdict.errors ?? []));
  }
  return { grades, conversions, errors, encoding };
}

/** Runs the CLI in-process, as `rubric grade … --format json`, and returns its exit code and JSON. */
async function cli(file: string, spec: Expected): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const sink = (append: (s: string) => void) => new Writable({ write: (chunk, _enc, done) => (append(String(chunk)), done()) });
  const args = ['grade', ...(spec.mission ? [spec.mission] : ['--all']), '--period', '2567-Q3', '--data', join(corpus, file), '--format', 'json'];
  if (spec.sheet) args.push('--sheet', spec.sheet);
  if (spec.idColumn) args.push('--id-column', spec.idColumn);
  const code = await main(args, sink((s) => (stdout += s)) as unknown as typeof process.stdout, sink((s) => (stderr += s)) as unknown as typeof process.stderr);
  return { code, stdout, stderr };
}

describe('the office-file corpus', () => {
  const files = readdirSync(corpus).filter((f) => f !== 'expected.json');
  it('has at least 60 files, each with its expectation, refusals and bad cells among them', () => {
    expect(files.sort()).toEqual(Object.keys(expected).sort());
    expect(files.length).toBeGreaterThanOrEqual(60);
    expect(Object.values(expected).filter((e) => e.refuse).length).toBeGreaterThanOrEqual(8);
    expect(Object.values(expected).filter((e) => e.cellErrors?.length).length).toBeGreaterThanOrEqual(10);
  });

  for (const [file, spec] of Object.entries(expected)) {
    it(`${file}: ${spec.describe}`, async () => {
      const read = await readAndGrade(file, spec);
      if (spec.refuse) {
        expect(read).toEqual({ problem: spec.refuse.code });
        const run = await cli(file, spec);
        expect(run.code).toBe(1);
        expect(run.stdout).toBe('');
        expect(run.stderr).not.toMatch(/at .*\.js:\d+/);
        return;
      }
      if ('problem' in read) throw new Error(`refused ${file}: ${read.problem}`);
      const wanted = spec.mission ? { [spec.mission]: spec.grades as Grades } : (spec.grades as Record<string, Grades>);
      expect(read.grades).toEqual(wanted);
      for (const [fact, kinds] of Object.entries(spec.conversions ?? {})) {
        for (const [kind, count] of Object.entries(kinds)) expect(read.conversions[fact]?.[kind], `${fact} ${kind}`).toBe(count);
      }
      for (const bad of spec.cellErrors ?? []) {
        expect(read.errors.some((e) => e.where.cell === bad.cell && e.code === bad.code), `${bad.cell} ${bad.code}: ${JSON.stringify(read.errors.filter((e) => e.where.cell))}`).toBe(true);
      }
      expect(read.errors.filter((e) => e.where.cell).length).toBe(spec.cellErrors?.length ?? 0);
      if (spec.encoding) expect(read.encoding).toBe(spec.encoding);

      // The CLI reads the same file the same way.
      const run = await cli(file, spec);
      expect(run.code, run.stderr).toBe(0);
      const { results } = JSON.parse(run.stdout) as { results: { id: string; status: string; grade: string | null; rubric: { mission: string } }[] };
      const byMission: Record<string, Grades> = {};
      for (const r of results) (byMission[r.rubric.mission] ??= {})[r.id] = outcome(r);
      expect(byMission).toEqual(wanted);
    });
  }
});
