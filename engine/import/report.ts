// The import report in words: what the reader found and every conversion it made, as the CLI
// prints it on stderr and the preview shows it above the results.
import type { Text } from '../types.js';
import type { ImportReport } from './table.js';

const ENCODING_TEXT: Record<string, Text> = {
  'utf-8': { th: 'UTF-8', en: 'UTF-8' },
  'utf-8-bom': { th: 'UTF-8 (มี BOM)', en: 'UTF-8 with a byte-order mark' },
  'utf-16le': { th: 'UTF-16 (Unicode text ของ Excel)', en: "UTF-16 (Excel's Unicode text)" },
  'utf-16be': { th: 'UTF-16 BE', en: 'UTF-16 big-endian' },
  'windows-874': { th: 'Windows-874/TIS-620 (CSV ภาษาไทยของ Excel)', en: "Windows-874/TIS-620 (Thai Excel's CSV)" },
};

/** The report as lines people read, Thai and English: where the data was, and every conversion. */
export function describeImport(report: ImportReport): Text[] {
  const lines: Text[] = [];
  // A fact is named by its label first, as the letter names it; its id stays for the rubric's readers.
  const named = (fact: string): Text => {
    const label = report.labels[fact];
    return label ? { th: `${label.th} — ${fact}`, en: `${label.en} — ${fact}` } : { th: fact, en: fact };
  };
  const where = report.sheet ? { th: `แผ่นงาน "${report.sheet}" `, en: `sheet "${report.sheet}", ` } : { th: '', en: '' };
  const encoding = report.encoding ? ENCODING_TEXT[report.encoding] : undefined;
  if (report.headerRow > 0) {
    lines.push({
      th: `${where.th}หัวตารางแถวที่ ${report.headerRow}, ข้อมูล ${report.rows} แถว${encoding ? `, รหัสอักขระ ${encoding.th}` : ''}`,
      en: `${where.en}header on row ${report.headerRow}, ${report.rows} ${report.rows === 1 ? 'row' : 'rows'}${encoding ? `, encoding ${encoding.en}` : ''}`,
    });
  } else {
    lines.push({ th: `ข้อมูล ${report.rows} แถว`, en: `${report.rows} ${report.rows === 1 ? 'row' : 'rows'}` });
  }
  for (const c of report.conversions) {
    lines.push({
      th: `${named(c.fact).th} (คอลัมน์ ${c.letter}) ${c.count} เซลล์: ${c.text.th} (ในไฟล์นี้ เช่น ${c.example.from} → ${c.example.to})`,
      en: `${named(c.fact).en} (column ${c.letter}), ${c.count} ${c.count === 1 ? 'cell' : 'cells'}: ${c.text.en} (in this file, e.g. ${c.example.from} → ${c.example.to})`,
    });
  }
  for (const f of report.fractionColumns) {
    lines.push({
      th: `โปรดตรวจ ${named(f.fact).th} (คอลัมน์ ${f.letter}): ทุกค่า (${f.count} เซลล์) อยู่ระหว่าง 0 ถึง 1 จึงอ่านเป็นร้อยละ 0–1 ตามที่เขียน หากตั้งใจเขียนเป็นสัดส่วน (0.045 แทนร้อยละ 4.5) ให้จัดรูปแบบคอลัมน์เป็นเปอร์เซ็นต์หรือเขียนเป็น 4.5`,
      en: `check ${named(f.fact).en} (column ${f.letter}): every value (${f.count} cells) lies between 0 and 1, so it is read as 0–1 percent, as written; if these are fractions (0.045 for 4.5 %), format the column as percent or write 4.5`,
    });
  }
  if (report.numbered) {
    lines.push({
      th: 'ไม่มีคอลัมน์รหัสหน่วยงาน (id): ใช้ลำดับแถว #1, #2, … เป็นรหัส (เลือกคอลัมน์อื่นเป็นรหัสหน่วยงานได้)',
      en: 'no unit id column: rows are numbered #1, #2, … (another column can be chosen as the unit id)',
    });
  }
  for (const fact of report.missingFacts) {
    lines.push({ th: `ไม่มีคอลัมน์ ${named(fact).th}: ทุกแถวจะขาดข้อมูลนี้`, en: `no column for ${named(fact).en}: every row will lack it` });
  }
  if (report.ignoredColumns.length > 0) {
    lines.push({
      th: `คอลัมน์ที่ไม่ได้ใช้: ${report.ignoredColumns.join(', ')}`,
      en: `columns not used: ${report.ignoredColumns.join(', ')}`,
    });
  }
  if (report.cellErrors > 0) {
    lines.push({
      th: `เซลล์ที่อ่านไม่ได้ ${report.cellErrors} เซลล์: แถวนั้นเป็น "ข้อมูลผิดพลาด" ส่วนแถวอื่นยังให้ระดับได้`,
      en: `${report.cellErrors} ${report.cellErrors === 1 ? 'cell' : 'cells'} could not be read: those rows are errors, the others still grade`,
    });
  }
  return lines;
}
