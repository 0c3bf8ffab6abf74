import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Actor } from '../common/access/actor';
import { Page, pageOf, PageQuery, pageWindow } from '../common/http/pagination';
import { AuditFilter, AuditLogRepository } from './audit-log.repository';
import { AuditAction } from './audit-actions';
import { AuditEntry, AuditSubject } from './entities/audit-entry.entity';

export interface AuditStep {
  action: AuditAction;
  subjectType: AuditSubject;
  subjectId: number;
  details?: Record<string, unknown> | null;
  reason?: string | null;
}

/**
 * The trail of steps that change who a person is or who may act for them. Each step is written
 * with the manager of the transaction that makes the change, so both are stored or neither.
 */
@Injectable()
export class AuditLog {
  constructor(private readonly entries: AuditLogRepository) {}

  /** `actor` null: the system took the step. */
  write(actor: Actor | null, step: AuditStep, manager?: EntityManager): Promise<void> {
    return this.entries.insert(
      {
        actorUserId: actor?.userId ?? null,
        actorName: actor?.displayName ?? null,
        action: step.action,
        subjectType: step.subjectType,
        subjectId: step.subjectId,
        details: step.details ?? null,
        reason: step.reason ?? null,
      },
      manager,
    );
  }

  async page(filter: AuditFilter, query: PageQuery): Promise<Page<AuditEntry>> {
    const { page, size, skip } = pageWindow(query);
    const [items, total] = await this.entries.page(filter, skip, size);
    return pageOf(items, total, page, size);
  }
}
