// Before a workbook the fast reader does not take goes to exceljs: its sheets scanned for a cell
// exceljs would read as a different value. exceljs parseFloat()s every cell type it does not know
// (an ISO date "2024-04-19T00:00:00" becomes 2024) and every number cell's text ("12abc" becomes
// 12), without a word; such a workbook is refused, naming the sheet and the cell, rather than read.
// Browser-safe.
import { attributes, strictNumber, xmlDecode } from './xlsx-text.js';
import type { XlsxParts } from './xlsx-zip.js';

/** A cell exceljs would misread: where it is and what it holds. */
export interface Misread {
  sheet: string;
  cell: string;
  /** The cell's type attribute ("n" when it has none). */
  type: string;
  text: string;
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

/** The first cell of one sheet's XML exceljs would misread, or undefined. */
function misreadIn(xml: string, sheet: string): Misread | undefined {
  for (const m of xml.matchAll(/<(?:[\w.-]+:)?c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:[\w.-]+:)?c>)/g)) {
    const inner = m[2];
    if (!inner) continue;
    const v = /<(?:[\w.-]+:)?v>([^<]*)<\/(?:[\w.-]+:)?v>/.exec(inner);
    if (!v || v[1] === '') continue;
    const type = attribute(m[1]!, 't') ?? 'n';
    const formula = /<(?:[\w.-]+:)?f\b/.test(inner);
    // A formula's result is read as text, a boolean or an error for str, b and e; as a number otherwise.
    const asNumber = formula ? !['str', 'b', 'e'].includes(type) : !KNOWN.has(type);
    if (!asNumber) continue;
    if (type === 'n' && strictNumber(v[1]!) !== undefined) continue;
    return { sheet, cell: attribute(m[1]!, 'r') ?? '?', type, text: decoded(v[1]!) };
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
