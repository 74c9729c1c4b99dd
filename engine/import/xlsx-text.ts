// XML text as the fast workbook reader (xlsx-grids.ts) scans it: references and Excel's _x000D_
// escapes decoded, string items joined, start tags' attributes read. What it does not read it
// throws as Unread, which the reader takes as "leave this file to exceljs". Browser-safe.

/** Thrown inside the reader for anything it does not read; caught as "use exceljs". */
export class Unread extends Error {}

/** Markup and references decoded as an XML parser does, line ends as "\n". */
export function xmlDecode(text: string): string {
  const plain = text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
  if (!plain.includes('&')) return plain;
  // An entity XML does not define (&nbsp;) makes the file invalid: exceljs is left to refuse it.
  if (/&(?!(?:#x[0-9A-Fa-f]+|#[0-9]+|amp|lt|gt|quot|apos);)/.test(plain)) throw new Unread('undefined entity');
  return plain.replace(/&(?:#x([0-9A-Fa-f]+)|#([0-9]+)|(amp|lt|gt|quot|apos));/g, (all, hex?: string, dec?: string, name?: string) => {
    if (name) return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[name]!;
    const code = hex ? parseInt(hex, 16) : Number(dec);
    if (!(code > 0 && code <= 0x10ffff)) throw new Unread(`bad reference ${all}`);
    return String.fromCodePoint(code);
  });
}

/** A <t> element's text as Excel and exceljs read it: `_x000D_` escapes decoded. */
export function runText(xml: string): string {
  return xmlDecode(xml).replace(/_x([0-9A-F]{4})_/g, (_, code: string) => String.fromCharCode(parseInt(code, 16)));
}

/** The text of a string item (<si> or <is>): its <t> or the <t> of each run, joined. */
export function itemText(inner: string): string {
  if (inner.includes('<rPh') || inner.includes('<t/') || /<t\s[^>]*\/>/.test(inner)) throw new Unread('phonetic runs or empty text elements');
  let text = '';
  for (const m of inner.matchAll(/<t(?:\s[^>]*)?>([^<]*)<\/t>/g)) text += runText(m[1]!);
  return text;
}

/** Attributes of one start tag, by name. */
export function attributes(tag: string): Record<string, string> {
  const found: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const m of tag.matchAll(/([\w:]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) found[m[1]!] = xmlDecode(m[2] ?? m[3] ?? '');
  return found;
}

/** A cell's r, s and t: read without a regular expression when written plainly (every producer does), else as any tag. */
export function cellAttributes(tag: string): Record<string, string> {
  if (tag.includes("'") || tag.includes('&')) return attributes(tag);
  const found: Record<string, string> = Object.create(null) as Record<string, string>;
  let at = 0;
  for (;;) {
    const equals = tag.indexOf('="', at);
    if (equals < 0) break;
    const end = tag.indexOf('"', equals + 2);
    if (end < 0) throw new Unread(`attribute in <c${tag}>`);
    found[tag.slice(at, equals).trim()] = tag.slice(equals + 2, end);
    at = end + 1;
  }
  return found;
}

/** A number cell's text as a number when it is strictly one (as Excel writes numbers), else undefined. */
export function strictNumber(text: string): number | undefined {
  if (!/^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/.test(text)) return undefined;
  const n = Number(text);
  return Number.isFinite(n) ? n : undefined;
}

/** An ISO date cell's value as readGrids writes a date ("2024-04-19 00:00:00"); any other text as it is. */
export function isoDateText(text: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?Z?$/.exec(text);
  return m ? `${m[1]} ${m[2] ?? '00'}:${m[3] ?? '00'}:${m[4] ?? '00'}` : text;
}
