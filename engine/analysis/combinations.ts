// The combinations of criteria the analysis reasons over: each band a criterion can reach (with a
// value that reaches it), and the exemption scenarios that leave criteria out.
import { bandInterval, exampleStep, fromSteps, intersect, subtract, valueDomain } from '../grid.js';
import type { Model } from '../model.js';

/** One band a criterion can reach, with a value of its input that reaches it. */
export interface ReachableBand {
  band: number;
  value: number;
}

/** For each criterion, one representative input for each band it can reach. */
export function reachableBands(model: Model): ReachableBand[][] {
  const { rubric, catalog } = model;
  return model.criteria.map((c, i) => {
    const criterion = rubric.criteria![i]!;
    const cInfo = catalog.get(c.input)!;
    const domain = valueDomain(rubric, catalog, c.input);
    const claimed = criterion.bands.map((b) => intersect(bandInterval(b, cInfo.precision), domain));
    return claimed.flatMap((interval, j) => {
      const wins = subtract([interval], claimed.slice(0, j));
      return wins.length > 0 ? [{ band: j, value: fromSteps(exampleStep(wins[0]!), cInfo.precision) }] : [];
    });
  });
}

/** No exemption, or one exemption with the criteria it makes not applicable. */
export interface ExemptionScenario {
  exemption: number | null;
  notApplicable: Set<number>;
}

/** No exemption, then each exemption in turn, with the criteria it makes not applicable. */
export function exemptionScenarios(model: Model): ExemptionScenario[] {
  return [
    { exemption: null, notApplicable: new Set<number>() },
    ...model.exemptionTargets.map((targets, e) => ({ exemption: e, notApplicable: new Set(targets) })),
  ];
}

/** How many ways there are to pick one entry of each list (an empty list counts as one way: nothing). */
export function countCombinations(choices: readonly unknown[][]): number {
  let combos = 1;
  for (const c of choices) combos *= Math.max(1, c.length);
  return combos;
}
