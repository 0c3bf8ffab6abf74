import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { IdentityReconciliation, ReconciliationStatus } from './entities/identity-reconciliation.entity';

export type ReconciliationRequest = Omit<
  IdentityReconciliation,
  'id' | 'status' | 'decidedBy' | 'decidedAt' | 'decisionReason' | 'createdAt' | 'updatedAt'
>;

export interface ReconciliationListItem extends IdentityReconciliation {
  enterpriseName: string;
}

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

  async findListItem(id: number): Promise<ReconciliationListItem | null> {
    const { entities, raw } = await this.listQuery()
      .where('r.id = :id', { id })
      .getRawAndEntities<{ enterprise_name: string }>();
    return entities[0] ? Object.assign(entities[0], { enterpriseName: raw[0].enterprise_name }) : null;
  }

  /** Open requests first (oldest first), then the decided ones (latest first). */
  async page(
    status: ReconciliationStatus | undefined,
    skip: number,
    take: number,
  ): Promise<[ReconciliationListItem[], number]> {
    const query = this.listQuery();
    if (status) query.where('r.status = :status', { status });
    query
      .orderBy(`CASE WHEN r.status = '${ReconciliationStatus.Open}' THEN 0 ELSE 1 END`, 'ASC')
      .addOrderBy(`CASE WHEN r.status = '${ReconciliationStatus.Open}' THEN r.id ELSE -r.id END`, 'ASC');
    const total = await query.getCount();
    const { entities, raw } = await query
      .offset(skip)
      .limit(take)
      .getRawAndEntities<{ enterprise_name: string }>();
    return [
      entities.map((e, i) => Object.assign(e, { enterpriseName: raw[i]?.enterprise_name ?? '' })),
      total,
    ];
  }

  private listQuery() {
    return this.items
      .createQueryBuilder('r')
      .innerJoin('enterprises', 'ent', 'ent.id = r.enterprise_id')
      .addSelect('ent.name', 'enterprise_name');
  }

  countOpen(): Promise<number> {
    return this.items.count({ where: { status: ReconciliationStatus.Open } });
  }
}
