// The schema validators the browser runs are compiled at build time (editor/standalone-validators.ts),
// so that the editor's Content-Security-Policy needs no 'unsafe-eval'. They must judge every value
// exactly as Ajv's run-time compilation does in Node: the same verdict and the same errors.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ValidateFunction } from 'ajv';
import { beforeAll, describe, expect, it } from 'vitest';
import { standaloneValidatorsModule } from '../../../editor/standalone-validators.js';
import { loadRubric } from '../../../engine/load.js';
import { schemaValidator } from '../../../engine/schema-validators.js';
import type { SchemaName } from '../../../engine/schemas.js';
import { tempDir } from '../../temp.js';

const root = join(import.meta.dirname, '../../..');
const require = createRequire(import.meta.url);

let compiledAhead: (name: SchemaName) => ValidateFunction;

beforeAll(async () => {
  // The generated module, written where Node can import it, its helpers named by file URL.
  const file = join(tempDir('standalone-validators-'), 'validators.mjs');
  writeFileSync(file, standaloneValidatorsModule((specifier) => pathToFileURL(require.resolve(specifier)).href));
  ({ schemaValidator: compiledAhead } = (await import(pathToFileURL(file).href)) as { schemaValidator: typeof compiledAhead });
});

/** Both validators' verdict and errors on a value. */
function judge(name: SchemaName, value: unknown) {
  const atRunTime = schemaValidator(name);
  const ahead = compiledAhead(name);
  const expected = { valid: atRunTime(value), errors: structuredClone(atRunTime.errors ?? null) };
  const actual = { valid: ahead(value), errors: structuredClone(ahead.errors ?? null) };
  return { expected, actual };
}

/** The parsed value of every YAML file in a folder. */
function yamlValues(folder: string): [string, unknown][] {
  const dir = join(root, folder);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => [`${folder}/${f}`, loadRubric(readFileSync(join(dir, f), 'utf8'), f).value]);
}

describe('the validators compiled ahead of time for the browser', () => {
  it('exports a validator for every schema and needs no run-time compilation', () => {
    const source = standaloneValidatorsModule();
    expect(source).not.toMatch(/\brequire\(|new Function|\beval\(/);
    for (const name of ['rubric', 'rows', 'manifest'] as const) expect(typeof compiledAhead(name)).toBe('function');
  });

  it('judge the shipped rubrics, the bad and lint fixtures, and broken copies as Ajv does', () => {
    const values = [...yamlValues('rubrics/2567-Q3'), ...yamlValues('test/fixtures/bad-rubrics'), ...yamlValues('test/fixtures/lint-rubrics')];
    const otop = loadRubric(readFileSync(join(root, 'rubrics/2567-Q3/otop.yaml'), 'utf8'), 'otop.yaml').value as Record<string, any>;
    const broken = (change: (copy: Record<string, any>) => void): unknown => {
      const copy = structuredClone(otop);
      change(copy);
      return copy;
    };
    values.push(
      ['a date that is no date (format)', broken((c) => (c.source.date = '2024-13-45'))],
      ['a grade of unknown type (discriminator)', broken((c) => (c.grade.type = 'average'))],
      ['a fact of unknown type (discriminator)', broken((c) => (Object.values(c.facts as Record<string, any>)[0].type = 'money'))],
      ['an unknown key at the root', broken((c) => (c.colour = 'blue'))],
      ['not a mapping', ['a', 'list']],
    );
    let invalid = 0;
    for (const [name, value] of values) {
      const { expected, actual } = judge('rubric', value);
      expect(actual, name).toEqual(expected);
      if (!expected.valid) invalid += 1;
    }
    // The comparison covered both verdicts.
    expect(invalid).toBeGreaterThan(5);
    expect(invalid).toBeLessThan(values.length);
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
    for (const value of [
      manifest,
      { ...manifest, format: 'cdd-rubric-manifest/2' },
      { ...manifest, sequence: 0.5 },
      { ...manifest, missions: [{ mission: 'otop', revision: 1, digest: 'md5:x', path: '../../etc/passwd' }] },
      { ...manifest, extra: true },
    ]) {
      const { expected, actual } = judge('manifest', value);
      expect(actual, JSON.stringify(value)).toEqual(expected);
    }
    expect(judge('manifest', manifest).expected.valid).toBe(true);
  });
});
