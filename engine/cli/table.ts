// The `rubric grade` table format: results as a readable Thai and English block per unit.
import type { GradeResult } from '../evaluate.js';

const STATUS_TH: Record<string, string> = { graded: 'ได้ระดับ', unmatched: 'ไม่ตรงระดับใด', error: 'ข้อมูลผิดพลาด' };

/** Formats results as a readable Thai/English table, one unit per block. */
export function formatTable(results: readonly GradeResult[]): string {
  const idWidth = Math.max(2, ...results.map((r) => r.id.length));
  const lines = [
    `${'id'.padEnd(idWidth)}  ระดับ  คะแนน    สถานะ / status`,
    `${''.padEnd(idWidth)}  grade  score    เหตุผล / reason`,
    '-'.repeat(idWidth + 40),
  ];
  const counts = { graded: 0, unmatched: 0, error: 0 };
  for (const r of results) {
    counts[r.status]++;
    const score = r.score === null ? '—' : String(r.score);
    lines.push(`${r.id.padEnd(idWidth)}  ${(r.grade ?? '—').padEnd(5)}  ${score.padEnd(7)}  ${STATUS_TH[r.status]} / ${r.status}`);
    lines.push(`${''.padEnd(idWidth)}    ${r.reason.th}`);
    lines.push(`${''.padEnd(idWidth)}    ${r.reason.en}`);
  }
  const first = results[0];
  lines.push('-'.repeat(idWidth + 40));
  lines.push(
    `${results.length} แถว/rows: ${counts.graded} ได้ระดับ/graded, ${counts.unmatched} ไม่ตรงระดับใด/unmatched, ${counts.error} ผิดพลาด/error`,
  );
  if (first) lines.push(`เกณฑ์/rubric: ${first.rubric.mission} ${first.rubric.period} r${first.rubric.revision} ${first.rubric.digest}`);
  return lines.join('\n');
}
