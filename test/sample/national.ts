// npm run sample: the national sample for testers, reproducible from a fixed seed. One row per
// district office (878, in the 76 provinces that have a provincial CDD office) for every mission
// with criteria, spread so that every reachable level occurs and some rows fall into the
// letter's holes (taken from the analysis), written as a CSV per mission and one workbook.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { lintRubric } from '../../engine/lint.js';
import { csvQuote } from '../../engine/tabular.js';
import { listRubricFiles, readRubricFile } from '../../engine/node/rubric-files.js';
import type { FactValue, Rubric } from '../../engine/types.js';
import { seededRandom, thresholdsOf } from '../../bench/rows.js';

/** Where the sample lives, from source (test/sample) or built (dist/test/sample). */
function fixtures(): string {
  let dir = import.meta.dirname;
  while (!existsSync(join(dir, 'package.json')) || !existsSync(join(dir, 'rubrics'))) {
    if (dirname(dir) === dir) throw new Error('cannot find the repository from ' + import.meta.dirname);
    dir = dirname(dir);
  }
  return join(dir, 'test/fixtures/national');
}

const PERIOD = '2567-Q3';

interface Area {
  province: string;
  district: string;
}

/** The 878 districts outside Bangkok, province by province. */
export function districts(): Area[] {
  const data = JSON.parse(readFileSync(join(fixtures(), 'areas.json'), 'utf8')) as { provinces: { province: string; districts: string[] }[] };
  return data.provinces.flatMap((p) => p.districts.map((district) => ({ province: p.province, district })));
}

/** One mission's rows: plausible values, many on and around thresholds, some in the letter's holes. */
export function sampleRows(rubric: Rubric, areas: Area[], seed: number, holes: Record<string, FactValue>[]): Record<string, FactValue>[] {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const thresholds = thresholdsOf(rubric);
  const ratios = Object.values(rubric.derived ?? {}).flatMap((d) => (d.type === 'ratio' ? [d] : []));
  return areas.map((area, index) => {
    const row: Record<string, FactValue> = { id: `${rubric.mission}-${String(index + 1).padStart(4, '0')}`, province: area.province, district: area.district };
    for (const [id, fact] of Object.entries(rubric.facts ?? {})) {
      if (id === 'province') continue;
      switch (fact.type) {
        case 'boolean':
          row[id] = random() < 0.75;
          break;
        case 'enum':
          row[id] = random() < 0.8 ? fact.values[0]!.value : pick(fact.values).value;
          break;
        case 'string':
          row[id] = area.province;
          break;
        case 'integer':
        case 'number': {
          const precision = fact.type === 'number' ? fact.precision : 0;
          const step = 10 ** -precision;
          const ts = thresholds.get(id) ?? [];
          const low = Math.max(fact.min ?? -Infinity, Math.min(...ts, 0) - 10);
          const high = Math.min(fact.max ?? Infinity, Math.max(...ts, 10) + 10);
          let value = random() < 0.45 && ts.length > 0 ? pick(ts) + pick([-step, 0, step, 2 * step, -2 * step]) : low + random() * (high - low);
          value = Math.min(high, Math.max(low, value));
          row[id] = Number(value.toFixed(precision));
        }
      }
    }
    for (const d of ratios) {
      const target = 20 + Math.floor(random() * 180);
      row[d.denominator] = target;
      row[d.numerator] = Math.round(target * (0.45 + random() * 0.65));
    }
    // Some rows fall where the letter leaves no level, as the analysis found.
    if (holes.length > 0 && random() < 0.03) Object.assign(row, pick(holes));
    return row;
  });
}

/** The sample for every mission with criteria, in mission order. */
export function nationalSample(): { rubric: Rubric; rows: Record<string, FactValue>[] }[] {
  const areas = districts();
  return [...listRubricFiles(PERIOD).values()]
    .map((path) => readRubricFile(path))
    .filter((s) => s.rubric?.grade)
    .map((s, i) => {
      const holes = lintRubric(s.loaded, s.rubric, s.diagnostics)
        .filter((f) => f.code === 'HOLE' && f.severity === 'error' && f.about.example !== null)
        .map(({ about }) => (typeof about.example === 'number' ? { [about.fact!]: about.example } : (about.example as Record<string, FactValue>)));
      return { rubric: s.rubric!, rows: sampleRows(s.rubric!, areas, 2567_0 + i, holes) };
    });
}

/** The sample as CSV text, one file per mission. */
export function sampleCsv(rubric: Rubric, rows: Record<string, FactValue>[]): string {
  const columns = ['id', 'province', 'district', ...Object.keys(rubric.facts ?? {}).filter((f) => f !== 'province')];
  const cell = (v: FactValue | undefined) => (v === undefined || v === null ? '' : csvQuote(String(v)));
  return [columns.join(','), ...rows.map((r) => columns.map((c) => cell(r[c])).join(','))].join('\n') + '\n';
}

if (process.argv[1]?.endsWith('national.js')) {
  const ExcelJS = (await import('exceljs')).default;
  const workbook = new ExcelJS.Workbook();
  workbook.created = new Date('2024-04-26T00:00:00Z');
  workbook.modified = workbook.created;
  for (const { rubric, rows } of nationalSample()) {
    const csv = sampleCsv(rubric, rows);
    writeFileSync(join(fixtures(), `national-${PERIOD}-${rubric.mission}.csv`), csv);
    const sheet = workbook.addWorksheet(rubric.mission);
    const columns = csv.split('\n')[0]!.split(',');
    sheet.addRow(columns);
    for (const r of rows) sheet.addRow(columns.map((c) => r[c] ?? null));
  }
  await workbook.xlsx.writeFile(join(fixtures(), `national-${PERIOD}.xlsx`));
  console.log(`wrote the national sample: ${districts().length} districts × ${workbook.worksheets.length} missions to ${fixtures()}`);
}
