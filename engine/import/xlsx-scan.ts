// Before a workbook the fast reader does not take goes to exceljs: its sheets scanned for a cell
// exceljs would read as a different value. exceljs parseFloat()s every cell type it does not know
// (an ISO date "2024-04-19T00:00:00" becomes 2024) and every number cell's text ("12abc" becomes
// 12), without a word; such a workbook is refused, naming the sheet and the cell, rather than read.
// Browser-safe.
import { attributes, strictNumber, xmlDecode } from './xlsx-text.js';
import type { XlsxParts } from './xlsx-zip.js';

/** A cell exceljs would misread: where it is, what it holds, and why it would be misread. */
export interface Misread {
  sheet: string;
  cell: string;
  /** The cell's type attribute ("n" when it has none). */
  type: string;
  text: string;
  /**
   * date: an ISO date (t="d"); number: a number cell whose text is no number; type: a type exceljs
   * does not know; value: a shared-string index or a boolean that is not one; markup: a value
   * written with attributes, a comment, CDATA or in several parts, which exceljs reads otherwise.
   */
  why: 'date' | 'number' | 'type' | 'value' | 'markup';
}

/** Cell types exceljs reads as what they are (the others it reads as numbers). */
const KNOWN = new Set(['s', 'str', 'inlineStr', 'b', 'e']);

/** The worksheet parts exceljs would read, each with its sheet's name; hidden sheets left out when the workbook says so. */
function worksheets(parts: XlsxParts): { name: string; path: string }[] {
  const workbookXml = parts.text('xl/workbook.xml') ?? '';
  const relsXml = parts.text('xl/_rels/workbook.xml.rels') ?? '';
  const targets = new Map<string, string>();
  for (const m of relsXml.matchAll(/<Relationship\b([^>]*?)\/?>/g)) {
    const a = tagAttributes(m[1]!);
    if (a.Id && a.Target) targets.set(a.Id, a.Target.startsWith('/') ? a.Target.slice(1) : `xl/${a.Target}`);
  }
  const named = new Map<string, { name: string; hidden: boolean }>();
  for (const m of workbookXml.matchAll(/<(?:[\w.-]+:)?sheet\b([^>]*?)\/?>/g)) {
    const a = tagAttributes(m[1]!);
    const path = targets.get(a['r:id'] ?? '');
    if (path) named.set(path, { name: a.name ?? path, hidden: a.state === 'hidden' || a.state === 'veryHidden' });
  }
  // Every worksheet part of the archive, so that one the workbook names in a way not read here is scanned too.
  const paths = new Set([...named.keys(), ...parts.names().filter((n) => /^xl\/worksheets\/[^/]+\.xml$/.test(n))]);
  return [...paths].flatMap((path) => {
    const sheet = named.get(path);
    return sheet?.hidden ? [] : [{ name: sheet?.name ?? path, path }];
  });
}

/** One attribute of a start tag, as written. */
function attribute(tag: string, name: string): string | undefined {
  const m = new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(tag);
  return m ? (m[1] ?? m[2]) : undefined;
}

/** Text decoded as XML, or as written when it holds a reference XML does not define. */
function decoded(text: string): string {
  try {
    return xmlDecode(text);
  } catch {
    return text;
  }
}

/** A start tag's attributes, or none when one holds a reference XML does not define. */
function tagAttributes(tag: string): Record<string, string> {
  try {
    return attributes(tag);
  } catch {
    return {};
  }
}

/** Every <v> element of a cell's content: its text, or undefined for an empty one (<v/>). */
const VALUE = /<(?:[\w.-]+:)?v\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:[\w.-]+:)?v\s*>)/g;

/** Why exceljs would read a cell's value text as another value than it holds, or undefined when it would not. */
function misreading(type: string, formula: boolean, text: string): Misread['why'] | undefined {
  // A formula's result is read as text, a boolean or an error for str, b and e; as a number otherwise.
  const asNumber = formula ? !['str', 'b', 'e'].includes(type) : !KNOWN.has(type);
  if (asNumber) {
    if (type === 'n' && strictNumber(text) !== undefined) return undefined;
    return type === 'd' ? 'date' : type === 'n' ? 'number' : 'type';
  }
  if (type === 's' && !/^\d+$/.test(text)) return 'value';
  if (type === 'b' && text !== '0' && text !== '1') return 'value';
  return undefined;
}

/** The first cell of one sheet's XML exceljs would misread, or undefined. */
function misreadIn(xml: string, sheet: string): Misread | undefined {
  for (const m of xml.matchAll(/<(?:[\w.-]+:)?c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:[\w.-]+:)?c>)/g)) {
    const inner = m[2];
    if (!inner) continue;
    const values = [...inner.matchAll(VALUE)];
    if (values.length === 0) continue;
    const type = attribute(m[1]!, 't') ?? 'n';
    const cell = attribute(m[1]!, 'r') ?? '?';
    const plain = values.length === 1 && /^<(?:[\w.-]+:)?v(?:>|\/>)/.test(values[0]![0]) && !(values[0]![1] ?? '').includes('<');
    // exceljs joins a value's pieces and drops what is not text: anything but one plain <v> is refused.
    if (!plain) return { sheet, cell, type, text: decoded(values.map((v) => v[0]).join('')), why: 'markup' };
    const text = values[0]![1] ?? '';
    if (text === '') continue;
    const why = misreading(type, /<(?:[\w.-]+:)?f\b/.test(inner), text);
    if (why) return { sheet, cell, type, text: decoded(text), why };
  }
  return undefined;
}

/** The first cell of a workbook's visible sheets exceljs would misread, or undefined; loads the parts it reads. */
export async function findMisread(parts: XlsxParts): Promise<Misread | undefined> {
  await parts.load(['xl/workbook.xml', 'xl/_rels/workbook.xml.rels']);
  for (const { name, path } of worksheets(parts)) {
    await parts.load([path]);
    const xml = parts.text(path);
    const found = xml === undefined ? undefined : misreadIn(xml, name);
    if (found) return found;
  }
  return undefined;
}
