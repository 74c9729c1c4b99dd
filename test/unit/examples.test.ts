import { describe, expect, it } from 'vitest';
import { gradeRowsReference } from '../../engine/evaluate.js';
import { outcomeOf, runExamples } from '../../engine/examples.js';
import { createReferenceRubric } from '../../engine/reference.js';
import { refOf } from '../../engine/node/rubric-files.js';
import { shippedRubrics } from '../helpers.js';

// Every shipped rubric's examples are tests, through both evaluation paths.
describe('shipped rubric examples', () => {
  for (const stored of shippedRubrics()) {
    const rubric = stored.rubric;
    describe(stored.file, () => {
      it('is a valid rubric', () => {
        expect(stored.diagnostics).toEqual([]);
        expect(rubric).toBeDefined();
      });
      for (const [index, example] of (rubric?.examples ?? []).entries()) {
        it(`${example.name} (compiled)`, () => {
          const outcome = runExamples(rubric!, stored.compiled!)[index]!;
          expect(outcome.actual).toBe(example.expect);
          if (example.score !== undefined) expect(outcome.actualScore).toBe(example.score);
        });
        it(`${example.name} (json-rules-engine)`, async () => {
          const reference = createReferenceRubric(rubric!, refOf(rubric!, stored.digest));
          const [result] = await gradeRowsReference(reference, [{ ...example.facts, id: 'x' }]);
          expect(outcomeOf(result!)).toBe(example.expect);
          if (example.score !== undefined) expect(result!.score).toBe(example.score);
        });
      }
    });
  }

  it('covers every level of every rubric that has criteria, unless the document makes it unreachable', () => {
    const unreachable: Record<string, string[]> = { 'thai-textile': ['A'] };
    for (const stored of shippedRubrics()) {
      const rubric = stored.rubric!;
      if (!rubric.grade) continue;
      const seen = new Set(runExamples(rubric, stored.compiled!).map((o) => o.actual));
      const missing = ['A', 'B', 'C', 'D'].filter((l) => !seen.has(l) && !(unreachable[rubric.mission] ?? []).includes(l));
      expect(missing, rubric.mission).toEqual([]);
    }
  });
});
