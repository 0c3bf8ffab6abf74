import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { likeContains } from '../common/text/vietnamese';
import { dateOnly } from '../database/dialect';
import { EnterpriseScope, whereEnterpriseInScope } from '../organisations/enterprise-scope';

/** A worker as another domain needs them at one enterprise: their name and their code there. */
export interface WorkforceMember {
  workerId: number;
  fullName: string;
  /** Folded name, to order lists (see foldVietnamese). */
  searchKey: string;
  dateOfBirth: string;
  /** The employee code at that enterprise (the latest employment there, if several). */
  employeeCode: string | null;
}

const BATCH = 500;

/**
 * The workforce view the workers domain publishes: who works at an enterprise on a day, found by
 * id, CCCD (blind index) or employee code. Other domains (in-person sessions and their attendance)
 * read employments through it instead of naming the workers' tables in their own SQL.
 */
@Injectable()
export class Workforce {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Which of the workers are employed at the enterprise on the day. */
  async employedAmong(
    enterpriseId: number,
    day: string,
    workerIds: number[],
    manager?: EntityManager,
  ): Promise<Set<number>> {
    const found = new Set<number>();
    for (let i = 0; i < workerIds.length; i += BATCH) {
      const rows = await (manager ?? this.db.manager)
        .createQueryBuilder()
        .select('DISTINCT e.worker_id', 'workerId')
        .from('employments', 'e')
        .where('e.enterprise_id = :enterpriseId AND e.worker_id IN (:...ids)', {
          enterpriseId,
          ids: workerIds.slice(i, i + BATCH),
        })
        .andWhere('e.start_date <= :day AND (e.end_date IS NULL OR e.end_date >= :day)', { day })
        .getRawMany<{ workerId: number }>();
      rows.forEach((r) => found.add(Number(r.workerId)));
    }
    return found;
  }

  /**
   * Who works where on the day, among the enterprises of a scope (a territory): one pair per worker
   * and enterprise, ordered by enterprise then worker, a page at a time after the last pair read
   * (keyset), so a province is read in bounded batches. A worker employed at two enterprises of the
   * scope is in both.
   */
  async employedInScope(
    scope: EnterpriseScope,
    day: string,
    after: { enterpriseId: number; workerId: number } = { enterpriseId: 0, workerId: 0 },
    limit = BATCH,
  ): Promise<{ workerId: number; enterpriseId: number }[]> {
    const query = this.db.manager
      .createQueryBuilder()
      .select('e.worker_id', 'workerId')
      .addSelect('e.enterprise_id', 'enterpriseId')
      .distinct(true)
      .from('employments', 'e')
      .where('e.start_date <= :day AND (e.end_date IS NULL OR e.end_date >= :day)', { day })
      .andWhere(
        '(e.enterprise_id > :afterEnterprise OR (e.enterprise_id = :afterEnterprise AND e.worker_id > :afterWorker))',
        { afterEnterprise: after.enterpriseId, afterWorker: after.workerId },
      );
    const rows = await whereEnterpriseInScope(query, 'e.enterprise_id', scope)
      .orderBy('e.enterprise_id', 'ASC')
      .addOrderBy('e.worker_id', 'ASC')
      .limit(limit)
      .getRawMany<{ workerId: number; enterpriseId: number }>();
    return rows.map((r) => ({ workerId: Number(r.workerId), enterpriseId: Number(r.enterpriseId) }));
  }

  /**
   * How many workers each enterprise employs on the day (the size of its roster), for many
   * enterprises in one statement; an enterprise without anyone employed is 0. The same count as
   * `page`'s total for each of them.
   */
  async rosterCounts(enterpriseIds: number[], day: string): Promise<Map<number, number>> {
    const ids = [...new Set(enterpriseIds)];
    const counts = new Map<number, number>(ids.map((id) => [id, 0]));
    if (ids.length === 0) return counts;
    const rows = await this.db.manager
      .createQueryBuilder()
      .select('e.enterprise_id', 'enterpriseId')
      .addSelect('COUNT(DISTINCT e.worker_id)', 'n')
      .from('employments', 'e')
      .where('e.enterprise_id IN (:...ids)', { ids })
      .andWhere('e.start_date <= :day AND (e.end_date IS NULL OR e.end_date >= :day)', { day })
      .groupBy('e.enterprise_id')
      .getRawMany<{ enterpriseId: number; n: number }>();
    for (const r of rows) counts.set(Number(r.enterpriseId), Number(r.n));
    return counts;
  }

  /** The enterprises the worker is employed at on the day. */
  async employersOf(workerId: number, day: string): Promise<number[]> {
    const rows = await this.db.manager
      .createQueryBuilder()
      .select('DISTINCT e.enterprise_id', 'enterpriseId')
      .from('employments', 'e')
      .where('e.worker_id = :workerId', { workerId })
      .andWhere('e.start_date <= :day AND (e.end_date IS NULL OR e.end_date >= :day)', { day })
      .getRawMany<{ enterpriseId: number }>();
    return rows.map((r) => Number(r.enterpriseId));
  }

  /** Workers employed at the enterprise on the day, found by the blind index of their CCCD. */
  async employedByCccdHash(
    enterpriseId: number,
    day: string,
    hashes: string[],
  ): Promise<Map<string, { workerId: number; fullName: string }>> {
    if (hashes.length === 0) return new Map();
    const rows = await this.employed(enterpriseId, day)
      .andWhere('w.cccd_hash IN (:...hashes)', { hashes })
      .select(['w.id AS workerId', 'w.full_name AS fullName', 'w.cccd_hash AS cccdHash'])
      .getRawMany<{ workerId: number; fullName: string; cccdHash: string }>();
    return new Map(rows.map((r) => [r.cccdHash, { workerId: Number(r.workerId), fullName: r.fullName }]));
  }

  /**
   * Workers employed at the enterprise on the day, by their employee code there, compared without
   * regard to case (keys are lower case): "tp0001" in a sheet finds "TP0001" on either database.
   */
  async employedByCode(
    enterpriseId: number,
    day: string,
    codes: string[],
  ): Promise<Map<string, { workerId: number; fullName: string }[]>> {
    const result = new Map<string, { workerId: number; fullName: string }[]>();
    const lower = [...new Set(codes.map((c) => c.toLowerCase()))];
    if (lower.length === 0) return result;
    const rows = await this.employed(enterpriseId, day)
      .andWhere('LOWER(e.employee_code) IN (:...lower)', { lower })
      .select(['w.id AS workerId', 'w.full_name AS fullName', 'e.employee_code AS code'])
      .distinct(true)
      .getRawMany<{ workerId: number; fullName: string; code: string }>();
    for (const r of rows) {
      const key = r.code.toLowerCase();
      const list = result.get(key) ?? [];
      if (!list.some((m) => m.workerId === Number(r.workerId)))
        list.push({ workerId: Number(r.workerId), fullName: r.fullName });
      result.set(key, list);
    }
    return result;
  }

  /** One page of the workers employed at the enterprise on the day, by name (optionally a name fragment). */
  async page(
    enterpriseId: number,
    day: string,
    nameKey: string | undefined,
    skip: number,
    take: number,
  ): Promise<[WorkforceMember[], number]> {
    const base = () => {
      const query = this.db.manager
        .createQueryBuilder()
        .from('workers', 'w')
        .where(
          `w.id IN (SELECT re.worker_id FROM employments re WHERE re.enterprise_id = :enterpriseId AND re.start_date <= :day AND (re.end_date IS NULL OR re.end_date >= :day))`,
          { enterpriseId, day },
        );
      if (nameKey)
        query.andWhere("w.search_key LIKE :nameKey ESCAPE '!'", { nameKey: likeContains(nameKey) });
      return query;
    };
    const rows = await this.members(base(), enterpriseId)
      .orderBy('w.search_key', 'ASC')
      .addOrderBy('w.id', 'ASC')
      .offset(skip)
      .limit(take)
      .getRawMany<Record<string, unknown>>();
    const [{ n }] = await base().select('COUNT(*)', 'n').getRawMany<{ n: number }>();
    return [rows.map(member), Number(n)];
  }

  /** The first workers (by id) employed at the enterprise on the day, one excepted, with their login if any. */
  async firstEmployed(
    enterpriseId: number,
    day: string,
    count: number,
    exceptWorkerId = 0,
  ): Promise<{ workerId: number; userId: number | null }[]> {
    const rows = await this.employed(enterpriseId, day)
      .andWhere('w.id <> :exceptWorkerId', { exceptWorkerId })
      .select(['w.id AS workerId', 'w.user_id AS userId'])
      .distinct(true)
      .orderBy('w.id', 'ASC')
      .limit(count)
      .getRawMany<{ workerId: number; userId: number | null }>();
    return rows.map((r) => ({
      workerId: Number(r.workerId),
      userId: r.userId === null ? null : Number(r.userId),
    }));
  }

  /** Some workers as the enterprise knows them (name, code there), whether or not they still work there. */
  async membersAt(enterpriseId: number, workerIds: number[]): Promise<Map<number, WorkforceMember>> {
    const found = new Map<number, WorkforceMember>();
    for (let i = 0; i < workerIds.length; i += BATCH) {
      const query = this.db.manager
        .createQueryBuilder()
        .from('workers', 'w')
        .where('w.id IN (:...ids)', { ids: workerIds.slice(i, i + BATCH) });
      for (const row of await this.members(query, enterpriseId).getRawMany<Record<string, unknown>>())
        found.set(Number(row.workerId), member(row));
    }
    return found;
  }

  private members<T extends ReturnType<DataSource['createQueryBuilder']>>(query: T, enterpriseId: number): T {
    return query
      .select([
        'w.id AS workerId',
        'w.full_name AS fullName',
        'w.search_key AS searchKey',
        'w.date_of_birth AS dateOfBirth',
        `(SELECT MAX(e.employee_code) FROM employments e WHERE e.worker_id = w.id AND e.enterprise_id = :codeEnterpriseId) AS employeeCode`,
      ])
      .setParameter('codeEnterpriseId', enterpriseId) as T;
  }

  private employed(enterpriseId: number, day: string) {
    return this.db.manager
      .createQueryBuilder()
      .from('employments', 'e')
      .innerJoin('workers', 'w', 'w.id = e.worker_id')
      .where('e.enterprise_id = :enterpriseId', { enterpriseId })
      .andWhere('e.start_date <= :day AND (e.end_date IS NULL OR e.end_date >= :day)', { day });
  }
}

function member(r: Record<string, unknown>): WorkforceMember {
  return {
    workerId: Number(r.workerId),
    fullName: String(r.fullName),
    searchKey: String(r.searchKey),
    dateOfBirth: dateOnly(r.dateOfBirth) ?? '',
    employeeCode: (r.employeeCode as string | null) ?? null,
  };
}
