import { Injectable, NotFoundException } from '@nestjs/common';
import { Actor } from '../../common/access/actor';
import { OutOfScopeException } from '../../common/access/out-of-scope';
import { Role } from '../../common/access/roles';
import { AdminUnitsService } from '../../organisations/admin-units.service';
import { EnterpriseScope, EnterpriseScopeService } from '../../organisations/enterprise-scope';
import { EnterprisesService } from '../../organisations/enterprises.service';
import { Plan } from '../entities/plan.entity';
import { IndicatorSnapshotRow, SnapshotLevel } from '../entities/snapshot.entity';
import { DashboardRepository, IndicatorDef, SnapshotRef } from './dashboard.repository';
import {
  Figures,
  indicatorPercent,
  indicatorStatus,
  Milestone,
  NUMERATOR,
  StatusResult,
} from './indicator-figures';

/** Who reads the dashboards (each within their scope). */
export const DASHBOARD_ROLES = [
  Role.FederationAdmin,
  Role.DepartmentViewer,
  Role.UnionOfficer,
  Role.SystemAdmin,
];

export interface DashboardQueryInput {
  plan?: number;
  /** YYYY-MM-DD: the latest snapshot on or before this day; the latest of all when absent. */
  date?: string;
}

export interface DashboardSelection {
  plans: Plan[];
  plan: Plan;
  indicators: IndicatorDef[];
  /** Every finished snapshot of the plan, newest first (the date choices). */
  snapshots: SnapshotRef[];
  snapshot: SnapshotRef | null;
  /** The 31/12 snapshots before the chosen one, oldest first: the trend by year. */
  yearEnds: SnapshotRef[];
}

/** One organisation's line: the figures of a snapshot row and where it drills down to. */
export interface OrgLine {
  level: SnapshotLevel;
  orgId: number;
  name: string;
  figures: Figures;
  /** Drill-down link; null for the organisation being looked at, or one outside the reader's scope. */
  href: string | null;
  focus: boolean;
}

export interface IndicatorLine {
  code: IndicatorDef['code'];
  label: string;
  numerator: number | null;
  denominator: number | null;
  current: number | null;
  targets: Milestone[];
  /** The focused organisation's value at each year end (null where it had no row). */
  history: { date: string; percent: number | null }[];
  result: StatusResult;
}

export interface DashboardView {
  selection: DashboardSelection;
  level: SnapshotLevel;
  orgId: number | null;
  name: string;
  /** From the province down to the parent of the organisation looked at. */
  trail: { name: string; href: string | null }[];
  focus: OrgLine | null;
  indicators: IndicatorLine[];
  /** The organisation itself first, then its child units, then its enterprises. */
  lines: OrgLine[];
  /**
   * The plan's own unit when the snapshot's province is its successor ("Tỉnh Đắk Nông" for the
   * new Lâm Đồng after 01/07/2025): the figures cover only that former territory, and the
   * pages say so next to the province's name.
   */
  former: string | null;
}

/**
 * The dashboards: province → unit → enterprise, each on the snapshot of a chosen date, with the
 * trend over the year-end snapshots. Every view checks the reader's scope; a view outside it is a 404.
 */
@Injectable()
export class DashboardService {
  constructor(
    private readonly repo: DashboardRepository,
    private readonly units: AdminUnitsService,
    private readonly enterprises: EnterprisesService,
    private readonly scopes: EnterpriseScopeService,
  ) {}

  async select(query: DashboardQueryInput): Promise<DashboardSelection> {
    const plans = await this.repo.listPlans();
    const plan = query.plan ? plans.find((p) => p.id === query.plan) : plans[0];
    if (!plan) throw new NotFoundException();
    const snapshots = await this.repo.readySnapshots(plan.id);
    const snapshot = (query.date ? snapshots.find((s) => s.asOf <= query.date!) : snapshots[0]) ?? null;
    const yearEnds = snapshot
      ? snapshots.filter((s) => s.asOf.endsWith('-12-31') && s.asOf < snapshot.asOf).reverse()
      : [];
    return { plans, plan, indicators: await this.repo.indicatorsOf(plan.id), snapshots, snapshot, yearEnds };
  }

  scopeOf(actor: Actor): Promise<EnterpriseScope> {
    return this.scopes.scopeOf(actor, ...DASHBOARD_ROLES);
  }

  /**
   * Where a reader who does not see the whole province starts: a union officer at their
   * enterprise, a viewer of a unit at the highest of their units in the snapshot. Null for readers
   * of the whole province.
   */
  async landing(actor: Actor, selection: DashboardSelection): Promise<string | null> {
    const scope = await this.scopeOf(actor);
    if (scope.all) return null;
    const query = linkQuery(selection);
    if (scope.unitPaths.length > 0 && selection.snapshot) {
      const unitRows = await this.repo.rowsOf(selection.snapshot.id, { level: SnapshotLevel.Unit });
      const paths = await this.unitPaths(unitRows.map((r) => r.orgId));
      const reachable = unitRows
        .filter((r) => inPaths(paths.get(r.orgId), scope))
        .sort((a, b) => (paths.get(a.orgId)?.length ?? 0) - (paths.get(b.orgId)?.length ?? 0));
      if (reachable[0]) return `/indicators/units/${reachable[0].orgId}${query}`;
    }
    if (scope.enterpriseIds.length > 0) return `/indicators/enterprises/${scope.enterpriseIds[0]}${query}`;
    throw new OutOfScopeException();
  }

  async province(actor: Actor, selection: DashboardSelection): Promise<DashboardView> {
    const scope = await this.scopeOf(actor);
    if (!scope.all) throw new OutOfScopeException();
    const snapshot = selection.snapshot;
    const provinceRow = snapshot
      ? (await this.repo.rowsOf(snapshot.id, { level: SnapshotLevel.Province }))[0]
      : undefined;
    const orgId = provinceRow?.orgId ?? selection.plan.unitId ?? null;
    const name = orgId ? ((await this.units.namesByIds([orgId])).get(orgId) ?? '') : '';
    const history = await this.provinceHistory(selection);
    return this.view(selection, scope, SnapshotLevel.Province, orgId, name, provinceRow ?? null, [], history);
  }

  async unit(actor: Actor, selection: DashboardSelection, unitId: number): Promise<DashboardView> {
    const scope = await this.scopeOf(actor);
    const unit = await this.units.findById(unitId);
    if (!unit || !inPaths(unit.path, scope)) throw new OutOfScopeException();
    const snapshot = selection.snapshot;
    const row = snapshot
      ? (await this.repo.rowsOf(snapshot.id, { level: SnapshotLevel.Unit, orgIds: [unitId] }))[0]
      : undefined;
    const history = await this.repo.historyOf(
      selection.yearEnds.map((s) => s.id),
      SnapshotLevel.Unit,
      unitId,
    );
    const trail = await this.trail(scope, selection, unit.path, unitId);
    return this.view(selection, scope, SnapshotLevel.Unit, unitId, unit.name, row ?? null, trail, history);
  }

  async enterprise(
    actor: Actor,
    selection: DashboardSelection,
    enterpriseId: number,
  ): Promise<DashboardView> {
    const scope = await this.scopeOf(actor);
    const enterprise = await this.enterprises.findInScope(actor, enterpriseId, ...DASHBOARD_ROLES);
    const snapshot = selection.snapshot;
    const row = snapshot
      ? (await this.repo.rowsOf(snapshot.id, { level: SnapshotLevel.Enterprise, orgIds: [enterpriseId] }))[0]
      : undefined;
    const history = await this.repo.historyOf(
      selection.yearEnds.map((s) => s.id),
      SnapshotLevel.Enterprise,
      enterpriseId,
    );
    let trail: DashboardView['trail'] = [];
    const parentId = row?.parentUnitId ?? null;
    if (parentId) {
      const parent = await this.units.findById(parentId);
      if (parent) trail = await this.trail(scope, selection, parent.path, null);
    }
    return this.view(
      selection,
      scope,
      SnapshotLevel.Enterprise,
      enterpriseId,
      enterprise.name,
      row ?? null,
      trail,
      history,
    );
  }

  /** The province's row at each year end (its id changes with the 2025 reform; the level does not). */
  private async provinceHistory(selection: DashboardSelection): Promise<IndicatorSnapshotRow[]> {
    const rows: IndicatorSnapshotRow[] = [];
    for (const s of selection.yearEnds) {
      const [row] = await this.repo.rowsOf(s.id, { level: SnapshotLevel.Province });
      if (row) rows.push(row);
    }
    return rows;
  }

  private async view(
    selection: DashboardSelection,
    scope: EnterpriseScope,
    level: SnapshotLevel,
    orgId: number | null,
    name: string,
    row: IndicatorSnapshotRow | null,
    trail: DashboardView['trail'],
    history: IndicatorSnapshotRow[],
  ): Promise<DashboardView> {
    const snapshot = selection.snapshot;
    const focus: OrgLine | null = row
      ? { level, orgId: row.orgId, name, figures: row, href: null, focus: true }
      : null;
    const lines: OrgLine[] = focus ? [focus] : [];
    if (snapshot && orgId && level !== SnapshotLevel.Enterprise) {
      lines.push(...(await this.children(selection, scope, snapshot.id, orgId)));
    }
    const byDate = new Map(
      history.map((h) => [selection.yearEnds.find((s) => s.id === h.snapshotId)?.asOf, h]),
    );
    const indicators = selection.indicators.map((def): IndicatorLine => {
      const current = row ? indicatorPercent(row, def.code) : null;
      const points = selection.yearEnds.map((s) => {
        const h = byDate.get(s.asOf);
        return { date: s.asOf, percent: h ? indicatorPercent(h, def.code) : null };
      });
      return {
        code: def.code,
        label: def.label,
        numerator: row ? row[NUMERATOR[def.code]] : null,
        denominator: row ? row.denominator : null,
        current,
        targets: def.targets,
        history: points,
        result: indicatorStatus({
          current,
          asOf: snapshot?.asOf ?? '',
          targets: def.targets,
          trend: points.filter((p): p is { date: string; percent: number } => p.percent !== null),
          planStart: selection.plan.startDate,
        }),
      };
    });
    return {
      selection,
      level,
      orgId,
      name,
      trail,
      focus,
      indicators,
      lines,
      former: await this.former(selection),
    };
  }

  /** The plan's unit, when the snapshot's province is not that unit but its successor. */
  private async former(selection: DashboardSelection): Promise<string | null> {
    const planUnitId = selection.plan.unitId;
    if (!selection.snapshot || !planUnitId) return null;
    const [province] = await this.repo.rowsOf(selection.snapshot.id, { level: SnapshotLevel.Province });
    if (!province || province.orgId === planUnitId) return null;
    return (await this.units.namesByIds([planUnitId])).get(planUnitId) ?? null;
  }

  /** A unit's child units and enterprises in the snapshot, with drill-down links within scope. */
  private async children(
    selection: DashboardSelection,
    scope: EnterpriseScope,
    snapshotId: number,
    unitId: number,
  ): Promise<OrgLine[]> {
    const rows = await this.repo.rowsOf(snapshotId, { parentUnitIds: [unitId] });
    const unitRows = rows.filter((r) => r.level === SnapshotLevel.Unit);
    const enterpriseRows = rows.filter((r) => r.level === SnapshotLevel.Enterprise);
    const unitNames = await this.units.namesByIds(unitRows.map((r) => r.orgId));
    const enterpriseNames = await this.enterprises.namesByIds(enterpriseRows.map((r) => r.orgId));
    const paths = await this.unitPaths(unitRows.map((r) => r.orgId));
    const query = linkQuery(selection);
    const byName = (a: OrgLine, b: OrgLine) => a.name.localeCompare(b.name, 'vi');
    const units = unitRows
      .map((r) => ({
        level: r.level,
        orgId: r.orgId,
        name: unitNames.get(r.orgId) ?? String(r.orgId),
        figures: r,
        href: inPaths(paths.get(r.orgId), scope) ? `/indicators/units/${r.orgId}${query}` : null,
        focus: false,
      }))
      .sort(byName);
    const enterprises = enterpriseRows
      .map((r) => ({
        level: r.level,
        orgId: r.orgId,
        name: enterpriseNames.get(r.orgId) ?? String(r.orgId),
        figures: r,
        href: `/indicators/enterprises/${r.orgId}${query}`,
        focus: false,
      }))
      .sort(byName);
    return [...units, ...enterprises];
  }

  /** The units above `path` (and the unit itself unless `selfId` is given), linked where in scope. */
  private async trail(
    scope: EnterpriseScope,
    selection: DashboardSelection,
    path: string,
    selfId: number | null,
  ): Promise<DashboardView['trail']> {
    const ids = path
      .split('/')
      .filter(Boolean)
      .map(Number)
      .filter((id) => id !== selfId);
    const names = await this.units.namesByIds(ids);
    const paths = await this.unitPaths(ids);
    const query = linkQuery(selection);
    return ids.map((id, i) => ({
      name: names.get(id) ?? String(id),
      href:
        i === 0
          ? scope.all
            ? `/indicators${query}`
            : null
          : inPaths(paths.get(id), scope)
            ? `/indicators/units/${id}${query}`
            : null,
    }));
  }

  /** Paths of the given units (the tree is small: one read of every unit). */
  private async unitPaths(ids: number[]): Promise<Map<number, string>> {
    if (ids.length === 0) return new Map();
    const wanted = new Set(ids);
    return new Map((await this.units.listAll()).filter((u) => wanted.has(u.id)).map((u) => [u.id, u.path]));
  }
}

/** True when a unit (by its path) lies in one of the scope's subtrees. */
function inPaths(path: string | undefined, scope: EnterpriseScope): boolean {
  if (scope.all) return true;
  return !!path && scope.unitPaths.some((p) => path.startsWith(p));
}

/** ?plan=&date= of the selection, so drill-down links stay on the same snapshot. */
export function linkQuery(selection: DashboardSelection): string {
  const params = new URLSearchParams({ plan: String(selection.plan.id) });
  if (selection.snapshot) params.set('date', selection.snapshot.asOf);
  return `?${params.toString()}`;
}
