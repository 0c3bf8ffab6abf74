import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Brackets, EntityManager, In, Repository, SelectQueryBuilder } from 'typeorm';
import { likeContains } from '../common/text/vietnamese';
import { EnterpriseScope, whereEnterpriseInScope } from '../organisations/enterprise-scope';
import { Enterprise } from '../organisations/entities/enterprise.entity';
import { whereAccountEverActivated } from '../users/account-filters';
import { Employment } from './entities/employment.entity';
import { Worker } from './entities/worker.entity';
import { PersonTies } from './identity/identity';

export type EmploymentState = 'current' | 'ended' | 'all';

export interface WorkerFilter {
  /** Folded name fragment (accent-insensitive "contains"). */
  nameKey?: string;
  /** Blind index of a CCCD typed into the search box. */
  cccdHash?: string;
  state: EmploymentState;
  /** 'YYYY-MM-DD' in Vietnam: an employment ending today is still current. */
  today: string;
}

export interface EmploymentView extends Employment {
  enterpriseName: string;
  enterpriseTaxCode: string;
}

export type NewWorker = Pick<
  Worker,
  'fullName' | 'searchKey' | 'dateOfBirth' | 'gender' | 'cccdEncrypted' | 'cccdHash'
>;
export type NewEmployment = Pick<
  Employment,
  'workerId' | 'enterpriseId' | 'employeeCode' | 'startDate' | 'endDate' | 'unionMember' | 'phone' | 'email'
>;

const INSERT_BATCH = 500;

/**
 * Every query of workers and employments. Lists are always limited to a scope of enterprises: a
 * worker is reached through an employment at an enterprise in scope (EnterpriseScope).
 */
@Injectable()
export class WorkersRepository {
  constructor(
    @InjectRepository(Worker) private readonly workers: Repository<Worker>,
    @InjectRepository(Employment) private readonly employments: Repository<Employment>,
    @InjectRepository(Enterprise) private readonly enterprises: Repository<Enterprise>,
  ) {}

  findById(id: number, manager?: EntityManager): Promise<Worker | null> {
    return this.repo(Worker, manager).findOne({ where: { id } });
  }

  async namesOf(ids: number[]): Promise<Map<number, string>> {
    if (ids.length === 0) return new Map();
    const found = await this.workers.find({ where: { id: In(ids) }, select: { id: true, fullName: true } });
    return new Map(found.map((w) => [w.id, w.fullName]));
  }

  /** The logins of the workers that have one, by worker id. */
  async userIdsOf(ids: number[]): Promise<Map<number, number>> {
    const found = new Map<number, number>();
    for (let i = 0; i < ids.length; i += 500) {
      const rows = await this.workers.find({
        select: { id: true, userId: true },
        where: { id: In(ids.slice(i, i + 500)) },
      });
      for (const w of rows) if (w.userId !== null) found.set(w.id, w.userId);
    }
    return found;
  }

  findByUser(userId: number): Promise<Worker | null> {
    return this.workers.findOne({ where: { userId } });
  }

  findByHash(cccdHash: string, manager?: EntityManager): Promise<Worker | null> {
    return this.repo(Worker, manager).findOne({ where: { cccdHash } });
  }

  findByHashes(hashes: string[], manager?: EntityManager): Promise<Worker[]> {
    if (hashes.length === 0) return Promise.resolve([]);
    return this.repo(Worker, manager).find({ where: { cccdHash: In(hashes) } });
  }

  async create(data: NewWorker, manager?: EntityManager): Promise<Worker> {
    const repo = this.repo(Worker, manager);
    return repo.save(repo.create({ ...data, userId: null }));
  }

  /** Batched multi-row inserts; the caller reads the new ids back by their CCCD hashes. */
  async insertMany(rows: NewWorker[], manager: EntityManager): Promise<void> {
    for (let i = 0; i < rows.length; i += INSERT_BATCH) {
      await manager
        .createQueryBuilder()
        .insert()
        .into(Worker)
        .values(rows.slice(i, i + INSERT_BATCH).map((r) => ({ ...r, userId: null })))
        .updateEntity(false)
        .execute();
    }
  }

  async update(id: number, changes: Partial<Worker>, manager?: EntityManager): Promise<void> {
    await this.repo(Worker, manager).update({ id }, changes);
  }

  /** Sets the worker's login only if none was set meanwhile; false when another one won. */
  async linkUser(workerId: number, userId: number, manager: EntityManager): Promise<boolean> {
    const result = await manager
      .createQueryBuilder()
      .update(Worker)
      .set({ userId })
      .where('id = :workerId AND user_id IS NULL', { workerId })
      .execute();
    return (result.affected ?? 0) > 0;
  }

  /** True when the worker has an employment (current or not) at an enterprise in scope. */
  async isInScope(workerId: number, scope: EnterpriseScope): Promise<boolean> {
    const query = this.employments
      .createQueryBuilder('e')
      .select('e.id')
      .where('e.worker_id = :workerId', { workerId });
    whereEnterpriseInScope(query, 'e.enterprise_id', scope);
    return (await query.limit(1).getRawOne()) !== undefined;
  }

  /** One page of workers in scope, ordered by name. */
  async page(
    scope: EnterpriseScope,
    filter: WorkerFilter,
    skip: number,
    take: number,
  ): Promise<[Worker[], number]> {
    const query = this.filtered(scope, filter)
      .orderBy('w.search_key', 'ASC')
      .addOrderBy('w.id', 'ASC')
      .offset(skip)
      .limit(take);
    return Promise.all([query.getMany(), query.getCount()]);
  }

  /** The same rows as the pages, in the same order, a batch at a time (for exports). */
  async *stream(scope: EnterpriseScope, filter: WorkerFilter, batch = 1000): AsyncGenerator<Worker[]> {
    let after: { key: string; id: number } | null = null;
    for (;;) {
      const query = this.filtered(scope, filter).orderBy('w.search_key', 'ASC').addOrderBy('w.id', 'ASC');
      if (after) {
        const { key, id } = after;
        query.andWhere(
          new Brackets((b) =>
            b
              .where('w.search_key > :afterKey', { afterKey: key })
              .orWhere('(w.search_key = :afterKey AND w.id > :afterId)', {
                afterKey: key,
                afterId: id,
              }),
          ),
        );
      }
      const rows = await query.limit(batch).getMany();
      if (rows.length === 0) return;
      yield rows;
      const last = rows[rows.length - 1];
      after = { key: last.searchKey, id: last.id };
      if (rows.length < batch) return;
    }
  }

  private filtered(scope: EnterpriseScope, filter: WorkerFilter): SelectQueryBuilder<Worker> {
    const query = this.workers.createQueryBuilder('w');
    if (filter.cccdHash) query.andWhere('w.cccd_hash = :cccdHash', { cccdHash: filter.cccdHash });
    if (filter.nameKey)
      query.andWhere("w.search_key LIKE :nameKey ESCAPE '!'", { nameKey: likeContains(filter.nameKey) });
    // "w.id IN (employments in scope)": MariaDB turns it into a semi-join driven by the enterprise index.
    const inScope = (alias: string, currentOnly: boolean) => {
      const sub = query.subQuery().select(`${alias}.worker_id`).from(Employment, alias);
      whereEnterpriseInScope(sub, `${alias}.enterprise_id`, scope);
      if (currentOnly) sub.andWhere(`(${alias}.end_date IS NULL OR ${alias}.end_date >= :today)`);
      query.setParameters(sub.getParameters());
      return sub.getQuery();
    };
    query.setParameter('today', filter.today);
    if (filter.state === 'current') query.andWhere(`w.id IN ${inScope('se', true)}`);
    else if (filter.state === 'ended')
      query.andWhere(`w.id IN ${inScope('se', false)}`).andWhere(`w.id NOT IN ${inScope('sc', true)}`);
    else if (!scope.all) query.andWhere(`w.id IN ${inScope('se', false)}`);
    return query;
  }

  /** Employments of some workers, with the enterprise's name, optionally only those in scope. */
  async employmentsOf(workerIds: number[], scope?: EnterpriseScope): Promise<EmploymentView[]> {
    if (workerIds.length === 0) return [];
    const query = this.employments
      .createQueryBuilder('e')
      .innerJoin(Enterprise, 'ent', 'ent.id = e.enterprise_id')
      .addSelect(['ent.name', 'ent.taxCode'])
      .where('e.worker_id IN (:...workerIds)', { workerIds })
      .orderBy('e.start_date', 'DESC')
      .addOrderBy('e.id', 'DESC');
    if (scope) whereEnterpriseInScope(query, 'e.enterprise_id', scope);
    const { entities, raw } = await query.getRawAndEntities<{
      ent_name: string;
      ent_tax_code: string;
      e_id: number;
    }>();
    const names = new Map(raw.map((r) => [Number(r.e_id), r]));
    return entities.map((e) =>
      Object.assign(e, {
        enterpriseName: names.get(e.id)?.ent_name ?? '',
        enterpriseTaxCode: names.get(e.id)?.ent_tax_code ?? '',
      }),
    );
  }

  findEmployment(id: number, manager?: EntityManager): Promise<Employment | null> {
    return this.repo(Employment, manager).findOne({ where: { id } });
  }

  /** Workers' employments at one enterprise, by start date. */
  employmentsAt(workerIds: number[], enterpriseId: number, manager?: EntityManager): Promise<Employment[]> {
    if (workerIds.length === 0) return Promise.resolve([]);
    return this.repo(Employment, manager).find({
      where: { workerId: In(workerIds), enterpriseId },
      order: { startDate: 'ASC', id: 'ASC' },
    });
  }

  /**
   * Each person's ties that decide whose their identity is (identity.ts): the enterprises they
   * have an employment at, and whether they activated their own account.
   */
  async ties(workerIds: number[], manager?: EntityManager): Promise<Map<number, PersonTies>> {
    const ties = new Map<number, PersonTies>(
      workerIds.map((id) => [id, { enterpriseIds: new Set<number>(), activated: false }]),
    );
    if (workerIds.length === 0) return ties;
    const db = manager ?? this.workers.manager;
    const employed = await db
      .createQueryBuilder()
      .select(['e.worker_id AS workerId', 'e.enterprise_id AS enterpriseId'])
      .from(Employment, 'e')
      .where('e.worker_id IN (:...workerIds)', { workerIds })
      .getRawMany<{ workerId: number; enterpriseId: number }>();
    for (const row of employed) ties.get(Number(row.workerId))?.enterpriseIds.add(Number(row.enterpriseId));
    // Ever activated, as auth's everActivated says: the owner once set their own password.
    const accounts = await whereAccountEverActivated(
      db
        .createQueryBuilder()
        .select('w.id', 'workerId')
        .from(Worker, 'w')
        .where('w.id IN (:...workerIds)', { workerIds }),
      'w.user_id',
    ).getRawMany<{ workerId: number }>();
    for (const row of accounts) ties.get(Number(row.workerId))!.activated = true;
    return ties;
  }

  async insertEmployments(rows: NewEmployment[], manager: EntityManager): Promise<void> {
    for (let i = 0; i < rows.length; i += INSERT_BATCH) {
      await manager
        .createQueryBuilder()
        .insert()
        .into(Employment)
        .values(rows.slice(i, i + INSERT_BATCH))
        .updateEntity(false)
        .execute();
    }
  }

  async createEmployment(data: NewEmployment, manager?: EntityManager): Promise<Employment> {
    const repo = this.repo(Employment, manager);
    return repo.save(repo.create(data));
  }

  async updateEmployment(id: number, changes: Partial<Employment>, manager?: EntityManager): Promise<void> {
    await this.repo(Employment, manager).update({ id }, changes);
  }

  /** Enterprises where the worker works on the given day (started, and not ended before it). */
  async currentEnterpriseIds(workerId: number, day: string): Promise<number[]> {
    const rows = await this.employments
      .createQueryBuilder('e')
      .select('DISTINCT e.enterprise_id', 'enterpriseId')
      .where('e.worker_id = :workerId AND e.start_date <= :day', { workerId, day })
      .andWhere('(e.end_date IS NULL OR e.end_date >= :day)', { day })
      .getRawMany<{ enterpriseId: number }>();
    return rows.map((r) => Number(r.enterpriseId));
  }

  /** Enterprises in scope, by name, for choosing where to add or import workers. */
  enterprisesInScope(scope: EnterpriseScope, limit = 500): Promise<Enterprise[]> {
    const query = this.enterprises.createQueryBuilder('ent').orderBy('ent.name', 'ASC').limit(limit);
    whereEnterpriseInScope(query, 'ent.id', scope);
    return query.getMany();
  }

  /** Names of some enterprises, by id. */
  async enterpriseNames(ids: number[]): Promise<Map<number, string>> {
    if (ids.length === 0) return new Map();
    const found = await this.enterprises.find({ where: { id: In(ids) }, select: { id: true, name: true } });
    return new Map(found.map((e) => [e.id, e.name]));
  }

  async enterpriseInScope(enterpriseId: number, scope: EnterpriseScope): Promise<Enterprise | null> {
    const query = this.enterprises
      .createQueryBuilder('ent')
      .where('ent.id = :enterpriseId', { enterpriseId });
    whereEnterpriseInScope(query, 'ent.id', scope);
    return query.getOne();
  }

  private repo<T extends Worker | Employment>(target: new () => T, manager?: EntityManager): Repository<T> {
    return (manager ?? this.workers.manager).getRepository(target);
  }
}
