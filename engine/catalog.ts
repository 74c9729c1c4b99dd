// What a rubric can compare, by id: each fact, derived value and the combined score with its type, precision, unit and words.
import { SCORE_INPUT, type Better, type FactCatalogue, type Rubric, type Text, type Unit } from './types.js';

/** The kind of a value a rubric can compare: a fact, a derived value, or the combined score. */
export interface ValueInfo {
  id: string;
  origin: 'fact' | 'derived' | 'score';
  type: 'boolean' | 'integer' | 'number' | 'enum' | 'string';
  /** Decimal places values are rounded to before comparison (0 for integers). */
  precision: number;
  label: Text;
  /** The unit's words (percent as ร้อยละ / percent). */
  unit?: Text;
  /** True for a percentage: what the file reader scales Excel percent cells for. */
  percent?: boolean;
  better?: Better;
  enumValues?: string[];
  min?: number;
  max?: number;
  /** The reference data a text value is read against. */
  catalog?: FactCatalogue;
}

/** Every value a rubric's criteria, conditions and grade can name, by id. */
export function valueCatalog(rubric: Rubric): Map<string, ValueInfo> {
  const catalog = new Map<string, ValueInfo>();
  for (const [id, fact] of Object.entries(rubric.facts ?? {})) {
    const info: ValueInfo = { id, origin: 'fact', type: fact.type, precision: 0, label: fact.label };
    if (fact.type === 'number' || fact.type === 'integer') {
      if (fact.type === 'number') info.precision = fact.precision;
      if (fact.unit) Object.assign(info, unitInfo(fact.unit));
      if (fact.better) info.better = fact.better;
      if (fact.min !== undefined) info.min = fact.min;
      if (fact.max !== undefined) info.max = fact.max;
    }
    if (fact.type === 'enum') info.enumValues = fact.values.map((v) => v.value);
    if (fact.type === 'string' && fact.catalog) info.catalog = fact.catalog;
    catalog.set(id, info);
  }
  for (const [id, derived] of Object.entries(rubric.derived ?? {})) {
    if (catalog.has(id)) continue;
    const info: ValueInfo =
      derived.type === 'ratio'
        ? { id, origin: 'derived', type: 'number', precision: derived.precision, label: derived.label }
        : { id, origin: 'derived', type: 'integer', precision: 0, label: derived.label, min: 0, max: derived.facts.length };
    if (derived.unit) Object.assign(info, unitInfo(derived.unit));
    if (derived.better) info.better = derived.better;
    catalog.set(id, info);
  }
  if (rubric.score) {
    catalog.set(SCORE_INPUT, {
      id: SCORE_INPUT,
      origin: 'score',
      type: 'number',
      precision: rubric.score.precision ?? 2,
      label: rubric.score.label,
      better: 'higher',
    });
  }
  return catalog;
}

/** True for values compared as numbers. */
export function isNumeric(info: ValueInfo | undefined): boolean {
  return info?.type === 'number' || info?.type === 'integer';
}

/** The words of the percent unit. */
export const PERCENT_UNIT: Text = { th: 'ร้อยละ', en: 'percent' };

/** A unit's words, and whether it is a percentage. */
function unitInfo(unit: Unit): { unit: Text; percent?: true } {
  return unit === 'percent' ? { unit: PERCENT_UNIT, percent: true } : { unit };
}
