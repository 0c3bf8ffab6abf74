import { Injectable, Logger, Optional } from '@nestjs/common';
import { Actor } from '../../common/access/actor';
import { OutOfScopeException } from '../../common/access/out-of-scope';
import { Page, pageOf, pageWindow } from '../../common/http/pagination';
import { foldVietnamese } from '../../common/text/vietnamese';
import { TransactionConflict, UnitOfWork } from '../../database/unit-of-work';
import { CitizenshipApplicationsService } from '../applications/citizenship-applications.service';
import { AnswerReview, ApplicationStatus } from '../entities/application.entity';
import { OfficerQueueQuery } from './dto/review.dto';
import { Explained, explained } from './ineligibility';
import { ReviewAccess } from './review-access.service';
import { ReviewAuditAction, ReviewJournal } from './review-journal';
import { RefusalReason, ReviewRefused } from './review-refused';
import { AnswerRow, ReviewListRow, ReviewRepository } from './review.repository';
import { canReviewAnswers, confirmBlocker, OFFICER_VISIBLE, TRANSITIONS } from './review.rules';

export interface QueueItem extends ReviewListRow, Explained {
  answers: AnswerRow[];
}

/** What a bulk step did: the applications done, and each one skipped with why. */
export interface BulkResult {
  done: number[];
  skipped: { id: number; reason: RefusalReason }[];
}

/** Runs one step per application, each in its own transaction, and sorts out what was skipped. */
export async function eachApplication(
  ids: readonly number[],
  step: (id: number) => Promise<boolean>,
): Promise<BulkResult> {
  const result: BulkResult = { done: [], skipped: [] };
  for (const id of [...new Set(ids)]) {
    try {
      if (await step(id)) result.done.push(id);
      else result.skipped.push({ id, reason: 'alreadyRecognised' });
    } catch (error) {
      if (error instanceof ReviewRefused) result.skipped.push({ id, reason: error.reason });
      else if (error instanceof OutOfScopeException) result.skipped.push({ id, reason: 'notFound' });
      else throw error;
    }
  }
  return result;
}

/**
 * The union officer's part: the self-declared answers of their enterprise's applicants are
 * confirmed or returned one by one, then the application is confirmed (on to the association) or
 * returned to the worker with a comment. Each step, its audit entry and the worker's notice are one
 * transaction; a step the status no longer allows is refused, never half-done.
 */
@Injectable()
export class OfficerReviewService {
  private readonly logger = new Logger(OfficerReviewService.name);

  constructor(
    private readonly access: ReviewAccess,
    private readonly repository: ReviewRepository,
    private readonly unitOfWork: UnitOfWork,
    private readonly journal: ReviewJournal,
    /** The evaluation engine (CitizenshipApplicationsModule), when that module provides it. */
    @Optional() private readonly applications?: CitizenshipApplicationsService,
  ) {}

  /** Applications waiting for the officer (or, tab "processed", those sent on or back), with their answers. */
  async queue(actor: Actor, query: OfficerQueueQuery): Promise<Page<QueueItem>> {
    const { page, size, skip } = pageWindow(query);
    const statuses =
      query.tab === 'processed'
        ? OFFICER_VISIBLE.filter((s) => s !== ApplicationStatus.Submitted)
        : [ApplicationStatus.Submitted];
    const nameKey = query.q ? foldVietnamese(query.q) : '';
    const [rows, total] = await this.repository.page(
      { statuses, year: query.year, nameKey: nameKey || undefined },
      await this.access.officerScope(actor),
      skip,
      size,
    );
    const answers = await this.repository.answerRows(rows.map((r) => r.id));
    return pageOf(
      (await explained(this.repository, rows)).map((row) => ({
        ...row,
        answers: answers.filter((a) => a.applicationId === row.id),
      })),
      total,
      page,
      size,
    );
  }

  async confirmAnswer(actor: Actor, id: number, criterionCode: string): Promise<void> {
    await this.reviewAnswer(actor, id, criterionCode, AnswerReview.Confirmed, null);
  }

  async returnAnswer(actor: Actor, id: number, criterionCode: string, comment: string): Promise<void> {
    await this.reviewAnswer(actor, id, criterionCode, AnswerReview.Returned, comment);
  }

  /**
   * SUBMITTED → CONFIRMED: every answer still waiting is confirmed with it. Refused while an answer
   * is returned (the application goes back to the worker instead) or once it left SUBMITTED.
   */
  async confirm(actor: Actor, id: number): Promise<void> {
    await this.access.forOfficer(actor, id);
    await this.unitOfWork.run(async (manager) => {
      const current = (await this.repository.findApplication(id, manager))!;
      const blocker = confirmBlocker(current.status, await this.repository.answersOf(id, manager));
      if (blocker) throw new ReviewRefused(blocker);
      const now = new Date();
      const changed = await this.repository.transition(manager, id, TRANSITIONS.confirm.from, {
        status: TRANSITIONS.confirm.to,
        confirmedAt: now,
        confirmedBy: actor.userId,
        returnComment: null,
      });
      // Another officer's click won meanwhile: run again, and see it.
      if (!changed) throw new TransactionConflict();
      const confirmedAnswers = await this.repository.confirmPendingAnswers(manager, id, actor.userId, now);
      await this.journal.write(manager, {
        application: current,
        actorUserId: actor.userId,
        action: ReviewAuditAction.Confirmed,
        before: { status: current.status },
        after: { status: TRANSITIONS.confirm.to, confirmedAnswers },
        notify: { once: true },
      });
    });
    await this.refreshEvaluation(id);
  }

  /** SUBMITTED → RETURNED with the officer's comment; the worker edits and submits again. */
  async returnToWorker(actor: Actor, id: number, comment: string): Promise<void> {
    await this.access.forOfficer(actor, id);
    await this.unitOfWork.run(async (manager) => {
      const current = (await this.repository.findApplication(id, manager))!;
      const changed = await this.repository.transition(manager, id, TRANSITIONS.return.from, {
        status: TRANSITIONS.return.to,
        returnComment: comment,
      });
      if (!changed) throw new ReviewRefused('notSubmitted');
      await this.journal.write(manager, {
        application: current,
        actorUserId: actor.userId,
        action: ReviewAuditAction.Returned,
        before: { status: current.status, returnComment: current.returnComment },
        after: { status: TRANSITIONS.return.to, returnComment: comment },
        comment,
        notify: { once: false, text: comment },
      });
    });
    await this.refreshEvaluation(id);
  }

  /** Confirms each application in its own transaction; the others are skipped with their reason. */
  confirmMany(actor: Actor, ids: readonly number[]): Promise<BulkResult> {
    return eachApplication(ids, async (id) => {
      await this.confirm(actor, id);
      return true;
    });
  }

  private async reviewAnswer(
    actor: Actor,
    id: number,
    criterionCode: string,
    reviewStatus: AnswerReview,
    comment: string | null,
  ): Promise<void> {
    await this.access.forOfficer(actor, id);
    await this.unitOfWork.run(async (manager) => {
      const current = (await this.repository.findApplication(id, manager))!;
      if (!canReviewAnswers(current.status)) throw new ReviewRefused('notSubmitted');
      const answer = (await this.repository.answersOf(id, manager)).find(
        (a) => a.criterionCode === criterionCode,
      );
      if (!answer) throw new ReviewRefused('answerNotFound');
      if (answer.reviewStatus === reviewStatus && answer.reviewComment === comment) return;
      await this.repository.setAnswerReview(manager, id, criterionCode, {
        reviewStatus,
        reviewComment: comment,
        reviewedBy: actor.userId,
        reviewedAt: new Date(),
      });
      await this.journal.write(manager, {
        application: current,
        actorUserId: actor.userId,
        action:
          reviewStatus === AnswerReview.Confirmed
            ? ReviewAuditAction.AnswerConfirmed
            : ReviewAuditAction.AnswerReturned,
        before: { criterionCode, reviewStatus: answer.reviewStatus, reviewComment: answer.reviewComment },
        after: { criterionCode, reviewStatus, reviewComment: comment },
        comment,
      });
    });
    await this.refreshEvaluation(id);
  }

  /**
   * A confirmed answer counts as CONFIRMED and a returned one no longer counts: the evaluation is
   * run again at once, after the step's own transaction. The step stands if that run fails; the
   * engine's jobs evaluate the worker again on their next learning record or submission.
   */
  private async refreshEvaluation(id: number): Promise<void> {
    if (!this.applications) return;
    try {
      await this.applications.evaluateApplication(id);
    } catch (error) {
      this.logger.warn({
        event: 'evaluation_refresh_failed',
        applicationId: id,
        err: (error as Error).message,
      });
    }
  }
}
