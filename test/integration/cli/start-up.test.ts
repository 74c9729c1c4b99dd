// What the built CLI loads to start: `rubric grade` on a CSV loads neither Ajv's compiler (the schema
// validators are compiled ahead of time) nor the modules of commands it does not run (exceljs, docx,
// json-rules-engine, the store). A module hook in the child process lists every module it resolves.
// How long it takes is measured by `npm run bench:startup`, not here.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../temp.js';

const root = join(import.meta.dirname, '../../..');
const GRADE = ['grade', 'otop', '--period', '2567-Q3', '--data', 'test/fixtures/national/national-2567-Q3-otop.csv'];

/** Modules that a grade of a CSV with the compiled engine must not load. */
const NOT_FOR_GRADE = [/\/ajv\/dist\/ajv\.js$/, /\/ajv\/dist\/core\.js$/, /\/ajv-formats\/dist\/index\.js$/, /\/exceljs\//, /\/docx\//, /\/json-rules-engine\//, /\/better-sqlite3\//, /\/engine\/store\//];

/** Runs the built bin with a hook that writes every resolved module's URL to a file; the exit code and the URLs. */
function loadedBy(args: string[]): { code: number | null; stderr: string; urls: string[] } {
  const dir = tempDir('rubric-start-up-');
  const log = join(dir, 'resolved.txt');
  writeFileSync(log, '');
  writeFileSync(
    join(dir, 'hooks.mjs'),
    `import { appendFileSync } from 'node:fs';\n` +
      `export async function resolve(specifier, context, next) {\n` +
      `  const resolved = await next(specifier, context);\n` +
      `  appendFileSync(${JSON.stringify(log)}, resolved.url + '\\n');\n` +
      `  return resolved;\n` +
      `}\n`,
  );
  writeFileSync(join(dir, 'register.mjs'), `import { register } from 'node:module';\nregister(${JSON.stringify(pathToFileURL(join(dir, 'hooks.mjs')).href)});\n`);
  const run = spawnSync(process.execPath, ['--import', pathToFileURL(join(dir, 'register.mjs')).href, 'dist/engine/cli/bin.js', ...args], { cwd: root, encoding: 'utf8' });
  return { code: run.status, stderr: run.stderr, urls: readFileSync(log, 'utf8').split('\n').filter(Boolean) };
}

describe('what rubric grade loads', () => {
  it('grades a CSV without Ajv’s compiler or the modules of other commands', () => {
    const { code, stderr, urls } = loadedBy(GRADE);
    expect(code, stderr).toBe(0);
    // The hook saw the modules the grade does need.
    expect(urls.some((url) => url.endsWith('/engine/schema-validators.compiled.js'))).toBe(true);
    expect(urls.some((url) => url.includes('/csv-parse/'))).toBe(true);
    expect(urls.some((url) => url.endsWith('/engine/cli/commands/grade.js'))).toBe(true);
    expect(urls.filter((url) => NOT_FOR_GRADE.some((pattern) => pattern.test(url)))).toEqual([]);
    expect(urls.filter((url) => /\/engine\/cli\/commands\//.test(url) && !url.endsWith('/grade.js'))).toEqual([]);
  });

  it('loads json-rules-engine when --engine reference asks for it', () => {
    const { code, stderr, urls } = loadedBy([...GRADE, '--engine', 'reference']);
    expect(code, stderr).toBe(0);
    expect(urls.some((url) => url.includes('/json-rules-engine/'))).toBe(true);
  });

  it('rubric.mjs, the one file, holds the precompiled validators and not Ajv’s compiler', () => {
    const code = readFileSync(join(root, 'dist/rubric.mjs'), 'utf8');
    expect(code).toContain('function validate10(');
    expect(code).not.toMatch(/node_modules\/ajv\/dist\/(core|compile\/|vocabularies\/)/);
  });
});
