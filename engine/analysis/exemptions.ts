// Exemptions whose condition no values can make hold: they would never apply, which is never what the letter meant.
import type { Model } from '../model.js';
import { draft, forEachPick, MAX_COMBINATIONS, type Draft } from './finding.js';
import { compileAll, slotsFor, spaceSize, trySpace } from './representatives.js';

/**
 * Exemptions whose condition no values can make hold (a count of three facts "at least 5", a
 * ratio below its own floor): each is unreachable.
 */
export function analyzeExemptions(model: Model): Draft[] {
  return (model.rubric.exemptions ?? []).flatMap((exemption, e): Draft[] => {
    const space = trySpace(model, [exemption.when]);
    const combos = spaceSize(space);
    if (combos === 0 || combos > MAX_COMBINATIONS) return [];
    const [holds] = compileAll(model, [exemption.when]);
    const slots = slotsFor(model, space, NaN);
    let applies = false;
    forEachPick(
      space.reps.map((r) => r.length),
      (pick) => {
        pick.forEach((choice, k) => slots.set(k, space.reps[k]![choice]!));
        applies = holds!(slots.vals, slots.nums);
        return applies;
      },
    );
    if (applies) return [];
    const names = space.ids.map((id) => model.catalog.get(id)!.label);
    const params = { case: 'exemption' as const, label: exemption.label, names: { th: names.map((l) => l.th).join(', '), en: names.map((l) => l.en).join(', ') } };
    return [draft('UNREACHABLE', params, `/exemptions/${e}/when`, { example: null })];
  });
}
