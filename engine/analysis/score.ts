// Analysis of grade bands over a combined score: it reasons over the scores the criteria's points
// can actually add up to (with every exemption's criteria left out in turn), not over every number.
import { bandInterval, exampleStep, formatInterval, fromSteps, stepsPerUnit, subtract, type Interval } from '../grid.js';
import { bandText, type Model } from '../model.js';
import { bandGaps, closingsOf, pointsCombiner } from '../runtime.js';
import { SCORE_INPUT, type Band, type FactValue, type Rubric } from '../types.js';
import { NOT_APPLICABLE } from '../verdict.js';
import { analyzeBands } from './bands.js';
import { countCombinations, exemptionScenarios, type ReachableBand } from './combinations.js';
import { describeExample, draft, exemptionExample, forEachPick, MAX_COMBINATIONS, outcomeText, type Draft } from './finding.js';

type BandsGrade = Extract<NonNullable<Rubric['grade']>, { type: 'bands' }>;

/** Holes, notes, unreachable levels, overlaps and order of the bands over a combined score. */
export function analyzeScore(model: Model, options: ReachableBand[][]): Draft[] {
  const grade = model.rubric.grade as BandsGrade;
  const info = model.catalog.get(SCORE_INPUT)!;
  const p = info.precision;
  const reachable = reachableScores(model, options);
  const scale = stepsPerUnit(p);
  const claimed = grade.bands.map((b) => bandInterval(b, p));
  const wins = claimed.map((c, j) => subtract([c], claimed.slice(0, j)));
  const firstBand = (score: number): number => wins.findIndex((parts) => parts.some((i) => score * scale >= i.lo - 1e-6 && score * scale <= i.hi + 1e-6));
  const drafts: Draft[] = [];
  const hit = new Set<number>();
  for (const [score, example] of [...reachable].sort((a, b) => a[0] - b[0])) {
    const band = firstBand(score);
    if (band >= 0) hit.add(band);
    else drafts.push(scoreHole(model, grade.bands, score, example, p));
  }
  drafts.push(...gapsNoScoreFalls(claimed, [...reachable.keys()], p));
  grade.bands.forEach((band, j) => {
    if (hit.has(j)) return;
    drafts.push(draft('UNREACHABLE', { case: 'level', outcome: outcomeText(band), band: bandText(band) }, `/grade/bands/${j}`, { example: null }));
  });
  // Overlaps and order of the score bands themselves.
  for (const d of analyzeBands({ bands: grade.bands, info, domain: { lo: -Infinity, hi: Infinity }, path: '/grade/bands' })) {
    if (d.problem.code === 'OVERLAP' || d.problem.code === 'ORDER') drafts.push(d);
  }
  return drafts;
}

/** Every score the criteria's reachable bands add up to, under every exemption scenario, with the first input found that gives it. */
function reachableScores(model: Model, options: ReachableBand[][]): Map<number, Record<string, FactValue>> {
  const combine = pointsCombiner(model);
  const reachable = new Map<number, Record<string, FactValue>>();
  for (const scenario of exemptionScenarios(model)) {
    const choices = model.criteria.map((_, i) => (scenario.notApplicable.has(i) ? [null] : options[i]!));
    const combos = countCombinations(choices);
    if (combos > MAX_COMBINATIONS) continue;
    forEachPick(
      choices.map((c) => c.length),
      (pick) => {
        const chosen = choices.map((c, i) => c[pick[i]!] ?? null);
        const score = combine(chosen.map((c) => c?.band ?? NOT_APPLICABLE));
        if (score === null || reachable.has(score)) return;
        const example: Record<string, FactValue> = {};
        chosen.forEach((c, i) => {
          if (c) example[model.criteria[i]!.input] = c.value;
        });
        if (scenario.exemption !== null) Object.assign(example, exemptionExample(model.rubric.exemptions![scenario.exemption]!.when));
        reachable.set(score, example);
      },
      combos,
    );
  }
  return reachable;
}

/** A reachable score no band claims: an error, unless the bands on both sides give one level. */
function scoreHole(model: Model, bands: Band[], score: number, example: Record<string, FactValue>, p: number): Draft {
  const closings = closingsOf(bandGaps(bands, p, { lo: -Infinity, hi: Infinity }), score, p);
  const levels = new Set(closings?.map((c) => bands[c]!.level));
  const words = { score: score.toFixed(p), example: describeExample(example, model.catalog) };
  return closings && levels.size === 1
    ? draft('HOLE', { case: 'score-harmless', ...words, level: String([...levels][0]) }, '/grade/bands', { example }, 'warning')
    : draft('HOLE', { case: 'score', ...words }, '/grade/bands', { example });
}

/** Gaps between bands that no reachable score falls in are not holes; say so once each. */
function gapsNoScoreFalls(claimed: Interval[], scores: number[], p: number): Draft[] {
  const scale = stepsPerUnit(p);
  const span = { lo: Math.round(Math.min(...scores, 0) * scale), hi: Math.round(Math.max(...scores, 0) * scale) };
  return subtract([span], claimed)
    .filter((gap) => !scores.some((s) => s * scale >= gap.lo - 1e-6 && s * scale <= gap.hi + 1e-6))
    .map((gap) => draft('HOLE', { case: 'score-unreached', range: formatInterval(gap, p) }, '/grade/bands', { example: fromSteps(exampleStep(gap), p) }, 'info'));
}
