// The generated grader's source put together: read the facts, derive, apply exemptions, match each
// criterion's band and decide, in one straight function over local variables. A row with a
// problem in a value is handed to the closures whole (`hS(row)`). A row whose value falls in a hole
// of the bands is settled in the generated source (codegen-settle.ts) when the grade rule reads the
// bands, and otherwise handed to the closures with its values and bands to decide (`hH(…)`).
import { bandModel, type BandModel } from './model.js';
import { bandTest, CodegenRefusal, conditionSource, derivedSource, factSource, int, num, type Source } from './codegen-source.js';
import { settleCall, settleDeclarations, settlesHoles } from './codegen-settle.js';
import { SCORE_INPUT, type Level } from './types.js';

/** An if/else chain over bands, the first that holds taking its branch, `otherwise` when none does. */
function bandChain(bands: readonly BandModel[], value: string, branch: (band: BandModel, index: number) => string, otherwise: string): string {
  const arms = bands.map((band, i) => `${i === 0 ? '' : 'else '}if (${bandTest(band, value)}) { ${branch(band, i)} }`);
  return arms.length === 0 ? otherwise : `${arms.join('\n')}\nelse { ${otherwise} }`;
}

/** Hands the row to the closures to decide and settle, with its values, exemptions and bands. */
function handOver(src: Source): string {
  const slots = src.model.slotIds.map((_, i) => i);
  const bands = src.model.criteria.map((_, i) => `b${int(i)}`).join(', ');
  return `return hH(row, [${bands}], x, [${slots.map((i) => `n${int(i)}`).join(', ')}], [${slots.map((i) => `v${int(i)}`).join(', ')}]);`;
}

/** The verdict literal the closures build, field for field in their order. */
function verdict(src: Source, level: Level | null, score: string, row: string, grade = level === null ? 'null' : src.pool.ref(level)): string {
  const status = level === null ? 'hU' : 'hG';
  const bands = src.model.criteria.map((_, i) => `b${int(i)}`).join(', ');
  // An unmatched verdict keeps no deciding row.
  return `return { status: ${status}, grade: ${grade}, score: ${score}, input: row, bands: [${bands}], row: ${level === null ? '-1' : row}, exemptions: x, errors: null, settled: null };`;
}

/** Exemptions as the closures apply them: each that holds is listed and makes its criteria not applicable. */
function exemptionSource(src: Source): string {
  const { rubric, exemptionTargets } = src.model;
  return (rubric.exemptions ?? [])
    .map((e, i) => {
      const targets = exemptionTargets[i]!.map((c) => `a${int(c)} = true;`).join(' ');
      return `if (${conditionSource(src, e.when)}) { if (x === hZ) x = []; x.push(${int(i)}); ${targets} }`;
    })
    .join('\n');
}

/** The level ranks of the worst-of rule: levels sorted as worseLevel compares them. */
function levelRanks(src: Source): Level[] {
  const levels = new Set<Level>();
  for (const c of src.model.criteria) {
    for (const b of c.bands) {
      if (b.level === null) throw new CodegenRefusal('a band without a level under worst of');
      levels.add(b.level);
    }
  }
  return [...levels].sort();
}

/** Each criterion's band (and its points and level rank), or not applicable; a hole hands the row over. */
function criteriaSource(src: Source, ranks: Level[] | null, points: boolean): string {
  return src.model.criteria
    .map((c, i) => {
      const k = int(i);
      const branch = (band: BandModel, index: number): string =>
        [`b${k} = ${int(index)};`, ...(points ? [`q${k} = ${num(band.points ?? 0)};`] : []), ...(ranks ? [`w${k} = ${int(ranks.indexOf(band.level!))};`] : [])].join(' ');
      const chain = src.isNumericSlot[c.inputSlot] ? bandChain(c.bands, `n${int(c.inputSlot)}`, branch, `b${k} = -1;`) : `b${k} = -1;`;
      return `var b${k} = -2, q${k} = 0, w${k} = -1;\nif (!a${k}) {\n${chain}\n}`;
    })
    .concat(src.model.criteria.length === 0 ? [] : [`if (${src.model.criteria.map((_, i) => `b${int(i)} === -1`).join(' || ')}) ${settlesHoles(src) ? settleCall(src) : handOver(src)}`])
    .join('\n');
}

/** The score pointsCombiner gives, into `sc` (null when no criterion applies). */
function scoreSource(src: Source): string {
  const spec = src.model.rubric.score;
  if (!spec) return 'var sc = null;';
  const maxima = src.model.criteria.map((c) => c.maxPoints);
  const fullMax = maxima.reduce((a, b) => a + b, 0);
  const lines = ['var tot = 0, max = 0, cnt = 0, sc = null;'];
  src.model.criteria.forEach((_, i) => lines.push(`if (b${int(i)} !== -2) { tot += q${int(i)}; max += ${num(maxima[i])}; cnt++; }`));
  lines.push('if (cnt !== 0) {', `sc = ${spec.method === 'mean' ? 'tot / cnt' : 'tot'};`);
  if (spec.method === 'sum' && spec.whenNotApplicable === 'rescale') lines.push(`if (max > 0 && max !== ${num(fullMax)}) sc = (sc * ${num(fullMax)}) / max;`);
  lines.push(`sc = hR(sc, ${int(spec.precision ?? 2)});`, '}');
  return lines.join('\n');
}

/** The grade rule deciding, and the verdict returned. */
function decideSource(src: Source): string {
  const { model } = src;
  const grade = model.rubric.grade;
  switch (grade?.type) {
    case 'worst': {
      const ranks = levelRanks(src);
      const worst = model.criteria.map((_, i) => `if (w${int(i)} > wr) wr = w${int(i)};`).join('\n');
      const levels = src.pool.ref(ranks);
      // Any level stands for "graded" here; the grade itself is looked up by rank.
      return `var wr = -1;\n${worst}\nif (wr < 0) ${verdict(src, null, 'null', '-1')}\n${verdict(src, ranks[0]!, 'null', '-1', `${levels}[wr]`)}`;
    }
    case 'bands': {
      const ready = grade.bands.map(bandModel);
      const value = grade.input === SCORE_INPUT ? 'sc' : `n${int(model.slotOf.get(grade.input)!)}`;
      if (grade.input !== SCORE_INPUT && !src.isNumericSlot[model.slotOf.get(grade.input)!]) throw new CodegenRefusal('bands over text');
      const isNone = value === 'sc' ? 'sc === null' : `${value} !== ${value}`;
      return `if (${isNone}) ${verdict(src, null, 'null', '-1')}\n${bandChain(ready, value, (band, i) => verdict(src, band.level, value, int(i)), settlesHoles(src) ? settleCall(src) : handOver(src))}`;
    }
    case 'ladder': {
      const rows = grade.rows.map((r, i) => `if (${conditionSource(src, r.when)}) ${verdict(src, r.level, r.score === undefined ? 'null' : num(r.score), int(i))}`);
      return [...rows, verdict(src, grade.floor ?? null, 'null', '-1')].join('\n');
    }
    case 'truthTable': {
      const slots = grade.columns.map((id) => model.slotOf.get(id)!);
      const rows = grade.rows.map((r, i) => {
        const test = slots.map((slot, k) => `${src.isNumericSlot[slot] ? 'null' : `v${int(slot)}`} === ${src.pool.scalar(r.values[k])}`).join(' && ') || 'true';
        return `if (${test}) ${verdict(src, r.level, 'null', int(i))}`;
      });
      return [...rows, verdict(src, null, 'null', '-1')].join('\n');
    }
    default:
      throw new CodegenRefusal('no grade rule');
  }
}

/**
 * The body of the factory `new Function('c', 'h', body)`: it takes the pooled values (c) and the
 * helpers (h) and returns the grading function of one row.
 */
export function graderSource(src: Source): string {
  const { model } = src;
  const slots = model.slotIds.map((_, i) => `n${int(i)} = NaN, v${int(i)} = null`).join(', ');
  const flags = model.criteria.map((_, i) => `a${int(i)} = false`).join(', ');
  const ranks = model.rubric.grade?.type === 'worst' ? levelRanks(src) : null;
  const needsPoints = model.rubric.grade?.type === 'bands' && model.rubric.grade.input === SCORE_INPUT;
  const body = [
    'var r, x = hZ;',
    ...(slots ? [`var ${slots};`] : []),
    ...(flags ? [`var ${flags};`] : []),
    factSource(src),
    derivedSource(src),
    exemptionSource(src),
    criteriaSource(src, ranks, needsPoints),
    needsPoints ? scoreSource(src) : '',
    decideSource(src),
  ];
  const settling = settleDeclarations(src);
  // The pool is complete only once every part above is written.
  return `${src.pool.declarations()}${settling ? `${settling}\n` : ''}var hR = h.round, hS = h.slow, hZ = h.none, hO = h.own, hT = h.text, hP = h.province, hG = h.graded, hU = h.unmatched, hH = h.settle;\nreturn function grade(row) {\n${body.filter(Boolean).join('\n')}\n};`;
}
