import { ApplicationStatus } from '../entities/application.entity';
import { RecognitionStatus } from '../entities/recognition.entity';

/**
 * The review chain's rules as plain functions: which step may follow which status, when a
 * certificate is valid, and what each stage of the funnel report counts. The services apply them
 * inside the transaction of each step; the funnel query builds its CASE expressions from the same lists.
 */

export type ReviewAction = 'confirm' | 'return' | 'recognise' | 'reject' | 'revoke';

/** Officer: SUBMITTED → CONFIRMED or RETURNED. Association: CONFIRMED → RECOGNISED or REJECTED; RECOGNISED → REVOKED. */
export const TRANSITIONS: Record<
  ReviewAction,
  { from: readonly ApplicationStatus[]; to: ApplicationStatus }
> = {
  confirm: { from: [ApplicationStatus.Submitted], to: ApplicationStatus.Confirmed },
  return: { from: [ApplicationStatus.Submitted], to: ApplicationStatus.Returned },
  recognise: { from: [ApplicationStatus.Confirmed], to: ApplicationStatus.Recognised },
  reject: { from: [ApplicationStatus.Confirmed], to: ApplicationStatus.Rejected },
  revoke: { from: [ApplicationStatus.Recognised], to: ApplicationStatus.Revoked },
};

export function canTake(action: ReviewAction, status: ApplicationStatus): boolean {
  return TRANSITIONS[action].from.includes(status);
}

/** The status after the step, or null when the step is not allowed from this status. */
export function nextStatus(action: ReviewAction, status: ApplicationStatus): ApplicationStatus | null {
  return canTake(action, status) ? TRANSITIONS[action].to : null;
}

/** Declared answers are reviewed one by one while the application waits for the officer. */
export function canReviewAnswers(status: ApplicationStatus): boolean {
  return status === ApplicationStatus.Submitted;
}

/** Why the officer cannot confirm an application now, or null when they can. */
export type ConfirmBlocker = 'notSubmitted' | 'answersReturned';

export function confirmBlocker(
  status: ApplicationStatus,
  answers: readonly { reviewStatus: string }[],
): ConfirmBlocker | null {
  if (!canTake('confirm', status)) return 'notSubmitted';
  // A returned statement must go back to the worker with the application, not be confirmed over.
  if (answers.some((a) => a.reviewStatus === 'RETURNED')) return 'answersReturned';
  return null;
}

/** Statuses an officer opens (the application was sent to them at least once). */
export const OFFICER_VISIBLE: readonly ApplicationStatus[] = [
  ApplicationStatus.Submitted,
  ApplicationStatus.Returned,
  ApplicationStatus.Confirmed,
  ApplicationStatus.Recognised,
  ApplicationStatus.Rejected,
  ApplicationStatus.Revoked,
];

/** Statuses a reviewer opens (the officer confirmed it): drafts and unconfirmed answers stay with the enterprise. */
export const REVIEWER_VISIBLE: readonly ApplicationStatus[] = [
  ApplicationStatus.Confirmed,
  ApplicationStatus.Recognised,
  ApplicationStatus.Rejected,
  ApplicationStatus.Revoked,
];

// --- certificates ---------------------------------------------------------------------------

export type CertificateStatus = 'VALID' | 'REVOKED' | 'EXPIRED';

/** The title is valid through 31/12 of its year (Vietnam time). */
export function validUntil(year: number): string {
  return `${year}-12-31`;
}

/**
 * Revoked wins over everything; otherwise valid until the end of its year and expired after.
 * `today` is YYYY-MM-DD in Vietnam's time zone.
 */
export function certificateStatus(
  recognition: { status: RecognitionStatus; year: number },
  today: string,
): CertificateStatus {
  if (recognition.status === RecognitionStatus.Revoked) return 'REVOKED';
  return today <= validUntil(recognition.year) ? 'VALID' : 'EXPIRED';
}

/** Numbers run per issuing branch and year: CDHT-2025-3-000001. */
export function certificatePrefix(year: number, branchId: number): string {
  return `CDHT-${year}-${branchId}-`;
}

export function certificateNumber(year: number, branchId: number, sequence: number): string {
  return `${certificatePrefix(year, branchId)}${String(sequence).padStart(6, '0')}`;
}

/** The sequence after the highest number issued so far (null when none). */
export function nextSequence(lastNumber: string | null): number {
  const last = lastNumber ? Number(/-(\d+)$/.exec(lastNumber)?.[1] ?? 0) : 0;
  return last + 1;
}

// --- funnel ---------------------------------------------------------------------------------

export const FUNNEL_STAGES = ['registered', 'submitted', 'eligible', 'confirmed', 'recognised'] as const;
export type FunnelStage = (typeof FUNNEL_STAGES)[number];

/** Sent to the officer at least once: every status but REGISTERED (a returned one was submitted). */
export const SUBMITTED_STATUSES: readonly ApplicationStatus[] = OFFICER_VISIBLE;

/** Confirmed by the officer at some point (the reviewer's decision comes after). */
export const CONFIRMED_STATUSES: readonly ApplicationStatus[] = REVIEWER_VISIBLE;

/** Recognised on an eligible evaluation: counted eligible whatever a later re-evaluation says. */
export const DECIDED_ELIGIBLE_STATUSES: readonly ApplicationStatus[] = [
  ApplicationStatus.Recognised,
  ApplicationStatus.Revoked,
];

/** Holding the title of the year now (a revoked title no longer counts). */
export const RECOGNISED_STATUSES: readonly ApplicationStatus[] = [ApplicationStatus.Recognised];

/**
 * The stages one application has reached. Each stage is within the previous one, so the counts
 * never grow down the funnel: registered ⊇ submitted ⊇ eligible ⊇ confirmed ⊇ recognised.
 * `eligible` is the latest evaluation's result (null when never evaluated).
 */
export function funnelStagesOf(
  status: ApplicationStatus,
  eligible: boolean | null,
): Record<FunnelStage, boolean> {
  const submitted = SUBMITTED_STATUSES.includes(status);
  const isEligible = submitted && (eligible === true || DECIDED_ELIGIBLE_STATUSES.includes(status));
  const confirmed = isEligible && CONFIRMED_STATUSES.includes(status);
  return {
    registered: true,
    submitted,
    eligible: isEligible,
    confirmed,
    recognised: confirmed && RECOGNISED_STATUSES.includes(status),
  };
}
