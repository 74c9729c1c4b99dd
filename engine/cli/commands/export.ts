// `rubric export`: writes the published store as the static files the API serves, for any web server or CDN.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathFrom, type CliContext, type Command } from '../options.js';
import { UsageError } from '../usage.js';

/** Writes every published period's rubrics, signature and manifest under <out>/api/v1/periods. */
async function writePublished(dbPath: string | undefined, outDir: string, cli: CliContext): Promise<number> {
  const { openDb, defaultDbPath } = await import('../../store/db.js');
  const publication = await import('../../store/publication.js');
  const db = openDb(dbPath ?? defaultDbPath());
  const root = join(outDir, 'api', 'v1', 'periods');
  let files = 0;
  for (const period of publication.publishedPeriods(db)) {
    const signed = publication.signedManifest(db, period)!;
    const dir = join(root, period);
    const write = (path: string, body: string | Uint8Array) => {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), body);
      files++;
    };
    for (const entry of signed.manifest.missions) write(entry.path, publication.revisionText(db, period, entry.mission, entry.revision)!.yaml);
    write('manifest.sig', signed.signature);
    // The manifest last, so a mirror that copies in order never shows a manifest before its files.
    write('manifest.json', signed.bytes);
    cli.out.write(`${period}: sequence ${signed.manifest.sequence}, ${signed.manifest.missions.length} missions\n`);
  }
  cli.out.write(`${files} ไฟล์ / files written under ${root}\n`);
  return 0;
}

/**
 * Exports with the signing key of --signing-key (else RUBRIC_SIGNING_KEY or the one beside the
 * database). The store reads the key from process.env, so it is set for this call and put back after.
 */
export const exportStore: Command = async (args, options, cli) => {
  if (args.length > 0) throw new UsageError(`unexpected arguments: ${args.join(' ')}`);
  if (!options.out) throw new UsageError('export needs --out <dir>');
  const key = options['signing-key'] ? pathFrom(cli, options['signing-key']) : cli.env.RUBRIC_SIGNING_KEY;
  const before = process.env.RUBRIC_SIGNING_KEY;
  if (key === undefined) delete process.env.RUBRIC_SIGNING_KEY;
  else process.env.RUBRIC_SIGNING_KEY = key;
  try {
    return await writePublished(options.db ? pathFrom(cli, options.db) : undefined, pathFrom(cli, options.out), cli);
  } finally {
    if (before === undefined) delete process.env.RUBRIC_SIGNING_KEY;
    else process.env.RUBRIC_SIGNING_KEY = before;
  }
};
