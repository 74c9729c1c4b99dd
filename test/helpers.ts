// Shared helpers for the test suite: load the shipped rubrics and build rubrics from text.
import { compileRubric, type CompiledRubric } from '../engine/compile.js';
import { loadRubric } from '../engine/load.js';
import { refOf, listRubricFiles, readRubricFile, type StoredRubric, type ValidStoredRubric } from '../engine/node/rubric-files.js';
import { validateRubric, type ValidRubric } from '../engine/validate.js';

/** The period whose rubrics ship with the repository. */
export const SHIPPED_PERIOD = '2567-Q3';

let shipped: StoredRubric[] | undefined;

/**
 * Every shipped rubric of 2567-Q3, read and validated. They are read once per test worker (each
 * read validates and compiles a dozen files); the rubric documents are frozen, so a test that
 * tries to change a shared one fails instead of changing it for the tests after it.
 */
export function shippedRubrics(): StoredRubric[] {
  shipped ??= [...listRubricFiles(SHIPPED_PERIOD).values()].map((path) => {
    const stored = readRubricFile(path);
    if (stored.rubric) deepFreeze(stored.rubric);
    return stored;
  });
  return [...shipped];
}

/** Freezes a plain data tree (objects and arrays) all the way down. */
function deepFreeze(value: unknown): void {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return;
  Object.freeze(value);
  for (const child of Object.values(value)) deepFreeze(child);
}

/** The shipped rubrics that have criteria, with their compiled graders. */
export function gradableRubrics(): { rubric: ValidRubric; compiled: CompiledRubric; digest: string }[] {
  return shippedRubrics()
    .filter((s): s is ValidStoredRubric => s.valid && s.rubric.grade !== undefined)
    .map((s) => ({ rubric: s.rubric, compiled: s.compiled, digest: s.digest }));
}

/** One shipped rubric by mission. */
export function shippedRubric(mission: string): { rubric: ValidRubric; compiled: CompiledRubric; digest: string } {
  const found = gradableRubrics().find((r) => r.rubric.mission === mission);
  if (!found) throw new Error(`no shipped rubric ${mission}`);
  return found;
}

/** Loads and validates YAML text; throws with the diagnostics if it is not a valid rubric. */
export function rubricFromText(text: string, file = 'inline.yaml'): { rubric: ValidRubric; compiled: CompiledRubric } {
  const { rubric, diagnostics } = validateRubric(loadRubric(text, file));
  if (!rubric) throw new Error(diagnostics.map((d) => `${d.where.line}:${d.where.column} ${d.code} ${d.message.en}`).join('\n'));
  return { rubric, compiled: compileRubric(rubric, refOf(rubric, 'sha256:test')) };
}

/** The lines every hand-made test rubric starts with: mission `test`, period 2567-Q3, a draft. */
export const TEST_RUBRIC_HEADER = `mission: test
period: 2567-Q3
revision: 1
status: draft
name: { th: ทดสอบ, en: Test }
reporting: { channel: { th: x, en: x }, rounds: [] }
source: {}
`;
