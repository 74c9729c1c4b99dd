import { describe, expect, it } from 'vitest';
import { summariseImpact } from '../../../editor/routes/p/[period]/[mission]/compare-summary.js';
import { OUTCOMES, type Impact } from '../../../engine/impact.js';

const ref = { mission: 'otop', period: '2567-Q3', revision: 1, digest: 'sha256:x' };

describe('summariseImpact', () => {
  it('counts the rows that change result and lists the moves largest first, leaving the diagonal out', () => {
    const matrix = Object.fromEntries(OUTCOMES.map((o) => [o, Object.fromEntries(OUTCOMES.map((p) => [p, 0]))])) as Impact['matrix'];
    matrix.A.A = 50;
    matrix.unmatched.D = 7;
    matrix.C.unmatched = 2;
    matrix.B.A = 9;
    const summary = summariseImpact({ from: ref, to: ref, rows: 68, matrix, moves: [] }, { th: 'ตัวอย่าง', en: 'sample' });
    expect(summary.changed).toBe(18);
    expect(summary.transitions).toEqual([
      { from: 'B', to: 'A', count: 9 },
      { from: 'unmatched', to: 'D', count: 7 },
      { from: 'C', to: 'unmatched', count: 2 },
    ]);
    expect(summary.rows).toBe(68);
  });
});
