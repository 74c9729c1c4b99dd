// The fifth pass of reading a rubric file: every number whose literal says more than the double
// it was read as keeps, refused at the literal rather than silently changed.
import { isMap, isScalar, isSeq, type Document, type LineCounter } from 'yaml';
import { rubricProblem, type RubricProblem } from '../diagnostics.js';
import { EXACT_NUMBER_EXPECTED, isExactLiteral, shownLiteral } from '../exact-number.js';
import { toPointer } from '../positions.js';

/** A node on the walk's stack, with the way back to the root for its pointer. */
interface Entry {
  node: unknown;
  up: Entry | undefined;
  segment: string;
}

function pointerOf(entry: Entry): string {
  const segments: string[] = [];
  for (let at: Entry | undefined = entry; at?.up; at = at.up) segments.push(at.segment);
  return toPointer(segments.reverse());
}

/** Pushes a mapping's or a list's children onto the stack, in reverse so they come off in order. */
function pushChildren(stack: Entry[], entry: Entry): void {
  const node = entry.node;
  if (isMap(node)) {
    for (let i = node.items.length - 1; i >= 0; i--) {
      const pair = node.items[i]!;
      const segment = isScalar(pair.key) ? String(pair.key.value) : String(i);
      stack.push({ node: pair.value, up: entry, segment }, { node: pair.key, up: entry, segment });
    }
  } else if (isSeq(node)) {
    for (let i = node.items.length - 1; i >= 0; i--) stack.push({ node: node.items[i], up: entry, segment: String(i) });
  }
}

/**
 * Every number whose literal says more than the double it was read as keeps (9007199254740993
 * read as 9007199254740992, 69.500000000000001 as 69.5), keys included: an error at the literal,
 * never a value silently changed. One pass without recursion; a pointer is made only for a find.
 */
export function inexactNumbers(doc: Document, text: string, lineCounter: LineCounter, file: string): RubricProblem[] {
  const found: RubricProblem[] = [];
  const stack: Entry[] = [{ node: doc.contents, up: undefined, segment: '' }];
  while (stack.length > 0) {
    const entry = stack.pop()!;
    const node = entry.node;
    if (!isScalar(node) || typeof node.value !== 'number') {
      pushChildren(stack, entry);
      continue;
    }
    const start = node.range?.[0] ?? 0;
    // The literal as written: a plain scalar's source, or a quoted one's text under a !!int or !!float tag.
    const literal = node.source ?? text.slice(start, node.range?.[1] ?? start);
    if (isExactLiteral(literal, node.value)) continue;
    const { line, col } = lineCounter.linePos(start);
    found.push(
      rubricProblem('INEXACT_NUMBER', { literal, value: node.value }, { file, line, column: col, pointer: pointerOf(entry) }, {
        expected: EXACT_NUMBER_EXPECTED,
        received: shownLiteral(literal),
      }),
    );
  }
  return found;
}
