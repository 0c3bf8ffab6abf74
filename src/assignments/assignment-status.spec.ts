import { AssignmentStatus, assignmentStatus, countStatuses } from './assignment-status';

describe(assignmentStatus.name, () => {
  const at = (iso: string) => new Date(iso);
  const enrolled = {
    enrolledAt: at('2026-11-01T02:00:00Z'),
    lastActivityAt: null,
    progressPercent: 0,
    completedAt: null,
  };

  it('is not started without an enrolment or with one the assignment made and no activity since', () => {
    expect(assignmentStatus(undefined, '2026-12-10', '2026-12-01')).toBe(AssignmentStatus.NotStarted);
    expect(assignmentStatus(enrolled, '2026-12-10', '2026-12-01')).toBe(AssignmentStatus.NotStarted);
    // Pressing "Bắt đầu học" stamps its own moment as the last activity: still not started.
    const selfEnrolled = { ...enrolled, lastActivityAt: enrolled.enrolledAt };
    expect(assignmentStatus(selfEnrolled, '2026-12-10', '2026-12-01')).toBe(AssignmentStatus.NotStarted);
  });

  it('is in progress after any later activity or progress', () => {
    expect(
      assignmentStatus(
        { ...enrolled, lastActivityAt: at('2026-11-02T02:00:00Z') },
        '2026-12-10',
        '2026-12-01',
      ),
    ).toBe(AssignmentStatus.InProgress);
    expect(assignmentStatus({ ...enrolled, progressPercent: 40 }, '2026-12-10', '2026-12-01')).toBe(
      AssignmentStatus.InProgress,
    );
  });

  it('is overdue the day after the due day unless done, and done stays done even when late', () => {
    expect(assignmentStatus(enrolled, '2026-12-10', '2026-12-10')).toBe(AssignmentStatus.NotStarted);
    expect(assignmentStatus(enrolled, '2026-12-10', '2026-12-11')).toBe(AssignmentStatus.Overdue);
    expect(assignmentStatus(undefined, '2026-12-10', '2026-12-11')).toBe(AssignmentStatus.Overdue);
    const late = { ...enrolled, progressPercent: 100, completedAt: at('2026-12-20T02:00:00Z') };
    expect(assignmentStatus(late, '2026-12-10', '2026-12-21')).toBe(AssignmentStatus.Done);
  });

  it('counts each status and the total', () => {
    expect(countStatuses([AssignmentStatus.Done, AssignmentStatus.Done, AssignmentStatus.Overdue])).toEqual({
      total: 3,
      NOT_STARTED: 0,
      IN_PROGRESS: 0,
      DONE: 2,
      OVERDUE: 1,
    });
  });
});
