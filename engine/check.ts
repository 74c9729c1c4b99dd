// Checks what the schema cannot in a schema-valid rubric: that every name refers to something
// declared, that comparisons fit the value's type, and that bands, tables and the grade rule fit together.
import { own } from './own.js';
import { toPointer } from './positions.js';
import type { Rubric } from './types.js';
import { checkConditions } from './check/conditions.js';
import { checkCriteria, checkExemptions } from './check/criteria.js';
import { checkDerived } from './check/derived.js';
import { checkContext, type CheckContext, type Found } from './check/found.js';
import { checkGrade } from './check/grade.js';
import { checkHeader, type ExpectedPlace } from './check/header.js';

export { MAX_CONDITION_DEPTH } from './check/condition-graph.js';
export type { Found } from './check/found.js';

/** UNDECLARED_FACT for a fact an example names that is not declared. */
function checkExamples(ctx: CheckContext): void {
  const facts = ctx.rubric.facts ?? {};
  (ctx.rubric.examples ?? []).forEach((example, i) => {
    for (const id of Object.keys(example.facts)) {
      if (id !== 'id' && !own(facts, id)) ctx.undeclared(id, toPointer(['examples', i, 'facts', id]), 'a declared fact');
    }
  });
}

/**
 * Every problem in a schema-valid rubric's meaning, in the order of its parts (the caller places
 * and sorts them): its header, derived values, named conditions, criteria, exemptions, the score
 * and the grade rule, and the examples.
 */
export function checkRubric(rubric: Rubric, options: ExpectedPlace = {}): Found[] {
  const ctx = checkContext(rubric);
  checkHeader(ctx, options);
  checkDerived(ctx);
  const conditions = checkConditions(ctx);
  checkCriteria(ctx);
  checkExemptions(ctx, conditions);
  checkGrade(ctx, conditions);
  checkExamples(ctx);
  return ctx.problems;
}
