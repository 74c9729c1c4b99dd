// Creates the rubric's YAML model and its Monaco editor: options, marks on unusual line terminators, and input-method tracking.
import type * as Monaco from 'monaco-editor';
import { unusualTerminatorMarks } from './line-terminators.js';
import { trackComposition } from './type-command.js';

const MODEL_URI = 'file:///rubric.yaml';

/**
 * Latin in a monospace font and Thai in Sarabun (bundled with the editor; no monospace font has
 * Thai), before the system's fallbacks.
 */
export const EDITOR_FONTS = `"DejaVu Sans Mono", Menlo, Consolas, "Sarabun", "Noto Sans Thai", "TLWG Typist", monospace`;

/** Monaco's options for a rubric: YAML, two-space indent, wrapped lines, Thai-capable fonts, Thai text left unboxed, Tab moving on. */
function editorOptions(model: Monaco.editor.ITextModel, readOnly: boolean): Monaco.editor.IStandaloneEditorConstructionOptions {
  return {
    model,
    language: 'yaml',
    readOnly,
    automaticLayout: true,
    minimap: { enabled: false },
    fontSize: 14,
    tabSize: 2,
    insertSpaces: true,
    wordWrap: 'on',
    fontFamily: EDITOR_FONTS,
    // Thai is the rubric's language: its digits (๐ looks like o) and letters are not suspicious.
    unicodeHighlight: { ambiguousCharacters: false, nonBasicASCII: false, allowedLocales: { th: true, _os: true, _vscode: true } },
    // Tab moves to the next thing on the page, as everywhere else, until the user asks it to indent.
    tabFocusMode: true,
    // A U+2028 or U+2029 in a label would otherwise make Monaco ask every visitor, in a native
    // dialog, whether to remove it ('prompt'), or remove it unasked ('auto'): the text is the
    // rubric, so it is kept as it is and marked instead (unusualTerminatorMarks).
    unusualLineTerminators: 'off',
  };
}

/** A model holding `value` and an editor on it in `host`; every change of the text is passed to `onEdit`. */
export function createYamlEditor(
  monaco: typeof Monaco,
  host: HTMLElement,
  options: { value: string; readOnly: boolean; onEdit: (text: string) => void },
): { editor: Monaco.editor.IStandaloneCodeEditor; model: Monaco.editor.ITextModel } {
  const model = monaco.editor.createModel(options.value, 'yaml', monaco.Uri.parse(MODEL_URI));
  let marks: Monaco.editor.IEditorDecorationsCollection | undefined;
  model.onDidChangeContent(() => {
    marks?.set(unusualTerminatorMarks(model));
    options.onEdit(model.getValue());
  });
  const editor = monaco.editor.create(host, editorOptions(model, options.readOnly));
  marks = editor.createDecorationsCollection(unusualTerminatorMarks(model));
  trackComposition(editor);
  return { editor, model };
}
