import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { kindOf, type AnalysisCode } from '../../engine/analysis/finding.js';
import { ANALYSIS_CODES } from '../../engine/problems/analysis-codes.js';
import { DATA_CODES } from '../../engine/problems/data-codes.js';
import {
  AUDIT_ACTION_WORDS,
  auditActionWords,
  dataCodeWords,
  digestWords,
  findingWords,
  outcomeWords,
  revisionWords,
  SEVERITY_WORDS,
  STATE_WORDS,
} from '../../engine/words.js';
import type { Text } from '../../engine/types.js';

const THAI = /[\u0e00-\u0e7f]/;

/** Thai words in Thai (no id, no camelCase, no SNAKE_CASE), English words in English. */
function expectWords(words: Text | undefined, id: string): void {
  expect(words, id).toBeDefined();
  expect(words!.th, id).toMatch(THAI);
  expect(words!.th, id).not.toMatch(/[a-z][A-Z]|[A-Z]{2,}_|_/);
  expect(words!.en, id).not.toMatch(THAI);
  expect(words!.en.trim().length, id).toBeGreaterThan(2);
  expect(words!.en, id).not.toBe(id);
}

/** The audit actions the store writes (`action: '…'` in engine/store). */
function actionsWritten(): string[] {
  const dir = 'engine/store';
  const found = new Set<string>();
  for (const file of readdirSync(dir)) {
    for (const m of readFileSync(join(dir, file), 'utf8').matchAll(/action: '([a-z-]+)'/g)) found.add(m[1]!);
  }
  return [...found];
}

describe('the words people read for ids', () => {
  it('names every finding kind in Thai and English, never as its id', () => {
    for (const code of Object.keys(ANALYSIS_CODES) as AnalysisCode[]) {
      const words = findingWords(code, 'error');
      expectWords(words, code);
      expect(words.en.toLowerCase(), code).not.toBe(kindOf(code));
    }
    expect(findingWords('HOLE', 'error').th).toBe('ช่องว่างของเกณฑ์');
    expect(findingWords('OVERLAP', 'warning').th).toBe('ช่วงซ้อนทับ');
    expect(findingWords('UNREACHABLE', 'warning').th).toBe('ระดับที่ไม่มีทางได้');
    // A gap that cannot change a grade is not called a gap in the bands.
    expect(findingWords('HOLE', 'info').th).not.toBe(findingWords('HOLE', 'error').th);
  });

  it('names every data problem code, every severity and every state', () => {
    for (const code of Object.keys(DATA_CODES)) expectWords(dataCodeWords(code), code);
    for (const [severity, words] of Object.entries(SEVERITY_WORDS)) expectWords(words, severity);
    for (const [state, words] of Object.entries(STATE_WORDS)) expectWords(words, state);
  });

  it('names every audit action the store writes', () => {
    const written = actionsWritten();
    expect(written).toContain('publish');
    for (const action of written) {
      expect(Object.keys(AUDIT_ACTION_WORDS), action).toContain(action);
      expectWords(auditActionWords(action), action);
    }
  });

  it('names an outcome that is not a level in words, and a level as itself', () => {
    expect(outcomeWords('unmatched')).toEqual({ th: 'ไม่ตรงกับระดับใด', en: 'no level matched' });
    expect(outcomeWords('error').th).toBe('ข้อมูลผิด');
    expect(outcomeWords('B')).toEqual({ th: 'B', en: 'B' });
  });

  it('writes a revision with Thai digits and a digest as a short check code', () => {
    expect(revisionWords(12)).toEqual({ th: 'ฉบับที่ ๑๒', en: 'revision 12' });
    const words = digestWords(`sha256:3fa9c2d1${'0'.repeat(56)}`);
    expect(words).toEqual({ th: 'รหัสตรวจสอบ 3fa9c2d1', en: 'check code 3fa9c2d1' });
  });
});
