// Checks a table of bands: each gives what its table needs (a level or points), its range is a
// real range, and the table does not mix levels with points.
import { describeValue } from '../describe-value.js';
import type { Band } from '../types.js';
import { found, type Found } from './found.js';

/** BAND_TARGET when a band gives the wrong thing (or both, or neither). */
function bandTarget(band: Band, at: string, target: 'level' | 'points'): Found | undefined {
  const hasLevel = band.level !== undefined;
  const hasPoints = band.points !== undefined;
  const wanted = target === 'level' ? hasLevel && !hasPoints : hasPoints && !hasLevel;
  if (wanted) return undefined;
  return found('BAND_TARGET', { kind: target }, at, {
    expected: target,
    received: [hasLevel ? 'level' : '', hasPoints ? 'points' : ''].filter(Boolean).join(' and ') || 'neither',
  });
}

/** BAND_RANGE when `between` has no [low, high] with low <= high, or another comparison has a list. */
function bandRange(band: Band, at: string): Found | undefined {
  if (band.op === 'between') {
    if (Array.isArray(band.value) && band.value[0] <= band.value[1]) return undefined;
    return found('BAND_RANGE', { kind: 'between', value: band.value }, `${at}/value`, { expected: '[low, high]', received: describeValue(band.value) });
  }
  if (!Array.isArray(band.value)) return undefined;
  return found('BAND_RANGE', { kind: 'single', op: band.op, value: band.value }, `${at}/value`, { expected: 'a number', received: describeValue(band.value) });
}

/** Every problem of one table of bands at `path`, whose bands must give `target`. */
export function checkBands(bands: Band[], path: string, target: 'level' | 'points'): Found[] {
  const problems: Found[] = [];
  bands.forEach((band, i) => {
    const at = `${path}/${i}`;
    const wrongTarget = bandTarget(band, at, target);
    if (wrongTarget) problems.push(wrongTarget);
    const wrongRange = bandRange(band, at);
    if (wrongRange) problems.push(wrongRange);
  });
  const mixed = bands.some((b) => b.level !== undefined) && bands.some((b) => b.points !== undefined);
  if (mixed) problems.push(found('BAND_MIXED', {}, path, { expected: 'all levels or all points' }));
  return problems;
}
