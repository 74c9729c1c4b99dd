// Why a verdict is what it is, for people: the trace of every criterion and condition read, the
// reason in Thai and English (from explain-reasons.ts), and notes on gaps that did not change it.
import { compareLeaf } from './conditions.js';
import { bandModel, type Model } from './model.js';
import { exemptionText, formatValue, gradedReason, unmatchedReason, valueName } from './explain-reasons.js';
import { SCORE_INPUT, type Condition, type FactValue, type Level, type Scalar, type Text } from './types.js';
import { closingsOf, runtimeOf, valuesOf } from './runtime.js';
import { GRADE_BANDS, NO_BAND, NOT_APPLICABLE, type Verdict } from './verdict.js';

/** One criterion's part in a grade: the value used, the band matched and its threshold. */
export interface CriterionTrace {
  kind: 'criterion';
  criterion: string;
  input: string;
  /** The value after rounding to the fact's precision; null when not applicable. */
  value: number | null;
  applicable: boolean;
  /** Index of the band matched, or null. */
  band: number | null;
  threshold: string | null;
  level: Level | null;
  points: number | null;
}

/** One comparison inside a ladder row. */
export interface LeafTrace {
  fact: string;
  operator: string;
  expected: Scalar | Scalar[];
  actual: FactValue;
  holds: boolean;
}

/** The grade rule's part: which band or row decided. */
export interface GradeTrace {
  kind: 'grade';
  rule: 'worst' | 'bands' | 'ladder' | 'truthTable';
  input?: string;
  value?: number | null;
  /** Index of the band or row that decided, or null (floor or nothing). */
  row: number | null;
  threshold?: string | null;
  level: Level | null;
  floor?: boolean;
  /** For ladders: each row tried, best first, with its comparisons. */
  rows?: { level: Level; holds: boolean; leaves: LeafTrace[] }[];
}

/** The trace of a result. */
export type TraceEntry = CriterionTrace | GradeTrace;

/** The reason and trace people read for a verdict. */
export interface Explanation {
  reason: Text;
  trace: TraceEntry[];
  /** Notes on values that fell in a gap of the criteria without changing the grade. */
  notes: Text[];
}

/** Explains a verdict: why this grade, or why none. Pure; called only when someone reads it. */
export function explain(model: Model, verdict: Verdict): Explanation {
  const values = valuesOf(model, verdict);
  const trace = criterionTraces(model, verdict, values);
  if (verdict.status === 'error') {
    const errors = verdict.errors ?? [];
    return {
      reason: {
        th: `ให้ระดับไม่ได้ ข้อมูลไม่ถูกต้อง: ${errors.map((e) => e.message.th).join('; ')}`,
        en: `cannot grade, bad data: ${errors.map((e) => e.message.en).join('; ')}`,
      },
      trace,
      notes: [],
    };
  }
  const gradeTrace = gradeTraceOf(model, verdict, values);
  if (gradeTrace) trace.push(gradeTrace);
  const exemptions = exemptionText(model, verdict);
  const reason = verdict.status === 'unmatched' ? unmatchedReason(model, verdict, values, trace) : gradedReason(model, verdict, values, trace);
  const notes = settledNotes(model, verdict, values);
  const noted = { th: notes.map((n) => ` ${n.th}`).join(''), en: notes.map((n) => ` ${n.en}`).join('') };
  return { reason: { th: reason.th + exemptions.th + noted.th, en: reason.en + exemptions.en + noted.en }, trace, notes };
}

/**
 * Why a value in a gap of the criteria did not stop the grade: each way of closing the gap gives
 * the same level, and what made it so (another criterion already at that level, a score that
 * stays in one band, a grade rule that does not read the criterion).
 */
function settledNotes(model: Model, verdict: Verdict, values: FactValue[]): Text[] {
  if (!verdict.settled) return [];
  const level = verdict.grade!;
  const runtime = runtimeOf(model);
  return verdict.settled.map((index): Text => {
    if (index === GRADE_BANDS) {
      const grade = model.rubric.grade as { input: string };
      const value = formatValue(model, grade.input, verdict.score ?? values[model.slotOf.get(grade.input) ?? -1]);
      return {
        th: `หมายเหตุ: ${valueName(model, grade.input).th} ${value} อยู่ในช่องว่างของเกณฑ์การให้ระดับ แต่ช่วงทั้งสองข้างให้ระดับ ${level} เหมือนกัน`,
        en: `Note: ${valueName(model, grade.input).en} ${value} falls in a gap of the grade bands, but the bands on both sides give ${level}.`,
      };
    }
    const c = model.criteria[index]!;
    const value = formatValue(model, c.input, values[c.inputSlot]);
    const closings = closingsOf(runtime.gaps[index]!, values[c.inputSlot] as number, c.precision) ?? [];
    const sides = closings.map((b) => String(c.bands[b]!.level ?? c.bands[b]!.points));
    const because = settledBecause(model, verdict, index, sides);
    const options = sides.length > 0 ? { th: `ไม่ว่าจะนับเป็น ${sides.join(' หรือ ')} `, en: `whether it counts as ${sides.join(' or ')}, ` } : { th: '', en: '' };
    return {
      th: `หมายเหตุ: ${valueName(model, c.input).th} ${value} ไม่อยู่ในช่วงใดของตัวชี้วัด "${c.label.th}" (ช่องว่างของเกณฑ์) แต่${options.th}ก็ได้ระดับ ${level} เพราะ${because.th}`,
      en: `Note: ${valueName(model, c.input).en} ${value} falls in a gap of criterion "${c.label.en}" (no band), but ${options.en}the grade is ${level}, because ${because.en}.`,
    };
  });
}

function settledBecause(model: Model, verdict: Verdict, index: number, sides: string[]): Text {
  const grade = model.rubric.grade!;
  if (!model.readsBands) {
    return { th: 'ระดับมาจากเงื่อนไขของเกณฑ์การให้ระดับ ซึ่งไม่ได้ใช้ช่วงของตัวชี้วัดนี้', en: "the grade rule does not read this criterion's bands" };
  }
  if (grade.type === 'worst') {
    const decider = model.criteria.findIndex((c, i) => i !== index && verdict.bands[i]! >= 0 && c.bands[verdict.bands[i]!]!.level === verdict.grade);
    if (decider >= 0) {
      const c = model.criteria[decider]!;
      return { th: `ตัวชี้วัด "${c.label.th}" ได้ระดับ ${verdict.grade} แล้ว และเกณฑ์ใช้ระดับที่ต่ำที่สุด`, en: `criterion "${c.label.en}" is already ${verdict.grade} and the grade is the worst of the criteria` };
    }
    return { th: 'ช่วงทั้งสองข้างให้ระดับเดียวกัน', en: 'the bands on both sides give the same level' };
  }
  return {
    th: `คะแนนรวมอยู่ในช่วงระดับ ${verdict.grade} ไม่ว่าจะนับเป็น ${sides.join(' หรือ ')} คะแนน`,
    en: `the combined score falls in level ${verdict.grade} whether it counts ${sides.join(' or ')} points`,
  };
}

function criterionTraces(model: Model, verdict: Verdict, values: FactValue[]): TraceEntry[] {
  return model.criteria.map((c, i): CriterionTrace => {
    const band = verdict.bands[i] ?? NO_BAND;
    const applicable = band !== NOT_APPLICABLE;
    const value = values[c.inputSlot];
    const matched = band >= 0 ? c.bands[band]! : null;
    return {
      kind: 'criterion',
      criterion: c.id,
      input: c.input,
      value: applicable && typeof value === 'number' ? value : null,
      applicable,
      band: matched ? band : null,
      threshold: matched?.text ?? null,
      level: matched?.level ?? null,
      points: matched?.points ?? null,
    };
  });
}

function gradeTraceOf(model: Model, verdict: Verdict, values: FactValue[]): GradeTrace | undefined {
  const grade = model.rubric.grade;
  if (!grade) return undefined;
  const row = verdict.row >= 0 ? verdict.row : null;
  switch (grade.type) {
    case 'worst':
      return { kind: 'grade', rule: 'worst', row: null, level: verdict.grade };
    case 'bands':
      return {
        kind: 'grade',
        rule: 'bands',
        input: grade.input,
        value: verdict.score,
        row,
        threshold: row !== null ? bandModel(grade.bands[row]!).text : null,
        level: verdict.grade,
      };
    case 'ladder': {
      const named = model.rubric.conditions ?? {};
      const valueOf = (id: string) => values[model.slotOf.get(id)!];
      return {
        kind: 'grade',
        rule: 'ladder',
        row,
        level: verdict.grade,
        floor: verdict.status === 'graded' && row === null,
        rows: grade.rows.map((r) => {
          const leaves: LeafTrace[] = [];
          const holds = traceCondition(r.when, named, valueOf, leaves);
          return { level: r.level, holds, leaves };
        }),
      };
    }
    case 'truthTable':
      return { kind: 'grade', rule: 'truthTable', row, level: verdict.grade };
  }
}

/** Evaluates a condition for the trace, recording every comparison it makes. */
function traceCondition(
  condition: Condition,
  named: Record<string, Condition>,
  valueOf: (id: string) => FactValue | undefined,
  leaves: LeafTrace[],
): boolean {
  if ('all' in condition) return condition.all.map((c) => traceCondition(c, named, valueOf, leaves)).every(Boolean);
  if ('any' in condition) return condition.any.map((c) => traceCondition(c, named, valueOf, leaves)).some(Boolean);
  if ('not' in condition) return !traceCondition(condition.not, named, valueOf, leaves);
  if ('condition' in condition) return traceCondition(named[condition.condition]!, named, valueOf, leaves);
  const actual = valueOf(condition.fact) ?? null;
  const holds = compareLeaf(condition.operator, actual, condition.value);
  leaves.push({ fact: condition.fact, operator: condition.operator, expected: condition.value, actual, holds });
  return holds;
}

export { formatValue };
