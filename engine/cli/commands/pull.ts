// `rubric pull`: fetches a period's published rubrics into a local bundle, checked against the department's public key.
import { readFileSync } from 'node:fs';
import { bundleProblem, type BundleProblem } from '../../node/bundle.js';
import { messageText } from '../../problems/format.js';
import { pathFrom, type CliContext, type Command } from '../options.js';
import { UsageError } from '../usage.js';

/** The public key file's text, or the problem when it cannot be read. */
function readPublicKey(file: string, cli: CliContext): string | { problem: BundleProblem } {
  try {
    return readFileSync(pathFrom(cli, file), 'utf8');
  } catch (error) {
    return { problem: bundleProblem('PUBLIC_KEY_UNREADABLE', { file, reason: (error as NodeJS.ErrnoException).code ?? (error as Error).message }) };
  }
}

/** Pulls and says whether the bundle changed; a refusal keeps the last good bundle and exits 1. */
export const pull: Command = async (args, options, cli) => {
  if (args.length > 0) throw new UsageError(`unexpected arguments: ${args.join(' ')}`);
  if (!options.server || !options.period || !options.out || !options['public-key']) {
    throw new UsageError('pull needs --server <url> --period <period> --out <dir> --public-key <file>');
  }
  const { pullPeriod } = await import('../../node/pull.js');
  const publicKey = readPublicKey(options['public-key'], cli);
  const token = options.token ?? cli.env.RUBRIC_TOKEN;
  const result =
    typeof publicKey === 'string'
      ? await pullPeriod({
          server: options.server,
          period: options.period,
          out: pathFrom(cli, options.out),
          publicKey,
          allowHttp: options['allow-http'] === true,
          ...(token ? { token } : {}),
          log: (line) => cli.err.write(line + '\n'),
        })
      : publicKey;
  if ('problem' in result) {
    cli.err.write(`rubric: ปฏิเสธ / refused: ${messageText(result.problem)}; ชุดเดิมยังอยู่ / the last good bundle is kept\n`);
    return 1;
  }
  cli.out.write(`${result.status === 'updated' ? 'ปรับปรุงแล้ว / updated' : 'ไม่มีการเปลี่ยนแปลง / unchanged'}: ${options.period} sequence ${result.manifest.sequence}\n`);
  return 0;
};
