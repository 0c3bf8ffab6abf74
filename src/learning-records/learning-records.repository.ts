import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { isSqlite } from '../database/data-source';
import { isUniqueViolation, TransactionConflict } from '../database/unit-of-work';
import { EnterpriseScope, whereEnterpriseInScope } from '../organisations/enterprise-scope';
import { LearningDomain } from './entities/learning-domain.entity';
import { LearningRecord, RecordSource } from './entities/learning-record.entity';
import { WorkerLearningSummary, WorkerLearningYear } from './entities/worker-learning-summary.entity';
import { DomainCode, FIRST_ON_COLUMN } from './learning-domains';

export interface RecordInsert {
  workerId: number;
  occurredOn: string;
  hours: number;
  source: RecordSource;
  sourceRef: string;
  title: string;
  domains: DomainCode[];
  institutionId: number | null;
  enterpriseId: number | null;
}

export interface RecordFilter {
  workerId?: number;
  domain?: DomainCode;
  year?: number;
  source?: RecordSource;
}

@Injectable()
export class LearningRecordsRepository {
  constructor(
    @InjectRepository(LearningRecord) private readonly records: Repository<LearningRecord>,
    @InjectRepository(LearningDomain) private readonly domains: Repository<LearningDomain>,
    @InjectRepository(WorkerLearningSummary) private readonly summaries: Repository<WorkerLearningSummary>,
    @InjectRepository(WorkerLearningYear) private readonly years: Repository<WorkerLearningYear>,
  ) {}

  listDomains(): Promise<LearningDomain[]> {
    return this.domains.find({ order: { sortOrder: 'ASC' } });
  }

  /**
   * Inserts the record, its domains and the summary changes, or finds the record already stored
   * for (worker, source, sourceRef). Must run inside the caller's transaction.
   */
  async insertOnce(
    manager: EntityManager,
    row: RecordInsert,
  ): Promise<{ record: LearningRecord; created: boolean }> {
    const repo = manager.getRepository(LearningRecord);
    const key = { workerId: row.workerId, source: row.source, sourceRef: row.sourceRef };
    const existing = await repo.findOne({ where: key, relations: { domains: true } });
    if (existing) return { record: existing, created: false };
    let id: number;
    try {
      const result = await repo.insert({
        workerId: row.workerId,
        occurredOn: row.occurredOn,
        hours: row.hours,
        source: row.source,
        sourceRef: row.sourceRef,
        title: row.title.slice(0, 300),
        institutionId: row.institutionId,
        enterpriseId: row.enterpriseId,
      });
      id = Number(result.identifiers[0].id);
    } catch (error) {
      // Another process stored the same record a moment ago: that one counts.
      // Another transaction stored the same record a moment ago. Our snapshot cannot see it yet, so
      // start the transaction again: the first read will then find it.
      if (isUniqueViolation(error)) throw new TransactionConflict('learning record stored concurrently');
      throw error;
    }
    const domains = [...new Set(row.domains)];
    if (domains.length > 0) {
      await manager
        .createQueryBuilder()
        .insert()
        .into('learning_record_domains')
        .values(domains.map((code) => ({ record_id: id, domain_code: code })))
        .execute();
    }
    await this.addToSummaries(manager, row.workerId, row.occurredOn, row.hours, domains);
    return {
      record: await repo.findOneOrFail({ where: { id }, relations: { domains: true } }),
      created: true,
    };
  }

  /**
   * Folds one record into the worker's summary and worker-year rows with one upsert each: the
   * earliest date per domain wins, hours and counts add up. Safe under concurrent records.
   */
  private async addToSummaries(
    manager: EntityManager,
    workerId: number,
    occurredOn: string,
    hours: number,
    domains: DomainCode[],
  ): Promise<void> {
    const firsts = Object.fromEntries(
      Object.entries(FIRST_ON_COLUMN).map(([code, column]) => [
        column,
        domains.includes(code as DomainCode) ? occurredOn : null,
      ]),
    );
    const columns = Object.keys(firsts);
    const year = Number(occurredOn.slice(0, 4));
    const sqlite = isSqlite(manager.connection);
    const earliest = (column: string) =>
      sqlite
        ? `${column} = CASE WHEN ${column} IS NULL OR excluded.${column} < ${column} THEN COALESCE(excluded.${column}, ${column}) ELSE ${column} END`
        : `${column} = CASE WHEN ${column} IS NULL OR VALUES(${column}) < ${column} THEN COALESCE(VALUES(${column}), ${column}) ELSE ${column} END`;
    const add = (column: string) =>
      sqlite ? `${column} = ${column} + excluded.${column}` : `${column} = ${column} + VALUES(${column})`;
    const set = [
      ...columns.map(earliest),
      add('hours'),
      add('records'),
      'updated_at = CURRENT_TIMESTAMP',
    ].join(', ');
    const upsert = (table: string, keyColumns: string[], keyValues: unknown[]) => {
      const all = [...keyColumns, ...columns, 'hours', 'records'];
      const insert = `INSERT INTO ${table} (${all.join(', ')}) VALUES (${all.map(() => '?').join(', ')})`;
      const conflict = sqlite
        ? ` ON CONFLICT (${keyColumns.join(', ')}) DO UPDATE SET ${set}`
        : ` ON DUPLICATE KEY UPDATE ${set}`;
      return manager.query(insert + conflict, [...keyValues, ...columns.map((c) => firsts[c]), hours, 1]);
    };
    await upsert('worker_learning_summary', ['worker_id'], [workerId]);
    await upsert('worker_learning_years', ['worker_id', 'year'], [workerId, year]);
  }

  summaryOf(workerId: number): Promise<WorkerLearningSummary | null> {
    return this.summaries.findOne({ where: { workerId } });
  }

  yearOf(workerId: number, year: number): Promise<WorkerLearningYear | null> {
    return this.years.findOne({ where: { workerId, year } });
  }

  /** Records of one worker or of the workers in scope, newest first, with their domains. */
  async page(
    filter: RecordFilter,
    scope: EnterpriseScope | null,
    skip: number,
    take: number,
  ): Promise<[LearningRecord[], number]> {
    const query = this.records
      .createQueryBuilder('r')
      .leftJoinAndSelect('r.domains', 'd')
      .orderBy('r.occurred_on', 'DESC')
      .addOrderBy('r.id', 'DESC')
      .skip(skip)
      .take(take);
    if (filter.workerId) query.andWhere('r.worker_id = :workerId', { workerId: filter.workerId });
    if (filter.source) query.andWhere('r.source = :source', { source: filter.source });
    if (filter.year) {
      query.andWhere('r.occurred_on BETWEEN :from AND :to', {
        from: `${filter.year}-01-01`,
        to: `${filter.year}-12-31`,
      });
    }
    if (filter.domain) {
      query.andWhere(
        'r.id IN (SELECT rd.record_id FROM learning_record_domains rd WHERE rd.domain_code = :domain)',
        {
          domain: filter.domain,
        },
      );
    }
    if (scope) {
      // Records of workers employed (now or before) at an enterprise in scope.
      const employed = this.records.manager
        .createQueryBuilder()
        .select('emp.worker_id')
        .from('employments', 'emp');
      whereEnterpriseInScope(employed, 'emp.enterprise_id', scope);
      query.andWhere(`r.worker_id IN (${employed.getQuery()})`, employed.getParameters());
    }
    return query.getManyAndCount();
  }

  /** Rebuilds one worker's summaries from their records (repair tool; the records are the truth). */
  async rebuildSummaries(manager: EntityManager, workerId: number): Promise<void> {
    await manager.delete(WorkerLearningSummary, { workerId });
    await manager.delete(WorkerLearningYear, { workerId });
    const records = await manager
      .getRepository(LearningRecord)
      .find({ where: { workerId }, relations: { domains: true } });
    for (const r of records) {
      await this.addToSummaries(
        manager,
        workerId,
        r.occurredOn,
        r.hours,
        r.domains.map((d) => d.code),
      );
    }
  }
}
