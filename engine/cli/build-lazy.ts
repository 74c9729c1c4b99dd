// The heavy libraries of dist/rubric.mjs (exceljs, docx: three quarters of the file) kept out of
// what Node parses when the file starts. Each is bundled on its own as CommonJS and put in the one
// file inside a block comment (skipped by the parser at little cost), which the module standing in
// for the library reads back, compiles and runs (with node:vm) the first time a command needs it: `rubric grade` on a CSV never does. Only our own
// build output is ever compiled this way, never anything read at run time.
import { builtinModules } from 'node:module';
import { rolldown, type Plugin } from 'rolldown';

/**
 * The libraries kept as strings until first use, with what the code imports of each: the module
 * of a CommonJS library (exceljs, through its default) or the names of an ES module (docx).
 */
export const LAZY_LIBRARIES: Record<string, 'default' | 'names'> = { exceljs: 'default', docx: 'names' };

/** A library bundled alone: its CommonJS source and the names it exports. */
interface LazyLibrary {
  code: string;
  names: string[];
}

const ENTRY = '\0lazy-entry:';
/** What stands for the end of a comment inside a library's bundle kept in a comment. */
const COMMENT_END_STAND_IN = '*@@/';
const STAND_IN = '\0lazy-library:';

/** What in a library's bundle would fail on a machine with only Node: an import left outside it that is not one of Node's own modules. */
export function lazyLibraryProblems(name: string, imports: readonly string[]): string[] {
  const builtins = new Set(builtinModules.flatMap((b) => [b, `node:${b}`]));
  return [...new Set(imports.filter((id) => !builtins.has(id)))].map((id) => `${name}: require("${id}")`);
}

/** Bundles one library with everything it imports (Node's modules aside) as CommonJS. */
async function bundleLibrary(name: string, cwd: string): Promise<LazyLibrary> {
  const entry: Plugin = {
    name: 'rubric-lazy-entry',
    resolveId: (source) => (source === ENTRY + name ? source : null),
    load: (id) => (id === ENTRY + name ? (LAZY_LIBRARIES[name] === 'default' ? `export { default } from '${name}';` : `export * from '${name}';`) : null),
  };
  const bundle = await rolldown({ input: ENTRY + name, platform: 'node', cwd, plugins: [entry], transform: { target: 'node20' }, logLevel: 'silent' });
  try {
    const { output } = await bundle.generate({ format: 'cjs', codeSplitting: false, exports: 'named', charset: 'ascii', comments: { legal: true, annotation: true, jsdoc: false } });
    const chunk = output[0];
    if (output.length !== 1 || chunk?.type !== 'chunk') throw new Error(`${name}: expected one file`);
    const problems = lazyLibraryProblems(name, [...chunk.imports, ...chunk.dynamicImports]);
    if (problems.length > 0) throw new Error(`rubric.mjs would not run on its own: ${problems.join('; ')}`);
    return { code: chunk.code, names: chunk.exports.filter((n) => n !== 'default' && /^[A-Za-z_$][\w$]*$/.test(n)) };
  } finally {
    await bundle.close();
  }
}

/**
 * A library's bundle as one block comment: each end of a comment in it written as
 * COMMENT_END_STAND_IN, and a `|` after each line break (the bundler re-indents a comment's lines,
 * which would change the library's multi-line strings).
 */
function commented(name: string, library: LazyLibrary): string {
  if (library.code.includes(COMMENT_END_STAND_IN)) throw new Error(`${name}: its bundle holds the stand-in for */`);
  return `/*${library.code.replaceAll('*/', COMMENT_END_STAND_IN).replace(/[\n\r]/g, '$&|')}*/`;
}

/**
 * The module standing in for a library: the first time it is evaluated, it compiles the library's
 * bundle (a block comment in this very file) and runs it with a require of Node's own modules.
 */
function standIn(name: string, library: LazyLibrary): string {
  return [
    "import { createRequire } from 'node:module';",
    "import { compileFunction } from 'node:vm';",
    // A comment is skipped by the parser at little cost, where a string literal of megabytes is not;
    // the function's own text (Function.prototype.toString) gives it back.
    `function bundled() {${commented(name, library)}}`,
    'function load() {',
    '  const text = String(bundled);',
    `  const code = text.slice(text.indexOf('/*') + 2, text.lastIndexOf('*/')).replace(/([\\n\\r])\\|/g, '$1').replaceAll(${JSON.stringify(COMMENT_END_STAND_IN)}, '*/');`,
    '  const module = { exports: {} };',
    `  const run = compileFunction(code, ['exports', 'require', 'module'], { filename: ${JSON.stringify(`rubric.mjs#${name}`)} });`,
    '  run.call(module.exports, module.exports, createRequire(import.meta.url), module);',
    '  return module.exports;',
    '}',
    'const library = load();',
    ...(LAZY_LIBRARIES[name] === 'default' ? ['export default library.default;'] : [`export const { ${library.names.join(', ')} } = library;`]),
  ].join('\n');
}

/**
 * A plugin for the one-file build that puts each lazy library's stand-in where the code imports it,
 * and a check of the built file: each library's comment must be there whole (a bundler that dropped
 * or changed it would leave a file that fails only when a workbook is read or written).
 */
export async function lazyLibraries(cwd: string): Promise<{ plugin: Plugin; problems: (code: string) => string[] }> {
  const libraries = new Map<string, LazyLibrary>();
  for (const name of Object.keys(LAZY_LIBRARIES)) libraries.set(name, await bundleLibrary(name, cwd));
  return {
    plugin: {
      name: 'rubric-lazy-libraries',
      resolveId: (source) => (libraries.has(source) ? STAND_IN + source : null),
      load: (id) => (id.startsWith(STAND_IN) ? standIn(id.slice(STAND_IN.length), libraries.get(id.slice(STAND_IN.length))!) : null),
    },
    problems: (code) => [...libraries].filter(([name, library]) => !code.includes(`{${commented(name, library)}}`)).map(([name]) => `${name}: its bundle is not in the file whole`),
  };
}
