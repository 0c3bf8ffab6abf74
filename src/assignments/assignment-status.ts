import type { EnrolmentState } from '../learning/learning.service';

/** Where an assigned worker stands, as the officer's progress page counts them. */
export enum AssignmentStatus {
  NotStarted = 'NOT_STARTED',
  InProgress = 'IN_PROGRESS',
  Done = 'DONE',
  Overdue = 'OVERDUE',
}

export const ASSIGNMENT_STATUSES = Object.values(AssignmentStatus);

/**
 * Done once the course is completed (even late); otherwise overdue after the due day; otherwise in
 * progress once the worker has done anything in the course. An enrolment the assignment made has no
 * activity; one the worker made by pressing "Bắt đầu học" has its activity at the moment of
 * enrolling, so only later activity (a lesson opened, time spent, a quiz) counts as started.
 */
export function assignmentStatus(
  enrolment: EnrolmentState | undefined,
  dueOn: string,
  today: string,
): AssignmentStatus {
  if (enrolment?.completedAt) return AssignmentStatus.Done;
  if (today > dueOn) return AssignmentStatus.Overdue;
  if (!enrolment) return AssignmentStatus.NotStarted;
  const started =
    enrolment.progressPercent > 0 ||
    (enrolment.lastActivityAt !== null &&
      enrolment.lastActivityAt.getTime() > enrolment.enrolledAt.getTime());
  return started ? AssignmentStatus.InProgress : AssignmentStatus.NotStarted;
}

export type StatusCounts = Record<AssignmentStatus, number> & { total: number };

export function countStatuses(statuses: Iterable<AssignmentStatus>): StatusCounts {
  const counts: StatusCounts = { total: 0, NOT_STARTED: 0, IN_PROGRESS: 0, DONE: 0, OVERDUE: 0 };
  for (const s of statuses) {
    counts[s]++;
    counts.total++;
  }
  return counts;
}
