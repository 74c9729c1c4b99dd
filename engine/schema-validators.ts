// The validators of the schemas in schemas.ts, each compiled by Ajv on first use. Ajv compiles a
// schema into JavaScript source and evaluates it, which a page whose Content-Security-Policy has no
// 'unsafe-eval' forbids; so the editor's browser build replaces this module with the same
// validators compiled ahead of time (editor/standalone-validators.ts). Keep the two exports alike.
import { Ajv, type ValidateFunction } from 'ajv';
import formatsModule from 'ajv-formats';
import { cjsDefault } from './interop.js';
import { SCHEMAS, type SchemaName } from './schemas.js';

const addFormats = cjsDefault<(ajv: Ajv) => Ajv>(formatsModule);
const compiled = new Map<SchemaName, ValidateFunction>();

/** The validator of a named schema, compiled once. */
export function schemaValidator(name: SchemaName): ValidateFunction {
  let validate = compiled.get(name);
  if (!validate) {
    const { schema, options, formats } = SCHEMAS[name];
    const ajv = new Ajv(options);
    if (formats) addFormats(ajv);
    validate = ajv.compile(schema);
    compiled.set(name, validate);
  }
  return validate;
}
