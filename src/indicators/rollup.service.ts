import { Injectable, Logger } from '@nestjs/common';
import { dateTime } from '../database/dialect';
import { UnitOfWork } from '../database/unit-of-work';
import { DomainCode } from '../learning-records/learning-domains';
import { AdminUnitsService } from '../organisations/admin-units.service';
import { AdminUnit } from '../organisations/entities/admin-unit.entity';
import { DOMAIN_OF, denominatorOf, endOfDayUtc, isYearEnd } from './counting-rules';
import { CountingWindow, Plan, PlanIndicator } from './entities/plan.entity';
import { SnapshotStatus } from './entities/snapshot.entity';
import { PlansRepository } from './plans.repository';
import { RollupRepository } from './rollup.repository';
import { SnapshotsRepository } from './snapshots.repository';
import { PlacedEnterprise, rollUp, SnapshotRowData } from './unit-rollup';
import { pathIds, Territory, UnitResolver } from './unit-resolver';

export interface RollupOptions {
  /** Recompute a year-end snapshot that is already final (the admin's explicit re-run). */
  force?: boolean;
  jobRunId?: number | null;
  progress?: (percent: number) => Promise<void>;
}

export interface RollupOutcome {
  snapshotId: number | null;
  /** True when a final year-end snapshot was left as it was. */
  skipped: boolean;
  enterprises: number;
  population: number;
  rows: number;
  /** Enterprises whose unit has no unit in force on the date (left out, and logged). */
  unplaced: number;
}

/** The windows of the four learning domains, from the plan's indicators (PLAN_TO_DATE by default). */
export function windowsOf(indicators: PlanIndicator[]): Record<DomainCode, CountingWindow> {
  const windows = {
    [DomainCode.Law]: CountingWindow.PlanToDate,
    [DomainCode.Vocational]: CountingWindow.PlanToDate,
    [DomainCode.LifeSkills]: CountingWindow.PlanToDate,
    [DomainCode.Digital]: CountingWindow.PlanToDate,
  };
  for (const indicator of indicators) {
    const domain = DOMAIN_OF[indicator.code];
    if (domain) windows[domain] = indicator.countingWindow;
  }
  return windows;
}

/**
 * The roll-up of a plan on a date: figures per enterprise from one set-based statement, then per
 * administrative unit and for the province by summing those enterprise rows over the tree in force
 * on the date (memory grows with enterprises and units, never with workers), written as one
 * snapshot that replaces the previous one for (plan, date) in one transaction.
 */
@Injectable()
export class RollupService {
  private readonly logger = new Logger(RollupService.name);

  constructor(
    private readonly plans: PlansRepository,
    private readonly rollups: RollupRepository,
    private readonly snapshots: SnapshotsRepository,
    private readonly units: AdminUnitsService,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  async run(planId: number, asOf: string, options: RollupOptions = {}): Promise<RollupOutcome> {
    const progress = options.progress ?? (async () => undefined);
    const plan = await this.plans.findById(planId);
    if (!plan) throw new Error(`No plan ${planId}`);
    if (!options.force && (await this.isFinalYearEnd(planId, asOf))) {
      const existing = (await this.snapshots.find(planId, asOf))!;
      return {
        snapshotId: existing.id,
        skipped: true,
        enterprises: existing.enterprises,
        population: existing.population,
        rows: 0,
        unplaced: 0,
      };
    }
    try {
      const { rows, enterprises, population, unplaced } = await this.compute(plan, asOf, progress);
      const snapshot = await this.unitOfWork.run((manager) =>
        this.snapshots.replace(manager, planId, asOf, rows, {
          enterprises,
          population,
          jobRunId: options.jobRunId ?? null,
        }),
      );
      await progress(100);
      return {
        snapshotId: snapshot.id,
        skipped: false,
        enterprises,
        population,
        rows: rows.length,
        unplaced,
      };
    } catch (error) {
      await this.snapshots.markFailed(planId, asOf).catch(() => undefined);
      throw error;
    }
  }

  /**
   * A 31 December snapshot is history once computed after that day ended: later runs leave it be
   * unless forced — by the admin asking again, or by back-dated data dated in or before that year
   * (RollupScheduler.refreshPast), so late history does rewrite a closed year's snapshot.
   */
  async isFinalYearEnd(planId: number, asOf: string): Promise<boolean> {
    if (!isYearEnd(asOf)) return false;
    const snapshot = await this.snapshots.find(planId, asOf);
    return (
      !!snapshot &&
      snapshot.status === SnapshotStatus.Ready &&
      !!snapshot.computedAt &&
      snapshot.computedAt >= dateTime(endOfDayUtc(asOf))
    );
  }

  /** The snapshot's rows, computed but not written. */
  async compute(
    plan: Plan,
    asOf: string,
    progress: (percent: number) => Promise<void> = async () => undefined,
  ): Promise<{ rows: SnapshotRowData[]; enterprises: number; population: number; unplaced: number }> {
    const windows = windowsOf(await this.plans.indicatorsOf(plan.id));
    const { chains, mostEnterprises, unplaced } = await this.placeEnterprises(plan, asOf);
    const counts = await this.rollups.enterpriseCounts({
      asOf,
      planStart: plan.startDate,
      windows,
      // Naming the territory's enterprises pays only when they are few: a long IN list turns the
      // one scan of the employments into an index lookup per enterprise (46 s instead of 5 s at
      // 10,000 enterprises). Otherwise every enterprise is counted and the others are dropped below.
      enterpriseIds: mostEnterprises ? null : [...chains.keys()],
    });
    await progress(10);
    const byEnterprise = new Map(counts.map((c) => [c.enterpriseId, c]));
    const headcounts = await this.rollups.headcounts(Number(asOf.slice(0, 4)));
    const placed: PlacedEnterprise[] = [...chains].map(([enterpriseId, chain]) => {
      const c = byEnterprise.get(enterpriseId);
      const population = c?.population ?? 0;
      const declaredHeadcount = headcounts.get(enterpriseId) ?? 0;
      return {
        enterpriseId,
        chain,
        figures: {
          population,
          declaredHeadcount,
          denominator: denominatorOf(declaredHeadcount, population),
          law: c?.law ?? 0,
          vocational: c?.vocational ?? 0,
          lifeSkills: c?.lifeSkills ?? 0,
          digital: c?.digital ?? 0,
          learningCitizen: c?.learningCitizen ?? 0,
        },
      };
    });
    const rows = rollUp(placed);
    await progress(80);
    if (unplaced > 0) {
      this.logger.warn(
        { planId: plan.id, asOf, unplaced },
        'enterprises with no administrative unit in force were left out',
      );
    }
    return {
      rows,
      enterprises: placed.length,
      population: placed.reduce((sum, e) => sum + e.figures.population, 0),
      unplaced,
    };
  }

  /**
   * Where each enterprise of the plan's territory lies on the date: the chain of units in force
   * from the territory's root down to the enterprise's unit. The root is the plan's unit as in force
   * on the date (Đắk Nông before 01/07/2025, Lâm Đồng after), or every root when it has none; only
   * enterprises of the plan's own territory are placed (the former Đắk Nông, after the reform too).
   */
  async placeEnterprises(
    plan: Plan,
    asOf: string,
  ): Promise<{
    chains: Map<number, number[]>;
    /** The territory holds at least half of the database's enterprises. */
    mostEnterprises: boolean;
    unplaced: number;
    roots: AdminUnit[];
  }> {
    const [enterprises, mappings, inForce, tree] = await Promise.all([
      this.rollups.enterprises(),
      this.rollups.mappings(),
      this.units.unitsInForceOn(asOf),
      this.units.tree(),
    ]);
    const resolver = new UnitResolver(tree, mappings, asOf);
    const unitsById = new Map(inForce.map((u) => [u.id, u]));
    const roots = plan.unitId
      ? [await resolver.resolve(plan.unitId)].filter((u): u is AdminUnit => u !== null)
      : inForce.filter((u) => u.parentId === null || !unitsById.has(u.parentId));
    const rootIds = new Set(roots.map((r) => r.id));
    const territory = plan.unitId ? await Territory.of(tree, mappings, plan.unitId) : null;
    const chains = new Map<number, number[]>();
    let unplaced = 0;
    for (const enterprise of enterprises) {
      if (territory && !(await territory.covers(enterprise.unitId))) continue;
      const unit = await resolver.resolve(enterprise.unitId);
      if (!unit) {
        unplaced++;
        continue;
      }
      const ids = pathIds(unit.path);
      const from = ids.findIndex((id) => rootIds.has(id));
      if (from < 0) continue;
      chains.set(
        enterprise.id,
        ids.slice(from).filter((id) => unitsById.has(id)),
      );
    }
    return { chains, mostEnterprises: chains.size * 2 >= enterprises.length, unplaced, roots };
  }
}
