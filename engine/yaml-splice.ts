// Structural edits to a rubric's YAML text for the visual editor: put a value (a new fact, a new
// label, a whole condition), delete a key or a list item, insert or move a list item. Each edit
// rewrites only the lines of what it changes, written at that place's indentation; every other line,
// comment and quoting style stays as written (re-printing the whole document would refold every
// long note). Scalars keep the one-scalar edit of yaml-edit.ts.
import { isMap, isScalar, isSeq, stringify, visit, Document, type Node, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';
import { deleteKey, linesOf, parseForEdit, setScalar, type ScalarValue, type YamlPath } from './yaml-edit.js';

type Collection = YAMLMap | YAMLSeq;

/** The indentation of the line holding `offset`: a key's column, or a list item's dash. */
function indentAt(source: string, offset: number): number {
  const start = source.lastIndexOf('\n', offset - 1) + 1;
  const column = source.slice(start).search(/[^ ]/);
  return column === -1 ? 0 : column;
}

/** YAML block text for a value, each line indented by `indent` spaces, ending in a newline. */
function block(value: unknown, indent: number): string {
  const text = stringify(value, { lineWidth: 0 });
  return text
    .split('\n')
    .filter((line, i, all) => i < all.length - 1 || line !== '')
    .map((line) => ' '.repeat(indent) + line)
    .join('\n')
    .concat('\n');
}

/** One-line flow YAML for a value (`{ round: 1, due: 2024-04-19 }`, `[a, b]`). */
function flow(value: unknown): string {
  const doc = new Document(value);
  visit(doc, { Map: (_, node) => void (node.flow = true), Seq: (_, node) => void (node.flow = true) });
  return doc.toString({ lineWidth: 0 }).trimEnd();
}

/** The source lines a map's pair occupies: its key line to the end of its value. */
function pairLines(source: string, pair: Pair): { start: number; end: number } {
  const key = pair.key as Node;
  const value = pair.value as Node | null;
  const to = value?.range ? value.range[1] : key.range![1];
  return linesOf(source, key.range![0], to);
}

/** The lines of a block list's item, from its dash. */
function itemLines(source: string, item: Node): { start: number; end: number } {
  return linesOf(source, item.range![0], item.range![1]);
}

/** Replaces a flow or empty collection's characters with the flow form of its new value. */
function replaceFlow(source: string, node: Node, value: unknown): string {
  return source.slice(0, node.range![0]) + flow(value) + source.slice(node.range![1]);
}

/**
 * Sets the value at `path`, creating the keys that lead to it. Returns the new text, or undefined
 * when the path runs through a scalar or a list index that does not exist.
 */
export function putIn(source: string, path: YamlPath, value: unknown): string | undefined {
  if (path.length === 0) return undefined;
  const doc = parseForEdit(source);
  const current = doc.getIn(path, true) as Node | undefined;
  if (isScalar(current) && (value === null || ['string', 'number', 'boolean'].includes(typeof value))) {
    return setScalar(source, path, value as ScalarValue);
  }
  const parentPath = path.slice(0, -1);
  const key = path[path.length - 1]!;
  const parent = (parentPath.length === 0 ? doc.contents : doc.getIn(parentPath, true)) as Node | undefined;
  if (parent === undefined || parent === null) {
    return typeof key === 'number' ? undefined : putIn(source, parentPath, { [key]: value });
  }
  if (isMap(parent) && typeof key === 'string') return putInMap(source, parent, key, value);
  if (isSeq(parent) && typeof key === 'number' && key < parent.items.length) {
    if (parent.flow) return replaceFlow(source, parent, parent.toJSON().map((v: unknown, i: number) => (i === key ? value : v)));
    const { start, end } = itemLines(source, parent.items[key] as Node);
    const dash = indentAt(source, start);
    return source.slice(0, start) + block([value], dash) + source.slice(end);
  }
  return undefined;
}

function putInMap(source: string, map: YAMLMap, key: string, value: unknown): string {
  if (map.flow || map.items.length === 0) {
    if (!map.range) return source;
    return replaceFlow(source, map, { ...(map.toJSON() as object), [key]: value });
  }
  const pair = map.items.find((p) => isScalar(p.key) && p.key.value === key);
  if (pair) {
    const { start, end } = pairLines(source, pair);
    return source.slice(0, start) + block({ [key]: value }, indentAt(source, (pair.key as Node).range![0])) + source.slice(end);
  }
  const first = map.items[0]!.key as Node;
  const last = map.items[map.items.length - 1]!;
  const { end } = pairLines(source, last);
  const text = block({ [key]: value }, indentAt(source, first.range![0]));
  return source.slice(0, end) + (end > 0 && source[end - 1] !== '\n' ? '\n' : '') + text + source.slice(end);
}

/** Removes a map key or a list item. Undefined when there is none at the path. */
export function deleteIn(source: string, path: YamlPath): string | undefined {
  const doc = parseForEdit(source);
  const parentPath = path.slice(0, -1);
  const key = path[path.length - 1];
  const parent = (parentPath.length === 0 ? doc.contents : doc.getIn(parentPath, true)) as Collection | undefined;
  if (isMap(parent) && typeof key === 'string') {
    if (!parent.items.some((p) => isScalar(p.key) && p.key.value === key)) return undefined;
    // The only key of a block map: the map stays, empty.
    return deleteKey(source, path) ?? (parent.items.length === 1 ? putIn(source, parentPath, {}) : undefined);
  }
  if (isSeq(parent) && typeof key === 'number' && key < parent.items.length) {
    if (parent.flow) return replaceFlow(source, parent, parent.toJSON().filter((_: unknown, i: number) => i !== key));
    // The last item of a block list: the key stays, with an empty list.
    if (parent.items.length === 1) return putIn(source, parentPath, []);
    const { start, end } = itemLines(source, parent.items[key] as Node);
    return source.slice(0, start) + source.slice(end);
  }
  return undefined;
}

/** Inserts a list item at `index` (the end when index is the length), creating the list if absent. */
export function insertIn(source: string, listPath: YamlPath, index: number, value: unknown): string | undefined {
  const doc = parseForEdit(source);
  const list = doc.getIn(listPath, true) as Node | undefined;
  if (list === undefined || list === null) return index === 0 ? putIn(source, listPath, [value]) : undefined;
  if (!isSeq(list) || index < 0 || index > list.items.length) return undefined;
  if (list.flow || list.items.length === 0) {
    const items = list.toJSON() as unknown[];
    items.splice(index, 0, value);
    return list.range ? replaceFlow(source, list, items) : undefined;
  }
  const anchor = list.items[Math.min(index, list.items.length - 1)] as Node;
  const lines = itemLines(source, anchor);
  const dash = indentAt(source, lines.start);
  const at = index < list.items.length ? lines.start : lines.end;
  const before = at > 0 && source[at - 1] !== '\n' ? '\n' : '';
  return source.slice(0, at) + before + block([value], dash) + source.slice(at);
}

/** Moves a block list's item from one index to another, its lines (and comments in them) kept. */
export function moveIn(source: string, listPath: YamlPath, from: number, to: number): string | undefined {
  const doc = parseForEdit(source);
  const list = doc.getIn(listPath, true) as Node | undefined;
  if (!isSeq(list) || from === to || [from, to].some((i) => i < 0 || i >= list.items.length)) return undefined;
  if (list.flow) {
    const items = list.toJSON() as unknown[];
    items.splice(to, 0, items.splice(from, 1)[0]);
    return replaceFlow(source, list, items);
  }
  const spans = list.items.map((item) => itemLines(source, item as Node));
  // Each item takes the comment lines above it along.
  const texts = spans.map(({ end }, i) => {
    const text = source.slice(i === 0 ? spans[0]!.start : spans[i - 1]!.end, end);
    return text.endsWith('\n') ? text : `${text}\n`;
  });
  const order = texts.map((_, i) => i);
  order.splice(to, 0, order.splice(from, 1)[0]!);
  const first = spans[0]!.start;
  const last = spans[spans.length - 1]!.end;
  const tail = source.slice(last);
  const joined = order.map((i) => texts[i]).join('');
  return source.slice(0, first) + (last === source.length && !source.endsWith('\n') ? joined.slice(0, -1) : joined) + tail;
}

