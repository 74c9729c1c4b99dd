// Whether a gap between bands can change a grade: for bands that give the level directly, and for a
// criterion's bands, by trying every band the other criteria reach under every exemption.
import type { Gap, Runtime } from '../runtime.js';
import type { GapShown, HarmlessReason } from '../problems/analysis-codes.js';
import type { Band, FactValue } from '../types.js';
import { NOT_APPLICABLE } from '../verdict.js';
import type { Model } from '../model.js';
import { countCombinations, exemptionScenarios, type ExemptionScenario, type ReachableBand } from './combinations.js';
import { describeExample, exemptionExample, forEachPick, MAX_COMBINATIONS } from './finding.js';

/** Whether a gap can change a grade: with an example that shows it, or the reason it cannot. */
export type HoleJudgement = { matters: true; example: number | Record<string, FactValue>; why?: GapShown } | { matters: false; reason: HarmlessReason };
/** Judges one gap, given a value in it. */
export type HoleJudge = (gap: Gap, value: number) => HoleJudgement;

/** A gap in bands that give the level directly: it matters unless both bands beside it give one level. */
export function gradeGapJudgement(bands: Band[], gap: Gap, value: number): HoleJudgement {
  if (gap.below === null || gap.above === null) return { matters: true, example: value };
  const [below, above] = [bands[gap.below]!, bands[gap.above]!];
  if (below.level !== above.level) return { matters: true, example: value };
  return { matters: false, reason: { case: 'same-level', level: String(below.level) } };
}

/** A placeholder for the criterion being judged, replaced by each closing before it is read. */
const NO_BAND_PLACEHOLDER = -1;

/** What judging one criterion's gaps needs. */
interface CriterionGaps {
  model: Model;
  runtime: Runtime;
  reachable: ReachableBand[][];
  index: number;
  /** What a band of the criterion gives, as text. */
  outcome: (band: number) => string;
}

/**
 * Judges a criterion's gap the way the grader settles one: it cannot change a grade when every
 * way of closing it (the band on either side) gives the same level, whatever band the other
 * criteria reach and whichever exemption applies.
 */
export function criterionHoleJudge(model: Model, runtime: Runtime, reachable: ReachableBand[][], index: number): HoleJudge {
  if (!model.readsBands) return notReadJudge(model.rubric.grade!.type);
  const criterion = model.criteria[index]!;
  const outcome = (band: number): string => String(criterion.bands[band]!.level ?? criterion.bands[band]!.points);
  const c: CriterionGaps = { model, runtime, reachable, index, outcome };
  return (gap, value) => {
    if (gap.below === null || gap.above === null) return { matters: true, example: value };
    const closings = gap.below === gap.above ? [gap.below] : [gap.below, gap.above];
    for (const scenario of exemptionScenarios(model)) {
      if (scenario.notApplicable.has(index)) continue;
      const found = closingThatMatters(c, scenario, closings, value);
      if (found) return found;
    }
    return harmless(closings.map(outcome));
  };
}

/** A grade read from rows or grade bands never reads a criterion's bands, so none of its gaps matters. */
function notReadJudge(rule: string): HoleJudge {
  const reason: HarmlessReason = { case: 'not-read', rule: rule === 'ladder' || rule === 'truthTable' ? rule : 'bands' };
  return () => ({ matters: false, reason });
}

/** Under one scenario, the first combination of the other criteria where the closings give different levels, if any. */
function closingThatMatters(c: CriterionGaps, scenario: ExemptionScenario, closings: number[], value: number): HoleJudgement | null {
  const { model, index } = c;
  const criterion = model.criteria[index]!;
  const choices = model.criteria.map((_, j) => (j === index || scenario.notApplicable.has(j) ? [null] : c.reachable[j]!));
  const combos = countCombinations(choices);
  if (combos > MAX_COMBINATIONS) return { matters: true, example: value };
  let found: HoleJudgement | null = null;
  forEachPick(
    choices.map((ch) => ch.length),
    (pick) => {
      const picked = choices.map((ch, j) => ch[pick[j]!] ?? null);
      const bands = picked.map((chosen, j) => (j === index ? NO_BAND_PLACEHOLDER : (chosen?.band ?? NOT_APPLICABLE)));
      const results = closings.map((band) => {
        bands[index] = band;
        return c.runtime.levelFor(bands);
      });
      if (results.every((l) => l !== null && l === results[0])) return false;
      const example: Record<string, FactValue> = {};
      picked.forEach((chosen, j) => {
        if (chosen) example[model.criteria[j]!.input] = chosen.value;
      });
      example[criterion.input] = value;
      if (scenario.exemption !== null) Object.assign(example, exemptionExample(model.rubric.exemptions![scenario.exemption]!.when));
      // A criterion alone needs no other facts to show its gap.
      if (Object.keys(example).length === 1) found = { matters: true, example: value };
      else {
        const shown = closings.map((band, k) => `${c.outcome(band)} → ${results[k] ?? '?'}`).join(', ');
        found = { matters: true, example, why: { example: describeExample(example, model.catalog), closings: shown } };
      }
      return true;
    },
    combos,
  );
  return found;
}

/** Why a gap whose closings all give one level cannot change a grade. */
function harmless(outcomes: string[]): HoleJudgement {
  if (outcomes.length === 1 || outcomes[0] === outcomes[1]) return { matters: false, reason: { case: 'same-outcome', outcome: outcomes[0]! } };
  return { matters: false, reason: { case: 'any-closing', outcomes } };
}
