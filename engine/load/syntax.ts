// The second pass of reading a rubric file: what the YAML parser found wrong (errors, warnings)
// and every key that repeats one of its mapping, each as a problem at its line and column.
import { isMap, isScalar, isSeq, type Document, type YAMLError } from 'yaml';
import { rubricProblem, type RubricProblem } from '../diagnostics.js';
import type { Place } from '../positions.js';

/**
 * The parser's errors and warnings and the repeated keys, as problems: a warning stays a warning.
 * An unknown tag's warning is left to foreignTags, which refuses every tag outside the core schema.
 */
export function syntaxProblems(doc: Document, text: string, file: string): RubricProblem[] {
  const warnings = new Set<unknown>(doc.warnings);
  const placeOf = offsetPlacer(text);
  const yamlWarnings = doc.warnings.filter((w) => w.code !== 'TAG_RESOLVE_FAILED');
  const parsed = (error: YAMLError): RubricProblem => {
    const { line, column } = placeOf(error.pos[0]);
    const detail = error.message.split('\n')[0] ?? error.message;
    return rubricProblem('YAML_SYNTAX', { kind: 'parse', detail }, { file, line, column, pointer: '' }, { severity: warnings.has(error) ? 'warning' : 'error' });
  };
  const duplicate = (offset: number): RubricProblem => {
    const { line, column } = placeOf(offset);
    // The words yaml's own uniqueKeys check gives, after the key.
    const detail = `"${keyTextAt(text, offset)}" (Map keys must be unique)`;
    return rubricProblem('DUPLICATE_KEY', { detail }, { file, line, column, pointer: '' });
  };
  return [...doc.errors.map(parsed), ...duplicateKeys(doc).map(duplicate), ...yamlWarnings.map(parsed)];
}

/**
 * The offset of every key that repeats an earlier key of its mapping, as yaml's `uniqueKeys` finds
 * them (two scalar keys with one value, compared with ===). One
 * pass over the document with a set per mapping, without recursion: yaml's own check compares
 * each key with every key before it (n² for a mapping of n keys).
 */
function duplicateKeys(doc: Document): number[] {
  const found: number[] = [];
  const stack: unknown[] = [doc.contents];
  while (stack.length > 0) {
    const node = stack.pop();
    if (isMap(node)) {
      const keys = new Set<unknown>();
      for (const pair of node.items) {
        const key = pair.key;
        if (isScalar(key) && !Number.isNaN(key.value)) {
          if (keys.has(key.value)) {
            found.push(key.range?.[0] ?? 0);
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
