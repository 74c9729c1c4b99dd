// The codes of problems found pulling and checking a signed bundle of published rubrics, with their Thai and English templates.
import type { Text } from '../types.js';
import { codes } from './entry.js';

/** A byte count for people: `1048576 bytes (1 MiB)`. */
function sizeText(bytes: number, unit: string): string {
  const MiB = 1024 * 1024;
  const round = bytes >= MiB && bytes % MiB === 0 ? ` (${bytes / MiB} MiB)` : bytes >= 1024 && bytes % 1024 === 0 ? ` (${bytes / 1024} KiB)` : '';
  return `${bytes} ${unit}${round}`;
}

/** Problems of a bundle: its request, the server's answers, the manifest, its signature and files, and the bundle on disk. */
export const BUNDLE_CODES = codes({
  NOT_A_PERIOD: {
    severity: 'error',
    th: (p: { period: string }) => `ไตรมาส "${p.period}" ไม่ถูกต้อง (เช่น 2567-Q3)`,
    en: (p: { period: string }) => `"${p.period}" is not a period (e.g. 2567-Q3)`,
  },
  NOT_A_SERVER: {
    severity: 'error',
    th: (p: { server: string }) => `${JSON.stringify(p.server)} ไม่ใช่ที่อยู่เซิร์ฟเวอร์`,
    en: (p: { server: string }) => `${JSON.stringify(p.server)} is not a server address (e.g. https://rubrics.cdd.go.th)`,
  },
  NOT_HTTPS: {
    severity: 'error',
    th: (p: { kind: 'http' | 'other'; shown: string }) =>
      p.kind === 'http' ? `${p.shown} ไม่ใช่ https:// จึงไม่ดึง (ใช้เซิร์ฟเวอร์ https:// หรือใส่ --allow-http สำหรับเซิร์ฟเวอร์ในเครื่องหรือทดสอบที่ไว้ใจได้)` : `${p.shown} ไม่ใช่ที่อยู่ https://`,
    en: (p: { kind: 'http' | 'other'; shown: string }) =>
      p.kind === 'http' ? `${p.shown} is plain http, not https://; use an https:// server, or --allow-http for a trusted local or test server` : `${p.shown} is not an https:// address`,
  },
  PUBLIC_KEY_UNREADABLE: {
    severity: 'error',
    th: (p: { file: string; reason: string }) => `อ่านกุญแจสาธารณะ ${p.file} ไม่ได้`,
    en: (p: { file: string; reason: string }) => `cannot read the public key ${p.file} (${p.reason})`,
  },
  NOT_ED25519_KEY: {
    severity: 'error',
    th: () => 'กุญแจสาธารณะไม่ใช่กุญแจ Ed25519 แบบ PEM',
    en: () => 'the public key is not an Ed25519 public key in PEM',
  },
  NOTHING_PUBLISHED: {
    severity: 'error',
    th: (p: { period: string }) => `ไม่มีเกณฑ์ที่เผยแพร่ในไตรมาส ${p.period}`,
    en: (p: { period: string }) => `the server has nothing published for ${p.period}`,
  },
  SERVER_ANSWERED: {
    severity: 'error',
    th: (p: { status: number }) => `เซิร์ฟเวอร์ตอบ ${p.status}`,
    en: (p: { status: number }) => `the server answered ${p.status} for the manifest`,
  },
  NO_SIGNATURE: {
    severity: 'error',
    th: () => 'ไม่มีลายมือชื่อของ manifest',
    en: (p: { status: number }) => `no manifest signature (HTTP ${p.status})`,
  },
  MISSING_FILE: {
    severity: 'error',
    th: (p: { path: string; status: number }) => `ไม่มีไฟล์ ${p.path} (HTTP ${p.status})`,
    en: (p: { path: string; status: number }) => `missing file ${p.path} (HTTP ${p.status})`,
  },
  TOO_MANY_REDIRECTS: {
    severity: 'error',
    th: (p: { name: string; max: number }) => `${p.name}: ส่งต่อเกิน ${p.max} ครั้ง`,
    en: (p: { name: string; max: number }) => `${p.name}: more than ${p.max} redirects`,
  },
  COMPRESSED: {
    severity: 'error',
    th: (p: { name: string; encoding: string }) => `เซิร์ฟเวอร์ส่ง ${p.name} แบบบีบอัด (content-encoding ${p.encoding}) ซึ่งไม่รับ: รับเฉพาะแบบไม่บีบอัด (identity)`,
    en: (p: { name: string; encoding: string }) => `the server sent ${p.name} with content-encoding ${p.encoding}; compressed answers are refused (only identity)`,
  },
  TOO_LARGE: {
    severity: 'error',
    th: (p: { kind: 'stated' | 'limit'; name: string; maxBytes: number }) =>
      p.kind === 'stated' ? `ไฟล์ ${p.name} ใหญ่กว่า ${p.maxBytes} ไบต์ที่ manifest ระบุ` : `${p.name} ใหญ่เกินขีดจำกัด ${sizeText(p.maxBytes, 'ไบต์')}`,
    en: (p: { kind: 'stated' | 'limit'; name: string; maxBytes: number }) =>
      p.kind === 'stated' ? `${p.name} is larger than the ${p.maxBytes} bytes the manifest states` : `${p.name} is larger than ${sizeText(p.maxBytes, 'bytes')}, the most accepted`,
  },
  DOWNLOAD_FAILED: {
    severity: 'error',
    th: (p: { url: string; attempts: number; error: string }) => `ดาวน์โหลด ${p.url} ไม่ได้ (${p.error})`,
    en: (p: { url: string; attempts: number; error: string }) => `cannot download ${p.url} after ${p.attempts} attempts (${p.error})`,
  },
  PULL_FAILED: {
    severity: 'error',
    th: (p: { message: string }) => `ดึงชุดเกณฑ์ไม่สำเร็จ: ${p.message}`,
    en: (p: { message: string }) => `the pull failed: ${p.message}`,
  },
  SIGNATURE_INVALID: {
    severity: 'error',
    th: () => 'ลายมือชื่อของ manifest ไม่ถูกต้อง (ถูกแก้ไข หรือกุญแจไม่ตรง)',
    en: () => 'the manifest signature does not verify (altered, or signed with another key)',
  },
  MANIFEST_NOT_JSON: {
    severity: 'error',
    th: () => 'manifest ไม่ใช่ JSON',
    en: () => 'the manifest is not JSON',
  },
  MANIFEST_MALFORMED: {
    severity: 'error',
    th: (p: { problems: Text[] }) => `manifest มีรูปแบบไม่ถูกต้อง: ${p.problems.map((q) => q.th).join('; ')}`,
    en: (p: { problems: Text[] }) => `the manifest is malformed: ${p.problems.map((q) => q.en).join('; ')}`,
  },
  WRONG_PERIOD: {
    severity: 'error',
    th: (p: { period: string; expected: string }) => `manifest เป็นของไตรมาส ${p.period} ไม่ใช่ ${p.expected}`,
    en: (p: { period: string; expected: string }) => `the manifest is for ${p.period}, not ${p.expected}`,
  },
  REPLAY: {
    severity: 'error',
    th: (p: { sequence: number; held: number }) => `manifest ลำดับที่ ${p.sequence} เก่ากว่าที่มีอยู่ (${p.held}): ปฏิเสธการเล่นซ้ำ`,
    en: (p: { sequence: number; held: number }) => `manifest sequence ${p.sequence} is older than the one already held (${p.held}): a replay, refused`,
  },
  FILE_SIZE_MISMATCH: {
    severity: 'error',
    th: (p: { path: string; size: number; stated: number }) => `ไฟล์ ${p.path} มีขนาด ${p.size} ไบต์ แต่ manifest ระบุ ${p.stated} ไบต์`,
    en: (p: { path: string; size: number; stated: number }) => `${p.path} is ${p.size} bytes, the manifest states ${p.stated}`,
  },
  DIGEST_MISMATCH: {
    severity: 'error',
    th: (p: { path: string; received: string; expected: string }) => `ไฟล์ ${p.path} ไม่ตรงกับ manifest (ได้ ${p.received.slice(0, 19)}… ต้องเป็น ${p.expected.slice(0, 19)}…)`,
    en: (p: { path: string; received: string; expected: string }) => `${p.path} does not match the manifest (received ${p.received}, expected ${p.expected})`,
  },
  OUTSIDE_BUNDLE: {
    severity: 'error',
    th: (p: { path: string }) => `เส้นทาง ${JSON.stringify(p.path)} อยู่นอกโฟลเดอร์ของชุดเกณฑ์`,
    en: (p: { path: string }) => `the path ${JSON.stringify(p.path)} leads outside the bundle's folder`,
  },
  STATE_DAMAGED: {
    severity: 'error',
    th: (p: { statePath: string; dir: string }) => `ไฟล์สถานะ ${p.statePath} เสียหาย (ย้ายโฟลเดอร์ ${p.dir} ออกก่อนแล้วดึงใหม่)`,
    en: (p: { statePath: string; dir: string }) => `the saved state ${p.statePath} is damaged (move ${p.dir} aside and pull again)`,
  },
  NO_BUNDLE: {
    severity: 'error',
    th: (p: { period: string; bundle: string }) => `ไม่มีชุดเกณฑ์ไตรมาส ${p.period} ใน ${p.bundle}`,
    en: (p: { period: string; bundle: string }) => `no bundle for ${p.period} in ${p.bundle} (run rubric pull first)`,
  },
  NO_MISSION: {
    severity: 'error',
    th: (p: { mission: string; missions: string[] }) => `ชุดเกณฑ์ไม่มีภารกิจ ${p.mission}`,
    en: (p: { mission: string; missions: string[] }) => `the bundle has no mission ${p.mission} (missions: ${p.missions.join(', ')})`,
  },
});
