// Loads Monaco, its two workers (through Vite's `?worker`) and monaco-yaml, and counts the editors that share them.
import type * as Monaco from 'monaco-editor';
import { releaseTypeCommand, useTypeCommand } from './type-command.js';
import { releaseYaml, useYaml } from './yaml-schema.js';

let users = 0;

/** The User Timing marks of Monaco's loading, which `npm run bench:editor` reads. */
export const MONACO_MARKS = { start: 'monaco-load-start', ready: 'monaco-ready' } as const;

/**
 * Resolves once the page has painted and the browser is idle (at most `timeout` ms later), so that
 * Monaco's chunks are fetched and evaluated after the page around the editor is usable.
 */
export function afterFirstPaint(timeout = 1000): Promise<void> {
  return new Promise((resolve) => {
    requestAnimationFrame(() => {
      // The frame callback runs before that frame paints: the task after it comes after the paint.
      setTimeout(() => {
        if (typeof requestIdleCallback === 'function') requestIdleCallback(() => resolve(), { timeout });
        else resolve();
      }, 0);
    });
  });
}

/**
 * Loads Monaco, its editor and YAML workers and monaco-yaml (called from `onMount` only, after
 * afterFirstPaint, so the server never imports Monaco and the page is usable first); returns Monaco and a release for the page's shared configuration.
 */
export async function loadMonaco(schema: object): Promise<{ monaco: typeof Monaco; release: () => void }> {
  performance.mark(MONACO_MARKS.start);
  const [monaco, { configureMonacoYaml }, { default: EditorWorker }, { default: YamlWorker }] = await Promise.all([
    import('monaco-editor'),
    import('monaco-yaml'),
    import('monaco-editor/esm/vs/editor/editor.worker?worker'),
    import('./yaml.worker?worker'),
  ]);
  globalThis.MonacoEnvironment ??= {
    getWorker: (_moduleId, label) => (label === 'yaml' ? new YamlWorker() : new EditorWorker()),
  };
  users += 1;
  useYaml(monaco, configureMonacoYaml, schema);
  useTypeCommand(monaco);
  const release = () => {
    users -= 1;
    if (users > 0) return;
    releaseYaml();
    releaseTypeCommand();
  };
  return { monaco, release };
}
