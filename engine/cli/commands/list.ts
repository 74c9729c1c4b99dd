// `rubric list`: the periods of the store and each mission's state.
import { listPeriods, listRubricFiles, readRubricFile } from '../../node/rubric-files.js';
import type { Command } from '../options.js';

/** Prints each period (or the one asked for) and, under it, each mission's status, revision and Thai name. */
export const list: Command = (_args, options, { root, out }) => {
  for (const p of options.period ? [options.period] : listPeriods(root)) {
    out.write(`${p}\n`);
    for (const [mission, file] of listRubricFiles(p, root)) {
      const r = readRubricFile(file).rubric;
      const state = r ? `${r.status} r${r.revision}${r.grade ? '' : ' (no criteria)'}` : 'INVALID';
      out.write(`  ${mission.padEnd(20)} ${state.padEnd(24)} ${r?.name.th ?? ''}\n`);
    }
  }
  return 0;
};
