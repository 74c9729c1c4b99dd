// A zip archive written entry by entry to a stream, each entry deflated as its text is made, so that
// a file of any size never sits whole in memory (the CLI's results workbook). Node-only: node:zlib.
import { once } from 'node:events';
import * as zlib from 'node:zlib';

/** CRC-32 of the zip format, for a Node older than 20.15 (no zlib.crc32): table-driven. */
const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
export function tableCrc32(bytes: Uint8Array, previous = 0): number {
  let c = ~previous;
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8);
  return ~c >>> 0;
}

/** True where Node has zlib.crc32 (20.15 and later); read from the namespace, so an older Node still loads this module. */
export const NATIVE_CRC32 = typeof (zlib as { crc32?: unknown }).crc32 === 'function';

/** zlib's CRC-32 where Node has it, else the table-driven one. */
const crc32: (bytes: Uint8Array, previous?: number) => number = NATIVE_CRC32 ? (zlib.crc32 as (bytes: Uint8Array, previous?: number) => number) : tableCrc32;

/** What the central directory keeps of one written entry. */
interface Written {
  name: Buffer;
  crc: number;
  compressed: number;
  size: number;
  offset: number;
}

/** The largest entry or archive a zip without its 64-bit extension can describe. */
const MAX_ZIP32 = 0xffffffff;

/** Bit 3: sizes and CRC follow the data; bit 11: names are UTF-8. */
const FLAGS = 0x0808;

/** The DOS time and date fields of a moment, in local time as zip tools read them. */
function dosTime(at: Date): { time: number; date: number } {
  const time = (at.getHours() << 11) | (at.getMinutes() << 5) | Math.floor(at.getSeconds() / 2);
  const date = ((Math.max(at.getFullYear(), 1980) - 1980) << 9) | ((at.getMonth() + 1) << 5) | at.getDate();
  return { time, date };
}

/** A stream as Node's Writable reports its end: destroyed, or failed with an error. */
type Ending = NodeJS.WritableStream & { destroyed?: boolean; errored?: Error | null };

/** Throws when the stream can take no more (it failed or was closed): a write to it would wait for ever. */
function failIfClosed(stream: Ending): void {
  if (stream.errored) throw stream.errored;
  if (stream.destroyed) throw new Error('the output was closed before the file was complete');
}

/** Writes bytes, waiting whenever the stream asks the writer to (backpressure), and failing if it fails or closes meanwhile. */
async function put(stream: Ending, bytes: Uint8Array): Promise<void> {
  failIfClosed(stream);
  if (stream.write(bytes)) return;
  await new Promise<void>((resolve, reject) => {
    const settle = (error?: Error) => {
      stream.off('drain', drained);
      stream.off('close', closed);
      stream.off('error', settle);
      if (error) reject(error);
      else resolve();
    };
    const drained = () => settle();
    const closed = () => settle(stream.errored ?? new Error('the output was closed before the file was complete'));
    stream.on('drain', drained);
    stream.on('close', closed);
    stream.on('error', settle);
  });
}

/** A zip archive being written: `add` each entry in turn, then `finish` once. */
export class ZipWriter {
  readonly #out: NodeJS.WritableStream;
  readonly #level: number;
  readonly #entries: Written[] = [];
  readonly #stamp = dosTime(new Date());
  #offset = 0;

  /** `level`: zlib's deflate level, 1 (fastest) to 9 (smallest). */
  constructor(out: NodeJS.WritableStream, level = 6) {
    this.#out = out;
    this.#level = level;
  }

  async #write(bytes: Uint8Array): Promise<void> {
    this.#offset += bytes.length;
    await put(this.#out, bytes);
  }

  /** The local header of an entry about to be written; its sizes and CRC follow its data. */
  async #begin(name: string): Promise<Written> {
    const entry: Written = { name: Buffer.from(name, 'utf8'), crc: 0, compressed: 0, size: 0, offset: this.#offset };
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(FLAGS, 6);
    header.writeUInt16LE(8, 8);
    header.writeUInt16LE(this.#stamp.time, 10);
    header.writeUInt16LE(this.#stamp.date, 12);
    header.writeUInt16LE(entry.name.length, 26);
    await this.#write(Buffer.concat([header, entry.name]));
    return entry;
  }

  /** The data descriptor after an entry's data, and the entry kept for the central directory. */
  async #end(entry: Written): Promise<void> {
    const name = entry.name.toString('utf8');
    if (entry.size > MAX_ZIP32 || entry.compressed > MAX_ZIP32) throw new Error(`${name} is over 4 GiB, more than a zip without its 64-bit extension holds`);
    const descriptor = Buffer.alloc(16);
    descriptor.writeUInt32LE(0x08074b50, 0);
    descriptor.writeUInt32LE(entry.crc, 4);
    descriptor.writeUInt32LE(entry.compressed, 8);
    descriptor.writeUInt32LE(entry.size, 12);
    await this.#write(descriptor);
    this.#entries.push(entry);
  }

  /** Adds one entry deflated elsewhere (sheet-worker.ts): its raw deflate bytes, the CRC-32 and size of what they inflate to. */
  async addDeflated(name: string, deflated: { chunks: readonly Uint8Array[]; crc: number; size: number }): Promise<void> {
    const entry = await this.#begin(name);
    for (const chunk of deflated.chunks) {
      entry.compressed += chunk.length;
      await this.#write(chunk);
    }
    entry.crc = deflated.crc;
    entry.size = deflated.size;
    await this.#end(entry);
  }

  /** Adds one entry from its text, given piece by piece; each piece is deflated while the next is made. */
  async add(name: string, pieces: Iterable<string>): Promise<void> {
    const entry = await this.#begin(name);
    const deflate = zlib.createDeflateRaw({ level: this.#level });
    // The compressed bytes go to the archive as zlib makes them, in the order it makes them.
    const drained = (async () => {
      for await (const chunk of deflate as AsyncIterable<Buffer>) {
        entry.compressed += chunk.length;
        await this.#write(chunk);
      }
    })();
    drained.catch(() => {});
    try {
      for (const piece of pieces) {
        const bytes = Buffer.from(piece, 'utf8');
        entry.crc = crc32(bytes, entry.crc);
        entry.size += bytes.length;
        if (!deflate.write(bytes)) await Promise.race([once(deflate, 'drain'), drained]);
      }
      deflate.end();
      await drained;
    } catch (error) {
      deflate.destroy();
      throw error;
    }
    await this.#end(entry);
  }

  /** Writes the central directory that lists every entry; the archive is then complete. */
  async finish(): Promise<void> {
    const start = this.#offset;
    for (const entry of this.#entries) {
      const record = Buffer.alloc(46);
      record.writeUInt32LE(0x02014b50, 0);
      record.writeUInt16LE(20, 4);
      record.writeUInt16LE(20, 6);
      record.writeUInt16LE(FLAGS, 8);
      record.writeUInt16LE(8, 10);
      record.writeUInt16LE(this.#stamp.time, 12);
      record.writeUInt16LE(this.#stamp.date, 14);
      record.writeUInt32LE(entry.crc, 16);
      record.writeUInt32LE(entry.compressed, 20);
      record.writeUInt32LE(entry.size, 24);
      record.writeUInt16LE(entry.name.length, 28);
      record.writeUInt32LE(entry.offset, 42);
      await this.#write(Buffer.concat([record, entry.name]));
    }
    const size = this.#offset - start;
    if (this.#offset > MAX_ZIP32 || this.#entries.length > 0xffff) throw new Error('the archive is over 4 GiB or 65,535 entries, more than a zip without its 64-bit extension holds');
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(this.#entries.length, 8);
    end.writeUInt16LE(this.#entries.length, 10);
    end.writeUInt32LE(size, 12);
    end.writeUInt32LE(start, 16);
    await this.#write(end);
  }
}
