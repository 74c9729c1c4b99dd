// Checks the conditions of a rubric: every name they use resolves, each comparison fits its value's
// type, a province is named as the catalogue names it, and none nests too deep or refers to itself.
import { isNumeric, type ValueInfo } from '../catalog.js';
import { describeValue } from '../describe-value.js';
import { toPointer } from '../positions.js';
import { provinceByName, resolveProvince } from '../provinces.js';
import { closestName } from '../suggest.js';
import type { Condition, FactCondition } from '../types.js';
import { MAX_CONDITION_DEPTH, conditionCycles, conditionDepths, cycleText, referenceGraph, type ReferenceGraph } from './condition-graph.js';
import { found, valueMismatch, type CheckContext, type Found } from './found.js';

const NUMERIC_OPERATORS = new Set(['lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive']);

/** Checks conditions wherever they are used: what each refers to, and how deep it nests. */
export interface ConditionChecker {
  check(condition: Condition, pointer: string): void;
  depth(condition: Condition, pointer: string, atKey?: boolean): void;
}

/** A checker over the rubric's named conditions, having checked them and their cycles. */
export function checkConditions(ctx: CheckContext): ConditionChecker {
  const conditions = ctx.rubric.conditions ?? {};
  const checker = conditionChecker(ctx, conditions);
  for (const [name, condition] of Object.entries(conditions)) checker.check(condition, toPointer(['conditions', name]));
  for (const [name, condition] of Object.entries(conditions)) checker.depth(condition, toPointer(['conditions', name]), true);
  for (const [name, cycle] of conditionCycles(conditions, checker.graph)) {
    const shown = cycleText(cycle);
    ctx.problems.push(found('CONDITION_CYCLE', { cycle: shown }, toPointer(['conditions', name]), { atKey: true, received: shown }));
  }
  return checker;
}

function conditionChecker(ctx: CheckContext, conditions: Record<string, Condition>): ConditionChecker & { graph: ReferenceGraph } {
  const graph = referenceGraph(conditions);
  const depthOf = conditionDepths(conditions, graph);
  const check = (condition: Condition, path: string): void => {
    if ('all' in condition) condition.all.forEach((c, i) => check(c, `${path}/all/${i}`));
    else if ('any' in condition) condition.any.forEach((c, i) => check(c, `${path}/any/${i}`));
    else if ('not' in condition) check(condition.not, `${path}/not`);
    else if ('condition' in condition) checkReference(ctx, conditions, condition.condition, path);
    else checkLeaf(ctx, condition, path);
  };
  const depth = (condition: Condition, pointer: string, atKey = false): void => {
    const levels = depthOf(condition);
    if (levels <= MAX_CONDITION_DEPTH) return;
    ctx.problems.push(
      found('CONDITION_DEPTH', { depth: levels, max: MAX_CONDITION_DEPTH }, pointer, {
        atKey,
        expected: `at most ${MAX_CONDITION_DEPTH} levels`,
        received: `${levels} levels`,
      }),
    );
  };
  return { graph, check, depth };
}

/** UNKNOWN_CONDITION for a name no condition has, with the likeliest one. */
function checkReference(ctx: CheckContext, conditions: Record<string, Condition>, name: string, path: string): void {
  if (Object.hasOwn(conditions, name)) return;
  const hint = closestName(name, Object.keys(conditions));
  ctx.problems.push(
    found('UNKNOWN_CONDITION', { name, ...(hint ? { hint } : {}) }, `${path}/condition`, {
      expected: Object.keys(conditions).join(', ') || 'a name under conditions',
      received: name,
    }),
  );
}

/** A comparison: its fact declared, its operator and value fitting the fact, its provinces known. */
function checkLeaf(ctx: CheckContext, leaf: FactCondition, path: string): void {
  const info = ctx.catalog.get(leaf.fact);
  if (!info || info.origin === 'score') {
    ctx.undeclared(leaf.fact, `${path}/fact`);
    return;
  }
  ctx.problems.push(...checkComparison(info, leaf.operator, leaf.value, path));
  if (info.catalog === 'province') ctx.problems.push(...checkProvinces(leaf.value, `${path}/value`));
}

function checkComparison(info: ValueInfo, operator: string, value: unknown, path: string): Found[] {
  if (NUMERIC_OPERATORS.has(operator)) {
    if (!isNumeric(info)) {
      return [found('TYPE_MISMATCH', { kind: 'operator', operator, id: info.id, type: info.type }, `${path}/operator`, { expected: 'a number or integer fact', received: info.type })];
    }
    if (typeof value !== 'number') {
      return [found('TYPE_MISMATCH', { kind: 'needs-number', operator }, `${path}/value`, { expected: 'a number', received: describeValue(value) })];
    }
    return [];
  }
  if (operator === 'in' || operator === 'notIn') {
    if (!Array.isArray(value)) {
      return [found('TYPE_MISMATCH', { kind: 'needs-list', operator }, `${path}/value`, { expected: 'a list', received: describeValue(value) })];
    }
    return value.flatMap((v, i) => valueMismatch(info, v, `${path}/value/${i}`) ?? []);
  }
  return [valueMismatch(info, value, `${path}/value`) ?? []].flat();
}

/**
 * A province a condition names must be written as the catalogue writes it: anything else would be
 * a condition that silently never matches (an exemption list with "จ.น่าน" in it).
 */
function checkProvinces(value: unknown, path: string): Found[] {
  const names = Array.isArray(value) ? value.map((v, i) => [v, `${path}/${i}`] as const) : [[value, path] as const];
  const problems: Found[] = [];
  for (const [name, at] of names) {
    if (typeof name !== 'string' || provinceByName(name)) continue;
    const resolved = resolveProvince(name);
    const hint = 'province' in resolved ? resolved.province.th : resolved.suggestion?.th;
    problems.push(
      found('UNKNOWN_PROVINCE', { name, ...(hint ? { hint } : {}) }, at, {
        expected: hint ?? 'a province name from the catalogue',
        received: name,
      }),
    );
  }
  return problems;
}
