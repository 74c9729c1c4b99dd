// How far a graded unit is from its next level up: the nearest values that would reach a better band or row.
import { PERCENT_UNIT } from './catalog.js';
import { compareLeaf, conditionLeaves } from './conditions.js';
import type { GradeResult } from './evaluate.js';
import { bandInterval, fromSteps, intersect, subtract, type Interval } from './grid.js';
import { bandModel, inBand, type Model } from './model.js';
import { LEVELS, type FactValue, type Level, type Text } from './types.js';
import { valuesOf } from './runtime.js';
import { NOT_APPLICABLE } from './verdict.js';
import { valueName } from './explain-reasons.js';

/** One step a unit could take towards a better result. */
export interface Step {
  /** The criterion (or ladder row) the step is about. */
  target: string;
  fact: string;
  value: FactValue;
  /** The value it would need. */
  needed: FactValue;
  /** How far: needed − value, for numbers. */
  delta: number | null;
  /** What it would reach on that criterion or row: a level or points. */
  reaches: string;
  message: Text;
}

/**
 * How far a unit is from its next level up: for each criterion that holds it back, the nearest
 * value (at the fact's precision) that reaches a better band ("needs 0.60 more percentage points of
 * salesGrowthPct for B"); for a ladder, what the row above still needs.
 */
export function stepsUp(model: Model, result: GradeResult): Step[] {
  const verdict = result.verdict;
  if (verdict.status === 'error' || !model.rubric.grade) return [];
  const values = valuesOf(model, verdict);
  const grade = model.rubric.grade;
  const steps: Step[] = [];
  if (grade.type === 'ladder') {
    const target = verdict.row >= 0 ? verdict.row - 1 : grade.rows.length - 1;
    const row = grade.rows[target];
    if (!row) return [];
    for (const leaf of conditionLeaves(row.when, model.rubric.conditions ?? {})) {
      const slot = model.slotOf.get(leaf.fact)!;
      const actual = values[slot] ?? null;
      const info = model.catalog.get(leaf.fact)!;
      const holds = compareLeaf(leaf.operator, actual, leaf.value);
      if (holds) continue;
      let needed: FactValue = Array.isArray(leaf.value) ? (leaf.value[0] ?? null) : leaf.value;
      if (typeof leaf.value === 'number') {
        const step = 10 ** -info.precision;
        needed = leaf.operator === 'greaterThan' ? leaf.value + step : leaf.operator === 'lessThan' ? leaf.value - step : leaf.value;
        needed = Number(needed.toFixed(info.precision));
      }
      const names = { fact: valueName(model, leaf.fact), where: { th: `แถว ${row.level}`, en: `row ${row.level}` } };
      steps.push(step(`row ${row.level}`, leaf.fact, names, actual, needed, row.level, info.type === 'number' ? info.precision : 0, info.unit));
    }
    return steps;
  }
  model.criteria.forEach((c, i) => {
    const band = verdict.bands[i]!;
    if (band === NOT_APPLICABLE) return;
    const info = model.catalog.get(c.input)!;
    const better = info.better ?? 'higher';
    const value = values[c.inputSlot];
    if (typeof value !== 'number') return;
    const current = band >= 0 ? c.bands[band]! : null;
    const rank = (b: { level: Level | null; points: number | null }) => (b.level !== null ? -LEVELS.indexOf(b.level) : (b.points ?? 0));
    // The nearest value whose first matching band is better than the current one.
    const p = info.precision;
    const scale = 10 ** p;
    const here = Math.round(value * scale);
    const claimed: Interval[] = model.rubric.criteria![i]!.bands.map((b) => bandInterval(b, p));
    let best: { steps: number; band: number } | undefined;
    c.bands.forEach((candidate, j) => {
      if (current && rank(candidate) <= rank(current)) return;
      for (const part of subtract([intersect(claimed[j]!, { lo: info.min !== undefined ? Math.ceil(info.min * scale) : -Infinity, hi: info.max !== undefined ? Math.floor(info.max * scale) : Infinity })], claimed.slice(0, j))) {
        const target = better === 'higher' ? Math.max(part.lo, here) : Math.min(part.hi, here);
        if (target < part.lo || target > part.hi || !Number.isFinite(target)) continue;
        if (best === undefined || Math.abs(target - here) < Math.abs(best.steps - here)) best = { steps: target, band: j };
      }
    });
    if (!best || best.steps === here) return;
    const reached = c.bands[best.band]!;
    const needed = fromSteps(best.steps, p);
    if (!inBand(bandModel(model.rubric.criteria![i]!.bands[best.band]!), needed)) return;
    const names = { fact: valueName(model, c.input), where: { th: `ตัวชี้วัด "${c.label.th}"`, en: `criterion "${c.label.en}"` } };
    steps.push(step(`criterion ${c.id}`, c.input, names, value, needed, reached.level ?? `${reached.points} points`, p, info.unit));
  });
  return steps;
}

/** What a step's words name: the value by its label, and the row or criterion it reaches. */
type StepNames = { fact: Text; where: Text };

function step(target: string, fact: string, names: StepNames, value: FactValue, needed: FactValue, reaches: string, precision: number, unit?: Text): Step {
  if (typeof value === 'number' && typeof needed === 'number') {
    const delta = Number((needed - value).toFixed(precision));
    const amount = Math.abs(delta).toFixed(precision);
    const more = delta > 0;
    const unitEn = unit === PERCENT_UNIT ? ' percentage points' : unit ? ` ${unit.en}` : '';
    const unitTh = unit === PERCENT_UNIT ? ' จุดร้อยละ' : unit ? ` ${unit.th}` : '';
    return {
      target,
      fact,
      value,
      needed,
      delta,
      reaches,
      message: {
        th: `${names.fact.th} ต้อง${more ? 'เพิ่มอีก' : 'ลดลงอีก'} ${amount}${unitTh} (เป็น ${needed.toFixed(precision)}) จึงได้ ${reaches} ใน${names.where.th}`,
        en: `needs ${amount} ${more ? 'more' : 'less'}${unitEn} of ${names.fact.en} (${needed.toFixed(precision)}) for ${reaches} on ${names.where.en}`,
      },
    };
  }
  return {
    target,
    fact,
    value,
    needed,
    delta: null,
    reaches,
    message: {
      th: `${names.fact.th} ต้องเป็น ${String(needed)} (ตอนนี้ ${String(value)}) จึงได้ ${reaches} ใน${names.where.th}`,
      en: `needs ${names.fact.en} = ${String(needed)} (now ${String(value)}) for ${reaches} on ${names.where.en}`,
    },
  };
}
