import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, ObjectLiteral, Repository, SelectQueryBuilder } from 'typeorm';
import { dateOnly, insertedId, inShareMode, upsert } from '../database/dialect';
import { isUniqueViolation, TransactionConflict } from '../database/unit-of-work';
import { EnterpriseScope } from '../organisations/enterprise-scope';
import {
  joinEmploymentDuringInScope,
  selectWorkerName,
  whereLearnedWhileEmployedInScope,
  whereWorkerNameContains,
} from '../workers/workforce-filters';
import { LearningDomain } from './entities/learning-domain.entity';
import { LearningRecord, RecordSource } from './entities/learning-record.entity';
import { WorkerLearningSummary, WorkerLearningYear } from './entities/worker-learning-summary.entity';
import { DomainCode, FIRST_ON_COLUMN, isDomainCode, LATEST_ON_COLUMN } from './learning-domains';

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

/** A record's id, and whether this call stored it (false: it was stored before). */
export interface StoredRecord {
  id: number;
  created: boolean;
}

export interface RecordFilter {
  workerId?: number;
  domain?: DomainCode;
  year?: number;
  source?: RecordSource;
  /** Folded fragment of the worker's name (accent-insensitive "contains"). */
  nameKey?: string;
}

/** Records of one source, all of them or only some origins (e.g. "course:12"). */
export interface RecordOrigins {
  source: RecordSource;
  refs?: string[];
}

/** The natural key of a record: one per worker and origin. */
export interface RecordKey {
  workerId: number;
  source: RecordSource;
  sourceRef: string;
}

/** New values for every record of one origin (e.g. a session whose date, hours or domains changed). */
export interface RecordRevision {
  occurredOn: string;
  hours: number;
  title: string;
  domains: DomainCode[];
  enterpriseId?: number | null;
}

/** One record with its worker's name and domain codes, for lists and exports. */
export interface RecordRow {
  id: number;
  workerId: number;
  workerName: string;
  occurredOn: string;
  hours: number;
  source: RecordSource;
  sourceRef: string;
  title: string;
  institutionId: number | null;
  enterpriseId: number | null;
  domains: DomainCode[];
}

/** One record of a worker's year with one of its domains (or none), as the citizenship evaluation counts them. */
export interface RecordDomainRow {
  id: number;
  workerId: number;
  source: RecordSource;
  sourceRef: string;
  domain: DomainCode | null;
}

const BATCH = 500;
const LATEST_PROPERTY: Record<
  DomainCode,
  'latestLawOn' | 'latestVocationalOn' | 'latestLifeSkillsOn' | 'latestDigitalOn'
> = {
  [DomainCode.Law]: 'latestLawOn',
  [DomainCode.Vocational]: 'latestVocationalOn',
  [DomainCode.LifeSkills]: 'latestLifeSkillsOn',
  [DomainCode.Digital]: 'latestDigitalOn',
};

const SUMMARY_PROPERTY: Record<
  DomainCode,
  'firstLawOn' | 'firstVocationalOn' | 'firstLifeSkillsOn' | 'firstDigitalOn'
> = {
  [DomainCode.Law]: 'firstLawOn',
  [DomainCode.Vocational]: 'firstVocationalOn',
  [DomainCode.LifeSkills]: 'firstLifeSkillsOn',
  [DomainCode.Digital]: 'firstDigitalOn',
};

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
  async insertOnce(manager: EntityManager, row: RecordInsert): Promise<StoredRecord> {
    const repo = manager.getRepository(LearningRecord);
    const key = { workerId: row.workerId, source: row.source, sourceRef: row.sourceRef };
    const existing = await repo.findOne({ select: { id: true }, where: key });
    if (existing) return { id: existing.id, created: false };
    return { id: await this.insertNew(manager, row), created: true };
  }

  /** Inserts the record with its domains and folds it into the summaries; returns its id. */
  async insertNew(manager: EntityManager, row: RecordInsert): Promise<number> {
    let id: number;
    try {
      // Not repo.insert: it reads the generated columns back, one more statement on every record.
      const result = await manager
        .createQueryBuilder()
        .insert()
        .into(LearningRecord)
        .values({
          workerId: row.workerId,
          occurredOn: row.occurredOn,
          hours: row.hours,
          source: row.source,
          sourceRef: row.sourceRef,
          title: row.title.slice(0, 300),
          institutionId: row.institutionId,
          enterpriseId: row.enterpriseId,
        })
        .updateEntity(false)
        .execute();
      id = insertedId(result);
    } catch (error) {
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
    return id;
  }

  /**
   * Folds one record into the worker's summary and worker-year rows with one upsert each: the
   * earliest date per domain wins (and, in the summary, the latest too), hours and counts add up.
   * Safe under concurrent records.
   */
  private async addToSummaries(
    manager: EntityManager,
    workerId: number,
    occurredOn: string,
    hours: number,
    domains: DomainCode[],
  ): Promise<void> {
    const dateIn = (columns: Record<DomainCode, string>) =>
      Object.fromEntries(
        Object.entries(columns).map(([code, column]) => [
          column,
          domains.includes(code as DomainCode) ? occurredOn : null,
        ]),
      );
    const firsts = dateIn(FIRST_ON_COLUMN);
    const latests = dateIn(LATEST_ON_COLUMN);
    const year = Number(occurredOn.slice(0, 4));
    const addTo = (
      table: string,
      key: string[],
      keyValues: unknown[],
      dates: Record<string, string | null>,
    ) => {
      const dateColumns = Object.keys(dates);
      const set = (incoming: (column: string) => string) => {
        const keep = (column: string, wins: '<' | '>') =>
          `${column} = CASE WHEN ${column} IS NULL OR ${incoming(column)} ${wins} ${column} THEN COALESCE(${incoming(column)}, ${column}) ELSE ${column} END`;
        const add = (column: string) => `${column} = ${column} + ${incoming(column)}`;
        return [
          ...dateColumns.map((c) => keep(c, c.startsWith('latest_') ? '>' : '<')),
          add('hours'),
          add('records'),
          'updated_at = CURRENT_TIMESTAMP',
        ];
      };
      const columns = [...key, ...dateColumns, 'hours', 'records'];
      return upsert(manager, { table, columns, key, set }, [
        ...keyValues,
        ...dateColumns.map((c) => dates[c]),
        hours,
        1,
      ]);
    };
    await addTo('worker_learning_summary', ['worker_id'], [workerId], { ...firsts, ...latests });
    await addTo('worker_learning_years', ['worker_id', 'year'], [workerId, year], firsts);
  }

  summaryOf(workerId: number): Promise<WorkerLearningSummary | null> {
    return this.summaries.findOne({ where: { workerId } });
  }

  yearOf(workerId: number, year: number): Promise<WorkerLearningYear | null> {
    return this.years.findOne({ where: { workerId, year } });
  }

  /** Limits a query of records (alias r) to a filter and, unless null, to workers employed in scope. */
  private applyFilter<T extends ObjectLiteral>(
    query: SelectQueryBuilder<T>,
    filter: RecordFilter,
    scope: EnterpriseScope | null,
  ): SelectQueryBuilder<T> {
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
    // What an enterprise sees of a worker's learning (workers' workforce-filters.ts): records made
    // while employed there; learning before or elsewhere counts in the figures, not in the list.
    if (scope) whereLearnedWhileEmployedInScope(query, scope);
    if (filter.nameKey) whereWorkerNameContains(query, 'r.worker_id', filter.nameKey);
    return query;
  }

  /** One page of records with their workers' names, newest first. */
  async rows(
    filter: RecordFilter,
    scope: EnterpriseScope | null,
    skip: number,
    take: number,
  ): Promise<[RecordRow[], number]> {
    const base = () => this.applyFilter(this.records.createQueryBuilder('r'), filter, scope);
    const rows = await this.selectRows(base()).offset(skip).limit(take).getRawMany<Record<string, unknown>>();
    return [await this.withDomains(rows), await base().getCount()];
  }

  /** Every record of the same list, newest first, a batch at a time (for exports). */
  async *iterateRows(
    filter: RecordFilter,
    scope: EnterpriseScope | null,
    batch = 1000,
  ): AsyncGenerator<RecordRow> {
    let after: { on: string; id: number } | null = null;
    for (;;) {
      const query = this.selectRows(this.applyFilter(this.records.createQueryBuilder('r'), filter, scope));
      if (after) {
        query.andWhere('(r.occurred_on < :afterOn OR (r.occurred_on = :afterOn AND r.id < :afterId))', {
          afterOn: after.on,
          afterId: after.id,
        });
      }
      const rows = await this.withDomains(await query.limit(batch).getRawMany<Record<string, unknown>>());
      yield* rows;
      if (rows.length < batch) return;
      const last = rows[rows.length - 1];
      after = { on: last.occurredOn, id: last.id };
    }
  }

  private selectRows<T extends ObjectLiteral>(query: SelectQueryBuilder<T>): SelectQueryBuilder<T> {
    return selectWorkerName(
      query.select([
        'r.id AS id',
        'r.worker_id AS workerId',
        'r.occurred_on AS occurredOn',
        'r.hours AS hours',
        'r.source AS source',
        'r.source_ref AS sourceRef',
        'r.title AS title',
        'r.institution_id AS institutionId',
        'r.enterprise_id AS enterpriseId',
      ]),
      'r.worker_id',
    )
      .orderBy('r.occurred_on', 'DESC')
      .addOrderBy('r.id', 'DESC');
  }

  private async withDomains(raw: Record<string, unknown>[]): Promise<RecordRow[]> {
    const ids = raw.map((r) => Number(r.id));
    const domains = new Map<number, DomainCode[]>();
    if (ids.length > 0) {
      const links = await this.records.manager
        .createQueryBuilder()
        .select(['rd.record_id AS recordId', 'rd.domain_code AS code'])
        .from('learning_record_domains', 'rd')
        .where('rd.record_id IN (:...ids)', { ids })
        .getRawMany<{ recordId: number; code: string }>();
      for (const link of links) {
        if (!isDomainCode(link.code)) continue;
        const list = domains.get(Number(link.recordId)) ?? [];
        list.push(link.code);
        domains.set(Number(link.recordId), list);
      }
    }
    return raw.map((r) => ({
      id: Number(r.id),
      workerId: Number(r.workerId),
      workerName: String(r.workerName),
      occurredOn: dateOnly(r.occurredOn) ?? '',
      hours: Number(r.hours),
      source: r.source as RecordSource,
      sourceRef: String(r.sourceRef),
      title: String(r.title),
      institutionId:
        r.institutionId === null || r.institutionId === undefined ? null : Number(r.institutionId),
      enterpriseId: r.enterpriseId === null || r.enterpriseId === undefined ? null : Number(r.enterpriseId),
      domains: (domains.get(Number(r.id)) ?? []).sort(),
    }));
  }

  /**
   * How many workers have a record of the given origins between two dates (inclusive), made while
   * employed at an enterprise in scope: per enterprise, and in all (a worker of two enterprises
   * counts once in the total).
   */
  async participants(
    origins: RecordOrigins[],
    from: string,
    to: string,
    scope: EnterpriseScope,
  ): Promise<{ byEnterprise: Map<number, number>; total: number }> {
    if (origins.length === 0) return { byEnterprise: new Map(), total: 0 };
    const base = () => {
      const query = joinEmploymentDuringInScope(this.records.createQueryBuilder('r'), scope).andWhere(
        'r.occurred_on >= :from AND r.occurred_on <= :to',
        { from, to },
      );
      const parts: string[] = [];
      const params: Record<string, unknown> = {};
      origins.forEach((o, i) => {
        if (o.refs && o.refs.length === 0) return;
        params[`src${i}`] = o.source;
        if (o.refs) params[`refs${i}`] = o.refs;
        parts.push(
          o.refs ? `(r.source = :src${i} AND r.source_ref IN (:...refs${i}))` : `r.source = :src${i}`,
        );
      });
      return query.andWhere(parts.length ? `(${parts.join(' OR ')})` : '1 = 0', params);
    };
    const [rows, total] = await Promise.all([
      base()
        .select('emp.enterprise_id', 'enterpriseId')
        .addSelect('COUNT(DISTINCT r.worker_id)', 'workers')
        .groupBy('emp.enterprise_id')
        .getRawMany<{ enterpriseId: number | string; workers: number | string }>(),
      base().select('COUNT(DISTINCT r.worker_id)', 'workers').getRawOne<{ workers: number | string }>(),
    ]);
    return {
      byEnterprise: new Map(rows.map((r) => [Number(r.enterpriseId), Number(r.workers)])),
      total: Number(total?.workers ?? 0),
    };
  }

  /** Some workers' records of one year, one row per record and domain (or one row when it has none). */
  async recordDomainsInYear(workerIds: number[], year: number): Promise<RecordDomainRow[]> {
    if (workerIds.length === 0) return [];
    const rows = await this.records
      .createQueryBuilder('r')
      .leftJoin('learning_record_domains', 'd', 'd.record_id = r.id')
      .select([
        'r.id AS id',
        'r.worker_id AS workerId',
        'r.source AS source',
        'r.source_ref AS sourceRef',
        'd.domain_code AS domain',
      ])
      .where('r.worker_id IN (:...workerIds)', { workerIds })
      .andWhere('r.occurred_on BETWEEN :from AND :to', { from: `${year}-01-01`, to: `${year}-12-31` })
      .getRawMany<Record<string, unknown>>();
    return rows.map((r) => ({
      id: Number(r.id),
      workerId: Number(r.workerId),
      source: r.source as RecordSource,
      sourceRef: String(r.sourceRef),
      domain: (r.domain ?? null) as DomainCode | null,
    }));
  }

  /** The worker's own records among some ids, oldest first (the evidence an evaluation cites). */
  ownAmong(workerId: number, ids: number[]): Promise<LearningRecord[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.records.find({
      select: { id: true, title: true, occurredOn: true, hours: true, source: true },
      where: { workerId, id: In(ids) },
      order: { occurredOn: 'ASC' },
    });
  }

  /** The record of (worker, source, sourceRef) with its domains, if stored. */
  findByKey(key: RecordKey, manager: EntityManager = this.records.manager): Promise<LearningRecord | null> {
    return manager.getRepository(LearningRecord).findOne({ where: { ...key }, relations: { domains: true } });
  }

  /** Deletes one record and its domains; false when there was none. The caller rebuilds the summaries. */
  async deleteByKey(manager: EntityManager, key: RecordKey): Promise<boolean> {
    const existing = await manager.getRepository(LearningRecord).findOne({ where: { ...key } });
    if (!existing) return false;
    await manager
      .createQueryBuilder()
      .delete()
      .from('learning_record_domains')
      .where('record_id = :id', { id: existing.id })
      .execute();
    await manager.getRepository(LearningRecord).delete({ id: existing.id });
    return true;
  }

  /**
   * Gives every record of one origin, for the given workers, new values and domains; returns how
   * many records changed. Found through the unique (worker, source, sourceRef) index. The caller
   * rebuilds the workers' summaries.
   */
  async reviseByOrigin(
    manager: EntityManager,
    workerIds: number[],
    source: RecordSource,
    sourceRef: string,
    revision: RecordRevision,
  ): Promise<number> {
    const domains = [...new Set(revision.domains)];
    let changed = 0;
    for (let i = 0; i < workerIds.length; i += BATCH) {
      const chunk = workerIds.slice(i, i + BATCH);
      const ids = (
        await manager
          .createQueryBuilder()
          .select('r.id', 'id')
          .from(LearningRecord, 'r')
          .where('r.worker_id IN (:...chunk) AND r.source = :source AND r.source_ref = :sourceRef', {
            chunk,
            source,
            sourceRef,
          })
          .getRawMany<{ id: number }>()
      ).map((r) => Number(r.id));
      if (ids.length === 0) continue;
      const values: Partial<LearningRecord> = {
        occurredOn: revision.occurredOn,
        hours: revision.hours,
        title: revision.title.slice(0, 300),
      };
      if (revision.enterpriseId !== undefined) values.enterpriseId = revision.enterpriseId;
      await manager
        .createQueryBuilder()
        .update(LearningRecord)
        .set(values)
        .where('id IN (:...ids)', { ids })
        .execute();
      await manager
        .createQueryBuilder()
        .delete()
        .from('learning_record_domains')
        .where('record_id IN (:...ids)', { ids })
        .execute();
      if (domains.length > 0) {
        await manager
          .createQueryBuilder()
          .insert()
          .into('learning_record_domains')
          .values(ids.flatMap((id) => domains.map((code) => ({ record_id: id, domain_code: code }))))
          .execute();
      }
      changed += ids.length;
    }
    return changed;
  }

  /**
   * Recomputes the summary and worker-year rows of some workers from their records, inside the
   * caller's transaction. On MySQL the records are read with a shared lock (the latest committed
   * rows, not the transaction's snapshot), so a record another transaction committed meanwhile is
   * counted rather than lost; one still being written makes this wait for it.
   */
  async rebuildSummariesOf(manager: EntityManager, workerIds: number[]): Promise<void> {
    const unique = [...new Set(workerIds)];
    const lock = inShareMode(manager.connection);
    for (let i = 0; i < unique.length; i += BATCH) {
      const chunk = unique.slice(i, i + BATCH);
      const marks = chunk.map(() => '?').join(', ');
      const records: { id: number; worker_id: number; occurred_on: unknown; hours: unknown }[] =
        await manager.query(
          `SELECT id, worker_id, occurred_on, hours FROM learning_records WHERE worker_id IN (${marks})${lock}`,
          chunk,
        );
      const domainsOf = new Map<number, DomainCode[]>();
      for (let j = 0; j < records.length; j += BATCH) {
        const ids = records.slice(j, j + BATCH).map((r) => Number(r.id));
        const links: { record_id: number; domain_code: string }[] = await manager.query(
          `SELECT record_id, domain_code FROM learning_record_domains WHERE record_id IN (${ids.map(() => '?').join(', ')})${lock}`,
          ids,
        );
        for (const link of links) {
          if (!isDomainCode(link.domain_code)) continue;
          const list = domainsOf.get(Number(link.record_id)) ?? [];
          list.push(link.domain_code);
          domainsOf.set(Number(link.record_id), list);
        }
      }
      const summaries = new Map<number, Omit<WorkerLearningSummary, 'updatedAt'>>();
      const years = new Map<string, Omit<WorkerLearningYear, 'updatedAt'>>();
      const empty = () => ({
        firstLawOn: null,
        firstVocationalOn: null,
        firstLifeSkillsOn: null,
        firstDigitalOn: null,
        hours: 0,
        records: 0,
      });
      const noLatest = () => ({
        latestLawOn: null,
        latestVocationalOn: null,
        latestLifeSkillsOn: null,
        latestDigitalOn: null,
      });
      const fold = (
        row: Omit<WorkerLearningYear, 'updatedAt' | 'workerId' | 'year'>,
        on: string,
        hours: number,
        codes: DomainCode[],
      ) => {
        row.hours = Math.round((row.hours + hours) * 100) / 100;
        row.records += 1;
        for (const code of codes) {
          const property = SUMMARY_PROPERTY[code];
          const current = row[property];
          if (current === null || on < current) row[property] = on;
        }
      };
      const foldLatest = (row: Omit<WorkerLearningSummary, 'updatedAt'>, on: string, codes: DomainCode[]) => {
        for (const code of codes) {
          const property = LATEST_PROPERTY[code];
          const current = row[property];
          if (current === null || on > current) row[property] = on;
        }
      };
      for (const record of records) {
        const workerId = Number(record.worker_id);
        const on = dateOnly(record.occurred_on) ?? '';
        const hours = Number(record.hours);
        const codes = domainsOf.get(Number(record.id)) ?? [];
        const year = Number(on.slice(0, 4));
        const summary = summaries.get(workerId) ?? { workerId, ...empty(), ...noLatest() };
        summaries.set(workerId, summary);
        fold(summary, on, hours, codes);
        foldLatest(summary, on, codes);
        const yearKey = `${workerId}:${year}`;
        const yearRow = years.get(yearKey) ?? { workerId, year, ...empty() };
        years.set(yearKey, yearRow);
        fold(yearRow, on, hours, codes);
      }
      await manager
        .createQueryBuilder()
        .delete()
        .from(WorkerLearningSummary)
        .where('worker_id IN (:...chunk)', { chunk })
        .execute();
      await manager
        .createQueryBuilder()
        .delete()
        .from(WorkerLearningYear)
        .where('worker_id IN (:...chunk)', { chunk })
        .execute();
      const summaryRows = [...summaries.values()];
      const yearRows = [...years.values()];
      for (let j = 0; j < summaryRows.length; j += BATCH)
        await manager
          .createQueryBuilder()
          .insert()
          .into(WorkerLearningSummary)
          .values(summaryRows.slice(j, j + BATCH))
          .updateEntity(false)
          .execute();
      for (let j = 0; j < yearRows.length; j += BATCH)
        await manager
          .createQueryBuilder()
          .insert()
          .into(WorkerLearningYear)
          .values(yearRows.slice(j, j + BATCH))
          .updateEntity(false)
          .execute();
    }
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
