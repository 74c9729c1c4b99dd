// How a new rubric version would move real units: each row graded under both versions, the moves counted and listed.
import type { CompiledRubric } from './compile.js';
import { gradeRows } from './evaluate.js';
import { outcomeOf } from './examples.js';
import type { RubricRef } from './model.js';
import type { Text } from './types.js';

/** What a row can come to: a level, no level, or bad data. */
export const OUTCOMES = ['A', 'B', 'C', 'D', 'unmatched', 'error'] as const;
/** One outcome. */
export type Outcome = (typeof OUTCOMES)[number];

/** One unit whose result changes between two rubric versions. */
export interface Move {
  id: string;
  from: Outcome;
  to: Outcome;
  scoreFrom: number | null;
  scoreTo: number | null;
  reasonFrom: Text;
  reasonTo: Text;
}

/** The effect of a new rubric version on a data set. */
export interface Impact {
  from: RubricRef;
  to: RubricRef;
  rows: number;
  /** matrix[from][to]: how many rows went from one outcome to another. */
  matrix: Record<Outcome, Record<Outcome, number>>;
  moves: Move[];
}

/** Grades every row under both versions and counts the transitions, listing the rows that move. */
export function impactOf(before: CompiledRubric, after: CompiledRubric, rows: readonly Record<string, unknown>[]): Impact {
  const a = gradeRows(before, rows);
  const b = gradeRows(after, rows);
  const matrix = Object.fromEntries(OUTCOMES.map((o) => [o, Object.fromEntries(OUTCOMES.map((p) => [p, 0]))])) as Impact['matrix'];
  const moves: Move[] = [];
  a.forEach((ra, i) => {
    const rb = b[i]!;
    const from = outcomeOf(ra) as Outcome;
    const to = outcomeOf(rb) as Outcome;
    matrix[from][to]++;
    if (from !== to || ra.score !== rb.score) {
      moves.push({ id: ra.id, from, to, scoreFrom: ra.score, scoreTo: rb.score, reasonFrom: ra.reason, reasonTo: rb.reason });
    }
  });
  return { from: before.model.ref, to: after.model.ref, rows: rows.length, matrix, moves };
}

/** The transition matrix and the moves as text for people. */
export function formatImpact(impact: Impact): string {
  const lines = [
    `${impact.from.mission}: ${impact.from.period} r${impact.from.revision} → ${impact.to.period} r${impact.to.revision}, ${impact.rows} แถว/rows`,
    '',
    `ก่อน\\หลัง  ${OUTCOMES.map((o) => o.padStart(10)).join('')}`,
    `from\\to    ${OUTCOMES.map(() => ''.padStart(10)).join('')}`,
  ];
  for (const from of OUTCOMES) {
    lines.push(`${from.padEnd(10)} ${OUTCOMES.map((to) => String(impact.matrix[from][to]).padStart(10)).join('')}`);
  }
  const changed = impact.moves.filter((m) => m.from !== m.to);
  lines.push('', `${changed.length} แถวเปลี่ยนผล / rows change result; ${impact.moves.length - changed.length} เปลี่ยนเฉพาะคะแนน / change score only`);
  for (const m of impact.moves) {
    lines.push(`${m.id}: ${m.from} → ${m.to}${m.scoreFrom !== m.scoreTo ? ` (score ${m.scoreFrom ?? '—'} → ${m.scoreTo ?? '—'})` : ''}`);
    lines.push(`    ${m.reasonTo.th}`);
    lines.push(`    ${m.reasonTo.en}`);
  }
  return lines.join('\n');
}
