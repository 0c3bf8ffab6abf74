import { formatNumber } from '../../common/views/view-helpers';
import { Locale } from '../../common/i18n/messages';
import { percentOf as rollupPercentOf } from '../counting-rules';
import { IndicatorCode, INDICATOR_CODES } from '../entities/plan.entity';
import { IndicatorStatus, statusOf } from '../trajectory';
import type { Figures } from '../unit-rollup';

/**
 * The arithmetic of the dashboard, the reports and the reviews, in one place: every page, every
 * XLSX/CSV export and every PDF takes its percentages, gaps and statuses from these functions, so a
 * number is rounded once and reads the same everywhere.
 */

/** The counts of one organisation — a snapshot row, or a frozen report figure — as the roll-up makes them. */
export type { Figures };

export type NumeratorField = 'law' | 'vocational' | 'lifeSkills' | 'digital' | 'learningCitizen';

/** Which count of a row is each indicator's numerator. */
export const NUMERATOR: Record<IndicatorCode, NumeratorField> = {
  [IndicatorCode.Law]: 'law',
  [IndicatorCode.Vocational]: 'vocational',
  [IndicatorCode.LifeSkills]: 'lifeSkills',
  [IndicatorCode.Digital]: 'digital',
  [IndicatorCode.LearningCitizen]: 'learningCitizen',
};

export { INDICATOR_CODES };

/** One decimal, as percentages are shown (gaps, differences). */
export function round1(value: number): number {
  return Math.round(value * 10) / 10;
}

/** numerator / denominator as a percentage with one decimal; null when there is no denominator. */
export function percentOf(numerator: number, denominator: number): number | null {
  return rollupPercentOf(numerator, denominator);
}

export function indicatorPercent(figures: Figures, code: IndicatorCode): number | null {
  return percentOf(figures[NUMERATOR[code]], figures.denominator);
}

/** Percentage points still missing to reach a target (0 once reached); null without a current value. */
export function gapTo(current: number | null, target: number | null): number | null {
  if (current === null || target === null) return null;
  return Math.max(0, round1(target - current));
}

/** How a percentage is written on screen: "45,3" in Vietnamese, "45.3" in English, "—" when unknown. */
export function formatPercent(value: number | null, locale: Locale): string {
  return value === null ? '—' : formatNumber(value, locale, 1);
}

/** How a count is written on screen: "1.250" in Vietnamese, "1,250" in English. */
export function formatCount(value: number | null, locale: Locale): string {
  return value === null ? '—' : formatNumber(value, locale, 0);
}

export { IndicatorStatus };

export interface Milestone {
  year: number;
  percent: number;
  /** YYYY-MM-DD of the milestone's review (31/12 of its year unless the plan says otherwise). */
  reviewDate?: string;
}

export interface TrendPoint {
  /** YYYY-MM-DD */
  date: string;
  percent: number;
}

export interface StatusInput {
  current: number | null;
  /** YYYY-MM-DD of the current value. */
  asOf: string;
  /** The plan's targets of this indicator (2025, 2030), any order. */
  targets: Milestone[];
  /** Earlier values (the year-end history), any order; those on or after asOf are ignored. */
  trend: TrendPoint[];
  /** YYYY-MM-DD: the plan's start, where the expected path begins. */
  planStart: string;
}

export interface StatusResult {
  status: IndicatorStatus | null;
  /** The milestone the current value is measured against: the first one not yet reviewed. */
  milestone: Milestone | null;
  /** Percentage points still missing to the milestone's target (0 once reached). */
  gap: number | null;
}

const reviewDateOf = (m: Milestone) => m.reviewDate ?? `${m.year}-12-31`;

/** The target in play on a date: the first milestone whose review date is not past, else the last one. */
export function nextMilestone(targets: Milestone[], asOf: string): Milestone | null {
  const sorted = [...targets].sort((a, b) => reviewDateOf(a).localeCompare(reviewDateOf(b)));
  return sorted.find((t) => reviewDateOf(t) >= asOf) ?? sorted.at(-1) ?? null;
}

/**
 * Achieved, on track or at risk, by the trajectory rule of the indicators (trajectory.ts): the
 * expected path runs from the first measured value (0% without one) at the plan's start to each
 * milestone's target on its review date. The same rule as the roll-up's own pages.
 */
export function indicatorStatus(input: StatusInput): StatusResult {
  const milestone = nextMilestone(input.targets, input.asOf);
  const { current } = input;
  if (current === null || !milestone) return { status: null, milestone, gap: null };
  const byYear = (year: number) => {
    const m = input.targets.find((t) => t.year === year);
    return m ? { reviewDate: reviewDateOf(m), percent: m.percent } : null;
  };
  const sortedYears = [...input.targets].map((t) => t.year).sort((a, b) => a - b);
  const earlier = input.trend.filter((p) => p.date < input.asOf).sort((a, b) => a.date.localeCompare(b.date));
  const status = statusOf(
    current,
    byYear(sortedYears[0]),
    sortedYears.length > 1 ? byYear(sortedYears.at(-1)!) : null,
    {
      asOf: input.asOf,
      startDate: input.planStart,
      startPercent: earlier[0]?.percent ?? 0,
    },
  );
  return { status, milestone, gap: gapTo(current, milestone.percent) };
}

/** The badge class of a status (public/css/app.css). */
export function statusTone(status: IndicatorStatus | null): string {
  if (status === IndicatorStatus.Achieved) return 'ok';
  if (status === IndicatorStatus.OnTrack) return 'info';
  if (status === IndicatorStatus.AtRisk) return 'bad';
  return '';
}

/** Sums figures (a unit's enterprises, a correction's check). */
export function sumFigures(rows: Figures[]): Figures {
  const total: Figures = {
    population: 0,
    declaredHeadcount: 0,
    denominator: 0,
    law: 0,
    vocational: 0,
    lifeSkills: 0,
    digital: 0,
    learningCitizen: 0,
  };
  for (const row of rows) {
    for (const key of Object.keys(total) as (keyof Figures)[]) total[key] += Number(row[key]) || 0;
  }
  return total;
}
