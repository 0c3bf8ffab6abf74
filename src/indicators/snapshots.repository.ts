import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, IsNull, LessThan, Repository } from 'typeorm';
import { lockForUpdate } from '../database/dialect';
import { isUniqueViolation, TransactionConflict } from '../database/unit-of-work';
import {
  IndicatorSnapshot,
  IndicatorSnapshotRow,
  SnapshotLevel,
  SnapshotStatus,
} from './entities/snapshot.entity';
import { ReportHistory } from './report-history';
import { FIGURE_KEYS, SnapshotRowData } from './unit-rollup';

const INSERT_BATCH = 500;

/** A snapshot row with the name of its organisation (enterprise or administrative unit). */
export interface NamedSnapshotRow extends IndicatorSnapshotRow {
  name: string;
}

@Injectable()
export class SnapshotsRepository {
  constructor(
    @InjectRepository(IndicatorSnapshot) private readonly snapshots: Repository<IndicatorSnapshot>,
    @InjectRepository(IndicatorSnapshotRow) private readonly rows: Repository<IndicatorSnapshotRow>,
    private readonly reports: ReportHistory,
  ) {}

  findById(id: number): Promise<IndicatorSnapshot | null> {
    return this.snapshots.findOne({ where: { id } });
  }

  find(planId: number, asOf: string): Promise<IndicatorSnapshot | null> {
    return this.snapshots.findOne({ where: { planId, asOf } });
  }

  /**
   * Takes (plan, date) for a scheduled run by creating its header first: the unique (plan, as_of)
   * lets exactly one process win, however many schedulers tick at once. False when it exists.
   */
  async claim(planId: number, asOf: string): Promise<IndicatorSnapshot | null> {
    try {
      return await this.snapshots.save(
        this.snapshots.create({
          planId,
          asOf,
          status: SnapshotStatus.Running,
          jobRunId: null,
          enterprises: 0,
          population: 0,
          computedAt: null,
        }),
      );
    } catch (error) {
      if (isUniqueViolation(error)) return null;
      throw error;
    }
  }

  /** Gives a claim back (its job could not be queued) unless a run has filled it meanwhile. */
  async release(id: number): Promise<void> {
    await this.snapshots.delete({ id, computedAt: IsNull() });
  }

  /**
   * Replaces the snapshot of (plan, date) with these rows, whole, in the caller's transaction:
   * the header is locked (MySQL) or the transaction is the only writer (SQLite), the rows that
   * changed are deleted and written again (none when no figure moved, as in most refreshes), then
   * the header says READY. Readers see the old snapshot or the new one, never a mix; a failure
   * rolls everything back.
   */
  async replace(
    manager: EntityManager,
    planId: number,
    asOf: string,
    rows: SnapshotRowData[],
    header: { enterprises: number; population: number; jobRunId: number | null },
  ): Promise<IndicatorSnapshot> {
    const repo = manager.getRepository(IndicatorSnapshot);
    const query = repo
      .createQueryBuilder('s')
      .where('s.plan_id = :planId AND s.as_of = :asOf', { planId, asOf });
    let snapshot = await lockForUpdate(query).getOne();
    if (!snapshot) {
      try {
        snapshot = await repo.save(
          repo.create({
            planId,
            asOf,
            status: SnapshotStatus.Running,
            jobRunId: null,
            enterprises: 0,
            population: 0,
            computedAt: null,
          }),
        );
      } catch (error) {
        // Another run created the header a moment ago: start again and lock it.
        if (isUniqueViolation(error)) throw new TransactionConflict('snapshot header created concurrently');
        throw error;
      }
    }
    await this.writeChangedRows(manager, snapshot.id, rows);
    const changes = {
      status: SnapshotStatus.Ready,
      enterprises: header.enterprises,
      population: header.population,
      jobRunId: header.jobRunId,
      computedAt: new Date(),
    };
    await repo.update({ id: snapshot.id }, changes);
    return { ...snapshot, ...changes };
  }

  /**
   * Leaves the rows whose parent and figures are the same, deletes the others and inserts the new
   * ones: writing a thousand unchanged rows again cost a roll-up more than its counting (issue 14).
   */
  private async writeChangedRows(
    manager: EntityManager,
    snapshotId: number,
    rows: SnapshotRowData[],
  ): Promise<void> {
    const repo = manager.getRepository(IndicatorSnapshotRow);
    const key = (row: { level: string; orgId: number }) => `${row.level}:${Number(row.orgId)}`;
    const kept = new Map((await repo.find({ where: { snapshotId } })).map((row) => [key(row), row]));
    const same = (a: SnapshotRowData, b: IndicatorSnapshotRow) =>
      (a.parentUnitId ?? null) === (b.parentUnitId === null ? null : Number(b.parentUnitId)) &&
      FIGURE_KEYS.every((figure) => Number(a[figure]) === Number(b[figure]));
    const fresh: SnapshotRowData[] = [];
    for (const row of rows) {
      const old = kept.get(key(row));
      if (old && same(row, old)) kept.delete(key(row));
      else fresh.push(row);
    }
    const stale = [...kept.values()].map((row) => row.id);
    for (let i = 0; i < stale.length; i += INSERT_BATCH)
      await repo.delete({ id: In(stale.slice(i, i + INSERT_BATCH)) });
    await this.insertRows(manager, snapshotId, fresh);
  }

  async insertRows(manager: EntityManager, snapshotId: number, rows: SnapshotRowData[]): Promise<void> {
    for (let i = 0; i < rows.length; i += INSERT_BATCH) {
      await manager
        .createQueryBuilder()
        .insert()
        .into(IndicatorSnapshotRow)
        .values(rows.slice(i, i + INSERT_BATCH).map((row) => ({ ...row, snapshotId })))
        .updateEntity(false)
        .execute();
    }
  }

  /** A run that failed leaves a snapshot that never had figures marked FAILED; a READY one is untouched. */
  async markFailed(planId: number, asOf: string): Promise<void> {
    await this.snapshots.update({ planId, asOf, computedAt: IsNull() }, { status: SnapshotStatus.Failed });
  }

  /** The latest READY snapshot of a plan, on or before a date when one is given. */
  latest(planId: number, asOf?: string): Promise<IndicatorSnapshot | null> {
    const query = this.snapshots
      .createQueryBuilder('s')
      .where('s.plan_id = :planId AND s.status = :ready', { planId, ready: SnapshotStatus.Ready })
      .orderBy('s.as_of', 'DESC')
      .limit(1);
    if (asOf) query.andWhere('s.as_of <= :asOf', { asOf });
    return query.getOne();
  }

  /** Every READY snapshot of a plan, oldest first (a few per plan once old daily ones are pruned). */
  ready(planId: number): Promise<IndicatorSnapshot[]> {
    return this.snapshots.find({ where: { planId, status: SnapshotStatus.Ready }, order: { asOf: 'ASC' } });
  }

  /** Dates from `from` to before `before` of a plan's snapshots that an annual report was written from. */
  async reportedDates(planId: number, from: string, before: string): Promise<string[]> {
    const dated = await this.snapshots
      .createQueryBuilder('s')
      .select(['s.id', 's.asOf'])
      .where('s.plan_id = :planId AND s.as_of >= :from AND s.as_of < :before', { planId, from, before })
      .getMany();
    const reported = await this.reports.reportedSnapshotIds(dated.map((s) => s.id));
    return dated.filter((s) => reported.has(s.id)).map((s) => s.asOf);
  }

  /** Rows of one level, optionally under one unit, with names, largest denominator first. */
  async rowsOf(
    snapshotId: number,
    level: SnapshotLevel,
    parentUnitId?: number | null,
  ): Promise<NamedSnapshotRow[]> {
    const query = this.rows
      .createQueryBuilder('r')
      .where('r.snapshot_id = :snapshotId AND r.level = :level', { snapshotId, level })
      .orderBy('r.denominator', 'DESC')
      .addOrderBy('r.org_id', 'ASC');
    if (parentUnitId !== undefined) {
      if (parentUnitId === null) query.andWhere('r.parent_unit_id IS NULL');
      else query.andWhere('r.parent_unit_id = :parentUnitId', { parentUnitId });
    }
    const rows = await query.getMany();
    const names = await this.namesOf(
      level,
      rows.map((r) => r.orgId),
    );
    return rows.map((r) => ({ ...r, name: names.get(r.orgId) ?? `#${r.orgId}` }));
  }

  async countRows(snapshotId: number): Promise<number> {
    return this.rows.count({ where: { snapshotId } });
  }

  private async namesOf(level: SnapshotLevel, ids: number[]): Promise<Map<number, string>> {
    const names = new Map<number, string>();
    const table = level === SnapshotLevel.Enterprise ? 'enterprises' : 'admin_units';
    for (let i = 0; i < ids.length; i += INSERT_BATCH) {
      const chunk = ids.slice(i, i + INSERT_BATCH);
      const found: { id: number | string; name: string }[] = await this.rows.manager
        .createQueryBuilder()
        .select(['t.id AS id', 't.name AS name'])
        .from(table, 't')
        .where('t.id IN (:...chunk)', { chunk })
        .getRawMany();
      for (const row of found) names.set(Number(row.id), row.name);
    }
    return names;
  }

  /**
   * Deletes a plan's snapshots dated before `before`, except those kept as history: 31 December,
   * the milestones' review dates, and any an annual report was written from. Returns how many went.
   */
  async prune(planId: number, before: string, keep: string[]): Promise<number> {
    const old = await this.snapshots.find({
      where: { planId, asOf: LessThan(before) },
      select: { id: true, asOf: true },
    });
    const candidates = old
      .filter((s) => !s.asOf.endsWith('-12-31') && !keep.includes(s.asOf))
      .map((s) => s.id);
    if (candidates.length === 0) return 0;
    const kept = await this.reports.reportedSnapshotIds(candidates);
    const ids = candidates.filter((id) => !kept.has(id));
    if (ids.length === 0) return 0;
    await this.rows.delete({ snapshotId: In(ids) });
    await this.snapshots.delete({ id: In(ids) });
    return ids.length;
  }
}
