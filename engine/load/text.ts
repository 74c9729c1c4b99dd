// The first pass of reading a rubric file: its bytes or text made into text YAML can parse
// (size, UTF-8, byte order mark, control characters, emptiness), or the one problem that stops it.
import { rubricProblem, type RubricProblem } from '../diagnostics.js';
import { placeOfOffset } from '../positions.js';
import { firstInvalidUtf8, utf8ByteLength } from './utf8.js';

/** The largest rubric file accepted, in bytes. */
export const MAX_RUBRIC_BYTES = 1024 * 1024;

/**
 * Characters YAML does not allow in a file (outside the escapes of a double-quoted string): C0
 * controls but tab and line breaks, DEL, C1 controls but NEL, and the non-characters U+FFFE/FFFF.
 */
const CONTROL_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u0084\u0086-\u009F\uFFFE\uFFFF]/;

/** The file's text, or the problem that stops it being read (with as much text as was decoded). */
export type ReadText = { text: string; problem?: undefined } | { text: string; problem: RubricProblem };

function tooLarge(file: string, size: number): RubricProblem {
  return rubricProblem('FILE_TOO_LARGE', { size, max: MAX_RUBRIC_BYTES }, { file, line: 1, column: 1, pointer: '' }, {
    expected: `at most ${MAX_RUBRIC_BYTES} bytes`,
    received: `${size} bytes`,
  });
}

/** Decodes bytes as UTF-8, or names the first byte that is not. */
function decode(input: Uint8Array, file: string): ReadText {
  if (input.byteLength > MAX_RUBRIC_BYTES) return { text: '', problem: tooLarge(file, input.byteLength) };
  const bad = firstInvalidUtf8(input);
  if (bad < 0) return { text: new TextDecoder('utf-8').decode(input) };
  const before = new TextDecoder('utf-8').decode(input.subarray(0, bad));
  const byte = input[bad]!.toString(16).padStart(2, '0');
  const { line, column } = placeOfOffset(before, before.length);
  const problem = rubricProblem('NOT_UTF8', { byte, offset: bad }, { file, line, column, pointer: '' }, {
    expected: 'UTF-8 text',
    received: `byte 0x${byte}`,
  });
  return { text: '', problem };
}

/** Checks a text's size as its UTF-8 bytes, as the text would be saved. */
function sized(input: string, file: string): ReadText {
  // A UTF-16 unit is at most three bytes, so only a text longer than a third of the limit needs counting.
  if (input.length * 3 > MAX_RUBRIC_BYTES) {
    const size = utf8ByteLength(input);
    if (size > MAX_RUBRIC_BYTES) return { text: '', problem: tooLarge(file, size) };
  }
  return { text: input };
}

/** The first character YAML does not allow, as a problem at its place. */
function controlCharacter(text: string, file: string): RubricProblem | undefined {
  const control = CONTROL_CHARACTER.exec(text);
  if (!control) return undefined;
  const character = `U+${control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
  const { line, column } = placeOfOffset(text, control.index);
  return rubricProblem('YAML_SYNTAX', { kind: 'control', character }, { file, line, column, pointer: '' }, {
    expected: 'printable text',
    received: character,
  });
}

/** Reads a rubric file's bytes or text as text YAML may parse: never throws for bad input. */
export function readRubricText(input: Uint8Array | string, file: string): ReadText {
  const read = typeof input === 'string' ? sized(input, file) : decode(input, file);
  if (read.problem) return read;
  const text = read.text.charCodeAt(0) === 0xfeff ? read.text.slice(1) : read.text;
  const control = controlCharacter(text, file);
  if (control) return { text, problem: control };
  if (text.trim() === '') {
    const problem = rubricProblem('EMPTY_FILE', { kind: 'empty' }, { file, line: 1, column: 1, pointer: '' }, {
      expected: 'a YAML mapping with mission, period, ...',
      received: 'an empty file',
    });
    return { text, problem };
  }
  return { text };
}
