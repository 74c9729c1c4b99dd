// A rubric text carried into another quarter: each reporting round's due date moved into the new
// quarter's months (see quarter-dates.ts), with a comment above the rounds asking for the dates to
// be checked against the new quarter's letter. Everything else stays as written. Browser-safe.
import { isMap, isScalar, isSeq, parseDocument } from 'yaml';
import { periodLabel } from './period.js';
import { shiftDue } from './quarter-dates.js';
import { setScalar } from './yaml-edit.js';

/** The comment a new quarter's rounds carry; its first words are how it is found again. */
const MARK = '# ตรวจวันที่';

function note(from: string, to: string): string {
  const [a, b] = [periodLabel(from), periodLabel(to)];
  return `${MARK}: กำหนดส่งเลื่อนจาก${a.th} มาเป็น${b.th} โดยอัตโนมัติ โปรดตรวจกับหนังสือสั่งการของไตรมาสนี้ / check the dates: moved from ${a.en} to ${b.en} automatically; check them against this quarter's letter`;
}

/** The due dates of a text's rounds, in order (undefined where a round has no readable one). */
function dueDates(yaml: string): (string | undefined)[] {
  const rounds = parseDocument(yaml, { uniqueKeys: false }).getIn(['reporting', 'rounds'], true);
  if (!isSeq(rounds)) return [];
  return rounds.items.map((item) => {
    const due = isMap(item) ? item.get('due', true) : undefined;
    return isScalar(due) && typeof due.value === 'string' ? due.value : undefined;
  });
}

/** Where the `rounds` key of `reporting` starts in a text, or undefined. */
function roundsKeyAt(yaml: string): number | undefined {
  const reporting = parseDocument(yaml, { keepSourceTokens: true, uniqueKeys: false }).get('reporting', true);
  if (!isMap(reporting)) return undefined;
  const pair = reporting.items.find((p) => isScalar(p.key) && p.key.value === 'rounds');
  return isScalar(pair?.key) ? pair.key.range?.[0] : undefined;
}

/** Puts the note on its own line above the line of `rounds:` (replacing an earlier note there), indented as that line is. */
function withNote(yaml: string, text: string): string {
  const at = roundsKeyAt(yaml);
  if (at === undefined) return yaml;
  const lineStart = yaml.lastIndexOf('\n', at - 1) + 1;
  const indent = /^[ \t]*/.exec(yaml.slice(lineStart))![0];
  let head = yaml.slice(0, lineStart);
  // An earlier quarter's note on the line above is replaced, not stacked.
  const previous = head.lastIndexOf('\n', head.length - 2) + 1;
  if (head.slice(previous).trim().startsWith(MARK)) head = head.slice(0, previous);
  return `${head}${indent}${text}\n${yaml.slice(lineStart)}`;
}

/**
 * A text's round due dates moved from period `from` to period `to`, and the note asking for them
 * to be checked; the text unchanged when it has no rounds whose dates can be read.
 */
export function shiftRounds(yaml: string, from: string, to: string): string {
  let text = yaml;
  let moved = 0;
  dueDates(yaml).forEach((due, i) => {
    const shifted = due === undefined ? undefined : shiftDue(due, from, to);
    const next = shifted === undefined ? undefined : setScalar(text, ['reporting', 'rounds', i, 'due'], shifted);
    if (next !== undefined) {
      text = next;
      moved++;
    }
  });
  return moved > 0 ? withNote(text, note(from, to)) : text;
}
