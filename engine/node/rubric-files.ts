// Rubric files on disk: the store's <period>/<mission>.yaml layout, and reading one file into a validated, compiled rubric.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileRubric, type CompiledRubric } from '../compile.js';
import { hasErrors, type RubricProblem } from '../diagnostics.js';
import { loadRubric, type LoadedRubric } from '../load.js';
import { PERIOD } from '../period.js';
import { sha256 } from './digest.js';
import type { RubricRef } from '../model.js';
import type { Rubric } from '../types.js';
import { validateRubric, type ValidRubric } from '../validate.js';

/** What every rubric file read from disk carries, valid or not. */
interface RubricFileRead {
  file: string;
  /** The file as read: text, YAML document and line positions (for placing findings). */
  loaded: LoadedRubric;
  digest: string;
  diagnostics: RubricProblem[];
}

/** A rubric file without errors: its rubric, validated, and its compiled grader. */
export interface ValidStoredRubric extends RubricFileRead {
  valid: true;
  rubric: ValidRubric;
  compiled: CompiledRubric;
}

/** A rubric file with errors: its diagnostics, and the rubric as far as it could be read (for listing and linting). */
export interface InvalidStoredRubric extends RubricFileRead {
  valid: false;
  rubric: ValidRubric | undefined;
  compiled?: undefined;
}

/** A rubric file read from disk and validated: valid (and compiled), or not valid with its diagnostics. */
export type StoredRubric = ValidStoredRubric | InvalidStoredRubric;

const PERIOD_DIR = PERIOD;
const MISSION_FILE = /^([a-z][a-z0-9]*(?:-[a-z0-9]+)*)\.ya?ml$/;

/** The repository's `rubrics/` folder, found from this module whether run from source or dist. */
export function defaultRubricsDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    const candidate = join(dir, 'rubrics');
    if (existsSync(candidate) && existsSync(join(dir, 'package.json'))) return candidate;
    dir = dirname(dir);
  }
  return resolve('rubrics');
}

/** sha256 of bytes as `sha256:<hex>` (the one helper, digest.ts). */
export const digestOf: (bytes: Uint8Array) => string = sha256;

/**
 * Reads, validates and compiles one rubric file. Where the file sits in `<period>/<mission>.yaml`,
 * its mission and period must match its path.
 */
export function readRubricFile(path: string, options: { displayPath?: string } = {}): StoredRubric {
  const file = options.displayPath ?? relative(process.cwd(), path);
  const bytes: Uint8Array = readFileSync(path);
  const digest = digestOf(bytes);
  const loaded = loadRubric(bytes, file);
  const mission = MISSION_FILE.exec(basename(path))?.[1];
  const periodDir = basename(dirname(path));
  // Only a file in the store's <period>/<mission>.yaml layout must match its path.
  const inStore = PERIOD_DIR.test(periodDir) && mission !== undefined;
  const { rubric, diagnostics } = validateRubric(loaded, inStore ? { expectedMission: mission, expectedPeriod: periodDir } : {});
  if (!rubric || hasErrors(diagnostics)) return { valid: false, file, loaded, digest, diagnostics, rubric };
  return { valid: true, file, loaded, digest, diagnostics, rubric, compiled: compileRubric(rubric, refOf(rubric, digest)) };
}

/** The reference every result of this rubric carries. */
export function refOf(rubric: Rubric, digest: string): RubricRef {
  return { mission: rubric.mission, period: rubric.period, revision: rubric.revision, digest };
}

/** The periods that have a folder in the store, oldest first. */
export function listPeriods(root: string = defaultRubricsDir()): string[] {
  if (!existsSync(root)) return [];
  return readdirSync(root)
    .filter((name) => PERIOD_DIR.test(name) && statSync(join(root, name)).isDirectory())
    .sort();
}

/** The rubric files of one period, by mission id. */
export function listRubricFiles(period: string, root: string = defaultRubricsDir()): Map<string, string> {
  const dir = join(root, period);
  const files = new Map<string, string>();
  if (!PERIOD_DIR.test(period) || !existsSync(dir)) return files;
  for (const name of readdirSync(dir).sort()) {
    const mission = MISSION_FILE.exec(name)?.[1];
    if (mission) files.set(mission, join(dir, name));
  }
  return files;
}

/** Every rubric file in the store. */
export function listAllRubricFiles(root: string = defaultRubricsDir()): string[] {
  return listPeriods(root).flatMap((period) => [...listRubricFiles(period, root).values()]);
}
