import { Injectable } from '@nestjs/common';
import { AuditLog } from '../../audit/audit-log.service';
import { Actor } from '../../common/access/actor';
import { OutOfScopeException } from '../../common/access/out-of-scope';
import { PiiCipher } from '../../common/crypto/pii-cipher';
import { FormError } from '../../common/errors/form-error';
import { Page, pageOf, PageQuery, pageWindow } from '../../common/http/pagination';
import { maskCccd } from '../../common/validation/cccd';
import { Transaction, UnitOfWork } from '../../database/unit-of-work';
import { NoticesService } from '../../notices/notices.service';
import { EnterprisesService } from '../../organisations/enterprises.service';
import { Worker } from '../entities/worker.entity';
import { PersonRegistry } from '../identity/person-registry';
import { WorkersRepository } from '../workers.repository';
import { IdentityReconciliation, ReconciliationStatus } from './entities/identity-reconciliation.entity';
import { ReconciliationsRepository } from './reconciliations.repository';

/** A request beside the national record it would change. */
export interface ReconciliationView extends IdentityReconciliation {
  enterpriseName: string;
  record: Pick<Worker, 'id' | 'fullName' | 'dateOfBirth' | 'gender'> & { cccdMasked: string };
}

/**
 * The federation admin's reconciliation of identities: each request is accepted (the person's
 * record takes the enterprise's identity data, and the employment asked for is saved under the
 * usual rules) or rejected, with a reason, audited, and the officer who asked is told.
 */
@Injectable()
export class ReconciliationsService {
  constructor(
    private readonly items: ReconciliationsRepository,
    private readonly workers: WorkersRepository,
    private readonly registry: PersonRegistry,
    private readonly audit: AuditLog,
    private readonly notices: NoticesService,
    private readonly unitOfWork: UnitOfWork,
    private readonly pii: PiiCipher,
    private readonly enterprises: EnterprisesService,
  ) {}

  async page(query: PageQuery & { status?: ReconciliationStatus }): Promise<Page<ReconciliationView>> {
    const { page, size, skip } = pageWindow(query);
    const [items, total] = await this.items.page(query.status, skip, size);
    return pageOf(await this.views(items), total, page, size);
  }

  async get(id: number): Promise<ReconciliationView> {
    const item = await this.items.findById(id);
    if (!item) throw new OutOfScopeException();
    return (await this.views([item]))[0];
  }

  countOpen(): Promise<number> {
    return this.items.countOpen();
  }

  decide(actor: Actor, id: number, decision: 'accept' | 'reject', reason: string): Promise<void> {
    return decision === 'accept' ? this.accept(actor, id, reason) : this.reject(actor, id, reason);
  }

  private async accept(actor: Actor, id: number, reason: string): Promise<void> {
    await this.unitOfWork.run(async (manager) => {
      const item = await this.openItem(id, manager);
      const worker = (await this.workers.findById(item.workerId, manager))!;
      const [outcome] = await this.registry.register(manager, {
        enterpriseId: item.enterpriseId,
        entries: [
          {
            key: 1,
            cccd: this.pii.decrypt(worker.cccdEncrypted),
            cccdHash: worker.cccdHash,
            identity: { fullName: item.fullName, dateOfBirth: item.dateOfBirth, gender: item.gender },
            employment: item.startDate
              ? {
                  startDate: item.startDate,
                  endDate: item.endDate,
                  employeeCode: item.employeeCode,
                  unionMember: item.unionMember ?? undefined,
                  phone: item.phone,
                  email: item.email,
                }
              : undefined,
          },
        ],
        requester: actor,
        source: { kind: item.source, importId: item.rosterImportId ?? undefined },
        mode: 'merge',
        identityAuthority: true,
      });
      if (outcome.result === 'refused')
        throw new FormError(
          { reason: { key: 'reconciliation.cannotApply' } },
          { key: 'reconciliation.cannotApply' },
        );
      await this.close(actor, item, ReconciliationStatus.Accepted, reason, manager);
    });
  }

  private async reject(actor: Actor, id: number, reason: string): Promise<void> {
    await this.unitOfWork.run(async (manager) => {
      const item = await this.openItem(id, manager);
      await this.close(actor, item, ReconciliationStatus.Rejected, reason, manager);
    });
  }

  private async openItem(id: number, manager: Transaction): Promise<IdentityReconciliation> {
    const item = await this.items.findById(id, manager);
    if (!item) throw new OutOfScopeException();
    if (item.status !== ReconciliationStatus.Open) throw alreadyDecided();
    return item;
  }

  private async close(
    actor: Actor,
    item: IdentityReconciliation,
    status: ReconciliationStatus,
    reason: string,
    manager: Transaction,
  ): Promise<void> {
    const decided = await this.items.decide(
      item.id,
      { status, decidedBy: actor.userId, decidedAt: new Date(), decisionReason: reason },
      manager,
    );
    if (!decided) throw alreadyDecided();
    await this.audit.write(
      actor,
      {
        action:
          status === ReconciliationStatus.Accepted ? 'reconciliation.accepted' : 'reconciliation.rejected',
        subjectType: 'reconciliation',
        subjectId: item.id,
        details: { workerId: item.workerId, enterpriseId: item.enterpriseId },
        reason,
      },
      manager,
    );
    if (item.requestedBy)
      await this.notices.notify(manager, {
        userId: item.requestedBy,
        messageKey:
          status === ReconciliationStatus.Accepted
            ? 'reconciliation.notice.accepted'
            : 'reconciliation.notice.rejected',
        params: { reason },
        link: status === ReconciliationStatus.Accepted ? `/workers/${item.workerId}` : undefined,
        dedupeKey: `reconciliation:${item.id}`,
      });
  }

  /** The requests with their enterprise's name (one look-up for them all) and the record. */
  private async views(items: IdentityReconciliation[]): Promise<ReconciliationView[]> {
    const names = await this.enterprises.namesOf(items.map((i) => i.enterpriseId));
    return Promise.all(
      items.map((item) =>
        this.withRecord(Object.assign(item, { enterpriseName: names.get(item.enterpriseId)?.name ?? '' })),
      ),
    );
  }

  private async withRecord(
    item: IdentityReconciliation & { enterpriseName: string },
  ): Promise<ReconciliationView> {
    const worker = (await this.workers.findById(item.workerId))!;
    return Object.assign(item, {
      record: {
        id: worker.id,
        fullName: worker.fullName,
        dateOfBirth: worker.dateOfBirth,
        gender: worker.gender,
        cccdMasked: maskCccd(this.pii.decrypt(worker.cccdEncrypted)),
      },
    });
  }
}

/** Said above the form (a decided request shows no form to put it beside). */
function alreadyDecided(): FormError {
  return new FormError(
    { reason: { key: 'reconciliation.alreadyDecided' } },
    { key: 'reconciliation.alreadyDecided' },
  );
}
