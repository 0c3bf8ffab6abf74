import { ANSWER_WITHIN_DAYS, daysLeft, dueDateOf } from './request-rules';

describe('privacy request rules', () => {
  it('gives 15 days from the day of receipt in Vietnam', () => {
    expect(ANSWER_WITHIN_DAYS).toBe(15);
    expect(dueDateOf(new Date('2026-01-10T03:00:00Z'))).toBe('2026-01-25');
    // 18:30 UTC on 31 January is already 1 February in Vietnam.
    expect(dueDateOf(new Date('2026-01-31T18:30:00Z'))).toBe('2026-02-16');
    expect(dueDateOf(new Date('2026-12-20T01:00:00Z'))).toBe('2027-01-04');
  });

  it('counts the days left, negative once overdue', () => {
    const now = new Date('2026-03-01T02:00:00Z');
    expect(daysLeft('2026-03-16', now)).toBe(15);
    expect(daysLeft('2026-03-01', now)).toBe(0);
    expect(daysLeft('2026-02-27', now)).toBe(-2);
  });
});
