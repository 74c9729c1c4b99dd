// The codes of the safety rails around publishing and discarding a draft (examples that fail, a
// rubric that cannot be published, the four-eyes rule, unsaved edits), with their Thai and English templates.
import { outcomeWords } from '../outcome-words.js';
import { codes } from './entry.js';

/** A period in Thai and English words (engine/period.ts periodLabel). */
type Label = { th: string; en: string };
/** An example that does not give what it expects: its name, what it expects and what it gives. */
type Failing = { name: string; expected: string; actual: string };

/** "unmatched" and "error" in words; a level, with its score when shown, as itself. */
const outcome = (shown: string, lang: 'th' | 'en'): string => shown.replace(/^(unmatched|error)\b/, (o) => outcomeWords(o)[lang]);

const listed = (failing: Failing[], lang: 'th' | 'en'): string =>
  failing
    .map((f) =>
      lang === 'th'
        ? `\n• "${f.name}": ควรได้ ${outcome(f.expected, 'th')} แต่ได้ ${outcome(f.actual, 'th')}`
        : `\n• "${f.name}": expects ${outcome(f.expected, 'en')}, gives ${outcome(f.actual, 'en')}`,
    )
    .join('');

/** Why a draft may not be published, or discarded, beyond its findings. */
export const PUBLISH_CODES = codes({
  EXAMPLES_FAIL: {
    severity: 'error',
    th: (p: { failing: Failing[] }) => `เผยแพร่ไม่ได้: ตัวอย่าง ${p.failing.length} รายการไม่ได้ผลตามที่กำหนด แก้เกณฑ์หรือตัวอย่างก่อน${listed(p.failing, 'th')}`,
    en: (p: { failing: Failing[] }) =>
      `cannot publish: ${p.failing.length} ${p.failing.length === 1 ? 'example does' : 'examples do'} not give what ${p.failing.length === 1 ? 'it expects' : 'they expect'}; correct the rubric or the example first${listed(p.failing, 'en')}`,
  },
  NO_GRADE_RULE: {
    severity: 'error',
    th: () => 'เผยแพร่ไม่ได้: เกณฑ์นี้ยังไม่มีวิธีให้ระดับ (grade) จึงให้ระดับจังหวัดใดไม่ได้ ต้องเพิ่มตัวชี้วัดและวิธีให้ระดับก่อน',
    en: () => 'cannot publish: this rubric has no grade rule yet, so it could grade no province; add its criteria and grade rule first',
  },
  SAME_PUBLISHER: {
    severity: 'error',
    th: (p: { username: string; authors: string[] }) =>
      `เผยแพร่ไม่ได้: ต้องให้ผู้เผยแพร่อีกคนตรวจและเผยแพร่ (หลักสี่ตา) เพราะ ${p.username} เป็นผู้แก้ไขร่างนี้ (ผู้แก้ไข: ${p.authors.join(', ')})`,
    en: (p: { username: string; authors: string[] }) =>
      `cannot publish: another publisher must check and publish this draft (four-eyes rule), because ${p.username} changed it (changed by ${p.authors.join(', ')})`,
  },
  ANALYSIS_PENDING: {
    severity: 'error',
    th: () => 'กำลังตรวจข้อความที่แก้ไขล่าสุด รอให้ตรวจเสร็จแล้วจึงเผยแพร่',
    en: () => 'the latest edit is still being checked; publish once the check is done',
  },
  UNSAVED_CHANGES: {
    severity: 'error',
    th: () => 'มีการแก้ไขที่ยังไม่บันทึก บันทึกร่างก่อนแล้วจึงเผยแพร่',
    en: () => 'there are unsaved changes; save the draft before publishing',
  },
  NOTHING_TO_RETURN_TO: {
    severity: 'error',
    th: (p: { mission: string; period: Label }) =>
      `ทิ้งร่าง ${p.mission} ไม่ได้ เพราะยังไม่มีฉบับที่เผยแพร่ใน${p.period.th} ร่างนี้เป็นฉบับเดียวของภารกิจในไตรมาสนี้ (ถ้าทิ้ง ภารกิจจะหายจากไตรมาส) ให้แก้ไขร่างแทน`,
    en: (p: { mission: string; period: Label }) =>
      `cannot discard the draft of ${p.mission}: nothing of it is published in ${p.period.en} yet, so this draft is the mission's only copy in the quarter (discarding it would drop the mission); edit the draft instead`,
  },
});
