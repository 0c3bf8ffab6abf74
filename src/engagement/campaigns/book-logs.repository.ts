import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { lockForUpdate } from '../../database/dialect';
import { EnterpriseScope, whereEnterpriseInScope } from '../../organisations/enterprise-scope';
import { BookLog, BookLogStatus } from './entities/book-log.entity';

/** Book logs; reads of scoped data take the caller's enterprise scope. */
@Injectable()
export class BookLogsRepository {
  constructor(@InjectRepository(BookLog) private readonly logs: Repository<BookLog>) {}

  insert(
    row: Pick<
      BookLog,
      'workerId' | 'enterpriseId' | 'campaignId' | 'title' | 'author' | 'readOn' | 'reflection'
    >,
  ): Promise<BookLog> {
    return this.logs.save(this.logs.create({ ...row, status: BookLogStatus.Pending }));
  }

  findById(id: number): Promise<BookLog | null> {
    return this.logs.findOneBy({ id });
  }

  findInScope(id: number, scope: EnterpriseScope): Promise<BookLog | null> {
    return whereEnterpriseInScope(
      this.logs.createQueryBuilder('b').where('b.id = :id', { id }),
      'b.enterprise_id',
      scope,
    ).getOne();
  }

  /** The log locked for the decision, so two officers deciding at once decide it once. */
  lockedForDecision(manager: EntityManager, id: number): Promise<BookLog | null> {
    return lockForUpdate(
      manager.getRepository(BookLog).createQueryBuilder('b').where('b.id = :id', { id }),
    ).getOne();
  }

  async decide(
    manager: EntityManager,
    id: number,
    values: Pick<BookLog, 'status' | 'hours' | 'reason' | 'decidedBy' | 'decidedAt'>,
  ): Promise<void> {
    await manager.getRepository(BookLog).update({ id, status: BookLogStatus.Pending }, values);
  }

  /** Logs of enterprises in scope, pending first then newest read. */
  page(
    scope: EnterpriseScope,
    status: BookLogStatus | undefined,
    skip: number,
    take: number,
  ): Promise<[BookLog[], number]> {
    return this.inScope(scope, status).skip(skip).take(take).getManyAndCount();
  }

  async *iterate(
    scope: EnterpriseScope,
    status: BookLogStatus | undefined,
    batch = 500,
  ): AsyncGenerator<BookLog> {
    for (let skip = 0; ; skip += batch) {
      const rows = await this.inScope(scope, status).skip(skip).take(batch).getMany();
      yield* rows;
      if (rows.length < batch) return;
    }
  }

  private inScope(scope: EnterpriseScope, status: BookLogStatus | undefined) {
    const query = whereEnterpriseInScope(this.logs.createQueryBuilder('b'), 'b.enterprise_id', scope);
    if (status) query.andWhere('b.status = :status', { status });
    return query
      .orderBy(`CASE WHEN b.status = '${BookLogStatus.Pending}' THEN 0 ELSE 1 END`, 'ASC')
      .addOrderBy('b.read_on', 'DESC')
      .addOrderBy('b.id', 'DESC');
  }

  /** A worker's own logs, newest first. */
  ofWorker(workerId: number, take = 200): Promise<BookLog[]> {
    return this.logs.find({ where: { workerId }, order: { readOn: 'DESC', id: 'DESC' }, take });
  }

  /** Confirmed logs read between two dates at enterprises in scope. */
  countConfirmed(scope: EnterpriseScope, from: string, to: string): Promise<number> {
    return whereEnterpriseInScope(
      this.logs
        .createQueryBuilder('b')
        .where('b.status = :status', { status: BookLogStatus.Confirmed })
        .andWhere('b.read_on >= :from AND b.read_on <= :to', { from, to }),
      'b.enterprise_id',
      scope,
    ).getCount();
  }
}
