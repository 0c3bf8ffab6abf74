import { todayInVietnam } from '../../organisations/admin-units.service';

/** Decree 356/2025: a data subject's request is answered within 15 days of receipt. */
export const ANSWER_WITHIN_DAYS = 15;

/** The day (in Vietnam) by which a request received at `receivedAt` must be answered. */
export function dueDateOf(receivedAt: Date): string {
  const day = todayInVietnam(receivedAt);
  return new Date(Date.parse(`${day}T00:00:00Z`) + ANSWER_WITHIN_DAYS * 86_400_000)
    .toISOString()
    .slice(0, 10);
}

/** Whole days left until the due date (negative when overdue), counted in Vietnam. */
export function daysLeft(dueOn: string, now = new Date()): number {
  return Math.round(
    (Date.parse(`${dueOn}T00:00:00Z`) - Date.parse(`${todayInVietnam(now)}T00:00:00Z`)) / 86_400_000,
  );
}

export const CORRECTION_MIN = 10;
export const DETAILS_MAX = 2000;
