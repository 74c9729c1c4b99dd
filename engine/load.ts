// Reads a rubric file's bytes or text as YAML, in five passes (text, syntax, refused keys and tags,
// aliases, inexact numbers), into a document with positions, its plain value and its problems.
import { LineCounter, isMap, parseDocument, type Document } from 'yaml';
import { hasErrors, rubricProblem, sortProblems, type RubricProblem } from './diagnostics.js';
import { badAlias, plainValue } from './load/aliases.js';
import { inexactNumbers } from './load/numbers.js';
import { foreignTags, forbiddenKeys } from './load/refused.js';
import { syntaxProblems } from './load/syntax.js';
import { readRubricText } from './load/text.js';

export { MAX_ALIAS_COUNT } from './load/aliases.js';
export { MAX_RUBRIC_BYTES } from './load/text.js';
export { firstInvalidUtf8, utf8ByteLength } from './load/utf8.js';

/** A rubric file read as YAML: the document with positions, its plain value, and its problems. */
export interface LoadedRubric {
  file: string;
  text: string;
  doc: Document | undefined;
  lineCounter: LineCounter;
  /** The plain value, or undefined when the file could not be read as a mapping. */
  value: unknown;
  diagnostics: RubricProblem[];
}

/**
 * Reads a rubric file's bytes or text as YAML. Never throws for bad input: every problem is a
 * rubric problem with its line and column, all reported at once.
 */
export function loadRubric(input: Uint8Array | string, file: string): LoadedRubric {
  const lineCounter = new LineCounter();
  const read = readRubricText(input, file);
  if (read.problem) return { file, text: read.text, doc: undefined, lineCounter, value: undefined, diagnostics: [read.problem] };
  const text = read.text;
  // yaml's own duplicate-key check costs n² for a mapping of n keys: syntaxProblems checks them in one pass.
  const doc = parseDocument(text, { lineCounter, uniqueKeys: false, prettyErrors: false, strict: true });
  const refused = (diagnostics: RubricProblem[]): LoadedRubric => ({ file, text, doc, lineCounter, value: undefined, diagnostics });
  const diagnostics = [...syntaxProblems(doc, text, file), ...forbiddenKeys(doc, lineCounter, file), ...foreignTags(doc, lineCounter, file)];
  if (hasErrors(diagnostics)) return refused(sortProblems(diagnostics));
  const alias = badAlias(doc, lineCounter, file);
  if (alias) return refused(sortProblems([...diagnostics, alias]));
  const plain = plainValue(doc, lineCounter, file);
  if ('problem' in plain) return refused(sortProblems([...diagnostics, plain.problem]));
  diagnostics.push(...inexactNumbers(doc, text, lineCounter, file));
  const notRubric = notAMapping(doc, plain.value, file);
  // As before the split, these two are not sorted: they come after the problems found so far.
  if (notRubric) return refused([...diagnostics, notRubric]);
  return { file, text, doc, lineCounter, value: plain.value, diagnostics: sortProblems(diagnostics) };
}

/** EMPTY_FILE for a document of comments only, NOT_A_MAPPING for one that is not a mapping; else nothing. */
function notAMapping(doc: Document, value: unknown, file: string): RubricProblem | undefined {
  const where = { file, line: 1, column: 1, pointer: '' };
  if (value === null || value === undefined) {
    return rubricProblem('EMPTY_FILE', { kind: 'comments' }, where, { expected: 'a YAML mapping', received: 'nothing' });
  }
  if (isMap(doc.contents)) return undefined;
  return rubricProblem('NOT_A_MAPPING', {}, where, {
    expected: 'a mapping',
    received: Array.isArray(value) ? 'a list' : typeof value,
  });
}
