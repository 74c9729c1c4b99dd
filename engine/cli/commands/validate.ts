// `rubric validate`: checks rubric files (those named, or the whole store) and prints each diagnostic.
import { existsSync } from 'node:fs';
import { formatProblem } from '../../problems/format.js';
import { listAllRubricFiles, readRubricFile } from '../../node/rubric-files.js';
import { pathFrom, type Command } from '../options.js';

/** Prints every diagnostic and a count; exits 1 when any file has an error. */
export const validate: Command = (files, _options, cli) => {
  const paths = files.length > 0 ? files.map((f) => pathFrom(cli, f)) : listAllRubricFiles(cli.root);
  let errors = 0;
  let warnings = 0;
  for (const path of paths) {
    if (!existsSync(path)) {
      cli.out.write(`${path}:1:1 error FILE_NOT_FOUND no such file\n`);
      errors++;
      continue;
    }
    for (const d of readRubricFile(path).diagnostics) {
      cli.out.write(formatProblem(d) + '\n');
      if (d.severity === 'error') errors++;
      else warnings++;
    }
  }
  cli.out.write(`${paths.length} files checked: ${errors} errors, ${warnings} warnings\n`);
  return errors > 0 ? 1 : 0;
};
