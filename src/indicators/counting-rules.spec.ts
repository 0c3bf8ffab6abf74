import { denominatorOf, endOfDayUtc, isYearEnd, isYearStart, percentOf } from './counting-rules';

/** How a worker counts on a date is the roll-up's SQL: rollup.repository.spec.ts runs it on a database. */
describe('counting rules', () => {
  it('takes the larger of headcount and roster as the denominator', () => {
    expect(denominatorOf(10, 3)).toBe(10);
    expect(denominatorOf(2, 5)).toBe(5);
    expect(denominatorOf(0, 0)).toBe(0);
  });

  it('gives shares with one decimal and none without a denominator', () => {
    expect(percentOf(3, 18)).toBe(16.7);
    expect(percentOf(1, 18)).toBe(5.6);
    expect(percentOf(4, 19)).toBe(21.1);
    expect(percentOf(0, 0)).toBeNull();
    expect(percentOf(7, 7)).toBe(100);
  });

  it('ends a day in Vietnam at 17:00 UTC the same day', () => {
    expect(endOfDayUtc('2025-05-31')).toBe('2025-05-31 17:00:00.000');
  });

  it('knows 1 January (when plans start) and 31 December (the snapshots kept as history)', () => {
    expect(isYearStart('2023-01-01')).toBe(true);
    expect(isYearStart('2023-07-01')).toBe(false);
    expect(isYearEnd('2024-12-31')).toBe(true);
    expect(isYearEnd('2024-12-30')).toBe(false);
  });
});
