// The CLI's side of reading a data file and writing results: a regular file of bounded size read
// once (never a directory, a device or a pipe, which could be endless or hang), and results
// written piece by piece so that a large file never becomes one giant string.
import { randomBytes } from 'node:crypto';
import { closeSync, constants, createWriteStream, fstatSync, openSync, readSync, realpathSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { once } from 'node:events';
import type { GradeResult } from '../evaluate.js';
import { MAX_DATA_BYTES } from '../import/read-file.js';
import type { Text } from '../types.js';
import { writeResultsXlsx } from '../node/results-xlsx.js';
import { RESULT_HEADERS, resultCells, type ResultSection } from '../workbook.js';
import { csvQuote } from '../tabular.js';

/** The bytes of a data file, or why it cannot be read: one message in Thai and English. */
export function readDataBytes(path: string): { bytes: Uint8Array } | { problem: Text } {
  let fd: number;
  try {
    // Non-blocking, so that opening a pipe with no writer cannot hang the command.
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    return { problem: { th: `เปิดไฟล์ไม่ได้ (${code})`, en: `cannot open the file (${code})` } };
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) {
      const what = stat.isDirectory() ? { th: 'โฟลเดอร์', en: 'a folder' } : { th: 'อุปกรณ์หรือท่อส่งข้อมูล', en: 'a device or a pipe' };
      return { problem: { th: `ไม่ใช่ไฟล์ข้อมูล แต่เป็น${what.th}`, en: `this is not a data file but ${what.en}` } };
    }
    if (stat.size > MAX_DATA_BYTES) {
      return {
        problem: {
          th: `ไฟล์ใหญ่เกินไป (${stat.size.toLocaleString('th-TH')} ไบต์ เกิน ${MAX_DATA_BYTES / 1024 / 1024} MB): แบ่งเป็นหลายไฟล์`,
          en: `the file is too large (${stat.size} bytes, over ${MAX_DATA_BYTES / 1024 / 1024} MB): split it into several files`,
        },
      };
    }
    const bytes = new Uint8Array(stat.size);
    let read = 0;
    while (read < bytes.length) {
      const n = readSync(fd, bytes, read, bytes.length - read, read);
      if (n === 0) break;
      read += n;
    }
    return { bytes: bytes.subarray(0, read) };
  } finally {
    closeSync(fd);
  }
}

/** Writes text to a stream, waiting whenever the stream asks the writer to (backpressure). */
async function put(stream: NodeJS.WritableStream, text: string): Promise<void> {
  if (!stream.write(text)) await once(stream, 'drain');
}

/** Writes `{import, results}` as JSON, one result at a time. */
export async function writeResultsJson(stream: NodeJS.WritableStream, imports: unknown[], results: readonly GradeResult[]): Promise<void> {
  await put(stream, `{"import":${JSON.stringify(imports)},"results":[`);
  for (let i = 0; i < results.length; i++) await put(stream, (i > 0 ? ',' : '') + JSON.stringify(results[i]));
  await put(stream, ']}\n');
}

/** Writes results as CSV to a file (a BOM first, so Thai Excel opens it as UTF-8), one row at a time. */
export async function writeResultsCsvFile(path: string, results: readonly GradeResult[]): Promise<void> {
  const file = createWriteStream(path);
  const quote = (v: string | number) => csvQuote(String(v));
  await put(file, '\uFEFF' + RESULT_HEADERS.map(quote).join(',') + '\r\n');
  for (const r of results) await put(file, resultCells(r).map(quote).join(',') + '\r\n');
  file.end();
  await once(file, 'close');
}

/**
 * Writes results as a workbook (.xlsx) streamed to disk row by row, so that the largest data file
 * never needs the whole workbook in memory. Called through writeWhole, which gives it a temporary
 * path and renames it over the target only once complete.
 */
export async function writeResultsWorkbookFile(path: string, sections: readonly ResultSection[]): Promise<void> {
  const file = createWriteStream(path);
  // A failing disk must end the write with its error, not leave it waiting for a 'finish' that never comes.
  const failed = new Promise<never>((_, reject) => file.on('error', reject));
  failed.catch(() => {});
  try {
    await Promise.race([once(file, 'open'), failed]);
    await Promise.race([writeResultsXlsx(file, sections), failed]);
    file.end();
    if (!file.closed) await Promise.race([once(file, 'close'), failed]);
  } catch (error) {
    file.destroy();
    throw error;
  }
}

/**
 * Writes an output file whole or not at all: into a temporary file beside it, renamed over it
 * once complete, so that a failure (a folder of that name, a missing folder, a full disk) leaves
 * no part-written file and keeps a file already there as it was. A symbolic link is written
 * through (its target is replaced, the link kept); a device or a pipe is written directly.
 */
export async function writeWhole(target: string, write: (path: string) => Promise<void>): Promise<{ ok: true } | { problem: Text }> {
  const refused = (error: unknown): { problem: Text } => {
    const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message ?? String(error);
    return { problem: { th: `เขียนไฟล์ไม่ได้ (${code}) ไม่มีไฟล์ใดถูกเขียนหรือเปลี่ยน`, en: `cannot write the file (${code}); nothing was written or changed` } };
  };
  let real = target;
  try {
    const stat = statSync(target);
    if (stat.isDirectory()) return refused({ code: 'EISDIR' });
    if (!stat.isFile()) {
      await write(target);
      return { ok: true };
    }
    real = realpathSync(target);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') return refused(error);
  }
  const temporary = join(dirname(real), `.${basename(real)}.${randomBytes(6).toString('hex')}.part`);
  try {
    await write(temporary);
    renameSync(temporary, real);
    return { ok: true };
  } catch (error) {
    rmSync(temporary, { force: true });
    return refused(error);
  }
}
