import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, Repository } from 'typeorm';
import { CitizenshipAuditEntry } from './entities/audit-entry.entity';

export interface AuditStep {
  applicationId: number;
  /** Null when the system took the step (e.g. an evaluation job). */
  actorUserId: number | null;
  action: string;
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
  latest(applicationId: number, actions: string[]): Promise<CitizenshipAuditEntry | null> {
    return this.entries.findOne({ where: { applicationId, action: In(actions) }, order: { id: 'DESC' } });
  }

  history(applicationId: number): Promise<CitizenshipAuditEntry[]> {
    return this.entries.find({ where: { applicationId }, order: { id: 'ASC' } });
  }
}
