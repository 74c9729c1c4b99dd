// The changes between two versions of a rubric, value by value, each stated in Thai and English (what a reviewer reads before publishing).
import { bandText } from './model.js';
import { pointerSegments, toPointer } from './positions.js';
import { formatEnglishDate, formatThaiDate, parseIsoDate } from './thai-date.js';
import type { Band, Rubric, Text } from './types.js';

/** One change between two versions of a rubric, in plain words. */
export interface Change {
  kind: 'added' | 'removed' | 'changed';
  /** JSON pointer in the newer version (or the older one, for a removal). */
  path: string;
  /** What changed: `criterion salesGrowth`, `exemption noSavingsTarget2567`, `reporting`. */
  subject: string;
  before: unknown;
  after: unknown;
  message: Text;
}

/** Arrays whose items are matched by a key rather than by position. */
const KEYED: Record<string, string> = { criteria: 'id', exemptions: 'id', rounds: 'round', examples: 'name' };

/** Fields whose change is bookkeeping, not criteria. */
const QUIET = new Set(['status', 'revision', 'period']);

/**
 * States what changed from one rubric version to another, criterion by criterion, in Thai and
 * English: thresholds (`level B of salesGrowth went from > 3 to > 3.5`), bands, rows, facts,
 * exemptions and their lists, reporting rounds. Matches criteria and exemptions by id, so a
 * reordering is not a change of every item.
 */
export function diffRubrics(from: Rubric, to: Rubric): Change[] {
  const changes: Change[] = [];
  walk(from, to, [], changes, from, to);
  return changes;
}

function walk(a: unknown, b: unknown, path: (string | number)[], out: Change[], from: Rubric, to: Rubric): void {
  if (JSON.stringify(a) === JSON.stringify(b)) return;
  const key = path[path.length - 1];
  // Notes are prose: one change, not one per sentence.
  if (path.length === 1 && key === 'notes') return void out.push(describe('changed', path, a, b, from, to));
  // A band, a condition leaf, a round or a list of values is one thing to people: say it whole.
  if (isBand(a) && isBand(b)) return void out.push(describe('changed', path, a, b, from, to));
  if (isLeaf(a) && isLeaf(b)) return void out.push(describe('changed', path, a, b, from, to));
  if (Array.isArray(a) && Array.isArray(b)) {
    const keyName = typeof key === 'string' ? KEYED[key] : undefined;
    if (keyName) {
      const byKey = (items: unknown[]) => new Map(items.map((item, i) => [String((item as Record<string, unknown>)[keyName]), i]));
      const before = byKey(a);
      const after = byKey(b);
      for (const [k, i] of before) {
        if (!after.has(k)) out.push(describe('removed', [...path, i], a[i], undefined, from, to));
      }
      for (const [k, j] of after) {
        const i = before.get(k);
        if (i === undefined) out.push(describe('added', [...path, j], undefined, b[j], from, to));
        else walk(a[i], b[j], [...path, j], out, from, to);
      }
      return;
    }
    if (a.every(isScalar) && b.every(isScalar)) return void out.push(describe('changed', path, a, b, from, to));
    const n = Math.max(a.length, b.length);
    for (let i = 0; i < n; i++) {
      if (i >= a.length) out.push(describe('added', [...path, i], undefined, b[i], from, to));
      else if (i >= b.length) out.push(describe('removed', [...path, i], a[i], undefined, from, to));
      else walk(a[i], b[i], [...path, i], out, from, to);
    }
    return;
  }
  if (isObject(a) && isObject(b)) {
    for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) {
      if (path.length === 0 && QUIET.has(k)) continue;
      if (!(k in b)) out.push(describe('removed', [...path, k], a[k], undefined, from, to));
      else if (!(k in a)) out.push(describe('added', [...path, k], undefined, b[k], from, to));
      else walk(a[k], b[k], [...path, k], out, from, to);
    }
    return;
  }
  out.push(describe('changed', path, a, b, from, to));
}

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}
function isScalar(v: unknown): boolean {
  return v === null || ['string', 'number', 'boolean'].includes(typeof v);
}
function isBand(v: unknown): v is Band {
  return isObject(v) && 'op' in v && 'value' in v;
}
function isLeaf(v: unknown): v is { fact: string; operator: string; value: unknown } {
  return isObject(v) && 'fact' in v && 'operator' in v;
}

const OPERATOR: Record<string, string> = {
  equal: '=',
  notEqual: '≠',
  lessThan: '<',
  lessThanInclusive: '<=',
  greaterThan: '>',
  greaterThanInclusive: '>=',
  in: 'in',
  notIn: 'not in',
};

/** A value as people read it in a change. */
function show(v: unknown): string {
  if (v === undefined) return '—';
  if (isBand(v)) return `${bandText(v)} → ${v.level ?? v.points}`;
  if (isLeaf(v)) return `${v.fact} ${OPERATOR[v.operator] ?? v.operator} ${Array.isArray(v.value) ? v.value.join(', ') : String(v.value)}`;
  if (isObject(v) && 'th' in v && 'en' in v) return `"${String(v.th)}"`;
  if (Array.isArray(v) && v.every(isScalar)) return `[${v.join(', ')}]`;
  if (isObject(v) && 'id' in v) return String(v.id);
  if (isObject(v) && 'name' in v && typeof v.name === 'string') return `"${v.name}"`;
  if (isObject(v) && 'round' in v) return `round ${String(v.round)} on ${String(v.due)}`;
  if (typeof v === 'string') return v;
  const text = JSON.stringify(v);
  return text.length > 80 ? text.slice(0, 77) + '...' : text;
}

/** A thing's name in a sentence: its label in quotes, or its id when it has no label. */
function nameOf(label: unknown, id: string): Text {
  const l = label as Partial<Text> | undefined;
  return typeof l?.th === 'string' && typeof l.en === 'string' ? { th: `"${l.th}"`, en: `"${l.en}"` } : { th: id, en: id };
}

/** A criterion, or one of its bands, in people's words. */
function criterionSubject(c: Record<string, unknown> | undefined, second: unknown, third: unknown, fourth: unknown, described?: Band): { th: string; en: string; id: string } {
  const id = String(c?.id ?? second);
  const name = nameOf(c?.label, id);
  if (third === 'bands' && typeof fourth === 'number') {
    // The band the change is about, when it is the whole band (added or removed); else the one at its place.
    const band = described ?? ((c?.bands as Band[] | undefined) ?? [])[fourth];
    if (band?.level) return { th: `ระดับ ${band.level} ของตัวชี้วัด ${name.th}`, en: `level ${band.level} of criterion ${name.en}`, id: `criterion ${id}` };
    const points = band?.points !== undefined ? `${band.points}` : `${fourth + 1}`;
    return { th: `ช่วง ${points} คะแนนของตัวชี้วัด ${name.th}`, en: `the ${points}-point band of criterion ${name.en}`, id: `criterion ${id}` };
  }
  return { th: `ตัวชี้วัด ${name.th}`, en: `criterion ${name.en}`, id: `criterion ${id}` };
}

/** The subject of a path in people's words, from whichever version has it. */
function subjectOf(kind: Change['kind'], path: (string | number)[], value: unknown, from: Rubric, to: Rubric): { th: string; en: string; id: string } {
  const [top, second, third, fourth] = path;
  const pick = (r: Rubric) => r as unknown as Record<string, unknown[]>;
  // A removed item's path is its place in the earlier version; anything else's, in the later one.
  const [first, other] = kind === 'removed' ? [from, to] : [to, from];
  const itemOf = (list: string): Record<string, unknown> | undefined =>
    (pick(first)[list]?.[second as number] ?? pick(other)[list]?.[second as number]) as Record<string, unknown> | undefined;
  switch (top) {
    case 'criteria':
      return criterionSubject(itemOf('criteria'), second, third, fourth, isBand(value) ? value : undefined);
    case 'exemptions': {
      const e = itemOf('exemptions');
      const id = String(e?.id ?? second);
      const name = nameOf(e?.label, id);
      return { th: `ข้อยกเว้น ${name.th}`, en: `exemption ${name.en}`, id: `exemption ${id}` };
    }
    case 'facts': {
      const name = nameOf((to.facts?.[second as string] ?? from.facts?.[second as string])?.label, String(second));
      return { th: `ข้อมูล ${name.th}`, en: `data item ${name.en}`, id: `fact ${String(second)}` };
    }
    case 'derived': {
      const name = nameOf((to.derived?.[second as string] ?? from.derived?.[second as string])?.label, String(second));
      return { th: `ค่าที่คำนวณ ${name.th}`, en: `derived value ${name.en}`, id: `derived ${String(second)}` };
    }
    case 'conditions':
      return { th: `เงื่อนไข ${String(second)}`, en: `condition ${String(second)}`, id: `condition ${String(second)}` };
    case 'grade': {
      if ((second === 'rows' || second === 'bands') && typeof third === 'number') {
        const grade = ((kind === 'removed' ? from.grade ?? to.grade : to.grade ?? from.grade) ?? {}) as { rows?: { level: string }[]; bands?: Band[] };
        const level = second === 'rows' ? grade.rows?.[third]?.level : grade.bands?.[third]?.level;
        return second === 'rows'
          ? { th: `แถว ${level ?? third + 1} ของเกณฑ์การให้ระดับ`, en: `row ${level ?? third + 1} of the grade`, id: 'grade' }
          : { th: `ระดับ ${level ?? third + 1} ของเกณฑ์การให้ระดับ`, en: `level ${level ?? third + 1} of the grade`, id: 'grade' };
      }
      return { th: 'เกณฑ์การให้ระดับ', en: 'the grade rule', id: 'grade' };
    }
    case 'score':
      return { th: 'การรวมคะแนน', en: 'the score', id: 'score' };
    case 'reporting': {
      if (second === 'rounds' && typeof third === 'number') {
        const rounds = (to.reporting.rounds[third] ?? from.reporting.rounds[third]) as { round: number } | undefined;
        return { th: `การรายงานรอบที่ ${rounds?.round ?? third + 1}`, en: `reporting round ${rounds?.round ?? third + 1}`, id: 'reporting' };
      }
      return { th: 'การรายงานผล', en: 'reporting', id: 'reporting' };
    }
    case 'notes':
      return { th: 'หมายเหตุ', en: 'the notes', id: 'notes' };
    case 'examples':
      return { th: 'กรณีตัวอย่าง', en: 'examples', id: 'examples' };
    default:
      return { th: String(top ?? 'เกณฑ์'), en: String(top ?? 'the rubric'), id: String(top ?? '') };
  }
}

function describe(kind: Change['kind'], path: (string | number)[], before: unknown, after: unknown, from: Rubric, to: Rubric): Change {
  const subject = subjectOf(kind, path, kind === 'removed' ? before : after, from, to);
  const segments = pointerSegments(toPointer(path));
  const skip = segments[0] === 'reporting' && segments[1] === 'rounds' ? 3 : 2;
  const field = segments.length > skip ? segments.slice(skip).join('.') : '';
  const what = field && !/^\d+$/.test(field) && !field.startsWith('bands.') ? ` (${field})` : '';
  let message: Text;
  if (kind === 'added') {
    message = { th: `เพิ่ม ${subject.th}${what}: ${show(after)}`, en: `added ${subject.en}${what}: ${show(after)}` };
  } else if (kind === 'removed') {
    message = { th: `ลบ ${subject.th}${what}: ${show(before)}`, en: `removed ${subject.en}${what}: ${show(before)}` };
  } else if (Array.isArray(before) && Array.isArray(after) && before.every(isScalar) && after.every(isScalar)) {
    const gone = before.filter((v) => !after.includes(v));
    const come = after.filter((v) => !before.includes(v));
    const parts = [come.length ? `added ${come.join(', ')}` : '', gone.length ? `removed ${gone.join(', ')}` : ''].filter(Boolean);
    const partsTh = [come.length ? `เพิ่ม ${come.join(', ')}` : '', gone.length ? `ลบ ${gone.join(', ')}` : ''].filter(Boolean);
    message = parts.length
      ? { th: `${subject.th}${what}: ${partsTh.join('; ')}`, en: `${subject.en}${what}: ${parts.join('; ')}` }
      : { th: `${subject.th}${what}: เปลี่ยนลำดับ`, en: `${subject.en}${what}: reordered` };
  } else if (isBand(before) && isBand(after) && before.level === after.level && before.points === after.points) {
    message = {
      th: `${subject.th} เปลี่ยนจาก ${bandText(before)} เป็น ${bandText(after)}`,
      en: `${subject.en} went from ${bandText(before)} to ${bandText(after)}`,
    };
  } else if (isLeaf(before) && isLeaf(after) && Array.isArray(before.value) && Array.isArray(after.value) && before.fact === after.fact) {
    const was = before.value as unknown[];
    const now = after.value as unknown[];
    const come = now.filter((v) => !was.includes(v));
    const gone = was.filter((v) => !now.includes(v));
    const facts = [to.facts?.[after.fact], from.facts?.[after.fact]];
    const provinces = facts.some((f) => f && 'catalog' in f && f.catalog === 'province');
    const list = provinces ? { th: 'จังหวัด', en: 'province' } : nameOf((facts[0] ?? facts[1])?.label, after.fact);
    message = {
      th: `${subject.th}: รายการ${list.th}${come.length ? ` เพิ่ม ${come.join(', ')}` : ''}${gone.length ? ` ลบ ${gone.join(', ')}` : ''}`,
      en: `${subject.en}: the ${list.en} list${come.length ? ` gains ${come.join(', ')}` : ''}${gone.length ? `${come.length ? ' and' : ''} loses ${gone.join(', ')}` : ''}`,
    };
  } else if (typeof before === 'string' && typeof after === 'string' && parseIsoDate(before) && parseIsoDate(after)) {
    // Dates: the Buddhist era in Thai, the Gregorian calendar in English.
    message = {
      th: `${subject.th}${what} เปลี่ยนจาก ${formatThaiDate(before)} เป็น ${formatThaiDate(after)}`,
      en: `${subject.en}${what} went from ${formatEnglishDate(before)} to ${formatEnglishDate(after)}`,
    };
  } else if (subject.id === 'notes') {
    message = { th: 'แก้ไขหมายเหตุ', en: 'the notes changed' };
  } else {
    message = {
      th: `${subject.th}${what} เปลี่ยนจาก ${show(before)} เป็น ${show(after)}`,
      en: `${subject.en}${what} went from ${show(before)} to ${show(after)}`,
    };
  }
  return { kind, path: toPointer(path), subject: subject.id, before: before ?? null, after: after ?? null, message };
}

