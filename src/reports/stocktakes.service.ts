import { Injectable, NotFoundException } from '@nestjs/common';
import { Actor } from '../common/access/actor';
import { OutOfScopeException } from '../common/access/out-of-scope';
import { Role } from '../common/access/roles';
import { DashboardRepository, IndicatorDef, SnapshotRef } from '../indicators/dashboard/dashboard.repository';
import {
  Figures,
  indicatorPercent,
  indicatorStatus,
  StatusResult,
} from '../indicators/dashboard/indicator-figures';
import { MilestoneKind, Plan } from '../indicators/entities/plan.entity';
import { IndicatorSnapshotRow, SnapshotLevel } from '../indicators/entities/snapshot.entity';
import { territoryName } from '../indicators/territory-name';
import { AdminUnitsService, isInForce } from '../organisations/admin-units.service';
import { EnterpriseScopeService } from '../organisations/enterprise-scope';
import { todayInVietnam } from '../common/time/vietnam-time';

export const STOCKTAKE_ROLES = [Role.FederationAdmin, Role.DepartmentViewer];

export interface StocktakeMilestone {
  year: number;
  kind: MilestoneKind;
  label: string;
  /** YYYY-MM-DD */
  reviewDate: string;
}

/** One column of the stocktake: a year-end snapshot, or the latest one while the milestone's year runs. */
export interface StocktakePoint {
  snapshot: SnapshotRef;
  /** True for the latest snapshot standing in for a year end not reached yet. */
  interim: boolean;
}

export interface StocktakeIndicator {
  code: IndicatorDef['code'];
  target: number | null;
  /** Province value at each point (null where the snapshot has no province row). */
  values: (number | null)[];
  result: StatusResult;
}

export interface StocktakeUnitLine {
  code: IndicatorDef['code'];
  unitId: number;
  name: string;
  /** Before the reform (its unit lapsed by the review date) or after. */
  side: 'before' | 'after';
  /** The unit in force on the review date that took its territory; null for units still in force. */
  mapsTo: string | null;
  values: (number | null)[];
  target: number | null;
}

export interface StocktakeDocument {
  plan: Plan;
  milestones: StocktakeMilestone[];
  milestone: StocktakeMilestone;
  points: StocktakePoint[];
  /** Province figures: for readers of the whole province only. */
  indicators: StocktakeIndicator[] | null;
  units: StocktakeUnitLine[];
  /** Old unit → new unit, for the units before the reform that appear in the stocktake. */
  mappings: { from: string; to: string; effectiveDate: string | null }[];
  /** True when the stocktake's points fall on both sides of a reform (some units lapsed in between). */
  spansReform: boolean;
}

/**
 * The mid-term (2025) and final (2030) stocktakes (sơ kết, tổng kết): each indicator against its milestone target, the
 * province's and each unit's values at every year end of the plan, on whatever tree was in force
 * at each year end — Đắk Nông's districts before 1/7/2025, Lâm Đồng's units after — with the
 * mapping from the old units to the new shown, so the history stays comparable.
 */
@Injectable()
export class StocktakesService {
  constructor(
    private readonly snapshots: DashboardRepository,
    private readonly units: AdminUnitsService,
    private readonly scopes: EnterpriseScopeService,
  ) {}

  async milestonesOf(plan: Plan, indicators: IndicatorDef[]): Promise<StocktakeMilestone[]> {
    const stored = await this.snapshots.milestonesOf(plan.id);
    if (stored.length > 0) {
      return stored.map((m) => ({
        year: m.year,
        kind: m.kind,
        label: m.label,
        reviewDate: String(m.reviewDate).slice(0, 10),
      }));
    }
    // A plan without milestone rows: its target years are the milestones, the last one final.
    const years = [...new Set(indicators.flatMap((i) => i.targets.map((t) => t.year)))].sort();
    return years.map((year, i) => ({
      year,
      kind: i === years.length - 1 ? MilestoneKind.Final : MilestoneKind.MidTerm,
      label: '',
      reviewDate: `${year}-12-31`,
    }));
  }

  async stocktake(
    actor: Actor,
    planId?: number,
    year?: number,
    today = todayInVietnam(),
  ): Promise<StocktakeDocument> {
    const plans = await this.snapshots.listPlans();
    const plan = planId ? plans.find((p) => p.id === planId) : plans[0];
    if (!plan) throw new NotFoundException();
    const indicators = await this.snapshots.indicatorsOf(plan.id);
    const milestones = await this.milestonesOf(plan, indicators);
    const milestone = year ? milestones.find((m) => m.year === year) : milestones[0];
    if (!milestone) throw new NotFoundException();
    const scope = await this.scopes.scopeOf(actor, ...STOCKTAKE_ROLES);
    if (!scope.all && scope.unitPaths.length === 0) throw new OutOfScopeException();

    const points = await this.pointsOf(plan, milestone, today);
    const provinceRows = await this.snapshots.levelRows(
      points.map((p) => p.snapshot.id),
      SnapshotLevel.Province,
    );
    const unitRows = await this.snapshots.levelRows(
      points.map((p) => p.snapshot.id),
      SnapshotLevel.Unit,
    );
    const at = (rows: IndicatorSnapshotRow[], i: number) =>
      rows.filter((r) => r.snapshotId === points[i].snapshot.id);
    const targetOf = (def: IndicatorDef) =>
      def.targets.find((t) => t.year === milestone.year)?.percent ?? null;

    const summary: StocktakeIndicator[] = indicators.map((def) => {
      const values = points.map((_, i) => {
        const row = at(provinceRows, i)[0];
        return row ? indicatorPercent(row, def.code) : null;
      });
      const last = points.length - 1;
      return {
        code: def.code,
        target: targetOf(def),
        values,
        result: indicatorStatus({
          current: last >= 0 ? values[last] : null,
          asOf: last >= 0 ? points[last].snapshot.asOf : milestone.reviewDate,
          // Measured against this stocktake's milestone only.
          targets: def.targets
            .filter((t) => t.year === milestone.year)
            .map((t) => ({ ...t, reviewDate: milestone.reviewDate })),
          trend: values
            .map((v, i) => ({ date: points[i].snapshot.asOf, percent: v }))
            .filter((p): p is { date: string; percent: number } => p.percent !== null),
          planStart: String(plan.startDate).slice(0, 10),
        }),
      };
    });

    // Units: the province rows (whose root changes with the reform), the units directly under them,
    // and the units under those (the old districts' communes, compared with the communes they became).
    const provinceIds = new Set(provinceRows.map((r) => r.orgId));
    const topUnits = unitRows.filter((r) => r.parentUnitId !== null && provinceIds.has(r.parentUnitId));
    const topIds = new Set(topUnits.map((r) => r.orgId));
    const subUnits = unitRows.filter((r) => r.parentUnitId !== null && topIds.has(r.parentUnitId));
    const lines = [...provinceRows, ...topUnits, ...subUnits];
    const parentOf = new Map(subUnits.map((r) => [r.orgId, r.parentUnitId!]));
    const orgIds = [...new Set(lines.map((r) => r.orgId))];
    const unitInfo = new Map<number, { name: string; path: string; lapsed: boolean }>();
    const planUnit = plan.unitId ? await this.units.findById(plan.unitId) : null;
    for (const id of orgIds) {
      const unit = await this.units.findById(id);
      // The new province's row holds only the plan's territory: it is named so.
      const former = provinceIds.has(id) && planUnit && id !== planUnit.id ? planUnit.name : null;
      if (unit)
        unitInfo.set(id, {
          name: territoryName('vi', unit.name, former),
          path: unit.path,
          lapsed: !isInForce(unit, milestone.reviewDate),
        });
    }
    const visible = orgIds.filter((id) => {
      const info = unitInfo.get(id);
      return scope.all || (!!info && scope.unitPaths.some((p) => info.path.startsWith(p)));
    });
    const rowsFor = (id: number) => lines.filter((r) => r.orgId === id);
    // A commune is shown as "Xã Tâm Thắng, Huyện Cư Jút", right after its district.
    const group = (id: number) => unitInfo.get(parentOf.get(id) ?? id)?.name ?? '';
    const ordered = visible.sort((a, b) => {
      const ia = unitInfo.get(a)!;
      const ib = unitInfo.get(b)!;
      // Before the reform first, the province before its units, a district before its communes, then by name.
      return (
        Number(!ia.lapsed) - Number(!ib.lapsed) ||
        Number(!provinceIds.has(a)) - Number(!provinceIds.has(b)) ||
        group(a).localeCompare(group(b), 'vi') ||
        Number(parentOf.has(a)) - Number(parentOf.has(b)) ||
        ia.name.localeCompare(ib.name, 'vi')
      );
    });
    const lineName = (id: number) =>
      parentOf.has(id) ? `${unitInfo.get(id)!.name}, ${group(id)}` : unitInfo.get(id)!.name;
    const successors = new Map<number, string>();
    const mappings: StocktakeDocument['mappings'] = [];
    for (const id of ordered) {
      if (!unitInfo.get(id)?.lapsed) continue;
      // An old district is compared with the new communes its communes went to, not the new province.
      const next = await this.units.successorsOn(id, milestone.reviewDate);
      if (next.length === 0) continue;
      // The plan's own province went into a larger one: its figures go on as that territory's.
      const nameOf = (unit: { name: string }) =>
        id === planUnit?.id ? territoryName('vi', unit.name, planUnit.name) : unit.name;
      successors.set(id, next.map(nameOf).join(', '));
      for (const unit of next) {
        mappings.push({ from: lineName(id), to: nameOf(unit), effectiveDate: unit.validFrom });
      }
    }
    const units: StocktakeUnitLine[] = indicators.flatMap((def) =>
      ordered.map((id) => {
        const rows = rowsFor(id);
        const info = unitInfo.get(id)!;
        return {
          code: def.code,
          unitId: id,
          name: lineName(id),
          side: info.lapsed ? ('before' as const) : ('after' as const),
          mapsTo: successors.get(id) ?? null,
          values: points.map((p) => {
            const row = rows.find((r) => r.snapshotId === p.snapshot.id);
            return row ? indicatorPercent(row as Figures, def.code) : null;
          }),
          target: targetOf(def),
        };
      }),
    );
    return {
      plan,
      milestones,
      milestone,
      points,
      indicators: scope.all ? summary : null,
      units,
      mappings,
      spansReform: mappings.length > 0 && ordered.some((id) => !unitInfo.get(id)!.lapsed),
    };
  }

  /** The 31/12 snapshots of each year of the plan up to the milestone's, and the latest one while that year runs. */
  private async pointsOf(
    plan: Plan,
    milestone: StocktakeMilestone,
    today: string,
  ): Promise<StocktakePoint[]> {
    const all = await this.snapshots.readySnapshots(plan.id, milestone.reviewDate);
    const start = String(plan.startDate).slice(0, 10);
    const yearEnds = all.filter((s) => s.asOf.endsWith('-12-31') && s.asOf >= start).reverse();
    const points: StocktakePoint[] = yearEnds.map((snapshot) => ({ snapshot, interim: false }));
    const latest = all[0];
    const closed = yearEnds.some((s) => s.asOf === `${milestone.year}-12-31`);
    if (!closed && latest && !latest.asOf.endsWith('-12-31') && latest.asOf <= today) {
      points.push({ snapshot: latest, interim: true });
    }
    return points;
  }
}
