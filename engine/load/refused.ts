// The third pass of reading a rubric file: what YAML allows but a rubric refuses, keys that could
// reach an object's prototype and tags outside YAML's core schema, each at its place.
import { isPair, isScalar, visit, type Document, type LineCounter } from 'yaml';
import { rubricProblem, type RubricProblem } from '../diagnostics.js';
import { toPointer } from '../positions.js';

/** The tags of YAML's core schema: a rubric holds text, numbers, true/false, null, lists and mappings only. */
const CORE_TAGS = new Set(['str', 'int', 'float', 'bool', 'null', 'map', 'seq'].map((t) => `tag:yaml.org,2002:${t}`));

/** Keys that could reach an object's prototype and are refused anywhere in a rubric. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** Every key named `__proto__`, `constructor` or `prototype`, wherever it is. */
export function forbiddenKeys(doc: Document, lineCounter: LineCounter, file: string): RubricProblem[] {
  const found: RubricProblem[] = [];
  visit(doc, {
    Pair(_key, pair, path) {
      if (!isScalar(pair.key) || !FORBIDDEN_KEYS.has(String(pair.key.value))) return;
      const { line, col } = lineCounter.linePos(pair.key.range?.[0] ?? 0);
      const segments: string[] = [];
      for (const ancestor of path) {
        if (isPair(ancestor) && isScalar(ancestor.key)) segments.push(String(ancestor.key.value));
      }
      const key = String(pair.key.value);
      segments.push(key);
      found.push(rubricProblem('FORBIDDEN_KEY', { key }, { file, line, column: col, pointer: toPointer(segments) }, { received: key }));
    },
  });
  return found;
}

/**
 * Every node with an explicit tag outside YAML's core schema: !!js/function, !!binary, !!set,
 * !!timestamp, !include… A rubric is plain data; such a value would be kept as bare text, or
 * become a set, bytes or a date that the schema does not expect, and lose what its author meant.
 */
export function foreignTags(doc: Document, lineCounter: LineCounter, file: string): RubricProblem[] {
  const found: RubricProblem[] = [];
  visit(doc, {
    Node(_key, node) {
      const tag = (node as { tag?: string }).tag;
      if (!tag || CORE_TAGS.has(tag)) return;
      const shown = tag.replace(/^tag:yaml\.org,2002:/, '!!');
      const { line, col } = lineCounter.linePos(node.range?.[0] ?? 0);
      found.push(
        rubricProblem('YAML_SYNTAX', { kind: 'tag', tag: shown }, { file, line, column: col, pointer: '' }, {
          expected: 'a plain YAML value',
          received: shown,
        }),
      );
    },
  });
  return found;
}
