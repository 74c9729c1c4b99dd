// Hand-written TypeScript graders for otop and women-fund, written only as the benchmark's
// baseline: what a programmer would write for one mission, with the same checks and output.
import { roundHalfUp } from '../engine/round.js';
import type { Level } from '../engine/types.js';

/** What the baselines return: the same verdict fields the engine decides. */
export interface HandVerdict {
  status: 'graded' | 'unmatched' | 'error';
  grade: Level | null;
  score: number | null;
  bands: number[];
}

function isCount(v: unknown): v is number {
  return typeof v === 'number' && Number.isInteger(v) && v >= 0;
}

function isPercent(v: unknown, min: number, max: number): v is number {
  if (typeof v !== 'number' || !Number.isFinite(v)) return false;
  const r = roundHalfUp(v, 2);
  return r >= min && r <= max;
}

/** OTOP by hand: new products and sales growth, the worse of the two. */
export function gradeOtopByHand(row: Record<string, unknown>): HandVerdict {
  const products = row.newProducts;
  const growth = row.salesGrowthPct;
  if (!isCount(products) || !isPercent(growth, -100, Infinity)) return { status: 'error', grade: null, score: null, bands: [] };
  const g = roundHalfUp(growth, 2);
  const p = products >= 5 ? 0 : products >= 4 ? 1 : products >= 3 ? 2 : 3;
  const s = g > 4 ? 0 : g > 3 ? 1 : g > 2 ? 2 : g < 2 ? 3 : -1;
  const levels: Level[] = ['A', 'B', 'C', 'D'];
  // 2.00 % is in the letter's hole: C or D; with products already D it is D either way.
  if (s < 0) return p === 3 ? { status: 'graded', grade: 'D', score: null, bands: [p, s] } : { status: 'unmatched', grade: null, score: null, bands: [p, s] };
  return { status: 'graded', grade: levels[Math.max(p, s)]!, score: null, bands: [p, s] };
}

/** Women fund by hand: three activities scored 100/75/50/25, averaged, banded. */
export function gradeWomenFundByHand(row: Record<string, unknown>): HandVerdict {
  const debt = row.overdueDebtPct;
  const members = row.memberGrowthPctOfTarget;
  const groups = row.groupsPromotedPctOfTarget;
  if (!isPercent(debt, 0, 100) || !isPercent(members, 0, Infinity) || !isPercent(groups, 0, Infinity)) {
    return { status: 'error', grade: null, score: null, bands: [] };
  }
  const d = roundHalfUp(debt, 2);
  const m = roundHalfUp(members, 2);
  const g = roundHalfUp(groups, 2);
  const db = d < 10 ? 0 : d >= 10 && d <= 12 ? 1 : d >= 12.01 && d <= 14 ? 2 : d > 14 ? 3 : -1;
  const mb = m > 75 ? 0 : m >= 70 && m <= 75 ? 1 : m >= 65 && m <= 69 ? 2 : m < 65 ? 3 : -1;
  const gb = g >= 90 ? 0 : g >= 80 && g <= 88.99 ? 1 : g >= 70 && g <= 79.99 ? 2 : g < 70 ? 3 : -1;
  const points = [100, 75, 50, 25];
  const levelOf = (score: number): Level | null =>
    score >= 80 ? 'A' : score >= 70 && score <= 79 ? 'B' : score >= 60 && score <= 69 ? 'C' : score < 60 ? 'D' : null;
  if (db >= 0 && mb >= 0 && gb >= 0) {
    const score = roundHalfUp((points[db]! + points[mb]! + points[gb]!) / 3, 2);
    const level = levelOf(score);
    return { status: level ? 'graded' : 'unmatched', grade: level, score, bands: [db, mb, gb] };
  }
  // The letter's holes (members 69.01 – 69.99: 75 or 50; groups 89.00 – 89.99: 100 or 75) grade
  // only when every way of closing them gives one level.
  const grades = new Set<Level | null>();
  for (const m2 of mb >= 0 ? [mb] : [1, 2]) {
    for (const g2 of gb >= 0 ? [gb] : [0, 1]) grades.add(levelOf(roundHalfUp((points[db]! + points[m2]! + points[g2]!) / 3, 2)));
  }
  const [only] = [...grades];
  if (grades.size === 1 && only) return { status: 'graded', grade: only, score: null, bands: [db, mb, gb] };
  return { status: 'unmatched', grade: null, score: null, bands: [db, mb, gb] };
}
