// The independent oracle: a rubric graded through json-rules-engine, with its own reading of facts,
// derived values, points and hole settling. It shares nothing with the compiled path but the
// rubric (and the words of the row problems), so that when the two agree, both are likely right.
import { Engine } from 'json-rules-engine';
import { valueCatalog, type ValueInfo } from './catalog.js';
import { buildModel, type Model, type RubricRef } from './model.js';
import { own } from './own.js';
import { NOT_APPLICABLE, readKnown, scoreOf } from './reference-reading.js';
import { bandEngine, domainOf, fired, first, leafFacts, neighbours, NO_BAND, topLevel, type Known } from './reference-rules.js';
import type { RowError } from './row-problems.js';
import { SCORE_INPUT, type Band, type Condition, type Level } from './types.js';
import type { ValidRubric } from './validate.js';
import type { Verdict } from './verdict.js';

/** A rubric graded through json-rules-engine: the reference the compiled path must agree with. */
export interface ReferenceRubric {
  model: Model;
  grade(row: Record<string, unknown>): Promise<Verdict>;
}

/** A way the grade rule came out. */
type Outcome = { level: Level | null; score: number | null; row: number; gap: boolean };

const GRADE_BANDS = -1;

/** A rubric's engines and what it says of its facts' uses, built once. */
interface Oracle {
  rubric: ValidRubric;
  catalog: Map<string, ValueInfo>;
  readsBands: boolean;
  exemptionEngine: Engine;
  criterionEngines: Engine[];
  gradeEngine: Engine;
  exemptionFacts: Set<string>;
  /** A fact's problem may be ignored only when every use of it is by a criterion that does not apply. */
  ignorable(fact: string, bands: number[]): boolean;
}

/**
 * Builds json-rules-engine engines for a validated rubric: one for exemptions, one per criterion
 * with a rule per band, and one for the grade rule. Each rule's event names the band or row it
 * stands for; the lowest index among the successes is the first match.
 */
export function createReferenceRubric(rubric: ValidRubric, ref: RubricRef): ReferenceRubric {
  const grade = rubric.grade;
  const newEngine = (): Engine => {
    const engine = new Engine([], { allowUndefinedFacts: true });
    for (const [name, condition] of Object.entries(rubric.conditions ?? {})) engine.setCondition(name, topLevel(condition));
    return engine;
  };
  const exemptionEngine = newEngine();
  (rubric.exemptions ?? []).forEach((e, index) =>
    exemptionEngine.addRule({ name: `exemption:${e.id}`, conditions: topLevel(e.when), event: { type: 'exemption', params: { index } } }),
  );
  const oracle: Oracle = {
    rubric,
    catalog: valueCatalog(rubric),
    readsBands: grade?.type === 'worst' || (grade?.type === 'bands' && grade.input === SCORE_INPUT),
    exemptionEngine,
    criterionEngines: (rubric.criteria ?? []).map((c) => bandEngine(newEngine(), c.input, c.bands)),
    gradeEngine: gradeEngineOf(rubric, newEngine()),
    ...factUses(rubric),
  };
  return { model: buildModel(rubric, ref), grade: (row) => gradeRow(oracle, row) };
}

/** The grade rule's engine: a rule per band or per row, each event carrying its index. */
function gradeEngineOf(rubric: ValidRubric, engine: Engine): Engine {
  const grade = rubric.grade;
  if (grade?.type === 'bands') bandEngine(engine, grade.input, grade.bands);
  else if (grade?.type === 'ladder' || grade?.type === 'truthTable') {
    grade.rows.forEach((row, index) =>
      engine.addRule({
        name: `row:${index}:${row.level}`,
        conditions:
          grade.type === 'ladder'
            ? topLevel((row as { when: Condition }).when)
            : { all: grade.columns.map((fact, k) => ({ fact, operator: 'equal', value: (row as { values: unknown[] }).values[k] })) },
        event: { type: 'row', params: { index } },
      }),
    );
  }
  return engine;
}

/** Which facts the exemptions rest on, and when a fact's problem may be ignored, through derived values. */
function factUses(rubric: ValidRubric): Pick<Oracle, 'exemptionFacts' | 'ignorable'> {
  const named = rubric.conditions ?? {};
  const criteria = rubric.criteria ?? [];
  const grade = rubric.grade;
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
  const ignorable = (fact: string, bands: number[]): boolean => {
    const users = usersOf(fact);
    return !usedOtherwise.has(fact) && users.length > 0 && users.every((i) => bands[i] === NOT_APPLICABLE);
  };
  return { exemptionFacts, ignorable };
}

/** The bands either side of a value's gap, as the engine grades the values there; null at an edge. */
async function closingsOf(oracle: Oracle, engine: Engine, input: string, bands: Band[], value: number, known: Known): Promise<number[] | null> {
  const info = oracle.catalog.get(input)!;
  const around = neighbours(bands, value, info.precision, domainOf(oracle.rubric, oracle.catalog, input));
  if (!around) return null;
  const below = first(await fired(engine, { ...known, [input]: around.below }));
  const above = first(await fired(engine, { ...known, [input]: around.above }));
  return below === above ? [below] : [below, above];
}

/** The ways the grade rule comes out for a row whose criteria have these bands. */
async function decide(oracle: Oracle, known: Known, bands: number[]): Promise<Outcome[]> {
  const { rubric, gradeEngine } = oracle;
  const grade = rubric.grade;
  switch (grade?.type) {
    case undefined:
      return [{ level: null, score: null, row: -1, gap: false }];
    case 'worst': {
      let level: Level | null = null;
      (rubric.criteria ?? []).forEach((c, i) => {
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
      const closings = await closingsOf(oracle, gradeEngine, grade.input, grade.bands, value, withValue);
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
}

/** Grades one row: read, exempt, find each criterion's band, then decide over every way of closing its holes. */
async function gradeRow(oracle: Oracle, row: Record<string, unknown>): Promise<Verdict> {
  const { rubric } = oracle;
  const criteria = rubric.criteria ?? [];
  const { known, errors } = readKnown(rubric, oracle.catalog, row);
  const bands: number[] = criteria.map(() => NO_BAND);
  const verdict = (status: Verdict['status'], applied: number[], rest: Partial<Verdict>): Verdict => ({
    status, grade: null, score: null, input: row, bands, row: -1, exemptions: applied, errors: null, settled: null, ...rest,
  });
  if (errors.some((e: RowError) => oracle.exemptionFacts.has(e.fact))) return verdict('error', [], { errors });
  const applied = (await fired(oracle.exemptionEngine, known)).sort((a, b) => a - b);
  for (const index of applied) for (const c of rubric.exemptions![index]!.notApplicable) bands[criteria.findIndex((x) => x.id === c)] = NOT_APPLICABLE;
  const left = errors.filter((e) => !oracle.ignorable(e.fact, bands));
  if (left.length > 0) return verdict('error', applied, { errors: left });

  const holes: number[] = [];
  for (let i = 0; i < criteria.length; i++) {
    if (bands[i] === NOT_APPLICABLE) continue;
    bands[i] = first(await fired(oracle.criterionEngines[i]!, known));
    if (bands[i] === NO_BAND) holes.push(i);
  }
  const outcomes = holes.length === 0 || !oracle.readsBands ? await decide(oracle, known, bands) : await closedOutcomes(oracle, known, bands, holes);
  if (!outcomes) return verdict('unmatched', applied, {});
  const levels = new Set(outcomes.map((o) => o.level));
  const scores = new Set(outcomes.map((o) => o.score));
  const rows = new Set(outcomes.map((o) => o.row));
  if (levels.size !== 1 || levels.has(null)) {
    return verdict('unmatched', applied, { score: holes.length === 0 && scores.size === 1 ? outcomes[0]!.score : null });
  }
  const gap = outcomes.some((o) => o.gap);
  return verdict('graded', applied, {
    grade: outcomes[0]!.level,
    score: scores.size === 1 ? outcomes[0]!.score : null,
    row: rows.size === 1 ? outcomes[0]!.row : -1,
    settled: holes.length > 0 || gap ? [...holes, ...(gap ? [GRADE_BANDS] : [])] : null,
  });
}

/** Tries every way of closing the holes (each band either side of each criterion's gap); null when one cannot be closed or there are too many. */
async function closedOutcomes(oracle: Oracle, known: Known, bands: number[], holes: number[]): Promise<Outcome[] | null> {
  const criteria = oracle.rubric.criteria ?? [];
  let ways: number[][] = [bands.slice()];
  for (const i of holes) {
    const c = criteria[i]!;
    const closings = await closingsOf(oracle, oracle.criterionEngines[i]!, c.input, c.bands, known[c.input] as number, known);
    if (!closings) return null;
    ways = ways.flatMap((way) => closings.map((band) => Object.assign(way.slice(), { [i]: band })));
  }
  if (ways.length > 1024) return null;
  const outcomes: Outcome[] = [];
  for (const way of ways) outcomes.push(...(await decide(oracle, known, way)));
  return outcomes;
}
