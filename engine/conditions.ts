import type { Condition, FactValue, Operator, Scalar } from './types.js';

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

/** A condition turned into a function of the row's values by slot. */
export type CompiledCondition = (values: readonly FactValue[]) => boolean;

/**
 * Turns a condition tree into nested closures over value slots, resolving named conditions once.
 * Nothing from the file is evaluated as code: operators select among fixed comparisons.
 */
export function compileCondition(
  condition: Condition,
  slotOf: ReadonlyMap<string, number>,
  named: Record<string, Condition>,
  cache: Map<string, CompiledCondition> = new Map(),
): CompiledCondition {
  if ('all' in condition) {
    const parts = condition.all.map((c) => compileCondition(c, slotOf, named, cache));
    return (values) => {
      for (const part of parts) if (!part(values)) return false;
      return true;
    };
  }
  if ('any' in condition) {
    const parts = condition.any.map((c) => compileCondition(c, slotOf, named, cache));
    return (values) => {
      for (const part of parts) if (part(values)) return true;
      return false;
    };
  }
  if ('not' in condition) {
    const inner = compileCondition(condition.not, slotOf, named, cache);
    return (values) => !inner(values);
  }
  if ('condition' in condition) {
    const name = condition.condition;
    let compiled = cache.get(name);
    if (!compiled) {
      compiled = compileCondition(named[name]!, slotOf, named, cache);
      cache.set(name, compiled);
    }
    return compiled;
  }
  const slot = slotOf.get(condition.fact)!;
  const { operator, value } = condition;
  return (values) => compareLeaf(operator, values[slot], value);
}
