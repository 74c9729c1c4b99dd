// Builds dist/rubric.mjs: the `rubric` command as one file that runs with plain `node rubric.mjs …` on
// a province's machine with only Node 20 (no node_modules). Rolldown (Vite's bundler) bundles the
// compiled CLI (dist/engine/cli/bin.js) with yaml, ajv, json-rules-engine, csv-parse and exceljs,
// and the JSON it imports (schemas, catalogues); exceljs and docx ride along as comments compiled
// only on first use (build-lazy.ts), so that a CSV grade does not parse them. The department's
// commands need the store and its native module (better-sqlite3), so department-absent.ts takes
// department.ts's place. Run by `npm run build:cli-file` (part of `npm run build:engine`), after tsc.
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { rolldown, type Plugin } from 'rolldown';
import { lazyLibraries } from './build-lazy.js';

const here = dirname(fileURLToPath(import.meta.url));

/** Where the one file is written: dist/rubric.mjs. */
export const CLI_FILE = join(here, '..', '..', 'rubric.mjs');

const BANNER = `// rubric.mjs: เกณฑ์การจัดระดับภารกิจ กรมการพัฒนาชุมชน, คำสั่ง rubric สำหรับจังหวัด (Node 20: node rubric.mjs --help)
// rubric.mjs: the CDD mission rubrics' \`rubric\` command for provinces, in one file (Node 20: node rubric.mjs --help).
// Built from the department's repository by \`npm run build:cli-file\`; its sha256 is on the server's /downloads page.`;

/** Puts department-absent.js where the CLI imports department.js. */
const withoutDepartment: Plugin = {
  name: 'rubric-without-department',
  async resolveId(source, importer, options) {
    if (!importer || !/(^|\/)department\.js$/.test(source)) return null;
    const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
    if (resolved && resolved.id === join(here, 'department.js')) return join(here, 'department-absent.js');
    return resolved;
  },
};

/**
 * Puts csv-parse's Node build where the engine imports its browser build (the same parser, version
 * and options): the browser build carries a Buffer written in JavaScript, slow to load and to run.
 */
const csvParseForNode: Plugin = {
  name: 'rubric-csv-parse-for-node',
  async resolveId(source, importer, options) {
    if (source !== 'csv-parse/browser/esm/sync') return null;
    return this.resolve('csv-parse/sync', importer, { ...options, skipSelf: true });
  },
};

/**
 * What in the built file would fail on a machine with only Node: a `require` of anything but Node's
 * own modules, or the store's native module. Empty when the file stands alone.
 */
export function dependencyProblems(code: string): string[] {
  const builtins = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));
  const problems: string[] = [];
  for (const [, name] of code.matchAll(/__require\(\s*["']([^"']+)["']\s*\)/g)) {
    if (!builtins.has(name!)) problems.push(`require("${name}")`);
  }
  if (/__require\(\s*[^"'\s]/.test(code)) problems.push('a require() of a computed name');
  if (code.includes('better-sqlite3')) problems.push('better-sqlite3 (the store) is in the file');
  return [...new Set(problems)];
}

/** Bundles the compiled CLI into dist/rubric.mjs and returns its sha256 (hex); throws when the file would not stand alone. */
export async function buildCliFile(output = CLI_FILE): Promise<string> {
  // The file names its modules by their paths from the repository: the same sources give the same bytes (and sha256) wherever it is built.
  const cwd = join(here, '..', '..', '..');
  const lazy = await lazyLibraries(cwd);
  const bundle = await rolldown({
    input: join(here, 'bin.js'),
    platform: 'node',
    cwd,
    plugins: [withoutDepartment, csvParseForNode, lazy.plugin],
    transform: { target: 'node20' },
  });
  try {
    const { output: chunks } = await bundle.generate({ format: 'esm', codeSplitting: false, postBanner: BANNER, charset: 'ascii', comments: { legal: true, annotation: true, jsdoc: false } });
    const code = chunks.length === 1 && chunks[0]!.type === 'chunk' ? chunks[0]!.code : undefined;
    if (code === undefined) throw new Error(`rubric.mjs: expected one file, got ${chunks.map((c) => c.fileName).join(', ')}`);
    const problems = [...dependencyProblems(code), ...lazy.problems(code)];
    if (problems.length > 0) throw new Error(`rubric.mjs would not run on its own: ${problems.join('; ')}`);
    mkdirSync(dirname(output), { recursive: true });
    writeFileSync(output, code);
    return createHash('sha256').update(code).digest('hex');
  } finally {
    await bundle.close();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const sha = await buildCliFile();
  console.log(`${sha}  rubric.mjs (${CLI_FILE})`);
}
