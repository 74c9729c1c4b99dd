// Settling holes in the generated grader: when a criterion's value falls between its bands, or the
// score between the grade's bands, the grade rule is tried on every way of closing the holes (as
// runtime.ts's closeHoles and settle do) in generated source, and the row is graded only when they
// all give one level. Written only for the rules that read the bands (worst of, bands over the
// score); the others still hand such rows to the closures. Only numbers, slot indices and fixed
// names appear in the source; levels and point tables are passed in through the pool.
import { bandGaps } from './band-gaps.js';
import { bandTest, CodegenRefusal, int, num, type Source } from './codegen-source.js';
import { stepsPerUnit, valueDomain } from './grid.js';
import { bandModel } from './model.js';
import { MAX_CLOSINGS } from './runtime.js';
import { SCORE_INPUT, type Level } from './types.js';


/** Whether the generated grader settles holes itself: only for rules that read the criterion bands. */
export function settlesHoles(src: Source): boolean {
  return src.model.readsBands;
}

/**
 * For each gap that has a band on both sides, a test on the step `s` and what it does with the two
 * bands either side (the same band twice gives one closing): what closingsOf finds. A gap with a
 * side missing gives no closing, like a value in no gap: that is `otherwise`.
 */
function gapChain(bands: Parameters<typeof bandGaps>[0], precision: number, domain: Parameters<typeof bandGaps>[2], value: string, arm: (below: number, above: number) => string, otherwise: string): string {
  const arms = bandGaps(bands, precision, domain)
    .filter((gap) => gap.below !== null && gap.above !== null)
    .map((gap) => `if (s >= ${num(gap.lo)} && s <= ${num(gap.hi)}) { ${arm(gap.below!, gap.above!)} }`);
  return [`s = Math.round(${value} * ${num(stepsPerUnit(precision))});`, ...arms.map((a, i) => (i === 0 ? a : `else ${a}`)), arms.length === 0 ? otherwise : `else { ${otherwise} }`].join('\n');
}

/** The grade rule on trial bands t0, t1, …, adding its outcome: worst of, or bands over the score. */
function decideSource(src: Source): string {
  const { model, pool } = src;
  const grade = model.rubric.grade;
  const params = model.criteria.map((_, i) => `t${int(i)}`).join(', ');
  if (grade?.type === 'worst') {
    const levels = [...new Set(model.criteria.flatMap((c) => c.bands.map((b) => b.level)))];
    if (levels.some((l) => l === null)) throw new CodegenRefusal('a band without a level under worst of');
    const ranks = (levels as Level[]).sort();
    const worst = model.criteria.map((c, i) => {
      const rank = pool.ref(c.bands.map((b) => ranks.indexOf(b.level!)));
      return `if (t${int(i)} !== -2 && ${rank}[t${int(i)}] > wr) wr = ${rank}[t${int(i)}];`;
    });
    return `function decide(${params}) {\nvar wr = -1;\n${worst.join('\n')}\nadd(wr < 0 ? null : ${pool.ref(ranks)}[wr], null, -1, false);\n}`;
  }
  if (grade?.type !== 'bands' || grade.input !== SCORE_INPUT || !model.rubric.score) throw new CodegenRefusal('a rule that does not read the bands');
  const spec = model.rubric.score;
  const maxima = model.criteria.map((c) => c.maxPoints);
  const fullMax = maxima.reduce((a, b) => a + b, 0);
  const lines = ['var tot = 0, max = 0, cnt = 0, sc, s;'];
  model.criteria.forEach((c, i) => {
    const points = pool.ref(c.bands.map((b) => b.points ?? 0));
    lines.push(`if (t${int(i)} !== -2) { tot += ${points}[t${int(i)}]; max += ${num(maxima[i])}; cnt++; }`);
  });
  lines.push('if (cnt === 0) { add(null, null, -1, false); return; }', `sc = ${spec.method === 'mean' ? 'tot / cnt' : 'tot'};`);
  if (spec.method === 'sum' && spec.whenNotApplicable === 'rescale') lines.push(`if (max > 0 && max !== ${num(fullMax)}) sc = (sc * ${num(fullMax)}) / max;`);
  lines.push(`sc = hR(sc, ${int(spec.precision ?? 2)});`);
  const ready = grade.bands.map(bandModel);
  const info = model.catalog.get(SCORE_INPUT)!;
  const levelOf = (i: number): string => pool.ref(ready[i]!.level);
  const closing = (below: number, above: number): string =>
    below === above ? `add(${levelOf(below)}, sc, ${int(below)}, true);` : `add(${levelOf(below)}, sc, ${int(below)}, true); add(${levelOf(above)}, sc, ${int(above)}, true);`;
  const gaps = gapChain(grade.bands, info.precision, valueDomain(model.rubric, model.catalog, SCORE_INPUT), 'sc', closing, 'add(null, sc, -1, true);');
  const arms = ready.map((band, i) => `${i === 0 ? '' : 'else '}if (${bandTest(band, 'sc')}) add(${levelOf(i)}, sc, ${int(i)}, false);`);
  lines.push(...arms, arms.length === 0 ? gaps : `else {\n${gaps}\n}`);
  return `function decide(${params}) {\n${lines.join('\n')}\n}`;
}

/** The outcomes gathered as Outcomes gathers them, in variables of the factory. */
const OUTCOMES = [
  'var count = 0, level = null, agree = true, scored = null, scoreAgrees = true, at = -1, atAgrees = true, gap = false;',
  'function add(l, w, r, g) {',
  'if (count === 0) { level = l; scored = w; at = r; }',
  'else { if (l !== level) agree = false; if (w !== scored) scoreAgrees = false; if (r !== at) atAgrees = false; }',
  'if (l === null) agree = false;',
  'if (g) gap = true;',
  'count++;',
  '}',
].join('\n');

/** A verdict literal of settleHoles, field for field in the closures' order. */
function verdict(src: Source, graded: boolean, score: string): string {
  const bands = src.model.criteria.map((_, i) => `b${int(i)}`).join(', ');
  return graded
    ? `return { status: hG, grade: level, score: ${score}, input: row, bands: [${bands}], row: atAgrees ? at : -1, exemptions: x, errors: null, settled: st };`
    : `return { status: hU, grade: null, score: ${score}, input: row, bands: [${bands}], row: -1, exemptions: x, errors: null, settled: null };`;
}

/** settleHoles(row, x, b0…, m0…): each criterion's closings (from its gaps), every combination decided, the verdict. */
function settleFunction(src: Source): string {
  const { model } = src;
  const criteria = model.criteria;
  const k = (i: number): string => int(i);
  const lines = ['var s, st = null;'];
  criteria.forEach((c, i) => {
    const closing = (below: number, above: number): string => `e${k(i)} = ${int(below)}; f${k(i)} = ${int(above)}; l${k(i)} = ${below === above ? '1' : '2'};`;
    const domain = valueDomain(model.rubric, model.catalog, model.rubric.criteria![i]!.input);
    lines.push(`var e${k(i)} = b${k(i)}, f${k(i)} = b${k(i)}, l${k(i)} = 1;`);
    lines.push(`if (b${k(i)} === -1) {\n${gapChain(model.rubric.criteria![i]!.bands, c.precision, domain, `m${k(i)}`, closing, verdict(src, false, 'null'))}\n}`);
  });
  if (criteria.length > 0) lines.push(`if (${criteria.map((_, i) => `l${k(i)}`).join(' * ')} > ${int(MAX_CLOSINGS)}) ${verdict(src, false, 'null')}`);
  lines.push('count = 0; level = null; agree = true; scored = null; scoreAgrees = true; at = -1; atAgrees = true; gap = false;');
  const call = `decide(${criteria.map((_, i) => `i${k(i)} === 0 ? e${k(i)} : f${k(i)}`).join(', ')});`;
  lines.push(criteria.reduceRight((inner, _, i) => `for (var i${k(i)} = 0; i${k(i)} < l${k(i)}; i${k(i)}++) ${inner}`, call));
  lines.push(...criteria.map((_, i) => `if (b${k(i)} === -1) (st = st || []).push(${k(i)});`));
  // A hole in the criteria hides the score; a hole in the grade's bands alone leaves it known.
  lines.push(`if (!agree) ${verdict(src, false, 'st === null && scoreAgrees ? scored : null')}`);
  lines.push('if (gap) (st = st || []).push(-1);', verdict(src, true, 'scoreAgrees ? scored : null'));
  const params = ['row', 'x', ...criteria.map((_, i) => `b${k(i)}`), ...criteria.map((_, i) => `m${k(i)}`)].join(', ');
  return `function settleHoles(${params}) {\n${lines.join('\n')}\n}`;
}

/** The factory's part that settles holes: outcomes, the grade rule on trial bands, and settleHoles. */
export function settleDeclarations(src: Source): string {
  if (!settlesHoles(src)) return '';
  return [OUTCOMES, decideSource(src), settleFunction(src)].join('\n');
}

/** The grader's call handing a row with a hole (its bands and criterion values) to settleHoles. */
export function settleCall(src: Source): string {
  const bands = src.model.criteria.map((_, i) => `b${int(i)}`);
  const inputs = src.model.criteria.map((c) => `n${int(c.inputSlot)}`);
  return `return settleHoles(${['row', 'x', ...bands, ...inputs].join(', ')});`;
}
