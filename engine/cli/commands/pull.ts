// `rubric pull`: fetches a period's published rubrics into a local bundle, checked against the department's public key.
import { readFileSync } from 'node:fs';
import { BundleError } from '../../node/bundle.js';
import { pathFrom, type Command } from '../options.js';
import { UsageError } from '../usage.js';

/** Pulls and says whether the bundle changed; a refusal keeps the last good bundle and exits 1. */
export const pull: Command = async (args, options, cli) => {
  if (args.length > 0) throw new UsageError(`unexpected arguments: ${args.join(' ')}`);
  if (!options.server || !options.period || !options.out || !options['public-key']) {
    throw new UsageError('pull needs --server <url> --period <period> --out <dir> --public-key <file>');
  }
  const { pullPeriod } = await import('../../node/pull.js');
  try {
    let publicKey: string;
    try {
      publicKey = readFileSync(pathFrom(cli, options['public-key']), 'utf8');
    } catch (error) {
      throw new BundleError(`อ่านกุญแจสาธารณะ ${options['public-key']} ไม่ได้`, `cannot read the public key ${options['public-key']} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
    }
    const token = options.token ?? cli.env.RUBRIC_TOKEN;
    const result = await pullPeriod({
      server: options.server,
      period: options.period,
      out: pathFrom(cli, options.out),
      publicKey,
      allowHttp: options['allow-http'] === true,
      ...(token ? { token } : {}),
      log: (line) => cli.err.write(line + '\n'),
    });
    cli.out.write(`${result.status === 'updated' ? 'ปรับปรุงแล้ว / updated' : 'ไม่มีการเปลี่ยนแปลง / unchanged'}: ${options.period} sequence ${result.manifest.sequence}\n`);
    return 0;
  } catch (error) {
    if (error instanceof BundleError) {
      cli.err.write(`rubric: ปฏิเสธ / refused: ${error.th} / ${error.message}; ชุดเดิมยังอยู่ / the last good bundle is kept\n`);
      return 1;
    }
    throw error;
  }
};
