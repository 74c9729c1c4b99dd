import type { CompiledRubric } from './compile.js';
import { explain, type Explanation, type TraceEntry } from './explain.js';
import type { Model, RubricRef } from './model.js';
import { rowError, type RowError } from './row-problems.js';
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
  readonly #model: Model;
  #explanation: Explanation | undefined;

  constructor(model: Model, id: string, verdict: Verdict) {
    this.#model = model;
    this.id = id;
    this.verdict = verdict;
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
  get reason(): Text {
    return this.#explain().reason;
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

/** Grades rows through the compiled path, in input order. */
export function gradeRows(compiled: CompiledRubric, rows: readonly Row[]): GradeResult[] {
  const problems = rowIdProblems(compiled.model, rows);
  return rows.map((row, index) => {
    const id = idOf(row, index);
    const problem = problems[index];
    return new GradeResult(compiled.model, id, problem ? errorVerdict(row, [], [], [problem]) : compiled.grade(row));
  });
}

/** Grades rows through json-rules-engine, in input order. */
export async function gradeRowsReference(reference: ReferenceRubric, rows: readonly Row[]): Promise<GradeResult[]> {
  const problems = rowIdProblems(reference.model, rows);
  const results: GradeResult[] = [];
  for (const [index, row] of rows.entries()) {
    const problem = problems[index];
    const verdict = problem ? errorVerdict(row, [], [], [problem]) : await reference.grade(row);
    results.push(new GradeResult(reference.model, idOf(row, index), verdict));
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
    if ((typeof id !== 'string' && typeof id !== 'number') || String(id).trim() === '') {
      return rowError('MISSING_ID', 'id', 'a unit id', id === undefined ? 'nothing' : JSON.stringify(id), {
        th: 'แถวนี้ไม่มีรหัสหน่วยงาน (id)',
        en: 'the row has no unit id',
      });
    }
    const count = counts.get(String(id).trim())!;
    if (count > 1) {
      return rowError('DUPLICATE_ID', 'id', 'an id used once', `${String(id)} (${count} rows)`, {
        th: `รหัสหน่วยงาน ${String(id)} ซ้ำกัน ${count} แถว`,
        en: `the unit id ${String(id)} is used by ${count} rows`,
      });
    }
    if (!model.hasCriteria) {
      return rowError('NO_CRITERIA', 'grade', 'criteria', 'none', {
        th: `ภารกิจ ${model.ref.mission} ยังไม่มีเกณฑ์ในไตรมาส ${model.ref.period}`,
        en: `mission ${model.ref.mission} has no criteria for ${model.ref.period}`,
      });
    }
    return undefined;
  });
}
