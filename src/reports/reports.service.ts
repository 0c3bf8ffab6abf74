import { Injectable, NotFoundException } from '@nestjs/common';
import { Actor } from '../common/access/actor';
import { OutOfScopeException } from '../common/access/out-of-scope';
import { Role } from '../common/access/roles';
import { FormError } from '../common/errors/form-error';
import { UnitOfWork } from '../database/unit-of-work';
import { DashboardRepository, SnapshotRef } from '../indicators/dashboard/dashboard.repository';
import { Plan } from '../indicators/entities/plan.entity';
import { ReportingBody, ReportingBodyKind } from '../indicators/entities/reporting-body.entity';
import { IndicatorSnapshotRow, SnapshotLevel } from '../indicators/entities/snapshot.entity';
import { AdminUnitsService } from '../organisations/admin-units.service';
import { EnterpriseScopeService } from '../organisations/enterprise-scope';
import { territoryName } from '../indicators/territory-name';
import { EnterprisesService } from '../organisations/enterprises.service';
import { ReportNarrativeDto } from './dto/report.dto';
import { AnnualReport, AnnualReportStatus, PendingBody, ReportFigure } from './entities/annual-report.entity';
import {
  canCorrect,
  correctionOf,
  DeadlineState,
  FigureChange,
  figureChanges,
  isEditable,
  latestVersion,
} from './report-rules';
import { BodyStatus, ReportingStatusService } from './reporting-status.service';
import { ReportsRepository } from './reports.repository';
import { todayInVietnam, vietnamDayEnd } from '../common/time/vietnam-time';
import { dateTime } from '../database/dialect';
import { ReportSection, ReportSections } from '../common/report-sections/report-sections';

/** Everyone who may open the reports list: readers and the members of reporting bodies. */
export const REPORT_ROLES = [
  Role.FederationAdmin,
  Role.DepartmentViewer,
  Role.AssociationReviewer,
  Role.UnionOfficer,
  Role.InstitutionEditor,
  Role.SystemAdmin,
];

export interface Access {
  read: boolean;
  write: boolean;
}

export interface ReportList {
  plans: Plan[];
  plan: Plan;
  year: number;
  years: number[];
  rows: (BodyStatus & { access: Access })[];
}

/** One report as it is shown and exported: a version (or the pre-filled start of one) and its figures. */
export interface ReportDocument {
  plan: Plan;
  body: ReportingBody;
  year: number;
  status: BodyStatus;
  versions: AnnualReport[];
  /** The version shown; null before the first draft is saved. */
  report: AnnualReport | null;
  /** Frozen (submitted or superseded) or live (a draft: from the latest snapshot). */
  frozen: boolean;
  figures: ReportFigure[];
  /** YYYY-MM-DD of the snapshot the figures come from; null without one. */
  asOf: string | null;
  /** Province report only: the bodies that have not submitted (frozen with it once submitted). */
  pending: PendingBody[] | null;
  /** Other domains' sections (learning needs, commendations…): live in a draft, frozen once submitted. */
  sections: ReportSection[];
  access: Access;
  editable: boolean;
  canCorrect: boolean;
  isProvinceReport: boolean;
  /**
   * The latest version, submitted: the counts its snapshot has now that differ from its frozen copy
   * (data dated back before its date arrived since, see changesSince); empty when none did.
   */
  changes: FigureChange[];
}

/**
 * Annual reports: each reporting body's report for a year, pre-filled from the latest snapshot,
 * frozen on submission, corrected by new versions; and the federation's province report.
 */
@Injectable()
export class ReportsService {
  constructor(
    private readonly repo: ReportsRepository,
    private readonly reporting: ReportingStatusService,
    private readonly snapshots: DashboardRepository,
    private readonly units: AdminUnitsService,
    private readonly enterprises: EnterprisesService,
    private readonly scopes: EnterpriseScopeService,
    private readonly unitOfWork: UnitOfWork,
    private readonly reportSections: ReportSections,
  ) {}

  async plan(planId?: number): Promise<{ plans: Plan[]; plan: Plan }> {
    const plans = await this.snapshots.listPlans();
    const plan = planId ? plans.find((p) => p.id === planId) : plans[0];
    if (!plan) throw new NotFoundException();
    return { plans, plan };
  }

  async list(actor: Actor, planId?: number, year?: number, today = todayInVietnam()): Promise<ReportList> {
    const { plans, plan } = await this.plan(planId);
    const years = reportYears(plan, today);
    const chosen = year ?? Math.min(Number(today.slice(0, 4)), years[0] ?? Number(today.slice(0, 4)));
    const statuses = await this.reporting.statuses(plan.id, chosen, today);
    const rows = [];
    for (const status of statuses) {
      const access = await this.accessTo(actor, status.body);
      if (access.read) rows.push({ ...status, access });
    }
    return { plans, plan, year: chosen, years, rows };
  }

  /**
   * What the actor may do with a body's reports: members and the federation write; readers read.
   * When a body has ended, the members of its successor (and theirs) carry on its reports.
   */
  async accessTo(actor: Actor, body: ReportingBody): Promise<Access> {
    const write = actor.has(Role.FederationAdmin) || (await this.isMemberOfLine(body, actor.userId));
    if (write || actor.reachesAll(Role.DepartmentViewer, Role.SystemAdmin)) return { read: true, write };
    if (body.unitId && actor.has(Role.DepartmentViewer)) {
      const scope = await this.scopes.scopeOf(actor, Role.DepartmentViewer);
      const unit = await this.units.findById(body.unitId);
      if (unit && scope.unitPaths.some((p) => unit.path.startsWith(p))) return { read: true, write: false };
    }
    return { read: false, write: false };
  }

  /** Member of the body or of a body that succeeded it. */
  private async isMemberOfLine(body: ReportingBody, userId: number): Promise<boolean> {
    const seen = new Set<number>();
    for (let current: ReportingBody | null = body; current && !seen.has(current.id);) {
      seen.add(current.id);
      if (await this.repo.isMember(current.id, userId)) return true;
      current = current.successorId ? await this.repo.findBody(current.successorId) : null;
    }
    return false;
  }

  async document(actor: Actor, bodyId: number, year: number, version?: number, today = todayInVietnam()) {
    const body = await this.repo.findBody(bodyId);
    if (!body) throw new NotFoundException();
    const access = await this.accessTo(actor, body);
    if (!access.read) throw new OutOfScopeException();
    const { plan } = await this.plan(body.planId);
    const versions = await this.repo.versions(plan.id, body.id, year);
    const latest = latestVersion(versions);
    const report = version ? versions.find((v) => v.version === version) : latest;
    if (version && !report) throw new NotFoundException();
    const statuses = await this.reporting.statuses(plan.id, year, today);
    // A body reports only for the years it existed in (an abolished district's committee not for 2026).
    const status = statuses.find((s) => s.body.id === body.id);
    if (!status) throw new NotFoundException();
    const isProvinceReport = body.kind === ReportingBodyKind.Federation;
    const frozen = !!report && report.status !== AnnualReportStatus.Draft;
    let figures: ReportFigure[];
    let asOf: string | null;
    let pending: PendingBody[] | null = null;
    let sections: ReportSection[];
    if (frozen) {
      figures = report!.figures ?? [];
      asOf = report!.snapshotAsOf;
      if (isProvinceReport) pending = report!.pendingBodies ?? [];
      sections = report!.sections ?? [];
    } else {
      const snapshot = await this.snapshotFor(body, year);
      figures = snapshot ? await this.figuresFor(body, snapshot) : [];
      asOf = snapshot?.asOf ?? null;
      if (isProvinceReport) pending = pendingOf(statuses);
      sections = await this.sectionsFor(body, year);
    }
    const isLatest = !!report && report.id === latest?.id;
    const changes = isLatest ? await this.changesSince(body, report!) : [];
    return {
      plan,
      body,
      year,
      status,
      versions,
      report: report ?? null,
      frozen,
      figures,
      asOf,
      pending,
      sections,
      access,
      editable: access.write && (!report || (isLatest && isEditable(report))),
      canCorrect: access.write && isLatest && canCorrect(report ?? null),
      isProvinceReport,
      changes,
    } satisfies ReportDocument;
  }

  /**
   * How the figures of a submitted report differ now from what it froze: its snapshot's rows, as
   * figuresFor would copy them today, against the frozen copy. Only once that snapshot has been
   * computed again after the report was submitted and after its own day ended — that is, by a
   * roll-up of back-dated data (RollupScheduler.refreshPast) or one the admin asked for — so that
   * learning later on the snapshot's own day, or in the rest of the year, is not called a change.
   */
  async changesSince(body: ReportingBody, report: AnnualReport): Promise<FigureChange[]> {
    if (report.status !== AnnualReportStatus.Submitted || !report.snapshotId || !report.figures) return [];
    const submittedAt = dateTime(report.submittedAt);
    const snapshot = await this.snapshots.findSnapshot(report.snapshotId);
    const computedAt = dateTime(snapshot?.computedAt);
    if (!snapshot || !computedAt || !submittedAt) return [];
    if (computedAt <= submittedAt || computedAt < vietnamDayEnd(snapshot.asOf)) return [];
    return figureChanges(report.figures, await this.figuresFor(body, snapshot));
  }

  /** Saves the narrative of the draft (starting version 1 when there is none). */
  async saveDraft(
    actor: Actor,
    bodyId: number,
    year: number,
    dto: ReportNarrativeDto,
  ): Promise<AnnualReport> {
    const body = await this.writableBody(actor, bodyId);
    return this.unitOfWork.run(async (manager) => {
      const latest = latestVersion(await this.repo.versions(body.planId, body.id, year, manager));
      if (!isEditable(latest)) throw new FormError({}, { key: 'reports.error.frozen' });
      const narrative = narrativeOf(dto);
      if (!latest)
        return this.repo.insert(newReport(body, year, 1, AnnualReportStatus.Draft, narrative), manager);
      if (!(await this.repo.updateDraft(latest.id, narrative, manager)))
        throw new FormError({}, { key: 'reports.error.changed' });
      return { ...latest, ...narrative };
    });
  }

  /**
   * Submits the draft: its figures are copied from the latest snapshot (with names) and never
   * change again; a previous submitted version becomes superseded. The province report also
   * freezes the list of bodies that have not submitted.
   */
  async submit(
    actor: Actor,
    bodyId: number,
    year: number,
    dto: ReportNarrativeDto,
    now = new Date(),
  ): Promise<AnnualReport> {
    const body = await this.writableBody(actor, bodyId);
    const narrative = narrativeOf(dto);
    if (!narrative.activities) throw FormError.field('activities', 'reports.error.activitiesRequired');
    const snapshot = await this.snapshotFor(body, year);
    if (!snapshot) throw new FormError({}, { key: 'reports.error.noFigures' });
    const figures = await this.figuresFor(body, snapshot);
    const pending =
      body.kind === ReportingBodyKind.Federation
        ? pendingOf(await this.reporting.statuses(body.planId, year, todayInVietnam(now)))
        : null;
    const sections = await this.sectionsFor(body, year);
    const frozen = {
      ...narrative,
      status: AnnualReportStatus.Submitted,
      figures,
      sections,
      snapshotId: snapshot.id,
      snapshotAsOf: snapshot.asOf,
      pendingBodies: pending,
      submittedBy: actor.userId,
      submittedAt: now,
    };
    return this.unitOfWork.run(async (manager) => {
      const versions = await this.repo.versions(body.planId, body.id, year, manager);
      const latest = latestVersion(versions);
      if (!isEditable(latest)) throw new FormError({}, { key: 'reports.error.frozen' });
      const earlier = versions.filter((v) => v.status === AnnualReportStatus.Submitted).map((v) => v.id);
      let saved: AnnualReport;
      if (!latest) {
        saved = await this.repo.insert(
          { ...newReport(body, year, 1, AnnualReportStatus.Draft, narrative), ...frozen },
          manager,
        );
      } else {
        if (!(await this.repo.updateDraft(latest.id, frozen, manager)))
          throw new FormError({}, { key: 'reports.error.changed' });
        saved = { ...latest, ...frozen };
      }
      await this.repo.markSuperseded(earlier, manager);
      return saved;
    });
  }

  /**
   * The sections other domains add to this body's report: the province's for the federation, a
   * unit's for a unit's committee; departments and associations report their figures only.
   */
  async sectionsFor(body: ReportingBody, year: number): Promise<ReportSection[]> {
    if (body.kind === ReportingBodyKind.Federation)
      return this.reportSections.collect({ year, unitId: null });
    if (body.kind === ReportingBodyKind.Unit && body.unitId)
      return this.reportSections.collect({ year, unitId: body.unitId });
    return [];
  }

  /** Starts a correction of the submitted report: the next version, a draft with the same narrative. */
  async correct(actor: Actor, bodyId: number, year: number): Promise<AnnualReport> {
    const body = await this.writableBody(actor, bodyId);
    return this.unitOfWork.run(async (manager) => {
      const latest = latestVersion(await this.repo.versions(body.planId, body.id, year, manager));
      if (!canCorrect(latest)) throw new FormError({}, { key: 'reports.error.notSubmitted' });
      return this.repo.insert(
        {
          ...correctionOf(latest!),
          snapshotAsOf: null,
          pendingBodies: null,
          sections: null,
          submittedBy: null,
          submittedAt: null,
        },
        manager,
      );
    });
  }

  /**
   * The snapshot a report of `year` takes its figures from: the latest on or before 31/12 of that
   * year — for a unit, the latest that still has the unit (a district abolished on 1/7/2025 reports
   * its 2025 figures as of its last day).
   */
  async snapshotFor(body: ReportingBody, year: number): Promise<SnapshotRef | null> {
    const until = `${year}-12-31`;
    if (body.kind === ReportingBodyKind.Unit && body.unitId) {
      const own = await this.snapshots.latestWithRow(body.planId, until, SnapshotLevel.Unit, body.unitId);
      if (own) return own;
    }
    return (await this.snapshots.readySnapshots(body.planId, until))[0] ?? null;
  }

  /**
   * The rows a body reports: a unit's own row, its child units and the enterprises in its subtree;
   * every other body the province's row and the units directly under it.
   */
  async figuresFor(body: ReportingBody, snapshot: SnapshotRef): Promise<ReportFigure[]> {
    const [province] = await this.snapshots.rowsOf(snapshot.id, { level: SnapshotLevel.Province });
    const unitRows = await this.snapshots.rowsOf(snapshot.id, { level: SnapshotLevel.Unit });
    let rows: IndicatorSnapshotRow[];
    if (body.kind === ReportingBodyKind.Unit && body.unitId && body.unitId !== province?.orgId) {
      const own = unitRows.find((r) => r.orgId === body.unitId);
      const paths = new Map((await this.units.listAll()).map((u) => [u.id, u.path]));
      const root = paths.get(body.unitId);
      const inside = new Set<number>([body.unitId]);
      for (const r of unitRows) if (root && paths.get(r.orgId)?.startsWith(root)) inside.add(r.orgId);
      const children = unitRows.filter((r) => r.parentUnitId === body.unitId);
      const enterprises = await this.snapshots.rowsOf(snapshot.id, {
        level: SnapshotLevel.Enterprise,
        parentUnitIds: [...inside],
      });
      rows = [...(own ? [own] : []), ...children, ...enterprises];
    } else {
      const top = unitRows.filter((r) => r.parentUnitId === province?.orgId);
      rows = [...(province ? [province] : []), ...top];
      if (top.length === 0 && province) {
        // No unit under the province (only enterprises whose commune is not known yet): list its enterprises.
        rows.push(
          ...(await this.snapshots.rowsOf(snapshot.id, {
            level: SnapshotLevel.Enterprise,
            parentUnitIds: [province.orgId],
          })),
        );
      }
    }
    const unitNames = await this.units.namesByIds(
      rows.filter((r) => r.level !== SnapshotLevel.Enterprise).map((r) => r.orgId),
    );
    const enterpriseNames = await this.enterprises.namesByIds(
      rows.filter((r) => r.level === SnapshotLevel.Enterprise).map((r) => r.orgId),
    );
    const former = await this.formerTerritory(body.planId, province);
    const nameOf = (r: IndicatorSnapshotRow) => {
      const name =
        (r.level === SnapshotLevel.Enterprise ? enterpriseNames : unitNames).get(r.orgId) ?? String(r.orgId);
      // Reports are written in Vietnamese: the submitted figures keep the name as it was shown.
      return r.level === SnapshotLevel.Province ? territoryName('vi', name, former) : name;
    };
    const figure = (r: IndicatorSnapshotRow): ReportFigure => ({
      level: r.level,
      orgId: r.orgId,
      name: nameOf(r),
      population: r.population,
      declaredHeadcount: r.declaredHeadcount,
      denominator: r.denominator,
      law: r.law,
      vocational: r.vocational,
      lifeSkills: r.lifeSkills,
      digital: r.digital,
      learningCitizen: r.learningCitizen,
    });
    const [head, ...rest] = rows.map(figure);
    const order = (f: ReportFigure) => (f.level === SnapshotLevel.Enterprise ? 1 : 0);
    rest.sort((a, b) => order(a) - order(b) || a.name.localeCompare(b.name, 'vi'));
    return head ? [head, ...rest] : [];
  }

  /** The plan's own unit, when the snapshot's province is another (its successor after the reform). */
  private async formerTerritory(
    planId: number,
    province: IndicatorSnapshotRow | undefined,
  ): Promise<string | null> {
    const plan = (await this.snapshots.listPlans()).find((p) => p.id === planId);
    if (!province || !plan?.unitId || province.orgId === plan.unitId) return null;
    return (await this.units.namesByIds([plan.unitId])).get(plan.unitId) ?? null;
  }

  private async writableBody(actor: Actor, bodyId: number): Promise<ReportingBody> {
    const body = await this.repo.findBody(bodyId);
    if (!body) throw new NotFoundException();
    const access = await this.accessTo(actor, body);
    if (!access.write) throw new OutOfScopeException();
    return body;
  }
}

/** The years a plan has reports for, newest first: from its start to this year (or its end). */
export function reportYears(plan: Plan, today: string): number[] {
  const first = Number(String(plan.startDate).slice(0, 4));
  const last = Math.min(Number(String(plan.endDate).slice(0, 4)), Number(today.slice(0, 4)));
  const years: number[] = [];
  for (let y = last; y >= first; y--) years.push(y);
  return years;
}

function narrativeOf(
  dto: ReportNarrativeDto,
): Pick<AnnualReport, 'activities' | 'difficulties' | 'proposals'> {
  const clean = (v: string | undefined) => (v && v.trim() ? v.trim() : null);
  return {
    activities: clean(dto.activities),
    difficulties: clean(dto.difficulties),
    proposals: clean(dto.proposals),
  };
}

function newReport(
  body: ReportingBody,
  year: number,
  version: number,
  status: AnnualReportStatus,
  narrative: Pick<AnnualReport, 'activities' | 'difficulties' | 'proposals'>,
): Omit<AnnualReport, 'id' | 'createdAt' | 'updatedAt'> {
  return {
    planId: body.planId,
    bodyId: body.id,
    year,
    version,
    status,
    snapshotId: null,
    figures: null,
    snapshotAsOf: null,
    pendingBodies: null,
    sections: null,
    ...narrative,
    submittedBy: null,
    submittedAt: null,
    supersedesId: null,
  };
}

/** The bodies (other than the federation) without a submitted report. */
function pendingOf(statuses: BodyStatus[]): PendingBody[] {
  return statuses
    .filter(
      (s) => s.body.kind !== ReportingBodyKind.Federation && s.deadline.state !== DeadlineState.Submitted,
    )
    .map((s) => ({ bodyId: s.body.id, name: s.body.name, kind: s.body.kind, dueDate: s.due }));
}
