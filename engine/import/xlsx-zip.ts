// The parts of an .xlsx (a zip) read by name for the fast workbook reader: the central directory
// found, a part inflated when asked for. Browser-safe: the inflater is given by the caller (Node's
// zlib, synchronous, in the CLI; DecompressionStream, asynchronous, in the browser, for which the
// parts a reading needs are loaded first). Anything it does not expect (encryption, zip64, a method
// other than stored or deflated) gives undefined, and the caller falls back to exceljs.
import { Unread } from './xlsx-text.js';

/** One part's place in the archive. */
interface Entry {
  method: number;
  compressed: number;
  offset: number;
}

/** The most text one part may inflate to: a sheet beyond this is left to exceljs to refuse. */
export const MAX_PART_BYTES = 400 * 1024 * 1024;

/** Raw deflate, synchronous (Node's zlib) or not (the browser's DecompressionStream); over maxBytes it throws. */
export type Inflater = { sync: true; raw(data: Uint8Array, maxBytes: number): Uint8Array } | { sync: false; raw(data: Uint8Array, maxBytes: number): Promise<Uint8Array> };

/** UTF-8 as Node's Buffer decodes it: a byte-order mark kept, bad bytes replaced. */
const utf8 = new TextDecoder('utf-8', { ignoreBOM: true });

/** A zip's entries by name, or undefined when the archive is not one this reader takes. */
function zipEntries(bytes: Uint8Array): Map<string, Entry> | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u32 = (at: number) => view.getUint32(at, true);
  const u16 = (at: number) => view.getUint16(at, true);
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (u32(i) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) return undefined;
  const count = u16(end + 10);
  let at = u32(end + 16);
  if (count === 0xffff || at === 0xffffffff) return undefined;
  const entries = new Map<string, Entry>();
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || u32(at) !== 0x02014b50) return undefined;
    const flags = u16(at + 8);
    const method = u16(at + 10);
    const compressed = u32(at + 20);
    const nameLength = u16(at + 28);
    const extra = u16(at + 30) + u16(at + 32);
    const offset = u32(at + 42);
    // Bit 0: encrypted. Sizes of 0xffffffff: zip64.
    if (flags & 1 || (method !== 0 && method !== 8) || compressed === 0xffffffff || offset === 0xffffffff) return undefined;
    if (at + 46 + nameLength > bytes.length) return undefined;
    entries.set(utf8.decode(bytes.subarray(at + 46, at + 46 + nameLength)), { method, compressed, offset });
    at += 46 + nameLength + extra;
  }
  return entries;
}

/** A workbook's parts as text: inflated when asked (a synchronous inflater) or loaded first (any). */
export class XlsxParts {
  private readonly texts = new Map<string, string | undefined>();

  private constructor(
    private readonly bytes: Uint8Array,
    private readonly entries: Map<string, Entry>,
    private readonly inflater: Inflater,
  ) {}

  /** The archive's parts, or undefined when it is not a zip this reader takes. */
  static open(bytes: Uint8Array, inflater: Inflater): XlsxParts | undefined {
    try {
      const entries = zipEntries(bytes);
      return entries ? new XlsxParts(bytes, entries, inflater) : undefined;
    } catch (error) {
      if (error instanceof RangeError) return undefined;
      throw error;
    }
  }

  /** Every part's name. */
  names(): string[] {
    return [...this.entries.keys()];
  }

  /** Loads parts so that text() can give them with an asynchronous inflater. */
  async load(names: readonly string[]): Promise<void> {
    await Promise.all(
      names.map(async (name) => {
        if (this.texts.has(name)) return;
        const data = this.data(name);
        let text: string | undefined;
        try {
          text = data && utf8.decode(data.method === 0 ? data.bytes : await this.inflater.raw(data.bytes, MAX_PART_BYTES));
        } catch {
          text = undefined;
        }
        this.texts.set(name, text);
      }),
    );
  }

  /** One part's text, or undefined when it is missing or cannot be inflated; Unread for one not loaded. */
  text(name: string): string | undefined {
    if (this.texts.has(name)) return this.texts.get(name);
    if (!this.inflater.sync) throw new Unread(`part ${name} not loaded`);
    const data = this.data(name);
    let text: string | undefined;
    try {
      text = data && utf8.decode(data.method === 0 ? data.bytes : this.inflater.raw(data.bytes, MAX_PART_BYTES));
    } catch {
      text = undefined;
    }
    this.texts.set(name, text);
    return text;
  }

  /** A part's stored bytes and method, or undefined when it is missing or its header is not where the directory says. */
  private data(name: string): { method: number; bytes: Uint8Array } | undefined {
    const entry = this.entries.get(name);
    if (!entry) return undefined;
    const { bytes } = this;
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    if (entry.offset + 30 > bytes.length || view.getUint32(entry.offset, true) !== 0x04034b50) return undefined;
    const start = entry.offset + 30 + view.getUint16(entry.offset + 26, true) + view.getUint16(entry.offset + 28, true);
    if (start + entry.compressed > bytes.length) return undefined;
    return { method: entry.method, bytes: bytes.subarray(start, start + entry.compressed) };
  }
}

/** The browser's (and Node's) DecompressionStream as an inflater, stopping past maxBytes. */
export const streamInflater: Inflater = {
  sync: false,
  async raw(data, maxBytes) {
    const stream = new Blob([data as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
    const reader = stream.getReader();
    const chunks: Uint8Array[] = [];
    let total = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) {
        await reader.cancel();
        throw new RangeError('part too large');
      }
      chunks.push(value);
    }
    const out = new Uint8Array(total);
    let at = 0;
    for (const chunk of chunks) {
      out.set(chunk, at);
      at += chunk.byteLength;
    }
    return out;
  },
};
