import { describe, expect, it } from 'vitest';
import schema from '../../schemas/rubric.schema.json' with { type: 'json' };
import type * as T from '../../engine/types.js';

// Each object lists a type's keys; `satisfies` makes tsc fail when the type gains or loses one,
// and the test fails when the schema's properties differ. Together they keep types and schema in step.
type Keys<Type> = { [K in keyof Required<Type>]: true };
const keys = <Type>(k: Keys<Type>): string[] => Object.keys(k).sort();

const typeKeys: Record<string, string[]> = {
  '': keys<T.Rubric>({
    mission: true, number: true, period: true, revision: true, status: true, name: true, leadUnit: true,
    reporting: true, source: true, notes: true, facts: true, derived: true, conditions: true, criteria: true,
    exemptions: true, score: true, grade: true, examples: true,
  }),
  text: keys<T.Text>({ th: true, en: true }),
  source: keys<T.Source>({ document: true, date: true, lines: true, quote: true }),
  note: keys<T.Note>({ th: true, en: true, source: true }),
  reporting: keys<T.Reporting>({ channel: true, rounds: true }),
  round: keys<T.Round>({ round: true, due: true, label: true }),
  booleanFact: keys<T.BooleanFact>({ type: true, label: true, description: true, aliases: true, source: true }),
  integerFact: keys<T.IntegerFact>({ type: true, label: true, description: true, aliases: true, unit: true, min: true, max: true, better: true, source: true }),
  numberFact: keys<T.NumberFact>({ type: true, label: true, description: true, aliases: true, unit: true, precision: true, min: true, max: true, better: true, source: true }),
  enumFact: keys<T.EnumFact>({ type: true, label: true, description: true, aliases: true, values: true, source: true }),
  stringFact: keys<T.StringFact>({ type: true, label: true, description: true, aliases: true, catalog: true, source: true }),
  ratioDerived: keys<T.RatioDerived>({ type: true, label: true, numerator: true, denominator: true, multiplier: true, precision: true, unit: true, better: true, source: true }),
  countTrueDerived: keys<T.CountTrueDerived>({ type: true, label: true, facts: true, unit: true, better: true, source: true }),
  band: keys<T.Band>({ level: true, points: true, op: true, value: true, quote: true }),
  criterion: keys<T.Criterion>({ id: true, label: true, input: true, bands: true, otherTables: true, source: true }),
  exemption: keys<T.Exemption>({ id: true, label: true, when: true, notApplicable: true, source: true }),
  score: keys<T.Score>({ method: true, label: true, precision: true, whenNotApplicable: true }),
  worstGrade: keys<T.WorstGrade>({ type: true, source: true }),
  bandsGrade: keys<T.BandsGrade>({ type: true, input: true, bands: true, source: true }),
  ladderGrade: keys<T.LadderGrade>({ type: true, rows: true, floor: true, source: true }),
  truthTableGrade: keys<T.TruthTableGrade>({ type: true, columns: true, rows: true, source: true }),
  allCondition: keys<T.AllCondition>({ all: true }),
  anyCondition: keys<T.AnyCondition>({ any: true }),
  notCondition: keys<T.NotCondition>({ not: true }),
  factCondition: keys<T.FactCondition>({ fact: true, operator: true, value: true }),
  referenceCondition: keys<T.ReferenceCondition>({ condition: true }),
  example: keys<T.Example>({ name: true, facts: true, expect: true, score: true }),
  factAliases: keys<T.FactAliases>({ column: true }),
  booleanAliases: keys<T.BooleanAliases>({ column: true, yes: true, no: true }),
};

type SchemaNode = { properties?: Record<string, unknown>; description?: string; [k: string]: unknown };
const definitions = (schema as { definitions: Record<string, SchemaNode> }).definitions;

describe('schemas/rubric.schema.json', () => {
  for (const [name, expected] of Object.entries(typeKeys)) {
    it(`has the same properties as the TypeScript type for ${name || 'the rubric'}`, () => {
      const node = name === '' ? (schema as SchemaNode) : definitions[name]!;
      expect(Object.keys(node.properties ?? {}).sort()).toEqual(expected);
    });
  }

  it('describes every property in Thai and English', () => {
    const missing: string[] = [];
    const thai = /[\u0E00-\u0E7F]/;
    const visit = (node: unknown, path: string): void => {
      if (!node || typeof node !== 'object') return;
      const n = node as SchemaNode;
      for (const [key, child] of Object.entries(n.properties ?? {})) {
        const c = child as SchemaNode;
        const text = c.description ?? '';
        if (!thai.test(text) || !/[A-Za-z]{3}/.test(text)) missing.push(`${path}/${key}`);
      }
      for (const value of Object.values(n)) if (value && typeof value === 'object') visit(value, path);
    };
    visit(schema, '');
    expect(missing).toEqual([]);
  });

  it('is strict: every object definition with properties refuses unknown properties', () => {
    const open = Object.entries(definitions)
      .filter(([, d]) => d.properties && d.additionalProperties !== false && !d.discriminator)
      .map(([name]) => name);
    expect(open).toEqual([]);
  });
});
