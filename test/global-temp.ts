// Vitest global setup: every temporary file of a run goes into one folder of its own (TMPDIR is
// pointed there before the test workers start, so os.tmpdir() in tests, the engine and the
// processes they spawn all land in it), and the run fails if anything is left there at the end.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** What the run left behind, named, or nothing. */
function leftovers(dir: string): string[] {
  return readdirSync(dir).map((name) => join(dir, name));
}

/** Points TMPDIR at a new folder for this run; the teardown removes it and fails the run if it was not empty. */
export default function setup(): () => void {
  // Each tier (vitest project) runs the global setup; the first one's folder serves them all.
  if (process.env.RUBRIC_TEST_TMP) return () => {};
  const outer = tmpdir();
  const run = mkdtempSync(join(outer, 'rubric-run-'));
  const previous = process.env.TMPDIR;
  process.env.TMPDIR = run;
  process.env.RUBRIC_TEST_TMP = run;
  return () => {
    delete process.env.RUBRIC_TEST_TMP;
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
    const left = leftovers(run);
    rmSync(run, { recursive: true, force: true });
    // Only the run's own folder is looked at: other runs (other worktrees, a developer's shell)
    // may add and remove rubric-* folders in the real temporary folder at the same time.
    const all = left;
    if (all.length === 0) return;
    // Vitest reports an error thrown here but still exits 0, so the exit code is set as well.
    process.exitCode = 1;
    throw new Error(`the tests left ${all.length} temporary files or folders behind:\n${all.join('\n')}`);
  };
}
