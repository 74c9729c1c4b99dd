// A separate process that publishes, for the reliability tests: killed mid-write, or racing another.
// Usage: node publish-child.mjs <db> loop <mission>   (correct and publish again and again)
//        node publish-child.mjs <db> once <mission> <version>
import { openDb } from '../../../dist/engine/store/db.js';
import { analyseText } from '../../../dist/engine/node/analysis-pool.js';
import { latestRevision, openCorrection, publishDraft } from '../../../dist/engine/store/rubric-store.js';

/** The value of a write the loop needs to succeed; a refusal there is a failure of the test. */
function valueOf(settled) {
  if (!settled.ok) throw new Error(`refused ${settled.status} ${settled.problem.code}: ${settled.problem.message.en}`);
  return settled.value;
}

const [db, mode, mission, version] = process.argv.slice(2);
const store = openDb(db);
if (mode === 'loop') {
  // Start the analysis worker first, so that the kills fall among publications, not before the first.
  await analyseText(latestRevision(store, '2567-Q3', mission).yaml, '2567-Q3', mission);
  process.stdout.write('ready\n');
  for (;;) {
    const draft = valueOf(await openCorrection(store, { period: '2567-Q3', mission, username: 'loop' }));
    valueOf(await publishDraft(store, { period: '2567-Q3', mission, version: draft.version, username: 'loop', acknowledgeWarnings: true }));
  }
} else {
  const published = await publishDraft(store, { period: '2567-Q3', mission, version: Number(version), username: `racer-${process.pid}`, acknowledgeWarnings: true });
  if (published.ok) {
    process.stdout.write(`published ${published.value.revision}\n`);
  } else {
    process.stdout.write(`refused ${published.status} ${published.problem.code}: ${published.problem.message.en}\n`);
    process.exitCode = 3;
  }
}
