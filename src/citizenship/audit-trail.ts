import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, Repository } from 'typeorm';
import { CitizenshipAuditEntry } from './entities/audit-entry.entity';

/**
 * Every step the trail records. Each is shown by its label `review.audit.<action>`
 * (review.messages.ts); audit-trail.spec.ts fails on a step written without one.
 */
export const CITIZENSHIP_AUDIT_ACTIONS = [
  // The worker's steps (applications module).
  'REGISTERED',
  'PLAN_SAVED',
  'ANSWER_SAVED',
  'ANSWER_WITHDRAWN',
  'SUBMITTED',
  // The evaluation job's.
  'EVALUATED',
  // The review chain's (review-journal.ts, ReviewAuditAction).
  'ANSWER_CONFIRMED',
  'ANSWER_RETURNED',
  'CONFIRMED',
  'RETURNED',
  'RECOGNISED',
  'REJECTED',
  'REVOKED',
] as const;

export type CitizenshipAuditAction = (typeof CITIZENSHIP_AUDIT_ACTIONS)[number];

export interface AuditStep {
  applicationId: number;
  /** Null when the system took the step (e.g. an evaluation job). */
  actorUserId: number | null;
  action: CitizenshipAuditAction;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
  comment?: string | null;
}

/**
 * Append-only trail of the steps on learning-citizen applications. Written in the same transaction
 * as the change it describes, so a step and its entry are stored together or not at all. There is
 * no update or delete here on purpose.
 */
@Injectable()
export class AuditTrail {
  constructor(
    @InjectRepository(CitizenshipAuditEntry) private readonly entries: Repository<CitizenshipAuditEntry>,
  ) {}

  async write(manager: EntityManager, step: AuditStep): Promise<void> {
    const repo = manager.getRepository(CitizenshipAuditEntry);
    await repo.save(
      repo.create({
        applicationId: step.applicationId,
        actorUserId: step.actorUserId,
        action: step.action,
        beforeState: step.before ?? null,
        afterState: step.after ?? null,
        comment: step.comment ?? null,
        at: new Date(),
      }),
    );
  }

  /** The application's latest entry of one of these actions (e.g. the decision and its reason). */
  latest(applicationId: number, actions: CitizenshipAuditAction[]): Promise<CitizenshipAuditEntry | null> {
    return this.entries.findOne({ where: { applicationId, action: In(actions) }, order: { id: 'DESC' } });
  }

  history(applicationId: number): Promise<CitizenshipAuditEntry[]> {
    return this.entries.find({ where: { applicationId }, order: { id: 'ASC' } });
  }
}
