// The schema validators the engine runs are compiled ahead of time (engine/schema-validators.compiled.ts,
// written by engine/node/precompile-validators.ts), so neither the CLI nor the browser compiles a
// schema at start-up. They must judge every value exactly as Ajv compiling the schema now does:
// the same verdict, the same errors and the same Thai and English problems. The committed module
// must also be what the schemas, their options and Ajv give today, or it is stale.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import formatsModule from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { cjsDefault } from '../../engine/interop.js';
import { loadRubric } from '../../engine/load.js';
import { PRECOMPILED_MODULE, precompiledValidatorsSource } from '../../engine/node/precompile-validators.js';
import { listAllRubricFiles } from '../../engine/node/rubric-files.js';
import { schemaValidator } from '../../engine/schema-validators.js';
import { SCHEMAS, type SchemaName } from '../../engine/schemas.js';
import { schemaProblems } from '../../engine/validate/schema-problems.js';

const root = join(import.meta.dirname, '../..');
const addFormats = cjsDefault<(ajv: Ajv) => Ajv>(formatsModule);

/** The validator Ajv compiles at run time from the schema and its options, as the engine once did. */
const atRunTime = Object.fromEntries(
  Object.entries(SCHEMAS).map(([name, { schema, options, formats }]) => {
    const ajv = new Ajv(options);
    if (formats) addFormats(ajv);
    return [name, ajv.compile(schema)];
  }),
) as Record<SchemaName, ValidateFunction>;

/** A validator's verdict and errors on a value, and the problems the engine makes of them. */
function verdict(validate: ValidateFunction, value: unknown) {
  const valid = validate(value);
  // Each call gives new error objects (their values and schemas are the ones validated against).
  const errors = validate.errors ?? null;
  return { valid, errors, problems: errors ? schemaProblems(errors) : [] };
}

/** Both validators' verdicts on a value. */
function judge(name: SchemaName, value: unknown) {
  return { expected: verdict(atRunTime[name], value), actual: verdict(schemaValidator(name), value) };
}

/** The parsed value of every YAML file in a folder. */
function yamlValues(folder: string): [string, unknown][] {
  return readdirSync(join(root, folder))
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => [`${folder}/${f}`, loadRubric(readFileSync(join(root, folder, f)), f).value]);
}

/** A value of another type than `value`, to put in its place. */
function otherType(value: unknown): unknown {
  if (typeof value === 'string') return 42;
  if (typeof value === 'number') return 'x';
  if (typeof value === 'boolean') return 'yes';
  if (Array.isArray(value)) return {};
  if (value && typeof value === 'object') return [];
  return 0;
}

/**
 * Broken copies of a rubric: at every `stride`th place in it from `offset`, the value replaced by one
 * of another type, and (for a string) by the empty string; a key no schema allows added to a mapping.
 */
function* brokenCopies(label: string, rubric: unknown, stride: number, offset: number): Generator<[string, unknown]> {
  const places: (string | number)[][] = [];
  const walk = (value: unknown, path: (string | number)[]) => {
    if (path.length > 0) places.push(path);
    if (value && typeof value === 'object') for (const [key, inner] of Object.entries(value)) walk(inner, [...path, Array.isArray(value) ? Number(key) : key]);
  };
  walk(rubric, []);
  for (const path of places.filter((_, i) => i % stride === offset % stride)) {
    const at = (copy: any) => path.slice(0, -1).reduce((node, key) => node[key], copy);
    const key = path.at(-1)!;
    const original = at(rubric)[key];
    const replacements = typeof original === 'string' ? [otherType(original), ''] : [otherType(original)];
    for (const replacement of replacements) {
      const copy = structuredClone(rubric) as any;
      at(copy)[key] = replacement;
      yield [`${label} ${path.join('/')} = ${JSON.stringify(replacement)}`, copy];
    }
    if (original && typeof original === 'object' && !Array.isArray(original)) {
      const copy = structuredClone(rubric) as any;
      at(copy)[key].unexpectedKey = 1;
      yield [`${label} ${path.join('/')} + unexpectedKey`, copy];
    }
  }
}

describe('the schema validators compiled ahead of time', () => {
  it('are what the schemas, their options and Ajv give now (npm run build:engine regenerates them)', () => {
    const committed = readFileSync(join(root, PRECOMPILED_MODULE), 'utf8');
    const fresh = precompiledValidatorsSource();
    expect(committed === fresh, `${PRECOMPILED_MODULE} is stale: run npm run build:engine and commit it`).toBe(true);
  });

  it('need no compilation at run time, and the engine uses them', () => {
    const source = readFileSync(join(root, PRECOMPILED_MODULE), 'utf8');
    expect(source).not.toMatch(/\brequire\(|new Function|\beval\(/);
    // The engine's module imports Ajv for its types only: its compiler is never loaded.
    const engineModule = readFileSync(join(root, 'engine/schema-validators.ts'), 'utf8');
    expect(engineModule.match(/^import .*$/gm)?.filter((line) => /['"]ajv/.test(line) && !line.startsWith('import type'))).toEqual([]);
    for (const name of Object.keys(SCHEMAS) as SchemaName[]) {
      expect(typeof schemaValidator(name)).toBe('function');
      expect(schemaValidator(name)).not.toBe(atRunTime[name]);
    }
  });

  it('judge the shipped rubrics, the bad and lint fixtures, and broken copies of every shipped rubric as Ajv does', () => {
    const shipped = listAllRubricFiles(join(root, 'rubrics')).map((path): [string, unknown] => [path, loadRubric(readFileSync(path), path).value]);
    const values: [string, unknown][] = [...shipped, ...yamlValues('test/fixtures/bad-rubrics'), ...yamlValues('test/fixtures/lint-rubrics')];
    // Every fourth place of each rubric, a different quarter of the places in the next: the whole
    // test stays within a few seconds while the rubrics' shared shapes are broken everywhere.
    shipped.forEach(([label, rubric], i) => values.push(...brokenCopies(label, rubric, 4, i)));
    const otop = structuredClone(shipped.find(([path]) => path.endsWith('2567-Q3/otop.yaml'))![1]) as any;
    otop.source.date = '2024-13-45';
    values.push(['a date that is no date (format)', otop], ['not a mapping', ['a', 'list']], ['nothing', null]);
    let invalid = 0;
    let thaiProblems = 0;
    for (const [label, value] of values) {
      const { expected, actual } = judge('rubric', value);
      expect(actual, label).toEqual(expected);
      if (!expected.valid) invalid += 1;
      thaiProblems += expected.problems.filter((p) => /[\u0E00-\u0E7F]/.test(p.problem.message.th)).length;
    }
    // The comparison covered both verdicts, many broken places, and problems put into Thai.
    expect(shipped.length).toBeGreaterThan(10);
    expect(invalid).toBeGreaterThan(500);
    expect(values.length - invalid).toBeGreaterThanOrEqual(shipped.length);
    expect(thaiProblems).toBeGreaterThan(500);
  });

  it('judge data row sets and manifests as Ajv does', () => {
    const rows: unknown[] = [
      [{ id: 'otop-0001', salesGrowth: 2.5, newProducts: 9, note: 'ok', absent: null }],
      [{ id: '' }],
      [{ salesGrowth: 1 }],
      [{ id: 'a', Bad: 1 }],
      [{ id: 'a', constructor: 1 }],
      [{ id: 'a', nested: { x: 1 } }],
      'rows',
    ];
    for (const value of rows) {
      const { expected, actual } = judge('rows', value);
      expect(actual, JSON.stringify(value)).toEqual(expected);
    }
    const manifest = {
      format: 'cdd-rubric-manifest/1',
      period: '2567-Q3',
      sequence: 9,
      publishedAt: '2024-07-01T00:00:00Z',
      missions: [{ mission: 'otop', revision: 1, digest: `sha256:${'a'.repeat(64)}`, path: 'missions/otop/r1.yaml', size: 100 }],
    };
    const manifests = [
      manifest,
      { ...manifest, format: 'cdd-rubric-manifest/2' },
      { ...manifest, sequence: 0.5 },
      { ...manifest, missions: [{ mission: 'otop', revision: 1, digest: 'md5:x', path: '../../etc/passwd' }] },
      { ...manifest, extra: true },
    ];
    for (const value of manifests) {
      const { expected, actual } = judge('manifest', value);
      expect(actual, JSON.stringify(value)).toEqual(expected);
    }
    expect(judge('manifest', manifest).expected.valid).toBe(true);
    expect(manifests.filter((m) => !judge('manifest', m).expected.valid)).toHaveLength(4);
  });
});
