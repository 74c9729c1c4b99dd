// The rubric schema read as a form: what control each place of a rubric needs (text in two
// languages, a number, a choice, a list, a map of ids, one of several forms), its label in Thai and
// English from the schema's own descriptions, and a value to start a new item with. The visual
// editor renders every property from this, so a property the schema gains has a control at once.
import type { Text } from './types.js';

/** A JSON Schema node as the rubric schema writes them. */
export type SchemaNode = { [key: string]: unknown };

/** How a place in the document is edited. */
export type Shape =
  | { kind: 'text' }
  | { kind: 'string'; pattern: string | undefined; format: string | undefined; multiline: boolean }
  | { kind: 'number'; integer: boolean; minimum: number | undefined; maximum: number | undefined }
  | { kind: 'boolean' }
  | { kind: 'choice'; values: (string | number)[] }
  | { kind: 'scalar' }
  | { kind: 'object'; properties: { name: string; node: SchemaNode; required: boolean }[] }
  | { kind: 'list'; items: SchemaNode; minItems: number }
  | { kind: 'map'; values: SchemaNode }
  | { kind: 'union'; branches: { node: SchemaNode; label: Text; tag: string }[] }
  | { kind: 'unsupported' };

/** Follows `$ref` (a local `#/definitions/…`), keeping the referring node's own description. */
export function resolve(root: SchemaNode, node: SchemaNode): SchemaNode {
  let current = node;
  const seen = new Set<string>();
  while (typeof current.$ref === 'string' && !seen.has(current.$ref)) {
    seen.add(current.$ref);
    const target = refTarget(root, current.$ref);
    current = { ...target, ...(current.description ? { description: current.description } : {}) };
  }
  return current;
}

/** The definition a `$ref` names. */
export function refTarget(root: SchemaNode, ref: string): SchemaNode {
  const name = ref.replace('#/definitions/', '');
  return ((root.definitions as Record<string, SchemaNode>)[name] ?? {}) as SchemaNode;
}

/** The name of the definition a node refers to, if it is a `$ref`. */
export function refName(node: SchemaNode): string | undefined {
  return typeof node.$ref === 'string' ? node.$ref.replace('#/definitions/', '') : undefined;
}

/** A schema description "ไทย / English" as text in each language. */
export function labelOf(node: SchemaNode): Text {
  const description = typeof node.description === 'string' ? node.description : '';
  const at = description.indexOf(' / ');
  if (at === -1) return { th: description, en: description };
  return { th: description.slice(0, at).trim(), en: description.slice(at + 3).trim() };
}

/** The branches of a union: `oneOf`, or the if/then/else chain conditions use. */
function branchesOf(root: SchemaNode, node: SchemaNode): SchemaNode[] | undefined {
  if (Array.isArray(node.oneOf)) return node.oneOf as SchemaNode[];
  if (!node.if) return undefined;
  const out: SchemaNode[] = [];
  let current: SchemaNode | undefined = node;
  while (current?.if) {
    out.push(current.then as SchemaNode);
    const rest = current.else as SchemaNode | undefined;
    current = rest && !rest.if ? undefined : rest;
    if (rest && !rest.if) out.push(rest);
  }
  return out.map((branch) => branch ?? {}).filter((b) => Object.keys(resolve(root, b)).length > 0);
}

/** A union branch's tag: its discriminator's const, its single required key, or its const value. */
function tagOf(root: SchemaNode, branch: SchemaNode): string {
  const node = resolve(root, branch);
  const props = (node.properties ?? {}) as Record<string, SchemaNode>;
  if (props.type && 'const' in props.type) return String(props.type.const);
  if ('const' in node) return String(node.const);
  const required = (node.required ?? []) as string[];
  return required[0] ?? refName(branch) ?? '';
}

/** What control a schema node needs. */
export function shapeOf(root: SchemaNode, given: SchemaNode): Shape {
  const node = resolve(root, given);
  if (refName(given) === 'text') return { kind: 'text' };
  const branches = branchesOf(root, node);
  if (branches) return { kind: 'union', branches: branches.map((b) => ({ node: b, label: labelOf(resolve(root, b)), tag: tagOf(root, b) })) };
  if ('const' in node) return { kind: 'choice', values: [node.const as string] };
  if (Array.isArray(node.enum)) return { kind: 'choice', values: node.enum as (string | number)[] };
  if (Array.isArray(node.type)) return { kind: 'scalar' };
  switch (node.type) {
    case 'string':
      return { kind: 'string', pattern: node.pattern as string | undefined, format: node.format as string | undefined, multiline: false };
    case 'number':
    case 'integer':
      return { kind: 'number', integer: node.type === 'integer', minimum: node.minimum as number | undefined, maximum: node.maximum as number | undefined };
    case 'boolean':
      return { kind: 'boolean' };
    case 'array':
      return { kind: 'list', items: (node.items ?? {}) as SchemaNode, minItems: (node.minItems as number | undefined) ?? 0 };
    case 'object':
      if (node.additionalProperties && typeof node.additionalProperties === 'object') return { kind: 'map', values: node.additionalProperties as SchemaNode };
      return { kind: 'object', properties: objectProperties(node) };
  }
  return { kind: 'unsupported' };
}

function objectProperties(node: SchemaNode): { name: string; node: SchemaNode; required: boolean }[] {
  const required = new Set((node.required ?? []) as string[]);
  return Object.entries((node.properties ?? {}) as Record<string, SchemaNode>).map(([name, child]) => ({ name, node: child, required: required.has(name) }));
}

/** Which branch of a union a value is in: by its discriminator, its tag key, or its type. */
export function branchIndex(root: SchemaNode, shape: Extract<Shape, { kind: 'union' }>, value: unknown): number {
  const found = shape.branches.findIndex(({ node, tag }) => {
    const branch = resolve(root, node);
    if ('const' in branch) return value === branch.const;
    if (value === null || typeof value !== 'object') return false;
    const v = value as Record<string, unknown>;
    if ((branch.properties as Record<string, SchemaNode> | undefined)?.type && 'const' in (branch.properties as Record<string, SchemaNode>).type!) return v.type === tag;
    return tag in v;
  });
  // A fact condition has no tag key of its own: it is the branch none of the others claims.
  return found === -1 ? shape.branches.length - 1 : found;
}

/** A value to start a new item with: the required properties, each at its simplest valid value. */
export function defaultOf(root: SchemaNode, given: SchemaNode, depth = 0): unknown {
  const node = resolve(root, given);
  if ('default' in node) return node.default;
  if (Array.isArray(node.anyOf)) return defaultOf(root, node.anyOf[0] as SchemaNode, depth + 1);
  const shape = shapeOf(root, given);
  switch (shape.kind) {
    case 'text':
      return { th: '', en: '' };
    case 'choice':
      return shape.values[0];
    case 'string':
      return '';
    case 'number':
      return shape.minimum ?? 0;
    case 'boolean':
      return false;
    case 'scalar':
      return null;
    case 'list':
      // A list of ids starts empty: its picker adds what exists (an empty id would only be an error).
      return shape.minItems > 0 && depth < 6 && refName(shape.items) !== 'id' ? [defaultOf(root, shape.items, depth + 1)] : [];
    case 'map':
      return {};
    case 'union':
      return depth < 6 ? defaultOf(root, shape.branches[shape.branches.length - 1]!.node, depth + 1) : {};
    case 'object':
      return Object.fromEntries(shape.properties.filter((p) => p.required).map((p) => [p.name, defaultOf(root, p.node, depth + 1)]));
  }
  return null;
}

/** Every property of the schema as `#/properties/x` or `#/definitions/d/properties/x`, with its node. */
export function schemaProperties(root: SchemaNode): { location: string; node: SchemaNode }[] {
  const out: { location: string; node: SchemaNode }[] = [];
  const walk = (node: SchemaNode, at: string) => {
    for (const [name, child] of Object.entries((node.properties ?? {}) as Record<string, SchemaNode>)) {
      out.push({ location: `${at}/properties/${name}`, node: child });
      if (child.items && (child.items as SchemaNode).properties) walk(child.items as SchemaNode, `${at}/properties/${name}/items`);
    }
  };
  walk(root, '#');
  for (const [name, def] of Object.entries((root.definitions ?? {}) as Record<string, SchemaNode>)) walk(def, `#/definitions/${name}`);
  return out;
}
