import { describe, expect, it } from 'vitest';
import { pick } from '../../../editor/lib/lang.js';

describe('pick (the page shows one language)', () => {
  it('gives the Thai words in Thai mode and the English words in English mode, never both', () => {
    const words = { th: 'ช่องว่างของเกณฑ์', en: 'Gap in the bands' };
    expect(pick('th', words)).toBe('ช่องว่างของเกณฑ์');
    expect(pick('en', words)).toBe('Gap in the bands');
    expect(pick('th', 'ใช้ฉบับของเขา', 'take theirs')).toBe('ใช้ฉบับของเขา');
    expect(pick('en', 'ใช้ฉบับของเขา', 'take theirs')).toBe('take theirs');
  });
});
