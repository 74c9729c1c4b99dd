// Checks what a rubric says about itself: its mission and period against where the file lives,
// its due dates against the calendar, and that a published rubric has a grade rule.
import { parseIsoDate } from '../thai-date.js';
import { found, type CheckContext } from './found.js';

/** Where a rubric is expected to live, to check its mission and period against its path. */
export interface ExpectedPlace {
  expectedMission?: string;
  expectedPeriod?: string;
}

/** True when a due date is a real day and, when it has one, a real time of day. */
function isRealDue(due: string): boolean {
  const time = /T(\d{2}):(\d{2})(?::(\d{2}))?/.exec(due);
  const timeOk = !time || (Number(time[1]) <= 23 && Number(time[2]) <= 59 && Number(time[3] ?? 0) <= 59);
  return parseIsoDate(due) !== undefined && timeOk;
}

/** MISSION_MISMATCH, PERIOD_MISMATCH, an impossible due date, a published rubric without a grade rule. */
export function checkHeader(ctx: CheckContext, options: ExpectedPlace): void {
  const { rubric, problems } = ctx;
  if (options.expectedMission && rubric.mission !== options.expectedMission) {
    problems.push(
      found('MISSION_MISMATCH', { mission: rubric.mission, expected: options.expectedMission }, '/mission', {
        expected: options.expectedMission,
        received: rubric.mission,
      }),
    );
  }
  if (options.expectedPeriod && rubric.period !== options.expectedPeriod) {
    problems.push(
      found('PERIOD_MISMATCH', { period: rubric.period, expected: options.expectedPeriod }, '/period', {
        expected: options.expectedPeriod,
        received: rubric.period,
      }),
    );
  }
  // The schema checks a due date's shape; the calendar decides whether it is a day (no 30 February) and a time.
  rubric.reporting.rounds.forEach((round, i) => {
    if (isRealDue(round.due)) return;
    problems.push(
      found('SCHEMA_CONSTRAINT', { kind: 'due', due: round.due }, `/reporting/rounds/${i}/due`, {
        expected: 'a calendar date (YYYY-MM-DD), optionally with a time of day',
        received: round.due,
      }),
    );
  });
  if (rubric.status === 'published' && !rubric.grade) {
    problems.push(found('SCHEMA_REQUIRED', { kind: 'published-grade' }, '', { expected: 'grade' }));
  }
}
