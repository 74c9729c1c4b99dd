// Matching a value to a list of bands, and the gaps no band claims: where each lies, which bands
// border it, and which bands a value in it could have been given had the gap been closed.
import { bandInterval, intersect, subtract, stepsPerUnit, type Interval } from './grid.js';
import { bandModel, inBand, type BandModel } from './model.js';
import type { Band } from './types.js';
import { NO_BAND } from './verdict.js';

/** The index of the first band that holds the value, or NO_BAND. */
export function matchBand(bands: readonly BandModel[], value: number): number {
  for (let i = 0; i < bands.length; i++) if (inBand(bands[i]!, value)) return i;
  return NO_BAND;
}

/**
 * A run of values no band claims, in steps at the value's precision, with the bands that claim
 * the value just below and just above it (null at the edge of what the value can be).
 */
export interface Gap extends Interval {
  below: number | null;
  above: number | null;
}

/** The gaps between a list of bands over a value of that precision and domain. */
export function bandGaps(bands: readonly Band[], precision: number, domain: Interval): Gap[] {
  const ready = bands.map(bandModel);
  const scale = stepsPerUnit(precision);
  const claimed = bands.map((b) => intersect(bandInterval(b, precision), domain));
  const at = (step: number): number | null =>
    step >= domain.lo && step <= domain.hi ? nullIfNone(matchBand(ready, step / scale)) : null;
  return subtract([domain], claimed).map((gap) => ({
    ...gap,
    below: Number.isFinite(gap.lo) ? at(gap.lo - 1) : null,
    above: Number.isFinite(gap.hi) ? at(gap.hi + 1) : null,
  }));
}

function nullIfNone(band: number): number | null {
  return band === NO_BAND ? null : band;
}

/**
 * The bands a value in a gap could have been given had the gap been closed: the band on each
 * side. Null when the value lies at an edge with a band on one side only, where nothing says
 * what it would get.
 */
export function closingsOf(gaps: readonly Gap[], value: number, precision: number): number[] | null {
  const step = Math.round(value * stepsPerUnit(precision));
  const gap = gaps.find((g) => step >= g.lo && step <= g.hi);
  if (!gap || gap.below === null || gap.above === null) return null;
  return gap.below === gap.above ? [gap.below] : [gap.below, gap.above];
}
