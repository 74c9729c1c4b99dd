// The one period pattern and the steps between periods, and that the JSON schemas say the same.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isPeriod, nextPeriod, PERIOD_SOURCE, periodLabel, previousPeriod } from '../../engine/period.js';

const root = join(import.meta.dirname, '../..');

describe('periods', () => {
  it('accepts 25xx-Q1..Q4 only', () => {
    expect(['2567-Q1', '2567-Q4', '2599-Q3'].every(isPeriod)).toBe(true);
    expect(['2467-Q1', '2567-Q0', '2567-Q5', '2567-q1', ' 2567-Q1', '2567-Q1\n', '../2567-Q1'].some(isPeriod)).toBe(false);
  });

  it('steps across a year', () => {
    expect(nextPeriod('2567-Q3')).toBe('2567-Q4');
    expect(nextPeriod('2567-Q4')).toBe('2568-Q1');
    expect(previousPeriod('2568-Q1')).toBe('2567-Q4');
    expect(previousPeriod('2567-Q4')).toBe('2567-Q3');
  });

  it('labels a period in Thai and English', () => {
    expect(periodLabel('2567-Q3')).toEqual({ th: 'ไตรมาส ๓/๒๕๖๗', en: '2567-Q3' });
  });

  it('is the pattern the JSON schemas give a period', () => {
    const schemaPattern = (file: string) => {
      const text = readFileSync(join(root, 'schemas', file), 'utf8');
      return [...text.matchAll(/"pattern":\s*"(\^25[^"]*Q\[1-4\]\$)"/g)].map((m) => m[1]!);
    };
    const patterns = [...schemaPattern('rubric.schema.json'), ...schemaPattern('manifest.schema.json')];
    expect(patterns.length).toBeGreaterThanOrEqual(2);
    for (const pattern of patterns) expect(new RegExp(pattern).source.replace('[0-9]', '\\d')).toBe(`^${PERIOD_SOURCE}$`);
  });
});
