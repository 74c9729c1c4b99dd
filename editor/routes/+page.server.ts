// Loads a summary of every rubric in the store (rubrics/<period>/<mission>.yaml) for the home page.
import { env } from '$env/dynamic/private';
import { defaultRubricsDir, listPeriods, listRubricFiles, readRubricFile } from '../../engine/store.js';
import type { Text } from '../../engine/types.js';
import type { PageServerLoad } from './$types';

/** One reporting round as the page shows it. */
interface RoundSummary {
  round: number;
  due: string;
}

/** One mission's rubric as a row of the period table; plain data only, so it serialises. */
interface MissionSummary {
  mission: string;
  number: number | null;
  name: Text | null;
  status: 'draft' | 'published' | null;
  revision: number | null;
  leadUnit: Text | null;
  hasCriteria: boolean;
  errors: number;
  warnings: number;
  finalRound: RoundSummary | null;
}

/** One period of the store with its missions, ordered by mission number. */
interface PeriodSummary {
  period: string;
  missions: MissionSummary[];
}

/** Reads one rubric file into a row; a file that cannot be read at all counts as one error. */
function summarise(mission: string, path: string): MissionSummary {
  const empty: MissionSummary = {
    mission,
    number: null,
    name: null,
    status: null,
    revision: null,
    leadUnit: null,
    hasCriteria: false,
    errors: 1,
    warnings: 0,
    finalRound: null,
  };
  let stored: ReturnType<typeof readRubricFile>;
  try {
    stored = readRubricFile(path);
  } catch {
    return empty;
  }
  const { rubric, diagnostics } = stored;
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.filter((d) => d.severity === 'warning').length;
  if (!rubric) return { ...empty, errors, warnings };
  // The final round is the one with the highest number (rounds are normally listed in order).
  const last = [...rubric.reporting.rounds].sort((a, b) => a.round - b.round).at(-1);
  return {
    mission,
    number: rubric.number ?? null,
    name: { th: rubric.name.th, en: rubric.name.en },
    status: rubric.status,
    revision: rubric.revision,
    leadUnit: rubric.leadUnit ? { th: rubric.leadUnit.th, en: rubric.leadUnit.en } : null,
    hasCriteria: rubric.grade !== undefined,
    errors,
    warnings,
    finalRound: last ? { round: last.round, due: last.due } : null,
  };
}

/** Orders rows by mission number, unnumbered missions last, then by mission id. */
function byNumber(a: MissionSummary, b: MissionSummary): number {
  const an = a.number ?? Number.POSITIVE_INFINITY;
  const bn = b.number ?? Number.POSITIVE_INFINITY;
  return an - bn || a.mission.localeCompare(b.mission);
}

/**
 * The store's folder: RUBRICS_DIR when set (editor/serve.js sets it), else the engine's default, which
 * finds rubrics/ from the source tree in dev but only through the working directory once bundled.
 */
function rubricsDir(): string {
  return env.RUBRICS_DIR || defaultRubricsDir();
}

/** Lists every period (newest first) with a summary row per mission rubric. */
export const load: PageServerLoad = () => {
  const root = rubricsDir();
  const periods: PeriodSummary[] = listPeriods(root)
    .reverse()
    .map((period) => ({
      period,
      missions: [...listRubricFiles(period, root)]
        .map(([mission, path]) => summarise(mission, path))
        .sort(byNumber),
    }));
  return { periods };
};
