import fc from 'fast-check';
import {
  countingWindow,
  denominatorOf,
  firstsOf,
  holdsTitle,
  isReached,
  isYearStart,
  percentOf,
  RecognitionFacts,
} from './counting-rules';
import { CountingWindow } from './entities/plan.entity';

const day = (from: string, to: string) =>
  fc
    .integer({
      min: Date.parse(`${from}T00:00:00Z`) / 86_400_000,
      max: Date.parse(`${to}T00:00:00Z`) / 86_400_000,
    })
    .map((n) => new Date(n * 86_400_000).toISOString().slice(0, 10));

/** Reached straight from the records: at least one record inside the window. */
const fromRecords = (window: CountingWindow, planStart: string, asOf: string, dates: string[]) => {
  const { from, to } = countingWindow(window, planStart, asOf);
  return dates.some((d) => d >= from && d <= to);
};

describe('counting rules', () => {
  describe('reached in a domain', () => {
    it.each([CountingWindow.PlanToDate, CountingWindow.CalendarYear])(
      'from the summary rows equals "a record inside the window" (%s, plans starting on 1 January)',
      (window) => {
        fc.assert(
          fc.property(
            fc.array(day('2019-01-01', '2027-12-31'), { maxLength: 8 }),
            fc.integer({ min: 2020, max: 2026 }).map((y) => `${y}-01-01`),
            day('2020-01-01', '2027-12-31'),
            (dates, planStart, asOf) => {
              expect(isReached(window, planStart, asOf, firstsOf(dates))).toBe(
                fromRecords(window, planStart, asOf, dates),
              );
            },
          ),
          { numRuns: 2000 },
        );
      },
    );

    it('could not be answered from year rows for a plan starting mid-year (why plans start on 1 January)', () => {
      // Learned in March 2023 and again in May 2024; a plan starting on 1 July 2023, counted on 31/12/2023.
      const firsts = firstsOf(['2023-03-10', '2024-05-01']);
      // The 2023 row only says "first in 2023: 10/03" — nothing about July to December.
      expect(isReached(CountingWindow.PlanToDate, '2023-07-01', '2023-12-31', firsts)).toBe(true);
      expect(
        fromRecords(CountingWindow.PlanToDate, '2023-07-01', '2023-12-31', ['2023-03-10', '2024-05-01']),
      ).toBe(false);
      expect(isYearStart('2023-07-01')).toBe(false);
      expect(isYearStart('2023-01-01')).toBe(true);
    });

    it('counts a record on the date itself, and nothing after it', () => {
      const firsts = firstsOf(['2025-09-30', '2025-10-15']);
      expect(isReached(CountingWindow.PlanToDate, '2023-01-01', '2025-09-30', firsts)).toBe(true);
      expect(isReached(CountingWindow.PlanToDate, '2023-01-01', '2025-09-29', firsts)).toBe(false);
      expect(isReached(CountingWindow.CalendarYear, '2023-01-01', '2025-09-30', firsts)).toBe(true);
    });

    it('counts learning before the plan only when there is more inside it', () => {
      expect(isReached(CountingWindow.PlanToDate, '2023-01-01', '2025-03-31', firstsOf(['2021-03-03']))).toBe(
        false,
      );
      expect(
        isReached(
          CountingWindow.PlanToDate,
          '2023-01-01',
          '2025-03-31',
          firstsOf(['2021-03-03', '2024-02-02']),
        ),
      ).toBe(true);
    });
  });

  describe('holding the title on a date', () => {
    const title = (facts: Partial<RecognitionFacts>): RecognitionFacts => ({
      year: 2025,
      status: 'VALID',
      recognisedAt: new Date('2025-02-01T03:00:00Z'),
      revokedAt: null,
      ...facts,
    });

    it('holds a valid title of the date’s year from the day it is recognised', () => {
      expect(holdsTitle(title({}), '2025-02-01')).toBe(true);
      expect(holdsTitle(title({}), '2025-01-31')).toBe(false);
      expect(holdsTitle(title({}), '2025-12-31')).toBe(true);
    });

    it('does not carry a title into another year', () => {
      expect(holdsTitle(title({}), '2026-01-01')).toBe(false);
      expect(
        holdsTitle(title({ year: 2024, recognisedAt: new Date('2024-05-01T00:00:00Z') }), '2025-03-01'),
      ).toBe(false);
    });

    it('holds a revoked title until the day it is revoked (Vietnam time)', () => {
      // Revoked at 08:00 on 01/06/2025 in Hà Nội (01:00 UTC).
      const revoked = title({ status: 'REVOKED', revokedAt: new Date('2025-06-01T01:00:00Z') });
      expect(holdsTitle(revoked, '2025-05-31')).toBe(true);
      expect(holdsTitle(revoked, '2025-06-01')).toBe(false);
      // Revoked at 23:30 on 31/05 in Hà Nội is 16:30 UTC the same day: gone on 31/05 already.
      expect(
        holdsTitle(title({ status: 'REVOKED', revokedAt: new Date('2025-05-31T16:30:00Z') }), '2025-05-31'),
      ).toBe(false);
    });
  });

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
});
