// A period's months in the Gregorian calendar, a due date moved between quarters, and the DUE_DATE
// warning that catches a round still dated in another quarter.
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../engine/analyze.js';
import { lintRubric } from '../../engine/lint.js';
import { loadRubric } from '../../engine/load.js';
import { dueOutside, quarterSpan, shiftDue } from '../../engine/quarter-dates.js';
import { validateRubric } from '../../engine/validate.js';

describe('quarterSpan', () => {
  it('gives fiscal quarters: Q1 is October–December of the Gregorian year before', () => {
    expect(quarterSpan('2567-Q1')).toEqual({ first: '2023-10-01', last: '2023-12-31' });
    expect(quarterSpan('2567-Q2')).toEqual({ first: '2024-01-01', last: '2024-03-31' });
    expect(quarterSpan('2567-Q3')).toEqual({ first: '2024-04-01', last: '2024-06-30' });
    expect(quarterSpan('2567-Q4')).toEqual({ first: '2024-07-01', last: '2024-09-30' });
    expect(quarterSpan('2568-Q1')).toEqual({ first: '2024-10-01', last: '2024-12-31' });
  });

  it('reads no span from a text that is no period', () => {
    expect(quarterSpan('2567-Q5')).toBeUndefined();
    expect(quarterSpan('2024-Q1')).toBeUndefined();
  });
});

describe('shiftDue', () => {
  it('keeps the day of the quarter: the 19th of the first month stays the 19th of the first month', () => {
    expect(shiftDue('2024-04-19', '2567-Q3', '2567-Q4')).toBe('2024-07-19');
    expect(shiftDue('2024-05-20', '2567-Q3', '2567-Q4')).toBe('2024-08-20');
    expect(shiftDue('2024-06-30', '2567-Q3', '2567-Q4')).toBe('2024-09-30');
  });

  it('turns the year from Q4 to Q1 (July–September → October–December of the same Gregorian year)', () => {
    expect(shiftDue('2024-07-19', '2567-Q4', '2568-Q1')).toBe('2024-10-19');
    expect(shiftDue('2024-09-20', '2567-Q4', '2568-Q1')).toBe('2024-12-20');
  });

  it('turns the Gregorian year from Q1 to Q2 (December → March of the next year)', () => {
    expect(shiftDue('2024-12-31', '2568-Q1', '2568-Q2')).toBe('2025-03-31');
    expect(shiftDue('2024-10-05', '2568-Q1', '2568-Q2')).toBe('2025-01-05');
  });

  it('clamps a day the new month lacks to its last day', () => {
    expect(shiftDue('2024-05-31', '2567-Q3', '2567-Q4')).toBe('2024-08-31');
    expect(shiftDue('2024-08-31', '2567-Q4', '2568-Q1')).toBe('2024-11-30');
    expect(shiftDue('2024-11-30', '2568-Q1', '2568-Q2')).toBe('2025-02-28');
    expect(shiftDue('2023-11-30', '2567-Q1', '2567-Q2')).toBe('2024-02-29');
  });

  it('keeps a time of day and its offset', () => {
    expect(shiftDue('2024-04-19T16:30:00+07:00', '2567-Q3', '2567-Q4')).toBe('2024-07-19T16:30:00+07:00');
  });

  it('moves by the distance between the quarters, also over several', () => {
    expect(shiftDue('2024-04-19', '2567-Q3', '2568-Q3')).toBe('2025-04-19');
  });

  it('moves nothing it cannot read', () => {
    expect(shiftDue('19 April', '2567-Q3', '2567-Q4')).toBeUndefined();
    expect(shiftDue('2024-04-19', 'Q3', '2567-Q4')).toBeUndefined();
  });
});

describe('dueOutside', () => {
  it('says whether a date lies before, after or within the quarter', () => {
    expect(dueOutside('2024-06-30', '2567-Q4')).toBe('before');
    expect(dueOutside('2024-07-01', '2567-Q4')).toBeUndefined();
    expect(dueOutside('2024-09-30T16:30:00+07:00', '2567-Q4')).toBeUndefined();
    expect(dueOutside('2024-10-01', '2567-Q4')).toBe('after');
  });
});

/** The findings of a rubric with the given period and rounds. */
function lint(period: string, rounds: string): Finding[] {
  const text = `mission: test
period: ${period}
revision: 1
status: draft
name: { th: ทดสอบ, en: Test }
reporting:
  channel: { th: x, en: x }
  rounds:
${rounds}
source: {}
`;
  const loaded = loadRubric(text, 'test.yaml');
  const { rubric, diagnostics } = validateRubric(loaded);
  return lintRubric(loaded, rubric, diagnostics);
}

describe('analyzeRubric, when a round is due outside the rubric’s quarter', () => {
  const rounds = '    - { round: 1, due: 2024-04-19 }\n    - { round: 2, due: 2024-07-19 }\n    - { round: 3, due: 2024-10-01 }';

  it('warns with DUE_DATE at each such round’s due date, not at the ones within', () => {
    const found = lint('2567-Q4', rounds).filter((f) => f.code === 'DUE_DATE');
    expect(found.map((f) => [f.severity, f.where.pointer, f.where.line])).toEqual([
      ['warning', '/reporting/rounds/0/due', 9],
      ['warning', '/reporting/rounds/2/due', 11],
    ]);
    expect(found[0]!.message.th).toContain('19 เม.ย. 2567');
    expect(found[0]!.message.en).toContain('before 2567-Q4');
    expect(found[1]!.message.en).toContain('after 2567-Q4');
  });

  it('says nothing when every round is within the quarter', () => {
    expect(lint('2567-Q3', '    - { round: 1, due: 2024-04-19 }\n    - { round: 2, due: 2024-06-30 }').filter((f) => f.code === 'DUE_DATE')).toEqual([]);
  });
});
