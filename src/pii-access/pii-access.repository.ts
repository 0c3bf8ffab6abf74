import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { dateTime } from '../database/dialect';
import { PiiAccess, PiiAccessAction } from './pii-access.entity';

export interface PiiAccessView {
  id: number;
  workerId: number;
  at: Date;
  action: PiiAccessAction;
  route: string;
  reason: string | null;
  viewerRole: string;
  viewerScopeType: string;
  /** Name of the enterprise of the viewer's grant (officers); null for province-wide roles. */
  organisation: string | null;
  viewerUsername: string | null;
  viewerName: string | null;
}

export interface PiiAccessFilter {
  workerId: number;
  /** Inclusive, as Date bounds (from the start of `from` to the end of `to`). */
  from?: Date;
  to?: Date;
}

const BATCH = 500;

@Injectable()
export class PiiAccessRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(rows: Omit<PiiAccess, 'id'>[], manager?: EntityManager): Promise<void> {
    const em = manager ?? this.dataSource.manager;
    for (let i = 0; i < rows.length; i += BATCH)
      await em
        .createQueryBuilder()
        .insert()
        .into(PiiAccess)
        .values(rows.slice(i, i + BATCH))
        .execute();
  }

  /** The enterprises each worker works or worked at, among the given ones. */
  async employmentsAt(workerIds: number[], enterpriseIds: number[]): Promise<Map<number, number[]>> {
    const byWorker = new Map<number, number[]>();
    if (workerIds.length === 0 || enterpriseIds.length === 0) return byWorker;
    const rows: { workerId: number; enterpriseId: number }[] = await this.dataSource
      .createQueryBuilder()
      .select(['e.worker_id AS "workerId"', 'e.enterprise_id AS "enterpriseId"'])
      .from('employments', 'e')
      .where('e.worker_id IN (:...workerIds) AND e.enterprise_id IN (:...enterpriseIds)', {
        workerIds,
        enterpriseIds,
      })
      .getRawMany();
    for (const r of rows) {
      const list = byWorker.get(Number(r.workerId)) ?? [];
      list.push(Number(r.enterpriseId));
      byWorker.set(Number(r.workerId), list);
    }
    return byWorker;
  }

  async page(filter: PiiAccessFilter, skip: number, take: number): Promise<[PiiAccessView[], number]> {
    const query = this.dataSource
      .createQueryBuilder()
      .from('pii_access_log', 'l')
      .leftJoin('enterprises', 'ent', "ent.id = l.viewer_scope_id AND l.viewer_scope_type = 'ENTERPRISE'")
      .leftJoin('users', 'u', 'u.id = l.viewer_user_id')
      .where('l.worker_id = :workerId', { workerId: filter.workerId });
    if (filter.from) query.andWhere('l.at >= :from', { from: filter.from });
    if (filter.to) query.andWhere('l.at <= :to', { to: filter.to });
    const total = await query.clone().select('COUNT(*)', 'n').getRawOne<{ n: number | string }>();
    const rows = await query
      .select([
        'l.id AS "id"',
        'l.worker_id AS "workerId"',
        'l.at AS "at"',
        'l.action AS "action"',
        'l.route AS "route"',
        'l.reason AS "reason"',
        'l.viewer_role AS "viewerRole"',
        'l.viewer_scope_type AS "viewerScopeType"',
        'ent.name AS "organisation"',
        'u.username AS "viewerUsername"',
        'u.display_name AS "viewerName"',
      ])
      .orderBy('l.at', 'DESC')
      .addOrderBy('l.id', 'DESC')
      .offset(skip)
      .limit(take)
      .getRawMany<PiiAccessView>();
    return [
      rows.map((r) => ({ ...r, id: Number(r.id), workerId: Number(r.workerId), at: dateTime(r.at) })),
      Number(total?.n ?? 0),
    ];
  }

  /** Every entry about a worker, oldest first (for their data export). */
  async allFor(workerId: number): Promise<PiiAccessView[]> {
    const [rows] = await this.page({ workerId }, 0, 1_000_000);
    return rows.reverse();
  }
}
