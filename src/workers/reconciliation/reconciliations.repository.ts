import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { IdentityReconciliation, ReconciliationStatus } from './entities/identity-reconciliation.entity';

export type ReconciliationRequest = Omit<
  IdentityReconciliation,
  'id' | 'status' | 'decidedBy' | 'decidedAt' | 'decisionReason' | 'createdAt' | 'updatedAt'
>;

@Injectable()
export class ReconciliationsRepository {
  constructor(
    @InjectRepository(IdentityReconciliation) private readonly items: Repository<IdentityReconciliation>,
  ) {}

  /** Opens a request, or replaces what the open one of the same person and enterprise asks for. */
  async open(
    request: ReconciliationRequest,
    manager: EntityManager,
  ): Promise<{ id: number; created: boolean }> {
    const repo = manager.getRepository(IdentityReconciliation);
    const current = await repo.findOne({
      where: {
        workerId: request.workerId,
        enterpriseId: request.enterpriseId,
        status: ReconciliationStatus.Open,
      },
    });
    if (current) {
      await repo.update({ id: current.id }, request);
      return { id: current.id, created: false };
    }
    const saved = await repo.save(repo.create({ ...request, status: ReconciliationStatus.Open }));
    return { id: saved.id, created: true };
  }

  findById(id: number, manager?: EntityManager): Promise<IdentityReconciliation | null> {
    return (manager ?? this.items.manager).getRepository(IdentityReconciliation).findOne({ where: { id } });
  }

  /** Closes an open request; false when someone else decided it first. */
  async decide(
    id: number,
    decision: Pick<IdentityReconciliation, 'status' | 'decidedBy' | 'decidedAt' | 'decisionReason'>,
    manager: EntityManager,
  ): Promise<boolean> {
    const result = await manager
      .getRepository(IdentityReconciliation)
      .update({ id, status: ReconciliationStatus.Open }, decision);
    return (result.affected ?? 0) > 0;
  }

  /** Open requests first (oldest first), then the decided ones (latest first). */
  page(
    status: ReconciliationStatus | undefined,
    skip: number,
    take: number,
  ): Promise<[IdentityReconciliation[], number]> {
    const query = this.items.createQueryBuilder('r');
    if (status) query.where('r.status = :status', { status });
    return query
      .orderBy(`CASE WHEN r.status = '${ReconciliationStatus.Open}' THEN 0 ELSE 1 END`, 'ASC')
      .addOrderBy(`CASE WHEN r.status = '${ReconciliationStatus.Open}' THEN r.id ELSE -r.id END`, 'ASC')
      .offset(skip)
      .limit(take)
      .getManyAndCount();
  }

  countOpen(): Promise<number> {
    return this.items.count({ where: { status: ReconciliationStatus.Open } });
  }
}
