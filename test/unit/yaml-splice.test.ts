// The visual editor's structural edits: each changes what it names, reads back as the value asked
// for, and leaves every other line of the text as it was.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { deleteIn, insertIn, moveIn, putIn } from '../../engine/yaml-splice.js';
import { loadRubric } from '../../engine/load.js';
import { validateRubric } from '../../engine/validate.js';

const rubrics = join(import.meta.dirname, '../../rubrics/2567-Q3');
const otop = readFileSync(join(rubrics, 'otop.yaml'), 'utf8');
const food = readFileSync(join(rubrics, 'food-security.yaml'), 'utf8');

/** The lines of `after` that are not in `before`, and the lines of `before` that went. */
function changedLines(before: string, after: string): { added: string[]; removed: string[] } {
  const a = before.split('\n');
  const b = after.split('\n');
  const count = (lines: string[]) => lines.reduce((m, l) => m.set(l, (m.get(l) ?? 0) + 1), new Map<string, number>());
  const ca = count(a);
  const cb = count(b);
  return {
    added: b.filter((l) => (ca.get(l) ?? 0) < (cb.get(l) ?? 0) && ca.set(l, (ca.get(l) ?? 0) + 1)),
    removed: a.filter((l) => (cb.get(l) ?? 0) < (count(a).get(l) ?? 0) && cb.set(l, (cb.get(l) ?? 0) + 1)),
  };
}

function valid(text: string): boolean {
  return validateRubric(loadRubric(text, 'x.yaml')).rubric !== undefined;
}

describe('putIn', () => {
  it('adds a new fact to a block map at its indentation, and nothing else changes', () => {
    const fact = { type: 'number', label: { th: 'ร้อยละของครัวเรือน', en: 'Households (%)' }, unit: 'percent', precision: 2 };
    const out = putIn(otop, ['facts', 'householdsPct'], fact)!;
    expect(parse(out).facts.householdsPct).toEqual(fact);
    expect(changedLines(otop, out).removed).toEqual([]);
    expect(out).toContain('\n  householdsPct:\n    type: number\n');
    expect(valid(out)).toBe(true);
  });
  it('creates the keys that lead to the value when the map is missing', () => {
    const out = putIn(food, ['facts', 'gardens'], { type: 'integer', label: { th: 'แปลง', en: 'Plots' } })!;
    expect(parse(out).facts).toEqual({ gardens: { type: 'integer', label: { th: 'แปลง', en: 'Plots' } } });
    expect(out.startsWith(food)).toBe(true);
  });
  it('replaces a whole value in place, keeping the lines around it', () => {
    const out = putIn(otop, ['name'], { th: 'หนึ่งตำบล', en: 'One tambon' })!;
    expect(parse(out).name).toEqual({ th: 'หนึ่งตำบล', en: 'One tambon' });
    const { added, removed } = changedLines(otop, out);
    expect(added).toEqual(['name:', '  th: หนึ่งตำบล', '  en: One tambon'].filter((l) => !otop.split('\n').includes(l)));
    expect(removed.length).toBeLessThanOrEqual(3);
  });
  it('sets a scalar with the one-scalar edit, quoting kept', () => {
    const out = putIn(otop, ['criteria', 0, 'bands', 0, 'value'], 7)!;
    expect(parse(out).criteria[0].bands[0].value).toBe(7);
    expect(changedLines(otop, out).added).toHaveLength(1);
  });
  it('writes into a flow map as a flow map', () => {
    const out = putIn(food, ['reporting', 'rounds', 0, 'label'], { th: 'รอบแรก', en: 'First' })!;
    expect(parse(out).reporting.rounds[0]).toEqual({ round: 1, due: '2024-04-19', label: { th: 'รอบแรก', en: 'First' } });
    expect(out).toContain('- { round: 1, due: 2024-04-19, label: { th: รอบแรก, en: First } }');
  });
  it('refuses a path through a missing list index', () => {
    expect(putIn(otop, ['criteria', 9, 'label'], { th: 'x', en: 'x' })).toBeUndefined();
  });
});

describe('deleteIn', () => {
  it('removes a key and its lines', () => {
    const out = deleteIn(otop, ['leadUnit'])!;
    expect(parse(out).leadUnit).toBeUndefined();
    expect(parse(out).name).toEqual(parse(otop).name);
    expect(changedLines(otop, out).added).toEqual([]);
  });
  it('removes a block list item, and the last item leaves an empty list', () => {
    const one = deleteIn(food, ['reporting', 'rounds', 1])!;
    expect(parse(one).reporting.rounds.map((r: { round: number }) => r.round)).toEqual([1, 3]);
    let text = food;
    for (let i = 0; i < 3; i++) text = deleteIn(text, ['reporting', 'rounds', 0])!;
    expect(parse(text).reporting.rounds).toEqual([]);
    expect(valid(text)).toBe(true);
  });
  it("removes the first key of a block list item and keeps the item's dash", () => {
    const text = 'rows:\n  - quote: old\n    level: A\n  - level: B\n';
    expect(deleteIn(text, ['rows', 0, 'quote'])).toBe('rows:\n  - level: A\n  - level: B\n');
  });
  it('leaves an empty map when its only key goes', () => {
    const text = 'facts:\n  x:\n    aliases:\n      column: [a]\n';
    expect(parse(deleteIn(text, ['facts', 'x', 'aliases', 'column'])!).facts.x.aliases).toEqual({});
  });
  it('answers undefined for a key that is not there', () => {
    expect(deleteIn(otop, ['nothing'])).toBeUndefined();
  });
});

describe('insertIn', () => {
  it('inserts a band before another, at the list indentation', () => {
    const band = { level: 'B', op: '>=', value: 4 };
    const out = insertIn(otop, ['criteria', 0, 'bands'], 1, band)!;
    const bands = parse(out).criteria[0].bands;
    expect(bands[1]).toEqual(band);
    expect(bands).toHaveLength(parse(otop).criteria[0].bands.length + 1);
    expect(changedLines(otop, out).removed).toEqual([]);
  });
  it('appends at the end, and creates a missing list', () => {
    const end = insertIn(food, ['reporting', 'rounds'], 3, { round: 4, due: '2024-07-20' })!;
    expect(parse(end).reporting.rounds[3]).toEqual({ round: 4, due: '2024-07-20' });
    const made = insertIn(food, ['examples'], 0, { name: 'x', facts: {}, expect: 'A' })!;
    expect(parse(made).examples).toEqual([{ name: 'x', facts: {}, expect: 'A' }]);
  });
  it('refuses an index past the end', () => {
    expect(insertIn(food, ['reporting', 'rounds'], 9, { round: 9, due: '2024-07-20' })).toBeUndefined();
  });
});

describe('moveIn', () => {
  it('moves a criterion with its lines and comments, in both directions', () => {
    const before = parse(otop).criteria.map((c: { id: string }) => c.id);
    const down = moveIn(otop, ['criteria'], 0, 1)!;
    expect(parse(down).criteria.map((c: { id: string }) => c.id)).toEqual([before[1], before[0], ...before.slice(2)]);
    expect(moveIn(down, ['criteria'], 1, 0)).toBe(otop);
    expect(changedLines(otop, down)).toEqual({ added: [], removed: [] });
  });
  it('moves within a flow list', () => {
    const text = 'a: [x, y, z]\n';
    expect(parse(moveIn(text, ['a'], 2, 0)!).a).toEqual(['z', 'x', 'y']);
  });
});
