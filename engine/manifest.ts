// A downloaded manifest's shape, checked against schemas/manifest.schema.json (compiled once)
// before any of its fields is used: the patterns of periods and missions, integer sequences and
// revisions, and each file's path exactly the API's path for its mission and revision.
import type { ErrorObject } from 'ajv';
import localizeThModule from 'ajv-i18n/localize/th/index.js';
import { describeValue } from './diagnostics.js';
import { cjsDefault } from './interop.js';
import { schemaValidator } from './schema-validators.js';
import type { Text } from './types.js';

type Localize = (errors?: ErrorObject[] | null) => void;
const localizeTh = cjsDefault<Localize>(localizeThModule);

/** The file a mission's revision has in a period's folder, as the API serves it. */
export function missionPath(mission: string, revision: number): string {
  return `missions/${mission}/r${revision}.yaml`;
}

/** `/missions/0/path` as `missions[0].path`. */
function place(pointer: string): string {
  const parts = pointer.split('/').slice(1).map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (parts.length === 0) return 'manifest';
  return parts.map((p, i) => (/^[0-9]+$/.test(p) ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}

/**
 * A value for a message: a number, boolean or null as JSON, text quoted and cut short, a list or
 * an object by its size (never stringified: a signed manifest may nest a list 300,000 deep).
 */
function shown(value: unknown, language: 'th' | 'en' = 'en'): string {
  if (value !== null && typeof value === 'object') return describeValue(value, language);
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 60)}…` : text;
}

function describe(error: ErrorObject, message: string | undefined, language: 'th' | 'en'): string {
  const params = error.params as Record<string, unknown>;
  const detail =
    error.keyword === 'additionalProperties'
      ? ` (${String(params.additionalProperty)})`
      : error.keyword === 'required'
        ? ''
        : error.keyword === 'type' || error.keyword === 'pattern' || error.keyword === 'const' || error.keyword === 'minimum' || error.keyword === 'maximum'
          ? ` (${shown(error.data, language)})`
          : '';
  return `${place(error.instancePath)}: ${message ?? error.keyword}${detail}`;
}

/**
 * The problems of a parsed manifest, in Thai and English; empty when it has the manifest's shape.
 * Beyond the schema: each path is exactly missions/<mission>/r<revision>.yaml, and no mission
 * appears twice.
 */
export function manifestProblems(value: unknown): Text[] {
  const validate = schemaValidator('manifest');
  if (!validate(value)) {
    const errors = (validate.errors ?? []).slice(0, 5);
    // Shallow copies for the Thai messages: the errors hold the values in error, which may be deep.
    const thai = errors.map((e) => ({ ...e }));
    localizeTh(thai);
    return errors.map((e, i) => ({ th: describe(e, thai[i]?.message, 'th'), en: describe(e, e.message, 'en') }));
  }
  const problems: Text[] = [];
  const seen = new Set<string>();
  const { missions } = value as { missions: { mission: string; revision: number; path: string }[] };
  for (const [i, m] of missions.entries()) {
    const expected = missionPath(m.mission, m.revision);
    if (m.path !== expected) {
      problems.push({
        th: `missions[${i}].path คือ ${shown(m.path, 'th')} แต่ต้องเป็น "${expected}"`,
        en: `missions[${i}].path is ${shown(m.path)}, expected "${expected}"`,
      });
    }
    if (seen.has(m.mission)) problems.push({ th: `missions[${i}]: ภารกิจ ${m.mission} ซ้ำ`, en: `missions[${i}]: mission ${m.mission} appears twice` });
    seen.add(m.mission);
  }
  return problems;
}
