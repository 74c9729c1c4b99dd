// Each mission's rubric compiled once per page: the version to preview (the draft when there is
// one) and, for the comparison, the published revision beside it.
import { compileRubric, type CompiledRubric } from '$engine/compile.js';
import { loadRubric } from '$engine/load.js';
import type { Fact, Rubric, Text } from '$engine/types.js';
import { validateRubric } from '$engine/validate.js';

/** One mission's versions as the page loads them: the YAML to compile and the published digest. */
export interface PreviewMission {
  mission: string;
  draft: { yaml: string } | null;
  published: { yaml: string; revision: number; digest: string } | null;
}

/** A mission ready to grade uploaded rows. */
export interface Grader {
  mission: string;
  name: Text;
  facts: Record<string, Fact>;
  /** The rubric of `current`: what the file reader matches the file's columns and sheets against. */
  rubric: Rubric;
  /** The version rows are graded with: the draft when there is one, else the published revision. */
  current: CompiledRubric;
  /** Which version `current` is. */
  version: 'draft' | 'published';
  /** Both versions, when both exist and have criteria: what the comparison needs. */
  draft: CompiledRubric | undefined;
  published: CompiledRubric | undefined;
}

/** A rubric text validated and compiled, or undefined when it has errors or no grade rule yet. */
function compileText(yaml: string, file: string, ref: { mission: string; period: string; revision?: number; digest: string }): { rubric: Rubric; compiled: CompiledRubric } | undefined {
  const { rubric } = validateRubric(loadRubric(yaml, file));
  if (!rubric?.grade) return undefined;
  return { rubric, compiled: compileRubric(rubric, { mission: ref.mission, period: ref.period, revision: ref.revision ?? rubric.revision, digest: ref.digest }) };
}

/** Compiles every mission of a period that has criteria; missions without a grade rule are left out. */
export function buildGraders(period: string, missions: readonly PreviewMission[]): Grader[] {
  const graders: Grader[] = [];
  for (const m of missions) {
    const file = `${period}/${m.mission}.yaml`;
    const draft = m.draft ? compileText(m.draft.yaml, file, { mission: m.mission, period, digest: 'draft' }) : undefined;
    const published = m.published
      ? compileText(m.published.yaml, file, { mission: m.mission, period, revision: m.published.revision, digest: m.published.digest })
      : undefined;
    const current = draft ?? published;
    if (!current) continue;
    graders.push({
      mission: m.mission,
      name: current.rubric.name,
      facts: current.rubric.facts ?? {},
      rubric: current.rubric,
      current: current.compiled,
      version: draft ? 'draft' : 'published',
      draft: draft?.compiled,
      published: published?.compiled,
    });
  }
  return graders.sort((a, b) => (a.current.model.rubric.number ?? 99) - (b.current.model.rubric.number ?? 99) || a.mission.localeCompare(b.mission));
}
