// fast-check arbitraries for generated rubrics and the rows graded with them.
//
// A rubric is generated as a plan of small abstract choices (counts, indexes, fractions) and then
// resolved by `buildRubric` into a rubric object: every reference is an index taken modulo what
// exists, so every plan gives a rubric that passes validation, and shrinking a plan (fewer facts,
// fewer bands, a leaf instead of a tree) still gives one.
import fc from 'fast-check';
import rubricSchema from '../../schemas/rubric.schema.json' with { type: 'json' };
import { conditionLeaves } from '../../engine/conditions.js';
import { thresholdsOf } from '../../engine/sample-rows.js';
import type {
  Band,
  Comparator,
  Condition,
  Criterion,
  Derived,
  Exemption,
  Fact,
  Grade,
  Level,
  Operator,
  Rubric,
  Score,
} from '../../engine/types.js';

/** True when the schema lets a text fact be read against the province catalogue (`catalog: province`). */
export const PROVINCE_CATALOG: boolean = Boolean(
  (rubricSchema as unknown as { definitions: Record<string, { properties?: Record<string, unknown> }> }).definitions.stringFact?.properties?.['catalog'],
);

// ---------------------------------------------------------------------------------------------
// Plans

/** The grade rules generated: `score` and `value` are both `bands` (over the score, over a fact or derived value). */
export type GradeKind = 'worst' | 'score' | 'value' | 'ladder' | 'truthTable';
export const GRADE_KINDS: readonly GradeKind[] = ['worst', 'score', 'value', 'ladder', 'truthTable'];

interface NumericFactPlan {
  integer: boolean;
  precision: number;
  min: number | null;
  span: number | null;
}

interface RatioPlan {
  numerator: number;
  denominator: number;
  multiplier: number | null;
  precision: number;
}

interface LeafPlan {
  pick: number;
  preferDerived: boolean;
  op: number;
  frac: number;
  fine: boolean;
  list: number[];
  bool: boolean;
  n: number;
}

type TreePlan =
  | { kind: 'leaf'; leaf: LeafPlan }
  | { kind: 'all'; children: TreePlan[] }
  | { kind: 'any'; children: TreePlan[] }
  | { kind: 'not'; child: TreePlan }
  | { kind: 'ref'; n: number; fallback: LeafPlan };

interface BandItemPlan {
  op: number;
  a: number;
  b: number;
  out: number;
}

interface BandsPlan {
  style: 'desc' | 'between' | 'random';
  /** desc: the upper comparator is `>=` (else `>`); the lower `<` (else `<=`). */
  inclusiveUpper: boolean;
  inclusiveLower: boolean;
  /** between: the gap between ranges, in steps of the value's precision (0 overlaps, 1 meets, 100 leaves holes). */
  gap: number;
  fine: boolean;
  items: BandItemPlan[];
}

interface CriterionPlan {
  input: number;
  preferDerived: boolean;
  bands: BandsPlan;
}

interface ExemptionPlan {
  /** A direct comparison of a derived value (countTrue >= 2, ratio < t, ...), else a general condition. */
  onDerived: boolean;
  derivedLeaf: { pick: number; op: number; frac: number };
  when: TreePlan;
  targets: number[];
}

interface LadderRowPlan {
  level: number;
  when: TreePlan;
  score: number | null;
}

interface TruthTablePlan {
  columns: number[];
  exhaustive: boolean;
  rows: { level: number; values: number[] }[];
  drop: number[];
}

export interface RubricPlan {
  kind: GradeKind;
  numeric: NumericFactPlan[];
  booleans: number;
  enums: number[];
  /** Text facts: true for one read against the province catalogue. */
  strings: boolean[];
  ratios: RatioPlan[];
  counts: number[][];
  named: TreePlan[];
  criteria: CriterionPlan[];
  exemptions: ExemptionPlan[];
  score: { method: 'sum' | 'mean'; precision: number | null; whenNotApplicable: 'drop' | 'rescale' | null };
  gradeBands: BandsPlan;
  gradeInput: { pick: number; preferDerived: boolean };
  ladder: { rows: LadderRowPlan[]; floor: number | null };
  truthTable: TruthTablePlan;
  /** Now and then, one id spelled like a member of Object.prototype (valid by the schema). */
  prototypeId: { target: 'fact' | 'condition' | 'criterion'; name: string } | null;
}

export interface RubricOptions {
  /** Generate exemptions whose condition names a derived value (default true). */
  exemptionsOnDerived?: boolean;
  /** Generate ids such as `toLocaleString` that the schema allows and Object.prototype also has (default true). */
  prototypeIds?: boolean;
}

/** Ids the schema's id pattern allows that plain objects inherit from Object.prototype. */
export const PROTOTYPE_IDS = ['toLocaleString', 'isPrototypeOf', 'propertyIsEnumerable'];

// A fraction of a value's span, per mille; a little outside [0, 1000] reaches past the ends.
const frac = fc.oneof(fc.integer({ min: 0, max: 1000 }), fc.constantFrom(0, 500, 1000), fc.integer({ min: -100, max: 1100 }));

const leafPlan: fc.Arbitrary<LeafPlan> = fc.record({
  pick: fc.nat(40),
  preferDerived: fc.boolean(),
  op: fc.nat(7),
  frac,
  fine: fc.boolean(),
  list: fc.array(fc.integer({ min: -100, max: 1100 }), { minLength: 1, maxLength: 3 }),
  bool: fc.boolean(),
  n: fc.nat(20),
});

function treePlan(depth: number): fc.Arbitrary<TreePlan> {
  const leaf = leafPlan.map((l): TreePlan => ({ kind: 'leaf', leaf: l }));
  const ref = fc.record({ n: fc.nat(10), fallback: leafPlan }).map((r): TreePlan => ({ kind: 'ref', ...r }));
  if (depth <= 0) return fc.oneof({ arbitrary: leaf, weight: 4 }, { arbitrary: ref, weight: 1 });
  const sub = treePlan(depth - 1);
  return fc.oneof(
    { arbitrary: leaf, weight: 4 },
    { arbitrary: fc.array(sub, { minLength: 1, maxLength: 3 }).map((children): TreePlan => ({ kind: 'all', children })), weight: 2 },
    { arbitrary: fc.array(sub, { minLength: 1, maxLength: 3 }).map((children): TreePlan => ({ kind: 'any', children })), weight: 2 },
    { arbitrary: sub.map((child): TreePlan => ({ kind: 'not', child })), weight: 1 },
    { arbitrary: ref, weight: 2 },
  );
}

const bandsPlan: fc.Arbitrary<BandsPlan> = fc.record({
  style: fc.constantFrom('desc', 'between', 'random'),
  inclusiveUpper: fc.boolean(),
  inclusiveLower: fc.boolean(),
  gap: fc.constantFrom(1, 0, 100),
  fine: fc.boolean(),
  items: fc.array(fc.record({ op: fc.nat(5), a: frac, b: frac, out: fc.nat(9) }), { minLength: 1, maxLength: 5 }),
});

const numericFactPlan: fc.Arbitrary<NumericFactPlan> = fc.record({
  integer: fc.boolean(),
  precision: fc.integer({ min: 0, max: 3 }),
  min: fc.option(fc.constantFrom(0, -10, 1, -100), { freq: 2 }),
  span: fc.option(fc.constantFrom(100, 3, 10, 250, 1), { freq: 2 }),
});

/** The plan of one rubric. */
export function rubricPlan(): fc.Arbitrary<RubricPlan> {
  const condition = treePlan(2);
  return fc.record({
    kind: fc.constantFrom(...GRADE_KINDS),
    numeric: fc.array(numericFactPlan, { minLength: 1, maxLength: 4 }),
    booleans: fc.nat(5),
    enums: fc.array(fc.integer({ min: 2, max: 4 }), { maxLength: 2 }),
    strings: fc.array(fc.boolean(), { maxLength: 1 }),
    ratios: fc.array(
      fc.record({
        numerator: fc.nat(3),
        denominator: fc.nat(3),
        multiplier: fc.option(fc.constantFrom(100, 1, 1000, 0.5), { freq: 3 }),
        precision: fc.integer({ min: 0, max: 3 }),
      }),
      { maxLength: 2 },
    ),
    counts: fc.array(fc.array(fc.nat(4), { minLength: 1, maxLength: 5 }), { maxLength: 2 }),
    named: fc.array(condition, { maxLength: 3 }),
    criteria: fc.array(fc.record({ input: fc.nat(10), preferDerived: fc.boolean(), bands: bandsPlan }), { maxLength: 4 }),
    exemptions: fc.array(
      fc.record({
        onDerived: fc.boolean(),
        derivedLeaf: fc.record({ pick: fc.nat(3), op: fc.nat(7), frac }),
        when: condition,
        targets: fc.array(fc.nat(3), { minLength: 1, maxLength: 2 }),
      }),
      { maxLength: 2 },
    ),
    score: fc.record({
      method: fc.constantFrom('sum', 'mean'),
      precision: fc.option(fc.integer({ min: 0, max: 2 }), { freq: 4 }),
      whenNotApplicable: fc.option(fc.constantFrom('drop', 'rescale'), { freq: 4 }),
    }),
    gradeBands: bandsPlan,
    gradeInput: fc.record({ pick: fc.nat(10), preferDerived: fc.boolean() }),
    ladder: fc.record({
      rows: fc.array(fc.record({ level: fc.nat(3), when: condition, score: fc.option(fc.constantFrom(4, 3, 2, 1, 2.5), { freq: 3 }) }), {
        minLength: 1,
        maxLength: 4,
      }),
      floor: fc.option(fc.nat(3)),
    }),
    truthTable: fc.record({
      columns: fc.array(fc.nat(6), { minLength: 1, maxLength: 3 }),
      exhaustive: fc.boolean(),
      rows: fc.array(fc.record({ level: fc.nat(3), values: fc.array(fc.nat(5), { minLength: 3, maxLength: 3 }) }), {
        minLength: 1,
        maxLength: 6,
      }),
      drop: fc.array(fc.nat(15), { maxLength: 3 }),
    }),
    prototypeId: fc.option(
      // Not a derived value: checkRubric takes a derived toLocaleString for a duplicate of a fact (facts[id] is inherited).
      fc.record({ target: fc.constantFrom('fact', 'condition', 'criterion'), name: fc.constantFrom(...PROTOTYPE_IDS) }),
      { freq: 15 },
    ),
  });
}

// ---------------------------------------------------------------------------------------------
// Building a rubric from a plan

const LEVELS: readonly Level[] = ['A', 'B', 'C', 'D'];
const POINTS = [10, 9, 8, 7, 5, 3, 2.5, 1, 0, 0.5];
const NUMERIC_OPERATORS: readonly Operator[] = [
  'equal',
  'notEqual',
  'lessThan',
  'lessThanInclusive',
  'greaterThan',
  'greaterThanInclusive',
  'in',
  'notIn',
];
const OTHER_OPERATORS: readonly Operator[] = ['equal', 'notEqual', 'in', 'notIn'];
const DERIVED_OPERATORS: readonly Operator[] = ['greaterThanInclusive', 'lessThan', 'greaterThan', 'lessThanInclusive', 'equal', 'notEqual', 'in', 'notIn'];
const COMPARATORS: readonly Comparator[] = ['>', '>=', '<', '<=', '=', 'between'];
const ENUM_WORDS = ['gold', 'silver', 'bronze', 'none'];
/** Provinces conditions and rows name; the first ones are also listed by conditions. */
export const PROVINCES = ['นนทบุรี', 'ภูเก็ต', 'อ่างทอง', 'หนองคาย', 'ลำปาง', 'เชียงใหม่'];
/** Other spellings of those provinces, and names that are no province, for text read against the catalogue. */
const PROVINCE_SPELLINGS = ['จ.ภูเก็ต', 'จังหวัดภูเก็ต', 'Phuket', ' phuket ', 'TH-83', 'Nonthaburi', 'TH-12', 'Chiengmai', 'Lampang province', 'ภูเกต', 'Atlantis'];

const text = (en: string) => ({ th: en, en });

/** A numeric value a band or condition can compare, with the range thresholds are taken from. */
interface NumericValue {
  id: string;
  derived: boolean;
  precision: number;
  lo: number;
  hi: number;
}

interface Catalog {
  numeric: NumericValue[];
  booleans: string[];
  enums: { id: string; values: string[] }[];
  strings: string[];
  derived: NumericValue[];
}

function roundTo(value: number, precision: number): number {
  const factor = 10 ** precision;
  const r = Math.round(value * factor) / factor;
  return Object.is(r, -0) ? 0 : r;
}

function threshold(value: { precision: number; lo: number; hi: number }, perMille: number, fine = false): number {
  return roundTo(value.lo + ((value.hi - value.lo) * perMille) / 1000, Math.min(6, value.precision + (fine ? 1 : 0)));
}

function at<T>(list: readonly T[], index: number): T {
  return list[index % list.length]!;
}

/** Resolves a plan into a rubric object (plain data, as the YAML would hold it). */
export function buildRubric(plan: RubricPlan, options: RubricOptions = {}): Rubric {
  const exemptionsOnDerived = options.exemptionsOnDerived ?? true;
  const proto = options.prototypeIds ?? true ? plan.prototypeId : null;
  const renamed = (target: 'fact' | 'condition' | 'criterion', index: number, id: string): string =>
    proto && proto.target === target && index === 0 ? proto.name : id;
  const facts: Record<string, Fact> = {};
  const catalog: Catalog = { numeric: [], booleans: [], enums: [], strings: [], derived: [] };

  plan.numeric.forEach((p, i) => {
    const id = renamed('fact', i, p.integer ? `count${i}` : `amount${i}`);
    const precision = p.integer ? 0 : p.precision;
    const fact: Fact = p.integer
      ? { type: 'integer', label: text(`integer ${i}`) }
      : { type: 'number', label: text(`number ${i}`), precision };
    if (p.min !== null) fact.min = p.min;
    if (p.min !== null && p.span !== null) fact.max = p.min + p.span;
    else if (p.span !== null && p.min === null) fact.max = p.span;
    facts[id] = fact;
    const lo = fact.min ?? -10;
    const hi = fact.max ?? Math.max(lo + 10, 120);
    catalog.numeric.push({ id, derived: false, precision, lo, hi });
  });
  const needsBoolean = (plan.counts.length > 0 || plan.kind === 'truthTable') && plan.booleans === 0 && plan.enums.length === 0;
  const booleanCount = needsBoolean ? 1 : plan.booleans;
  for (let i = 0; i < booleanCount; i++) {
    const id = `flag${i}`;
    facts[id] = { type: 'boolean', label: text(`flag ${i}`) };
    catalog.booleans.push(id);
  }
  plan.enums.forEach((size, i) => {
    const id = `tier${i}`;
    const values = ENUM_WORDS.slice(0, size);
    facts[id] = { type: 'enum', label: text(`tier ${i}`), values: values.map((v) => ({ value: v, label: text(v) })) };
    catalog.enums.push({ id, values });
  });
  plan.strings.forEach((catalogued, i) => {
    const id = `province${i}`;
    facts[id] = { type: 'string', label: text(`province ${i}`) };
    if (catalogued && PROVINCE_CATALOG) (facts[id] as unknown as Record<string, unknown>)['catalog'] = 'province';
    catalog.strings.push(id);
  });

  const derived: Record<string, Derived> = {};
  const numericFacts = catalog.numeric.slice();
  plan.ratios.forEach((r, i) => {
    const id = `ratio${i}`;
    const spec: Derived = {
      type: 'ratio',
      label: text(`ratio ${i}`),
      numerator: at(numericFacts, r.numerator).id,
      denominator: at(numericFacts, r.denominator).id,
      precision: r.precision,
    };
    if (r.multiplier !== null) spec.multiplier = r.multiplier;
    derived[id] = spec;
    const value = { id, derived: true, precision: r.precision, lo: 0, hi: 1.5 * (r.multiplier ?? 1) };
    catalog.numeric.push(value);
    catalog.derived.push(value);
  });
  if (catalog.booleans.length > 0) {
    plan.counts.forEach((picks, i) => {
      const id = `tally${i}`;
      const counted = [...new Set(picks.map((p) => at(catalog.booleans, p)))];
      derived[id] = { type: 'countTrue', label: text(`tally ${i}`), facts: counted };
      const value = { id, derived: true, precision: 0, lo: 0, hi: counted.length };
      catalog.numeric.push(value);
      catalog.derived.push(value);
    });
  }

  const pickNumeric = (pick: number, preferDerived: boolean): NumericValue =>
    preferDerived && catalog.derived.length > 0 ? at(catalog.derived, pick) : at(catalog.numeric, pick);

  // Criteria: levels for a worst grade, points otherwise (then a score combines them).
  const wantsLevels = plan.kind === 'worst';
  let criteriaPlans = plan.criteria;
  if ((plan.kind === 'worst' || plan.kind === 'score') && criteriaPlans.length === 0) {
    criteriaPlans = [{ input: 0, preferDerived: false, bands: { style: 'desc', inclusiveUpper: true, inclusiveLower: false, gap: 1, fine: false, items: [{ op: 1, a: 500, b: 0, out: 0 }] } }];
  }
  const criteria: Criterion[] = criteriaPlans.map((c, i) => {
    const input = pickNumeric(c.input, c.preferDerived);
    return { id: renamed('criterion', i, `item${i}`), label: text(`item ${i}`), input: input.id, bands: buildBands(c.bands, input, wantsLevels ? 'level' : 'points') };
  });

  const rubric: Rubric = {
    mission: 'generated',
    period: '2567-Q3',
    revision: 1,
    status: 'draft',
    name: text('generated rubric'),
    reporting: { channel: text('generated'), rounds: [] },
    source: {},
    facts,
  };
  if (Object.keys(derived).length > 0) rubric.derived = derived;

  // Named conditions: each may refer only to the ones before it, so there is no cycle.
  const named: Record<string, Condition> = {};
  plan.named.forEach((tree, i) => {
    named[renamed('condition', i, `rule${i}`)] = buildCondition(tree, catalog, Object.keys(named));
  });
  const names = Object.keys(named);
  if (names.length > 0) rubric.conditions = named;
  if (criteria.length > 0) rubric.criteria = criteria;

  if (criteria.length > 0) {
    const exemptions: Exemption[] = [];
    plan.exemptions.forEach((e, i) => {
      let when: Condition;
      if (e.onDerived && exemptionsOnDerived && catalog.derived.length > 0) {
        const value = at(catalog.derived, e.derivedLeaf.pick);
        const operator = at(DERIVED_OPERATORS, e.derivedLeaf.op);
        const t = threshold(value, e.derivedLeaf.frac);
        when = {
          fact: value.id,
          operator,
          value: operator === 'in' || operator === 'notIn' ? [t, threshold(value, 1000 - e.derivedLeaf.frac)] : t,
        };
      } else {
        when = buildCondition(e.when, catalog, names, exemptionsOnDerived ? undefined : new Set(catalog.derived.map((d) => d.id)));
      }
      const notApplicable = [...new Set(e.targets.map((t) => at(criteria, t).id))];
      exemptions.push({ id: `exempt${i}`, label: text(`exemption ${i}`), when, notApplicable });
    });
    if (exemptions.length > 0) rubric.exemptions = exemptions;
  }

  const score: Score = { method: plan.score.method, label: text('score') };
  if (plan.score.precision !== null) score.precision = plan.score.precision;
  if (plan.score.whenNotApplicable !== null) score.whenNotApplicable = plan.score.whenNotApplicable;
  if (plan.kind !== 'worst' && criteria.length > 0) rubric.score = score;

  let grade: Grade;
  switch (plan.kind) {
    case 'worst':
      grade = { type: 'worst' };
      break;
    case 'score': {
      const maxima = criteria.map((c) => Math.max(0, ...c.bands.map((b) => b.points ?? 0)));
      const hi = score.method === 'sum' ? maxima.reduce((a, b) => a + b, 0) : Math.max(0, ...maxima);
      const value: NumericValue = { id: 'score', derived: false, precision: score.precision ?? 2, lo: 0, hi: Math.max(hi, 1) };
      grade = { type: 'bands', input: 'score', bands: buildBands(plan.gradeBands, value, 'level') };
      break;
    }
    case 'value': {
      const value = pickNumeric(plan.gradeInput.pick, plan.gradeInput.preferDerived);
      grade = { type: 'bands', input: value.id, bands: buildBands(plan.gradeBands, value, 'level') };
      break;
    }
    case 'ladder': {
      const ladder: Grade = {
        type: 'ladder',
        rows: plan.ladder.rows.map((r) => {
          const row: { level: Level; when: Condition; score?: number } = { level: at(LEVELS, r.level), when: buildCondition(r.when, catalog, names) };
          if (r.score !== null) row.score = r.score;
          return row;
        }),
      };
      if (plan.ladder.floor !== null) ladder.floor = at(LEVELS, plan.ladder.floor);
      grade = ladder;
      break;
    }
    case 'truthTable':
      grade = buildTruthTable(plan.truthTable, catalog);
      break;
  }
  rubric.grade = grade;
  return rubric;
}

function buildBands(plan: BandsPlan, value: { precision: number; lo: number; hi: number }, target: 'level' | 'points'): Band[] {
  const out = (k: number): Pick<Band, 'level' | 'points'> => (target === 'level' ? { level: at(LEVELS, k) } : { points: at(POINTS, k) });
  const step = 10 ** -value.precision;
  if (plan.style === 'random') {
    return plan.items.map((item) => {
      const op = at(COMPARATORS, item.op);
      const a = threshold(value, item.a, plan.fine);
      if (op !== 'between') return { ...out(item.out), op, value: a };
      const b = threshold(value, item.b, plan.fine);
      return { ...out(item.out), op, value: [Math.min(a, b), Math.max(a, b)] };
    });
  }
  const ts = [...new Set(plan.items.map((i) => threshold(value, i.a, plan.fine)))].sort((x, y) => y - x);
  const bands: Band[] = [];
  if (plan.style === 'desc') {
    ts.forEach((t, i) => bands.push({ ...out(i), op: plan.inclusiveUpper ? '>=' : '>', value: t }));
    bands.push({ ...out(ts.length), op: plan.inclusiveLower ? '<=' : '<', value: ts[ts.length - 1]! });
    return bands;
  }
  // between: ">= top", then closed ranges down to the next threshold (with a gap, none, or a hole), then "< bottom".
  bands.push({ ...out(0), op: '>=', value: ts[0]! });
  for (let i = 1; i < ts.length; i++) {
    const high = roundTo(ts[i - 1]! - plan.gap * step, Math.min(6, value.precision + (plan.fine ? 1 : 0)));
    const low = ts[i]!;
    bands.push({ ...out(i), op: 'between', value: [Math.min(low, high), Math.max(low, high)] });
  }
  bands.push({ ...out(ts.length), op: plan.inclusiveLower ? '<=' : '<', value: ts[ts.length - 1]! });
  return bands;
}

/** Resolves a condition plan; `avoid` lists values a leaf must not name (it then names another). */
function buildCondition(plan: TreePlan, catalog: Catalog, names: string[], avoid?: Set<string>): Condition {
  switch (plan.kind) {
    case 'leaf':
      return buildLeaf(plan.leaf, catalog, avoid);
    case 'all':
      return { all: plan.children.map((c) => buildCondition(c, catalog, names, avoid)) };
    case 'any':
      return { any: plan.children.map((c) => buildCondition(c, catalog, names, avoid)) };
    case 'not':
      return { not: buildCondition(plan.child, catalog, names, avoid) };
    case 'ref':
      // Without derived values in exemptions, a named condition (which may name one) is not used either.
      if (names.length === 0 || avoid) return buildLeaf(plan.fallback, catalog, avoid);
      return { condition: at(names, plan.n) };
  }
}

type Candidate =
  | { type: 'numeric'; value: NumericValue }
  | { type: 'boolean'; id: string }
  | { type: 'enum'; id: string; values: string[] }
  | { type: 'string'; id: string };

function buildLeaf(leaf: LeafPlan, catalog: Catalog, avoid?: Set<string>): Condition {
  const derived: Candidate[] = catalog.derived.map((value) => ({ type: 'numeric', value }));
  let all: Candidate[] = [
    ...catalog.numeric.map((value): Candidate => ({ type: 'numeric', value })),
    ...catalog.booleans.map((id): Candidate => ({ type: 'boolean', id })),
    ...catalog.enums.map((e): Candidate => ({ type: 'enum', id: e.id, values: e.values })),
    ...catalog.strings.map((id): Candidate => ({ type: 'string', id })),
  ];
  if (avoid) all = all.filter((c) => c.type !== 'numeric' || !avoid.has(c.value.id));
  const pool = leaf.preferDerived && derived.length > 0 && !avoid ? derived : all;
  const chosen = at(pool, leaf.pick);
  switch (chosen.type) {
    case 'numeric': {
      const operator = at(NUMERIC_OPERATORS, leaf.op);
      const value = chosen.value;
      if (operator === 'in' || operator === 'notIn') return { fact: value.id, operator, value: leaf.list.map((f) => threshold(value, f, leaf.fine)) };
      return { fact: value.id, operator, value: threshold(value, leaf.frac, leaf.fine) };
    }
    case 'boolean': {
      const operator = at(OTHER_OPERATORS, leaf.op);
      if (operator === 'in' || operator === 'notIn') return { fact: chosen.id, operator, value: leaf.list.map((n) => Math.abs(n) % 2 === 0) };
      return { fact: chosen.id, operator, value: leaf.bool };
    }
    case 'enum': {
      const operator = at(OTHER_OPERATORS, leaf.op);
      if (operator === 'in' || operator === 'notIn') return { fact: chosen.id, operator, value: leaf.list.map((n) => at(chosen.values, Math.abs(n))) };
      return { fact: chosen.id, operator, value: at(chosen.values, leaf.n) };
    }
    case 'string': {
      const operator = at(OTHER_OPERATORS, leaf.op);
      if (operator === 'in' || operator === 'notIn') return { fact: chosen.id, operator, value: leaf.list.map((n) => at(PROVINCES.slice(0, 4), Math.abs(n))) };
      return { fact: chosen.id, operator, value: at(PROVINCES, leaf.n) };
    }
  }
}

function buildTruthTable(plan: TruthTablePlan, catalog: Catalog): Grade {
  const candidates: { id: string; domain: (boolean | string)[] }[] = [
    ...catalog.booleans.map((id) => ({ id, domain: [true, false] as (boolean | string)[] })),
    ...catalog.enums.map((e) => ({ id: e.id, domain: e.values as (boolean | string)[] })),
  ];
  const columns = [...new Map(plan.columns.map((c) => at(candidates, c)).map((c) => [c.id, c])).values()];
  let rows: { level: Level; values: (boolean | string)[] }[];
  if (plan.exhaustive) {
    // Every combination (at most 16 kept), levels from the plan's rows, some rows dropped.
    let combos: (boolean | string)[][] = [[]];
    for (const column of columns) combos = combos.flatMap((combo) => column.domain.map((v) => [...combo, v]));
    combos = combos.slice(0, 16);
    const dropped = new Set(plan.drop.map((d) => d % combos.length));
    const all = combos.map((values, i) => ({ level: at(LEVELS, at(plan.rows, i).level + i), values }));
    rows = all.filter((_, i) => !dropped.has(i));
    if (rows.length === 0) rows = all.slice(0, 1);
  } else {
    rows = plan.rows.map((r) => ({ level: at(LEVELS, r.level), values: columns.map((c, k) => at(c.domain, r.values[k] ?? 0)) }));
  }
  return { type: 'truthTable', columns: columns.map((c) => c.id), rows };
}

// ---------------------------------------------------------------------------------------------
// Rows

/** A key the row leaves out. */
const ABSENT = Symbol('absent');
type Cell = unknown;

/** Values on, just below and just above a threshold at a precision, and half a step either side. */
function around(t: number, precision: number, integer: boolean): number[] {
  if (integer) return [Math.floor(t) - 1, Math.floor(t), Math.ceil(t), Math.ceil(t) + 1];
  const step = 10 ** -precision;
  return [t - step, t, t + step, t - step / 2, t + step / 2, t - step * 0.49, t + step * 0.51, t + step / 20];
}

/** Values that are missing, of the wrong type or out of range for a fact. */
function brokenValues(fact: Fact): Cell[] {
  const missing: Cell[] = [ABSENT, null, ''];
  const outside = (step: number): Cell[] =>
    fact.type === 'integer' || fact.type === 'number'
      ? [...(fact.min !== undefined ? [fact.min - step, fact.min - step / 2] : []), ...(fact.max !== undefined ? [fact.max + step, fact.max + step / 2] : [])]
      : [];
  switch (fact.type) {
    case 'boolean':
      return [...missing, 'abc', 'true', 1, 0];
    case 'integer':
      return [...missing, 'abc', true, 1.5, '12', Number.NaN, Number.POSITIVE_INFINITY, ...outside(1)];
    case 'number':
      return [...missing, 'abc', true, '12', Number.NaN, ...outside(10 ** -fact.precision)];
    case 'enum':
      return [...missing, 'abc', 'GOLD', 1, true];
    case 'string':
      return [...missing, 5, true, '   ', '\u200b'];
  }
}

/**
 * An arbitrary row for a rubric: mostly well-typed values on and around every threshold; some
 * rows carry missing or ill-typed values; ratios get numerator and denominator chosen together
 * around their thresholds, and sometimes a zero denominator.
 */
export function rowArbitrary(rubric: Rubric): fc.Arbitrary<Record<string, unknown>> {
  const thresholds = thresholdsOf(rubric);
  const facts = Object.entries(rubric.facts ?? {});
  const cells = facts.map(([id, fact]) => {
    let good: fc.Arbitrary<Cell>;
    switch (fact.type) {
      case 'boolean':
        good = fc.boolean();
        break;
      case 'enum':
        good = fc.constantFrom(...fact.values.map((v) => v.value));
        break;
      case 'string':
        good = (fact as { catalog?: string }).catalog === 'province'
          ? fc.oneof(fc.constantFrom(...PROVINCES), fc.constantFrom(...PROVINCE_SPELLINGS))
          : fc.oneof(fc.constantFrom(...PROVINCES), fc.constantFrom(...PROVINCES).map((p) => ` ${p} `), fc.constant('ขอนแก่น'), fc.constant('Phuket'));
        break;
      case 'integer':
      case 'number': {
        const integer = fact.type === 'integer';
        const precision = fact.type === 'number' ? fact.precision : 0;
        const lo = fact.min ?? -10;
        const hi = fact.max ?? Math.max(lo + 10, 120);
        const marks = [...(thresholds.get(id) ?? []), ...(fact.min !== undefined ? [fact.min] : []), ...(fact.max !== undefined ? [fact.max] : []), 0];
        // In range only: values past min or max are among the broken ones.
        const inRange = (v: number): boolean => (fact.min === undefined || v >= fact.min) && (fact.max === undefined || v <= fact.max);
        const near = [...new Set(marks.flatMap((t) => around(t, precision, integer)))].filter(inRange);
        if (near.length === 0) near.push(lo);
        const scale = 10 ** (precision + 1);
        const spread = integer ? fc.integer({ min: Math.ceil(lo), max: Math.floor(hi) }) : fc.integer({ min: Math.ceil(lo * scale), max: Math.floor(hi * scale) }).map((n) => n / scale);
        good = fc.oneof({ arbitrary: fc.constantFrom(...near), weight: 3 }, { arbitrary: spread, weight: 1 });
        break;
      }
    }
    return fc.tuple(good, fc.option(fc.constantFrom(...brokenValues(fact)), { freq: 10 }));
  });

  const ratios = Object.entries(rubric.derived ?? {}).flatMap(([id, d]) => (d.type === 'ratio' ? [{ id, d }] : []));
  const ratioChoices = ratios.map(({ id, d }) => {
    const ts = thresholds.get(id) ?? [0.5 * (d.multiplier ?? 1)];
    return fc.record({
      mode: fc.constantFrom('near', 'near', 'near', 'near', 'near', 'zero', 'free', 'free'),
      t: fc.constantFrom(...ts),
      denominator: fc.nat(4),
      offset: fc.integer({ min: -2, max: 2 }),
      tiny: fc.boolean(),
    });
  });

  return fc
    .record({
      clean: fc.nat(3),
      cells: fc.tuple(...cells),
      ratios: fc.tuple(...ratioChoices),
      extra: fc.boolean(),
    })
    .map(({ clean, cells: values, ratios: choices, extra }) => {
      const row: Record<string, unknown> = {};
      if (extra) {
        // A row may carry keys the rubric does not read as facts: an id, and derived values' names.
        row.id = 'u1';
        for (const id of Object.keys(rubric.derived ?? {})) row[id] = 1;
      }
      facts.forEach(([id], i) => {
        const [good, broken] = values[i] as [Cell, Cell | null];
        row[id] = clean > 0 || broken === null ? good : broken;
      });
      ratios.forEach(({ d }, i) => {
        const choice = choices[i] as { mode: string; t: number; denominator: number; offset: number; tiny: boolean };
        if (rubric.facts?.[d.denominator] === undefined) return;
        const multiplier = d.multiplier ?? 1;
        if (choice.mode === 'near') {
          // A denominator that keeps both operands in their facts' ranges, when one does.
          const options = [1, 3, 7, 10, 10 ** (d.precision + 2)];
          const fits = (id: string, v: number): boolean => {
            const fact = rubric.facts?.[id];
            return !fact || !('min' in fact) || ((fact.min === undefined || v >= fact.min) && (fact.max === undefined || v <= fact.max));
          };
          const pairs = options.map((q) => ({ q, n: d.numerator === d.denominator ? q : Math.max(0, Math.round((choice.t * q) / multiplier) + choice.offset) }));
          const ordered = [...pairs.slice(choice.denominator), ...pairs.slice(0, choice.denominator)];
          const pair = ordered.find((p) => fits(d.denominator, p.q) && fits(d.numerator, p.n)) ?? ordered[0]!;
          row[d.denominator] = pair.q;
          row[d.numerator] = pair.n;
        } else if (choice.mode === 'zero') {
          // A number fact of precision p reads 0.4 × 10^-p as 0: a zero denominator after rounding.
          const fact = rubric.facts?.[d.denominator];
          row[d.denominator] = choice.tiny && fact?.type === 'number' && fact.precision < 3 ? 0.4 * 10 ** -fact.precision : 0;
        }
      });
      for (const [key, value] of Object.entries(row)) if (value === ABSENT) delete row[key];
      return row;
    });
}

/** A generated rubric with the rows to grade with it, in order. */
export interface GeneratedCase {
  plan: RubricPlan;
  rubric: Rubric;
  rows: Record<string, unknown>[];
}

/** A rubric and 10–20 rows for it. */
export function caseArbitrary(options: RubricOptions = {}, rows: { minLength: number; maxLength: number } = { minLength: 10, maxLength: 20 }): fc.Arbitrary<GeneratedCase> {
  return rubricPlan().chain((plan) => {
    const rubric = buildRubric(plan, options);
    return fc.array(rowArbitrary(rubric), rows).map((list) => ({
      plan,
      rubric,
      rows: list,
      // fast-check prints this for a counterexample; the test's own message shows the rubric and rows.
      [fc.toStringMethod]: () => `a ${gradeKindOf(rubric)} rubric with ${list.length} rows (shown below)`,
    }));
  });
}

/** The kind of grade a rubric has, as the coverage counts it. */
export function gradeKindOf(rubric: Rubric): GradeKind {
  const grade = rubric.grade!;
  if (grade.type === 'bands') return grade.input === 'score' ? 'score' : 'value';
  return grade.type;
}

/** True when a condition names a derived value (directly or through named conditions). */
export function namesDerived(rubric: Rubric, condition: Condition): boolean {
  const derived = rubric.derived ?? {};
  return conditionLeaves(condition, rubric.conditions ?? {}).some((leaf) => Object.hasOwn(derived, leaf.fact));
}
