import { FiguresChanged } from '../../common/events/figures-changed';
import { Injectable } from '@nestjs/common';
import { randomInt } from 'node:crypto';
import { Actor } from '../../common/access/actor';
import { Page, pageOf, pageWindow } from '../../common/http/pagination';
import { foldVietnamese } from '../../common/text/vietnamese';
import { isUniqueViolation, TransactionConflict, UnitOfWork } from '../../database/unit-of-work';
import { certificateCode } from '../../learning/learning.rules';
import { ApplicationStatus } from '../entities/application.entity';
import { Recognition, RecognitionStatus } from '../entities/recognition.entity';
import { ReviewerQueueQuery } from './dto/review.dto';
import { BulkResult, eachApplication } from './officer-review.service';
import { Explained, explained } from './ineligibility';
import { ReviewAccess } from './review-access.service';
import { ReviewAuditAction, ReviewJournal } from './review-journal';
import { ReviewRefused } from './review-refused';
import { ReviewListRow, ReviewRepository } from './review.repository';
import { canTake, certificateNumber, certificatePrefix, nextSequence, TRANSITIONS } from './review.rules';

/** What a recognition click did: recognised now, or found it already recognised (a no-op). */
export interface RecognitionOutcome {
  recognised: boolean;
  recognition: Recognition;
}

/** A verification code for the certificate's QR link: 16 characters from 32 (80 random bits). */
export function newVerifyCode(): string {
  return certificateCode((max) => randomInt(max));
}

/**
 * The association's part: the branch covering the worker's enterprise recognises (or rejects, with
 * a reason) applications the officer confirmed and the latest evaluation found eligible, and may
 * later revoke a title. Exactly one recognition per worker and year however many clicks arrive at
 * once: the status change is conditional (only the first click finds CONFIRMED), the recognition's
 * keys are unique, and status, recognition, audit entry and notice are one transaction.
 */
@Injectable()
export class AssociationReviewService {
  constructor(
    private readonly access: ReviewAccess,
    private readonly repository: ReviewRepository,
    private readonly unitOfWork: UnitOfWork,
    private readonly journal: ReviewJournal,
    private readonly figures: FiguresChanged,
  ) {}

  /** Confirmed and eligible (default), confirmed but not eligible (read-only), or recognised. */
  async queue(actor: Actor, query: ReviewerQueueQuery): Promise<Page<ReviewListRow & Explained>> {
    const { page, size, skip } = pageWindow(query);
    const tab = query.tab ?? 'eligible';
    const nameKey = query.q ? foldVietnamese(query.q) : '';
    const [rows, total] = await this.repository.page(
      {
        statuses: [tab === 'recognised' ? ApplicationStatus.Recognised : ApplicationStatus.Confirmed],
        eligible: tab === 'eligible' ? true : tab === 'ineligible' ? false : undefined,
        year: query.year,
        nameKey: nameKey || undefined,
      },
      await this.access.reviewerScope(actor),
      skip,
      size,
    );
    return pageOf(await explained(this.repository, rows), total, page, size);
  }

  async recognise(actor: Actor, id: number): Promise<RecognitionOutcome> {
    const application = await this.access.forReviewer(actor, id);
    const branch = await this.access.issuingBranch(actor, application.enterpriseId);
    if (!branch) throw new ReviewRefused('noBranch');
    const outcome = await this.unitOfWork.run(async (manager): Promise<RecognitionOutcome> => {
      const current = (await this.repository.findApplication(id, manager))!;
      if (current.status === ApplicationStatus.Recognised) {
        return { recognised: false, recognition: (await this.repository.recognitionOf(id, manager))! };
      }
      if (!canTake('recognise', current.status)) throw new ReviewRefused('notConfirmed');
      const evaluation = await this.repository.evaluationOf(id, manager);
      if (!evaluation?.eligible) throw new ReviewRefused('notEligible');
      const changed = await this.repository.transition(manager, id, TRANSITIONS.recognise.from, {
        status: TRANSITIONS.recognise.to,
      });
      // A concurrent click changed it first: run again, and find it recognised.
      if (!changed) throw new TransactionConflict();
      const prefix = certificatePrefix(current.year, branch.id);
      let recognition: Recognition;
      try {
        recognition = await this.repository.insertRecognition(manager, {
          applicationId: id,
          workerId: current.workerId,
          year: current.year,
          branchId: branch.id,
          issuerName: branch.name,
          criteriaSetId: evaluation.criteriaSetId,
          totalPoints: evaluation.totalPoints,
          certificateNo: certificateNumber(
            current.year,
            branch.id,
            nextSequence(await this.repository.lastCertificateNumber(manager, prefix, branch.id)),
          ),
          verifyCode: newVerifyCode(),
          status: RecognitionStatus.Valid,
          recognisedBy: actor.userId,
          recognisedAt: new Date(),
          decisionNo: null,
          decisionDate: null,
          importId: null,
          revokedBy: null,
          revokedAt: null,
          revokeReason: null,
        });
      } catch (error) {
        // The same worker-year, or the same certificate number taken by another branch click.
        if (isUniqueViolation(error)) throw new TransactionConflict();
        throw error;
      }
      await this.journal.write(manager, {
        application: current,
        actorUserId: actor.userId,
        action: ReviewAuditAction.Recognised,
        before: { status: current.status },
        after: {
          status: TRANSITIONS.recognise.to,
          certificateNo: recognition.certificateNo,
          branchId: branch.id,
          criteriaSetId: evaluation.criteriaSetId,
          totalPoints: evaluation.totalPoints,
        },
        notify: { once: true },
      });
      return { recognised: true, recognition };
    });
    if (outcome.recognised) await this.figures.publish('recognition');
    return outcome;
  }

  /** CONFIRMED → REJECTED with the reviewer's reason (required). */
  async reject(actor: Actor, id: number, reason: string): Promise<void> {
    await this.access.forReviewer(actor, id);
    await this.unitOfWork.run(async (manager) => {
      const current = (await this.repository.findApplication(id, manager))!;
      const changed = await this.repository.transition(manager, id, TRANSITIONS.reject.from, {
        status: TRANSITIONS.reject.to,
      });
      if (!changed) throw new ReviewRefused('notConfirmed');
      await this.journal.write(manager, {
        application: current,
        actorUserId: actor.userId,
        action: ReviewAuditAction.Rejected,
        before: { status: current.status },
        after: { status: TRANSITIONS.reject.to },
        comment: reason,
        notify: { once: true, text: reason },
      });
    });
  }

  /** RECOGNISED → REVOKED: the certificate's public check says "revoked" from now on. */
  async revoke(actor: Actor, id: number, reason: string): Promise<void> {
    await this.access.forReviewer(actor, id);
    await this.unitOfWork.run(async (manager) => {
      const current = (await this.repository.findApplication(id, manager))!;
      const changed = await this.repository.transition(manager, id, TRANSITIONS.revoke.from, {
        status: TRANSITIONS.revoke.to,
      });
      if (!changed) throw new ReviewRefused('notRecognised');
      const revokedAt = new Date();
      await this.repository.revokeRecognition(manager, id, {
        revokedBy: actor.userId,
        revokedAt,
        revokeReason: reason,
      });
      const recognition = await this.repository.recognitionOf(id, manager);
      await this.journal.write(manager, {
        application: current,
        actorUserId: actor.userId,
        action: ReviewAuditAction.Revoked,
        before: { status: current.status, recognitionStatus: RecognitionStatus.Valid },
        after: {
          status: TRANSITIONS.revoke.to,
          recognitionStatus: RecognitionStatus.Revoked,
          certificateNo: recognition?.certificateNo ?? null,
        },
        comment: reason,
        notify: { once: true, text: reason },
      });
    });
    await this.figures.publish('revocation');
  }

  /** Recognises each in its own transaction; those already recognised or not allowed are skipped. */
  recogniseMany(actor: Actor, ids: readonly number[]): Promise<BulkResult> {
    return eachApplication(ids, async (id) => (await this.recognise(actor, id)).recognised);
  }

  rejectMany(actor: Actor, ids: readonly number[], reason: string): Promise<BulkResult> {
    return eachApplication(ids, async (id) => {
      await this.reject(actor, id, reason);
      return true;
    });
  }
}
