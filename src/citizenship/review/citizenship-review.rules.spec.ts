import { ApplicationStatus } from '../entities/application.entity';
import { RecognitionStatus } from '../entities/recognition.entity';
import {
  canTake,
  certificateNumber,
  certificateStatus,
  confirmBlocker,
  funnelStagesOf,
  FUNNEL_STAGES,
  nextSequence,
  nextStatus,
  ReviewAction,
} from './review.rules';

const ALL = Object.values(ApplicationStatus);

describe(nextStatus.name, () => {
  const allowed: Record<ReviewAction, [ApplicationStatus, ApplicationStatus][]> = {
    confirm: [[ApplicationStatus.Submitted, ApplicationStatus.Confirmed]],
    return: [[ApplicationStatus.Submitted, ApplicationStatus.Returned]],
    recognise: [[ApplicationStatus.Confirmed, ApplicationStatus.Recognised]],
    reject: [[ApplicationStatus.Confirmed, ApplicationStatus.Rejected]],
    revoke: [[ApplicationStatus.Recognised, ApplicationStatus.Revoked]],
  };

  it.each(Object.entries(allowed))('allows %s only from its one status', (action, pairs) => {
    const sut = (status: ApplicationStatus) => nextStatus(action as ReviewAction, status);
    for (const [from, to] of pairs) expect(sut(from)).toBe(to);
    const refused = ALL.filter((s) => !pairs.some(([from]) => from === s));
    for (const status of refused) expect(sut(status)).toBeNull();
  });

  it('never leaves a revoked or rejected application', () => {
    for (const action of Object.keys(allowed) as ReviewAction[]) {
      expect(canTake(action, ApplicationStatus.Revoked)).toBe(false);
      expect(canTake(action, ApplicationStatus.Rejected)).toBe(false);
    }
  });
});

describe(confirmBlocker.name, () => {
  it('lets the officer confirm a submitted application whose answers are waiting or confirmed', () => {
    expect(
      confirmBlocker(ApplicationStatus.Submitted, [
        { reviewStatus: 'PENDING' },
        { reviewStatus: 'CONFIRMED' },
      ]),
    ).toBeNull();
    expect(confirmBlocker(ApplicationStatus.Submitted, [])).toBeNull();
  });

  it('refuses while an answer is returned, and once the application left SUBMITTED', () => {
    expect(confirmBlocker(ApplicationStatus.Submitted, [{ reviewStatus: 'RETURNED' }])).toBe(
      'answersReturned',
    );
    expect(confirmBlocker(ApplicationStatus.Confirmed, [])).toBe('notSubmitted');
    expect(confirmBlocker(ApplicationStatus.Returned, [])).toBe('notSubmitted');
    expect(confirmBlocker(ApplicationStatus.Registered, [])).toBe('notSubmitted');
  });
});

describe(certificateStatus.name, () => {
  const valid = { status: RecognitionStatus.Valid, year: 2025 };

  it('is valid through 31/12 of its year', () => {
    expect(certificateStatus(valid, '2025-03-01')).toBe('VALID');
    expect(certificateStatus(valid, '2025-12-31')).toBe('VALID');
  });

  it('expires when its year is over: next year starts a new evaluation', () => {
    expect(certificateStatus(valid, '2026-01-01')).toBe('EXPIRED');
  });

  it('says revoked, whatever the date', () => {
    const revoked = { status: RecognitionStatus.Revoked, year: 2025 };
    expect(certificateStatus(revoked, '2025-06-01')).toBe('REVOKED');
    expect(certificateStatus(revoked, '2027-01-01')).toBe('REVOKED');
  });
});

describe(certificateNumber.name, () => {
  it('numbers per branch and year with six digits, continuing after the last one', () => {
    expect(certificateNumber(2025, 7, 1)).toBe('CDHT-2025-7-000001');
    expect(nextSequence(null)).toBe(1);
    expect(nextSequence('CDHT-2025-7-000041')).toBe(42);
    expect(certificateNumber(2025, 7, nextSequence('CDHT-2025-7-000041'))).toBe('CDHT-2025-7-000042');
  });
});

describe(funnelStagesOf.name, () => {
  const stages = (status: ApplicationStatus, eligible: boolean | null) =>
    FUNNEL_STAGES.filter((stage) => funnelStagesOf(status, eligible)[stage]);

  it('counts a draft as registered only, eligible or not', () => {
    expect(stages(ApplicationStatus.Registered, true)).toEqual(['registered']);
    expect(stages(ApplicationStatus.Registered, null)).toEqual(['registered']);
  });

  it('counts every status but REGISTERED as submitted, a returned one included', () => {
    expect(stages(ApplicationStatus.Submitted, false)).toEqual(['registered', 'submitted']);
    expect(stages(ApplicationStatus.Returned, true)).toEqual(['registered', 'submitted', 'eligible']);
  });

  it('counts as confirmed only what is eligible and was confirmed by the officer', () => {
    expect(stages(ApplicationStatus.Confirmed, true)).toEqual([
      'registered',
      'submitted',
      'eligible',
      'confirmed',
    ]);
    expect(stages(ApplicationStatus.Confirmed, false)).toEqual(['registered', 'submitted']);
    expect(stages(ApplicationStatus.Rejected, true)).toEqual([
      'registered',
      'submitted',
      'eligible',
      'confirmed',
    ]);
  });

  it('counts a title held as recognised even if a later evaluation disagrees, and a revoked one no longer', () => {
    expect(stages(ApplicationStatus.Recognised, false)).toEqual([...FUNNEL_STAGES]);
    expect(stages(ApplicationStatus.Revoked, null)).toEqual([
      'registered',
      'submitted',
      'eligible',
      'confirmed',
    ]);
  });

  it('never counts more in a stage than in the one before', () => {
    for (const status of ALL) {
      for (const eligible of [true, false, null]) {
        const reached = funnelStagesOf(status, eligible);
        FUNNEL_STAGES.slice(1).forEach((stage, i) => {
          if (reached[stage]) expect(reached[FUNNEL_STAGES[i]]).toBe(true);
        });
      }
    }
  });
});
