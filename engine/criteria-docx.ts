// Published criteria as a Word file (.docx) to attach to a letter: the same words as the public criteria
// page (engine/criteria-document.ts), one mission or a whole period, in one language, on A4 with the margins
// of Thai government correspondence, "TH Sarabun New" 16 pt, a header with the period and page numbers.
// Browser-safe: the docx package builds the file in memory.
import {
  AlignmentType,
  Document,
  Footer,
  Header,
  HeadingLevel,
  NumberFormat,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type ParagraphChild,
} from 'docx';
import { criteriaDocument, type CriteriaDocument, type LevelsTable, type PointsTable } from './criteria-document.js';
import { arabicDigits, type Digits } from './digits.js';
import { thaiDigits } from './template-layout.js';
import type { Rubric, Text } from './types.js';

/** One mission of the file: its number, name and lead unit, and its criteria in words. */
export interface DocxMission {
  number: number | null;
  name: Text;
  leadUnit: Text | null;
  document: CriteriaDocument;
}

/** What the file holds and how it writes: the period's label, its missions, the language and the digits. */
export interface CriteriaDocxOptions {
  period: Text;
  missions: DocxMission[];
  lang: 'th' | 'en';
  /** Thai digits (as the department writes its letters) or Arabic ones; Thai only changes Thai text. */
  digits: Digits;
}

/** The font of Thai official documents (Cabinet resolution of 2553 on the national fonts). */
export const DOCX_FONT = 'TH Sarabun New';
/** 16 pt in half-points, the size of a Thai official letter's body. */
const SIZE = 32;
/** 1 cm in twentieths of a point. */
const CM = 567;
// The margins of Thai government correspondence as the department usually sets them:
// top 2.5 cm, left 3 cm (binding side), right 2 cm, bottom 2 cm.
const MARGIN = { top: Math.round(2.5 * CM), left: 3 * CM, right: 2 * CM, bottom: 2 * CM, header: CM, footer: CM };
/** A4 in twentieths of a point (210 × 297 mm). */
const A4 = { width: 11906, height: 16838 };

/** A rubric as a mission of the file, in the words of the criteria page. */
export function docxMission(rubric: Rubric): DocxMission {
  return { number: rubric.number ?? null, name: rubric.name, leadUnit: rubric.leadUnit ?? null, document: criteriaDocument(rubric) };
}

/** Missions in the order of the department's list: by number, then by name. */
export function byMissionNumber(a: DocxMission, b: DocxMission): number {
  return (a.number ?? 99) - (b.number ?? 99) || a.name.en.localeCompare(b.name.en);
}

/** The words of a text in the file's language and digits. */
function wordsOf(options: CriteriaDocxOptions, text: Text): string {
  const words = text[options.lang];
  return options.digits === 'arabic' ? arabicDigits(words) : words;
}

/**
 * The languages of a run: Thai letters are complex script, marked Thai (w:bidi) so that Word breaks
 * Thai lines and picks the font; Latin text in the document's language (w:val), English in English.
 */
function languageOf(lang: 'th' | 'en'): { value: string; eastAsia: string; bidirectional: string } {
  return { value: lang === 'th' ? 'th-TH' : 'en-GB', eastAsia: 'th-TH', bidirectional: 'th-TH' };
}

/** A run in the document's font and size, in its languages. */
function run(text: string, lang: 'th' | 'en', bold = false): TextRun {
  return new TextRun({
    text,
    bold,
    boldComplexScript: bold,
    font: { ascii: DOCX_FONT, hAnsi: DOCX_FONT, cs: DOCX_FONT, eastAsia: DOCX_FONT },
    size: SIZE,
    sizeComplexScript: SIZE,
    language: languageOf(lang),
  });
}

/** A paragraph of one run. */
function para(text: string, lang: 'th' | 'en', options: { bold?: boolean; heading?: (typeof HeadingLevel)[keyof typeof HeadingLevel]; center?: boolean } = {}): Paragraph {
  return new Paragraph({
    children: [run(text, lang, options.bold ?? options.heading !== undefined)],
    ...(options.heading ? { heading: options.heading } : {}),
    ...(options.center ? { alignment: AlignmentType.CENTER } : {}),
    spacing: { after: 80 },
  });
}

/** A table cell of paragraphs, one per text. */
function cell(lines: string[], lang: 'th' | 'en', bold = false): TableCell {
  return new TableCell({ children: (lines.length ? lines : ['–']).map((line) => para(line, lang, { bold })) });
}

/** A table whose rows never break across pages, its first row repeated as the header on each page. */
function table(header: string[], rows: string[][][], lang: 'th' | 'en'): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, cantSplit: true, children: header.map((h) => cell([h], lang, true)) }),
      ...rows.map((cells) => new TableRow({ cantSplit: true, children: cells.map((lines) => cell(lines, lang)) })),
    ],
  });
}

/** The levels table of a mission. */
function levelsTable(options: CriteriaDocxOptions, levels: LevelsTable): (Paragraph | Table)[] {
  const say = (t: Text) => wordsOf(options, t);
  const header = [say({ th: 'ระดับ', en: 'Level' }), ...levels.headers.map(say)];
  const rows = levels.rows.map((row) => [[row.level ?? say({ th: 'ไม่ได้ระดับ', en: 'no level' })], ...row.cells.map((items) => items.map(say))]);
  return [para(say(levels.caption), options.lang, { bold: true }), table(header, rows, options.lang)];
}

/** The points tables of a mission. */
function pointsTables(options: CriteriaDocxOptions, points: PointsTable[]): (Paragraph | Table)[] {
  const say = (t: Text) => wordsOf(options, t);
  return points.flatMap((p) => [
    para(say(p.criterion), options.lang, { bold: true }),
    table([say({ th: 'คะแนน', en: 'Points' }), say(p.value)], p.rows.map((r) => [[say(r.points)], [say(r.words)]]), options.lang),
  ]);
}

/** A mission's part of the file: its title, levels, points, how the level is given and its exemptions. */
function missionPart(options: CriteriaDocxOptions, mission: DocxMission): (Paragraph | Table)[] {
  const say = (t: Text) => wordsOf(options, t);
  const doc = mission.document;
  const heading = (th: string, en: string) => para(say({ th, en }), options.lang, { heading: HeadingLevel.HEADING_2 });
  const number = mission.number === null ? null : { th: `ภารกิจที่ ${thaiDigits(mission.number)}`, en: `Mission ${mission.number}` };
  const parts: (Paragraph | Table)[] = [
    ...(number ? [para(say(number), options.lang)] : []),
    para(say(mission.name), options.lang, { heading: HeadingLevel.HEADING_1 }),
    ...(mission.leadUnit ? [para(say({ th: `หน่วยงานหลัก: ${mission.leadUnit.th}`, en: `Lead unit: ${mission.leadUnit.en}` }), options.lang)] : []),
    heading('ระดับและเงื่อนไข', 'Levels and conditions'),
    ...(doc.levels ? levelsTable(options, doc.levels) : [para(say({ th: 'ยังไม่มีเกณฑ์การให้ระดับ', en: 'There is no grade rule yet.' }), options.lang)]),
  ];
  if (doc.points.length) parts.push(heading('คะแนนของตัวชี้วัด', 'Points of each criterion'), ...pointsTables(options, doc.points));
  parts.push(heading('วิธีให้ระดับ', 'How the level is given'), ...doc.rule.map((sentence) => para(say(sentence), options.lang)));
  if (doc.exemptions.length) {
    parts.push(heading('ข้อยกเว้น', 'Exemptions'));
    for (const e of doc.exemptions) {
      parts.push(para(say(e.label), options.lang, { bold: true }));
      parts.push(para(say({ th: `ใช้กับกรณี: ${e.when.th} ไม่นำตัวชี้วัดต่อไปนี้มาคิดระดับ`, en: `Applies to: ${e.when.en}. These criteria are left out of the level:` }), options.lang));
      parts.push(...e.notApplicable.map((c) => para(`– ${say(c)}`, options.lang)));
    }
  }
  return parts;
}

/** The running header (the period) and footer (the page number, in Thai digits unless Arabic ones are asked for). */
function headerAndFooter(options: CriteriaDocxOptions): { headers: { default: Header }; footers: { default: Footer } } {
  const title = wordsOf(options, { th: `เกณฑ์การจัดระดับภารกิจ ${options.period.th}`, en: `Mission criteria, ${options.period.en}` });
  const page: ParagraphChild[] = [run(options.lang === 'th' ? 'หน้า ' : 'Page ', options.lang), new TextRun({ children: [PageNumber.CURRENT], font: DOCX_FONT, size: SIZE, sizeComplexScript: SIZE })];
  return {
    headers: { default: new Header({ children: [para(title, options.lang, { center: true })] }) },
    footers: { default: new Footer({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: page })] }) },
  };
}

/** The criteria of one mission or a whole period as the bytes of a .docx file. */
export async function criteriaDocx(options: CriteriaDocxOptions): Promise<Uint8Array> {
  const thaiNumbers = options.lang === 'th' && options.digits === 'thai';
  const children = options.missions.flatMap((mission, i) => {
    const part = missionPart(options, mission);
    // Each mission of a period starts on a new page, as an attachment of its own.
    if (i > 0) part.unshift(new Paragraph({ pageBreakBefore: true, children: [] }));
    return part;
  });
  const document = new Document({
    creator: 'กรมการพัฒนาชุมชน',
    title: wordsOf(options, { th: `เกณฑ์การจัดระดับภารกิจ ${options.period.th}`, en: `Mission criteria, ${options.period.en}` }),
    styles: { default: { document: { run: { font: DOCX_FONT, size: SIZE, sizeComplexScript: SIZE, language: languageOf(options.lang) } } } },
    sections: [
      {
        properties: {
          page: {
            size: A4,
            margin: MARGIN,
            pageNumbers: { start: 1, formatType: thaiNumbers ? NumberFormat.THAI_NUMBERS : NumberFormat.DECIMAL },
          },
        },
        ...headerAndFooter(options),
        children,
      },
    ],
  });
  return Packer.pack(document, 'uint8array');
}
