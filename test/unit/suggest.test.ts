import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { closestName } from '../../engine/suggest.js';

/** Levenshtein distance, the plain way: the reference the bounded one must agree with. */
function distance(a: string, b: string): number {
  const table = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      table[i]![j] = Math.min(table[i - 1]![j]! + 1, table[i]![j - 1]! + 1, table[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
  }
  return table[a.length]![b.length]!;
}

function reference(name: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(name.length / 3)) + 1;
  for (const c of candidates) {
    const d = distance(name.toLowerCase(), c.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [c, d];
  }
  return best;
}

describe('closestName', () => {
  it('suggests the key a typo was meant to be', () => {
    expect(closestName('mision', ['mission', 'period', 'revision'])).toBe('mission');
    expect(closestName('Revison', ['mission', 'period', 'revision'])).toBe('revision');
    expect(closestName('unknownKey12345', ['mission', 'period', 'revision'])).toBeUndefined();
  });

  it('stops early without changing any answer (against the plain edit distance)', () => {
    const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'A', 'ก', 'x'), maxLength: 12 });
    fc.assert(
      fc.property(word, fc.array(word, { maxLength: 8 }), (name, candidates) => {
        expect(closestName(name, candidates)).toBe(reference(name, candidates));
      }),
      { numRuns: 2000, seed: 2567 },
    );
  });
});
