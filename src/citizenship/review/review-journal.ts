import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { NoticesService } from '../../notices/notices.service';
import { AuditTrail } from '../audit-trail';
import { CitizenshipApplication } from '../entities/application.entity';
import { WorkersService } from '../../workers/workers.service';

/** The audit actions the review chain writes; each has a label `review.audit.<action>`. */
export enum ReviewAuditAction {
  AnswerConfirmed = 'ANSWER_CONFIRMED',
  AnswerReturned = 'ANSWER_RETURNED',
  Confirmed = 'CONFIRMED',
  Returned = 'RETURNED',
  Recognised = 'RECOGNISED',
  Rejected = 'REJECTED',
  Revoked = 'REVOKED',
}

/** Where a worker reads about their application of a year (its reason and certificate included). */
export const workerApplicationPath = (year: number) => `/citizenship/years/${year}`;

/** Notices are short: a comment or reason longer than this is cut (the whole text stays in the trail). */
const NOTICE_TEXT_MAX = 200;

export interface JournalStep {
  application: CitizenshipApplication;
  actorUserId: number;
  action: ReviewAuditAction;
  before: Record<string, unknown>;
  after: Record<string, unknown>;
  comment?: string | null;
  /** Tells the worker (status changes only). Once-only steps are deduplicated per application. */
  notify?: { once: boolean; text?: string | null };
}

/**
 * Writes a review step's audit entry, and the worker's notice when the status changed, inside the
 * step's own transaction: the change, its entry and its notice are stored together or not at all.
 */
@Injectable()
export class ReviewJournal {
  constructor(
    private readonly audit: AuditTrail,
    private readonly notices: NoticesService,
    private readonly workers: WorkersService,
  ) {}

  async write(manager: EntityManager, step: JournalStep): Promise<void> {
    await this.audit.write(manager, {
      applicationId: step.application.id,
      actorUserId: step.actorUserId,
      action: step.action,
      before: step.before,
      after: step.after,
      comment: step.comment ?? null,
    });
    if (!step.notify) return;
    const userId = await this.workers.userIdOf(step.application.workerId, manager);
    // A worker without an account yet has nobody to notify; the trail keeps the step.
    if (userId === null) return;
    const params: Record<string, string | number> = { year: step.application.year };
    if (step.notify.text) params.text = shorten(step.notify.text);
    await this.notices.notify(manager, {
      userId,
      messageKey: `review.notice.${step.action}${step.notify.text ? '.withText' : ''}`,
      params,
      link: workerApplicationPath(step.application.year),
      dedupeKey: step.notify.once ? `citizenship:${step.action}:${step.application.id}` : undefined,
    });
  }
}

function shorten(text: string): string {
  const chars = Array.from(text.replace(/\s+/g, ' ').trim());
  return chars.length <= NOTICE_TEXT_MAX
    ? chars.join('')
    : `${chars.slice(0, NOTICE_TEXT_MAX - 1).join('')}…`;
}
