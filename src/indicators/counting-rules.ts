import { DomainCode } from '../learning-records/learning-domains';
import { IndicatorCode } from './entities/plan.entity';

/**
 * The small rules of issue 5 that the roll-up and the screens share. How a worker counts on a date
 * (learned inside the window, holds the title) is decided by the roll-up's SQL alone
 * (rollup.repository.ts), whose spec checks it against the records on a real database.
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

/**
 * The first moment after day D in Vietnam (UTC+7, no daylight saving), as a UTC datetime string:
 * D+1 00:00 in Hà Nội is D 17:00 UTC. Datetime columns are stored in UTC on both databases.
 */
export function endOfDayUtc(asOf: string): string {
  return `${asOf} 17:00:00.000`;
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
