// Runs the CLI's main() in this process with in-memory streams: what a user would see on stdout and
// stderr, and the exit code, without spawning the built bin.
import { Readable, Writable } from 'node:stream';
import { main } from '../../../engine/cli/main.js';

/** What one run of the CLI printed and returned. */
export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** A stream that keeps what is written to it. */
function collector(append: (text: string) => void): Writable {
  return new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      append(String(chunk));
      done();
    },
  });
}

/** Runs `rubric <args…>` with the given standard input (empty by default), environment and working folder. */
export async function runCli(args: string[], io: { input?: string; env?: NodeJS.ProcessEnv; cwd?: string } = {}): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, collector((s) => (stdout += s)), collector((s) => (stderr += s)), {
    stdin: Readable.from(io.input === undefined ? [] : [Buffer.from(io.input)]),
    env: io.env ?? {},
    ...(io.cwd !== undefined ? { cwd: io.cwd } : {}),
  });
  return { code, stdout, stderr };
}
