// Text that arrives in one piece (an input method's commit, dictation, `insertText`) goes into our editors as one edit, as a paste does.
import type * as Monaco from 'monaco-editor';

// Our editors, each with whether an input method is composing in it.
const composing = new Map<Monaco.editor.ICodeEditor, boolean>();
let typeCommand: Monaco.IDisposable | null = null;

/** One character, as a key press types it (a surrogate pair is one character). */
function isKeystroke(text: string): boolean {
  return text.length <= 1 || (text.length === 2 && text.codePointAt(0)! > 0xffff);
}

/**
 * Monaco's `type` takes typed text one character at a time, each its own edit through auto-closing,
 * auto-indent and electric characters, as a key press needs. Text that comes in one piece (an input
 * method's or dictation's commit, an on-screen keyboard, `insertText`) went the same way: every
 * character an edit with its own content, decorations and worker-sync events, and the view queued
 * two events for each and compared every new one with all queued before it, so 60,000 characters
 * took three minutes. In our editors such text goes in as one edit, between undo stops, as a paste does;
 * a single character and an input method's composition still go through Monaco's own `type`.
 */
function registerTypeCommand(monaco: typeof Monaco): Monaco.IDisposable {
  return monaco.editor.registerCommand('type', (_accessor: unknown, args: { text?: string } | undefined) => {
    // As Monaco's own command finds its editor: the one with text focus, else one with widget focus.
    const editors = monaco.editor.getEditors();
    const target = editors.find((e) => e.hasTextFocus()) ?? editors.find((e) => e.hasWidgetFocus());
    if (!target) return;
    const text = args?.text ?? '';
    if (composing.get(target) !== false || isKeystroke(text)) return target.trigger('keyboard', 'type', args);
    target.pushUndoStop();
    // Any source but 'keyboard' makes Monaco insert the text whole.
    target.trigger('insertText', 'type', { text });
    target.pushUndoStop();
  });
}

/** Replaces Monaco's `type` command for the page, once however many editors ask. */
export function useTypeCommand(monaco: typeof Monaco): void {
  typeCommand ??= registerTypeCommand(monaco);
}

/** Gives Monaco its own `type` command back (when the page's last editor goes). */
export function releaseTypeCommand(): void {
  typeCommand?.dispose();
  typeCommand = null;
}

/** Makes `editor` one of ours: followed while an input method composes in it, forgotten when it is disposed. */
export function trackComposition(editor: Monaco.editor.ICodeEditor): void {
  composing.set(editor, false);
  editor.onDidCompositionStart(() => composing.set(editor, true));
  editor.onDidCompositionEnd(() => composing.set(editor, false));
  editor.onDidDispose(() => composing.delete(editor));
}
