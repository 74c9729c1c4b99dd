// The CLI's options as parsed from the command line, and what every command is handed to run.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';

/** Every option any command takes (each command checks the ones it needs). */
const OPTIONS = {
  period: { type: 'string' },
  data: { type: 'string' },
  format: { type: 'string' },
  engine: { type: 'string' },
  rubrics: { type: 'string' },
  all: { type: 'boolean' },
  out: { type: 'string' },
  from: { type: 'string' },
  role: { type: 'string' },
  server: { type: 'string' },
  'public-key': { type: 'string' },
  'allow-http': { type: 'boolean' },
  'signing-key': { type: 'string' },
  token: { type: 'string' },
  bundle: { type: 'string' },
  name: { type: 'string' },
  db: { type: 'string' },
  'password-stdin': { type: 'boolean' },
  revoke: { type: 'boolean' },
  to: { type: 'string' },
  sheet: { type: 'string' },
  'id-column': { type: 'string' },
  mission: { type: 'string' },
  lang: { type: 'string' },
  digits: { type: 'string' },
  url: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** The options given on the command line. */
export type CliOptions = ReturnType<typeof parseCommandLine>['values'];

/** Parses the arguments; throws (TypeError from node:util) on an unknown or malformed option. */
export function parseCommandLine(argv: string[]) {
  return parseArgs({ args: argv, allowPositionals: true, options: OPTIONS });
}

/** What the CLI reads from and writes to besides its files; main() takes them so tests need not spawn it. */
export interface CliIo {
  /** Standard input (read by `user … --password-stdin`). */
  stdin: AsyncIterable<string | Uint8Array>;
  /** The environment (RUBRIC_TOKEN, RUBRIC_SIGNING_KEY are read from it). */
  env: NodeJS.ProcessEnv;
  /** The folder relative paths on the command line start from. */
  cwd: string;
}

/** What a command runs with: the rubric store, its streams, and where relative paths start. */
export interface CliContext extends CliIo {
  root: string;
  out: NodeJS.WritableStream;
  err: NodeJS.WritableStream;
}

/** A path from the command line, made absolute from the CLI's working folder. */
export function pathFrom(cli: Pick<CliIo, 'cwd'>, path: string): string {
  return resolve(cli.cwd, path);
}

/** One command: its arguments after the command's name, the options, and the context. */
export type Command = (args: string[], options: CliOptions, cli: CliContext) => number | Promise<number>;

/** Loads one command's module and gives its command (main.ts loads only the command typed). */
export type CommandLoader = () => Promise<Command>;

/** Reads all of standard input as UTF-8 text. */
export async function readAll(stdin: AsyncIterable<string | Uint8Array>): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk));
  return Buffer.concat(chunks).toString('utf8');
}
