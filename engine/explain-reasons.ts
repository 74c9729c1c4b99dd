// The reason people read for a verdict, in Thai and English: why this level, or why none, and
// which exemptions applied; and how a value is shown at its precision.
import type { CriterionTrace, GradeTrace, LeafTrace, TraceEntry } from './explain.js';
import { bandModel, type BandModel, type Model } from './model.js';
import { formatFixed } from './round.js';
import { SCORE_INPUT, type FactValue, type Text } from './types.js';
import { NO_BAND, type Verdict } from './verdict.js';

/** Formats a value at its precision: 2.00 for a percent, 4 for a count. */
export function formatValue(model: Model, id: string, value: FactValue | undefined): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'number') {
    const info = model.catalog.get(id);
    return info && info.type === 'number' ? formatFixed(value, info.precision) : String(value);
  }
  return String(value);
}

/**
 * A value as a reason names it: its label (the score as คะแนนรวม when it has none), never its id,
 * which stays in the trace for tools.
 */
export function valueName(model: Model, id: string): Text {
  const label = model.catalog.get(id)?.label;
  if (label) return label;
  return id === SCORE_INPUT ? { th: 'คะแนนรวม', en: 'the score' } : { th: id, en: id };
}

/** A criterion by its label, in quotes (a long label reads as one name). */
export function criterionName(model: Model, id: string): Text {
  const c = model.criteria.find((x) => x.id === id);
  return c ? { th: `"${c.label.th}"`, en: `"${c.label.en}"` } : { th: id, en: id };
}

function bandsList(bands: readonly BandModel[]): string {
  return bands.map((b) => `${b.text} → ${b.level ?? b.points}`).join(', ');
}

/** Why a verdict has no level: the criterion or value no band or row takes. */
export function unmatchedReason(model: Model, verdict: Verdict, values: FactValue[], trace: TraceEntry[]): Text {
  const missed = model.criteria.findIndex((_, i) => verdict.bands[i] === NO_BAND);
  if (missed >= 0) {
    const c = model.criteria[missed]!;
    const value = formatValue(model, c.input, values[c.inputSlot]);
    const name = valueName(model, c.input);
    return {
      th: `ไม่ตรงกับระดับใด: ${name.th} ${value} ไม่อยู่ในช่วงใดของตัวชี้วัด "${c.label.th}" (${bandsList(c.bands)})`,
      en: `no level matched: ${name.en} ${value} matches no level of criterion "${c.label.en}" (${bandsList(c.bands)})`,
    };
  }
  const grade = model.rubric.grade;
  if (grade?.type === 'bands') {
    const label = valueName(model, grade.input);
    const value = formatValue(model, grade.input, verdict.score);
    const bands = bandsList(grade.bands.map(bandModel));
    return {
      th: `ไม่ตรงกับระดับใด: ${label.th} ${value} ไม่อยู่ในช่วงใด (${bands})`,
      en: `no level matched: ${label.en} ${value} matches no level (${bands})`,
    };
  }
  if (grade?.type === 'truthTable' || grade?.type === 'ladder') {
    const ids = grade.type === 'truthTable' ? grade.columns : [...new Set(usedLeaves(trace).map((l) => l.fact))];
    const shown = (l: keyof Text) => ids.map((id) => `${valueName(model, id)[l]} = ${formatValue(model, id, values[model.slotOf.get(id)!])}`).join(', ');
    return {
      th: `ไม่ตรงกับระดับใด: ไม่มีแถวใดในตารางที่ตรงกับ ${shown('th')}`,
      en: `no level matched: no row of the table matches ${shown('en')}`,
    };
  }
  if (!grade) {
    return { th: 'ภารกิจนี้ยังไม่มีเกณฑ์ในไตรมาสนี้', en: 'this mission has no criteria for this period' };
  }
  return { th: 'ไม่มีตัวชี้วัดที่ต้องประเมิน', en: 'no criterion applies' };
}

function usedLeaves(trace: TraceEntry[]): LeafTrace[] {
  const grade = trace.find((t): t is GradeTrace => t.kind === 'grade');
  return grade?.rows?.flatMap((r) => r.leaves) ?? [];
}

/** Why a verdict has its level, by the grade rule. */
export function gradedReason(model: Model, verdict: Verdict, values: FactValue[], trace: TraceEntry[]): Text {
  const grade = model.rubric.grade!;
  const level = verdict.grade!;
  const applicable = trace.filter((t): t is CriterionTrace => t.kind === 'criterion' && t.applicable);
  const part = (t: CriterionTrace, l: keyof Text, gap: string): string =>
    `${valueName(model, t.input)[l]} ${formatValue(model, t.input, t.value)} (${t.threshold === null ? gap : `${t.threshold} → ${t.level ?? t.points}`})`;
  const parts = applicable.map((t) => part(t, 'th', 'ช่องว่างของเกณฑ์'));
  const partsEn = applicable.map((t) => part(t, 'en', 'in a gap'));
  switch (grade.type) {
    case 'worst':
      return {
        th: `ระดับ ${level} ซึ่งต่ำสุดของ: ${parts.join('; ')}`,
        en: `${level}, the worst of: ${partsEn.join('; ')}`,
      };
    case 'bands': {
      const band = bandModel(grade.bands[verdict.row]!);
      const value = formatValue(model, grade.input, verdict.score);
      const label = model.catalog.get(grade.input)!.label;
      const detail = parts.length > 0 ? ` จาก ${parts.join('; ')}` : '';
      const detailEn = partsEn.length > 0 ? ` from ${partsEn.join('; ')}` : '';
      return {
        th: `ระดับ ${level}: ${label.th} ${value} (${band.text})${detail}`,
        en: `${level}: ${label.en} ${value} (${band.text})${detailEn}`,
      };
    }
    case 'ladder': {
      if (verdict.row < 0) {
        return {
          th: `ระดับ ${level}: ไม่ผ่านเงื่อนไขของแถวใด จึงได้ระดับพื้น ${level}`,
          en: `${level}: no row holds, so the floor ${level} applies`,
        };
      }
      const rows = (trace.find((t): t is GradeTrace => t.kind === 'grade')?.rows ?? [])[verdict.row];
      const held = (l: keyof Text) => (rows?.leaves ?? []).filter((f) => f.holds).map((f) => `${valueName(model, f.fact)[l]} ${formatValue(model, f.fact, f.actual)}`).join(', ');
      return {
        th: `ระดับ ${level}: ผ่านเงื่อนไขแถว ${level} (${held('th')})`,
        en: `${level}: the conditions of row ${level} hold (${held('en')})`,
      };
    }
    case 'truthTable': {
      const shown = (l: keyof Text) => grade.columns.map((id) => `${valueName(model, id)[l]} = ${formatValue(model, id, values[model.slotOf.get(id)!])}`).join(', ');
      return { th: `ระดับ ${level}: ตรงกับแถว ${level} ของตาราง (${shown('th')})`, en: `${level}: matches row ${level} of the table (${shown('en')})` };
    }
  }
}

/** The exemptions that applied, as a clause to add to the reason ('' when none). */
export function exemptionText(model: Model, verdict: Verdict): Text {
  if (verdict.exemptions.length === 0) return { th: '', en: '' };
  const exemptions = model.rubric.exemptions ?? [];
  const names = verdict.exemptions.map((i) => exemptions[i]!);
  const rescaled = model.rubric.score?.whenNotApplicable === 'rescale';
  return {
    th: `; ได้รับยกเว้น: ${names.map((e) => `${e.label.th} (ไม่ประเมิน ${e.notApplicable.map((id) => criterionName(model, id).th).join(', ')})`).join('; ')}${rescaled ? ' ปรับคะแนนรวมเป็นเต็ม' : ''}`,
    en: `; exempt: ${names.map((e) => `${e.label.en} (${e.notApplicable.map((id) => criterionName(model, id).en).join(', ')} not applicable)`).join('; ')}${rescaled ? ', total rescaled to the full maximum' : ''}`,
  };
}
