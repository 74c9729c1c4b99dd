// The visual editor has a control for every property of the rubric schema: the registry's, or the
// generic one its schema shape gives; and every reference to another part of the rubric (a fact, a
// criterion, a named condition) is picked from what exists, never typed.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import schema from '../../schemas/rubric.schema.json' with { type: 'json' };
import { defaultOf, labelOf, refName, resolve, schemaProperties, shapeOf, type SchemaNode } from '../../engine/schema-form.js';
import { REGISTRY } from '../../editor/routes/p/[period]/[mission]/form/registry.js';

const root = schema as unknown as SchemaNode;
const form = join(import.meta.dirname, '../../editor/routes/p/[period]/[mission]/form');
const components = ['FormField.svelte', 'ValueField.svelte', 'ReferenceField.svelte'].map((f) => readFileSync(join(form, f), 'utf8')).join('\n');

/** Whether a property names another part of the rubric by its id (not its own id). */
function isReference(location: string, node: SchemaNode): boolean {
  const name = location.split('/').pop()!;
  if (name === 'id') return false;
  const items = (node.items ?? {}) as SchemaNode;
  return refName(node) === 'id' || refName(items) === 'id' || name === 'input';
}

describe('the rubric form', () => {
  const properties = schemaProperties(root);

  it('walks every property of the schema (a broken walk would find few)', () => {
    expect(properties.length).toBeGreaterThan(120);
    expect(properties.map((p) => p.location)).toContain('#/definitions/ladderGrade/properties/rows/items/properties/when');
  });

  it('has a control for every property', () => {
    const missing = properties.filter(({ location, node }) => !(location in REGISTRY) && shapeOf(root, node).kind === 'unsupported').map((p) => p.location);
    expect(missing).toEqual([]);
  });

  it('picks every reference to a fact, criterion or named condition from a list', () => {
    const typed = properties.filter(({ location, node }) => isReference(location, node) && !(location in REGISTRY)).map((p) => p.location);
    expect(typed).toEqual([]);
  });

  it('names only places the schema has, and only controls the components handle', () => {
    const locations = new Set(properties.map((p) => p.location));
    expect(Object.keys(REGISTRY).filter((l) => !locations.has(l))).toEqual([]);
    const unhandled = [...new Set(Object.values(REGISTRY))].filter((control) => !components.includes(`'${control}'`));
    expect(unhandled).toEqual([]);
  });

  it('labels every property in Thai and English from the schema', () => {
    const unlabelled = properties.filter(({ node }) => {
      const label = labelOf(node.description ? node : resolve(root, node));
      return !label.th || !label.en || label.th === label.en;
    });
    expect(unlabelled.map((p) => p.location)).toEqual([]);
  });

  it('starts each new item as the schema requires (a new fact, criterion, exemption or example)', () => {
    const definitions = root.definitions as Record<string, SchemaNode>;
    expect(defaultOf(root, definitions.criterion!)).toEqual({ id: '', label: { th: '', en: '' }, input: '', bands: [{ op: '>', value: 0 }] });
    expect(defaultOf(root, { $ref: '#/definitions/exemption' })).toMatchObject({ id: '', notApplicable: [] });
    expect(defaultOf(root, { $ref: '#/definitions/example' })).toEqual({ name: '', facts: {}, expect: 'A' });
  });
});
