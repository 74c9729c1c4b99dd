// Analysis of one ordered list of bands over one value: its holes, overlaps, unreachable bands and
// order, and how another table of the document that states the same criterion differs from it.
import type { ValueInfo } from '../catalog.js';
import { bandInterval, exampleStep, formatInterval, formatSteps, fromSteps, intersect, isEmpty, openSide, subtract, type Interval } from '../grid.js';
import { bandText } from '../model.js';
import { bandGaps } from '../runtime.js';
import type { Band, Text } from '../types.js';
import { draft, outcomeText, rankOf, type Draft, type FindingSubject } from './finding.js';
import type { HoleJudge } from './hole-judge.js';

/** One list of bands to analyse, with the value it reads, the steps that value can take and where the list is. */
export interface BandsInput {
  bands: Band[];
  info: ValueInfo;
  domain: Interval;
  path: string;
  criterion?: string;
  /** The criterion's label, for the sentences people read (its id stays in `about`). */
  criterionLabel?: Text;
  judge?: HoleJudge;
}

/** What every finding of one list shares: its value's name, what it is about and whose bands they are. */
interface BandsContext extends BandsInput {
  name: Text;
  about: Omit<FindingSubject, 'example'>;
  where: { criterion?: Text };
  /** The values each band claims within the domain, and those it wins (claimed by no earlier band). */
  claimed: Interval[];
  wins: Interval[][];
}

function contextOf(input: BandsInput): BandsContext {
  const { bands, info, domain, criterion, criterionLabel } = input;
  const claimed = bands.map((b) => intersect(bandInterval(b, info.precision), domain));
  return {
    ...input,
    name: info.origin === 'score' ? { th: 'คะแนนรวม', en: 'the score' } : info.label,
    about: { ...(info.origin !== 'score' ? { fact: info.id } : {}), ...(criterion ? { criterion } : {}) },
    where: criterion ? { criterion: criterionLabel ?? { th: criterion, en: criterion } } : {},
    claimed,
    wins: claimed.map((c, j) => subtract([c], claimed.slice(0, j))),
  };
}

/** Holes, overlaps, unreachable bands and order of one ordered list of bands over one value. */
export function analyzeBands(input: BandsInput): Draft[] {
  const c = contextOf(input);
  return [...holes(c), ...overlaps(c), ...unreachable(c), ...(c.info.better ? orderOfBands(c) : [])];
}

/** Values between bands that no band claims; a judge says whether each can change a grade. */
function holes(c: BandsContext): Draft[] {
  const p = c.info.precision;
  const listed = c.bands.map(bandText).join(', ');
  return bandGaps(c.bands, p, c.domain).map((gap) => {
    const range = formatInterval(gap, p);
    const value = fromSteps(exampleStep(gap), p);
    const judged = c.judge ? c.judge(gap, value) : { matters: true as const, example: value };
    const words = { name: c.name, range, ...c.where, listed };
    return judged.matters
      ? draft('HOLE', { case: 'band', ...words, ...(judged.why ? { why: judged.why } : {}) }, c.path, { ...c.about, example: judged.example, range })
      : draft('HOLE', { case: 'band-harmless', ...words, reason: judged.reason }, c.path, { ...c.about, example: value, range }, 'warning');
  });
}

/** Pairs of bands that claim one value, unless both open the same way (a ladder read top down). */
function overlaps(c: BandsContext): Draft[] {
  const { bands, claimed } = c;
  const p = c.info.precision;
  const drafts: Draft[] = [];
  for (let i = 0; i < bands.length; i++) {
    for (let j = i + 1; j < bands.length; j++) {
      const shared = intersect(claimed[i]!, claimed[j]!);
      // Thresholds that all open the same way ("at least 5", "at least 4") are a ladder read top
      // down: first match is what the document means. Anything else that shares a value is a defect.
      const side = openSide(bands[i]!);
      if (isEmpty(shared) || (side !== null && side === openSide(bands[j]!))) continue;
      const [first, second] = [bands[i]!, bands[j]!];
      const params = {
        case: 'bands' as const,
        name: c.name,
        shared: formatInterval(shared, p),
        first: bandText(first),
        firstOutcome: outcomeText(first),
        second: bandText(second),
        secondOutcome: outcomeText(second),
        ...c.where,
      };
      drafts.push(draft('OVERLAP', params, `${c.path}/${j}`, { ...c.about, example: fromSteps(exampleStep(shared), p) }));
    }
  }
  return drafts;
}

/** Bands that win no value: earlier bands take them, or they lie outside the domain. */
function unreachable(c: BandsContext): Draft[] {
  return c.bands.flatMap((band, j) => {
    if (c.wins[j]!.length > 0) return [];
    const words = { band: bandText(band), outcome: outcomeText(band), ...c.where };
    const params = !isEmpty(c.claimed[j]!) ? { case: 'band-shadowed' as const, ...words } : { case: 'band-outside' as const, ...words, name: c.name };
    return [draft('UNREACHABLE', params, `${c.path}/${j}`, { ...c.about, example: null })];
  });
}

/** A better value of the input must never give a worse level or fewer points. */
function orderOfBands(c: BandsContext): Draft[] {
  const { bands, info } = c;
  const p = info.precision;
  const segments = c.wins.flatMap((parts, j) => parts.map((i) => ({ ...i, band: j }))).sort((a, b) => a.lo - b.lo);
  if (info.better === 'lower') segments.reverse();
  const drafts: Draft[] = [];
  for (let k = 1; k < segments.length; k++) {
    const worse = segments[k - 1]!;
    const better = segments[k]!;
    if (rankOf(bands[better.band]!) <= rankOf(bands[worse.band]!)) continue;
    const from = info.better === 'lower' ? worse.lo : worse.hi;
    const to = info.better === 'lower' ? better.hi : better.lo;
    const params = {
      case: 'bands' as const,
      id: info.label,
      to: formatSteps(to, p),
      from: formatSteps(from, p),
      better: outcomeText(bands[better.band]!),
      worse: outcomeText(bands[worse.band]!),
      ...c.where,
    };
    drafts.push(draft('ORDER', params, `${c.path}/${better.band}`, { ...c.about, example: fromSteps(to, p) }));
  }
  return drafts;
}

/** Another table of the document for one criterion, as `compareTables` reads it. */
export interface OtherTable {
  used: Band[];
  other: Band[];
  info: ValueInfo;
  domain: Interval;
  path: string;
  criterion: string;
  /** The criterion's label, for the sentences people read. */
  criterionLabel?: Text;
  lines: string | undefined;
}

function sameBand(a: Band | undefined, b: Band | undefined): boolean {
  return !!a && !!b && a.op === b.op && JSON.stringify(a.value) === JSON.stringify(b.value) && a.level === b.level && a.points === b.points;
}

/** Two tables of the document that state one criterion differently. */
export function compareTables(t: OtherTable): Draft[] {
  const { used, other, info, domain, criterion } = t;
  const criterionLabel = t.criterionLabel ?? { th: criterion, en: criterion };
  const p = info.precision;
  // The other table's own overlaps are the document's defects too; one at a band the tables
  // already disagree on is the same defect, so it is said inside that contradiction.
  const overlapsOfOther = analyzeBands({ bands: other, info, domain, path: `${t.path}/bands`, criterion, criterionLabel }).filter((d) => d.problem.code === 'OVERLAP');
  const drafts: Draft[] = [];
  const said = new Set<Draft>();
  const count = Math.max(used.length, other.length);
  for (let j = 0; j < count; j++) {
    const [a, b] = [used[j], other[j]];
    if (sameBand(a, b)) continue;
    const claimedA = a ? [intersect(bandInterval(a, p), domain)] : [];
    const claimedB = b ? [intersect(bandInterval(b, p), domain)] : [];
    const differ = [...subtract(claimedA, claimedB), ...subtract(claimedB, claimedA)];
    const example = differ[0] ? fromSteps(exampleStep(differ[0]), p) : null;
    const path = `${t.path}/bands/${Math.min(j, other.length - 1)}`;
    // Only the first contradiction at a band takes the overlaps there, as one defect.
    const within = drafts.some((d) => d.path === path) ? [] : overlapsOfOther.filter((d) => d.path === path);
    within.forEach((d) => said.add(d));
    const params = {
      ...(t.lines ? { lines: t.lines } : {}),
      number: j + 1,
      criterion: criterionLabel,
      other: b ? `${bandText(b)} → ${outcomeText(b)}` : '—',
      used: a ? `${bandText(a)} → ${outcomeText(a)}` : '—',
      ...(example !== null ? { differAt: { th: `"${info.label.th}" ${example.toFixed(p)}`, en: `"${info.label.en}" ${example.toFixed(p)}` } } : {}),
      ...(within.length > 0 ? { within: within.map((d) => d.problem.message) } : {}),
    };
    drafts.push(draft('CONTRADICTION', params, path, { fact: info.id, criterion, example }));
  }
  return [...drafts, ...overlapsOfOther.filter((d) => !said.has(d))];
}
