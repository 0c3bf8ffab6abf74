import { daysBetween } from '../common/time/iso-date';

/**
 * Where an indicator stands against its milestones. The expected path is a straight line from the
 * value at the plan's start to the 2025 target on its review date, then a straight line on to the
 * 2030 target on its review date:
 *
 * - ACHIEVED: the current value already reaches the target of the milestone in play (the first one
 *   whose review date is on or after the date; the last one once all have passed);
 * - ON_TRACK: not yet, but at least on the expected path for the date;
 * - AT_RISK: below the expected path.
 */
export enum IndicatorStatus {
  Achieved = 'ACHIEVED',
  OnTrack = 'ON_TRACK',
  AtRisk = 'AT_RISK',
}

export interface MilestoneTarget {
  /** YYYY-MM-DD, e.g. 2025-12-31. */
  reviewDate: string;
  percent: number;
}

/** Where the path starts and the date the current value was measured on. */
export interface Trend {
  /** The date of the current value (the snapshot's date), YYYY-MM-DD. */
  asOf: string;
  /** The plan's start date. */
  startDate: string;
  /** The value at the plan's start (the first snapshot's, or 0 when none was taken). */
  startPercent: number;
}

/** The points of the path, in date order: the start, then each milestone's target. */
function pathPoints(trend: Trend, milestones: MilestoneTarget[]): MilestoneTarget[] {
  const sorted = milestones
    .filter((m) => m.reviewDate > trend.startDate)
    .sort((a, b) => a.reviewDate.localeCompare(b.reviewDate));
  return [{ reviewDate: trend.startDate, percent: trend.startPercent }, ...sorted];
}

/** The value the path expects on a date (the start value before the start, the last target after it). */
export function expectedOn(date: string, trend: Trend, milestones: MilestoneTarget[]): number {
  const points = pathPoints(trend, milestones);
  if (date <= points[0].reviewDate) return points[0].percent;
  for (let i = 1; i < points.length; i++) {
    const [a, b] = [points[i - 1], points[i]];
    if (date <= b.reviewDate) {
      const share = daysBetween(a.reviewDate, date) / daysBetween(a.reviewDate, b.reviewDate);
      return a.percent + (b.percent - a.percent) * share;
    }
  }
  return points[points.length - 1].percent;
}

/**
 * The status of an indicator at `current` percent. Either target may be missing (a plan without
 * that milestone); with neither there is nothing to be on track for, and the answer is ON_TRACK.
 */
export function statusOf(
  current: number,
  target2025: MilestoneTarget | null,
  target2030: MilestoneTarget | null,
  trend: Trend,
): IndicatorStatus {
  const milestones = [target2025, target2030].filter((m): m is MilestoneTarget => m !== null);
  if (milestones.length === 0) return IndicatorStatus.OnTrack;
  const sorted = [...milestones].sort((a, b) => a.reviewDate.localeCompare(b.reviewDate));
  const inPlay = sorted.find((m) => m.reviewDate >= trend.asOf) ?? sorted[sorted.length - 1];
  if (current >= inPlay.percent) return IndicatorStatus.Achieved;
  // Compared at one decimal, as the figures are shown.
  const expected = Math.round(expectedOn(trend.asOf, trend, milestones) * 10) / 10;
  return current >= expected ? IndicatorStatus.OnTrack : IndicatorStatus.AtRisk;
}
