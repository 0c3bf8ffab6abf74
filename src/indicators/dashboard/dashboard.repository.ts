import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, LessThanOrEqual, Repository } from 'typeorm';
import { dateOnly } from '../../database/dialect';
import { Plan, PlanIndicator, PlanMilestone, PlanTarget } from '../entities/plan.entity';
import {
  IndicatorSnapshot,
  IndicatorSnapshotRow,
  SnapshotLevel,
  SnapshotStatus,
} from '../entities/snapshot.entity';

export interface SnapshotRef {
  id: number;
  planId: number;
  /** YYYY-MM-DD */
  asOf: string;
  computedAt: Date | null;
}

export interface IndicatorDef {
  code: PlanIndicator['code'];
  label: string;
  /** From the plan's start (PLAN_TO_DATE) or within the calendar year of the date (CALENDAR_YEAR). */
  countingWindow: PlanIndicator['countingWindow'];
  /** Target percentages by milestone year, with the milestone's review date when the plan has one. */
  targets: { year: number; percent: number; reviewDate?: string }[];
}

/**
 * Reads plans and the roll-up snapshots the indicators job writes (never writes them): the
 * dashboards, annual reports and reviews all read through here.
 */
@Injectable()
export class DashboardRepository {
  constructor(
    @InjectRepository(Plan) private readonly plans: Repository<Plan>,
    @InjectRepository(PlanIndicator) private readonly indicators: Repository<PlanIndicator>,
    @InjectRepository(PlanTarget) private readonly targets: Repository<PlanTarget>,
    @InjectRepository(PlanMilestone) private readonly milestones: Repository<PlanMilestone>,
    @InjectRepository(IndicatorSnapshot) private readonly snapshots: Repository<IndicatorSnapshot>,
    @InjectRepository(IndicatorSnapshotRow) private readonly rows: Repository<IndicatorSnapshotRow>,
  ) {}

  listPlans(): Promise<Plan[]> {
    return this.plans.find({ order: { id: 'ASC' } });
  }

  findPlan(id: number): Promise<Plan | null> {
    return this.plans.findOne({ where: { id } });
  }

  /** The plan's indicators in their order, each with its targets. */
  async indicatorsOf(planId: number): Promise<IndicatorDef[]> {
    const indicators = await this.indicators.find({
      where: { planId },
      order: { sortOrder: 'ASC', id: 'ASC' },
    });
    const targets = indicators.length
      ? await this.targets.find({
          where: { planIndicatorId: In(indicators.map((i) => i.id)) },
          order: { milestoneYear: 'ASC' },
        })
      : [];
    const reviews = new Map((await this.milestonesOf(planId)).map((m) => [m.year, dateOnly(m.reviewDate)]));
    return indicators.map((i) => ({
      code: i.code,
      label: i.label,
      countingWindow: i.countingWindow,
      targets: targets
        .filter((t) => t.planIndicatorId === i.id)
        .map((t) => ({
          year: t.milestoneYear,
          percent: Number(t.targetPercent),
          ...(reviews.get(t.milestoneYear) ? { reviewDate: reviews.get(t.milestoneYear)! } : {}),
        })),
    }));
  }

  milestonesOf(planId: number): Promise<PlanMilestone[]> {
    return this.milestones.find({ where: { planId }, order: { year: 'ASC' } });
  }

  /** Finished snapshots of a plan, newest first; only those on or before `until` when given. */
  async readySnapshots(planId: number, until?: string): Promise<SnapshotRef[]> {
    const rows = await this.snapshots.find({
      where: {
        planId,
        status: SnapshotStatus.Ready,
        ...(until ? { asOf: LessThanOrEqual(until) } : {}),
      },
      order: { asOf: 'DESC' },
    });
    return rows.map(toRef);
  }

  /** The latest finished snapshot on or before `until` that has a row for this organisation. */
  async latestWithRow(
    planId: number,
    until: string,
    level: SnapshotLevel,
    orgId: number,
  ): Promise<SnapshotRef | null> {
    const row = await this.snapshots
      .createQueryBuilder('s')
      .innerJoin(
        IndicatorSnapshotRow,
        'r',
        'r.snapshot_id = s.id AND r.level = :level AND r.org_id = :orgId',
        {
          level,
          orgId,
        },
      )
      .where('s.plan_id = :planId AND s.status = :status AND s.as_of <= :until', {
        planId,
        status: SnapshotStatus.Ready,
        until,
      })
      .orderBy('s.as_of', 'DESC')
      .getOne();
    return row ? toRef(row) : null;
  }

  async findSnapshot(id: number): Promise<SnapshotRef | null> {
    const row = await this.snapshots.findOne({ where: { id } });
    return row ? toRef(row) : null;
  }

  /** Rows of one snapshot: one organisation, the children of a unit, or a whole level. */
  rowsOf(
    snapshotId: number,
    filter: { level?: SnapshotLevel; orgIds?: number[]; parentUnitIds?: number[] } = {},
  ): Promise<IndicatorSnapshotRow[]> {
    if (filter.orgIds?.length === 0 || filter.parentUnitIds?.length === 0) return Promise.resolve([]);
    return this.rows.find({
      where: {
        snapshotId,
        ...(filter.level ? { level: filter.level } : {}),
        ...(filter.orgIds ? { orgId: In(filter.orgIds) } : {}),
        ...(filter.parentUnitIds ? { parentUnitId: In(filter.parentUnitIds) } : {}),
      },
      order: { level: 'ASC', orgId: 'ASC' },
    });
  }

  /** One organisation's row in each of the given snapshots (its history). */
  historyOf(snapshotIds: number[], level: SnapshotLevel, orgId: number): Promise<IndicatorSnapshotRow[]> {
    if (snapshotIds.length === 0) return Promise.resolve([]);
    return this.rows.find({ where: { snapshotId: In(snapshotIds), level, orgId } });
  }

  /** Rows of one level in several snapshots (the reviews' per-unit history). */
  levelRows(snapshotIds: number[], level: SnapshotLevel): Promise<IndicatorSnapshotRow[]> {
    if (snapshotIds.length === 0) return Promise.resolve([]);
    return this.rows.find({ where: { snapshotId: In(snapshotIds), level }, order: { orgId: 'ASC' } });
  }
}

function toRef(s: IndicatorSnapshot): SnapshotRef {
  return { id: s.id, planId: s.planId, asOf: dateOnly(s.asOf) ?? '', computedAt: s.computedAt };
}
