// Delimited text (CSV with comma, semicolon or tab) split into records of cells exactly as
// written, each with the line it starts on; a quote that cannot be read for certain is a problem.
// Browser-safe.
import { parse } from 'csv-parse/browser/esm/sync';
import type { DecodeProblem, Delimiter, DelimitedRecords } from './decode.js';

const DELIMITERS: readonly Delimiter[] = [',', ';', '\t'];

/** Counts commas, semicolons and tabs outside quotes on the first line that is not blank, and picks the most common: on a tie the comma, then the semicolon; the comma when there is none. */
function detectDelimiter(text: string): Delimiter {
  const counts = new Map<string, number>(DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  let blank = true;
  for (let i = 0; i < text.length; i++) {
    const character = text[i]!;
    if (character === '"') {
      quoted = !quoted;
      blank = false;
    } else if (!quoted && (character === '\n' || character === '\r')) {
      if (!blank) break;
    } else if (!quoted && counts.has(character)) {
      counts.set(character, counts.get(character)! + 1);
      blank = false;
    } else if (!/[\s\uFEFF]/.test(character)) blank = false;
  }
  let best: Delimiter = ',';
  for (const delimiter of DELIMITERS) if (counts.get(delimiter)! > counts.get(best)!) best = delimiter;
  return best;
}

/** The length of the line break at `i` (2 for CRLF, 1 for LF or CR), or 0 when there is none. */
function lineBreakAt(text: string, i: number): number {
  const character = text[i];
  if (character === '\n') return 1;
  if (character === '\r') return text[i + 1] === '\n' ? 2 : 1;
  return 0;
}

/** A quote problem found by scanRecords, with the 1-based line it is on. */
type QuoteError = { error: 'UNCLOSED_QUOTE' | 'QUOTE_IN_CELL' | 'TEXT_AFTER_QUOTE'; line: number };

/**
 * Scans delimited text as csv-parse reads it (strict quotes, blank lines skipped) for the 1-based line each record starts on,
 * or the first quote problem and its line. csv-parse's own line count is not used: it counts a CRLF inside quotes as two lines.
 */
function scanRecords(text: string, delimiter: Delimiter): { lines: number[] } | QuoteError {
  const lines: number[] = [];
  let line = 1;
  let i = text.startsWith('\uFEFF') ? 1 : 0;
  while (i < text.length) {
    const blank = lineBreakAt(text, i);
    if (blank > 0) {
      i += blank;
      line++;
      continue;
    }
    lines.push(line);
    for (;;) {
      if (text[i] === '"') {
        // A quoted cell: to its closing quote, doubled quotes and line breaks inside it included.
        const openedOn = line;
        for (i++; ; ) {
          if (i >= text.length) return { error: 'UNCLOSED_QUOTE', line: openedOn };
          if (text[i] === '"') {
            if (text[i + 1] !== '"') break;
            i += 2;
            continue;
          }
          const inside = lineBreakAt(text, i);
          if (inside > 0) line++;
          i += inside || 1;
        }
        i++;
        if (i < text.length && text[i] !== delimiter && lineBreakAt(text, i) === 0) return { error: 'TEXT_AFTER_QUOTE', line };
      }
      while (i < text.length && text[i] !== delimiter && lineBreakAt(text, i) === 0) {
        if (text[i] === '"') return { error: 'QUOTE_IN_CELL', line };
        i++;
      }
      if (i >= text.length) break;
      if (text[i] === delimiter) {
        i++;
        continue;
      }
      i += lineBreakAt(text, i);
      line++;
      break;
    }
  }
  return { lines };
}

/** Splits delimited text (comma, semicolon or tab, found from the first line) into records of cells exactly as written: nothing is trimmed or interpreted, rows may differ in length, CRLF, LF and CR line ends are all accepted. */
export function parseDelimited(text: string): DelimitedRecords | { problem: DecodeProblem } {
  const delimiter = detectDelimiter(text);
  const scan = scanRecords(text, delimiter);
  let records: string[][];
  try {
    records = parse(text, {
      delimiter,
      record_delimiter: ['\r\n', '\n', '\r'],
      relax_column_count: true,
      skip_empty_lines: true,
      bom: true,
    }) as string[][];
  } catch (error) {
    return { problem: csvProblem(error, scan) };
  }
  // The scan and csv-parse read quotes alike; if they ever part, the file is refused rather than given wrong lines.
  if ('error' in scan || scan.lines.length !== records.length) return { problem: csvProblem(new Error('the scan and the parser disagree'), scan) };
  return { records, delimiter, lines: scan.lines };
}

/** A csv-parse error as a problem with its line, worded for people; the scan's reading of quotes and lines comes first. */
function csvProblem(error: unknown, scan: { lines: number[] } | QuoteError): DecodeProblem {
  const { lines, message } = error as { lines?: number; message?: string };
  if ('error' in scan) {
    const { line } = scan;
    switch (scan.error) {
      case 'UNCLOSED_QUOTE':
        return {
          code: 'UNCLOSED_QUOTE',
          line,
          message: {
            th: `เครื่องหมายอัญประกาศ (") ที่เปิดในบรรทัดที่ ${line} ไม่มีตัวปิดจนจบไฟล์: ตรวจดูว่าเซลล์นั้นมีเครื่องหมาย " ครบคู่`,
            en: `The quote (") opened on line ${line} is never closed before the end of the file: check that the cell's quotes come in pairs.`,
          },
        };
      case 'QUOTE_IN_CELL':
        return {
          code: 'BAD_QUOTE',
          line,
          message: {
            th: `บรรทัดที่ ${line}: มีเครื่องหมาย " อยู่กลางเซลล์ที่ไม่ได้ขึ้นต้นด้วย " หากต้องการให้ " เป็นส่วนหนึ่งของข้อความ ให้ครอบทั้งเซลล์ด้วย " และเขียน " ในข้อความเป็นสองตัว ("")`,
            en: `Line ${line}: a quote (") inside a cell that does not start with a quote. To keep a quote in the text, put the whole cell in quotes and write the quote twice ("").`,
          },
        };
      case 'TEXT_AFTER_QUOTE':
        return {
          code: 'BAD_QUOTE',
          line,
          message: {
            th: `บรรทัดที่ ${line}: มีข้อความต่อท้ายเครื่องหมาย " ที่ปิดเซลล์ ก่อนถึงตัวคั่นเซลล์ถัดไป จึงไม่แน่ชัดว่าเซลล์จบที่ใด`,
            en: `Line ${line}: text follows the quote (") that closes a cell, before the next delimiter, so it is not clear where the cell ends.`,
          },
        };
    }
  }
  const line = typeof lines === 'number' && lines > 0 ? lines : 1;
  return {
    code: 'BAD_CSV',
    line,
    message: {
      th: `บรรทัดที่ ${line}: อ่านเป็นไฟล์ CSV ไม่ได้ (${message ?? 'ไม่ทราบสาเหตุ'})`,
      en: `Line ${line}: the text cannot be read as CSV (${message ?? 'unknown reason'}).`,
    },
  };
}

// ——— HTML tables ———
