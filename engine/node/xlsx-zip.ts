// The parts of an .xlsx (a zip) read by name for the fast workbook reader: the central directory
// found, one part inflated when asked for. Anything it does not expect (encryption, zip64, a
// method other than stored or deflated) gives undefined, and the caller falls back to exceljs.
import { inflateRawSync } from 'node:zlib';

/** One part's place in the archive. */
interface Part {
  method: number;
  compressed: number;
  offset: number;
}

/** The most text one part may inflate to: a sheet beyond this is left to exceljs to refuse. */
const MAX_PART_BYTES = 400 * 1024 * 1024;

/** A zip's parts by name, or undefined when the archive is not one this reader takes. */
export function zipParts(bytes: Uint8Array): Map<string, Part> | undefined {
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = -1;
  for (let i = view.length - 22; i >= Math.max(0, view.length - 22 - 0xffff); i--) {
    if (view.readUInt32LE(i) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) return undefined;
  const count = view.readUInt16LE(end + 10);
  let at = view.readUInt32LE(end + 16);
  if (count === 0xffff || at === 0xffffffff) return undefined;
  const parts = new Map<string, Part>();
  for (let i = 0; i < count; i++) {
    if (at + 46 > view.length || view.readUInt32LE(at) !== 0x02014b50) return undefined;
    const flags = view.readUInt16LE(at + 8);
    const method = view.readUInt16LE(at + 10);
    const compressed = view.readUInt32LE(at + 20);
    const nameLength = view.readUInt16LE(at + 28);
    const extra = view.readUInt16LE(at + 30) + view.readUInt16LE(at + 32);
    const offset = view.readUInt32LE(at + 42);
    // Bit 0: encrypted. Sizes of 0xffffffff: zip64.
    if (flags & 1 || (method !== 0 && method !== 8) || compressed === 0xffffffff || offset === 0xffffffff) return undefined;
    parts.set(view.toString('utf8', at + 46, at + 46 + nameLength), { method, compressed, offset });
    at += 46 + nameLength + extra;
  }
  return parts;
}

/** One part's text, or undefined when it is missing or cannot be inflated. */
export function partText(bytes: Uint8Array, parts: Map<string, Part>, name: string): string | undefined {
  const part = parts.get(name);
  if (!part) return undefined;
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (part.offset + 30 > view.length || view.readUInt32LE(part.offset) !== 0x04034b50) return undefined;
  const start = part.offset + 30 + view.readUInt16LE(part.offset + 26) + view.readUInt16LE(part.offset + 28);
  if (start + part.compressed > view.length) return undefined;
  const data = view.subarray(start, start + part.compressed);
  try {
    const raw = part.method === 0 ? data : inflateRawSync(data, { maxOutputLength: MAX_PART_BYTES });
    return raw.toString('utf8');
  } catch {
    return undefined;
  }
}
