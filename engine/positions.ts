// Places in a rubric's YAML text: JSON pointers made and split, found as a line and column, and offsets turned into places.
import { isMap, isPair, isScalar, isSeq, type Document, type LineCounter, type Node } from 'yaml';

/** A line and column, both from 1. */
export interface Place {
  line: number;
  column: number;
}

/** Splits a JSON pointer into its unescaped segments. */
export function pointerSegments(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** Joins segments into a JSON pointer. */
export function toPointer(segments: readonly (string | number)[]): string {
  return segments.map((s) => '/' + String(s).replace(/~/g, '~0').replace(/\//g, '~1')).join('');
}

/**
 * Finds where a JSON pointer lies in a YAML document: the value's node, or the key's node when
 * `atKey` is set. Falls back to the deepest ancestor that exists, so a pointer to a missing
 * property points at the mapping that lacks it.
 */
export function locatePointer(
  doc: Document,
  lineCounter: LineCounter,
  pointer: string,
  options: { atKey?: boolean } = {},
): Place {
  let node: unknown = doc.contents;
  let place = startOf(node, lineCounter) ?? { line: 1, column: 1 };
  const segments = pointerSegments(pointer);
  for (const [index, segment] of segments.entries()) {
    const isLast = index === segments.length - 1;
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === segment);
      if (!pair) break;
      const keyPlace = startOf(pair.key, lineCounter);
      const valuePlace = startOf(pair.value, lineCounter);
      place = (options.atKey && isLast ? keyPlace : valuePlace ?? keyPlace) ?? place;
      node = pair.value;
    } else if (isSeq(node)) {
      const item = node.items[Number(segment)];
      if (item === undefined) break;
      place = startOf(item, lineCounter) ?? place;
      node = item;
    } else {
      break;
    }
  }
  return place;
}

function startOf(node: unknown, lineCounter: LineCounter): Place | undefined {
  const range = (node as Node | null)?.range;
  if (!range) return undefined;
  const { line, col } = lineCounter.linePos(range[0]);
  return { line, column: col };
}

/** The line and column of a byte or character offset in a text. */
export function placeOfOffset(text: string, offset: number): Place {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}
