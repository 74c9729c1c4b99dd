// A revision named in one word, as the history page's query carries it.
import { describe, expect, it } from 'vitest';
import { parseRevisionKey, revisionKey } from '../../engine/revision-key.js';

describe('revisionKey', () => {
  it('names a revision of a period in one word and reads it back', () => {
    expect(revisionKey('2567-Q3', 2)).toBe('2567-Q3r2');
    expect(parseRevisionKey('2567-Q3r2')).toEqual({ period: '2567-Q3', revision: 2 });
  });
  it('reads no revision from a word that names none', () => {
    for (const word of ['2567-Q3', '2567-Q3r0', '2567-Q5r1', '2567-Q3r1x', ' 2567-Q3r1', '2567-Q3r01', '../r1']) expect(parseRevisionKey(word), word).toBeUndefined();
  });
});
