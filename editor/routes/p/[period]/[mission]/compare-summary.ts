// What the publish confirmation repeats of the comparison shown on the page: the revision compared
// with, its changes in words, and the impact on the rows compared (how many change result, and the
// largest moves from one outcome to another).
import type { Change } from '$engine/diff.js';
import { OUTCOMES, type Impact, type Outcome } from '$engine/impact.js';
import type { Text } from '$engine/types.js';

/** One cell of the transition matrix off its diagonal: rows that went from one outcome to another. */
export interface Transition {
  from: Outcome;
  to: Outcome;
  count: number;
}

/** The impact as the confirmation says it. */
export interface ImpactSummary {
  /** The rows compared: the national sample, or the file's name. */
  source: Text;
  rows: number;
  /** Rows whose result changes (a score alone changing is not counted). */
  changed: number;
  /** The moves, largest first. */
  transitions: Transition[];
}

/** The comparison the page shows, for the confirmation. */
export interface CompareSummary {
  /** The revision compared with, as a key (2567-Q3r1) and in words (ไตรมาส ๓/๒๕๖๗ ฉบับที่ ๑ …). */
  key: string;
  against: Text;
  changes: Change[];
  /** Null while it is worked out, or when it cannot be (no grade rule, a file not read). */
  impact: ImpactSummary | null;
}

/** The impact's moves from one outcome to another, largest first. */
export function summariseImpact(impact: Impact, source: Text): ImpactSummary {
  const transitions: Transition[] = [];
  for (const from of OUTCOMES) for (const to of OUTCOMES) if (from !== to && impact.matrix[from][to] > 0) transitions.push({ from, to, count: impact.matrix[from][to] });
  transitions.sort((a, b) => b.count - a.count);
  return { source, rows: impact.rows, changed: transitions.reduce((n, t) => n + t.count, 0), transitions };
}
