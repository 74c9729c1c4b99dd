// Where evaluating source is not allowed (a Content-Security-Policy without 'unsafe-eval'), the
// compiled path grades with the closures; RUBRIC_GRADER and the grader option force either path.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { compileRubric } from '../../engine/compile.js';
import { GRADER_ENV, chooseGrader } from '../../engine/codegen.js';
import { buildModel } from '../../engine/model.js';
import { refOf } from '../../engine/node/rubric-files.js';
import { runtimeOf } from '../../engine/runtime.js';
import { shippedRubric } from '../helpers.js';

const ROWS = [
  { id: 'a', newProducts: 5, salesGrowthPct: 4.01 },
  { id: 'b', newProducts: 1, salesGrowthPct: 2 },
  { id: 'c', newProducts: 4, salesGrowthPct: 2 },
  { id: 'd', newProducts: 'x', salesGrowthPct: 9 },
];

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('the compiled path without evaluation', () => {
  const { rubric, digest } = shippedRubric('otop');
  const ref = refOf(rubric, digest);

  it('falls back to the closures, which grade as the generated grader does elsewhere', () => {
    const runtime = runtimeOf(buildModel(rubric, ref));
    let asked = 0;
    // An environment that forbids evaluation, as the editor's pages do.
    const fallback = chooseGrader(runtime, 'auto', () => (asked++, false));
    expect([fallback.path, asked]).toEqual(['closures', 1]);
    expect(chooseGrader(runtime, 'auto').path).toBe('generated');
    const closures = compileRubric(rubric, ref, { grader: 'closures' });
    expect(ROWS.map((row) => fallback.grade(row))).toEqual(ROWS.map((row) => closures.grade(row)));
    expect(ROWS.map((row) => fallback.grade(row).grade ?? fallback.grade(row).status)).toEqual(['A', 'D', 'unmatched', 'error']);
  });

  it('takes the path RUBRIC_GRADER names, and the option before it', () => {
    vi.stubEnv(GRADER_ENV, 'generated');
    // Forced, the generated grader is built although the environment was judged unable.
    expect(compileRubric(rubric, ref).path).toBe('generated');
    expect(compileRubric(rubric, ref, { grader: 'closures' }).path).toBe('closures');
    vi.stubEnv(GRADER_ENV, 'closures');
    expect(compileRubric(rubric, ref).path).toBe('closures');
    expect(compileRubric(rubric, ref, { grader: 'generated' }).path).toBe('generated');
    vi.stubEnv(GRADER_ENV, 'fast');
    expect(() => compileRubric(rubric, ref)).toThrow(/RUBRIC_GRADER must be generated, closures or auto/);
  });

  it('falls back where the generator refuses a rubric, unless the generated path is forced', () => {
    vi.stubEnv(GRADER_ENV, '');
    // A band whose bound is not a finite number is never written into source.
    const broken = structuredClone(rubric);
    broken.criteria![0]!.bands[0]!.value = Infinity;
    expect(compileRubric(broken, ref, { grader: 'auto' }).path).toBe('closures');
    expect(() => compileRubric(broken, ref, { grader: 'generated' })).toThrow(/finite number/);
  });
});
