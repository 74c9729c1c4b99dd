// The building blocks of the generated grader's source (codegen-grade.ts puts them together): a
// pool through which every string, set and list from the rubric is passed in by index, a number
// formatter that refuses anything but a finite number, and the source of fact reading, derived
// values and conditions. Nothing from a rubric or a data file is ever written into the source.
import { Op, type BandModel, type Model } from './model.js';
import type { Condition, Scalar } from './types.js';

/** Thrown when something in a model cannot be written as source safely: the closures grade instead. */
export class CodegenRefusal extends Error {}

/** A finite number as a source literal; anything else is refused. Negative numbers are parenthesised. */
export function num(value: unknown): string {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new CodegenRefusal('not a finite number');
  if (Object.is(value, -0)) return '(-0)';
  const text = String(value);
  if (!/^-?\d+(\.\d+)?(e[+-]\d+)?$/.test(text)) throw new CodegenRefusal('unexpected number text');
  return value < 0 ? `(${text})` : text;
}

/** A non-negative whole number (a slot or an index) as a source literal. */
export function int(value: number): string {
  if (!Number.isSafeInteger(value) || value < 0) throw new CodegenRefusal('not an index');
  return String(value);
}

/**
 * Values the source refers to by name (k0, k1, …) and receives in an array: strings, sets and lists
 * from the rubric, each once.
 */
export class Pool {
  readonly values: unknown[] = [];
  readonly #index = new Map<unknown, number>();

  /** The name under which a value is passed in. */
  ref(value: unknown): string {
    let i = this.#index.get(value);
    if (i === undefined) {
      i = this.values.push(value) - 1;
      this.#index.set(value, i);
    }
    return `k${int(i)}`;
  }

  /** A scalar from the rubric: numbers and booleans as literals, anything else by name. */
  scalar(value: unknown): string {
    if (typeof value === 'number' && Number.isFinite(value)) return num(value);
    if (value === true) return 'true';
    if (value === false) return 'false';
    if (value === null) return 'null';
    return this.ref(value);
  }

  /** The declarations that take the values out of the array `c`. */
  declarations(): string {
    return this.values.length === 0 ? '' : `var ${this.values.map((_, i) => `k${int(i)} = c[${int(i)}]`).join(', ')};\n`;
  }
}

/** What writing source for a model needs: the model, its pool and which slots hold numbers. */
export interface Source {
  model: Model;
  pool: Pool;
  isNumericSlot: readonly boolean[];
}

/** The variable holding a slot's value the way the closures read it: numbers unboxed (n), the rest (v). */
export function slotValue(src: Source, slot: number): string {
  return src.isNumericSlot[slot] ? `n${int(slot)}` : `v${int(slot)}`;
}

/** Grading gives up on the fast path and hands the row to the closures (which report its problem). */
export const GIVE_UP = 'return hS(row);';

/**
 * Reading each declared fact into its variable, as factReading does: any value factReading would
 * not accept hands the row to the closures, which record the same problem.
 */
export function factSource(src: Source): string {
  const lines: string[] = [];
  for (const { id, slot, info } of src.model.facts) {
    const raw = id in Object.prototype ? `hO(row, ${src.pool.ref(id)})` : `row[${src.pool.ref(id)}]`;
    const n = `n${int(slot)}`;
    const v = `v${int(slot)}`;
    const bounds = (value: string): string[] => [
      ...(info.min === undefined || info.min === -Infinity ? [] : [`${value} >= ${num(info.min)}`]),
      ...(info.max === undefined || info.max === Infinity ? [] : [`${value} <= ${num(info.max)}`]),
    ];
    lines.push(`r = ${raw};`);
    switch (info.type) {
      case 'number':
        lines.push(`if (!Number.isFinite(r)) ${GIVE_UP}`, `r = hR(r, ${int(info.precision)});`);
        if (bounds('r').length > 0) lines.push(`if (!(${bounds('r').join(' && ')})) ${GIVE_UP}`);
        lines.push(`${n} = r;`);
        break;
      case 'integer':
        lines.push(`if (!(${['Number.isInteger(r)', ...bounds('r')].join(' && ')})) ${GIVE_UP}`, `${n} = r;`);
        break;
      case 'boolean':
        lines.push(`if (r !== true && r !== false) ${GIVE_UP}`, `${v} = r;`);
        break;
      case 'enum':
        // The set holds only the list's strings, so has() is true only for a string on the list.
        lines.push(`if (!${src.pool.ref(new Set((info.enumValues ?? []).filter((e) => typeof e === 'string')))}.has(r)) ${GIVE_UP}`, `${v} = r;`);
        break;
      case 'string':
        lines.push(`r = ${info.catalog === 'province' ? 'hP' : 'hT'}(r);`, `if (r === null) ${GIVE_UP}`, `${v} = r;`);
        break;
      default:
        throw new CodegenRefusal('unknown fact type');
    }
  }
  return lines.join('\n');
}

/** Derived values as derivedStep computes them: ratios first, then counts; a zero denominator hands over. */
export function derivedSource(src: Source): string {
  const lines: string[] = [];
  for (const d of src.model.derived) {
    if (d.kind !== 'ratio') continue;
    const [a, b] = [`n${int(d.numerator)}`, `n${int(d.denominator)}`];
    lines.push(
      `if (${a} === ${a} && ${b} === ${b}) {`,
      `if (${b} === 0) ${GIVE_UP}`,
      `n${int(d.slot)} = hR((${a} * ${num(d.multiplier)}) / ${b}, ${int(d.precision)});`,
      '}',
    );
  }
  for (const d of src.model.derived) {
    if (d.kind !== 'countTrue') continue;
    const target = `n${int(d.slot)}`;
    const operands = d.operands.map((slot) => `v${int(slot)}`);
    const anyNull = operands.map((v) => `${v} === null`).join(' || ') || 'false';
    const sum = operands.map((v) => `(${v} === true ? 1 : 0)`).join(' + ') || '0';
    lines.push(`${target} = ${anyNull} ? NaN : ${sum};`);
  }
  return lines.join('\n');
}

/** A band's test on a value, as inBand makes it. */
export function bandTest(band: BandModel, value: string): string {
  switch (band.op) {
    case Op.Gt:
      return `${value} > ${num(band.low)}`;
    case Op.Gte:
      return `${value} >= ${num(band.low)}`;
    case Op.Lt:
      return `${value} < ${num(band.low)}`;
    case Op.Lte:
      return `${value} <= ${num(band.low)}`;
    case Op.Eq:
      return `${value} === ${num(band.low)}`;
    case Op.Between:
      return `${value} >= ${num(band.low)} && ${value} <= ${num(band.high)}`;
    default:
      throw new CodegenRefusal('unknown band operator');
  }
}

/** A leaf comparison as compareLeaf makes it, on the slot's variable. */
function leafSource(src: Source, slot: number, operator: string, expected: Scalar | Scalar[]): string {
  const actual = slotValue(src, slot);
  const numeric = src.isNumericSlot[slot] === true;
  const order = (op: string): string => (numeric ? `(${actual} ${op} ${src.pool.scalar(expected)})` : 'false');
  switch (operator) {
    case 'equal':
      return `(${actual} === ${src.pool.scalar(expected)})`;
    case 'notEqual':
      return `(${actual} !== ${src.pool.scalar(expected)})`;
    case 'lessThan':
      return order('<');
    case 'lessThanInclusive':
      return order('<=');
    case 'greaterThan':
      return order('>');
    case 'greaterThanInclusive':
      return order('>=');
    case 'in':
      return `${src.pool.ref(expected)}.includes(${actual})`;
    case 'notIn':
      return `!${src.pool.ref(expected)}.includes(${actual})`;
    default:
      throw new CodegenRefusal('unknown operator');
  }
}

/** Source longer than this is not generated (named conditions shared many times could blow up). */
const MAX_CONDITION_LENGTH = 200_000;

/** A condition tree as one expression over the slot variables, named conditions written in place. */
export function conditionSource(src: Source, condition: Condition, depth = 0): string {
  if (depth > 64) throw new CodegenRefusal('condition nested too deep');
  const named = src.model.rubric.conditions ?? {};
  let out: string;
  if ('all' in condition) out = condition.all.length === 0 ? 'true' : `(${condition.all.map((c) => conditionSource(src, c, depth + 1)).join(' && ')})`;
  else if ('any' in condition) out = condition.any.length === 0 ? 'false' : `(${condition.any.map((c) => conditionSource(src, c, depth + 1)).join(' || ')})`;
  else if ('not' in condition) out = `!${conditionSource(src, condition.not, depth + 1)}`;
  else if ('condition' in condition) {
    if (!Object.hasOwn(named, condition.condition)) throw new CodegenRefusal('unknown named condition');
    out = conditionSource(src, named[condition.condition]!, depth + 1);
  } else {
    const slot = src.model.slotOf.get(condition.fact);
    if (slot === undefined) throw new CodegenRefusal('unknown fact');
    out = leafSource(src, slot, condition.operator, condition.value);
  }
  if (out.length > MAX_CONDITION_LENGTH) throw new CodegenRefusal('condition too long');
  return out;
}
