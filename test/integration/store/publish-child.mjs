// A separate process that publishes, for the reliability tests: killed mid-write, or racing another.
// Usage: node publish-child.mjs <db> loop <mission>   (correct and publish again and again)
//        node publish-child.mjs <db> once <mission> <version>
import { openDb } from '../../../dist/engine/store/db.js';
import { analyseText } from '../../../dist/engine/node/analysis-pool.js';
import { latestRevision, openCorrection, publishDraft, StoreError } from '../../../dist/engine/store/rubric-store.js';

const [db, mode, mission, version] = process.argv.slice(2);
const store = openDb(db);
if (mode === 'loop') {
  // Start the analysis worker first, so that the kills fall among publications, not before the first.
  await analyseText(latestRevision(store, '2567-Q3', mission).yaml, '2567-Q3', mission);
  process.stdout.write('ready\n');
  for (;;) {
    const draft = await openCorrection(store, { period: '2567-Q3', mission, username: 'loop' });
    await publishDraft(store, { period: '2567-Q3', mission, version: draft.version, username: 'loop', acknowledgeWarnings: true });
  }
} else {
  try {
    const revision = await publishDraft(store, { period: '2567-Q3', mission, version: Number(version), username: `racer-${process.pid}`, acknowledgeWarnings: true });
    process.stdout.write(`published ${revision.revision}\n`);
  } catch (error) {
    if (!(error instanceof StoreError)) throw error;
    process.stdout.write(`refused ${error.status}: ${error.message}\n`);
    process.exitCode = 3;
  }
}
