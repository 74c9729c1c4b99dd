// `rubric token issue`: a province's token for pulling published rubrics, shown once.
import { pathFrom, type Command } from '../options.js';
import { UsageError } from '../usage.js';

/** Issues the token and prints it; exits 1 when the store refuses. */
export const token: Command = async (args, options, cli) => {
  const [action, province, ...extra] = args;
  if (action !== 'issue' || !province || extra.length > 0) throw new UsageError('token takes "issue <province>"');
  const { openDb, defaultDbPath } = await import('../../store/db.js');
  const { issueToken } = await import('../../store/publication.js');
  const issued = issueToken(openDb(options.db ? pathFrom(cli, options.db) : defaultDbPath()), province);
  if ('error' in issued) {
    cli.err.write(`${issued.error.th} / ${issued.error.en}\n`);
    return 1;
  }
  cli.out.write(`โทเค็นของ / token for ${issued.province} (แสดงครั้งเดียว / shown once): ${issued.token}\n`);
  return 0;
};
