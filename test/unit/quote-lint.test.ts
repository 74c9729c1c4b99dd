import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { kindOf } from '../../engine/analyze.js';
import { formatFinding, lintRubric } from '../../engine/lint.js';
import { loadRubric } from '../../engine/load.js';
import { validateRubric } from '../../engine/validate.js';
import { shippedRubrics } from '../helpers.js';

const OTOP = readFileSync(join(import.meta.dirname, '../../rubrics/2567-Q3/otop.yaml'), 'utf8');
const D_BAND = '- { level: D, op: "<", value: 2, quote: น้อยกว่าร้อยละ ๒ }';

function lint(text: string) {
  const loaded = loadRubric(text, 'otop.yaml');
  const { rubric, diagnostics } = validateRubric(loaded);
  return lintRubric(loaded, rubric, diagnostics).filter((f) => f.code === 'QUOTE_DIFFERS_FROM_RULE');
}

describe('lintRubric', () => {
  describe('when OTOP\'s D band becomes "<= 2" and keeps the letter\'s "น้อยกว่าร้อยละ ๒"', () => {
    const text = OTOP.replace(D_BAND, '- { level: D, op: "<=", value: 2, quote: น้อยกว่าร้อยละ ๒ }');
    const found = lint(text);

    it('reports QUOTE_DIFFERS_FROM_RULE at the quote, as a warning naming the criterion', () => {
      expect(text).not.toBe(OTOP);
      expect(found.map((f) => [f.code, f.severity, f.where.pointer, f.where.line, f.about.criterion, f.about.fact])).toEqual([
        ['QUOTE_DIFFERS_FROM_RULE', 'warning', '/criteria/1/bands/3/quote', 77, 'salesGrowth', 'salesGrowthPct'],
      ]);
      expect(kindOf(found[0]!.code)).toBe('quote-differs-from-rule');
    });

    it('gives the words the rule now says, in Thai and English', () => {
      expect(found[0]!.message.th).toContain('"น้อยกว่าร้อยละ ๒"');
      expect(found[0]!.message.th).toContain('"ไม่เกินร้อยละ ๒"');
      expect(found[0]!.message.en).toContain('"2 % or less"');
      expect(formatFinding(found[0]!, 'en')).toMatch(/^otop\.yaml:77:\d+ warning QUOTE_DIFFERS_FROM_RULE \/criteria\/1\/bands\/3\/quote: /);
    });
  });

  it('reports a threshold changed under its quote, and nothing once the quote is removed', () => {
    expect(lint(OTOP.replace(D_BAND, '- { level: D, op: "<", value: 1.5, quote: น้อยกว่าร้อยละ ๒ }'))).toHaveLength(1);
    expect(lint(OTOP.replace(D_BAND, '- { level: D, op: "<", value: 1.5 }'))).toEqual([]);
  });

  it('reports a ladder row whose quote writes a number its conditions no longer have', () => {
    const moral = shippedRubrics().find((s) => s.rubric?.mission === 'moral-organization')!;
    const text = moral.loaded.text.replace('{ fact: publicityChannels, operator: greaterThanInclusive, value: 3 }', '{ fact: publicityChannels, operator: greaterThanInclusive, value: 4 }');
    const found = lint(text);
    expect(found.map((f) => f.where.pointer)).toEqual(['/grade/rows/0/quote']);
    expect(found[0]!.message.th).toContain('๔ ช่องทางขึ้นไป');
  });

  it('reports nothing on the shipped 2567-Q3 rubrics: every quote says what its rule says', () => {
    const findings = shippedRubrics().flatMap((s) => lintRubric(s.loaded, s.rubric, s.diagnostics));
    expect(findings.filter((f) => f.code === 'QUOTE_DIFFERS_FROM_RULE')).toEqual([]);
  });
});
