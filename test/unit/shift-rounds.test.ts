// A rubric text carried into the next quarter: its due dates moved, a note to check them, nothing else changed.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRubric } from '../../engine/load.js';
import { shiftRounds } from '../../engine/shift-rounds.js';
import { validateRubric } from '../../engine/validate.js';

const shipped = (mission: string) => readFileSync(join(import.meta.dirname, '../../rubrics/2567-Q3', `${mission}.yaml`), 'utf8');
const rounds = (text: string) => validateRubric(loadRubric(text, 'x.yaml')).rubric!.reporting.rounds.map((r) => r.due);

describe('shiftRounds', () => {
  it('moves every due date into the next quarter and keeps the rest of the text', () => {
    const before = shipped('bmn');
    const after = shiftRounds(before, '2567-Q3', '2567-Q4');
    expect(rounds(after)).toEqual(['2024-07-19', '2024-08-20', '2024-09-18', '2024-09-30']);
    // Only the dates and the one note line differ: the letter's comment above round 3 is kept.
    const removed = before.split('\n').filter((l) => !after.split('\n').includes(l));
    expect(removed).toEqual(['    - { round: 1, due: 2024-04-19 }', '    - { round: 2, due: 2024-05-20 }', '    - { round: 3, due: 2024-06-18 }', '      due: 2024-06-30']);
    expect(after).toContain('# document: "ยกเว้นภารกิจที่ ๘ จปฐ.');
    expect(after).toMatch(/\n {2}# ตรวจวันที่: .*ไตรมาส ๓\/๒๕๖๗.*check the dates: moved from 2567-Q3 to 2567-Q4.*\n {2}rounds:\n/);
  });

  it('keeps a time of day, and replaces the note of an earlier move rather than adding a second', () => {
    const once = shiftRounds(shipped('moral-organization'), '2567-Q3', '2567-Q4');
    const twice = shiftRounds(once, '2567-Q4', '2568-Q1');
    expect(rounds(twice)).toEqual(['2024-10-19T16:30:00+07:00', '2024-11-19T16:30:00+07:00', '2024-12-20T16:30:00+07:00']);
    expect(twice.match(/# ตรวจวันที่/g)).toHaveLength(1);
    expect(twice).toContain('moved from 2567-Q4 to 2568-Q1');
  });

  it('changes nothing in a text without rounds', () => {
    const text = 'mission: x\nreporting: { channel: { th: x, en: x }, rounds: [] }\n';
    expect(shiftRounds(text, '2567-Q3', '2567-Q4')).toBe(text);
  });
});
