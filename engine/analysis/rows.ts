// Analysis of ladders and truth tables: try every combination of representative values (each side
// of every threshold, every boolean and enum value) and see which row decides each.
import type { Model } from '../model.js';
import type { Condition, FactValue, Level, Rubric } from '../types.js';
import { describeExample, draft, forEachPick, LEVEL_RANK, MAX_COMBINATION_HOLES, MAX_COMBINATIONS, type Draft } from './finding.js';
import { compileAll, slotsFor, spaceSize, trySpace, type Slots, type TrySpace } from './representatives.js';

type RowsGrade = Extract<NonNullable<Rubric['grade']>, { type: 'ladder' | 'truthTable' }>;

/** The table being tried: its space of values, how a combination is decided, and what was seen so far. */
interface RowsRun {
  model: Model;
  space: TrySpace;
  levels: Level[];
  /** The deciding row of a combination (-1: the floor or nothing) and whether each row holds. */
  decide: (pick: number[]) => { row: number; holds: boolean[] };
  levelOf: (row: number) => Level | null;
  decides: boolean[];
  everHolds: boolean[];
  holes: Record<string, FactValue>[];
  holeCount: number;
  orderFound: Set<string>;
  drafts: Draft[];
}

/** Each row as a condition: a ladder's own, or a truth table's values as equalities. */
function rowConditions(grade: RowsGrade): Condition[] {
  return grade.type === 'ladder'
    ? grade.rows.map((r) => r.when)
    : grade.rows.map((r) => ({ all: grade.columns.map((fact, k) => ({ fact, operator: 'equal' as const, value: r.values[k]! })) }));
}

/** Holes, rows never used and order of a ladder or a truth table. */
export function analyzeRows(model: Model): Draft[] {
  const grade = model.rubric.grade as RowsGrade;
  const conditions = rowConditions(grade);
  const space = trySpace(model, conditions, grade.type === 'truthTable' ? grade.columns : []);
  const combos = spaceSize(space);
  if (combos > MAX_COMBINATIONS) {
    return [draft('UNREACHABLE', { case: 'too-many', combos, max: MAX_COMBINATIONS }, '/grade', { example: null }, 'info')];
  }
  const run = startRun(model, grade, conditions, space);
  forEachPick(
    space.reps.map((r) => r.length),
    (pick) => visit(run, pick),
  );
  return [...run.drafts, ...holeDrafts(run), ...unusedRows(run, grade.type)];
}

function startRun(model: Model, grade: RowsGrade, conditions: Condition[], space: TrySpace): RowsRun {
  const tests = compileAll(model, conditions);
  const slots: Slots = slotsFor(model, space, 0);
  const levels = grade.rows.map((r) => r.level);
  const floor = grade.type === 'ladder' ? (grade.floor ?? null) : null;
  return {
    model,
    space,
    levels,
    decide: (pick) => {
      pick.forEach((choice, k) => slots.set(k, space.reps[k]![choice]!));
      const holds = tests.map((t) => t(slots.vals, slots.nums));
      return { row: holds.indexOf(true), holds };
    },
    levelOf: (row) => (row >= 0 ? levels[row]! : floor),
    decides: new Array<boolean>(levels.length).fill(false),
    everHolds: new Array<boolean>(levels.length).fill(false),
    holes: [],
    holeCount: 0,
    orderFound: new Set<string>(),
    drafts: [],
  };
}

function factsOf(space: TrySpace, pick: number[]): Record<string, FactValue> {
  return Object.fromEntries(space.ids.map((id, k) => [id, space.reps[k]![pick[k]!]!]));
}

/** One combination: which row decides it, whether it is a hole, and whether a better value grades worse. */
function visit(run: RowsRun, pick: number[]): void {
  const { row, holds } = run.decide(pick);
  holds.forEach((h, i) => {
    if (h) run.everHolds[i] = true;
  });
  if (row >= 0) run.decides[row] = true;
  const level = run.levelOf(row);
  if (level === null) {
    run.holeCount++;
    if (run.holes.length < MAX_COMBINATION_HOLES) run.holes.push(factsOf(run.space, pick));
    return;
  }
  run.space.ids.forEach((id, k) => checkOrder(run, pick, level, id, k));
}

/** Order: a better value of a numeric fact with a declared direction must not grade worse (once per fact). */
function checkOrder(run: RowsRun, pick: number[], level: Level, id: string, k: number): void {
  const { model, space } = run;
  const info = model.catalog.get(id)!;
  if (!info.better || run.orderFound.has(id)) return;
  const next = pick[k]! + (info.better === 'higher' ? 1 : -1);
  if (next < 0 || next >= space.reps[k]!.length) return;
  const better = [...pick];
  better[k] = next;
  const betterLevel = run.levelOf(run.decide(better).row);
  run.decide(pick);
  if (betterLevel === null || LEVEL_RANK[betterLevel] <= LEVEL_RANK[level]) return;
  run.orderFound.add(id);
  const params = {
    case: 'rows' as const,
    id: model.catalog.get(id)?.label ?? { th: id, en: id },
    to: formatNumber(model, id, space.reps[k]![next]!),
    from: formatNumber(model, id, space.reps[k]![pick[k]!]!),
    better: betterLevel,
    worse: level,
  };
  run.drafts.push(draft('ORDER', params, '/grade/rows', { fact: id, example: factsOf(space, better) }));
}

/** The combinations no row grades (the first few, then how many more). */
function holeDrafts(run: RowsRun): Draft[] {
  const drafts = run.holes.map((hole) => draft('HOLE', { case: 'row', shown: describeExample(hole, run.model.catalog) }, '/grade/rows', { example: hole }));
  if (run.holeCount > run.holes.length) {
    drafts.push(draft('HOLE', { case: 'rows-more', count: run.holeCount - run.holes.length }, '/grade/rows', { example: null }));
  }
  return drafts;
}

/** Rows that decide no combination: covered by earlier rows (an overlap in a truth table), or never true. */
function unusedRows(run: RowsRun, type: RowsGrade['type']): Draft[] {
  return run.levels.flatMap((level, i) => {
    if (run.decides[i]) return [];
    const params = { case: run.everHolds[i] ? ('row-shadowed' as const) : ('row-contradictory' as const), level, number: i + 1 };
    const path = `/grade/rows/${i}`;
    return [type === 'truthTable' && run.everHolds[i] ? draft('OVERLAP', params, path, { example: null }) : draft('UNREACHABLE', params, path, { example: null })];
  });
}

function formatNumber(model: Model, id: string, value: FactValue): string {
  const info = model.catalog.get(id)!;
  return typeof value === 'number' && info.type === 'number' ? value.toFixed(info.precision) : String(value);
}
