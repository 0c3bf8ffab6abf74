import { DomainCode } from '../learning-records/learning-domains';
import { CountingWindow, IndicatorCode } from './entities/plan.entity';

/**
 * The counting rules of issue 5, written once in plain TypeScript. The roll-up runs the same rules
 * as set-based SQL (rollup.repository.ts); these functions state them for one worker so that specs
 * can check them against the records themselves, and so the screens can explain them.
 */

/** The learning domain behind each of the four learning indicators (LEARNING_CITIZEN has none). */
export const DOMAIN_OF: Partial<Record<IndicatorCode, DomainCode>> = {
  [IndicatorCode.Law]: DomainCode.Law,
  [IndicatorCode.Vocational]: DomainCode.Vocational,
  [IndicatorCode.LifeSkills]: DomainCode.LifeSkills,
  [IndicatorCode.Digital]: DomainCode.Digital,
};

/**
 * Plans start on 1 January. The store keeps, per worker, the first date ever in each domain and the
 * first date within each calendar year; "learned between the plan's start and D" can be answered
 * exactly from those rows only when the start is a year boundary (a year row says nothing about
 * which part of its year came before a mid-year start).
 */
export function isYearStart(date: string): boolean {
  return /^\d{4}-01-01$/.test(date);
}

/** The first and last day whose records count for a window on D (inclusive, YYYY-MM-DD). */
export function countingWindow(
  window: CountingWindow,
  planStart: string,
  asOf: string,
): { from: string; to: string } {
  return window === CountingWindow.CalendarYear
    ? { from: `${asOf.slice(0, 4)}-01-01`, to: asOf }
    : { from: planStart, to: asOf };
}

/** What the summary rows hold for one worker and one domain. */
export interface DomainFirsts {
  /** worker_learning_summary: the first date ever, or null. */
  firstEver: string | null;
  /** worker_learning_summary: the latest date ever, or null. */
  latestEver: string | null;
  /** worker_learning_years: the first date within each calendar year that has one. */
  firstByYear: Record<number, string | null>;
}

/**
 * Reached on D, from the summary rows alone — the rule the roll-up's SQL CASE follows, branch by
 * branch. CALENDAR_YEAR: the year row of D's year has a date on or before D. PLAN_TO_DATE: the first
 * date ever lies between the plan's start and D; or it lies before the start and the latest date
 * lies between the start and D; or, rarely — learned before the start and again after D — a year
 * row from the start's year to D's year has a date on or before D (years after the start's year
 * begin after it; the start's own year begins on it, since plans start on 1 January).
 */
export function isReached(
  window: CountingWindow,
  planStart: string,
  asOf: string,
  firsts: DomainFirsts,
): boolean {
  const year = Number(asOf.slice(0, 4));
  if (window === CountingWindow.CalendarYear) {
    const first = firsts.firstByYear[year] ?? null;
    return first !== null && first <= asOf;
  }
  if (firsts.firstEver === null || firsts.firstEver > asOf) return false;
  if (firsts.firstEver >= planStart) return true;
  if (firsts.latestEver === null || firsts.latestEver < planStart) return false;
  if (firsts.latestEver <= asOf) return true;
  const startYear = Number(planStart.slice(0, 4));
  return Object.entries(firsts.firstByYear).some(
    ([y, first]) => Number(y) >= startYear && Number(y) <= year && first !== null && first <= asOf,
  );
}

/** The summary rows the store keeps for a worker's record dates in one domain (as the store folds them). */
export function firstsOf(recordDates: string[]): DomainFirsts {
  const firstByYear: Record<number, string | null> = {};
  let firstEver: string | null = null;
  let latestEver: string | null = null;
  for (const on of recordDates) {
    if (firstEver === null || on < firstEver) firstEver = on;
    if (latestEver === null || on > latestEver) latestEver = on;
    const year = Number(on.slice(0, 4));
    const current = firstByYear[year] ?? null;
    if (current === null || on < current) firstByYear[year] = on;
  }
  return { firstEver, latestEver, firstByYear };
}

/** A recognition as the roll-up sees it. */
export interface RecognitionFacts {
  year: number;
  status: 'VALID' | 'REVOKED';
  recognisedAt: Date;
  revokedAt: Date | null;
}

/**
 * The first moment after day D in Vietnam (UTC+7, no daylight saving), as a UTC datetime string:
 * D+1 00:00 in Hà Nội is D 17:00 UTC. Datetime columns are stored in UTC on both databases.
 */
export function endOfDayUtc(asOf: string): string {
  return `${asOf} 17:00:00.000`;
}

/**
 * Holds the title on D: recognised for D's year by the end of D, and not revoked by then. A title
 * is yearly, so one of another year never counts.
 */
export function holdsTitle(recognition: RecognitionFacts, asOf: string): boolean {
  const end = new Date(`${asOf}T17:00:00.000Z`);
  if (recognition.year !== Number(asOf.slice(0, 4))) return false;
  if (recognition.recognisedAt >= end) return false;
  return recognition.status === 'VALID' || (recognition.revokedAt !== null && recognition.revokedAt >= end);
}

/** An enterprise's denominator: the larger of its declared headcount for the year and its population. */
export function denominatorOf(declaredHeadcount: number, population: number): number {
  return Math.max(declaredHeadcount, population);
}

/** A share in percent with one decimal, or null when there is nobody to count. */
export function percentOf(numerator: number, denominator: number): number | null {
  if (denominator <= 0) return null;
  return Math.round((numerator * 1000) / denominator) / 10;
}

/** 31 December: the snapshots kept as history. */
export function isYearEnd(date: string): boolean {
  return /^\d{4}-12-31$/.test(date);
}
