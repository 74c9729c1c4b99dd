// Which published revision a draft is compared with, how the URL names it, and how it is labelled.
import { describe, expect, it } from 'vitest';
import { baselineLabel, chooseBaseline, compareKey, defaultBaseline, parseCompareKey, publishedDate, type PublishedRef } from '../../engine/compare-baseline.js';

const ref = (period: string, revision: number, publishedAt = '2024-07-15T03:00:00.000Z'): PublishedRef => ({ period, revision, digest: `sha256:${period}r${revision}`, publishedAt });
const PUBLISHED = [ref('2567-Q2', 1), ref('2567-Q3', 1), ref('2567-Q3', 2), ref('2568-Q1', 1)];

describe('defaultBaseline', () => {
  it('takes the period\'s own latest revision when it has one', () => {
    expect(defaultBaseline('2567-Q3', PUBLISHED)).toMatchObject({ period: '2567-Q3', revision: 2 });
  });

  it('takes the previous period\'s latest for a new quarter with nothing published yet', () => {
    expect(defaultBaseline('2567-Q4', PUBLISHED)).toMatchObject({ period: '2567-Q3', revision: 2 });
  });

  it('skips back over quarters without a revision, and never takes a later period\'s', () => {
    expect(defaultBaseline('2567-Q1', PUBLISHED)).toBeUndefined();
    expect(defaultBaseline('2567-Q2', PUBLISHED)).toMatchObject({ period: '2567-Q2', revision: 1 });
    expect(defaultBaseline('2568-Q3', [ref('2567-Q4', 3), ref('2567-Q3', 5)])).toMatchObject({ period: '2567-Q4', revision: 3 });
  });
});

describe('chooseBaseline', () => {
  it('takes the revision the URL names', () => {
    expect(chooseBaseline('2567-Q4', PUBLISHED, '2567-Q2r1')).toMatchObject({ chosen: { period: '2567-Q2', revision: 1 }, unknown: false });
  });

  it('falls back to the default, saying so, when the URL names no published revision', () => {
    for (const asked of ['2567-Q3r9', '2567-Q3', 'x', '2567-Q3r1/../']) {
      expect(chooseBaseline('2567-Q4', PUBLISHED, asked)).toMatchObject({ chosen: { period: '2567-Q3', revision: 2 }, unknown: true });
    }
    expect(chooseBaseline('2567-Q4', PUBLISHED, null)).toMatchObject({ chosen: { revision: 2 }, unknown: false });
  });
});

describe('compareKey', () => {
  it('round-trips through the URL', () => {
    expect(compareKey({ period: '2567-Q3', revision: 12 })).toBe('2567-Q3r12');
    expect(parseCompareKey('2567-Q3r12')).toEqual({ period: '2567-Q3', revision: 12 });
    expect(['2567-Q3r0', '2567-Q5r1', '2567-Q3r', ' 2567-Q3r1', '2567-Q3r01'].map(parseCompareKey)).toEqual([undefined, undefined, undefined, undefined, undefined]);
  });
});

describe('baselineLabel', () => {
  it('names the quarter, revision and publication day in Thai digits and the Buddhist era, and in English', () => {
    expect(baselineLabel(ref('2567-Q3', 1))).toEqual({
      th: 'ไตรมาส ๓/๒๕๖๗ ฉบับที่ ๑ (เผยแพร่ ๑๕ ก.ค. ๒๕๖๗)',
      en: '2567-Q3 revision 1 (published 15 July 2024)',
    });
  });

  it('dates a publication by Bangkok\'s day, whatever the time zone of the machine', () => {
    // 20:30 UTC on 31 December is 03:30 on 1 January in Bangkok.
    expect(publishedDate('2024-12-31T20:30:00.000Z')).toEqual({ th: '๑ ม.ค. ๒๕๖๘', en: '1 January 2025' });
    expect(publishedDate('2024-12-31T16:59:59.000Z').en).toBe('31 December 2024');
    expect(publishedDate('not a date')).toEqual({ th: 'not a date', en: 'not a date' });
  });
});
