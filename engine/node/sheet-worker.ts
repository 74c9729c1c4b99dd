// A results sheet's XML made and deflated on a second thread while this one reads the reasons and
// looks texts up in the shared-string table (results-xlsx.ts): it is given each cell as a number
// (a value, or a text's index in the table) and gives back the zip entry's deflated bytes, CRC and
// size. The table's own XML, made here, is encoded and deflated by another such worker. The worker's program runs from its own source text, so the CLI's one-file build
// (rubric.mjs) needs no second file; that program uses nothing outside itself but what `load`
// (the worker's require) gives it. Node-only: node:worker_threads.
import { Worker } from 'node:worker_threads';

/** How a cell is written: its value as a number, or the index of its text among the shared strings. */
export const NUMBER_CELL = 1;
export const SHARED_TEXT = 2;

/** Rows posted to the worker at a time. */
export const ROWS_PER_BATCH = 2000;

/** What the worker is sent. */
type ToWorker =
  | { type: 'begin'; head: string; level: number; letters: readonly string[] }
  | { type: 'rows'; first: number; count: number; kinds: Uint8Array; values: Float64Array }
  | { type: 'text'; text: string }
  | { type: 'end'; tail: string };

/** What the worker answers. */
type FromWorker = { type: 'data'; bytes: Uint8Array } | { type: 'done'; crc: number; size: number } | { type: 'error'; message: string };

/** The worker's program: XML text from cells, UTF-8, CRC-32 and raw deflate, each chunk posted back as made. */
function sheetProgram(load: (id: string) => unknown): void {
  const port = (load('node:worker_threads') as typeof import('node:worker_threads')).parentPort!;
  const zlib = load('node:zlib') as typeof import('node:zlib');
  // Only started where Node has zlib.crc32 (20.15 and later): see NATIVE_CRC32 in zip-writer.ts.
  const crc32 = zlib.crc32;
  let deflate: import('node:zlib').DeflateRaw | undefined;
  let letters: readonly string[] = [];
  let crc = 0;
  let size = 0;
  const put = (text: string) => {
    const bytes = Buffer.from(text, 'utf8');
    crc = crc32(bytes, crc);
    size += bytes.length;
    deflate!.write(bytes);
  };
  port.on('message', (message: ToWorker) => {
    try {
      if (message.type === 'begin') {
        letters = message.letters;
        deflate = zlib.createDeflateRaw({ level: message.level });
        deflate.on('data', (chunk: Buffer) => {
          const bytes = new Uint8Array(chunk);
          port.postMessage({ type: 'data', bytes } satisfies FromWorker, [bytes.buffer]);
        });
        deflate.on('end', () => port.postMessage({ type: 'done', crc, size } satisfies FromWorker));
        put(message.head);
      } else if (message.type === 'rows') {
        const { kinds, values, first, count } = message;
        const rows: string[] = [];
        for (let r = 0; r < count; r++) {
          let xml = `<row r="${first + r}">`;
          for (let c = 0; c < letters.length; c++) {
            const at = r * letters.length + c;
            // 0: no cell (a row shorter than the header); 1: NUMBER_CELL; 2: SHARED_TEXT.
            if (kinds[at] === 1) xml += `<c r="${letters[c]}${first + r}"><v>${values[at]}</v></c>`;
            else if (kinds[at] === 2) xml += `<c r="${letters[c]}${first + r}" t="s"><v>${values[at]}</v></c>`;
          }
          rows.push(xml + '</row>');
        }
        put(rows.join(''));
      } else if (message.type === 'text') {
        put(message.text);
      } else {
        put(message.tail);
        deflate!.end();
      }
    } catch (error) {
      port.postMessage({ type: 'error', message: error instanceof Error ? error.message : String(error) } satisfies FromWorker);
    }
  });
}

/** One zip entry being made by a worker (a sheet, or the shared strings): post its rows or text, then read its deflated bytes and sums. */
export class SheetJob {
  readonly #worker: Worker;
  readonly #chunks: Uint8Array[] = [];
  readonly #done: Promise<{ crc: number; size: number }>;

  /** `letters`: the sheet's column letters (A, B, …), one per column of its header. */
  constructor(head: string, letters: readonly string[], level: number) {
    this.#worker = new Worker(`(${sheetProgram.toString()})(require)`, { eval: true });
    this.#done = new Promise((resolve, reject) => {
      this.#worker.on('message', (message: FromWorker) => {
        if (message.type === 'data') this.#chunks.push(message.bytes);
        else if (message.type === 'done') resolve({ crc: message.crc, size: message.size });
        else reject(new Error(`the worker writing a sheet failed: ${message.message}`));
      });
      this.#worker.on('error', reject);
      this.#worker.on('exit', (code) => reject(new Error(`the worker writing a sheet stopped (${code})`)));
    });
    this.#done.catch(() => {});
    this.#post({ type: 'begin', head, level, letters });
  }

  #post(message: ToWorker, transfer: ArrayBuffer[] = []): void {
    this.#worker.postMessage(message, transfer);
  }

  /** Rows `first`… as kinds (NUMBER_CELL, SHARED_TEXT, 0 for an empty cell) and values, row after row. */
  rows(first: number, count: number, kinds: Uint8Array, values: Float64Array): void {
    this.#post({ type: 'rows', first, count, kinds, values }, [kinds.buffer as ArrayBuffer, values.buffer as ArrayBuffer]);
  }

  /** Text to add as it is (the shared strings' XML, made here piece by piece). */
  text(text: string): void {
    this.#post({ type: 'text', text });
  }

  /** Ends the sheet; resolves with its deflated bytes, CRC-32 and size once the worker is done, and stops it. */
  async finish(tail: string): Promise<{ chunks: Uint8Array[]; crc: number; size: number }> {
    this.#post({ type: 'end', tail });
    try {
      const sums = await this.#done;
      return { chunks: this.#chunks, ...sums };
    } finally {
      await this.#worker.terminate();
    }
  }

  /** Stops the worker without waiting for its sheet (on an error elsewhere). */
  stop(): void {
    void this.#worker.terminate();
  }
}
