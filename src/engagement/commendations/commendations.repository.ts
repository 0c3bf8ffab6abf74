import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, Repository, SelectQueryBuilder } from 'typeorm';

/** Vietnam is UTC+7 all year: a year there starts at 17:00 UTC on 31 December. */
const VIETNAM_OFFSET_MS = 7 * 3600_000;
import { leftJoinEnterprise, leftJoinUnitOfEnterprise } from '../../organisations/enterprise-joins';
import { EnterpriseScope, whereEnterpriseInScope } from '../../organisations/enterprise-scope';
import { Commendation, CommendationFile, CommendationStatus } from './entities/commendation.entity';
import { GoodModel, GoodModelStatus } from './entities/good-model.entity';

/** A commendation with its enterprise's name and commune, for lists, the honour roll and the report. */
export interface CommendationRow {
  commendation: Commendation;
  enterpriseName: string;
  unitId: number | null;
  unitName: string | null;
}

/** A good model with its enterprise's name. */
export interface GoodModelRow {
  model: GoodModel;
  enterpriseName: string;
}

/** Nominations, their evidence files and good models; reads of scoped rows take the caller's scope. */
@Injectable()
export class CommendationsRepository {
  constructor(
    @InjectRepository(Commendation) private readonly commendations: Repository<Commendation>,
    @InjectRepository(CommendationFile) private readonly files: Repository<CommendationFile>,
    @InjectRepository(GoodModel) private readonly models: Repository<GoodModel>,
  ) {}

  insert(manager: EntityManager, row: Partial<Commendation>): Promise<Commendation> {
    const repo = manager.getRepository(Commendation);
    return repo.save(repo.create(row));
  }

  async addFile(manager: EntityManager, commendationId: number, fileId: number): Promise<void> {
    await manager.getRepository(CommendationFile).insert({ commendationId, fileId });
  }

  /** The evidence links of a worker's nominations (for themselves or their child). */
  evidenceOfWorker(
    workerId: number,
    manager: EntityManager = this.files.manager,
  ): Promise<CommendationFile[]> {
    return manager
      .getRepository(CommendationFile)
      .createQueryBuilder('f')
      .innerJoin(Commendation, 'c', 'c.id = f.commendation_id')
      .where('c.worker_id = :workerId', { workerId })
      .orderBy('f.id', 'ASC')
      .getMany();
  }

  async removeFileLinks(manager: EntityManager, linkIds: number[]): Promise<void> {
    if (linkIds.length > 0) await manager.getRepository(CommendationFile).delete({ id: In(linkIds) });
  }

  fileIdsOf(commendationId: number): Promise<number[]> {
    return this.files
      .find({ where: { commendationId }, order: { id: 'ASC' } })
      .then((rows) => rows.map((r) => r.fileId));
  }

  /**
   * Changes a nomination only while it is pending; false once it is decided. The update also
   * holds the row until the transaction ends (MySQL), so a decision made meanwhile waits and then
   * covers what was saved: pass `{}` to take that hold for an evidence file's change.
   */
  async updatePending(manager: EntityManager, id: number, changes: Partial<Commendation>): Promise<boolean> {
    const result = await manager
      .getRepository(Commendation)
      .update({ id, status: CommendationStatus.Pending }, { ...changes, updatedAt: new Date() });
    return (result.affected ?? 0) > 0;
  }

  async removeFile(manager: EntityManager, commendationId: number, fileId: number): Promise<void> {
    await manager.getRepository(CommendationFile).delete({ commendationId, fileId });
  }

  /** One nomination, only when its enterprise is in scope. */
  findInScope(id: number, scope: EnterpriseScope): Promise<Commendation | null> {
    const query = this.commendations.createQueryBuilder('c').where('c.id = :id', { id });
    return whereEnterpriseInScope(query, 'c.enterprise_id', scope).getOne();
  }

  /** A worker's pending or approved nomination for themselves in the year, if any. */
  findOpenOfWorker(workerId: number, year: number): Promise<Commendation | null> {
    return this.commendations.findOne({
      where: {
        workerId,
        year,
        kind: 'WORKER' as Commendation['kind'],
        status: In([CommendationStatus.Pending, CommendationStatus.Approved]),
      },
    });
  }

  /**
   * Records the decision on a pending nomination; false when it was decided already (by someone
   * else at the same moment), so a decision is never overwritten.
   */
  async decide(
    manager: EntityManager,
    id: number,
    status: CommendationStatus,
    reason: string | null,
    userId: number,
    at: Date,
  ): Promise<boolean> {
    const result = await manager
      .getRepository(Commendation)
      .update(
        { id, status: CommendationStatus.Pending },
        { status, decisionReason: reason, decidedBy: userId, decidedAt: at },
      );
    return (result.affected ?? 0) > 0;
  }

  findById(id: number): Promise<Commendation | null> {
    return this.commendations.findOne({ where: { id } });
  }

  /** Nominations in scope, optionally of a year and a status, the latest first. */
  list(
    scope: EnterpriseScope,
    filter: { year?: number; status?: CommendationStatus; unitPaths?: string[] },
  ): Promise<CommendationRow[]> {
    const query = this.commendations.createQueryBuilder('c');
    leftJoinEnterprise(query, 'c.enterprise_id', 'e');
    leftJoinUnitOfEnterprise(query, 'e', 'u');
    whereEnterpriseInScope(query, 'c.enterprise_id', scope);
    if (filter.year !== undefined) query.andWhere('c.year = :year', { year: filter.year });
    if (filter.status) query.andWhere('c.status = :status', { status: filter.status });
    return query
      .addSelect(['e.name AS enterprise_name', 'u.id AS unit_id', 'u.name AS unit_name'])
      .orderBy('u.name', 'ASC')
      .addOrderBy('e.name', 'ASC')
      .addOrderBy('c.id', 'DESC')
      .getRawAndEntities()
      .then(({ raw, entities }) =>
        entities.map((commendation) => {
          const r = (raw as Record<string, unknown>[]).find((x) => Number(x.c_id) === commendation.id)!;
          return {
            commendation,
            enterpriseName: String(r.enterprise_name),
            unitId: r.unit_id === null ? null : Number(r.unit_id),
            unitName: r.unit_name === null ? null : String(r.unit_name),
          };
        }),
      );
  }

  /** A worker's own nominations, for their personal-data export. */
  ofWorker(workerId: number): Promise<Commendation[]> {
    return this.commendations.find({ where: { workerId }, order: { id: 'ASC' } });
  }

  saveModel(manager: EntityManager, row: Partial<GoodModel>): Promise<GoodModel> {
    const repo = manager.getRepository(GoodModel);
    return repo.save(repo.create(row));
  }

  findModel(id: number): Promise<GoodModel | null> {
    return this.models.findOne({ where: { id } });
  }

  /** Changes a model; with `draftOnly`, only while it is a draft (false once it was published meanwhile). */
  async updateModel(
    manager: EntityManager,
    id: number,
    changes: Partial<GoodModel>,
    draftOnly: boolean,
  ): Promise<boolean> {
    const result = await manager
      .getRepository(GoodModel)
      .update(draftOnly ? { id, status: GoodModelStatus.Draft } : { id }, {
        ...changes,
        updatedAt: new Date(),
      });
    return (result.affected ?? 0) > 0;
  }

  async publishModel(id: number, at: Date): Promise<void> {
    await this.models.update({ id }, { status: GoodModelStatus.Published, publishedAt: at });
  }

  /** Good models: the published ones, plus drafts of enterprises in `draftScope` (the federation's all, an officer's own). */
  listModels(draftScope: EnterpriseScope): Promise<GoodModelRow[]> {
    const drafts = whereEnterpriseInScope(
      this.models.createQueryBuilder('d').select('d.id'),
      'd.enterprise_id',
      draftScope,
    );
    const query = this.models
      .createQueryBuilder('m')
      .where('m.status = :published', { published: GoodModelStatus.Published })
      .orWhere(`m.id IN (${drafts.getQuery()})`, drafts.getParameters());
    return this.modelRows(query);
  }

  /** Models published in a year (Vietnam time) by enterprises in scope. */
  publishedIn(year: number, scope: EnterpriseScope): Promise<GoodModelRow[]> {
    const query = this.models
      .createQueryBuilder('m')
      .where('m.status = :published', { published: GoodModelStatus.Published })
      .andWhere('m.published_at >= :from AND m.published_at < :to', {
        from: new Date(Date.UTC(year, 0, 1) - VIETNAM_OFFSET_MS),
        to: new Date(Date.UTC(year + 1, 0, 1) - VIETNAM_OFFSET_MS),
      });
    return this.modelRows(whereEnterpriseInScope(query, 'm.enterprise_id', scope));
  }

  private async modelRows(query: SelectQueryBuilder<GoodModel>): Promise<GoodModelRow[]> {
    leftJoinEnterprise(query, 'm.enterprise_id', 'e');
    const { raw, entities } = await query
      .addSelect('e.name', 'enterprise_name')
      .orderBy('m.published_at', 'DESC')
      .addOrderBy('m.id', 'DESC')
      .getRawAndEntities();
    return entities.map((model) => ({
      model,
      enterpriseName: String(
        (raw as Record<string, unknown>[]).find((x) => Number(x.m_id) === model.id)?.enterprise_name ?? '',
      ),
    }));
  }
}
