// Checks the criteria and the exemptions: unique criterion ids, numeric inputs, consistent bands,
// and exemptions whose conditions hold and whose criteria exist.
import { isNumeric } from '../catalog.js';
import { checkBands } from './bands.js';
import type { ConditionChecker } from './conditions.js';
import { found, type CheckContext } from './found.js';

/** DUPLICATE_ID, UNDECLARED_FACT, TYPE_MISMATCH and the bands' problems in the criteria. */
export function checkCriteria(ctx: CheckContext): void {
  const { rubric, catalog, problems } = ctx;
  const seen = new Set<string>();
  const target = rubric.grade?.type === 'worst' ? 'level' : 'points';
  (rubric.criteria ?? []).forEach((criterion, i) => {
    const at = `/criteria/${i}`;
    if (seen.has(criterion.id)) {
      problems.push(found('DUPLICATE_ID', { kind: 'criterion', id: criterion.id }, `${at}/id`, { received: criterion.id }));
    }
    seen.add(criterion.id);
    const info = catalog.get(criterion.input);
    if (!info || info.origin === 'score') ctx.undeclared(criterion.input, `${at}/input`);
    else if (!isNumeric(info)) {
      problems.push(
        found('TYPE_MISMATCH', { kind: 'band-input', id: criterion.input, type: info.type }, `${at}/input`, {
          expected: 'a number or integer',
          received: info.type,
        }),
      );
    }
    problems.push(...checkBands(criterion.bands, `${at}/bands`, target));
    criterion.otherTables?.forEach((table, t) => problems.push(...checkBands(table.bands, `${at}/otherTables/${t}/bands`, target)));
  });
}

/** The exemptions' conditions, and UNKNOWN_CRITERION for a criterion they name that does not exist. */
export function checkExemptions(ctx: CheckContext, conditions: ConditionChecker): void {
  const criterionIds = (ctx.rubric.criteria ?? []).map((c) => c.id);
  (ctx.rubric.exemptions ?? []).forEach((exemption, i) => {
    conditions.check(exemption.when, `/exemptions/${i}/when`);
    conditions.depth(exemption.when, `/exemptions/${i}/when`);
    exemption.notApplicable.forEach((id, k) => {
      if (criterionIds.includes(id)) return;
      ctx.problems.push(
        found('UNKNOWN_CRITERION', { id }, `/exemptions/${i}/notApplicable/${k}`, { expected: criterionIds.join(', '), received: id }),
      );
    });
  });
}
