import { describe, expect, it } from 'vitest';
import { manifestProblems } from '../../engine/manifest.js';

// A downloaded manifest's shape is checked before any of it is used, by bounded work whatever it
// holds: a value in error is shown by its type and size, never stringified or cloned whole.
describe('manifestProblems', () => {
  it('shows a scalar in error as JSON and a mapping by its size, in Thai and English', () => {
    const problems = manifestProblems({ format: 'x', period: 5, sequence: 1.5, publishedAt: 'now', missions: { otop: {} } });
    expect(problems.map((p) => p.en)).toEqual([
      'format: must be equal to constant ("x")',
      'period: must be string (5)',
      'sequence: must be integer (1.5)',
      'missions: must be array (an object with 1 key)',
    ]);
    expect(problems[3]!.th).toBe('missions: ต้องเป็น array (ออบเจกต์ที่มี 1 คีย์)');
  });
});
