// The boundary sheet of a rubric: rows just below, on and just above every threshold, each graded, ready to test with.
import { own } from './own.js';
import type { CompiledRubric } from './compile.js';
import { conditionLeaves } from './conditions.js';
import { gradeRows } from './evaluate.js';
import { csvQuote, safeText } from './tabular.js';
import { bandText } from './model.js';
import { SCORE_INPUT, type Band, type FactValue, type Rubric, type Text } from './types.js';

/** One row of the boundary sheet: a value just below, on or just above one threshold, and its grade. */
export interface BoundaryCase {
  id: string;
  /** What the threshold belongs to: `criterion salesGrowth`, `grade`, `row B`. */
  target: string;
  fact: string;
  threshold: string;
  position: 'below' | 'on' | 'above' | 'false' | 'true' | 'row';
  value: FactValue;
  facts: Record<string, FactValue>;
  status: 'graded' | 'unmatched' | 'error';
  grade: string | null;
  score: number | null;
  reason: Text;
}

interface Draft {
  target: string;
  fact: string;
  threshold: string;
  position: BoundaryCase['position'];
  value: FactValue;
  facts: Record<string, FactValue>;
}

/**
 * Lists, for every threshold of a rubric, rows just below, on and just above it at the value's
 * precision, each with the grade it gets: a ready test sheet. Other facts come from the rubric's
 * best-graded example, so that the threshold in question is the one that decides.
 */
export function boundaryCases(rubric: Rubric, compiled: CompiledRubric): BoundaryCase[] {
  if (!rubric.grade) return [];
  const base = baseRow(rubric, compiled);
  const drafts: Draft[] = [];
  const around = (target: string, valueId: string, bands: Band[]): void => {
    drafts.push(...aroundThresholds({ rubric, compiled, base }, target, valueId, bands));
  };
  for (const criterion of rubric.criteria ?? []) around(`criterion ${criterion.id}`, criterion.input, criterion.bands);
  const grade = rubric.grade;
  if (grade.type === 'bands' && grade.input !== SCORE_INPUT) around('grade', grade.input, grade.bands);
  if (grade.type === 'ladder') drafts.push(...ladderDrafts({ rubric, compiled, base }, grade.rows));
  if (grade.type === 'truthTable') drafts.push(...truthTableDrafts(rubric, base, grade.columns));
  const unique = withoutRepeats(drafts);
  const results = gradeRows(
    compiled,
    unique.map((d, i) => ({ ...d.facts, id: `case-${i + 1}` })),
  );
  return unique.map((d, i) => {
    const r = results[i]!;
    return { id: r.id, ...d, status: r.status, grade: r.grade, score: r.score, reason: r.reason };
  });
}

/** What every row of the sheet starts from: the rubric, its grader and the base row of other facts. */
interface Sheet {
  rubric: Rubric;
  compiled: CompiledRubric;
  base: Record<string, FactValue>;
}

/** Rows just below, on and just above each threshold of some bands over one value, within its range. */
function aroundThresholds(sheet: Sheet, target: string, valueId: string, bands: Band[]): Draft[] {
  const info = sheet.compiled.model.catalog.get(valueId);
  if (!info || info.origin === 'score') return [];
  const step = 10 ** -info.precision;
  const thresholds = [...new Set(bands.flatMap((b) => (Array.isArray(b.value) ? b.value : [b.value])))];
  const drafts: Draft[] = [];
  for (const t of thresholds) {
    const label = bands.filter((b) => (Array.isArray(b.value) ? b.value.includes(t) : b.value === t)).map(bandText).join(', ');
    for (const [position, value] of [
      ['below', t - step],
      ['on', t],
      ['above', t + step],
    ] as const) {
      const rounded = Number(value.toFixed(info.precision));
      if ((info.min !== undefined && rounded < info.min) || (info.max !== undefined && rounded > info.max)) continue;
      drafts.push({ target, fact: valueId, threshold: label, position, value: rounded, facts: { ...sheet.base, ...setValue(sheet.rubric, valueId, rounded) } });
    }
  }
  return drafts;
}

type LadderRow = Extract<NonNullable<Rubric['grade']>, { type: 'ladder' }>['rows'][number];

/** A ladder: each numeric comparison of a row as a threshold, each boolean it reads both ways. */
function ladderDrafts(sheet: Sheet, rows: LadderRow[]): Draft[] {
  const { rubric, base } = sheet;
  const drafts: Draft[] = [];
  rows.forEach((row) => {
    for (const leaf of conditionLeaves(row.when, rubric.conditions ?? {})) {
      const info = sheet.compiled.model.catalog.get(leaf.fact);
      if (info && (info.type === 'number' || info.type === 'integer') && typeof leaf.value === 'number') {
        const op = { greaterThan: '>', greaterThanInclusive: '>=', lessThan: '<', lessThanInclusive: '<=', equal: '=' }[leaf.operator as string] ?? '=';
        drafts.push(...aroundThresholds(sheet, `row ${row.level}`, leaf.fact, [{ op: op as Band['op'], value: leaf.value, level: row.level }]));
      } else if (info?.type === 'boolean') {
        for (const value of [false, true]) {
          drafts.push({ target: `row ${row.level}`, fact: leaf.fact, threshold: `${leaf.operator} ${String(leaf.value)}`, position: value ? 'true' : 'false', value, facts: { ...base, [leaf.fact]: value } });
        }
      }
    }
  });
  return drafts;
}

/** A truth table: every combination of its columns' values. */
function truthTableDrafts(rubric: Rubric, base: Record<string, FactValue>, columns: string[]): Draft[] {
  const choices = columns.map((id) => {
    const fact = own(rubric.facts, id);
    return fact?.type === 'enum' ? fact.values.map((v) => v.value) : [true, false];
  });
  const total = choices.reduce((n, c) => n * c.length, 1);
  const drafts: Draft[] = [];
  for (let n = 0; n < total; n++) {
    let rest = n;
    const facts: Record<string, FactValue> = { ...base };
    columns.forEach((id, k) => {
      facts[id] = choices[k]![rest % choices[k]!.length]!;
      rest = Math.floor(rest / choices[k]!.length);
    });
    drafts.push({ target: 'table', fact: columns.join('+'), threshold: '', position: 'row', value: columns.map((c) => String(facts[c])).join('/'), facts });
  }
  return drafts;
}

/**
 * A value that sits beside two thresholds is listed for each, so every threshold has its three rows;
 * the same threshold reached twice (a row and the named condition it uses) is listed once.
 */
function withoutRepeats(drafts: Draft[]): Draft[] {
  const seen = new Set<string>();
  return drafts.filter((d) => {
    const key = `${d.target}|${d.fact}|${d.threshold}|${d.position}|${JSON.stringify(d.facts)}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Sets a value id on a row: a fact directly, a ratio through its operands, a count through its booleans. */
function setValue(rubric: Rubric, id: string, value: number): Record<string, FactValue> {
  const derived = own(rubric.derived, id);
  if (!derived) return { [id]: value };
  if (derived.type === 'countTrue') return Object.fromEntries(derived.facts.map((f, i) => [f, i < value]));
  // numerator × multiplier ÷ denominator = value, with a denominator fine enough for two decimals.
  const denominator = 10 ** (derived.precision + 2);
  return { [derived.denominator]: denominator, [derived.numerator]: Math.round((value * denominator) / (derived.multiplier ?? 1)) };
}

/** The facts of the example with the best grade, or plain defaults when there is none. */
function baseRow(rubric: Rubric, compiled: CompiledRubric): Record<string, FactValue> {
  const examples = rubric.examples ?? [];
  const graded = gradeRows(
    compiled,
    examples.map((e, i) => ({ ...e.facts, id: `e${i}` })),
  )
    .map((r, i) => ({ r, facts: examples[i]!.facts }))
    .filter(({ r }) => r.status === 'graded')
    .sort((a, b) => (a.r.grade! < b.r.grade! ? -1 : a.r.grade! > b.r.grade! ? 1 : 0));
  if (graded[0]) return { ...graded[0].facts };
  const row: Record<string, FactValue> = {};
  for (const [id, fact] of Object.entries(rubric.facts ?? {})) {
    row[id] = fact.type === 'boolean' ? true : fact.type === 'enum' ? fact.values[0]!.value : fact.type === 'string' ? '' : (fact.min ?? 0);
  }
  return row;
}

/** The sheet as CSV: id, what the case tests, the result, then every fact column (a valid data file). */
export function casesToCsv(rubric: Rubric, cases: BoundaryCase[]): string {
  const facts = Object.keys(rubric.facts ?? {});
  const header = ['id', ...facts, 'target', 'threshold', 'position', 'value', 'status', 'grade', 'score', 'reason_th', 'reason_en'];
  const lines = [header.join(',')];
  for (const c of cases) {
    const cells = [
      c.id,
      ...facts.map((f) => (c.facts[f] === undefined || c.facts[f] === null ? '' : String(c.facts[f]))),
      `${c.target} (${c.fact})`,
      c.threshold,
      c.position,
      String(c.value),
      c.status,
      c.grade ?? '',
      c.score === null ? '' : String(c.score),
      c.reason.th,
      c.reason.en,
    ];
    lines.push(cells.map(csvCell).join(','));
  }
  return lines.join('\n') + '\n';
}

/** Quotes a CSV cell when needed, and neutralises a leading =, +, - or @ so no spreadsheet runs it. */
export function csvCell(value: string): string {
  return csvQuote(safeText(value));
}
