// Loads Monaco, its two workers (through Vite's `?worker`) and monaco-yaml, and counts the editors that share them.
import type * as Monaco from 'monaco-editor';
import { releaseTypeCommand, useTypeCommand } from './type-command.js';
import { releaseYaml, useYaml } from './yaml-schema.js';

let users = 0;

/**
 * Loads Monaco, its editor and YAML workers and monaco-yaml (called from `onMount` only, so the
 * server never imports Monaco); returns Monaco and a release for the page's shared configuration.
 */
export async function loadMonaco(schema: object): Promise<{ monaco: typeof Monaco; release: () => void }> {
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
