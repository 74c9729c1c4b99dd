// The values worth trying for conditions over facts: each side of every threshold, every boolean
// and enum value; and a compiled condition's slots, so a combination can be tested quickly.
import { compileSlotCondition, conditionLeaves, type SlotCondition } from '../conditions.js';
import { fromSteps, stepsPerUnit, valueDomain } from '../grid.js';
import type { Model } from '../model.js';
import type { Condition, FactValue } from '../types.js';

/** Every comparison value a condition makes with each value id. */
export function thresholdsIn(condition: Condition, named: Record<string, Condition>, out: Map<string, FactValue[]>): void {
  for (const leaf of conditionLeaves(condition, named)) {
    const values = Array.isArray(leaf.value) ? leaf.value : [leaf.value];
    out.set(leaf.fact, [...(out.get(leaf.fact) ?? []), ...values]);
  }
}

/** The values to try for one value id in a table of conditions: each side of every threshold. */
export function representatives(model: Model, id: string, thresholds: FactValue[]): FactValue[] {
  const info = model.catalog.get(id)!;
  switch (info.type) {
    case 'boolean':
      return [false, true];
    case 'enum':
      return [...(info.enumValues ?? [])];
    case 'string':
      return [...new Set(thresholds.filter((t): t is string => typeof t === 'string')), '(another value)'];
    default:
      return numericRepresentatives(model, id, thresholds);
  }
}

/** Steps either side of each numeric threshold, one beyond, and the domain's ends, within the domain. */
function numericRepresentatives(model: Model, id: string, thresholds: FactValue[]): number[] {
  const p = model.catalog.get(id)!.precision;
  const domain = valueDomain(model.rubric, model.catalog, id);
  const steps = new Set<number>();
  for (const t of thresholds) {
    if (typeof t !== 'number') continue;
    const s = t * stepsPerUnit(p);
    for (const c of [Math.floor(s) - 1, Math.floor(s), Math.ceil(s), Math.ceil(s) + 1]) steps.add(c);
  }
  if (steps.size === 0) steps.add(0);
  const lo = Math.min(...steps) - 1;
  const hi = Math.max(...steps) + 1;
  steps.add(lo).add(hi);
  if (Number.isFinite(domain.lo)) steps.add(domain.lo);
  if (Number.isFinite(domain.hi)) steps.add(domain.hi);
  return [...steps]
    .filter((s) => s >= domain.lo && s <= domain.hi)
    .sort((a, b) => a - b)
    .map((s) => fromSteps(s, p));
}

/** The value ids a list of conditions compares, with the values to try for each. */
export interface TrySpace {
  ids: string[];
  reps: FactValue[][];
}

/** The ids the conditions read (and any extra ids), each with its representatives. */
export function trySpace(model: Model, conditions: Condition[], extra: string[] = []): TrySpace {
  const named = model.rubric.conditions ?? {};
  const thresholds = new Map<string, FactValue[]>();
  conditions.forEach((c) => thresholdsIn(c, named, thresholds));
  for (const id of extra) thresholds.set(id, thresholds.get(id) ?? []);
  const ids = [...thresholds.keys()];
  return { ids, reps: ids.map((id) => representatives(model, id, thresholds.get(id)!)) };
}

/** How many combinations a space has. */
export function spaceSize(space: TrySpace): number {
  return space.reps.reduce((n, r) => n * r.length, 1);
}

/** The slot values a compiled condition reads, and a way to set one id of a space in them. */
export interface Slots {
  vals: (boolean | string | null)[];
  nums: Float64Array;
  set: (k: number, value: FactValue) => void;
}

/** Slots for the model, with `set` writing the k-th id of the space. */
export function slotsFor(model: Model, space: TrySpace, numbers: number): Slots {
  const slots = space.ids.map((id) => model.slotOf.get(id)!);
  const vals: (boolean | string | null)[] = new Array(model.slotIds.length).fill(null);
  const nums = new Float64Array(model.slotIds.length).fill(numbers);
  return {
    vals,
    nums,
    set: (k, value) => {
      if (typeof value === 'number') nums[slots[k]!] = value;
      else vals[slots[k]!] = value;
    },
  };
}

/** Compiles conditions over the model's slots. */
export function compileAll(model: Model, conditions: Condition[]): SlotCondition[] {
  const named = model.rubric.conditions ?? {};
  const isNumericSlot = model.slotIds.map((id) => ['number', 'integer'].includes(model.catalog.get(id)?.type ?? ''));
  const context = { slotOf: model.slotOf, named, isNumericSlot, cache: new Map<string, SlotCondition>() };
  return conditions.map((c) => compileSlotCondition(c, context));
}
