// Where the static copy goes: a new or empty folder, or an earlier export holding only what that
// export wrote (its mark lists the names), never a folder with anything else in it. The copy is
// written beside the folder and swapped in whole: the earlier export is moved aside, the new one
// moved in, and the earlier one removed only then, or moved back if the swap fails.
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** The file that marks a folder as written by `rubric export`, listing the names it wrote at the top. */
export const MARK = '.rubric-export.json';

/** Why the folder may not receive the copy, in Thai and English; undefined when it may. */
export function refusalOf(out: string): string | undefined {
  if (!existsSync(out)) return undefined;
  if (!statSync(out).isDirectory()) return `--out ${out} เป็นไฟล์ ไม่ใช่โฟลเดอร์ / is a file, not a folder`;
  const held = readdirSync(out);
  if (held.length === 0) return undefined;
  if (!held.includes(MARK)) return `--out ${out} มีไฟล์ที่ไม่ได้มาจากการส่งออก / holds files that no export wrote; name a new or empty folder (an earlier export's folder is replaced)`;
  let wrote: string[] = [];
  try {
    wrote = (JSON.parse(readFileSync(join(out, MARK), 'utf8')) as { top?: string[] }).top ?? [];
  } catch {
    return `--out ${out}: ${MARK} อ่านไม่ได้ / cannot be read`;
  }
  const added = held.filter((name) => name !== MARK && !wrote.includes(name));
  if (added.length > 0) {
    return `--out ${out} มีสิ่งที่เพิ่มหลังการส่งออก / holds what the last export did not write (${added.join(', ')}); move it out first, nothing was changed`;
  }
  return undefined;
}

/** Writes the mark, listing the top-level names of the folder the copy is in. */
export function writeMark(staging: string, details: Record<string, unknown>): void {
  const top = readdirSync(staging).filter((name) => name !== MARK).sort();
  writeFileSync(join(staging, MARK), `${JSON.stringify({ top, ...details }, null, 2)}\n`);
}

/** A sibling path of `out` for this process: `.name.<what>-<pid>`. */
export function beside(out: string, what: string): string {
  return join(dirname(out), `.${basename(out)}.${what}-${process.pid}`);
}

/** Puts the finished copy in the folder's place; the earlier export is kept until the new one is there. */
export function swapIn(staging: string, out: string): void {
  if (!existsSync(out)) {
    renameSync(staging, out);
    return;
  }
  const previous = beside(out, 'previous');
  renameSync(out, previous);
  try {
    renameSync(staging, out);
  } catch (error) {
    renameSync(previous, out);
    throw error;
  }
  rmSync(previous, { recursive: true, force: true });
}
