// The `rubric` command line: parses the arguments and runs the command named, with its streams and
// input passed in (so tests call it directly); each command lives in commands/<command>.ts.
import { resolve } from 'node:path';
import { defaultRubricsDir } from '../node/rubric-files.js';
import { DEPARTMENT_COMMANDS } from './department.js';
import { parseCommandLine, type CliContext, type CliIo, type CommandLoader } from './options.js';
import { USAGE, UsageError } from './usage.js';

/**
 * Every command, by the name typed after `rubric`: the provinces' and the department's (department.ts).
 * Each is loaded only when typed, so a command starts without the modules of the others (exceljs,
 * docx, json-rules-engine, the store): start-up is most of a short command's time.
 */
const COMMANDS: Record<string, CommandLoader> = {
  list: async () => (await import('./commands/list.js')).list,
  validate: async () => (await import('./commands/validate.js')).validate,
  grade: async () => (await import('./commands/grade.js')).grade,
  test: async () => (await import('./commands/test.js')).test,
  lint: async () => (await import('./commands/lint.js')).lint,
  cases: async () => (await import('./commands/cases.js')).cases,
  keys: async () => (await import('./commands/keys.js')).keys,
  pull: async () => (await import('./commands/pull.js')).pull,
  diff: async () => (await import('./commands/diff.js')).diff,
  impact: async () => (await import('./commands/impact.js')).impact,
  template: async () => (await import('./commands/template.js')).template,
  document: async () => (await import('./commands/document.js')).document,
  ...DEPARTMENT_COMMANDS,
};

/** Prints what went wrong for a user's mistake and returns its exit code; rethrows anything else. */
function failure(error: unknown, err: NodeJS.WritableStream): number {
  if (error instanceof UsageError) {
    err.write(`rubric: ${error.message}\n\n${USAGE}\n`);
    return 2;
  }
  throw error;
}

/**
 * Runs the CLI with the given arguments and returns the exit code. Standard input, the environment
 * and the working folder default to the process's; tests pass their own.
 */
export async function main(argv: string[], out: NodeJS.WritableStream = process.stdout, err: NodeJS.WritableStream = process.stderr, io: Partial<CliIo> = {}): Promise<number> {
  let parsed;
  try {
    parsed = parseCommandLine(argv);
  } catch (error) {
    err.write(`rubric: ${(error as Error).message}\n\n${USAGE}\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  const [command, ...rest] = positionals;
  if (values.help || !command) {
    (values.help ? out : err).write(USAGE + '\n');
    return values.help ? 0 : 2;
  }
  const cwd = io.cwd ?? process.cwd();
  const cli: CliContext = {
    root: values.rubrics ? resolve(cwd, values.rubrics) : defaultRubricsDir(),
    out,
    err,
    stdin: io.stdin ?? process.stdin,
    env: io.env ?? process.env,
    cwd,
  };
  try {
    const load = Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : undefined;
    if (!load) throw new UsageError(`unknown command "${command}"`);
    const run = await load();
    return await run(rest, values, cli);
  } catch (error) {
    return failure(error, err);
  }
}
