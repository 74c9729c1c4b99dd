// Conditions: comparing one value with an operator, and compiling a condition tree into a closure over value slots.
import { own } from './own.js';
import type { Condition, FactCondition, FactValue, Operator, Scalar } from './types.js';

/**
 * Compares a fact's value with a condition's value exactly as json-rules-engine's built-in
 * operators do: strict equality, numeric operators only on numbers, `in` on lists.
 */
export function compareLeaf(operator: Operator, actual: FactValue | undefined, expected: Scalar | Scalar[]): boolean {
  switch (operator) {
    case 'equal':
      return actual === expected;
    case 'notEqual':
      return actual !== expected;
    case 'lessThan':
      return typeof actual === 'number' && actual < (expected as number);
    case 'lessThanInclusive':
      return typeof actual === 'number' && actual <= (expected as number);
    case 'greaterThan':
      return typeof actual === 'number' && actual > (expected as number);
    case 'greaterThanInclusive':
      return typeof actual === 'number' && actual >= (expected as number);
    case 'in':
      return (expected as Scalar[]).includes(actual as Scalar);
    case 'notIn':
      return !(expected as Scalar[]).includes(actual as Scalar);
  }
}

/** A condition turned into a function of the row's values: text and booleans by slot, numbers unboxed. */
export type SlotCondition = (vals: readonly (boolean | string | null)[], nums: Float64Array) => boolean;

/** What compiling a condition needs to know about the rubric. */
export interface SlotContext {
  slotOf: ReadonlyMap<string, number>;
  named: Record<string, Condition>;
  isNumericSlot: readonly boolean[];
  cache: Map<string, SlotCondition>;
}

/**
 * Turns a condition tree into nested closures over value slots, resolving named conditions once.
 * Nothing from the file is evaluated as code: operators select among fixed comparisons.
 */
export function compileSlotCondition(condition: Condition, context: SlotContext): SlotCondition {
  if ('all' in condition) {
    const parts = condition.all.map((c) => compileSlotCondition(c, context));
    return (vals, nums) => {
      for (const part of parts) if (!part(vals, nums)) return false;
      return true;
    };
  }
  if ('any' in condition) {
    const parts = condition.any.map((c) => compileSlotCondition(c, context));
    return (vals, nums) => {
      for (const part of parts) if (part(vals, nums)) return true;
      return false;
    };
  }
  if ('not' in condition) {
    const inner = compileSlotCondition(condition.not, context);
    return (vals, nums) => !inner(vals, nums);
  }
  if ('condition' in condition) {
    const name = condition.condition;
    let compiled = context.cache.get(name);
    if (!compiled) {
      compiled = compileSlotCondition(context.named[name]!, context);
      context.cache.set(name, compiled);
    }
    return compiled;
  }
  const slot = context.slotOf.get(condition.fact)!;
  const { operator, value } = condition;
  if (context.isNumericSlot[slot]) return (_vals, nums) => compareLeaf(operator, nums[slot], value);
  return (vals) => compareLeaf(operator, vals[slot], value);
}

/**
 * Every comparison in a condition tree, following named conditions (each once): what the analysis,
 * the boundary sheet and the dependency checks walk.
 */
export function conditionLeaves(condition: Condition, named: Record<string, Condition>, seen = new Set<string>()): FactCondition[] {
  if ('all' in condition) return condition.all.flatMap((c) => conditionLeaves(c, named, seen));
  if ('any' in condition) return condition.any.flatMap((c) => conditionLeaves(c, named, seen));
  if ('not' in condition) return conditionLeaves(condition.not, named, seen);
  if ('condition' in condition) {
    if (seen.has(condition.condition)) return [];
    seen.add(condition.condition);
    const target = own(named, condition.condition);
    return target ? conditionLeaves(target, named, seen) : [];
  }
  return [condition];
}
