// The reasons the page lists beside a disabled Publish button.
import { describe, expect, it } from 'vitest';
import { analyseLive } from '../../engine/text-analysis.js';
import { publishBlockers } from '../../engine/publish-readiness.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const shipped = (mission: string) => readFileSync(join(import.meta.dirname, '../../rubrics/2567-Q3', `${mission}.yaml`), 'utf8');

function blockersOf(yaml: string, mission: string, extra: { dirty?: boolean; fourEyes?: { authors: string[]; username: string } | null; pending?: boolean } = {}) {
  const live = analyseLive(yaml, '2567-Q3', mission);
  const fresh = live.findings.filter((f) => f.severity === 'error');
  return publishBlockers({ dirty: extra.dirty ?? false, rubric: live.rubric, freshErrors: fresh, examples: live.examples, fourEyes: extra.fourEyes ?? null, pending: extra.pending ?? false });
}

describe('publishBlockers', () => {
  it('has none for a rubric whose examples pass and which has no errors', () => {
    expect(blockersOf(shipped('bmn'), 'bmn')).toEqual([]);
  });

  it('says a rubric with no grade rule cannot be published (food-security)', () => {
    expect(blockersOf(shipped('food-security'), 'food-security').map((b) => b.code)).toEqual(['NO_GRADE_RULE']);
  });

  it('names each failing example with what it expects and gives', () => {
    const yaml = shipped('otop').replace('    facts: { newProducts: 5, salesGrowthPct: 4.01 }\n    expect: A', '    facts: { newProducts: 5, salesGrowthPct: 4.01 }\n    expect: C');
    const [b, ...rest] = blockersOf(yaml, 'otop').filter((x) => x.code !== 'HOLE');
    expect(rest).toEqual([]);
    expect(b!.code).toBe('EXAMPLES_FAIL');
    expect(b!.message.en).toContain('"Five new products and sales up 4.01 % get A": expects C, gives A');
  });

  it('asks to save first, and applies the four-eyes rule only to an author', () => {
    const codes = (fourEyes: { authors: string[]; username: string }) => blockersOf(shipped('bmn'), 'bmn', { dirty: true, fourEyes }).map((b) => b.code);
    expect(codes({ authors: ['pat'], username: 'pat' })).toEqual(['UNSAVED_CHANGES', 'SAME_PUBLISHER']);
    expect(codes({ authors: ['pat'], username: 'quinn' })).toEqual(['UNSAVED_CHANGES']);
  });

  it('waits while the latest edit is still being checked, in words a user reads', () => {
    const [b, ...rest] = blockersOf(shipped('bmn'), 'bmn', { pending: true });
    expect(rest).toEqual([]);
    expect(b!.code).toBe('ANALYSIS_PENDING');
    expect(b!.message.th).toBe('กำลังตรวจข้อความที่แก้ไขล่าสุด รอให้ตรวจเสร็จแล้วจึงเผยแพร่');
  });
});
