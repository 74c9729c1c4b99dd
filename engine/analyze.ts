import { own } from './own.js';
import { valueCatalog, type ValueInfo } from './catalog.js';
import { compileSlotCondition, conditionLeaves, type SlotCondition } from './conditions.js';
import type { Severity } from './diagnostics.js';
import {
  bandInterval,
  exampleStep,
  formatInterval,
  formatSteps,
  fromSteps,
  intersect,
  isEmpty,
  openSide,
  stepsPerUnit,
  subtract,
  valueDomain,
  type Interval,
} from './grid.js';
import { bandText, buildModel, conditionFacts, type Model } from './model.js';
import type { Place } from './positions.js';
import { toPointer } from './positions.js';
import { bandGaps, closingsOf, pointsCombiner, runtimeOf, type Gap, type Runtime } from './runtime.js';
import { SCORE_INPUT, type Band, type Condition, type FactValue, type Level, type Rubric, type Text } from './types.js';
import type { ValidRubric } from './validate.js';
import { NOT_APPLICABLE } from './verdict.js';

/** What a finding is about. */
export type FindingKind = 'hole' | 'overlap' | 'unreachable' | 'order' | 'unused-fact' | 'undeclared-fact' | 'contradiction' | 'invalid';

/** One defect (or note) the analysis found in a rubric, with an input that shows it and its place. */
export interface Finding {
  mission: string;
  kind: FindingKind;
  severity: Severity;
  fact?: string;
  criterion?: string;
  /** A concrete input that shows it: a number for one value, an object for a combination. */
  example: number | Record<string, FactValue> | null;
  /** For a gap between bands: the values it spans at the precision ("2.00", "69.01 – 69.99"). */
  range?: string;
  message: Text;
  file: string;
  line: number;
  column: number;
  path: string;
}

/** What the analysis needs: the valid rubric and a way to place a JSON pointer in its file. */
export interface AnalyzeInput {
  rubric: ValidRubric;
  file: string;
  locate: (path: string) => Place;
}

/** At most this many combinations are enumerated for a ladder or a truth table. */
const MAX_COMBINATIONS = 250_000;
/** At most this many distinct combination holes are listed for one rubric. */
const MAX_COMBINATION_HOLES = 16;

type Draft = Omit<Finding, 'mission' | 'file' | 'line' | 'column'>;

const LEVEL_RANK: Record<Level, number> = { A: 0, B: 1, C: 2, D: 3 };

/**
 * Finds what no reader of a rubric should have to find by hand: values or combinations no level
 * grades (at the facts' precision, within their ranges; for combined scores only the scores that
 * can occur), bands that claim the same value, levels no input reaches, better inputs that get
 * worse grades, facts that are declared but never change a grade, and tables that disagree.
 * Pure; returns findings sorted by line.
 */
export function analyzeRubric(input: AnalyzeInput): Finding[] {
  const { rubric } = input;
  const drafts: Draft[] = [];
  if (rubric.grade) {
    const model = buildModel(rubric, { mission: rubric.mission, period: rubric.period, revision: rubric.revision, digest: '' });
    const catalog = model.catalog;
    const runtime = runtimeOf(model);
    const reachable = reachableBands(model);
    rubric.criteria?.forEach((criterion, i) => {
      const path = `/criteria/${i}`;
      const info = catalog.get(criterion.input)!;
      const domain = domainOf(rubric, catalog, criterion.input);
      const judge = criterionHoleJudge(model, runtime, reachable, i);
      drafts.push(...analyzeBands({ bands: criterion.bands, info, domain, path: `${path}/bands`, criterion: criterion.id, judge }));
      criterion.otherTables?.forEach((table, t) =>
        drafts.push(...compareTables(criterion.bands, table.bands, info, domain, `${path}/otherTables/${t}`, criterion.id, table.source.lines)),
      );
    });
    const grade = rubric.grade;
    if (grade.type === 'bands' && grade.input === SCORE_INPUT) drafts.push(...analyzeScore(model, reachable));
    else if (grade.type === 'bands') {
      const info = catalog.get(grade.input)!;
      const judge = (gap: Gap, value: number): HoleJudgement => gradeGapJudgement(grade.bands, gap, value);
      drafts.push(...analyzeBands({ bands: grade.bands, info, domain: domainOf(rubric, catalog, grade.input), path: '/grade/bands', judge }));
    } else if (grade.type === 'ladder' || grade.type === 'truthTable') drafts.push(...analyzeRows(model));
    drafts.push(...analyzeExemptions(model));
  }
  drafts.push(...unusedFacts(rubric));
  return drafts
    .map((d) => {
      const { line, column } = input.locate(d.path);
      return { mission: rubric.mission, file: input.file, line, column, ...d };
    })
    .sort((a, b) => a.line - b.line || a.column - b.column);
}

/** The steps a value can take: its declared range, or what its derivation allows. */
function domainOf(rubric: Rubric, catalog: Map<string, ValueInfo>, id: string): Interval {
  return valueDomain(rubric, catalog, id);
}

function rankOf(band: Band): number {
  return band.level !== undefined ? LEVEL_RANK[band.level] : -(band.points ?? 0);
}

function outcomeText(band: Band): string {
  return band.level !== undefined ? band.level : `${band.points}`;
}

/** Holes, overlaps, unreachable bands and order of one ordered list of bands over one value. */
function analyzeBands(options: { bands: Band[]; info: ValueInfo; domain: Interval; path: string; criterion?: string; judge?: HoleJudge }): Draft[] {
  const { bands, info, domain, path, criterion, judge } = options;
  const p = info.precision;
  const claimed = bands.map((b) => intersect(bandInterval(b, p), domain));
  const wins = claimed.map((c, j) => subtract([c], claimed.slice(0, j)));
  const about = { ...(info.origin !== 'score' ? { fact: info.id } : {}), ...(criterion ? { criterion } : {}) };
  const name = info.origin === 'score' ? 'score' : info.id;
  const where = criterion ? { th: `ตัวชี้วัด ${criterion}`, en: `criterion ${criterion}` } : { th: 'เกณฑ์การให้ระดับ', en: 'the grade bands' };
  const drafts: Draft[] = [];

  for (const gap of bandGaps(bands, p, domain)) {
    const range = formatInterval(gap, p);
    const value = fromSteps(exampleStep(gap), p);
    const judged = judge ? judge(gap, value) : { matters: true as const, example: value };
    const listed = bands.map(bandText).join(', ');
    drafts.push(
      judged.matters
        ? {
            kind: 'hole',
            severity: 'error',
            ...about,
            example: judged.example,
            range,
            message: {
              th: `${name} ${range} ไม่ตรงกับช่วงใดของ${where.th} (${listed})${judged.why ? `; ช่องว่างนี้เปลี่ยนระดับได้ เช่น ${judged.why.th}` : ''}`,
              en: `${name} ${range} matches no band of ${where.en} (${listed})${judged.why ? `; this gap can change the grade, e.g. ${judged.why.en}` : ''}`,
            },
            path,
          }
        : {
            kind: 'hole',
            severity: 'warning',
            ...about,
            example: value,
            range,
            message: {
              th: `${name} ${range} ไม่ตรงกับช่วงใดของ${where.th} (${listed}) แต่ช่องว่างนี้ไม่มีทางเปลี่ยนระดับ: ${judged.reason.th}`,
              en: `${name} ${range} matches no band of ${where.en} (${listed}), but this gap can never change the grade: ${judged.reason.en}`,
            },
            path,
          },
    );
  }
  for (let i = 0; i < bands.length; i++) {
    for (let j = i + 1; j < bands.length; j++) {
      const shared = intersect(claimed[i]!, claimed[j]!);
      // Thresholds that all open the same way ("at least 5", "at least 4") are a ladder read top
      // down: first match is what the document means. Anything else that shares a value is a defect.
      const side = openSide(bands[i]!);
      if (isEmpty(shared) || (side !== null && side === openSide(bands[j]!))) continue;
      drafts.push({
        kind: 'overlap',
        severity: 'warning',
        ...about,
        example: fromSteps(exampleStep(shared), p),
        message: {
          th: `${name} ${formatInterval(shared, p)} อยู่ทั้งในช่วง ${bandText(bands[i]!)} (${outcomeText(bands[i]!)}) และ ${bandText(bands[j]!)} (${outcomeText(bands[j]!)}) ของ${where.th}; ใช้ช่วงแรก`,
          en: `${name} ${formatInterval(shared, p)} is claimed by both ${bandText(bands[i]!)} (${outcomeText(bands[i]!)}) and ${bandText(bands[j]!)} (${outcomeText(bands[j]!)}) of ${where.en}; the first wins`,
        },
        path: `${path}/${j}`,
      });
    }
  }
  bands.forEach((band, j) => {
    if (wins[j]!.length > 0) return;
    const inRange = !isEmpty(claimed[j]!);
    drafts.push({
      kind: 'unreachable',
      severity: 'warning',
      ...about,
      example: null,
      message: inRange
        ? {
            th: `ช่วง ${bandText(band)} (${outcomeText(band)}) ของ${where.th} ไม่มีวันถูกใช้: ช่วงก่อนหน้าครอบคลุมทุกค่าของมัน`,
            en: `band ${bandText(band)} (${outcomeText(band)}) of ${where.en} never applies: earlier bands take all its values`,
          }
        : {
            th: `ช่วง ${bandText(band)} (${outcomeText(band)}) ของ${where.th} อยู่นอกค่าที่ ${name} เป็นได้`,
            en: `band ${bandText(band)} (${outcomeText(band)}) of ${where.en} lies outside the values ${name} can take`,
          },
      path: `${path}/${j}`,
    });
  });
  if (info.better) drafts.push(...orderOfBands(bands, wins, info, about, path, where));
  return drafts;
}

/** A better value of the input must never give a worse level or fewer points. */
function orderOfBands(
  bands: Band[],
  wins: Interval[][],
  info: ValueInfo,
  about: { fact?: string; criterion?: string },
  path: string,
  where: Text,
): Draft[] {
  const p = info.precision;
  const segments = wins
    .flatMap((parts, j) => parts.map((i) => ({ ...i, band: j })))
    .sort((a, b) => a.lo - b.lo);
  if (info.better === 'lower') segments.reverse();
  const drafts: Draft[] = [];
  for (let k = 1; k < segments.length; k++) {
    const worse = segments[k - 1]!;
    const better = segments[k]!;
    if (rankOf(bands[better.band]!) <= rankOf(bands[worse.band]!)) continue;
    const from = info.better === 'lower' ? worse.lo : worse.hi;
    const to = info.better === 'lower' ? better.hi : better.lo;
    drafts.push({
      kind: 'order',
      severity: 'warning',
      ...about,
      example: fromSteps(to, p),
      message: {
        th: `${info.id} ที่ดีกว่า (${formatSteps(to, p)} แทน ${formatSteps(from, p)}) ได้ผลแย่กว่า (${outcomeText(bands[better.band]!)} แทน ${outcomeText(bands[worse.band]!)}) ใน${where.th}`,
        en: `a better ${info.id} (${formatSteps(to, p)} rather than ${formatSteps(from, p)}) gets a worse result (${outcomeText(bands[better.band]!)} rather than ${outcomeText(bands[worse.band]!)}) in ${where.en}`,
      },
      path: `${path}/${better.band}`,
    });
  }
  return drafts;
}

/** Two tables of the document that state one criterion differently. */
function compareTables(
  used: Band[],
  other: Band[],
  info: ValueInfo,
  domain: Interval,
  path: string,
  criterion: string,
  lines: string | undefined,
): Draft[] {
  const p = info.precision;
  const drafts: Draft[] = [];
  const count = Math.max(used.length, other.length);
  for (let j = 0; j < count; j++) {
    const a = used[j];
    const b = other[j];
    if (a && b && a.op === b.op && JSON.stringify(a.value) === JSON.stringify(b.value) && a.level === b.level && a.points === b.points) continue;
    const claimedA = a ? [intersect(bandInterval(a, p), domain)] : [];
    const claimedB = b ? [intersect(bandInterval(b, p), domain)] : [];
    const differ = [...subtract(claimedA, claimedB), ...subtract(claimedB, claimedA)];
    const example = differ[0] ? fromSteps(exampleStep(differ[0]), p) : null;
    const textA = a ? `${bandText(a)} → ${outcomeText(a)}` : '—';
    const textB = b ? `${bandText(b)} → ${outcomeText(b)}` : '—';
    drafts.push({
      kind: 'contradiction',
      severity: 'warning',
      fact: info.id,
      criterion,
      example,
      message: {
        th: `ตารางอื่นในหนังสือ${lines ? ` (บรรทัด ${lines})` : ''} เขียนช่วงที่ ${j + 1} ของตัวชี้วัด ${criterion} ว่า ${textB} แต่เกณฑ์ที่ใช้เขียนว่า ${textA}${example !== null ? `; ต่างกันที่ ${info.id} ${example.toFixed(p)}` : ''}`,
        en: `another table of the document${lines ? ` (lines ${lines})` : ''} states band ${j + 1} of criterion ${criterion} as ${textB}, the rubric as ${textA}${example !== null ? `; they differ at ${info.id} ${example.toFixed(p)}` : ''}`,
      },
      path: `${path}/bands/${Math.min(j, other.length - 1)}`,
    });
  }
  // The other table's own overlaps are the document's defects too; one at a band the tables
  // already disagree on is the same defect, so it is said inside that contradiction.
  for (const d of analyzeBands({ bands: other, info, domain, path: `${path}/bands`, criterion })) {
    if (d.kind !== 'overlap') continue;
    const same = drafts.find((c) => c.path === d.path);
    if (!same) {
      drafts.push(d);
      continue;
    }
    same.message = {
      th: `${same.message.th}; ในตารางนั้นเอง ${d.message.th}`,
      en: `${same.message.en}; within that table, ${d.message.en}`,
    };
  }
  return drafts;
}

/**
 * Bands over a combined score: reason over the scores the criteria's points can actually add up
 * to (with every exemption's criteria left out in turn), not over every number.
 */
function analyzeScore(model: Model, options: ReachableBand[][]): Draft[] {
  const rubric = model.rubric;
  const grade = rubric.grade as Extract<Rubric['grade'], { type: 'bands' }>;
  const catalog = model.catalog;
  const info = catalog.get(SCORE_INPUT)!;
  const p = info.precision;
  const combine = pointsCombiner(model);
  const scoreGaps = bandGaps(grade.bands, p, { lo: -Infinity, hi: Infinity });

  const reachable = new Map<number, Record<string, FactValue>>();
  for (const scenario of exemptionScenarios(model)) {
    const choices = model.criteria.map((_, i) => (scenario.notApplicable.has(i) ? [null] : options[i]!));
    let combos = 1;
    for (const c of choices) combos *= Math.max(1, c.length);
    if (combos > MAX_COMBINATIONS) continue;
    const pick = new Array<number>(choices.length).fill(0);
    for (let n = 0; n < combos; n++) {
      let rest = n;
      for (let i = 0; i < choices.length; i++) {
        pick[i] = rest % choices[i]!.length;
        rest = Math.floor(rest / choices[i]!.length);
      }
      const bands = choices.map((c, i) => c[pick[i]!]?.band ?? NOT_APPLICABLE);
      const score = combine(bands);
      if (score === null || reachable.has(score)) continue;
      const example: Record<string, FactValue> = {};
      choices.forEach((c, i) => {
        const chosen = c[pick[i]!];
        if (chosen) example[model.criteria[i]!.input] = chosen.value;
      });
      if (scenario.exemption !== null) Object.assign(example, exemptionExample(rubric.exemptions![scenario.exemption]!.when));
      reachable.set(score, example);
    }
  }

  const scale = stepsPerUnit(p);
  const claimed = grade.bands.map((b) => bandInterval(b, p));
  const wins = claimed.map((c, j) => subtract([c], claimed.slice(0, j)));
  const firstBand = (score: number): number => wins.findIndex((parts) => parts.some((i) => score * scale >= i.lo - 1e-6 && score * scale <= i.hi + 1e-6));
  const drafts: Draft[] = [];
  const hit = new Set<number>();
  for (const [score, example] of [...reachable].sort((a, b) => a[0] - b[0])) {
    const band = firstBand(score);
    if (band >= 0) {
      hit.add(band);
      continue;
    }
    const closings = closingsOf(scoreGaps, score, p);
    const levels = new Set(closings?.map((c) => grade.bands[c]!.level));
    drafts.push(
      closings && levels.size === 1
        ? {
            kind: 'hole',
            severity: 'warning',
            example,
            message: {
              th: `คะแนนรวม ${score.toFixed(p)} เกิดขึ้นได้ (เช่น ${describeExample(example)}) และไม่ตรงกับช่วงใด แต่ช่องว่างนี้ไม่มีทางเปลี่ยนระดับ: ช่วงทั้งสองข้างให้ระดับ ${[...levels][0]} เหมือนกัน`,
              en: `a score of ${score.toFixed(p)} can occur (e.g. ${describeExample(example)}) and matches no grade band, but this gap can never change the grade: the bands on both sides give ${[...levels][0]}`,
            },
            path: '/grade/bands',
          }
        : {
            kind: 'hole',
            severity: 'error',
            example,
            message: {
              th: `คะแนนรวม ${score.toFixed(p)} เกิดขึ้นได้ (เช่น ${describeExample(example)}) แต่ไม่ตรงกับช่วงใดของเกณฑ์การให้ระดับ`,
              en: `a score of ${score.toFixed(p)} can occur (e.g. ${describeExample(example)}) but matches no grade band`,
            },
            path: '/grade/bands',
          },
    );
  }
  // Gaps between bands that no reachable score falls in are not holes; say so once each.
  const scores = [...reachable.keys()];
  for (const gap of subtract([{ lo: Math.round(Math.min(...scores, 0) * scale), hi: Math.round(Math.max(...scores, 0) * scale) }], claimed)) {
    if (scores.some((s) => s * scale >= gap.lo - 1e-6 && s * scale <= gap.hi + 1e-6)) continue;
    drafts.push({
      kind: 'hole',
      severity: 'info',
      example: fromSteps(exampleStep(gap), p),
      message: {
        th: `ช่วง ${formatInterval(gap, p)} ไม่อยู่ในเกณฑ์ใด แต่ไม่ใช่ช่องโหว่: ไม่มีการรวมคะแนนใดได้ค่าในช่วงนี้`,
        en: `${formatInterval(gap, p)} is in no band, but it is not a hole: no combination of points gives such a score`,
      },
      path: '/grade/bands',
    });
  }
  grade.bands.forEach((band, j) => {
    if (hit.has(j)) return;
    drafts.push({
      kind: 'unreachable',
      severity: 'warning',
      example: null,
      message: {
        th: `ระดับ ${outcomeText(band)} (${bandText(band)}) ไม่มีวันได้: ไม่มีการรวมคะแนนใดตกในช่วงนี้ก่อนช่วงอื่น`,
        en: `level ${outcomeText(band)} (${bandText(band)}) is never given: no combination of points falls in it first`,
      },
      path: `/grade/bands/${j}`,
    });
  });
  // Overlaps and order of the score bands themselves.
  for (const d of analyzeBands({ bands: grade.bands, info, domain: { lo: -Infinity, hi: Infinity }, path: '/grade/bands' })) {
    if (d.kind === 'overlap' || d.kind === 'order') drafts.push(d);
  }
  return drafts;
}

/** One band a criterion can reach, with a value of its input that reaches it. */
interface ReachableBand {
  band: number;
  value: number;
}

/** For each criterion, one representative input for each band it can reach. */
function reachableBands(model: Model): ReachableBand[][] {
  const { rubric, catalog } = model;
  return model.criteria.map((c, i) => {
    const criterion = rubric.criteria![i]!;
    const cInfo = catalog.get(c.input)!;
    const domain = domainOf(rubric, catalog, c.input);
    const claimed = criterion.bands.map((b) => intersect(bandInterval(b, cInfo.precision), domain));
    return claimed.flatMap((interval, j) => {
      const wins = subtract([interval], claimed.slice(0, j));
      return wins.length > 0 ? [{ band: j, value: fromSteps(exampleStep(wins[0]!), cInfo.precision) }] : [];
    });
  });
}

/** No exemption, then each exemption in turn, with the criteria it makes not applicable. */
function exemptionScenarios(model: Model): { exemption: number | null; notApplicable: Set<number> }[] {
  return [
    { exemption: null, notApplicable: new Set<number>() },
    ...model.exemptionTargets.map((targets, e) => ({ exemption: e, notApplicable: new Set(targets) })),
  ];
}

/** Whether a gap can change a grade: with an example that shows it, or the reason it cannot. */
type HoleJudgement = { matters: true; example: number | Record<string, FactValue>; why?: Text } | { matters: false; reason: Text };
type HoleJudge = (gap: Gap, value: number) => HoleJudgement;

/** A gap in bands that give the level directly: it matters unless both bands beside it give one level. */
function gradeGapJudgement(bands: Band[], gap: Gap, value: number): HoleJudgement {
  if (gap.below === null || gap.above === null) return { matters: true, example: value };
  const [below, above] = [bands[gap.below]!, bands[gap.above]!];
  if (below.level !== above.level) return { matters: true, example: value };
  return { matters: false, reason: { th: `ช่วงทั้งสองข้างให้ระดับ ${below.level} เหมือนกัน`, en: `the bands on both sides give ${below.level}` } };
}

/**
 * Judges a criterion's gap the way the grader settles one: it cannot change a grade when every
 * way of closing it (the band on either side) gives the same level, whatever band the other
 * criteria reach and whichever exemption applies.
 */
function criterionHoleJudge(model: Model, runtime: Runtime, reachable: ReachableBand[][], index: number): HoleJudge {
  const rubric = model.rubric;
  const criterion = model.criteria[index]!;
  const rule = rubric.grade!.type;
  if (!model.readsBands) {
    const ruleText = rule === 'ladder' ? { th: 'ขั้นบันได', en: 'ladder rows' } : rule === 'truthTable' ? { th: 'ตารางเงื่อนไข', en: 'truth table' } : { th: 'ช่วงของเกณฑ์การให้ระดับ', en: 'grade bands' };
    const reason = { th: `ระดับมาจาก${ruleText.th} ซึ่งไม่ได้ใช้ช่วงของตัวชี้วัดนี้`, en: `the grade comes from the ${ruleText.en}, which do not read this criterion's bands` };
    return () => ({ matters: false, reason });
  }
  const outcomeText = (band: number): string => String(criterion.bands[band]!.level ?? criterion.bands[band]!.points);
  return (gap, value) => {
    if (gap.below === null || gap.above === null) return { matters: true, example: value };
    const closings = gap.below === gap.above ? [gap.below] : [gap.below, gap.above];
    for (const scenario of exemptionScenarios(model)) {
      if (scenario.notApplicable.has(index)) continue;
      const choices = model.criteria.map((_, j) => (j === index ? [null] : scenario.notApplicable.has(j) ? [null] : reachable[j]!));
      let combos = 1;
      for (const c of choices) combos *= Math.max(1, c.length);
      if (combos > MAX_COMBINATIONS) return { matters: true, example: value };
      for (let n = 0; n < combos; n++) {
        let rest = n;
        const picked = choices.map((c) => {
          const chosen = c[rest % c.length] ?? null;
          rest = Math.floor(rest / c.length);
          return chosen;
        });
        const bands = picked.map((chosen, j) => (j === index ? NO_BAND_PLACEHOLDER : (chosen?.band ?? NOT_APPLICABLE)));
        const results = closings.map((band) => {
          bands[index] = band;
          return runtime.levelFor(bands);
        });
        if (results.every((l) => l !== null && l === results[0])) continue;
        const example: Record<string, FactValue> = {};
        picked.forEach((chosen, j) => {
          if (chosen) example[model.criteria[j]!.input] = chosen.value;
        });
        example[criterion.input] = value;
        if (scenario.exemption !== null) Object.assign(example, exemptionExample(rubric.exemptions![scenario.exemption]!.when));
        // A criterion alone needs no other facts to show its gap.
        if (Object.keys(example).length === 1) return { matters: true, example: value };
        const shown = closings.map((band, k) => `${outcomeText(band)} → ${results[k] ?? '?'}`).join(', ');
        return { matters: true, example, why: { th: `${describeExample(example)}: ${shown}`, en: `${describeExample(example)}: ${shown}` } };
      }
    }
    const sides = closings.map(outcomeText).join(' หรือ ');
    return {
      matters: false,
      reason:
        closings.length === 1 || outcomeText(closings[0]!) === outcomeText(closings[1]!)
          ? { th: `ช่วงทั้งสองข้างให้ ${outcomeText(closings[0]!)} เหมือนกัน`, en: `the bands on both sides give ${outcomeText(closings[0]!)}` }
          : {
              th: `ไม่ว่าจะนับเป็น ${sides} ทุกกรณีที่ตัวชี้วัดอื่นเป็นไปได้ก็ได้ระดับเดียวกัน`,
              en: `whether it counts as ${closings.map(outcomeText).join(' or ')}, every case the other criteria allow gets the same level`,
            },
    };
  };
}

/** A placeholder for the criterion being judged, replaced by each closing before it is read. */
const NO_BAND_PLACEHOLDER = -1;

/** Facts that put a row under an exemption, for an example. */
function exemptionExample(condition: Condition): Record<string, FactValue> {
  if ('all' in condition) return Object.assign({}, ...condition.all.map(exemptionExample));
  if ('any' in condition) return condition.any[0] ? exemptionExample(condition.any[0]) : {};
  if ('fact' in condition) {
    const v = condition.value;
    if (condition.operator === 'in') return { [condition.fact]: (Array.isArray(v) ? v[0] : v) ?? null };
    if (condition.operator === 'equal') return { [condition.fact]: Array.isArray(v) ? null : v };
  }
  return {};
}

function describeExample(example: Record<string, FactValue>): string {
  return Object.entries(example)
    .map(([k, v]) => `${k}=${typeof v === 'number' ? String(v) : JSON.stringify(v)}`)
    .join(', ');
}

/** The values to try for one value id in a table of conditions: each side of every threshold. */
function representatives(model: Model, id: string, thresholds: FactValue[]): FactValue[] {
  const info = model.catalog.get(id)!;
  switch (info.type) {
    case 'boolean':
      return [false, true];
    case 'enum':
      return [...(info.enumValues ?? [])];
    case 'string':
      return [...new Set(thresholds.filter((t): t is string => typeof t === 'string')), '(another value)'];
    default: {
      const p = info.precision;
      const domain = domainOf(model.rubric, model.catalog, id);
      const steps = new Set<number>();
      for (const t of thresholds) {
        if (typeof t !== 'number') continue;
        const s = t * stepsPerUnit(p);
        for (const c of [Math.floor(s) - 1, Math.floor(s), Math.ceil(s), Math.ceil(s) + 1]) steps.add(c);
      }
      if (steps.size === 0) steps.add(0);
      const lo = Math.min(...steps) - 1;
      const hi = Math.max(...steps) + 1;
      steps.add(lo).add(hi);
      if (Number.isFinite(domain.lo)) steps.add(domain.lo);
      if (Number.isFinite(domain.hi)) steps.add(domain.hi);
      return [...steps]
        .filter((s) => s >= domain.lo && s <= domain.hi)
        .sort((a, b) => a - b)
        .map((s) => fromSteps(s, p));
    }
  }
}

/** Every comparison value a condition makes with each value id. */
function thresholdsIn(condition: Condition, named: Record<string, Condition>, out: Map<string, FactValue[]>): void {
  for (const leaf of conditionLeaves(condition, named)) {
    const values = Array.isArray(leaf.value) ? leaf.value : [leaf.value];
    out.set(leaf.fact, [...(out.get(leaf.fact) ?? []), ...values]);
  }
}

/**
 * Exemptions whose condition no values can make hold (a count of three facts "at least 5", a
 * ratio below its own floor): they would never apply, which is never what the letter meant.
 */
function analyzeExemptions(model: Model): Draft[] {
  const rubric = model.rubric;
  const named = rubric.conditions ?? {};
  const isNumericSlot = model.slotIds.map((id) => ['number', 'integer'].includes(model.catalog.get(id)?.type ?? ''));
  const context = { slotOf: model.slotOf, named, isNumericSlot, cache: new Map<string, SlotCondition>() };
  return (rubric.exemptions ?? []).flatMap((exemption, e): Draft[] => {
    const thresholds = new Map<string, FactValue[]>();
    thresholdsIn(exemption.when, named, thresholds);
    const ids = [...thresholds.keys()];
    const reps = ids.map((id) => representatives(model, id, thresholds.get(id)!));
    const combos = reps.reduce((n, r) => n * r.length, 1);
    if (combos === 0 || combos > MAX_COMBINATIONS) return [];
    const holds = compileSlotCondition(exemption.when, context);
    const vals: (boolean | string | null)[] = new Array(model.slotIds.length).fill(null);
    const nums = new Float64Array(model.slotIds.length).fill(NaN);
    for (let n = 0; n < combos; n++) {
      let rest = n;
      ids.forEach((id, k) => {
        const value = reps[k]![rest % reps[k]!.length]!;
        rest = Math.floor(rest / reps[k]!.length);
        const slot = model.slotOf.get(id)!;
        if (typeof value === 'number') nums[slot] = value;
        else vals[slot] = value;
      });
      if (holds(vals, nums)) return [];
    }
    const names = ids.map((id) => model.catalog.get(id)!.label);
    return [
      {
        kind: 'unreachable',
        severity: 'warning',
        example: null,
        message: {
          th: `ข้อยกเว้น "${exemption.label.th}" ไม่มีวันใช้: ไม่มีค่าใดของ ${names.map((l) => l.th).join(', ')} ที่ทำให้เงื่อนไขเป็นจริง`,
          en: `exemption "${exemption.label.en}" never applies: no value of ${names.map((l) => l.en).join(', ')} makes its condition hold`,
        },
        path: `/exemptions/${e}/when`,
      },
    ];
  });
}

/**
 * Ladders and truth tables: try every combination of representative values (each side of every
 * threshold, every boolean and enum value) and see which row decides each.
 */
function analyzeRows(model: Model): Draft[] {
  const rubric = model.rubric;
  const grade = rubric.grade as Extract<Rubric['grade'], { type: 'ladder' | 'truthTable' }>;
  const named = rubric.conditions ?? {};
  const conditions: Condition[] =
    grade.type === 'ladder'
      ? grade.rows.map((r) => r.when)
      : grade.rows.map((r) => ({ all: grade.columns.map((fact, k) => ({ fact, operator: 'equal' as const, value: r.values[k]! })) }));
  const levels = grade.rows.map((r) => r.level);
  const floor = grade.type === 'ladder' ? (grade.floor ?? null) : null;
  const rowPath = (i: number): string => `/grade/rows/${i}`;

  const thresholds = new Map<string, FactValue[]>();
  conditions.forEach((c) => thresholdsIn(c, named, thresholds));
  if (grade.type === 'truthTable') for (const id of grade.columns) thresholds.set(id, thresholds.get(id) ?? []);
  const ids = [...thresholds.keys()];
  const reps = ids.map((id) => representatives(model, id, thresholds.get(id)!));
  let combos = 1;
  for (const r of reps) combos *= r.length;
  if (combos > MAX_COMBINATIONS) {
    return [
      {
        kind: 'unreachable',
        severity: 'info',
        example: null,
        message: {
          th: `มี ${combos} กรณีเกินกว่าจะตรวจทั้งหมด (สูงสุด ${MAX_COMBINATIONS})`,
          en: `${combos} combinations are too many to check exhaustively (at most ${MAX_COMBINATIONS})`,
        },
        path: '/grade',
      },
    ];
  }

  const isNumericSlot = model.slotIds.map((id) => ['number', 'integer'].includes(model.catalog.get(id)?.type ?? ''));
  const context = { slotOf: model.slotOf, named, isNumericSlot, cache: new Map<string, SlotCondition>() };
  const tests = conditions.map((c) => compileSlotCondition(c, context));
  const slots = ids.map((id) => model.slotOf.get(id)!);
  const vals: (boolean | string | null)[] = new Array(model.slotIds.length).fill(null);
  const nums = new Float64Array(model.slotIds.length);
  const set = (k: number, value: FactValue): void => {
    if (typeof value === 'number') nums[slots[k]!] = value;
    else vals[slots[k]!] = value;
  };
  /** The deciding row of a combination (-1: the floor or nothing) and whether each row holds. */
  const decide = (pick: number[]): { row: number; holds: boolean[] } => {
    pick.forEach((choice, k) => set(k, reps[k]![choice]!));
    const holds = tests.map((t) => t(vals, nums));
    return { row: holds.indexOf(true), holds };
  };
  const levelOf = (row: number): Level | null => (row >= 0 ? levels[row]! : floor);
  const factsOf = (pick: number[]): Record<string, FactValue> => Object.fromEntries(ids.map((id, k) => [id, reps[k]![pick[k]!]!]));

  const decides = new Array<boolean>(levels.length).fill(false);
  const everHolds = new Array<boolean>(levels.length).fill(false);
  const drafts: Draft[] = [];
  const holes: Record<string, FactValue>[] = [];
  let holeCount = 0;
  const orderFound = new Set<string>();
  const pick = new Array<number>(ids.length).fill(0);
  for (let n = 0; n < combos; n++) {
    let rest = n;
    for (let k = 0; k < ids.length; k++) {
      pick[k] = rest % reps[k]!.length;
      rest = Math.floor(rest / reps[k]!.length);
    }
    const { row, holds } = decide(pick);
    holds.forEach((h, i) => {
      if (h) everHolds[i] = true;
    });
    if (row >= 0) decides[row] = true;
    const level = levelOf(row);
    if (level === null) {
      holeCount++;
      if (holes.length < MAX_COMBINATION_HOLES) holes.push(factsOf(pick));
    }
    // Order: a better value of a numeric fact with a declared direction must not grade worse.
    ids.forEach((id, k) => {
      const info = model.catalog.get(id)!;
      if (!info.better || orderFound.has(id) || level === null) return;
      const next = pick[k]! + (info.better === 'higher' ? 1 : -1);
      if (next < 0 || next >= reps[k]!.length) return;
      const better = [...pick];
      better[k] = next;
      const betterLevel = levelOf(decide(better).row);
      decide(pick);
      if (betterLevel === null || LEVEL_RANK[betterLevel] <= LEVEL_RANK[level]) return;
      orderFound.add(id);
      const from = formatNumber(model, id, reps[k]![pick[k]!]!);
      const to = formatNumber(model, id, reps[k]![next]!);
      drafts.push({
        kind: 'order',
        severity: 'warning',
        fact: id,
        example: factsOf(better),
        message: {
          th: `${id} ที่ดีกว่า (${to} แทน ${from}) ได้ระดับแย่กว่า (${betterLevel} แทน ${level}) เมื่อข้อมูลอื่นเหมือนกัน`,
          en: `a better ${id} (${to} rather than ${from}) gets a worse grade (${betterLevel} rather than ${level}) with every other fact the same`,
        },
        path: '/grade/rows',
      });
    });
  }

  for (const hole of holes) {
    const shown = describeExample(hole);
    drafts.push({
      kind: 'hole',
      severity: 'error',
      example: hole,
      message: {
        th: `ไม่มีแถวใดตรงกับ ${shown} จึงไม่ได้ระดับใด`,
        en: `no row matches ${shown}, so it gets no level`,
      },
      path: '/grade/rows',
    });
  }
  if (holeCount > holes.length) {
    drafts.push({
      kind: 'hole',
      severity: 'error',
      example: null,
      message: {
        th: `และอีก ${holeCount - holes.length} กรณีที่ไม่ตรงกับแถวใด`,
        en: `and ${holeCount - holes.length} more combinations that match no row`,
      },
      path: '/grade/rows',
    });
  }
  levels.forEach((level, i) => {
    if (decides[i]) return;
    drafts.push({
      kind: grade.type === 'truthTable' && everHolds[i] ? 'overlap' : 'unreachable',
      severity: 'warning',
      example: null,
      message: everHolds[i]
        ? {
            th: `แถว ${level} (ลำดับที่ ${i + 1}) ไม่มีวันถูกใช้: แถวก่อนหน้าตรงกับทุกกรณีของมัน`,
            en: `row ${level} (number ${i + 1}) never applies: earlier rows match every case it matches`,
          }
        : {
            th: `แถว ${level} (ลำดับที่ ${i + 1}) ไม่มีวันถูกใช้: เงื่อนไขของแถวขัดกันเอง ไม่มีข้อมูลใดทำให้เป็นจริง`,
            en: `row ${level} (number ${i + 1}) never applies: its conditions contradict each other, no facts make it hold`,
          },
      path: rowPath(i),
    });
  });
  return drafts;
}

function formatNumber(model: Model, id: string, value: FactValue): string {
  const info = model.catalog.get(id)!;
  return typeof value === 'number' && info.type === 'number' ? value.toFixed(info.precision) : String(value);
}

/**
 * Declared facts that never change a grade: used nowhere, or only by ladder rows at the bottom
 * that give the floor level anyway.
 */
function unusedFacts(rubric: Rubric): Draft[] {
  const named = rubric.conditions ?? {};
  const grade = rubric.grade;
  const facts = Object.keys(rubric.facts ?? {});
  if (!grade || facts.length === 0) return [];
  const expand = (id: string): string[] => {
    const d = own(rubric.derived, id);
    if (!d) return [id];
    return d.type === 'ratio' ? [d.numerator, d.denominator] : d.facts;
  };
  const used = new Set<string>();
  const use = (ids: string[]): void => ids.flatMap(expand).forEach((f) => used.add(f));
  rubric.criteria?.forEach((c) => use([c.input]));
  rubric.exemptions?.forEach((e) => use(conditionFacts(e.when, named)));
  let redundant: number[] = [];
  if (grade.type === 'bands' && grade.input !== SCORE_INPUT) use([grade.input]);
  if (grade.type === 'truthTable') use(grade.columns);
  if (grade.type === 'ladder') {
    // Rows at the bottom that give the floor level decide nothing the floor would not.
    let end = grade.rows.length;
    while (grade.floor && end > 0 && grade.rows[end - 1]!.level === grade.floor) end--;
    redundant = grade.rows.slice(end).map((_, i) => end + i);
    grade.rows.slice(0, end).forEach((r) => use(conditionFacts(r.when, named)));
  }
  const onlyRedundant = new Set<string>();
  if (grade.type === 'ladder') {
    for (const i of redundant) for (const f of conditionFacts(grade.rows[i]!.when, named).flatMap(expand)) if (!used.has(f)) onlyRedundant.add(f);
  }
  return facts
    .filter((f) => !used.has(f))
    .map((f): Draft => {
      const viaFloor = onlyRedundant.has(f) && grade.type === 'ladder';
      const row = viaFloor ? redundant.find((i) => conditionFacts((grade as { rows: { when: Condition }[] }).rows[i]!.when, named).includes(f)) : undefined;
      return {
        kind: 'unused-fact',
        // Required by the letter but never able to change a grade: worth knowing, not a defect to fix.
        severity: viaFloor ? 'info' : 'warning',
        fact: f,
        example: null,
        message: viaFloor
          ? {
              th: `${f} ใช้เฉพาะในแถวล่างสุดที่ให้ระดับเท่ากับระดับพื้น (${(grade as { floor?: Level }).floor}) จึงไม่เคยเปลี่ยนระดับ`,
              en: `${f} is used only by a bottom row that gives the floor level (${(grade as { floor?: Level }).floor}) anyway, so it never changes a grade`,
            }
          : { th: `ประกาศข้อมูล ${f} ไว้แต่ไม่ได้ใช้ในการให้ระดับ`, en: `${f} is declared but never used to grade` },
        path: row !== undefined ? `/grade/rows/${row}` : toPointer(['facts', f]),
      };
    });
}
