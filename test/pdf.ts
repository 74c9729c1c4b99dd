// Reading a PDF that Chromium printed, without a PDF library: its pages, page sizes, the content
// streams that draw text, and the fonts it embeds.
import { inflateSync } from 'node:zlib';

/** The pages of a PDF: its "/Type /Page" objects, not the "/Type /Pages" tree. */
export function pageCount(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? []).length;
}

/** The page sizes (MediaBox) of a PDF, in points. */
export function mediaBoxes(pdf: Buffer): [number, number][] {
  return [...pdf.toString('latin1').matchAll(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g)].map((m) => [Number(m[1]), Number(m[2])]);
}

/** The inflated content streams of a PDF that draw text, one per printed page in Chromium's PDFs. */
export function textStreams(pdf: Buffer): string[] {
  const bytes = pdf.toString('latin1');
  const streams: string[] = [];
  for (const m of bytes.matchAll(/stream\r?\n/g)) {
    const start = m.index + m[0].length;
    try {
      const text = inflateSync(pdf.subarray(start, bytes.indexOf('endstream', start))).toString('latin1');
      if (/\bBT\b/.test(text)) streams.push(text);
    } catch {
      // Not a Flate stream (an image or a font program): not a page's drawing.
    }
  }
  return streams;
}

/** The names of the fonts a PDF embeds, such as "AAAAAA+Sarabun-Regular". */
export function fontNames(pdf: Buffer): string[] {
  return [...pdf.toString('latin1').matchAll(/\/FontName\s*\/([^\s/<>[\]]+)/g)].map((m) => m[1]!);
}
