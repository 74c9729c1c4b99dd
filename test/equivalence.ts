// The equivalence property shared by the unit tier (about a hundred rows a rubric) and the
// integration tier (thousands): the compiled path, both its generated grader and its closures, and
// json-rules-engine give every row the same verdict.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { valueCatalog } from '../engine/catalog.js';
import { generateGrader } from '../engine/codegen.js';
import { compileRubric } from '../engine/compile.js';
import { runtimeOf } from '../engine/runtime.js';
import { createReferenceRubric } from '../engine/reference.js';
import { refOf } from '../engine/node/rubric-files.js';
import type { Rubric } from '../engine/types.js';
import type { Verdict } from '../engine/verdict.js';
import { thresholdsOf } from '../bench/rows.js';
import { gradableRubrics } from './helpers.js';

/** Values on, just below and just above each threshold at the precision, and halfway between. */
function aroundThresholds(thresholds: number[], precision: number): number[] {
  const step = 10 ** -precision;
  return thresholds.flatMap((t) => [t - step, t, t + step, t - step / 2, t + step / 2, t - step * 0.49, t + step * 0.51]);
}

/** An arbitrary row for a rubric: mostly well-typed values near thresholds, sometimes broken. */
export function rowArbitrary(rubric: Rubric): fc.Arbitrary<Record<string, unknown>> {
  const catalog = valueCatalog(rubric);
  const thresholds = thresholdsOf(rubric);
  const broken = fc.constantFrom<unknown>(undefined, null, '', 'abc', true, 1.5, '12');
  const shape: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [id, fact] of Object.entries(rubric.facts ?? {})) {
    const info = catalog.get(id)!;
    let good: fc.Arbitrary<unknown>;
    switch (fact.type) {
      case 'boolean':
        good = fc.boolean();
        break;
      case 'enum':
        good = fc.constantFrom(...fact.values.map((v) => v.value));
        break;
      case 'string': {
        const listed = (rubric.exemptions ?? []).flatMap((e) => ('fact' in e.when && Array.isArray(e.when.value) ? e.when.value : []));
        good = fc.constantFrom(...listed.map(String), 'ลำปาง', 'เชียงใหม่');
        break;
      }
      case 'integer': {
        const near = (thresholds.get(id) ?? []).flatMap((t) => [Math.floor(t) - 1, Math.floor(t), Math.ceil(t), Math.ceil(t) + 1]);
        const min = info.min ?? -50;
        good = fc.oneof(fc.integer({ min, max: info.max ?? min + 200 }), ...(near.length ? [fc.constantFrom(...near.filter((n) => n >= min))] : []));
        break;
      }
      case 'number': {
        const near = aroundThresholds(thresholds.get(id) ?? [], fact.precision);
        const min = info.min ?? -100;
        const max = info.max ?? 150;
        good = fc.oneof(
          fc.double({ min, max, noNaN: true }),
          fc.integer({ min: Math.ceil(min * 100), max: Math.floor(max * 100) }).map((n) => n / 100),
          ...(near.length ? [fc.constantFrom(...near)] : []),
        );
        break;
      }
    }
    shape[id] = fc.oneof({ weight: 12, arbitrary: good }, { weight: 1, arbitrary: broken });
  }
  // A ratio's thresholds need numerator and denominator chosen together.
  const ratios = Object.entries(rubric.derived ?? {}).flatMap(([id, d]) => (d.type === 'ratio' ? [{ id, d }] : []));
  const base = fc.record(shape, { requiredKeys: [] });
  if (ratios.length === 0) return base;
  return fc.tuple(base, fc.nat({ max: 1000 }), fc.constantFrom(...ratios.flatMap(({ id }) => thresholds.get(id) ?? [50])), fc.integer({ min: -2, max: 2 })).map(
    ([row, salt, threshold, offset]) => {
      const out: Record<string, unknown> = { ...row };
      for (const { d } of ratios) {
        if (salt % 3 === 0) {
          // On and around the threshold: denominator 10 000 makes one unit 0.01 percentage point.
          const scale = 10 ** (d.precision + 2) / (d.multiplier ?? 1);
          out[d.denominator] = 10 ** (d.precision + 2);
          out[d.numerator] = Math.max(0, Math.round(threshold * scale) + offset);
        } else if (salt % 3 === 1) {
          out[d.denominator] = salt % 7;
          out[d.numerator] = salt % 11;
        }
      }
      return out;
    },
  );
}

/** The fields of a verdict both paths must agree on. */
function comparable(verdict: Verdict): unknown {
  return {
    status: verdict.status,
    grade: verdict.grade,
    score: verdict.score,
    bands: verdict.bands,
    row: verdict.row,
    exemptions: verdict.exemptions,
    errors: verdict.errors,
  };
}

const handedOver = (): never => {
  throw new Error('a row with a hole was handed to the closures');
};

/** One test per shipped rubric: `numRuns` random rows graded by every path must agree. */
export function describeEquivalence(numRuns: number, seed: number): void {
  describe(`the generated grader, the closures and json-rules-engine (${numRuns} rows a rubric)`, () => {
    for (const { rubric, digest } of gradableRubrics()) {
      it(`grade random rows identically for ${rubric.mission}, on and around every threshold`, async () => {
        const ref = refOf(rubric, digest);
        const generated = compileRubric(rubric, ref, { grader: 'generated' });
        const closures = compileRubric(rubric, ref, { grader: 'closures' });
        expect([generated.path, closures.path]).toEqual(['generated', 'closures']);
        const reference = createReferenceRubric(rubric, ref);
        // Where the grade rule reads the bands, the generated grader settles holes itself and hands no such row over.
        const runtime = runtimeOf(generated.model);
        const settleless = generated.model.readsBands ? generateGrader(generated.model, { grade: runtime.grade, settle: handedOver }) : generated.grade;
        const statuses = new Set<string>();
        await fc.assert(
          fc.asyncProperty(rowArbitrary(rubric), async (row) => {
            const fast = generated.grade(row);
            const slow = await reference.grade(row);
            statuses.add(fast.status === 'graded' ? fast.grade! : fast.status);
            expect(comparable(fast)).toEqual(comparable(slow));
            // The generated grader and the closures agree on every field, holes settled included.
            expect(fast).toEqual(closures.grade(row));
            expect(settleless(row)).toEqual(fast);
          }),
          { numRuns, seed },
        );
        // The generator must reach graded rows and errors, or the property proves little.
        expect(statuses.has('error')).toBe(true);
        expect([...statuses].some((s) => ['A', 'B', 'C', 'D'].includes(s))).toBe(true);
      });
    }
  });
}
