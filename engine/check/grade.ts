// Checks the score and the grade rule: each has the criteria or score it combines, its input is a
// number, its ladder's conditions hold, and its truth table's columns and rows fit together.
import { isNumeric, type ValueInfo } from '../catalog.js';
import type { TruthTableGrade } from '../types.js';
import { checkBands } from './bands.js';
import type { ConditionChecker } from './conditions.js';
import { found, valueMismatch, type CheckContext } from './found.js';

/** BAND_TARGET when the score or the grade rule lacks what it combines. */
function checkTargets(ctx: CheckContext): void {
  const { rubric, problems } = ctx;
  const criteria = rubric.criteria ?? [];
  if (rubric.score && criteria.length === 0) {
    problems.push(found('BAND_TARGET', { kind: 'score-without-criteria' }, '/score', { expected: 'criteria' }));
  }
  if (rubric.grade?.type === 'worst' && criteria.length === 0) {
    problems.push(found('BAND_TARGET', { kind: 'worst-without-criteria' }, '/grade', { expected: 'criteria' }));
  }
  if (rubric.grade?.type !== 'worst' && criteria.length > 0 && !rubric.score) {
    problems.push(found('BAND_TARGET', { kind: 'criteria-without-score' }, '/criteria', { expected: 'score' }));
  }
}

/** A truth table: boolean or enum facts for columns, and rows of as many values, each fitting its column. */
function checkTruthTable(ctx: CheckContext, grade: TruthTableGrade): void {
  const columns = grade.columns.map((id, i): ValueInfo | undefined => {
    const info = ctx.catalog.get(id);
    if (!info || info.origin !== 'fact') ctx.undeclared(id, `/grade/columns/${i}`, 'a declared boolean or enum fact');
    else if (info.type !== 'boolean' && info.type !== 'enum') {
      ctx.problems.push(found('TYPE_MISMATCH', { kind: 'column', id }, `/grade/columns/${i}`, { expected: 'boolean or enum', received: info.type }));
    }
    return info;
  });
  grade.rows.forEach((row, i) => {
    if (row.values.length !== grade.columns.length) {
      ctx.problems.push(
        found('TRUTH_TABLE_SHAPE', { values: row.values.length, columns: grade.columns.length }, `/grade/rows/${i}/values`, {
          expected: String(grade.columns.length),
          received: String(row.values.length),
        }),
      );
      return;
    }
    row.values.forEach((value, k) => {
      const info = columns[k];
      const wrong = info && valueMismatch(info, value, `/grade/rows/${i}/values/${k}`);
      if (wrong) ctx.problems.push(wrong);
    });
  });
}

/** The score's and the grade rule's problems. */
export function checkGrade(ctx: CheckContext, conditions: ConditionChecker): void {
  checkTargets(ctx);
  const grade = ctx.rubric.grade;
  if (grade?.type === 'bands') {
    const info = ctx.catalog.get(grade.input);
    if (!info) ctx.undeclared(grade.input, '/grade/input', 'score, or a declared fact or derived value');
    else if (!isNumeric(info)) {
      ctx.problems.push(found('TYPE_MISMATCH', { kind: 'grade-input', id: grade.input }, '/grade/input', { expected: 'a number', received: info.type }));
    }
    ctx.problems.push(...checkBands(grade.bands, '/grade/bands', 'level'));
  } else if (grade?.type === 'ladder') {
    grade.rows.forEach((row, i) => {
      conditions.check(row.when, `/grade/rows/${i}/when`);
      conditions.depth(row.when, `/grade/rows/${i}/when`);
    });
  } else if (grade?.type === 'truthTable') {
    checkTruthTable(ctx, grade);
  }
}
