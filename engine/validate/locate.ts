// Places a JSON pointer in a rubric's YAML document: its value's line and column, or its key's,
// with each mapping's keys indexed on first use so that placing many problems stays cheap.
import { isMap, isPair, isScalar, isSeq, type Document, type LineCounter, type Node, type Pair, type YAMLMap } from 'yaml';
import { pointerSegments, type Place } from '../positions.js';

/** Where a JSON pointer lies in the document (its key's place with `atKey`). */
export type Locate = (pointer: string, atKey?: boolean) => Place;

/**
 * `locatePointer` (positions.ts) with each mapping's keys indexed on first use, so that placing
 * many problems costs the depth of each pointer, not the size of the mappings it passes
 * through: placing an unknown key among 20,000 others scanned all of them for each.
 */
export function pointerLocator(doc: Document, lineCounter: LineCounter): Locate {
  const pairOf = pairIndex();
  const startOf = (node: unknown): Place | undefined => {
    const range = (node as Node | null)?.range;
    if (!range) return undefined;
    const { line, col } = lineCounter.linePos(range[0]);
    return { line, column: col };
  };
  return (pointer, atKey = false) => {
    let node: unknown = doc.contents;
    let place = startOf(node) ?? { line: 1, column: 1 };
    const segments = pointerSegments(pointer);
    for (const [index, segment] of segments.entries()) {
      const isLast = index === segments.length - 1;
      if (isMap(node)) {
        const pair = pairOf(node, segment);
        if (!pair) break;
        const keyPlace = startOf(pair.key);
        const valuePlace = startOf(pair.value);
        place = (atKey && isLast ? keyPlace : valuePlace ?? keyPlace) ?? place;
        node = pair.value;
      } else if (isSeq(node)) {
        const item = node.items[Number(segment)];
        if (item === undefined) break;
        place = startOf(item) ?? place;
        node = item;
      } else {
        break;
      }
    }
    return place;
  };
}

/** A mapping's pair of a key, from an index of its keys made on first use (the first of a repeated key). */
function pairIndex(): (map: YAMLMap, segment: string) => Pair | undefined {
  const indexes = new WeakMap<YAMLMap, Map<string, Pair>>();
  return (map, segment) => {
    let index = indexes.get(map);
    if (!index) {
      index = new Map();
      for (const p of map.items) {
        if (!isPair(p) || !isScalar(p.key)) continue;
        const name = String(p.key.value);
        if (!index.has(name)) index.set(name, p); // the first, as Array.prototype.find gives
      }
      indexes.set(map, index);
    }
    return index.get(segment);
  };
}
