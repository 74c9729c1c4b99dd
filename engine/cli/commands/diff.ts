// `rubric diff`: what changed between two versions of a mission's rubric.
import { diffRubrics } from '../../diff.js';
import { refOf } from '../../node/rubric-files.js';
import type { Command } from '../options.js';
import { formatOption, oneMission, twoVersions } from '../rubrics.js';

/** Prints the changes from --from to --to, in Thai and English or as JSON. */
export const diff: Command = (args, options, cli) => {
  const mission = oneMission(args, 'diff');
  const format = formatOption(options.format, 'text', ['json', 'text']);
  const versions = twoVersions(cli, mission, options);
  if (!versions) return 1;
  const [from, to] = versions;
  const changes = diffRubrics(from.rubric, to.rubric);
  const { out } = cli;
  if (format === 'json') {
    out.write(JSON.stringify({ from: refOf(from.rubric, from.digest), to: refOf(to.rubric, to.digest), changes }, null, 2) + '\n');
    return 0;
  }
  out.write(`${mission}: ${from.rubric.period} r${from.rubric.revision} (${from.file}) → ${to.rubric.period} r${to.rubric.revision} (${to.file})\n`);
  for (const c of changes) out.write(`- ${c.message.th}\n  ${c.message.en}\n`);
  out.write(`${changes.length} การเปลี่ยนแปลง / changes\n`);
  return 0;
};
