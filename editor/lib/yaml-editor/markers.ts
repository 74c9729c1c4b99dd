// The parent's problems and findings as Monaco markers under the owner 'rubric', beside monaco-yaml's own.
import type * as Monaco from 'monaco-editor';

/** A problem to underline, 1-based; without an end it runs to the end of the word (or of the line). */
export interface YamlMarker {
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  severity: 'error' | 'warning' | 'info';
  message: string;
  code?: string;
}

const OWNER = 'rubric';

/** A marker as Monaco takes it, clamped to the text, ending at the word's (or line's) end when no end is given. */
export function toMarkerData(monaco: typeof Monaco, model: Monaco.editor.ITextModel, marker: YamlMarker): Monaco.editor.IMarkerData {
  const clamp = (n: number, max: number) => Math.min(Math.max(1, n), max);
  const line = clamp(marker.line, model.getLineCount());
  const column = clamp(marker.column, model.getLineMaxColumn(line));
  const endLine = clamp(marker.endLine ?? line, model.getLineCount());
  let endColumn = marker.endColumn ?? model.getLineMaxColumn(endLine);
  if (marker.endLine === undefined && marker.endColumn === undefined) {
    const word = model.getWordAtPosition({ lineNumber: line, column });
    if (word && word.endColumn > column) endColumn = word.endColumn;
  }
  const severities = { error: monaco.MarkerSeverity.Error, warning: monaco.MarkerSeverity.Warning, info: monaco.MarkerSeverity.Info };
  return {
    severity: severities[marker.severity],
    message: marker.message,
    source: OWNER,
    startLineNumber: line,
    startColumn: column,
    endLineNumber: endLine,
    endColumn,
    ...(marker.code === undefined ? {} : { code: marker.code }),
  };
}

/** Puts `markers` on the model under our own owner; returns what clears them again (unless the model is gone). */
export function showMarkers(monaco: typeof Monaco, model: Monaco.editor.ITextModel, markers: YamlMarker[]): () => void {
  monaco.editor.setModelMarkers(model, OWNER, markers.map((marker) => toMarkerData(monaco, model, marker)));
  return () => {
    if (!model.isDisposed()) monaco.editor.setModelMarkers(model, OWNER, []);
  };
}
