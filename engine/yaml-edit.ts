// Small edits to a rubric's YAML text that keep everything else as written: a scalar set, a list item copied or removed, a value replaced, a key removed.
import { isMap, isScalar, isSeq, parseDocument, Scalar, type Node } from 'yaml';

/** A path into a YAML document: keys and list indexes. */
export type YamlPath = readonly (string | number)[];

/** A scalar value the editors write. */
export type ScalarValue = string | number | boolean | null;

/** A text edit: replace `[from, to)` with `text`. */
export interface TextEdit {
  from: number;
  to: number;
  text: string;
}

/**
 * How the edits parse a text: with source tokens, and without yaml's duplicate-key check, which
 * compares every key with every earlier key of its mapping (20,000 keys took 30 s); the loader
 * reports duplicates, and an edit follows the first of them as `getIn` does.
 */
export function parseForEdit(source: string) {
  return parseDocument(source, { keepSourceTokens: true, uniqueKeys: false });
}

/** Applies one text edit. */
export function applyEdit(source: string, edit: TextEdit): string {
  return source.slice(0, edit.from) + edit.text + source.slice(edit.to);
}

/**
 * Sets one scalar in YAML text by replacing only that scalar's characters, in the quoting style it
 * had, so that comments, order and formatting everywhere else stay as they were. Returns the new
 * text, or undefined when the path does not lead to a scalar (the caller decides what to do).
 */
export function setScalar(source: string, path: YamlPath, value: ScalarValue): string | undefined {
  const edit = scalarEdit(source, path, value);
  return edit ? applyEdit(source, edit) : undefined;
}

/** The text edit that `setScalar` makes, or undefined. */
export function scalarEdit(source: string, path: YamlPath, value: ScalarValue): TextEdit | undefined {
  const doc = parseForEdit(source);
  const node = doc.getIn(path, true) as Node | undefined;
  if (!isScalar(node) || !node.range) return undefined;
  return { from: node.range[0], to: node.range[1], text: scalarSource(value, node.type) };
}

/** A value written as YAML source, keeping a quoted scalar quoted the same way. */
function scalarSource(value: ScalarValue, type: Scalar['type']): string {
  if (value === null) return 'null';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (type === 'QUOTE_DOUBLE') return JSON.stringify(value);
  if (type === 'QUOTE_SINGLE') return `'${value.replace(/'/g, "''")}'`;
  // Plain if it reads back as the same string, else double-quoted.
  const plain = parseDocument(`x: ${value}`).get('x');
  return plain === value && !/[\n#]|^\s|\s$/.test(value) && value !== '' ? value : JSON.stringify(value);
}

/** The whole lines [start, end) from the one holding `from` to the one holding `to - 1`, its newline included. */
export function linesOf(source: string, from: number, to: number): { start: number; end: number } {
  const start = source.lastIndexOf('\n', from - 1) + 1;
  let end = source.indexOf('\n', Math.max(from, to - 1));
  end = end === -1 ? source.length : end + 1;
  return { start, end };
}

/** The lines [start, end) of the text that a node's source occupies, from its line start. */
function lineSpan(source: string, node: Node): { start: number; end: number } {
  const [from, , to] = node.range!;
  return linesOf(source, from, to);
}

/**
 * Duplicates a list item (its whole lines) right after itself, so a new band or row starts as a
 * copy of its neighbour with the same layout. Returns undefined when the path is not a list item
 * on lines of its own.
 */
export function duplicateItem(source: string, listPath: YamlPath, index: number): string | undefined {
  const doc = parseForEdit(source);
  const list = doc.getIn(listPath, true);
  if (!isSeq(list) || list.flow) return undefined;
  const item = list.items[index] as Node | undefined;
  if (!item?.range) return undefined;
  const { start, end } = lineSpan(source, item);
  const block = source.slice(start, end);
  return source.slice(0, end) + (block.endsWith('\n') ? block : block + '\n') + source.slice(end);
}

/** Removes a list item's lines. Returns undefined when it is not a block list item. */
export function removeItem(source: string, listPath: YamlPath, index: number): string | undefined {
  const doc = parseForEdit(source);
  const list = doc.getIn(listPath, true);
  if (!isSeq(list) || list.flow || list.items.length <= 1) return undefined;
  const item = list.items[index] as Node | undefined;
  if (!item?.range) return undefined;
  const { start, end } = lineSpan(source, item);
  return source.slice(0, start) + source.slice(end);
}

/**
 * Replaces the value at a path with a scalar or a flow list (`[80, 88.99]`), changing only that
 * value's characters: how a band's threshold becomes a range and back. Undefined when the path
 * has no value.
 */
export function replaceValue(source: string, path: YamlPath, value: ScalarValue | ScalarValue[]): string | undefined {
  const doc = parseForEdit(source);
  const node = doc.getIn(path, true) as Node | undefined;
  if (!node?.range) return undefined;
  const text = Array.isArray(value) ? `[${value.map((v) => scalarSource(v, 'PLAIN')).join(', ')}]` : scalarSource(value, isScalar(node) ? node.type : 'PLAIN');
  return applyEdit(source, { from: node.range[0], to: node.range[1], text });
}

/**
 * Removes one key and its value from a mapping (a band's stale `quote`): in a flow mapping
 * (`{ op: "<", value: 2, quote: … }`) the pair and the comma before it, in a block mapping the pair's
 * whole lines. Everything else stays as written. Undefined when the path names no key, or the key is
 * the only one of a block mapping (removing it would leave its parent without a value).
 */
export function deleteKey(source: string, path: YamlPath): string | undefined {
  const key = path[path.length - 1];
  const doc = parseForEdit(source);
  const map = path.length === 1 ? doc.contents : doc.getIn(path.slice(0, -1), true);
  if (!isMap(map) || key === undefined) return undefined;
  const index = map.items.findIndex((pair) => isScalar(pair.key) && pair.key.value === key);
  const pair = map.items[index];
  const start = (pair?.key as Node | undefined)?.range?.[0];
  const end = ((pair?.value ?? pair?.key) as Node | undefined)?.range?.[1];
  if (!pair || start === undefined || end === undefined) return undefined;
  if (map.flow) {
    const previous = map.items[index - 1];
    const next = map.items[index + 1];
    // After the value before it (its comma goes too), or up to the key after it.
    const from = previous ? ((previous.value ?? previous.key) as Node).range![1] : start;
    const to = previous || !next ? end : (next.key as Node).range![0];
    return source.slice(0, from) + source.slice(to);
  }
  if (map.items.length <= 1) return undefined;
  const lines = lineSpan(source, { range: [start, end, end] } as unknown as Node);
  const next = map.items[index + 1]?.key as Node | undefined;
  // The first key of a list item ("- quote: …"): keep the dash, and let the next key take its place.
  if (source.slice(lines.start, start).trim() !== '') return next?.range ? source.slice(0, start) + source.slice(next.range[0]) : undefined;
  return source.slice(0, lines.start) + source.slice(lines.end);
}
