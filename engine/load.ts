import { LineCounter, isAlias, isMap, isPair, isScalar, isSeq, parseDocument, visit, type Document } from 'yaml';
import type { Diagnostic, DiagnosticCode } from './diagnostics.js';
import { sortDiagnostics } from './diagnostics.js';
import { EXACT_NUMBER_EXPECTED, inexactNumberText, isExactLiteral, shownLiteral } from './exact-number.js';
import { placeOfOffset, toPointer, type Place } from './positions.js';
import type { Text } from './types.js';

/** The largest rubric file accepted, in bytes. */
export const MAX_RUBRIC_BYTES = 1024 * 1024;

/** How many alias expansions a document may make before it counts as an alias bomb. */
export const MAX_ALIAS_COUNT = 100;

/**
 * Characters YAML does not allow in a file (outside the escapes of a double-quoted string): C0
 * controls but tab and line breaks, DEL, C1 controls but NEL, and the non-characters U+FFFE/FFFF.
 */
const CONTROL_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u0084\u0086-\u009F\uFFFE\uFFFF]/;

/** The tags of YAML's core schema: a rubric holds text, numbers, true/false, null, lists and mappings only. */
const CORE_TAGS = new Set(['str', 'int', 'float', 'bool', 'null', 'map', 'seq'].map((t) => `tag:yaml.org,2002:${t}`));

/** Keys that could reach an object's prototype and are refused anywhere in a rubric. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** A rubric file read as YAML: the document with positions, its plain value, and its problems. */
export interface LoadedRubric {
  file: string;
  text: string;
  doc: Document | undefined;
  lineCounter: LineCounter;
  /** The plain value, or undefined when the file could not be read as a mapping. */
  value: unknown;
  diagnostics: Diagnostic[];
}

/**
 * Reads a rubric file's bytes or text as YAML. Never throws for bad input: every problem is a
 * diagnostic with its line and column, all reported at once.
 */
export function loadRubric(input: Uint8Array | string, file: string): LoadedRubric {
  const lineCounter = new LineCounter();
  const failed = (diagnostic: Diagnostic, text = ''): LoadedRubric => ({
    file,
    text,
    doc: undefined,
    lineCounter,
    value: undefined,
    diagnostics: [diagnostic],
  });
  const make = (code: DiagnosticCode, place: Place, message: Text, extra: Partial<Diagnostic> = {}): Diagnostic => ({
    code,
    severity: 'error',
    message,
    file,
    line: place.line,
    column: place.column,
    path: '',
    ...extra,
  });

  let text: string;
  if (typeof input === 'string') {
    // The limit is on the file's UTF-8 bytes, as the text would be saved: a UTF-16 unit is at most
    // three of them, so only a text longer than a third of the limit needs counting.
    if (input.length * 3 > MAX_RUBRIC_BYTES) {
      const size = utf8ByteLength(input);
      if (size > MAX_RUBRIC_BYTES) return failed(tooLarge(make, size));
    }
    text = input;
  } else {
    if (input.byteLength > MAX_RUBRIC_BYTES) return failed(tooLarge(make, input.byteLength));
    const bad = firstInvalidUtf8(input);
    if (bad >= 0) {
      const before = new TextDecoder('utf-8').decode(input.subarray(0, bad));
      return failed(
        make(
          'NOT_UTF8',
          placeOfOffset(before, before.length),
          {
            th: `ไฟล์ไม่ใช่ UTF-8: พบไบต์ 0x${input[bad]!.toString(16).padStart(2, '0')} ที่ตำแหน่ง ${bad}`,
            en: `the file is not UTF-8: byte 0x${input[bad]!.toString(16).padStart(2, '0')} at offset ${bad}`,
          },
          { expected: 'UTF-8 text', received: `byte 0x${input[bad]!.toString(16).padStart(2, '0')}` },
        ),
      );
    }
    text = new TextDecoder('utf-8').decode(input);
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const control = CONTROL_CHARACTER.exec(text);
  if (control) {
    const code = `U+${control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
    return failed(
      make(
        'YAML_SYNTAX',
        placeOfOffset(text, control.index),
        {
          th: `ไฟล์มีอักขระควบคุม ${code} ซึ่ง YAML ไม่อนุญาต (อาจเป็นไฟล์ที่เสียหรือไม่ใช่ไฟล์ข้อความ)`,
          en: `the file holds the control character ${code}, which YAML does not allow (a damaged file, or not a text file?)`,
        },
        { expected: 'printable text', received: code },
      ),
      text,
    );
  }

  if (text.trim() === '') {
    return failed(
      make('EMPTY_FILE', { line: 1, column: 1 }, { th: 'ไฟล์ว่างเปล่า ไม่มีเกณฑ์', en: 'the file is empty: no rubric' }, {
        expected: 'a YAML mapping with mission, period, ...',
        received: 'an empty file',
      }),
      text,
    );
  }

  // yaml's own duplicate-key check compares each key with every key before it in its mapping, so
  // a mapping of n keys costs n² (75 s for 20,000): keys are checked here instead, in one pass.
  const doc = parseDocument(text, { lineCounter, uniqueKeys: false, prettyErrors: false, strict: true });
  const diagnostics: Diagnostic[] = [];
  const warnings = new Set<unknown>(doc.warnings);
  const placeOf = offsetPlacer(text);
  // An unknown tag's warning is left to foreignTags, which refuses every tag outside the core schema.
  const yamlWarnings = doc.warnings.filter((w) => w.code !== 'TAG_RESOLVE_FAILED');
  for (const error of [...doc.errors, ...duplicateKeys(doc), ...yamlWarnings]) {
    const place = placeOf(error.pos[0]);
    const isDuplicate = isDuplicateKey(error.code);
    const firstLine = error.message.split('\n')[0] ?? error.message;
    const detail = isDuplicate ? `"${keyTextAt(text, error.pos[0])}" (${firstLine})` : firstLine;
    diagnostics.push(
      make(
        isDuplicate ? 'DUPLICATE_KEY' : 'YAML_SYNTAX',
        place,
        isDuplicate
          ? { th: `คีย์ซ้ำในแมปเดียวกัน: ${detail}`, en: `duplicate key in one mapping: ${detail}` }
          : { th: `YAML ผิดรูปแบบ: ${detail}`, en: `YAML syntax error: ${detail}` },
        { severity: warnings.has(error) ? 'warning' : 'error' },
      ),
    );
  }
  diagnostics.push(...forbiddenKeys(doc, lineCounter, make), ...foreignTags(doc, lineCounter, make));
  if (diagnostics.some((d) => d.severity === 'error')) {
    return { file, text, doc, lineCounter, value: undefined, diagnostics: sortDiagnostics(diagnostics) };
  }

  const alias = badAlias(doc, lineCounter);
  if (alias) {
    const { source, cycle, place } = alias;
    diagnostics.push(
      make(
        'YAML_SYNTAX',
        place,
        cycle
          ? { th: `alias *${source} อยู่ภายในค่าที่ anchor &${source} ตั้งชื่อไว้เอง จึงวนไม่รู้จบ`, en: `the alias *${source} is inside the value its anchor &${source} names, an endless loop` }
          : { th: `alias *${source} ไม่มี anchor &${source} ก่อนหน้า`, en: `the alias *${source} names no anchor &${source} before it` },
        { expected: cycle ? `an alias outside the value of &${source}` : `an anchor &${source} before the alias`, received: `*${source}` },
      ),
    );
    return { file, text, doc, lineCounter, value: undefined, diagnostics: sortDiagnostics(diagnostics) };
  }

  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    if (!(error instanceof ReferenceError)) throw error;
    diagnostics.push(
      make(
        'ALIAS_LIMIT',
        firstAliasPlace(doc, lineCounter),
        {
          th: `ใช้ alias ขยายเกิน ${MAX_ALIAS_COUNT} ครั้ง (อาจเป็นการโจมตีด้วย alias)`,
          en: `aliases expand more than ${MAX_ALIAS_COUNT} times (an alias bomb?)`,
        },
        { expected: `at most ${MAX_ALIAS_COUNT} alias expansions`, received: 'more' },
      ),
    );
    return { file, text, doc, lineCounter, value: undefined, diagnostics: sortDiagnostics(diagnostics) };
  }
  diagnostics.push(...inexactNumbers(doc, text, lineCounter, make));
  if (value === null || value === undefined) {
    diagnostics.push(
      make('EMPTY_FILE', { line: 1, column: 1 }, { th: 'ไฟล์ไม่มีข้อมูล มีแต่หมายเหตุ', en: 'the file holds no data, only comments' }, {
        expected: 'a YAML mapping',
        received: 'nothing',
      }),
    );
    return { file, text, doc, lineCounter, value: undefined, diagnostics };
  }
  if (!isMap(doc.contents)) {
    diagnostics.push(
      make('NOT_A_MAPPING', { line: 1, column: 1 }, { th: 'เกณฑ์ต้องเป็นแมป YAML (คีย์: ค่า)', en: 'a rubric must be a YAML mapping (key: value)' }, {
        expected: 'a mapping',
        received: Array.isArray(value) ? 'a list' : typeof value,
      }),
    );
    return { file, text, doc, lineCounter, value: undefined, diagnostics };
  }
  return { file, text, doc, lineCounter, value, diagnostics: sortDiagnostics(diagnostics) };
}

function isDuplicateKey(code: string): boolean {
  return code === 'DUPLICATE_KEY';
}

/** A problem found in the document, shaped as yaml reports its own. */
interface DocumentProblem {
  code: string;
  pos: [number, number];
  message: string;
}

/**
 * Every key that repeats an earlier key of its mapping, as yaml's `uniqueKeys` finds them (two
 * scalar keys with one value, compared with ===) and with its message, at the repeated key. One
 * pass over the document with a set per mapping, without recursion.
 */
function duplicateKeys(doc: Document): DocumentProblem[] {
  const found: DocumentProblem[] = [];
  const stack: unknown[] = [doc.contents];
  while (stack.length > 0) {
    const node = stack.pop();
    if (isMap(node)) {
      const keys = new Set<unknown>();
      for (const pair of node.items) {
        const key = pair.key;
        if (isScalar(key) && !Number.isNaN(key.value)) {
          if (keys.has(key.value)) {
            const start = key.range?.[0] ?? 0;
            found.push({ code: 'DUPLICATE_KEY', pos: [start, key.range?.[1] ?? start], message: 'Map keys must be unique' });
          } else {
            keys.add(key.value);
          }
        }
        stack.push(pair.value, key);
      }
    } else if (isSeq(node)) {
      for (let i = node.items.length - 1; i >= 0; i--) stack.push(node.items[i]);
    }
  }
  return found;
}

/** The text of a key at an offset, up to its colon or the end of its line, cut at 60 characters. */
function keyTextAt(text: string, offset: number): string {
  const keyText = /[^:\n]*/y;
  keyText.lastIndex = offset;
  const key = (keyText.exec(text)?.[0] ?? '').trim();
  return key.length > 60 ? key.slice(0, 57) + '...' : key;
}

/**
 * Line and column of an offset in `text`, as `placeOfOffset` gives them, from an index of line
 * starts built on first use: a place costs a binary search, not a scan from the start.
 */
function offsetPlacer(text: string): (offset: number) => Place {
  let starts: number[] | undefined;
  return (offset) => {
    if (!starts) {
      starts = [0];
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    }
    const end = Math.min(offset, text.length); // placeOfOffset counts newlines before both
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid]! <= end) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: offset - starts[low]! + 1 };
  };
}

function tooLarge(
  make: (code: DiagnosticCode, place: Place, message: Text, extra?: Partial<Diagnostic>) => Diagnostic,
  size: number,
): Diagnostic {
  return make(
    'FILE_TOO_LARGE',
    { line: 1, column: 1 },
    {
      th: `ไฟล์ใหญ่เกินไป: ${size} ไบต์ (สูงสุด ${MAX_RUBRIC_BYTES} ไบต์)`,
      en: `the file is too large: ${size} bytes (at most ${MAX_RUBRIC_BYTES})`,
    },
    { expected: `at most ${MAX_RUBRIC_BYTES} bytes`, received: `${size} bytes` },
  );
}

function forbiddenKeys(
  doc: Document,
  lineCounter: LineCounter,
  make: (code: DiagnosticCode, place: Place, message: Text, extra?: Partial<Diagnostic>) => Diagnostic,
): Diagnostic[] {
  const found: Diagnostic[] = [];
  visit(doc, {
    Pair(_key, pair, path) {
      if (!isScalar(pair.key) || !FORBIDDEN_KEYS.has(String(pair.key.value))) return;
      const { line, col } = lineCounter.linePos(pair.key.range?.[0] ?? 0);
      const segments: string[] = [];
      for (const ancestor of path) {
        if (isPair(ancestor) && isScalar(ancestor.key)) segments.push(String(ancestor.key.value));
      }
      segments.push(String(pair.key.value));
      found.push(
        make(
          'FORBIDDEN_KEY',
          { line, column: col },
          {
            th: `ห้ามใช้คีย์ "${String(pair.key.value)}" ในเกณฑ์`,
            en: `the key "${String(pair.key.value)}" is not allowed in a rubric`,
          },
          { path: toPointer(segments), received: String(pair.key.value) },
        ),
      );
    },
  });
  return found;
}

/**
 * Every number whose literal says more than the double it was read as keeps (9007199254740993
 * read as 9007199254740992, 69.500000000000001 as 69.5), keys included: an error at the literal,
 * never a value silently changed. One pass without recursion; a pointer is made only for a find.
 */
function inexactNumbers(
  doc: Document,
  text: string,
  lineCounter: LineCounter,
  make: (code: DiagnosticCode, place: Place, message: Text, extra?: Partial<Diagnostic>) => Diagnostic,
): Diagnostic[] {
  interface Entry {
    node: unknown;
    up: Entry | undefined;
    segment: string;
  }
  const pointerOf = (entry: Entry): string => {
    const segments: string[] = [];
    for (let at: Entry | undefined = entry; at?.up; at = at.up) segments.push(at.segment);
    return toPointer(segments.reverse());
  };
  const found: Diagnostic[] = [];
  const stack: Entry[] = [{ node: doc.contents, up: undefined, segment: '' }];
  while (stack.length > 0) {
    const entry = stack.pop()!;
    const node = entry.node;
    if (isMap(node)) {
      for (let i = node.items.length - 1; i >= 0; i--) {
        const pair = node.items[i]!;
        const segment = isScalar(pair.key) ? String(pair.key.value) : String(i);
        stack.push({ node: pair.value, up: entry, segment }, { node: pair.key, up: entry, segment });
      }
    } else if (isSeq(node)) {
      for (let i = node.items.length - 1; i >= 0; i--) stack.push({ node: node.items[i], up: entry, segment: String(i) });
    } else if (isScalar(node) && typeof node.value === 'number') {
      const start = node.range?.[0] ?? 0;
      // The literal as written: a plain scalar's source, or a quoted one's text under a !!int or !!float tag.
      const literal = node.source ?? text.slice(start, node.range?.[1] ?? start);
      if (isExactLiteral(literal, node.value)) continue;
      const { line, col } = lineCounter.linePos(start);
      found.push(
        make('INEXACT_NUMBER', { line, column: col }, inexactNumberText(literal, node.value), {
          path: pointerOf(entry),
          expected: EXACT_NUMBER_EXPECTED,
          received: shownLiteral(literal),
        }),
      );
    }
  }
  return found;
}

/**
 * Every node with an explicit tag outside YAML's core schema: !!js/function, !!binary, !!set,
 * !!timestamp, !include… A rubric is plain data; such a value would be kept as bare text, or
 * become a set, bytes or a date that the schema does not expect, and lose what its author meant.
 */
function foreignTags(
  doc: Document,
  lineCounter: LineCounter,
  make: (code: DiagnosticCode, place: Place, message: Text, extra?: Partial<Diagnostic>) => Diagnostic,
): Diagnostic[] {
  const found: Diagnostic[] = [];
  visit(doc, {
    Node(_key, node) {
      const tag = (node as { tag?: string }).tag;
      if (!tag || CORE_TAGS.has(tag)) return;
      const shown = tag.replace(/^tag:yaml\.org,2002:/, '!!');
      const { line, col } = lineCounter.linePos(node.range?.[0] ?? 0);
      found.push(
        make(
          'YAML_SYNTAX',
          { line, column: col },
          {
            th: `ห้ามใช้แท็ก ${shown} ในเกณฑ์: เกณฑ์มีได้เฉพาะข้อความ ตัวเลข true/false รายการ และแมป`,
            en: `the tag ${shown} is not allowed in a rubric: it holds only text, numbers, true/false, lists and mappings`,
          },
          { expected: 'a plain YAML value', received: shown },
        ),
      );
    },
  });
  return found;
}

/**
 * The first alias that cannot stand for a value, and its place: one with no anchor of its name
 * before it (in document order, as yaml resolves them), or one inside the very node it names
 * (`a: &w { not: *w }`), which would make the rubric an endless tree that no check can walk.
 */
function badAlias(doc: Document, lineCounter: LineCounter): { source: string; cycle: boolean; place: Place } | undefined {
  const anchors = new Map<string, unknown>();
  let found: { source: string; cycle: boolean; place: Place } | undefined;
  visit(doc, {
    Node(_key, node, path) {
      if (isAlias(node)) {
        const target = anchors.get(node.source);
        if (target !== undefined && !path.includes(target as never)) return;
        const { line, col } = lineCounter.linePos(node.range?.[0] ?? 0);
        found = { source: node.source, cycle: target !== undefined, place: { line, column: col } };
        return visit.BREAK;
      }
      const anchor = (node as { anchor?: string }).anchor;
      if (anchor) anchors.set(anchor, node);
    },
  });
  return found;
}

function firstAliasPlace(doc: Document, lineCounter: LineCounter): Place {
  let place: Place = { line: 1, column: 1 };
  let found = false;
  visit(doc, {
    Alias(_key, node) {
      if (found || !isAlias(node)) return;
      found = true;
      const { line, col } = lineCounter.linePos(node.range?.[0] ?? 0);
      place = { line, column: col };
      return visit.BREAK;
    },
  });
  return place;
}

/**
 * How many bytes a text takes in UTF-8, as TextEncoder would write it (a lone surrogate as the three
 * bytes of U+FFFD), counted without encoding it. Browser-safe: no Buffer.
 */
export function utf8ByteLength(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) bytes += 1;
    else if (unit < 0x800) bytes += 2;
    else if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** Returns the offset of the first byte that is not valid UTF-8, or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else {
      return i;
    }
    let code = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      code = (code << 6) | (c & 0x3f);
    }
    if (code < min || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}
