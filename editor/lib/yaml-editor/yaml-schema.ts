// The page's one monaco-yaml configuration and the rubric schema it checks against, shared by every editor on the page.
import type * as Monaco from 'monaco-editor';
import type { configureMonacoYaml, JSONSchema, MonacoYaml, MonacoYamlOptions } from 'monaco-yaml';

const SCHEMA_URI = 'https://cdd.go.th/schemas/rubric.schema.json';

// monaco-yaml allows one configuration per page: editors share it and the last one to go disposes it.
let yaml: MonacoYaml | null = null;
let yamlSchemaText = '';

function yamlOptions(schema: object): MonacoYamlOptions {
  const schemas = [{ uri: SCHEMA_URI, fileMatch: ['*'], schema: schema as JSONSchema }];
  // `format: false` would be spread into the defaults and leave formatting on; `enable` turns it off.
  return { enableSchemaRequest: false, hover: true, completion: true, validate: true, format: { enable: false }, schemas };
}

/** Points monaco-yaml at `schema` unless it already uses that schema (an update restarts its worker). */
export function setYamlSchema(schema: object): void {
  const text = JSON.stringify(schema);
  if (!yaml || text === yamlSchemaText) return;
  yamlSchemaText = text;
  void yaml.update(yamlOptions(schema));
}

/** Configures monaco-yaml with `schema` the first time; later calls only point it at `schema`. */
export function useYaml(monaco: typeof Monaco, configure: typeof configureMonacoYaml, schema: object): void {
  if (yaml) return setYamlSchema(schema);
  yaml = configure(monaco, yamlOptions(schema));
  yamlSchemaText = JSON.stringify(schema);
}

/** Disposes the page's monaco-yaml configuration (when the page's last editor goes). */
export function releaseYaml(): void {
  yaml?.dispose();
  yaml = null;
  yamlSchemaText = '';
}
