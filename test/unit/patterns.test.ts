// Each pattern a mission without criteria can start from is a valid rubric whose examples pass,
// and copying another mission's structure gives a valid rubric that grades as that mission does.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { PATTERNS, copiedParts, patternParts } from '../../engine/patterns.js';
import { analyseLive } from '../../engine/text-analysis.js';
import { putIn } from '../../engine/yaml-splice.js';
import { shippedRubric } from '../helpers.js';

const food = readFileSync(join(import.meta.dirname, '../../rubrics/2567-Q3/food-security.yaml'), 'utf8');

/** food-security with the parts written in, as the editor writes them. */
function withParts(parts: object): string {
  let text = food;
  for (const [key, value] of Object.entries(parts)) text = putIn(text, [key], value)!;
  return text;
}

describe('patternParts', () => {
  for (const pattern of PATTERNS) {
    it(`starts food-security as a valid "${pattern}" rubric whose examples all pass`, () => {
      const live = analyseLive(withParts(patternParts(pattern)), '2567-Q3', 'food-security');
      expect(live.findings.filter((f) => f.severity === 'error')).toEqual([]);
      expect(live.rubric?.grade?.type).toBe(pattern === 'sum' || pattern === 'mean' ? 'bands' : pattern);
      expect(live.examples.length).toBeGreaterThan(0);
      expect(live.examples.filter((e) => !e.passed)).toEqual([]);
    });
  }
  it('keeps the rest of the file as it was', () => {
    const text = withParts(patternParts('ladder'));
    expect(text.startsWith(food)).toBe(true);
    expect(parse(text).notes).toEqual(parse(food).notes);
  });
});

describe('copiedParts', () => {
  it("gives food-security OTOP's criteria, grade rule and examples, which pass there too", () => {
    const otop = shippedRubric('otop').rubric;
    const live = analyseLive(withParts(copiedParts(otop)), '2567-Q3', 'food-security');
    expect(live.rubric?.criteria?.map((c) => c.id)).toEqual(otop.criteria!.map((c) => c.id));
    expect(live.examples.filter((e) => !e.passed)).toEqual([]);
    expect(live.examples).toHaveLength(otop.examples!.length);
    // OTOP's letter does not speak for food-security: no quote is copied (OTOP has them).
    expect(JSON.stringify(otop.criteria)).toContain('"quote"');
    expect(JSON.stringify(copiedParts(otop))).not.toContain('"quote"');
    // Nor its source lines or other tables, while a fact of any name is kept as it is.
    const cf = shippedRubric('community-fund').rubric;
    const copied = copiedParts(cf);
    expect(cf.criteria!.some((c) => 'source' in c || 'otherTables' in c)).toBe(true);
    expect(copied.criteria!.some((c) => 'source' in c || 'otherTables' in c)).toBe(false);
    expect(copiedParts({ ...otop, facts: { ...otop.facts, quote: { type: 'number', label: { th: 'ก', en: 'a' } } } } as never).facts).toHaveProperty('quote');
    expect(live.rubric?.criteria?.[1]?.bands.map((b) => b.value)).toEqual(otop.criteria![1]!.bands.map((b) => b.value));
  });
});
