// A published rubric as the department writes its criteria in a letter: a table of levels A–D with
// the conditions of each, points tables, how the grade is made, and the exemptions, all in generated
// words (engine/wording.ts) in Thai and English, never ids. What the public criteria pages show. Browser-safe.
import { valueCatalog, type ValueInfo } from './catalog.js';
import { own } from './own.js';
import { thaiDigits } from './template-layout.js';
import { bandWording, conditionWording, leafWording } from './wording.js';
import { valueLabel } from './words.js';
import { LEVELS, SCORE_INPUT, type Band, type Condition, type Level, type Rubric, type Score, type Text } from './types.js';

/** One row of the levels table: its level (null for none) and, per column, the conditions that must all hold. */
export interface LevelRow {
  level: Level | null;
  cells: Text[][];
}

/** The levels table: what it shows, the headers of its columns after the level, and its rows, best first (a ladder in its own order). */
export interface LevelsTable {
  caption: Text;
  headers: Text[];
  rows: LevelRow[];
}

/** A criterion scored in points: each band's points and its threshold in words. */
export interface PointsTable {
  criterion: Text;
  value: Text;
  rows: { points: Text; words: Text }[];
}

/** An exemption: who it covers, in words, and the criteria it leaves out. */
export interface ExemptionWords {
  label: Text;
  when: Text;
  notApplicable: Text[];
}

/** Everything the criteria page says of a rubric's rule. */
export interface CriteriaDocument {
  /** How the grade is made, in sentences. */
  rule: Text[];
  /** Null when the rubric has no grade rule yet. */
  levels: LevelsTable | null;
  points: PointsTable[];
  exemptions: ExemptionWords[];
}

const NONE: Text = { th: '–', en: '–' };

/** Texts joined as alternatives: "ก หรือ ข" / "a or b". */
function either(texts: Text[]): Text {
  if (texts.length === 0) return NONE;
  return { th: texts.map((t) => t.th).join(' หรือ '), en: texts.map((t) => t.en).join(' or ') };
}

/** A number in the page's digits: Thai digits in Thai. */
function number(n: number): Text {
  return { th: thaiDigits(String(n)), en: String(n) };
}

/** The bands that give a level, in words, as one cell. */
function bandsOf(bands: Band[], level: Level, info: ValueInfo | undefined): Text[] {
  const words = bands.filter((b) => b.level === level).map((b) => bandWording(b, info));
  return words.length ? [either(words)] : [];
}

/** A condition as the items that must all hold: the parts of a top-level "all", else the whole. */
function itemsOf(condition: Condition, rubric: Rubric, catalog: Map<string, ValueInfo>): Text[] {
  let shown = condition;
  // A named condition is shown by its parts; the bound stops at a cycle (validation refuses one anyway).
  for (let hops = 0; 'condition' in shown && hops < 16; hops++) shown = own(rubric.conditions, shown.condition) ?? shown;
  if ('all' in shown && shown.all.length > 1) return shown.all.map((part) => conditionWording(part, rubric, catalog));
  return [conditionWording(condition, rubric, catalog)];
}

/** A value's label; the combined score by the rubric's own name for it. */
function labelOf(rubric: Rubric, id: string): Text {
  return id === SCORE_INPUT && rubric.score ? rubric.score.label : valueLabel(rubric, id);
}

/** The levels table of the grade rule. */
function levelsOf(rubric: Rubric, catalog: Map<string, ValueInfo>): LevelsTable | null {
  const grade = rubric.grade;
  if (!grade) return null;
  switch (grade.type) {
    case 'worst': {
      const criteria = rubric.criteria ?? [];
      return {
        // Not the conditions of the unit's level: one criterion at D makes the unit D.
        caption: { th: 'ระดับของแต่ละตัวชี้วัด (ระดับของหน่วยงานคือระดับที่ต่ำที่สุดของตัวชี้วัดทุกข้อ)', en: "Each criterion's level (the unit's level is the lowest of them)" },
        headers: criteria.map((c) => c.label),
        rows: LEVELS.map((level) => ({ level, cells: criteria.map((c) => bandsOf(c.bands, level, catalog.get(c.input))) })),
      };
    }
    case 'bands': {
      const info = catalog.get(grade.input);
      const label = labelOf(rubric, grade.input);
      return {
        caption: { th: `ระดับตามช่วงของ${label.th}`, en: `Levels by the bands of ${label.en}` },
        headers: [label],
        rows: LEVELS.filter((level) => grade.bands.some((b) => b.level === level)).map((level) => ({ level, cells: [bandsOf(grade.bands, level, info)] })),
      };
    }
    case 'ladder': {
      const rows: LevelRow[] = grade.rows.map((row) => ({ level: row.level, cells: [itemsOf(row.when, rubric, catalog)] }));
      if (grade.floor) rows.push({ level: grade.floor, cells: [[{ th: 'ไม่เข้าเงื่อนไขของแถวใดข้างต้น', en: 'none of the rows above holds' }]] });
      return {
        caption: { th: 'ระดับตามเงื่อนไข อ่านจากแถวบนลงล่าง ใช้แถวแรกที่เข้าเงื่อนไขครบทุกข้อ', en: 'Levels by conditions, read from the top: the first row whose conditions all hold' },
        headers: [{ th: 'เงื่อนไข (ต้องครบทุกข้อ)', en: 'Conditions (all must hold)' }],
        rows,
      };
    }
    case 'truthTable':
      return {
        caption: { th: 'ระดับตามผลของแต่ละข้อ (ต้องตรงทุกข้อในแถว)', en: 'Levels by the answer to each item (every item of a row must match)' },
        headers: grade.columns.map((id) => valueLabel(rubric, id)),
        rows: grade.rows.map((row) => ({
          level: row.level,
          cells: row.values.map((value, k) => {
            const id = grade.columns[k]!;
            const fact = own(rubric.facts, id);
            return [leafWording({ fact: id, operator: 'equal', value }, catalog.get(id), fact?.type === 'enum' ? fact.values : undefined)];
          }),
        })),
      };
  }
}

/** How the criteria's points make the score, in a sentence. */
function scoreWords(score: Score): Text {
  const made =
    score.method === 'mean'
      ? { th: 'คะแนนรวมคือค่าเฉลี่ยของคะแนนตัวชี้วัดที่ใช้กับหน่วยงาน', en: 'The score is the mean of the points of the criteria that apply' }
      : { th: 'คะแนนรวมคือผลรวมของคะแนนตัวชี้วัดที่ใช้กับหน่วยงาน', en: 'The score is the sum of the points of the criteria that apply' };
  const rescaled =
    score.method === 'sum' && score.whenNotApplicable === 'rescale'
      ? { th: ' เมื่อมีตัวชี้วัดที่ไม่ใช้ ปรับคะแนนเทียบกับคะแนนเต็มของทุกตัวชี้วัด', en: '; when a criterion does not apply, the sum is scaled up to the full marks of all criteria' }
      : { th: '', en: '' };
  const precision = score.precision ?? 2;
  return {
    th: `${made.th}${rescaled.th} ปัดเป็นทศนิยม ${thaiDigits(precision)} ตำแหน่ง`,
    en: `${made.en}${rescaled.en}, rounded to ${precision} decimal places.`,
  };
}

/** How the grade is made, in sentences. */
function ruleOf(rubric: Rubric): Text[] {
  const grade = rubric.grade;
  if (!grade) return [{ th: 'ยังไม่มีเกณฑ์การให้ระดับ', en: 'There is no grade rule yet.' }];
  const said: Text[] = [];
  if (rubric.score) said.push(scoreWords(rubric.score));
  switch (grade.type) {
    case 'worst':
      said.push({ th: 'ระดับของหน่วยงานคือระดับที่ต่ำที่สุดในบรรดาตัวชี้วัดทุกข้อ', en: "The unit's level is the lowest level among all its criteria." });
      break;
    case 'bands': {
      const label = grade.input === SCORE_INPUT ? { th: 'คะแนนรวม', en: 'the score' } : valueLabel(rubric, grade.input);
      said.push({ th: `ระดับของหน่วยงานเป็นไปตามช่วงของ${label.th}ในตารางข้างล่าง`, en: `The unit's level follows the bands of ${label.en} in the table below.` });
      break;
    }
    case 'ladder':
      said.push({
        th: `ตรวจเงื่อนไขทีละแถวจากระดับบนลงล่าง หน่วยงานได้ระดับของแถวแรกที่เข้าเงื่อนไขครบทุกข้อ${grade.floor ? ` หากไม่เข้าแถวใดได้ระดับ ${grade.floor}` : ' หากไม่เข้าแถวใดไม่ได้ระดับ'}`,
        en: `The rows are read from the top; the unit gets the level of the first row whose conditions all hold${grade.floor ? `, and ${grade.floor} when none does` : ', and no level when none does'}.`,
      });
      break;
    case 'truthTable':
      said.push({
        th: 'หน่วยงานได้ระดับของแถวที่ตรงกับผลทุกข้อ หากไม่ตรงกับแถวใดไม่ได้ระดับ',
        en: 'The unit gets the level of the row that matches every item; a unit that matches no row gets no level.',
      });
      break;
  }
  return said;
}

/** The criteria scored in points, each as a table. */
function pointsOf(rubric: Rubric, catalog: Map<string, ValueInfo>): PointsTable[] {
  return (rubric.criteria ?? [])
    .filter((c) => c.bands.some((b) => b.points !== undefined))
    .map((c) => ({
      criterion: c.label,
      value: labelOf(rubric, c.input),
      rows: c.bands.map((b) => {
        const points = number(b.points ?? 0);
        return { points: { th: `${points.th} คะแนน`, en: `${points.en} points` }, words: bandWording(b, catalog.get(c.input)) };
      }),
    }));
}

/** The criteria page's words for a rubric's rule. */
export function criteriaDocument(rubric: Rubric): CriteriaDocument {
  const catalog = valueCatalog(rubric);
  const criterion = (id: string): Text => rubric.criteria?.find((c) => c.id === id)?.label ?? { th: id, en: id };
  return {
    rule: ruleOf(rubric),
    levels: levelsOf(rubric, catalog),
    points: pointsOf(rubric, catalog),
    exemptions: (rubric.exemptions ?? []).map((e) => ({ label: e.label, when: conditionWording(e.when, rubric, catalog), notApplicable: e.notApplicable.map(criterion) })),
  };
}

/** The Bangkok calendar day (UTC+7, no daylight saving) of an instant, as YYYY-MM-DD, for a publication date. */
export function bangkokDay(instant: string): string {
  const time = Date.parse(instant);
  if (Number.isNaN(time)) return instant;
  return new Date(time + 7 * 3600_000).toISOString().slice(0, 10);
}
