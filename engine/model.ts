// A validated rubric prepared once for grading: a slot for each value, bands ready to compare, and which facts each part reads.
import { own } from './own.js';
import { valueCatalog, type ValueInfo } from './catalog.js';
import { conditionLeaves } from './conditions.js';
import {
  SCORE_INPUT,
  type Band,
  type Comparator,
  type Condition,
  type Level,
  type Rubric,
  type Text,
} from './types.js';
import type { ValidRubric } from './validate.js';

/** Which rubric produced a result: every result names it. */
export interface RubricRef {
  mission: string;
  period: string;
  revision: number;
  /** sha256 of the rubric file's bytes, as `sha256:<hex>`. */
  digest: string;
}

/** Comparison codes, fixed at compile time so grading a row does no string matching. */
export const Op = { Gt: 0, Gte: 1, Lt: 2, Lte: 3, Eq: 4, Between: 5 } as const;
/** A comparison code. */
export type Op = (typeof Op)[keyof typeof Op];

const OP_OF: Record<Comparator, Op> = { '>': Op.Gt, '>=': Op.Gte, '<': Op.Lt, '<=': Op.Lte, '=': Op.Eq, between: Op.Between };

/** A band made ready for comparison. */
export interface BandModel {
  op: Op;
  low: number;
  high: number;
  level: Level | null;
  points: number | null;
  /** The threshold as the document writes it: `> 4`, `80.00 – 88.99`. */
  text: string;
}

/** A criterion made ready: where its value lives and its bands. */
export interface CriterionModel {
  id: string;
  label: Text;
  input: string;
  inputSlot: number;
  bands: BandModel[];
  precision: number;
  maxPoints: number;
}

/** How to read one fact from a row. */
export interface FactModel {
  id: string;
  slot: number;
  info: ValueInfo;
}

/** A derived value made ready. */
export type DerivedModel =
  | { kind: 'ratio'; id: string; slot: number; numerator: number; denominator: number; denominatorId: string; multiplier: number; precision: number }
  | { kind: 'countTrue'; id: string; slot: number; operands: number[] };

/** A rubric prepared once for grading: slots for values, ready bands, fact readers. */
export interface Model {
  rubric: ValidRubric;
  ref: RubricRef;
  /** Ids of the values by slot: facts first, then derived values. */
  slotIds: string[];
  slotOf: Map<string, number>;
  catalog: Map<string, ValueInfo>;
  facts: FactModel[];
  derived: DerivedModel[];
  criteria: CriterionModel[];
  /** Slots of the facts exemptions are decided on, through derived values: a problem with one stops the row. */
  exemptionFacts: Set<number>;
  /** For each fact slot, the criteria that use it, or null when something else uses it too. */
  factOwners: (number[] | null)[];
  /** For each exemption, the indexes of the criteria it makes not applicable. */
  exemptionTargets: number[][];
  hasCriteria: boolean;
  /** True when the grade rule reads the criteria's bands (worst of, or bands over the combined score). */
  readsBands: boolean;
}

/** The slots of the values: facts first, then derived values, each derived value reading its operands' slots. */
function valueSlots(rubric: ValidRubric, catalog: Map<string, ValueInfo>): Pick<Model, 'slotIds' | 'slotOf' | 'facts' | 'derived'> {
  const slotIds: string[] = [];
  const slotOf = new Map<string, number>();
  const facts: FactModel[] = [];
  for (const id of Object.keys(rubric.facts ?? {})) {
    const slot = slotIds.push(id) - 1;
    slotOf.set(id, slot);
    facts.push({ id, slot, info: catalog.get(id)! });
  }
  const derived: DerivedModel[] = [];
  for (const [id, spec] of Object.entries(rubric.derived ?? {})) {
    const slot = slotIds.push(id) - 1;
    slotOf.set(id, slot);
    derived.push(
      spec.type === 'ratio'
        ? {
            kind: 'ratio',
            id,
            slot,
            numerator: slotOf.get(spec.numerator)!,
            denominator: slotOf.get(spec.denominator)!,
            denominatorId: spec.denominator,
            multiplier: spec.multiplier ?? 1,
            precision: spec.precision,
          }
        : { kind: 'countTrue', id, slot, operands: spec.facts.map((f) => slotOf.get(f)!) },
    );
  }
  return { slotIds, slotOf, facts, derived };
}

/** Each criterion with its input's slot and its bands made ready. */
function criterionModels(rubric: ValidRubric, catalog: Map<string, ValueInfo>, slotOf: Map<string, number>): CriterionModel[] {
  return (rubric.criteria ?? []).map((c) => {
    const bands = c.bands.map(bandModel);
    return {
      id: c.id,
      label: c.label,
      input: c.input,
      inputSlot: slotOf.get(c.input)!,
      bands,
      precision: catalog.get(c.input)?.precision ?? 0,
      maxPoints: Math.max(0, ...bands.map((b) => b.points ?? 0)),
    };
  });
}

/**
 * Which facts each part of the rubric depends on, through derived values: for each fact the
 * criteria that alone use it (null when something else uses it too), and the facts exemptions
 * are decided on.
 */
function factUse(rubric: ValidRubric, facts: FactModel[], criteria: CriterionModel[], slotOf: Map<string, number>): Pick<Model, 'factOwners' | 'exemptionFacts'> {
  const dependsOn = (id: string): string[] => {
    const spec = own(rubric.derived, id);
    if (!spec) return [id];
    return spec.type === 'ratio' ? [spec.numerator, spec.denominator] : spec.facts;
  };
  const factOwners: (number[] | null)[] = facts.map(() => []);
  const claimOther = (id: string): void => {
    for (const f of dependsOn(id)) {
      const slot = slotOf.get(f);
      if (slot !== undefined && slot < facts.length) factOwners[slot] = null;
    }
  };
  criteria.forEach((c, index) => {
    for (const f of dependsOn(c.input)) factOwners[slotOf.get(f)!]?.push(index);
  });
  const exemptionFacts = new Set<number>();
  for (const exemption of rubric.exemptions ?? []) {
    for (const f of conditionFacts(exemption.when, rubric.conditions ?? {})) {
      claimOther(f);
      // An exemption on a derived value waits on the facts it is derived from.
      for (const underlying of dependsOn(f)) exemptionFacts.add(slotOf.get(underlying)!);
    }
  }
  const grade = rubric.grade;
  if (grade?.type === 'bands' && grade.input !== SCORE_INPUT) claimOther(grade.input);
  if (grade?.type === 'ladder') for (const row of grade.rows) for (const f of conditionFacts(row.when, rubric.conditions ?? {})) claimOther(f);
  if (grade?.type === 'truthTable') grade.columns.forEach(claimOther);
  // A fact nothing grades on is still required (never guess), so it counts as used elsewhere.
  factOwners.forEach((owners, slot) => {
    if (owners && owners.length === 0) factOwners[slot] = null;
  });
  return { factOwners, exemptionFacts };
}

/**
 * Prepares a rubric for grading: slots for its values, ready bands, who uses which fact. Pure.
 * It takes only a ValidRubric (what validateRubric returns), whose every name resolves: the
 * look-ups below rely on that and are not checked again.
 */
export function buildModel(rubric: ValidRubric, ref: RubricRef): Model {
  const catalog = valueCatalog(rubric);
  const slots = valueSlots(rubric, catalog);
  const criteria = criterionModels(rubric, catalog, slots.slotOf);
  const criterionIndex = new Map(criteria.map((c, i) => [c.id, i]));
  const exemptionTargets = (rubric.exemptions ?? []).map((e) => e.notApplicable.map((id) => criterionIndex.get(id)!));
  const grade = rubric.grade;
  return {
    rubric,
    ref,
    ...slots,
    catalog,
    criteria,
    ...factUse(rubric, slots.facts, criteria, slots.slotOf),
    exemptionTargets,
    hasCriteria: rubric.grade !== undefined,
    readsBands: grade?.type === 'worst' || (grade?.type === 'bands' && grade.input === SCORE_INPUT),
  };
}

/** Prepares one band: its comparison code, bounds and the text people read. */
export function bandModel(band: Band): BandModel {
  const op = OP_OF[band.op];
  const [low, high] = Array.isArray(band.value) ? band.value : [band.value, band.value];
  return { op, low, high, level: band.level ?? null, points: band.points ?? null, text: bandText(band) };
}

/** The threshold of a band as the document writes it. */
export function bandText(band: Band): string {
  if (Array.isArray(band.value)) return `${band.value[0]} – ${band.value[1]}`;
  return `${band.op} ${band.value}`;
}

/** True when a value falls in a band. */
export function inBand(band: BandModel, value: number): boolean {
  switch (band.op) {
    case Op.Gt:
      return value > band.low;
    case Op.Gte:
      return value >= band.low;
    case Op.Lt:
      return value < band.low;
    case Op.Lte:
      return value <= band.low;
    case Op.Eq:
      return value === band.low;
    case Op.Between:
      return value >= band.low && value <= band.high;
  }
}

/** The facts a condition reads, following named conditions. */
export function conditionFacts(condition: Condition, named: Record<string, Condition>): string[] {
  return conditionLeaves(condition, named).map((leaf) => leaf.fact);
}
