// The independent oracle: a rubric graded through json-rules-engine, with its own reading of facts,
// derived values, points and hole settling. It shares nothing with the compiled path but the
// rubric (and the words of the row problems), so that when the two agree, both are likely right.
import { own } from './own.js';
import { Engine, type RuleProperties, type TopLevelCondition } from 'json-rules-engine';
import { valueCatalog, type ValueInfo } from './catalog.js';
import { buildModel, type Model, type RubricRef } from './model.js';
import { resolveProvince } from './provinces.js';
import { roundHalfUp } from './round.js';
import {
  missingFact,
  notANumber,
  notAnInteger,
  outOfRange,
  unknownProvince,
  unknownValue,
  wrongType,
  zeroDenominator,
  type RowError,
} from './row-problems.js';
import { SCORE_INPUT, type Band, type Condition, type FactValue, type Level, type Rubric } from './types.js';
import type { ValidRubric } from './validate.js';
import type { Verdict } from './verdict.js';

/** A rubric graded through json-rules-engine: the reference the compiled path must agree with. */
export interface ReferenceRubric {
  model: Model;
  grade(row: Record<string, unknown>): Promise<Verdict>;
}

type JreCondition = TopLevelCondition | { fact: string; operator: string; value: unknown };
type Known = Record<string, FactValue>;
/** A way the grade rule came out. */
type Outcome = { level: Level | null; score: number | null; row: number; gap: boolean };

const NO_BAND = -1;
const NOT_APPLICABLE = -2;
const GRADE_BANDS = -1;

/**
 * Builds json-rules-engine engines for a validated rubric: one for exemptions, one per criterion
 * with a rule per band, and one for the grade rule. Each rule's event names the band or row it
 * stands for; the lowest index among the successes is the first match.
 */
export function createReferenceRubric(rubric: ValidRubric, ref: RubricRef): ReferenceRubric {
  const catalog = valueCatalog(rubric);
  const named = rubric.conditions ?? {};
  const newEngine = (): Engine => {
    const engine = new Engine([], { allowUndefinedFacts: true });
    for (const [name, condition] of Object.entries(named)) engine.setCondition(name, topLevel(condition));
    return engine;
  };
  const facts = Object.keys(rubric.facts ?? {});
  const criteria = rubric.criteria ?? [];
  const grade = rubric.grade;
  const readsBands = grade?.type === 'worst' || (grade?.type === 'bands' && grade.input === SCORE_INPUT);

  const exemptionEngine = newEngine();
  (rubric.exemptions ?? []).forEach((e, index) =>
    exemptionEngine.addRule({ name: `exemption:${e.id}`, conditions: topLevel(e.when), event: { type: 'exemption', params: { index } } }),
  );
  const criterionEngines = criteria.map((c) => bandEngine(newEngine(), c.input, c.bands));
  const gradeEngine = newEngine();
  if (grade?.type === 'bands') bandEngine(gradeEngine, grade.input, grade.bands);
  else if (grade?.type === 'ladder' || grade?.type === 'truthTable') {
    grade.rows.forEach((row, index) =>
      gradeEngine.addRule({
        name: `row:${index}:${row.level}`,
        conditions:
          grade.type === 'ladder'
            ? topLevel((row as { when: Condition }).when)
            : { all: grade.columns.map((fact, k) => ({ fact, operator: 'equal', value: (row as { values: unknown[] }).values[k] })) },
        event: { type: 'row', params: { index } },
      }),
    );
  }

  // Which facts each use of a value rests on, through derived values.
  const underlying = (id: string): string[] => {
    const d = own(rubric.derived, id);
    return !d ? [id] : d.type === 'ratio' ? [d.numerator, d.denominator] : d.facts;
  };
  const exemptionFacts = new Set((rubric.exemptions ?? []).flatMap((e) => leafFacts(e.when, named).flatMap(underlying)));
  const usedOtherwise = new Set<string>(exemptionFacts);
  if (grade?.type === 'bands' && grade.input !== SCORE_INPUT) underlying(grade.input).forEach((f) => usedOtherwise.add(f));
  if (grade?.type === 'ladder') grade.rows.forEach((r) => leafFacts(r.when, named).flatMap(underlying).forEach((f) => usedOtherwise.add(f)));
  if (grade?.type === 'truthTable') grade.columns.flatMap(underlying).forEach((f) => usedOtherwise.add(f));
  const usersOf = (fact: string): number[] => criteria.flatMap((c, i) => (underlying(c.input).includes(fact) ? [i] : []));
  /** A fact's problem may be ignored only when every use of it is by a criterion that does not apply. */
  const ignorable = (fact: string, bands: number[]): boolean => {
    const users = usersOf(fact);
    return !usedOtherwise.has(fact) && users.length > 0 && users.every((i) => bands[i] === NOT_APPLICABLE);
  };

  /** The band of each criterion (first rule to fire), or the bands either side of its gap. */
  const bandOf = async (criterion: number, known: Known): Promise<number> => first(await fired(criterionEngines[criterion]!, known));
  const closingsOf = async (engine: Engine, input: string, bands: Band[], value: number, known: Known): Promise<number[] | null> => {
    const info = catalog.get(input)!;
    const around = neighbours(bands, value, info.precision, domainOf(rubric, catalog, input));
    if (!around) return null;
    const below = first(await fired(engine, { ...known, [input]: around.below }));
    const above = first(await fired(engine, { ...known, [input]: around.above }));
    return below === above ? [below] : [below, above];
  };

  const decide = async (known: Known, bands: number[]): Promise<Outcome[]> => {
    switch (grade?.type) {
      case undefined:
        return [{ level: null, score: null, row: -1, gap: false }];
      case 'worst': {
        let level: Level | null = null;
        criteria.forEach((c, i) => {
          if (bands[i] === NOT_APPLICABLE) return;
          const l = c.bands[bands[i]!]!.level!;
          if (level === null || l > level) level = l;
        });
        return [{ level, score: null, row: -1, gap: false }];
      }
      case 'bands': {
        const value = grade.input === SCORE_INPUT ? scoreOf(rubric, bands) : (known[grade.input] as number | undefined);
        if (value === null || value === undefined) return [{ level: null, score: null, row: -1, gap: false }];
        const withValue = { ...known, [grade.input]: value };
        const index = first(await fired(gradeEngine, withValue));
        if (index !== NO_BAND) return [{ level: grade.bands[index]!.level!, score: value, row: index, gap: false }];
        const closings = await closingsOf(gradeEngine, grade.input, grade.bands, value, withValue);
        if (!closings) return [{ level: null, score: value, row: -1, gap: true }];
        return closings.map((c) => ({ level: grade.bands[c]!.level!, score: value, row: c, gap: true }));
      }
      case 'ladder': {
        const index = first(await fired(gradeEngine, known));
        if (index !== NO_BAND) return [{ level: grade.rows[index]!.level, score: grade.rows[index]!.score ?? null, row: index, gap: false }];
        return [{ level: grade.floor ?? null, score: null, row: -1, gap: false }];
      }
      case 'truthTable': {
        const index = first(await fired(gradeEngine, known));
        return [{ level: index === NO_BAND ? null : grade.rows[index]!.level, score: null, row: index, gap: false }];
      }
    }
  };

  return {
    model: buildModel(rubric, ref),
    async grade(row) {
      // A fresh record of values for every row: nothing of one row reaches the next.
      const known: Known = {};
      const errors: RowError[] = [];
      for (const id of facts) {
        const read = readValue(catalog.get(id)!, own(row, id));
        if ('error' in read) errors.push(read.error);
        else known[id] = read.value;
      }
      for (const [id, d] of Object.entries(rubric.derived ?? {})) {
        if (d.type !== 'ratio') continue;
        const n = known[d.numerator];
        const q = known[d.denominator];
        if (typeof n !== 'number' || typeof q !== 'number') continue;
        if (q === 0) errors.push(zeroDenominator(id, d.denominator));
        else known[id] = roundHalfUp((n * (d.multiplier ?? 1)) / q, d.precision);
      }
      for (const [id, d] of Object.entries(rubric.derived ?? {})) {
        if (d.type === 'countTrue' && d.facts.every((f) => typeof known[f] === 'boolean')) known[id] = d.facts.filter((f) => known[f] === true).length;
      }

      const bands: number[] = criteria.map(() => NO_BAND);
      const verdict = (status: Verdict['status'], rest: Partial<Verdict>): Verdict => ({
        status,
        grade: null,
        score: null,
        input: row,
        bands,
        row: -1,
        exemptions: applied,
        errors: null,
        settled: null,
        ...rest,
      });
      let applied: number[] = [];
      if (errors.some((e) => exemptionFacts.has(e.fact))) return verdict('error', { errors });
      applied = (await fired(exemptionEngine, known)).sort((a, b) => a - b);
      for (const index of applied) for (const c of rubric.exemptions![index]!.notApplicable) bands[criteria.findIndex((x) => x.id === c)] = NOT_APPLICABLE;
      const left = errors.filter((e) => !ignorable(e.fact, bands));
      if (left.length > 0) return verdict('error', { errors: left });

      const holes: number[] = [];
      for (let i = 0; i < criteria.length; i++) {
        if (bands[i] === NOT_APPLICABLE) continue;
        bands[i] = await bandOf(i, known);
        if (bands[i] === NO_BAND) holes.push(i);
      }
      let outcomes: Outcome[];
      if (holes.length === 0 || !readsBands) outcomes = await decide(known, bands);
      else {
        // Try every way of closing the holes: each band either side of each criterion's gap.
        let ways: number[][] = [bands.slice()];
        for (const i of holes) {
          const c = criteria[i]!;
          const closings = await closingsOf(criterionEngines[i]!, c.input, c.bands, known[c.input] as number, known);
          if (!closings) return verdict('unmatched', {});
          ways = ways.flatMap((way) => closings.map((band) => Object.assign(way.slice(), { [i]: band })));
        }
        if (ways.length > 1024) return verdict('unmatched', {});
        outcomes = [];
        for (const way of ways) outcomes.push(...(await decide(known, way)));
      }
      const levels = new Set(outcomes.map((o) => o.level));
      const scores = new Set(outcomes.map((o) => o.score));
      const rows = new Set(outcomes.map((o) => o.row));
      if (levels.size !== 1 || levels.has(null)) {
        return verdict('unmatched', { score: holes.length === 0 && scores.size === 1 ? outcomes[0]!.score : null });
      }
      const gap = outcomes.some((o) => o.gap);
      return verdict('graded', {
        grade: outcomes[0]!.level,
        score: scores.size === 1 ? outcomes[0]!.score : null,
        row: rows.size === 1 ? outcomes[0]!.row : -1,
        settled: holes.length > 0 || gap ? [...holes, ...(gap ? [GRADE_BANDS] : [])] : null,
      });
    },
  };
}

/** Reads one raw value for a fact as the data contract says, independently of the compiled readers. */
function readValue(info: ValueInfo, raw: unknown): { value: FactValue } | { error: RowError } {
  const text = typeof raw === 'string' ? raw.trim() : undefined;
  if (raw === undefined || raw === null || raw === '' || (info.type === 'string' && text === '')) return { error: missingFact(info) };
  switch (info.type) {
    case 'boolean':
      return typeof raw === 'boolean' ? { value: raw } : { error: wrongType(info, raw) };
    case 'enum':
      return typeof raw === 'string' && info.enumValues!.includes(raw) ? { value: raw } : { error: unknownValue(info, raw) };
    case 'string': {
      if (text === undefined) return { error: wrongType(info, raw) };
      if (info.catalog !== 'province') return { value: text };
      const found = resolveProvince(text);
      return 'province' in found ? { value: found.province.th } : { error: unknownProvince(info, text, found.suggestion?.th) };
    }
    case 'integer':
    case 'number': {
      if (typeof raw === 'string') return { error: notANumber(info, raw) };
      if (typeof raw !== 'number' || !Number.isFinite(raw)) return { error: wrongType(info, raw) };
      if (info.type === 'integer' && !Number.isInteger(raw)) return { error: notAnInteger(info, raw) };
      const value = info.type === 'number' ? roundHalfUp(raw, info.precision) : raw;
      if ((info.min !== undefined && value < info.min) || (info.max !== undefined && value > info.max)) return { error: outOfRange(info, raw) };
      return { value };
    }
  }
}

/** The combined score of the applicable criteria's points, or null when none applies. */
function scoreOf(rubric: Rubric, bands: number[]): number | null {
  const spec = rubric.score!;
  const criteria = rubric.criteria ?? [];
  const maxOf = (i: number): number => Math.max(0, ...criteria[i]!.bands.map((b) => b.points ?? 0));
  const applicable = criteria.map((_, i) => i).filter((i) => bands[i] !== NOT_APPLICABLE);
  if (applicable.length === 0) return null;
  const total = applicable.reduce((sum, i) => sum + criteria[i]!.bands[bands[i]!]!.points!, 0);
  let score = spec.method === 'mean' ? total / applicable.length : total;
  const full = criteria.reduce((sum, _, i) => sum + maxOf(i), 0);
  const part = applicable.reduce((sum, i) => sum + maxOf(i), 0);
  if (spec.method === 'sum' && spec.whenNotApplicable === 'rescale' && part > 0 && part !== full) score = (score * full) / part;
  return roundHalfUp(score, spec.precision ?? 2);
}

/** Steps a value can take, [lo, hi], by what the rubric declares of it. */
function domainOf(rubric: Rubric, catalog: Map<string, ValueInfo>, id: string): [number, number] {
  const info = catalog.get(id)!;
  const scale = 10 ** info.precision;
  const d = own(rubric.derived, id);
  if (info.origin === 'score') return [-Infinity, Infinity];
  if (d?.type === 'countTrue') return [0, d.facts.length];
  if (d?.type === 'ratio') return [[d.numerator, d.denominator].every((f) => (catalog.get(f)?.min ?? -1) >= 0) ? 0 : -Infinity, Infinity];
  return [info.min === undefined ? -Infinity : Math.ceil(info.min * scale - 1e-9), info.max === undefined ? Infinity : Math.floor(info.max * scale + 1e-9)];
}

/**
 * The nearest values below and above `value` (at the precision, inside the domain) that some band
 * claims; null when one side has none.
 */
function neighbours(bands: Band[], value: number, precision: number, [lo, hi]: [number, number]): { below: number; above: number } | null {
  const scale = 10 ** precision;
  const s = Math.round(value * scale);
  if (s < lo || s > hi) return null;
  const grid = (x: number): number => {
    const scaled = x * scale;
    return Math.abs(scaled - Math.round(scaled)) < 1e-7 * Math.max(1, Math.abs(scaled)) ? Math.round(scaled) : scaled;
  };
  let below = -Infinity;
  let above = Infinity;
  for (const band of bands) {
    const [from, to] = claims(band, grid);
    if (from > to) continue;
    if (to < s) below = Math.max(below, to);
    if (from > s) above = Math.min(above, from);
  }
  if (below < lo || above > hi || !Number.isFinite(below) || !Number.isFinite(above)) return null;
  return { below: below / scale, above: above / scale };
}

/** The steps a band claims, [from, to]. */
function claims(band: Band, grid: (x: number) => number): [number, number] {
  if (band.op === 'between') {
    const [a, b] = band.value as [number, number];
    return [Math.ceil(grid(a)), Math.floor(grid(b))];
  }
  const t = grid(band.value as number);
  const exact = Number.isInteger(t);
  switch (band.op) {
    case '>':
      return [exact ? t + 1 : Math.ceil(t), Infinity];
    case '>=':
      return [Math.ceil(t), Infinity];
    case '<':
      return [-Infinity, exact ? t - 1 : Math.floor(t)];
    case '<=':
      return [-Infinity, Math.floor(t)];
    case '=':
      return exact ? [t, t] : [1, 0];
  }
}

/** Adds a rule per band to an engine; each event carries the band's index. */
function bandEngine(engine: Engine, fact: string, bands: Band[]): Engine {
  bands.forEach((band, index) => engine.addRule(bandRule(`band:${index}`, fact, band, { index })));
  return engine;
}

async function fired(engine: Engine, known: Known): Promise<number[]> {
  const { events } = await engine.run(known);
  return events.map((e) => (e.params as { index: number }).index);
}

function first(indexes: number[]): number {
  return indexes.length === 0 ? NO_BAND : Math.min(...indexes);
}

function bandRule(name: string, fact: string, band: Band, params: Record<string, number>): RuleProperties {
  return { name, conditions: { all: bandConditions(fact, band) }, event: { type: 'band', params } };
}

/** A band as json-rules-engine conditions: the document's comparator becomes an operator. */
function bandConditions(fact: string, band: Band): { fact: string; operator: string; value: number }[] {
  if (band.op === 'between') {
    const [low, high] = band.value as [number, number];
    return [
      { fact, operator: 'greaterThanInclusive', value: low },
      { fact, operator: 'lessThanInclusive', value: high },
    ];
  }
  const value = band.value as number;
  const operator = { '>': 'greaterThan', '>=': 'greaterThanInclusive', '<': 'lessThan', '<=': 'lessThanInclusive', '=': 'equal' }[band.op];
  return [{ fact, operator, value }];
}

/** The facts a condition compares, following named conditions (each once). */
function leafFacts(condition: Condition, named: Record<string, Condition>, seen = new Set<string>()): string[] {
  if ('all' in condition) return condition.all.flatMap((c) => leafFacts(c, named, seen));
  if ('any' in condition) return condition.any.flatMap((c) => leafFacts(c, named, seen));
  if ('not' in condition) return leafFacts(condition.not, named, seen);
  if ('condition' in condition) {
    if (seen.has(condition.condition)) return [];
    seen.add(condition.condition);
    const target = own(named, condition.condition);
    return target ? leafFacts(target, named, seen) : [];
  }
  return [condition.fact];
}

/** json-rules-engine wants all/any/not/condition at the top of a rule: wrap a bare comparison. */
function topLevel(condition: Condition): TopLevelCondition {
  if ('fact' in condition) return { all: [condition as JreCondition] } as TopLevelCondition;
  return condition as TopLevelCondition;
}
