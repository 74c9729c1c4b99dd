// The codes of problems found in the store, accounts, bundles and the public API, with their Thai and English templates.
import { codes } from './entry.js';
import { PUBLISH_CODES } from './publish-codes.js';

/** A draft and who saved it last, as a refusal names it. */
type Saved = { version: number; by: string };
/** A period, in Thai and English words (engine/period.ts periodLabel). */
type Label = { th: string; en: string };

/** Problems in saving, publishing and correcting drafts. */
const DRAFT_CODES = codes({
  DRAFT_TOO_LONG: {
    severity: 'error',
    th: (p: { bytes: number; max: number }) =>
      `ร่างยาวเกินไป: ${p.bytes.toLocaleString('th-TH')} ไบต์ (ไม่เกิน ${p.max.toLocaleString('th-TH')} ไบต์หรือ 1 MiB) จึงยังไม่บันทึก สิ่งที่แก้ไขยังอยู่ในหน้านี้`,
    en: (p: { bytes: number; max: number }) =>
      `the draft is too long: ${p.bytes.toLocaleString('en-US')} bytes (at most ${p.max.toLocaleString('en-US')}, 1 MiB), so it was not saved; your text is still on the page`,
  },
  NO_DRAFT: {
    severity: 'error',
    th: (p: { period: string; mission: string }) => `ไม่มีร่างของ ${p.mission} ใน ${p.period}`,
    en: (p: { period: string; mission: string }) => `there is no draft of ${p.mission} in ${p.period}`,
  },
  SAVED_FIRST: {
    severity: 'error',
    th: (p: Saved) => `มีผู้บันทึกร่างนี้ไปก่อนแล้ว (ฉบับที่ ${p.version} โดย ${p.by}) การแก้ไขของคุณยังไม่ถูกบันทึก`,
    en: (p: Saved) => `someone saved this draft first (version ${p.version} by ${p.by}); your change was not saved`,
  },
  DRAFT_RENAMED: {
    severity: 'error',
    th: (p: { period: string; mission: string; namedPeriod: string; namedMission: string }) =>
      `ร่างนี้ต้องเป็นภารกิจ ${p.mission} ไตรมาส ${p.period} (ข้อความระบุ ${p.namedMission}, ${p.namedPeriod}) จึงยังไม่บันทึก`,
    en: (p: { period: string; mission: string; namedPeriod: string; namedMission: string }) =>
      `this draft must stay mission ${p.mission}, period ${p.period} (the text names ${p.namedMission}, ${p.namedPeriod}); it was not saved`,
  },
  CHANGED_AFTER_OPENED: {
    severity: 'error',
    th: (p: Saved) => `ร่างถูกแก้ไขหลังจากที่คุณเปิด (ฉบับที่ ${p.version} โดย ${p.by})`,
    en: (p: Saved) => `the draft changed after you opened it (version ${p.version} by ${p.by})`,
  },
  NO_STATUS_OR_REVISION: {
    severity: 'error',
    th: () => 'ร่างไม่มี status หรือ revision',
    en: () => 'the draft has no status or revision to set',
  },
  PUBLISHED_MEANWHILE: {
    severity: 'error',
    th: (p: { mission: string }) => `มีผู้เผยแพร่ ${p.mission} ไปก่อนแล้วระหว่างที่ตรวจ โปรดโหลดหน้านี้ใหม่`,
    en: (p: { mission: string }) => `someone published ${p.mission} while it was being checked; reload the page`,
  },
  NEW_ERRORS: {
    severity: 'error',
    th: (p: { count: number; baseline: { revision: number; period: string } | null; list: Label }) =>
      p.baseline
        ? `เผยแพร่ไม่ได้: มีข้อผิดพลาดใหม่ ${p.count} รายการ ที่ไม่มีในฉบับที่ ${p.baseline.revision} (${p.baseline.period}) ซึ่งเผยแพร่แล้ว${p.list.th}`
        : `เผยแพร่ไม่ได้: มีข้อผิดพลาด ${p.count} รายการ (ภารกิจนี้ยังไม่มีฉบับที่เผยแพร่ให้เทียบ ทุกรายการจึงนับเป็นข้อผิดพลาดใหม่)${p.list.th}`,
    en: (p: { count: number; baseline: { revision: number; period: string } | null; list: Label }) => {
      const errors = p.count === 1 ? 'error' : 'errors';
      return p.baseline
        ? `cannot publish: ${p.count} new ${errors} that published revision ${p.baseline.revision} (${p.baseline.period}) does not have${p.list.en}`
        : `cannot publish: ${p.count} ${errors} (no published revision of this mission to compare with, so every error is new)${p.list.en}`;
    },
  },
  WARNINGS_NOT_ACKNOWLEDGED: {
    severity: 'error',
    th: (p: { count: number }) => `ต้องยืนยันว่ารับทราบคำเตือน ${p.count} รายการก่อนเผยแพร่`,
    en: (p: { count: number }) => `acknowledge the ${p.count} warnings to publish`,
  },
  NO_PUBLISHED_REVISION: {
    severity: 'error',
    th: (p: { mission: string }) => `ไม่มีฉบับที่เผยแพร่ของ ${p.mission}`,
    en: (p: { mission: string }) => `${p.mission} has no published revision`,
  },
  REVISION_PUBLISHED_MEANWHILE: {
    severity: 'error',
    th: (p: { mission: string }) => `มีการเผยแพร่ ${p.mission} ฉบับใหม่ระหว่างนี้ โปรดโหลดหน้านี้ใหม่`,
    en: (p: { mission: string }) => `a new revision of ${p.mission} was published meanwhile; reload the page`,
  },
});

/** Problems in starting and deleting periods. */
const PERIOD_CODES = codes({
  NOT_A_PERIOD: {
    severity: 'error',
    th: (p: { kind: 'from' | 'delete'; received: string }) =>
      p.kind === 'from' ? `ไม่ได้ระบุไตรมาสต้นทางที่ถูกต้อง (${p.received || 'ว่าง'})` : 'ไม่ได้ระบุไตรมาสที่ถูกต้อง',
    en: (p: { kind: 'from' | 'delete'; received: string }) =>
      p.kind === 'from' ? `the period to start from is not a period (${p.received || 'empty'})` : 'that is not a period',
  },
  PERIOD_ALREADY_STARTED: {
    severity: 'error',
    th: (p: { to: Label; by: string | null }) => `${p.to.th} เริ่มไปแล้ว${p.by ? ` (โดย ${p.by})` : ''} จึงไม่เริ่มซ้ำ ไม่มีการสร้างร่างเพิ่ม`,
    en: (p: { to: Label; by: string | null }) =>
      `${p.to.en} has already been started${p.by ? ` (by ${p.by})` : ''}, so it was not started again; no draft was added`,
  },
  NOT_THE_LATEST_PERIOD: {
    severity: 'error',
    th: (p: { from: Label; latest: Label | null }) =>
      p.latest
        ? `เริ่มร่างจาก${p.from.th} ไม่ได้ เพราะไตรมาสล่าสุดคือ${p.latest.th} เริ่มไตรมาสใหม่ได้จากไตรมาสล่าสุดเท่านั้น`
        : 'ยังไม่มีไตรมาสใดในคลัง',
    en: (p: { from: Label; latest: Label | null }) =>
      p.latest
        ? `cannot start from ${p.from.en}: the latest period is ${p.latest.en}, and a new quarter starts only from the latest period`
        : 'the store has no period yet',
  },
  SOURCES_CHANGED: {
    severity: 'error',
    th: (p: { from: Label; to: Label }) => `เกณฑ์ของ${p.from.th}เปลี่ยนระหว่างที่เตรียมร่าง จึงยังไม่เริ่ม${p.to.th} โปรดลองอีกครั้ง`,
    en: (p: { from: Label; to: Label }) => `the rubrics of ${p.from.en} changed while the drafts were being prepared, so ${p.to.en} was not started; try again`,
  },
  NO_SUCH_PERIOD: {
    severity: 'error',
    th: (p: { period: Label }) => `ไม่มี${p.period.th} ในคลัง`,
    en: (p: { period: Label }) => `there is no period ${p.period.en}`,
  },
  PERIOD_HAS_PUBLISHED: {
    severity: 'error',
    th: (p: { period: Label; count: number; list: string }) =>
      `ลบ${p.period.th} ไม่ได้ เพราะมีฉบับที่เผยแพร่แล้ว ${p.count} ภารกิจ (${p.list}) ฉบับที่เผยแพร่แล้วแก้ไขหรือลบไม่ได้`,
    en: (p: { period: Label; count: number; list: string }) =>
      `${p.period.en} cannot be deleted: ${p.count} ${p.count === 1 ? 'mission has' : 'missions have'} a published revision (${p.list}), and a published revision is never changed or removed`,
  },
  LATER_PERIOD_EXISTS: {
    severity: 'error',
    th: (p: { period: Label; latest: Label }) => `ลบ${p.period.th} ไม่ได้ เพราะมี${p.latest.th} ซึ่งใหม่กว่า ลบได้เฉพาะไตรมาสล่าสุด`,
    en: (p: { period: Label; latest: Label }) => `${p.period.en} cannot be deleted while the later ${p.latest.en} exists: only the latest period can be deleted`,
  },
  ONLY_PERIOD: {
    severity: 'error',
    th: (p: { period: Label }) => `ลบ${p.period.th} ไม่ได้ เพราะเป็นไตรมาสเดียวในคลัง`,
    en: (p: { period: Label }) => `${p.period.en} cannot be deleted: it is the only period in the store`,
  },
});

/** Problems in account requests and the password policy. */
const ACCOUNT_CODES = codes({
  CONTROL_CHARACTERS: {
    severity: 'error',
    th: (p: { field: 'username' | 'name'; received: string }) =>
      p.field === 'username' ? 'ชื่อผู้ใช้ต้องไม่มีอักขระควบคุม' : 'ชื่อที่แสดงต้องไม่มีอักขระควบคุม',
    en: (p: { field: 'username' | 'name'; received: string }) =>
      `the ${p.field === 'username' ? 'username' : 'display name'} must not contain control characters (received "${p.received}")`,
  },
  BAD_USERNAME: {
    severity: 'error',
    th: (_p: { received: string }) => 'ชื่อผู้ใช้ต้องเป็นอักษรตัวเล็ก ตัวเลข . _ - ยาว 2–32 ตัว',
    en: (p: { received: string }) => `the username must be 2–32 of a-z, 0-9, ".", "_", "-", starting with a letter (received "${p.received}")`,
  },
  NAME_TOO_LONG: {
    severity: 'error',
    th: (p: { max: number }) => `ชื่อที่แสดงยาวได้ไม่เกิน ${p.max} ตัวอักษร`,
    en: (p: { max: number }) => `the display name may be at most ${p.max} characters`,
  },
  BAD_ROLE: {
    severity: 'error',
    th: (_p: { received: string }) => 'บทบาทต้องเป็น viewer, editor หรือ publisher',
    en: (p: { received: string }) => `the role must be viewer, editor or publisher (received "${p.received}")`,
  },
  USER_EXISTS: {
    severity: 'error',
    th: (p: { username: string }) => `มีผู้ใช้ ${p.username} อยู่แล้ว`,
    en: (p: { username: string }) => `the user ${p.username} already exists`,
  },
  NO_SUCH_USER: {
    severity: 'error',
    th: (p: { username: string }) => `ไม่มีผู้ใช้ ${p.username}`,
    en: (p: { username: string }) => `there is no user ${p.username}`,
  },
  LAST_PUBLISHER: {
    severity: 'error',
    th: (p: { doing: Label; username: string }) =>
      `${p.doing.th} ${p.username} ไม่ได้ เพราะเป็นผู้เผยแพร่คนสุดท้าย (จะไม่มีใครเผยแพร่หรือดูแลได้) ให้เพิ่มผู้เผยแพร่อีกคนก่อน`,
    en: (p: { doing: Label; username: string }) =>
      `cannot ${p.doing.en} ${p.username}: it is the last publisher, and nobody could publish any more; make another publisher first`,
  },
  PASSWORD_WHITESPACE: {
    severity: 'error',
    th: () => 'รหัสผ่านต้องไม่เป็นช่องว่างล้วน',
    en: () => 'the password must not be only spaces or other whitespace',
  },
  PASSWORD_LENGTH: {
    severity: 'error',
    th: (p: { kind: 'short'; min: number; length: number } | { kind: 'long'; max: number }) =>
      p.kind === 'short' ? `รหัสผ่านต้องยาวอย่างน้อย ${p.min} ตัวอักษร (ได้ ${p.length})` : `รหัสผ่านยาวได้ไม่เกิน ${p.max} ตัวอักษร`,
    en: (p: { kind: 'short'; min: number; length: number } | { kind: 'long'; max: number }) =>
      p.kind === 'short' ? `the password must be at least ${p.min} characters (it has ${p.length})` : `the password may be at most ${p.max} characters`,
  },
  PASSWORD_HAS_USERNAME: {
    severity: 'error',
    th: () => 'รหัสผ่านต้องไม่มีชื่อผู้ใช้อยู่ในนั้น',
    en: () => 'the password must not contain the username',
  },
  PASSWORD_COMMON: {
    severity: 'error',
    th: () => 'รหัสผ่านนี้อยู่ในรายการรหัสผ่านที่ใช้กันทั่วไปและเดาง่าย',
    en: () => 'the password is on the list of common, easily guessed passwords',
  },
});

/** Problems reading a text in the analysis workers. */
const ANALYSIS_POOL_CODES = codes({
  ANALYSIS_BUSY: {
    severity: 'error',
    th: () => 'มีงานตรวจเกณฑ์รออยู่มากเกินไป โปรดลองอีกครั้งในอีกสักครู่ (สิ่งที่แก้ไขยังอยู่ในหน้านี้)',
    en: () => 'too many rubric checks are waiting; try again in a moment (your text is still on the page)',
  },
  ANALYSIS_FAILED: {
    severity: 'error',
    th: (_p: { reason: string }) => 'ตรวจเกณฑ์นี้ไม่สำเร็จ: ใช้หน่วยความจำมากเกินไป ลองแบ่งหรือลดข้อความ (สิ่งที่แก้ไขยังอยู่ในหน้านี้)',
    en: (p: { reason: string }) => `checking this rubric failed (${p.reason}); shorten or split the text (your text is still on the page)`,
  },
  ANALYSIS_TIMEOUT: {
    severity: 'error',
    th: (p: { seconds: string }) => `ตรวจเกณฑ์นี้ไม่เสร็จภายใน ${p.seconds} วินาที จึงหยุดไว้ ลองแบ่งหรือลดข้อความ (สิ่งที่แก้ไขยังอยู่ในหน้านี้)`,
    en: (p: { seconds: string }) => `checking this rubric did not finish within ${p.seconds} s and was stopped; shorten or split the text (your text is still on the page)`,
  },
});

/** Requests the read-only public API refuses (engine/http/public-api.ts). */
const PUBLIC_API_CODES = codes({
  METHOD_NOT_ALLOWED: {
    severity: 'error',
    th: (p: { method: string }) => `API อ่านได้อย่างเดียว: ใช้ ${p.method} ไม่ได้`,
    en: (p: { method: string }) => `the API is read-only: ${p.method} is not allowed (GET, HEAD or OPTIONS)`,
  },
  BAD_PATH: {
    severity: 'error',
    th: () => 'ที่อยู่มีการเข้ารหัส % ที่ไม่ถูกต้อง',
    en: () => 'the path is not valid percent-encoding',
  },
  BAD_NAME: {
    severity: 'error',
    th: (_p: { received: string }) => 'ชื่อไตรมาส ภารกิจ หรือไฟล์ไม่ถูกต้อง',
    en: (p: { received: string }) => `malformed name: expected /api/v1/periods/2567-Q3/missions/otop/r1.yaml (or latest.json), received ${p.received}`,
  },
  /** A period name that is not one; `hint` says what one looks like (only for manifest.json, as before). */
  BAD_PERIOD: {
    severity: 'error',
    th: (p: { period: string; hint: boolean }) => `ชื่อไตรมาสไม่ถูกต้อง: ${p.period}`,
    en: (p: { period: string; hint: boolean }) => `malformed period "${p.period}"${p.hint ? ' (expected like 2567-Q3)' : ''}`,
  },
  NO_PERIOD: {
    severity: 'error',
    th: (p: { period: string }) => `ไม่มีเกณฑ์ที่เผยแพร่ในไตรมาส ${p.period}`,
    en: (p: { period: string }) => `nothing is published for ${p.period}`,
  },
  /** Nothing at a path: a published file that is not there (`file`), or a path the API does not have (`path`). */
  NOT_FOUND: {
    severity: 'error',
    th: (p: { kind: 'file'; period: string; mission: string; name: string } | { kind: 'path'; path: string }) =>
      p.kind === 'file' ? `ไม่มีเกณฑ์ ${p.mission} ${p.name} ในไตรมาส ${p.period}` : `ไม่มี ${p.path} ใน API`,
    en: (p: { kind: 'file'; period: string; mission: string; name: string } | { kind: 'path'; path: string }) =>
      p.kind === 'file' ? `no published ${p.mission} ${p.name} in ${p.period}` : `there is no ${p.path} in the API`,
  },
});

/** Problems found in the store, accounts, bundles and the public API. */
export const SERVICE_CODES = codes({ ...DRAFT_CODES, ...PUBLISH_CODES, ...PERIOD_CODES, ...ACCOUNT_CODES, ...ANALYSIS_POOL_CODES, ...PUBLIC_API_CODES });

/** A code of the store and its services. */
export type ServiceCode = keyof typeof SERVICE_CODES;
