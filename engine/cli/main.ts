// The `rubric` command line: parses the arguments and runs the command named, with its streams and
// input passed in (so tests call it directly); each command lives in commands/<command>.ts.
import { resolve } from 'node:path';
import { defaultRubricsDir } from '../node/rubric-files.js';
import { cases } from './commands/cases.js';
import { diff } from './commands/diff.js';
import { document } from './commands/document.js';
import { grade } from './commands/grade.js';
import { impact } from './commands/impact.js';
import { keys } from './commands/keys.js';
import { lint } from './commands/lint.js';
import { list } from './commands/list.js';
import { pull } from './commands/pull.js';
import { template } from './commands/template.js';
import { test } from './commands/test.js';
import { validate } from './commands/validate.js';
import { DEPARTMENT_COMMANDS } from './department.js';
import { parseCommandLine, type CliContext, type CliIo, type Command } from './options.js';
import { USAGE, UsageError } from './usage.js';

/** Every command, by the name typed after `rubric`: the provinces' and the department's (department.ts). */
const COMMANDS: Record<string, Command> = {
  list,
  validate,
  grade,
  test,
  lint,
  cases,
  keys,
  pull,
  diff,
  impact,
  template,
  document,
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
    const run = Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : undefined;
    if (!run) throw new UsageError(`unknown command "${command}"`);
    return await run(rest, values, cli);
  } catch (error) {
    return failure(error, err);
  }
}
