// Reasons shared within a batch of results (engine/reason-cache.ts): every result's reason must be
// the one its own explanation gives, on the shipped rubrics and on generated ones, with rows
// repeated so that the cache is used; and the key must tell apart what a reason could tell apart.
import fc from 'fast-check';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { compileRubric } from '../../engine/compile.js';
import { gradeRows } from '../../engine/evaluate.js';
import { explain } from '../../engine/explain.js';
import { loadRubric } from '../../engine/load.js';
import { refOf } from '../../engine/node/rubric-files.js';
import { reasonKey } from '../../engine/reason-cache.js';
import { validateRubric } from '../../engine/validate.js';
import { caseArbitrary } from '../arbitraries/rubric.js';
import { rowArbitrary } from '../equivalence.js';
import { gradableRubrics, shippedRubric } from '../helpers.js';
import type { CompiledRubric } from '../../engine/compile.js';

/** Grades the rows twice over in one batch; every reason must be its own explanation's, and repeats must share theirs. */
function checkBatch(compiled: CompiledRubric, rows: Record<string, unknown>[]): number {
  // Each copy gets an id of its own: a repeated id would make both rows errors.
  const results = gradeRows(compiled, [...rows, ...rows].map((row, i) => ({ ...row, id: `unit-${i}` })));
  let shared = 0;
  results.forEach((result, i) => {
    expect(result.reason).toEqual(explain(compiled.model, result.verdict).reason);
    if (i >= rows.length && result.reason === results[i - rows.length]!.reason) shared++;
  });
  // The reason in the JSON of a result, built with its trace, is the same text.
  for (const result of results.slice(0, 5)) expect(result.toJSON().reason).toEqual(explain(compiled.model, result.verdict).reason);
  return shared;
}

describe('reasons shared within a batch of results', () => {
  for (const { rubric, compiled } of gradableRubrics()) {
    it(`are each result's own reason for ${rubric.mission}, on random rows given twice`, () => {
      let shared = 0;
      fc.assert(
        fc.property(fc.array(rowArbitrary(rubric), { minLength: 5, maxLength: 30 }), (rows) => {
          shared += checkBatch(compiled, rows);
        }),
        { numRuns: 25, seed: 2567 },
      );
      // Rows given twice share the reason built the first time, unless they are errors.
      expect(shared).toBeGreaterThan(0);
    });
  }

  it('are each result\'s own reason on generated rubrics of every kind', () => {
    fc.assert(
      fc.property(caseArbitrary(), ({ rubric: generated, rows }) => {
        const { rubric } = validateRubric(loadRubric(stringify(generated), 'generated.yaml'));
        if (!rubric) return;
        checkBatch(compileRubric(rubric, refOf(rubric, 'sha256:generated')), rows);
      }),
      { numRuns: 150, seed: 2567 },
    );
  });
});

describe('the key of a reason', () => {
  const { compiled } = shippedRubric('otop');
  const model = compiled.model;
  const verdict = (row: Record<string, unknown>) => compiled.grade(row);

  it('differs when a value used differs, even by its type or a last digit', () => {
    const a = reasonKey(model, verdict({ id: 'x', newProducts: 5, salesGrowthPct: 4.01 }));
    const b = reasonKey(model, verdict({ id: 'y', newProducts: 5, salesGrowthPct: 4.02 }));
    expect(a).toBeDefined();
    expect(a).not.toEqual(b);
    // The unit's id is not in the reason, so two units with the same values share it.
    expect(reasonKey(model, verdict({ id: 'z', newProducts: 5, salesGrowthPct: 4.01 }))).toEqual(a);
  });

  it('is none for a row with errors, so its reason is always its own', () => {
    expect(reasonKey(model, verdict({ id: 'x', newProducts: 'many', salesGrowthPct: 4 }))).toBeUndefined();
  });

  it('is none when a value could be told apart only by sign or is not a finite number', () => {
    const base = verdict({ id: 'x', newProducts: 5, salesGrowthPct: 4 });
    expect(reasonKey(model, { ...base, score: -0 })).toBeUndefined();
    expect(reasonKey(model, { ...base, score: Number.NaN })).toBeUndefined();
  });
});
