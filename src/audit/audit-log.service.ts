import { Transaction } from '../database/unit-of-work';
import { Injectable } from '@nestjs/common';
import { Page, pageOf, PageQuery, pageWindow } from '../common/http/pagination';
import { AuditFilter, AuditLogRepository } from './audit-log.repository';
import { AuditAction } from './audit-actions';
import { AuditEntry, AuditSubject } from './entities/audit-entry.entity';

/**
 * Who took a step: a signed-in actor, the user a background job works for (e.g. an import's
 * uploader), or a named tool with no account (userId null: the command line).
 */
export interface AuditActor {
  userId: number | null;
  displayName?: string | null;
}

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
  write(actor: AuditActor | null, step: AuditStep, manager?: Transaction): Promise<void> {
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
