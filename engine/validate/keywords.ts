// Turns one of ajv's schema errors into a rubric problem of its own code, one small function per
// keyword (unknown key, missing key, type, enum, pattern, property name...), any other as SCHEMA_CONSTRAINT.
import type { ErrorObject } from 'ajv';
import { describeValue } from '../describe-value.js';
import { pointerSegments, toPointer } from '../positions.js';
import { closestName } from '../suggest.js';
import type { Text } from '../types.js';
import { found, type Found } from '../check/found.js';

/** One schema error with what every keyword's problem needs: ajv's Thai words and the value described. */
export interface SchemaError {
  error: ErrorObject;
  thai: string;
  /** The value in error described by type and size (at the root it is the whole document). */
  shown: Text;
}

type Params = Record<string, unknown>;

/** A property name as a message shows it: cut at about 60 characters (the pointer keeps it whole). */
function shortName(name: string): string {
  if (name.length <= 60) return name;
  const quoted = describeValue(name); // quoted and cut, without splitting a character
  return quoted.slice(1, -1);
}

/** A schema's property names and their list as messages show it, made once per schema (thousands of unknown keys share one). */
const namesOfSchema = new WeakMap<object, { allowed: string[]; list: string }>();

function allowedNames(schema: ErrorObject['parentSchema']): { allowed: string[]; list: string } {
  const properties = (schema?.properties as object | undefined) ?? {};
  let names = namesOfSchema.get(properties);
  if (!names) {
    const allowed = Object.keys(properties);
    names = { allowed, list: allowed.join(', ') };
    namesOfSchema.set(properties, names);
  }
  return names;
}

/**
 * The names of `allowed` that `closestName` could take `name` for, in their order: it accepts an
 * edit distance of at most max(2, length / 3), and the distance is at least the difference of
 * the lengths, so the others cannot be its answer. Leaving them out gives the same hint without
 * comparing each unknown key with every allowed name (and a very long key with none).
 */
function typoCandidates(name: string, allowed: readonly string[]): string[] {
  const most = Math.max(2, Math.floor(name.length / 3));
  const length = name.toLowerCase().length;
  return allowed.filter((a) => Math.abs(a.toLowerCase().length - length) <= most);
}

function unknownProperty({ error }: SchemaError): Found {
  const name = String((error.params as Params).additionalProperty);
  const { allowed, list } = allowedNames(error.parentSchema);
  const hint = closestName(name, typoCandidates(name, allowed));
  const shown = shortName(name);
  const pointer = error.instancePath + toPointer([name]);
  return found('SCHEMA_UNKNOWN_PROPERTY', { name: shown, ...(hint ? { hint } : {}), allowed: list }, pointer, { atKey: true, expected: list, received: shown });
}

function required({ error, shown }: SchemaError): Found {
  const property = String((error.params as Params).missingProperty);
  return found('SCHEMA_REQUIRED', { kind: 'property', property }, error.instancePath, { expected: property, received: shown.en });
}

function wrongType({ error, shown }: SchemaError): Found {
  const expected = String((error.params as Params).type);
  return found('SCHEMA_TYPE', { expected, shown }, error.instancePath, { expected, received: shown.en });
}

/** An enum or const: UNKNOWN_OPERATOR for an operator, else SCHEMA_ENUM. */
function notAllowed({ error, shown }: SchemaError): Found {
  const params = error.params as Params;
  const allowed = (params.allowedValues as unknown[] | undefined) ?? [params.allowedValue];
  const expected = allowed.map((v) => String(v)).join(', ');
  const last = pointerSegments(error.instancePath).at(-1);
  const extras = { expected, received: shown.en };
  if (last === 'operator' || last === 'op') return found('UNKNOWN_OPERATOR', { shown, expected }, error.instancePath, extras);
  return found('SCHEMA_ENUM', { kind: 'value', shown, expected }, error.instancePath, extras);
}

function discriminator({ error, shown }: SchemaError): Found {
  const params = error.params as Params;
  const tag = String(params.tag);
  return found('SCHEMA_ENUM', { kind: 'tag', tag, value: params.tagValue }, error.instancePath + toPointer([tag]), { received: shown.en });
}

function pattern({ error, shown }: SchemaError): Found {
  const expected = String((error.params as Params).pattern);
  return found('SCHEMA_PATTERN', { kind: 'pattern', shown, pattern: expected }, error.instancePath, { expected, received: shown.en });
}

function propertyName({ error }: SchemaError): Found {
  const name = String((error.params as Params).propertyName);
  const shown = shortName(name);
  return found('SCHEMA_PATTERN', { kind: 'id', name: shown }, error.instancePath + toPointer([name]), {
    atKey: true,
    expected: 'an id: a lowercase letter, then letters and digits (camelCase)',
    received: shown,
  });
}

function constraint({ error, thai, shown }: SchemaError): Found {
  const words = { th: thai, en: error.message ?? '' };
  return found('SCHEMA_CONSTRAINT', { kind: 'schema', path: error.instancePath, words, shown }, error.instancePath, { received: shown.en });
}

const BY_KEYWORD: Record<string, (e: SchemaError) => Found> = {
  additionalProperties: unknownProperty,
  required,
  type: wrongType,
  enum: notAllowed,
  const: notAllowed,
  discriminator,
  pattern,
  propertyNames: propertyName,
};

/** The problem one schema error stands for, at its JSON pointer. */
export function keywordProblem(e: SchemaError): Found {
  return (Object.hasOwn(BY_KEYWORD, e.error.keyword) ? BY_KEYWORD[e.error.keyword]! : constraint)(e);
}
