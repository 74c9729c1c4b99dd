// The codes of problems found in the analysis of a valid rubric (holes, overlaps, contradictions), with their Thai and English templates.
import type { Text } from '../types.js';
import { codes } from './entry.js';

/** Whose bands they are: a criterion's (its label), or (without one) the grade's. */
type Owner = { criterion?: Text };

function ownerText(p: Owner): Text {
  return p.criterion !== undefined ? { th: `ตัวชี้วัด "${p.criterion.th}"`, en: `criterion "${p.criterion.en}"` } : { th: 'เกณฑ์การให้ระดับ', en: 'the grade bands' };
}

/** A value's label as a sentence names it: in quotes, so a long label reads as one name. */
function named(label: Text, l: keyof Text): string {
  return `"${label[l]}"`;
}

/** Why a gap between bands cannot change a grade. */
export type HarmlessReason =
  | { case: 'same-level'; level: string }
  | { case: 'same-outcome'; outcome: string }
  | { case: 'any-closing'; outcomes: string[] }
  | { case: 'not-read'; rule: 'ladder' | 'truthTable' | 'bands' };

function reasonText(r: HarmlessReason): Text {
  switch (r.case) {
    case 'same-level':
      return { th: `ช่วงทั้งสองข้างให้ระดับ ${r.level} เหมือนกัน`, en: `the bands on both sides give ${r.level}` };
    case 'same-outcome':
      return { th: `ช่วงทั้งสองข้างให้ ${r.outcome} เหมือนกัน`, en: `the bands on both sides give ${r.outcome}` };
    case 'any-closing':
      return {
        th: `ไม่ว่าจะนับเป็น ${r.outcomes.join(' หรือ ')} ทุกกรณีที่ตัวชี้วัดอื่นเป็นไปได้ก็ได้ระดับเดียวกัน`,
        en: `whether it counts as ${r.outcomes.join(' or ')}, every case the other criteria allow gets the same level`,
      };
    case 'not-read': {
      const rule =
        r.rule === 'ladder' ? { th: 'ขั้นบันได', en: 'ladder rows' } : r.rule === 'truthTable' ? { th: 'ตารางเงื่อนไข', en: 'truth table' } : { th: 'ช่วงของเกณฑ์การให้ระดับ', en: 'grade bands' };
      return { th: `ระดับมาจาก${rule.th} ซึ่งไม่ได้ใช้ช่วงของตัวชี้วัดนี้`, en: `the grade comes from the ${rule.en}, which do not read this criterion's bands` };
    }
  }
}

/** A combination that shows a gap changing the grade: its facts, and each closing with the level it gives ("B → B, C → D"). */
export type GapShown = { example: Text; closings: string };

/** A row of a ladder or truth table that never applies, for two codes that say it alike. */
type RowNeverApplies = { case: 'row-shadowed' | 'row-contradictory'; level: string; number: number };

function rowNeverApplies(p: RowNeverApplies, language: keyof Text): string {
  const why =
    p.case === 'row-shadowed'
      ? { th: 'แถวก่อนหน้าตรงกับทุกกรณีของมัน', en: 'earlier rows match every case it matches' }
      : { th: 'เงื่อนไขของแถวขัดกันเอง ไม่มีข้อมูลใดทำให้เป็นจริง', en: 'its conditions contradict each other, no facts make it hold' };
  return language === 'th' ? `แถว ${p.level} (ลำดับที่ ${p.number}) ไม่มีวันถูกใช้: ${why.th}` : `row ${p.level} (number ${p.number}) never applies: ${why.en}`;
}

type HoleParams =
  | ({ case: 'band'; name: Text; range: string; listed: string; why?: GapShown } & Owner)
  | ({ case: 'band-harmless'; name: Text; range: string; listed: string; reason: HarmlessReason } & Owner)
  | { case: 'score'; score: string; example: Text }
  | { case: 'score-harmless'; score: string; example: Text; level: string }
  | { case: 'score-unreached'; range: string }
  | { case: 'row'; shown: Text }
  | { case: 'rows-more'; count: number };

function holeText(p: HoleParams, l: keyof Text): string {
  const th = l === 'th';
  switch (p.case) {
    case 'band': {
      const why = p.why ? `${p.why.example[l]}: ${p.why.closings}` : '';
      return th
        ? `${named(p.name, l)} ${p.range} ไม่ตรงกับช่วงใดของ${ownerText(p).th} (${p.listed})${p.why ? `; ช่องว่างนี้เปลี่ยนระดับได้ เช่น ${why}` : ''}`
        : `${named(p.name, l)} ${p.range} matches no band of ${ownerText(p).en} (${p.listed})${p.why ? `; this gap can change the grade, e.g. ${why}` : ''}`;
    }
    case 'band-harmless':
      return th
        ? `${named(p.name, l)} ${p.range} ไม่ตรงกับช่วงใดของ${ownerText(p).th} (${p.listed}) แต่ช่องว่างนี้ไม่มีทางเปลี่ยนระดับ: ${reasonText(p.reason).th}`
        : `${named(p.name, l)} ${p.range} matches no band of ${ownerText(p).en} (${p.listed}), but this gap can never change the grade: ${reasonText(p.reason).en}`;
    case 'score':
      return th
        ? `คะแนนรวม ${p.score} เกิดขึ้นได้ (เช่น ${p.example.th}) แต่ไม่ตรงกับช่วงใดของเกณฑ์การให้ระดับ`
        : `a score of ${p.score} can occur (e.g. ${p.example.en}) but matches no grade band`;
    case 'score-harmless':
      return th
        ? `คะแนนรวม ${p.score} เกิดขึ้นได้ (เช่น ${p.example.th}) และไม่ตรงกับช่วงใด แต่ช่องว่างนี้ไม่มีทางเปลี่ยนระดับ: ช่วงทั้งสองข้างให้ระดับ ${p.level} เหมือนกัน`
        : `a score of ${p.score} can occur (e.g. ${p.example.en}) and matches no grade band, but this gap can never change the grade: the bands on both sides give ${p.level}`;
    case 'score-unreached':
      return th
        ? `ช่วง ${p.range} ไม่อยู่ในช่วงใดของเกณฑ์ แต่ไม่เป็นปัญหา เพราะไม่มีการรวมคะแนนใดได้ค่าในช่วงนี้`
        : `${p.range} is in no band, but that does not matter: no combination of points gives such a score`;
    case 'row':
      return th ? `ไม่มีแถวใดตรงกับ ${p.shown.th} จึงไม่ได้ระดับใด` : `no row matches ${p.shown.en}, so it gets no level`;
    case 'rows-more':
      return th ? `และอีก ${p.count} กรณีที่ไม่ตรงกับแถวใด` : `and ${p.count} more combinations that match no row`;
  }
}

type OverlapParams =
  | ({ case: 'bands'; name: Text; shared: string; first: string; firstOutcome: string; second: string; secondOutcome: string } & Owner)
  | RowNeverApplies;

function overlapText(p: OverlapParams, l: keyof Text): string {
  if (p.case !== 'bands') return rowNeverApplies(p, l);
  return l === 'th'
    ? `${named(p.name, l)} ${p.shared} อยู่ทั้งในช่วง ${p.first} (${p.firstOutcome}) และ ${p.second} (${p.secondOutcome}) ของ${ownerText(p).th}; ใช้ช่วงแรก`
    : `${named(p.name, l)} ${p.shared} is claimed by both ${p.first} (${p.firstOutcome}) and ${p.second} (${p.secondOutcome}) of ${ownerText(p).en}; the first wins`;
}

type UnreachableParams =
  | ({ case: 'band-shadowed'; band: string; outcome: string } & Owner)
  | ({ case: 'band-outside'; band: string; outcome: string; name: Text } & Owner)
  | { case: 'level'; band: string; outcome: string }
  | { case: 'exemption'; label: Text; names: Text }
  | { case: 'too-many'; combos: number; max: number }
  | RowNeverApplies;

function unreachableText(p: UnreachableParams, l: keyof Text): string {
  const th = l === 'th';
  switch (p.case) {
    case 'band-shadowed':
      return th
        ? `ช่วง ${p.band} (${p.outcome}) ของ${ownerText(p).th} ไม่มีวันถูกใช้: ช่วงก่อนหน้าครอบคลุมทุกค่าของมัน`
        : `band ${p.band} (${p.outcome}) of ${ownerText(p).en} never applies: earlier bands take all its values`;
    case 'band-outside':
      return th
        ? `ช่วง ${p.band} (${p.outcome}) ของ${ownerText(p).th} อยู่นอกค่าที่ ${named(p.name, l)} เป็นได้`
        : `band ${p.band} (${p.outcome}) of ${ownerText(p).en} lies outside the values ${named(p.name, l)} can take`;
    case 'level':
      return th
        ? `ระดับ ${p.outcome} (${p.band}) ไม่มีวันได้: ไม่มีการรวมคะแนนใดตกในช่วงนี้ก่อนช่วงอื่น`
        : `level ${p.outcome} (${p.band}) is never given: no combination of points falls in it first`;
    case 'exemption':
      return th
        ? `ข้อยกเว้น "${p.label.th}" ไม่มีวันใช้: ไม่มีค่าใดของ ${p.names.th} ที่ทำให้เงื่อนไขเป็นจริง`
        : `exemption "${p.label.en}" never applies: no value of ${p.names.en} makes its condition hold`;
    case 'too-many':
      return th
        ? `มี ${p.combos} กรณีเกินกว่าจะตรวจทั้งหมด (สูงสุด ${p.max})`
        : `${p.combos} combinations are too many to check exhaustively (at most ${p.max})`;
    default:
      return rowNeverApplies(p, l);
  }
}

type OrderParams = { id: Text; to: string; from: string; better: string; worse: string } & (({ case: 'bands' } & Owner) | { case: 'rows' });

function orderText(p: OrderParams, l: keyof Text): string {
  if (p.case === 'bands') {
    return l === 'th'
      ? `${named(p.id, l)} ที่ดีกว่า (${p.to} แทน ${p.from}) ได้ผลแย่กว่า (${p.better} แทน ${p.worse}) ใน${ownerText(p).th}`
      : `a better ${named(p.id, l)} (${p.to} rather than ${p.from}) gets a worse result (${p.better} rather than ${p.worse}) in ${ownerText(p).en}`;
  }
  return l === 'th'
    ? `${named(p.id, l)} ที่ดีกว่า (${p.to} แทน ${p.from}) ได้ระดับแย่กว่า (${p.better} แทน ${p.worse}) เมื่อข้อมูลอื่นเหมือนกัน`
    : `a better ${named(p.id, l)} (${p.to} rather than ${p.from}) gets a worse grade (${p.better} rather than ${p.worse}) with every other fact the same`;
}

type UnusedParams = { case: 'unused'; fact: Text } | { case: 'floor-only'; fact: Text; floor: string };

function unusedText(p: UnusedParams, l: keyof Text): string {
  if (p.case === 'unused') return l === 'th' ? `ประกาศข้อมูล ${named(p.fact, l)} ไว้แต่ไม่ได้ใช้ในการให้ระดับ` : `${named(p.fact, l)} is declared but never used to grade`;
  return l === 'th'
    ? `${named(p.fact, l)} ใช้เฉพาะในแถวล่างสุดที่ให้ระดับเท่ากับระดับพื้น (${p.floor}) จึงไม่เคยเปลี่ยนระดับ`
    : `${named(p.fact, l)} is used only by a bottom row that gives the floor level (${p.floor}) anyway, so it never changes a grade`;
}

/** Two tables of one criterion that differ: band `number` as each states it, where they differ, and the other table's own overlaps there. */
type ContradictionParams = { lines?: string; number: number; criterion: Text; other: string; used: string; differAt?: Text; within?: Text[] };

function contradictionText(p: ContradictionParams, l: keyof Text): string {
  if (l === 'th') {
    const base = `ตารางอื่นในหนังสือ${p.lines ? ` (บรรทัด ${p.lines})` : ''} เขียนช่วงที่ ${p.number} ของตัวชี้วัด "${p.criterion.th}" ว่า ${p.other} แต่เกณฑ์ที่ใช้เขียนว่า ${p.used}${p.differAt !== undefined ? `; ต่างกันที่ ${p.differAt.th}` : ''}`;
    return (p.within ?? []).reduce((text, w) => `${text}; ในตารางนั้นเอง ${w.th}`, base);
  }
  const base = `another table of the document${p.lines ? ` (lines ${p.lines})` : ''} states band ${p.number} of criterion "${p.criterion.en}" as ${p.other}, the rubric as ${p.used}${p.differAt !== undefined ? `; they differ at ${p.differAt.en}` : ''}`;
  return (p.within ?? []).reduce((text, w) => `${text}; within that table, ${w.en}`, base);
}

/** A reporting round due outside its period's quarter: dates copied from another quarter and not yet moved. */
type DueParams = { round: number; due: Text; side: 'before' | 'after'; period: Text; first: Text; last: Text };

function dueText(p: DueParams, l: keyof Text): string {
  if (l === 'th') {
    const side = p.side === 'before' ? 'ก่อน' : 'หลัง';
    return `ตรวจวันที่: กำหนดส่งรอบที่ ${p.round} (${p.due.th}) อยู่${side}${p.period.th} (${p.first.th} – ${p.last.th}) อาจเป็นวันที่ของไตรมาสก่อนที่ยังไม่ได้แก้`;
  }
  return `check the dates: round ${p.round} is due ${p.due.en}, ${p.side} ${p.period.en} (${p.first.en} – ${p.last.en}); it may be a date of another quarter not yet changed`;
}

/** A quote of the letter that no longer says what its band or ladder row says, with the rule's own words. */
type QuoteParams = { case: 'band' | 'row'; outcome: string; quote: string; rule: Text } & Owner;

function quoteText(p: QuoteParams, l: keyof Text): string {
  if (l === 'th') {
    const whose = p.case === 'row' ? `แถว ${p.outcome}` : `ช่วง ${p.outcome} ของ${ownerText(p).th}`;
    return `ข้อความจากหนังสือของ${whose} "${p.quote}" ไม่ตรงกับเกณฑ์ ซึ่งตอนนี้คือ "${p.rule.th}"; แก้ข้อความหรือลบออก`;
  }
  const whose = p.case === 'row' ? `row ${p.outcome}` : `band ${p.outcome} of ${ownerText(p).en}`;
  return `the letter's quote of ${whose}, "${p.quote}", differs from the rule, which now says "${p.rule.en}"; edit or remove the quote`;
}

/** Problems found in the analysis of a valid rubric (holes, overlaps, contradictions), one code per kind of finding. */
export const ANALYSIS_CODES = codes({
  /** Values or combinations no band or row grades. */
  HOLE: { severity: 'error', th: (p: HoleParams) => holeText(p, 'th'), en: (p: HoleParams) => holeText(p, 'en') },
  /** Two bands that claim one value, or a truth-table row that earlier rows cover. */
  OVERLAP: { severity: 'warning', th: (p: OverlapParams) => overlapText(p, 'th'), en: (p: OverlapParams) => overlapText(p, 'en') },
  /** A band, level, row or exemption that no input reaches. */
  UNREACHABLE: { severity: 'warning', th: (p: UnreachableParams) => unreachableText(p, 'th'), en: (p: UnreachableParams) => unreachableText(p, 'en') },
  /** A better value that gets a worse grade. */
  ORDER: { severity: 'warning', th: (p: OrderParams) => orderText(p, 'th'), en: (p: OrderParams) => orderText(p, 'en') },
  /** A declared fact that never changes a grade. */
  UNUSED_FACT: { severity: 'warning', th: (p: UnusedParams) => unusedText(p, 'th'), en: (p: UnusedParams) => unusedText(p, 'en') },
  /** Another table of the document that states a criterion differently. */
  CONTRADICTION: { severity: 'warning', th: (p: ContradictionParams) => contradictionText(p, 'th'), en: (p: ContradictionParams) => contradictionText(p, 'en') },
  /** A reporting round due outside the rubric's period. */
  DUE_DATE: { severity: 'warning', th: (p: DueParams) => dueText(p, 'th'), en: (p: DueParams) => dueText(p, 'en') },
  /** A quote of the letter kept on a band or row whose value has changed since. */
  QUOTE_DIFFERS_FROM_RULE: { severity: 'warning', th: (p: QuoteParams) => quoteText(p, 'th'), en: (p: QuoteParams) => quoteText(p, 'en') },
  /** A fact used but not declared: the validation problem, in its own words. */
  UNDECLARED_FACT: { severity: 'error', th: (p: { words: Text }) => p.words.th, en: (p: { words: Text }) => p.words.en },
  /** Any other validation problem of the file, in its own words. */
  INVALID: { severity: 'error', th: (p: { words: Text }) => p.words.th, en: (p: { words: Text }) => p.words.en },
});
