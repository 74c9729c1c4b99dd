// The shape of the code: imports run from the editor to the engine only, the engine's core runs in
// a browser, and modules and functions stay small enough to read. Reads the sources; runs nothing.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../..');

/** Source files under a folder of the repository, as paths relative to the root. */
function sources(folder: string, pattern = /\.(ts|js|svelte)$/): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(join(root, dir), { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (pattern.test(entry.name)) found.push(path);
    }
  };
  walk(folder);
  return found.sort();
}

/** Every module specifier a TypeScript file imports (static, dynamic and `export … from`). */
function importsOf(file: string): string[] {
  const text = readFileSync(join(root, file), 'utf8');
  return [...text.matchAll(/(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g)].map((m) => m[1]!);
}

/** The engine's Node-only adapters: files, digests, bundles, pull, workers, the store, HTTP, the CLI. */
const NODE_ONLY = ['engine/node/', 'engine/store/', 'engine/http/', 'engine/cli/'];

/** Modules allowed over MAX_LINES, each with the reason. */
const LONG_MODULES: Record<string, string> = {
  'engine/types.ts': 'declarations only, mirroring schemas/rubric.schema.json (test/unit/schema-types.test.ts keeps them from drifting); split, the rubric format would no longer read as one document',
};

/** Functions allowed over MAX_FUNCTION_LINES for now (`file:name`), each with the reason. */
const LONG_FUNCTIONS: Record<string, string> = {
};

const MAX_LINES = 300;
const MAX_FUNCTION_LINES = 60;

/** Each function, method and arrow function of a module longer than the limit, as `file:name lines`. */
function longFunctions(file: string): Map<string, number> {
  const text = readFileSync(join(root, file), 'utf8');
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const long = new Map<string, number>();
  const visit = (node: ts.Node, owner: string) => {
    let name = owner;
    if (ts.isFunctionDeclaration(node) || ts.isMethodDeclaration(node) || ts.isFunctionExpression(node) || ts.isArrowFunction(node)) {
      const own = (node as { name?: ts.Node }).name;
      const parent = node.parent;
      name = own ? own.getText(source) : ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent) ? parent.name.getText(source) : `${owner}(anonymous)`;
      const lines = source.getLineAndCharacterOfPosition(node.getEnd()).line - source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
      if (lines > MAX_FUNCTION_LINES) long.set(`${file}:${name}`, lines);
    }
    ts.forEachChild(node, (child) => visit(child, name));
  };
  visit(source, '');
  return long;
}

describe('layout', () => {
  it('imports run from the editor to the engine, never back', () => {
    const back = sources('engine').flatMap((file) =>
      importsOf(file)
        .filter((spec) => spec.includes('editor/') || spec.startsWith('$lib') || spec.startsWith('$app'))
        .map((spec) => `${file} imports ${spec}`),
    );
    expect(back).toEqual([]);
  });

  it("the engine's core imports nothing from Node or from its Node-only adapters", () => {
    const core = sources('engine', /\.ts$/).filter((file) => !NODE_ONLY.some((folder) => file.startsWith(folder)));
    const found = core.flatMap((file) =>
      importsOf(file)
        .filter((spec) => spec.startsWith('node:') || NODE_ONLY.some((folder) => join(file, '..', spec).startsWith(folder)))
        .map((spec) => `${file} imports ${spec}`),
    );
    expect(found).toEqual([]);
  });

  it('the editor imports the engine as $engine, not by a relative path', () => {
    const relativeImports = sources('editor').flatMap((file) =>
      importsOf(file)
        .filter((spec) => spec.startsWith('.') && relative(root, join(root, file, '..', spec)).startsWith('engine/'))
        .map((spec) => `${file} imports ${spec}`),
    );
    expect(relativeImports).toEqual([]);
  });

  it(`no module is over ${MAX_LINES} lines unless its reason is written here`, () => {
    const long = [...sources('engine'), ...sources('editor')]
      .map((file) => [file, readFileSync(join(root, file), 'utf8').split('\n').length] as const)
      .filter(([file, lines]) => lines > MAX_LINES && !(file in LONG_MODULES))
      .map(([file, lines]) => `${file}: ${lines} lines`);
    expect(long).toEqual([]);
  });

  it(`no function is over ${MAX_FUNCTION_LINES} lines unless its reason is written here`, () => {
    const files = [...sources('engine', /\.ts$/), ...sources('editor', /\.(ts|js)$/)];
    const long = files.flatMap((file) => [...longFunctions(file)].filter(([name]) => !(name in LONG_FUNCTIONS)).map(([name, lines]) => `${name}: ${lines} lines`));
    expect(long).toEqual([]);
  });

  it('every module opens with a comment on what it is for', () => {
    const silent = [...sources('engine', /\.(ts|js)$/), ...sources('editor', /\.(ts|js)$/), ...sources('bench', /\.ts$/)].filter((file) => {
      const lines = readFileSync(join(root, file), 'utf8').split('\n');
      const first = lines[0]!.startsWith('#!') ? lines[1]! : lines[0]!;
      return !/^(\/\/|\/\*)/.test(first);
    });
    const silentComponents = sources('editor', /\.svelte$/).filter((file) => !readFileSync(join(root, file), 'utf8').startsWith('<!--'));
    expect([...silent, ...silentComponents]).toEqual([]);
  });

  it('the allowances name modules and functions that exist and are still long', () => {
    const stale = Object.keys(LONG_MODULES).filter((file) => readFileSync(join(root, file), 'utf8').split('\n').length <= MAX_LINES);
    const files = [...new Set(Object.keys(LONG_FUNCTIONS).map((name) => name.split(':')[0]!))];
    const stillLong = new Set(files.flatMap((file) => [...longFunctions(file).keys()]));
    stale.push(...Object.keys(LONG_FUNCTIONS).filter((name) => !stillLong.has(name)));
    expect(stale).toEqual([]);
  });
});
