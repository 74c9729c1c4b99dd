// The JSON schemas the engine checks values against, each with the Ajv options it is compiled
// with. engine/node/precompile-validators.ts compiles them ahead of time into
// schema-validators.compiled.ts, which is what the engine runs (schema-validators.ts).
import type { Options } from 'ajv';
import manifestSchema from '../schemas/manifest.schema.json' with { type: 'json' };
import rowsSchema from '../schemas/rows.schema.json' with { type: 'json' };
import rubricSchema from '../schemas/rubric.schema.json' with { type: 'json' };

/** A schema, its Ajv options, and whether it needs ajv-formats' formats (such as `date`). */
export interface SchemaDefinition {
  schema: object;
  options: Options;
  formats: boolean;
}

/** Every schema the engine validates against, by name. */
export const SCHEMAS = {
  rubric: {
    schema: rubricSchema,
    options: { allErrors: true, strict: true, strictTypes: false, strictRequired: false, discriminator: true, verbose: true },
    formats: true,
  },
  rows: { schema: rowsSchema, options: { allErrors: true, strict: true, strictTypes: false }, formats: false },
  manifest: { schema: manifestSchema, options: { allErrors: true, strict: true, strictTypes: false, verbose: true }, formats: false },
} satisfies Record<string, SchemaDefinition>;

export type SchemaName = keyof typeof SCHEMAS;
