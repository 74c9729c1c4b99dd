// The parent's text put into a Monaco model as one minimal, undoable edit, so cursor, scroll and history survive.
import type * as Monaco from 'monaco-editor';

/** True when cutting `text` at `at` would split a CRLF pair or a surrogate pair. */
function splitsPair(text: string, at: number): boolean {
  if (at <= 0 || at >= text.length) return false;
  const [before, after] = [text.charCodeAt(at - 1), text.charCodeAt(at)];
  return (before === 13 && after === 10) || (before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff);
}

/** The one replacement that turns the model's text into `next`: what lies between their common prefix and suffix. */
export function minimalEdit(model: Monaco.editor.ITextModel, next: string): Monaco.editor.IIdentifiedSingleEditOperation {
  const previous = model.getValue();
  const shorter = Math.min(previous.length, next.length);
  let prefix = 0;
  while (prefix < shorter && previous.charCodeAt(prefix) === next.charCodeAt(prefix)) prefix += 1;
  while (splitsPair(previous, prefix) || splitsPair(next, prefix)) prefix -= 1;
  let suffix = 0;
  const last = (text: string) => text.length - 1 - suffix;
  while (suffix < shorter - prefix && previous.charCodeAt(last(previous)) === next.charCodeAt(last(next))) suffix += 1;
  while (splitsPair(previous, previous.length - suffix) || splitsPair(next, next.length - suffix)) suffix -= 1;
  const start = model.getPositionAt(prefix);
  const end = model.getPositionAt(previous.length - suffix);
  const range = { startLineNumber: start.lineNumber, startColumn: start.column, endLineNumber: end.lineNumber, endColumn: end.column };
  return { range, text: next.slice(prefix, next.length - suffix) };
}

/** Replaces the model's text with `text` as one edit between undo stops; does nothing when they are the same. */
export function replaceText(model: Monaco.editor.ITextModel, text: string): void {
  if (model.getValue() === text) return;
  const edit = minimalEdit(model, text);
  model.pushStackElement();
  model.pushEditOperations([], [edit], () => null);
  model.pushStackElement();
}
