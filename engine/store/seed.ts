// What the store starts with: the repository's rubrics/ loaded into an empty store, and the
// recent texts read in the workers ahead of the first visit.
import { readFileSync } from 'node:fs';
import { loadRubric } from '../load.js';
import { analyseText } from '../node/analysis-pool.js';
import { listPeriods, listRubricFiles } from '../node/rubric-files.js';
import { validateRubric } from '../validate.js';
import { now, type Db } from './db.js';
import { baselineGaps, digestText } from './publish.js';
import { getDraft, latestRevision, storeMissions, storePeriods } from './records.js';

/** Loads the shipped rubrics into an empty store: published files as revisions, drafts as drafts. */
export function seedStore(db: Db, rubricsDir?: string): number {
  if (db.prepare("SELECT 1 FROM meta WHERE key = 'seeded'").get()) return 0;
  let count = 0;
  const seed = db.transaction(() => {
    for (const period of listPeriods(rubricsDir)) {
      for (const [mission, path] of listRubricFiles(period, rubricsDir)) {
        const yaml = readFileSync(path, 'utf8');
        const { rubric } = validateRubric(loadRubric(yaml, path));
        if (rubric?.status === 'published') {
          db.prepare('INSERT INTO revisions VALUES (?, ?, ?, ?, ?, ?, ?)').run(period, mission, rubric.revision, yaml, digestText(yaml), 'seed', now());
        } else {
          db.prepare('INSERT INTO drafts VALUES (?, ?, ?, 1, ?, ?)').run(period, mission, yaml, 'seed', now());
        }
        count++;
      }
    }
    db.prepare("INSERT INTO meta (key, value) VALUES ('seeded', ?)").run(now());
  });
  seed.immediate();
  return count;
}

/**
 * Starts reading the last year's texts (drafts, else latest revisions, and their baselines) in
 * the workers, so that the first visit to the home page finds them read. Never waits, never throws.
 */
export function warmAnalyses(db: Db): void {
  for (const period of storePeriods(db).reverse().slice(0, 4)) {
    for (const mission of storeMissions(db, period)) {
      const yaml = getDraft(db, period, mission)?.yaml ?? latestRevision(db, period, mission)?.yaml;
      if (yaml !== undefined) analyseText(yaml, period, mission).catch(() => undefined);
      baselineGaps(db, period, mission).catch(() => undefined);
    }
  }
}
