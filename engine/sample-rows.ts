// Seeded, reproducible sample rows for a rubric: one row per district office (878, in the 76
// provinces with a provincial CDD office), values spread around the rubric's thresholds. The
// tests' national sample (test/sample/national.ts), the benchmarks and the editor's comparison of
// a draft with a published revision all make their rows here. Browser-safe. The rows are made up:
// they show how a change moves units near the thresholds, never any district's real result.
import data from './catalogues/districts.json' with { type: 'json' };
import { conditionLeaves } from './conditions.js';
import type { Condition, Fact, FactValue, Rubric } from './types.js';

/** One district office: the unit a sample row stands for. */
export interface Area {
  province: string;
  district: string;
}

/** The 878 districts outside Bangkok, province by province (see the catalogue's own `source`). */
export function districts(): Area[] {
  return data.provinces.flatMap((p) => p.districts.map((district) => ({ province: p.province, district })));
}

/** A small seeded PRNG (mulberry32): the same seed gives the same rows on every machine. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The numeric thresholds a rubric compares each fact or derived value with. */
export function thresholdsOf(rubric: Rubric): Map<string, number[]> {
  const out = new Map<string, number[]>();
  const add = (id: string, value: unknown): void => {
    for (const v of Array.isArray(value) ? value : [value]) if (typeof v === 'number') out.set(id, [...(out.get(id) ?? []), v]);
  };
  const named = rubric.conditions ?? {};
  const walk = (c: Condition): void => conditionLeaves(c, named).forEach((leaf) => add(leaf.fact, leaf.value));
  for (const criterion of rubric.criteria ?? []) for (const band of criterion.bands) add(criterion.input, band.value);
  const grade = rubric.grade;
  if (grade?.type === 'bands') for (const band of grade.bands) add(grade.input, band.value);
  if (grade?.type === 'ladder') grade.rows.forEach((r) => walk(r.when));
  Object.values(rubric.conditions ?? {}).forEach(walk);
  for (const e of rubric.exemptions ?? []) walk(e.when);
  return out;
}

/** One mission's rows: plausible values, many on and around thresholds, some in the letter's holes. */
export function sampleRows(rubric: Rubric, areas: Area[], seed: number, holes: Record<string, FactValue>[]): Record<string, FactValue>[] {
  const random = seededRandom(seed);
  const thresholds = thresholdsOf(rubric);
  const ratios = Object.values(rubric.derived ?? {}).flatMap((d) => (d.type === 'ratio' ? [d] : []));
  return areas.map((area, index) => {
    const row: Record<string, FactValue> = { id: `${rubric.mission}-${String(index + 1).padStart(4, '0')}`, province: area.province, district: area.district };
    for (const [id, fact] of Object.entries(rubric.facts ?? {})) {
      if (id !== 'province') row[id] = factValue(fact, thresholds.get(id) ?? [], area, random);
    }
    for (const d of ratios) {
      const target = 20 + Math.floor(random() * 180);
      row[d.denominator] = target;
      row[d.numerator] = Math.round(target * (0.45 + random() * 0.65));
    }
    // Some rows fall where the letter leaves no level, as the analysis found.
    if (holes.length > 0 && random() < 0.03) Object.assign(row, pick(random, holes));
    return row;
  });
}

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

/** One fact's value for one row, drawn in the order the national fixtures were made with. */
function factValue(fact: Fact, ts: number[], area: Area, random: () => number): FactValue {
  switch (fact.type) {
    case 'boolean':
      return random() < 0.75;
    case 'enum':
      return random() < 0.8 ? fact.values[0]!.value : pick(random, fact.values).value;
    case 'string':
      return area.province;
    case 'integer':
    case 'number': {
      const precision = fact.type === 'number' ? fact.precision : 0;
      const step = 10 ** -precision;
      const low = Math.max(fact.min ?? -Infinity, Math.min(...ts, 0) - 10);
      const high = Math.min(fact.max ?? Infinity, Math.max(...ts, 10) + 10);
      let value = random() < 0.45 && ts.length > 0 ? pick(random, ts) + pick(random, [-step, 0, step, 2 * step, -2 * step]) : low + random() * (high - low);
      value = Math.min(high, Math.max(low, value));
      return Number(value.toFixed(precision));
    }
  }
}

/** The seed of the editor's sample: fixed, so the same revision always gives the same rows. */
export const SAMPLE_SEED = 2567_0;

/** The national sample for one rubric as the editor shows it: 878 made-up district rows. */
export function nationalSampleRows(rubric: Rubric): Record<string, FactValue>[] {
  return sampleRows(rubric, districts(), SAMPLE_SEED, []);
}

/**
 * The sample two versions are compared on: the baseline's rows (so a draft's edit never changes the
 * rows, only their results), with the values of facts only the draft declares taken from the
 * draft's own sample, so a new fact is not counted as missing data.
 */
export function comparisonSampleRows(baseline: Rubric, draft: Rubric): Record<string, FactValue>[] {
  const rows = nationalSampleRows(baseline);
  const added = Object.keys(draft.facts ?? {}).filter((id) => !(id in (baseline.facts ?? {})));
  if (added.length === 0) return rows;
  const theirs = nationalSampleRows(draft);
  return rows.map((row, i) => ({ ...row, ...Object.fromEntries(added.map((id) => [id, theirs[i]![id] ?? null])) }));
}
