import { addDays, daysBetween } from '../../common/time/iso-date';
import { todayInVietnam, vietnamDateOf } from '../../common/time/vietnam-time';

/** Decree 356/2025: a data subject's request is answered within 15 days of receipt. */
export const ANSWER_WITHIN_DAYS = 15;

/** The day (in Vietnam) by which a request received at `receivedAt` must be answered. */
export function dueDateOf(receivedAt: Date): string {
  return addDays(vietnamDateOf(receivedAt), ANSWER_WITHIN_DAYS);
}

/** Whole days left until the due date (negative when overdue), counted in Vietnam. */
export function daysLeft(dueOn: string, now = new Date()): number {
  return daysBetween(todayInVietnam(now), dueOn);
}

export const CORRECTION_MIN = 10;
export const DETAILS_MAX = 2000;
