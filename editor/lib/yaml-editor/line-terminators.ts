// Marks on the U+2028 and U+2029 characters in a model, which Monaco would otherwise draw as a bare "�".
import type * as Monaco from 'monaco-editor';

/** What the two Unicode line terminators Monaco calls unusual are, in Thai and English. */
const UNUSUAL_TERMINATORS: Record<string, { code: string; th: string; en: string }> = {
  '\u2028': { code: 'U+2028', th: 'ตัวแบ่งบรรทัด (LINE SEPARATOR)', en: 'LINE SEPARATOR' },
  '\u2029': { code: 'U+2029', th: 'ตัวแบ่งย่อหน้า (PARAGRAPH SEPARATOR)', en: 'PARAGRAPH SEPARATOR' },
};

/** The hover on one terminator: what it is, where it usually comes from, and what to do, Thai first. */
function hoverText(found: { code: string; th: string; en: string }): string {
  return (
    `อักขระที่มองไม่เห็น ${found.code} ${found.th} อยู่ตรงนี้ มักติดมากับข้อความที่คัดลอกจาก Word หรือ PDF ` +
    `โปรแกรมส่วนใหญ่ไม่ถือว่าเป็นการขึ้นบรรทัดใหม่ ลบออกถ้าไม่ได้ตั้งใจใส่\n\n` +
    `An invisible ${found.code} ${found.en} is here; it often comes with text copied from Word or a PDF. ` +
    `Most programs do not treat it as a new line: delete it unless it is meant to be there.`
  );
}

/**
 * A mark on each U+2028 and U+2029 in the text: its code before it, a box around it, a hover
 * that says what it is, and a line in the overview ruler. The editor keeps these characters rather
 * than change the rubric's text behind the author's back.
 */
export function unusualTerminatorMarks(model: Monaco.editor.ITextModel): Monaco.editor.IModelDeltaDecoration[] {
  return model.findMatches('[\u2028\u2029]', false, true, true, null, false, 1000).map(({ range }) => {
    const found = UNUSUAL_TERMINATORS[model.getValueInRange(range)] ?? UNUSUAL_TERMINATORS['\u2028']!;
    return {
      range,
      options: {
        inlineClassName: 'unusual-line-terminator',
        before: { content: `[${found.code}]`, inlineClassName: 'unusual-line-terminator-code' },
        hoverMessage: { value: hoverText(found) },
        overviewRuler: { color: '#d9822b', position: 4 /* OverviewRulerLane.Right */ },
      },
    };
  });
}
