// Seeded, reproducible rows for benchmarks: plausible values spread across every rubric's thresholds.
import { seededRandom, thresholdsOf } from '../engine/sample-rows.js';
import type { Rubric } from '../engine/types.js';

export { seededRandom, thresholdsOf };

const PROVINCES = ['ลำปาง', 'เชียงใหม่', 'ขอนแก่น', 'นนทบุรี', 'ภูเก็ต', 'สงขลา', 'อ่างทอง', 'หนองคาย', 'สุโขทัย', 'สมุทรปราการ', 'นครราชสีมา'];

/** Generates `count` rows for a rubric; about one row in a hundred lacks a fact. */
export function generateRows(rubric: Rubric, count: number, seed: number): Record<string, unknown>[] {
  const random = seededRandom(seed);
  const thresholds = thresholdsOf(rubric);
  const ratioOf = new Map(
    Object.entries(rubric.derived ?? {}).flatMap(([id, d]) => (d.type === 'ratio' ? [[d.numerator, { id, d }] as const] : [])),
  );
  const denominators = new Set(Object.values(rubric.derived ?? {}).flatMap((d) => (d.type === 'ratio' ? [d.denominator] : [])));
  const rows: Record<string, unknown>[] = [];
  for (let i = 0; i < count; i++) {
    const row: Record<string, unknown> = { id: `u${i + 1}` };
    for (const [id, fact] of Object.entries(rubric.facts ?? {})) {
      if (denominators.has(id)) continue;
      switch (fact.type) {
        case 'boolean':
          row[id] = random() < 0.8;
          break;
        case 'enum':
          row[id] = fact.values[random() < 0.85 ? 0 : Math.floor(random() * fact.values.length)]!.value;
          break;
        case 'string':
          row[id] = PROVINCES[Math.floor(random() * PROVINCES.length)];
          break;
        case 'integer': {
          const ratio = ratioOf.get(id);
          if (ratio) {
            const target = 20 + Math.floor(random() * 200);
            row[ratio.d.denominator] = target;
            row[id] = Math.round(target * (0.4 + random() * 0.75));
            break;
          }
          const top = Math.max(2, ...(thresholds.get(id) ?? [5]));
          row[id] = Math.floor(random() * (top + 3));
          break;
        }
        case 'number': {
          const ts = thresholds.get(id) ?? [50];
          const low = Math.max(fact.min ?? -Infinity, Math.min(...ts) - 8);
          const high = Math.min(fact.max ?? Infinity, Math.max(...ts) + 8);
          const scale = 10 ** fact.precision;
          row[id] = Math.round((low + random() * (high - low)) * scale) / scale;
          break;
        }
      }
    }
    if (random() < 0.01) {
      const keys = Object.keys(rubric.facts ?? {});
      delete row[keys[Math.floor(random() * keys.length)]!];
    }
    rows.push(row);
  }
  return rows;
}
