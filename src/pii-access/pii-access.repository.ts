import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { dateTime } from '../database/dialect';
import { PiiAccess, PiiAccessAction } from './pii-access.entity';

/** One entry of the log, as stored. */
export interface PiiAccessEntry {
  id: number;
  workerId: number;
  at: Date;
  action: PiiAccessAction;
  route: string;
  reason: string | null;
  viewerUserId: number;
  viewerRole: string;
  viewerScopeType: string;
  viewerScopeId: number | null;
}

/** An entry with the names of who looked, as the log's pages and the person's export show it. */
export interface PiiAccessView extends Omit<PiiAccessEntry, 'viewerUserId' | 'viewerScopeId'> {
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

  async page(filter: PiiAccessFilter, skip: number, take: number): Promise<[PiiAccessEntry[], number]> {
    const query = this.dataSource
      .createQueryBuilder()
      .from('pii_access_log', 'l')
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
        'l.viewer_user_id AS "viewerUserId"',
        'l.viewer_role AS "viewerRole"',
        'l.viewer_scope_type AS "viewerScopeType"',
        'l.viewer_scope_id AS "viewerScopeId"',
      ])
      .orderBy('l.at', 'DESC')
      .addOrderBy('l.id', 'DESC')
      .offset(skip)
      .limit(take)
      .getRawMany<PiiAccessEntry>();
    return [
      rows.map((r) => ({
        ...r,
        id: Number(r.id),
        workerId: Number(r.workerId),
        at: dateTime(r.at),
        viewerUserId: Number(r.viewerUserId),
        viewerScopeId: r.viewerScopeId == null ? null : Number(r.viewerScopeId),
      })),
      Number(total?.n ?? 0),
    ];
  }

  /** Every entry about a worker, oldest first (for their data export). */
  async allFor(workerId: number): Promise<PiiAccessEntry[]> {
    const [rows] = await this.page({ workerId }, 0, 1_000_000);
    return rows.reverse();
  }
}
