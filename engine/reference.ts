import { Engine, type RuleProperties, type TopLevelCondition } from 'json-rules-engine';
import { Op, bandModel, buildModel, type BandModel, type Model, type RubricRef } from './model.js';
import { SCORE_INPUT, type Condition, type FactValue, type Level, type Rubric } from './types.js';
import {
  NO_BAND,
  NOT_APPLICABLE,
  blocksExemptions,
  combinePoints,
  computeDerived,
  errorVerdict,
  readRow,
  remainingErrors,
  worseLevel,
  type Verdict,
} from './verdict.js';

/** A rubric graded through json-rules-engine: the reference the compiled path must agree with. */
export interface ReferenceRubric {
  model: Model;
  grade(row: Record<string, unknown>): Promise<Verdict>;
}

type JreCondition = TopLevelCondition | { fact: string; operator: string; value: unknown };

/**
 * Builds json-rules-engine engines for a validated rubric: one for exemptions, one with a rule
 * per criterion band, and one for the grade rule. Each rule's event names the band or row it
 * stands for; the highest-priority success is the first match.
 */
export function createReferenceRubric(rubric: Rubric, ref: RubricRef): ReferenceRubric {
  const model = buildModel(rubric, ref);
  const named = rubric.conditions ?? {};
  const newEngine = (): Engine => {
    const engine = new Engine([], { allowUndefinedFacts: true });
    for (const [name, condition] of Object.entries(named)) engine.setCondition(name, topLevel(condition));
    return engine;
  };

  const exemptionEngine = newEngine();
  (rubric.exemptions ?? []).forEach((e, index) =>
    exemptionEngine.addRule({ name: `exemption:${e.id}`, conditions: topLevel(e.when), event: { type: 'exemption', params: { index } } }),
  );

  const criteriaEngine = newEngine();
  model.criteria.forEach((c, criterion) =>
    c.bands.forEach((band, index) =>
      criteriaEngine.addRule(bandRule(`criterion:${c.id}:${index}`, c.input, band, c.bands.length - index, { criterion, index })),
    ),
  );

  const gradeEngine = newEngine();
  const grade = rubric.grade;
  if (grade?.type === 'bands') {
    grade.bands.forEach((band, index) =>
      gradeEngine.addRule(bandRule(`grade:${index}`, grade.input, bandModel(band), grade.bands.length - index, { index })),
    );
  } else if (grade?.type === 'ladder') {
    grade.rows.forEach((row, index) =>
      gradeEngine.addRule({
        name: `row:${index}:${row.level}`,
        priority: grade.rows.length - index,
        conditions: topLevel(row.when),
        event: { type: 'row', params: { index } },
      }),
    );
  } else if (grade?.type === 'truthTable') {
    grade.rows.forEach((row, index) =>
      gradeEngine.addRule({
        name: `row:${index}:${row.level}`,
        priority: grade.rows.length - index,
        conditions: { all: grade.columns.map((fact, k) => ({ fact, operator: 'equal', value: row.values[k] })) },
        event: { type: 'row', params: { index } },
      }),
    );
  }

  return {
    model,
    async grade(row) {
      const { values, errors } = readRow(model, row);
      const bands: number[] = new Array(model.criteria.length).fill(NO_BAND);
      const applied: number[] = [];
      if (errors && blocksExemptions(model, errors)) return errorVerdict(row, bands, applied, errors);
      for (const index of await firedIndexes(exemptionEngine, facts(model, values))) {
        applied.push(index);
        for (const c of model.exemptionTargets[index]!) bands[c] = NOT_APPLICABLE;
      }
      applied.sort((a, b) => a - b);
      const left = remainingErrors(model, errors, bands);
      if (left) return errorVerdict(row, bands, applied, left);
      const zero = computeDerived(model, values);
      if (zero) return errorVerdict(row, bands, applied, [zero]);

      const known = facts(model, values);
      const { events } = await criteriaEngine.run(known);
      for (const event of events) {
        const { criterion, index } = event.params as { criterion: number; index: number };
        const current = bands[criterion]!;
        if (current === NOT_APPLICABLE) continue;
        if (current === NO_BAND || index < current) bands[criterion] = index;
      }
      if (bands.includes(NO_BAND)) {
        return { status: 'unmatched', grade: null, score: null, input: row, bands, row: -1, exemptions: applied, errors: null };
      }
      const done = (status: Verdict['status'], level: Level | null, score: number | null, rowIndex: number): Verdict => ({
        status,
        grade: level,
        score,
        input: row,
        bands,
        row: rowIndex,
        exemptions: applied,
        errors: null,
      });

      switch (grade?.type) {
        case undefined:
          return done('unmatched', null, null, -1);
        case 'worst': {
          let level: Level | null = null;
          model.criteria.forEach((c, i) => {
            if (bands[i] === NOT_APPLICABLE) return;
            const l = c.bands[bands[i]!]!.level!;
            level = level === null ? l : worseLevel(level, l);
          });
          return done(level ? 'graded' : 'unmatched', level, null, -1);
        }
        case 'bands': {
          const value = grade.input === SCORE_INPUT ? combinePoints(model, bands) : (values[model.slotOf.get(grade.input)!] as number);
          const first = await firstIndex(gradeEngine, { ...known, [SCORE_INPUT]: value });
          return first === NO_BAND ? done('unmatched', null, value, -1) : done('graded', grade.bands[first]!.level!, value, first);
        }
        case 'ladder': {
          const first = await firstIndex(gradeEngine, known);
          if (first !== NO_BAND) return done('graded', grade.rows[first]!.level, grade.rows[first]!.score ?? null, first);
          return grade.floor ? done('graded', grade.floor, null, -1) : done('unmatched', null, null, -1);
        }
        case 'truthTable': {
          const first = await firstIndex(gradeEngine, known);
          return first === NO_BAND ? done('unmatched', null, null, -1) : done('graded', grade.rows[first]!.level, null, first);
        }
      }
    },
  };
}

/** The known values as json-rules-engine runtime facts (absent values are left out). */
function facts(model: Model, values: FactValue[]): Record<string, FactValue> {
  const out: Record<string, FactValue> = {};
  model.slotIds.forEach((id, slot) => {
    if (values[slot] !== null) out[id] = values[slot]!;
  });
  return out;
}

async function firedIndexes(engine: Engine, known: Record<string, FactValue>): Promise<number[]> {
  const { events } = await engine.run(known);
  return events.map((e) => (e.params as { index: number }).index);
}

async function firstIndex(engine: Engine, known: Record<string, FactValue>): Promise<number> {
  const indexes = await firedIndexes(engine, known);
  return indexes.length === 0 ? NO_BAND : Math.min(...indexes);
}

function bandRule(name: string, fact: string, band: BandModel, priority: number, params: Record<string, number>): RuleProperties {
  return { name, priority, conditions: { all: bandConditions(fact, band) }, event: { type: 'band', params } };
}

/** A band as json-rules-engine conditions: the document's comparator becomes an operator. */
function bandConditions(fact: string, band: BandModel): { fact: string; operator: string; value: number }[] {
  switch (band.op) {
    case Op.Gt:
      return [{ fact, operator: 'greaterThan', value: band.low }];
    case Op.Gte:
      return [{ fact, operator: 'greaterThanInclusive', value: band.low }];
    case Op.Lt:
      return [{ fact, operator: 'lessThan', value: band.low }];
    case Op.Lte:
      return [{ fact, operator: 'lessThanInclusive', value: band.low }];
    case Op.Eq:
      return [{ fact, operator: 'equal', value: band.low }];
    case Op.Between:
      return [
        { fact, operator: 'greaterThanInclusive', value: band.low },
        { fact, operator: 'lessThanInclusive', value: band.high },
      ];
  }
}

/** json-rules-engine wants all/any/not/condition at the top of a rule: wrap a bare comparison. */
function topLevel(condition: Condition): TopLevelCondition {
  if ('fact' in condition) return { all: [condition as JreCondition] } as TopLevelCondition;
  return condition as TopLevelCondition;
}
