// The fourth pass of reading a rubric file: its aliases resolved into a plain value, refusing an
// alias with no anchor, one inside the value it names, and more expansions than an alias bomb's.
import { isAlias, visit, type Document, type LineCounter } from 'yaml';
import { rubricProblem, type RubricProblem } from '../diagnostics.js';
import type { Place } from '../positions.js';

/** How many alias expansions a document may make before it counts as an alias bomb. */
export const MAX_ALIAS_COUNT = 100;

/**
 * The first alias that cannot stand for a value, as a problem: one with no anchor of its name
 * before it (in document order, as yaml resolves them), or one inside the very node it names
 * (`a: &w { not: *w }`), which would make the rubric an endless tree that no check can walk.
 */
export function badAlias(doc: Document, lineCounter: LineCounter, file: string): RubricProblem | undefined {
  const anchors = new Map<string, unknown>();
  let found: RubricProblem | undefined;
  visit(doc, {
    Node(_key, node, path) {
      if (isAlias(node)) {
        const target = anchors.get(node.source);
        if (target !== undefined && !path.includes(target as never)) return;
        const { line, col } = lineCounter.linePos(node.range?.[0] ?? 0);
        const source = node.source;
        const cycle = target !== undefined;
        found = rubricProblem('YAML_SYNTAX', { kind: cycle ? 'alias-cycle' : 'alias-missing', source }, { file, line, column: col, pointer: '' }, {
          expected: cycle ? `an alias outside the value of &${source}` : `an anchor &${source} before the alias`,
          received: `*${source}`,
        });
        return visit.BREAK;
      }
      const anchor = (node as { anchor?: string }).anchor;
      if (anchor) anchors.set(anchor, node);
    },
  });
  return found;
}

/** The document's plain value, or ALIAS_LIMIT at the first alias when aliases expand too often. */
export function plainValue(doc: Document, lineCounter: LineCounter, file: string): { value: unknown } | { problem: RubricProblem } {
  try {
    return { value: doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) };
  } catch (error) {
    if (!(error instanceof ReferenceError)) throw error; // not a user mistake: a defect to see
    const { line, column } = firstAliasPlace(doc, lineCounter);
    const problem = rubricProblem('ALIAS_LIMIT', { max: MAX_ALIAS_COUNT }, { file, line, column, pointer: '' }, {
      expected: `at most ${MAX_ALIAS_COUNT} alias expansions`,
      received: 'more',
    });
    return { problem };
  }
}

function firstAliasPlace(doc: Document, lineCounter: LineCounter): Place {
  let place: Place = { line: 1, column: 1 };
  let found = false;
  visit(doc, {
    Alias(_key, node) {
      if (found || !isAlias(node)) return;
      found = true;
      const { line, col } = lineCounter.linePos(node.range?.[0] ?? 0);
      place = { line, column: col };
      return visit.BREAK;
    },
  });
  return place;
}
