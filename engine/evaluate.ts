// Grading rows: the compiled path and the json-rules-engine reference path give the same GradeResult, with its reason read on demand.
import type { CompiledRubric } from './compile.js';
import { describeValue } from './diagnostics.js';
import { explain, type Explanation, type TraceEntry } from './explain.js';
import type { Model, RubricRef } from './model.js';
import { described, rowError, type RowError } from './row-problems.js';
import { sharedReason, type ReasonCache } from './reason-cache.js';
import type { ReferenceRubric } from './reference.js';
import type { Level, Text } from './types.js';
import { errorVerdict, type Status, type Verdict } from './verdict.js';

/** One row's result as the CLI prints it and the editor shows it. */
export interface GradeResultJSON {
  id: string;
  status: Status;
  grade: Level | null;
  score: number | null;
  reason: Text;
  trace: TraceEntry[];
  rubric: RubricRef;
  /** The unit's province and district, when the data had them. */
  province?: string;
  district?: string;
  /** Values that fell in a gap of the criteria without changing the grade, and why. */
  notes?: Text[];
  errors?: RowError[];
}

/**
 * One row's result. The reason and trace are built when first read, so bulk grading pays only
 * for the verdict.
 */
export class GradeResult {
  readonly id: string;
  readonly verdict: Verdict;
  /** The unit's province and district, when the data file had such columns. */
  readonly place: { province?: string; district?: string };
  readonly #model: Model;
  /** Reasons shared with the other results of the same batch (reason-cache.ts), when there is one. */
  readonly #reasons: ReasonCache | undefined;
  #explanation: Explanation | undefined;

  constructor(model: Model, id: string, verdict: Verdict, place: { province?: string; district?: string } = {}, reasons?: ReasonCache) {
    this.#model = model;
    this.id = id;
    this.verdict = verdict;
    this.place = place;
    this.#reasons = reasons;
  }

  /** The same result for a unit placed in this province and district (one found from the unit's id, for the exports). */
  withPlace(place: { province?: string; district?: string }): GradeResult {
    return new GradeResult(this.#model, this.id, this.verdict, place, this.#reasons);
  }

  get status(): Status {
    return this.verdict.status;
  }
  get grade(): Level | null {
    return this.verdict.grade;
  }
  get score(): number | null {
    return this.verdict.score;
  }
  get rubric(): RubricRef {
    return this.#model.ref;
  }
  /** The reason, shared with the batch's results explained alike (reason-cache.ts) unless this one's explanation is built already. */
  get reason(): Text {
    if (this.#explanation || !this.#reasons) return this.#explain().reason;
    // Only the reason is kept: holding every explanation's trace would cost more than building it.
    return sharedReason(this.#reasons, this.#model, this.verdict, () => Object.freeze(explain(this.#model, this.verdict).reason));
  }
  get trace(): TraceEntry[] {
    return this.#explain().trace;
  }

  toJSON(): GradeResultJSON {
    const json: GradeResultJSON = {
      id: this.id,
      status: this.status,
      grade: this.grade,
      score: this.score,
      reason: this.reason,
      trace: this.trace,
      rubric: this.rubric,
    };
    if (this.place.province !== undefined) json.province = this.place.province;
    if (this.place.district !== undefined) json.district = this.place.district;
    const notes = this.#explain().notes;
    if (notes.length > 0) json.notes = notes;
    if (this.verdict.errors) json.errors = this.verdict.errors;
    return json;
  }

  #explain(): Explanation {
    return (this.#explanation ??= explain(this.#model, this.verdict));
  }
}

type Row = Record<string, unknown>;

/** What a data file's reader knew of its rows: cells it could not read, and each unit's place. */
export interface RowsContext {
  /** Per row: cells that could not be read, each naming its column and cell. */
  cellErrors?: readonly (RowError[] | undefined)[];
  units?: readonly { province?: string; district?: string }[];
}

/** Grades rows through the compiled path, in input order. */
export function gradeRows(compiled: CompiledRubric, rows: readonly Row[], context: RowsContext = {}): GradeResult[] {
  const problems = rowIdProblems(compiled.model, rows);
  const reasons: ReasonCache = new Map();
  return rows.map((row, index) => {
    const id = idOf(row, index);
    const problem = problems[index];
    const verdict = problem ? errorVerdict(row, [], [], [problem]) : withCellErrors(compiled.grade(row), context.cellErrors?.[index]);
    return new GradeResult(compiled.model, id, verdict, placeOf(context.units?.[index]), reasons);
  });
}

function placeOf(unit: { province?: string; district?: string } | undefined): { province?: string; district?: string } {
  const place: { province?: string; district?: string } = {};
  if (unit?.province !== undefined) place.province = unit.province;
  if (unit?.district !== undefined) place.district = unit.district;
  return place;
}

/**
 * A row with a cell that could not be read is an error, never a grade: its cell errors first,
 * then the row's other problems (a fact missing because its cell was unreadable is said once).
 */
function withCellErrors(verdict: Verdict, cellErrors: readonly RowError[] | undefined): Verdict {
  if (!cellErrors || cellErrors.length === 0) return verdict;
  const said = new Set(cellErrors.map((e) => e.fact));
  const others = (verdict.errors ?? []).filter((e) => !(said.has(e.fact) && e.code === 'MISSING_FACT'));
  return errorVerdict(verdict.input, verdict.bands, verdict.exemptions, [...cellErrors, ...others]);
}

/** Grades rows through json-rules-engine, in input order. */
export async function gradeRowsReference(reference: ReferenceRubric, rows: readonly Row[], context: RowsContext = {}): Promise<GradeResult[]> {
  const problems = rowIdProblems(reference.model, rows);
  const results: GradeResult[] = [];
  for (const [index, row] of rows.entries()) {
    const problem = problems[index];
    const verdict = problem ? errorVerdict(row, [], [], [problem]) : withCellErrors(await reference.grade(row), context.cellErrors?.[index]);
    results.push(new GradeResult(reference.model, idOf(row, index), verdict, placeOf(context.units?.[index])));
  }
  return results;
}

function idOf(row: Row, index: number): string {
  const id = row.id;
  return typeof id === 'string' || typeof id === 'number' ? String(id).trim() : `#${index + 1}`;
}

/**
 * The problems of rows as a whole, by index: a missing id, an id that several rows share (every
 * one of them is an error: which is right is not ours to guess), or a mission without criteria.
 */
function rowIdProblems(model: Model, rows: readonly Row[]): (RowError | undefined)[] {
  const counts = new Map<string, number>();
  for (const row of rows) {
    const id = row.id;
    if (typeof id === 'string' || typeof id === 'number') counts.set(String(id).trim(), (counts.get(String(id).trim()) ?? 0) + 1);
  }
  return rows.map((row) => {
    const id = row.id;
    // Described, never stringified: an id may be any JSON value, a list nested 100,000 deep included.
    if (id !== undefined && id !== null && typeof id !== 'string' && typeof id !== 'number') {
      return rowError('WRONG_TYPE', 'id', { of: 'id', value: described(id) }, { expected: 'a unit id (text or a number)', received: describeValue(id) });
    }
    if (id === undefined || id === null || String(id).trim() === '') {
      return rowError('MISSING_ID', 'id', {}, { expected: 'a unit id', received: id === undefined ? 'nothing' : describeValue(id) });
    }
    const count = counts.get(String(id).trim())!;
    if (count > 1) {
      return rowError('DUPLICATE_ID', 'id', { id: String(id), count }, { expected: 'an id used once', received: `${String(id)} (${count} rows)` });
    }
    if (!model.hasCriteria) {
      return rowError('NO_CRITERIA', 'grade', { mission: model.ref.mission, period: model.ref.period }, { expected: 'criteria', received: 'none' });
    }
    return undefined;
  });
}
