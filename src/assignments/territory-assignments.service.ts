import { ForbiddenException, Injectable } from '@nestjs/common';
import { CatalogService } from '../catalog/catalog.service';
import { CourseSummary } from '../catalog/courses.repository';
import { Actor } from '../common/access/actor';
import { OutOfScopeException } from '../common/access/out-of-scope';
import { FormError } from '../common/errors/form-error';
import { Page, PageQuery, pageOf, pageWindow } from '../common/http/pagination';
import { addDays, toDmy } from '../common/time/iso-date';
import { todayInVietnam } from '../common/time/vietnam-time';
import { UnitOfWork } from '../database/unit-of-work';
import { AssignedCourse } from '../learning/assigned-courses';
import { EnrolmentState, LearningService } from '../learning/learning.service';
import { NewNotice, NoticesService } from '../notices/notices.service';
import { AdminUnitsService, isInForce } from '../organisations/admin-units.service';
import { EnterpriseScope, EnterpriseScopeService } from '../organisations/enterprise-scope';
import { EnterprisesService } from '../organisations/enterprises.service';
import { WorkersService } from '../workers/workers.service';
import { Workforce } from '../workers/workforce';
import { AssignmentStatus, assignmentStatus, countStatuses, StatusCounts } from './assignment-status';
import { TERRITORY_ASSIGNMENT_READERS, TERRITORY_ASSIGNMENT_WRITERS } from './assignments.access';
import { DEFAULT_REMIND_DAYS, ProgressRow } from './assignments.service';
import { CreateTerritoryAssignmentDto, MAX_REMIND_DAYS } from './dto/assignment.dto';
import { TerritoryAssignment } from './entities/territory-assignment.entity';
import { TerritoryAssignmentsRepository } from './territory-assignments.repository';

/** Employments read (and enrolments looked up) per query when counting a territory. */
const HOLDING_BATCH = 1000;

/** A federation assignment as lists and the API show it; the counts are over what the caller sees. */
export interface TerritoryAssignmentSummary {
  id: number;
  courseId: number;
  courseTitle: string;
  unitId: number;
  unitName: string;
  dueOn: string;
  remindDaysBefore: number;
  createdAt: Date;
  counts: StatusCounts;
}

/** One enterprise's line on a federation assignment's progress page and in its files. */
export interface EnterpriseProgressRow {
  enterpriseId: number;
  enterpriseName: string;
  taxCode: string;
  counts: StatusCounts;
}

export interface TerritoryAssignmentDetail {
  summary: TerritoryAssignmentSummary;
  enterprises: EnterpriseProgressRow[];
}

/** An assignment with the enterprises the caller may see it for: the territory, or their own in it. */
interface Visible {
  assignment: TerritoryAssignment;
  unitName: string;
  scope: EnterpriseScope;
}

interface Holding {
  workerId: number;
  enterpriseId: number;
  status: AssignmentStatus;
  enrolment: EnrolmentState | undefined;
}

/**
 * Courses the federation gives to a territory: every worker employed today at an enterprise located
 * in an administrative unit in force (its subtree, and the old units mapped into it). The rule is
 * stored, not the list of workers: who holds it is read from today's employments each time, so a
 * worker who joins an enterprise in the territory holds it from that day, and one who moves to an
 * enterprise outside stops being counted. Giving enrols those employed on the day, as an officer's
 * "cả danh sách" does; a later joiner starts it from their learning page.
 *
 * The federation admin gives, reads and withdraws; a union officer of an enterprise in the
 * territory reads it for their own enterprise only; anyone else gets 404.
 */
@Injectable()
export class TerritoryAssignmentsService {
  constructor(
    private readonly assignments: TerritoryAssignmentsRepository,
    private readonly scopes: EnterpriseScopeService,
    private readonly units: AdminUnitsService,
    private readonly enterprises: EnterprisesService,
    private readonly catalog: CatalogService,
    private readonly learning: LearningService,
    private readonly workforce: Workforce,
    private readonly workers: WorkersService,
    private readonly notices: NoticesService,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  /** The assignments the actor sees, the latest due first, with counts over their enterprises. */
  async list(
    actor: Actor,
    query: PageQuery,
    today = todayInVietnam(),
  ): Promise<Page<TerritoryAssignmentSummary>> {
    const { page, size, skip } = pageWindow(query);
    const visible: Visible[] = [];
    for (const assignment of await this.assignments.all()) {
      const seen = await this.visible(actor, assignment);
      if (seen) visible.push(seen);
    }
    const items: TerritoryAssignmentSummary[] = [];
    for (const v of visible.slice(skip, skip + size))
      items.push(await this.summary(v, total((await this.countsByEnterprise(v, today)).values())));
    return pageOf(items, visible.length, page, size);
  }

  /** One assignment with its counts per enterprise (only the caller's own for an officer). */
  async detail(actor: Actor, id: number, today = todayInVietnam()): Promise<TerritoryAssignmentDetail> {
    const v = await this.get(actor, id);
    const byEnterprise = await this.countsByEnterprise(v, today);
    const names = await this.enterprises.namesOf([...byEnterprise.keys()]);
    const enterprises = [...byEnterprise.entries()]
      .map(([enterpriseId, counts]) => ({
        enterpriseId,
        enterpriseName: names.get(enterpriseId)?.name ?? '',
        taxCode: names.get(enterpriseId)?.taxCode ?? '',
        counts,
      }))
      .sort(
        (a, b) => a.enterpriseName.localeCompare(b.enterpriseName, 'vi') || a.enterpriseId - b.enterpriseId,
      );
    return { summary: await this.summary(v, total(byEnterprise.values())), enterprises };
  }

  /** The workers of one enterprise of the territory with their status; 404 for an enterprise not seen. */
  async workersAt(
    actor: Actor,
    id: number,
    enterpriseId: number,
    status?: AssignmentStatus,
    today = todayInVietnam(),
  ): Promise<{ summary: TerritoryAssignmentSummary; enterpriseName: string; rows: ProgressRow[] }> {
    const v = await this.get(actor, id);
    if (!(await this.enterprises.isInScope(enterpriseId, v.scope))) throw new OutOfScopeException();
    const one: Visible = { ...v, scope: { all: false, enterpriseIds: [enterpriseId], unitPaths: [] } };
    // One enterprise's workers: shown on a page and in its files, so read whole.
    const holdings: Holding[] = [];
    for await (const batch of this.holdingBatches(one, today)) holdings.push(...batch);
    const members = await this.workforce.membersAt(
      enterpriseId,
      holdings.map((h) => h.workerId),
    );
    const rows = holdings
      .map((h) => {
        const member = members.get(h.workerId);
        return {
          key: member?.searchKey ?? '',
          row: {
            workerId: h.workerId,
            fullName: member?.fullName ?? '',
            employeeCode: member?.employeeCode ?? null,
            status: h.status,
            percent: h.enrolment?.completedAt ? 100 : (h.enrolment?.progressPercent ?? 0),
            completedAt: h.enrolment?.completedAt ?? null,
          },
        };
      })
      .filter((r) => !status || r.row.status === status)
      .sort((a, b) => a.key.localeCompare(b.key) || a.row.workerId - b.row.workerId)
      .map((r) => r.row);
    const names = await this.enterprises.namesByIds([enterpriseId]);
    return {
      summary: await this.summary(v, countStatuses(holdings.map((h) => h.status))),
      enterpriseName: names.get(enterpriseId) ?? '',
      rows,
    };
  }

  /** Whether the actor may give and withdraw federation assignments. */
  async canWrite(actor: Actor): Promise<boolean> {
    return (await this.scopes.scopeOf(actor, ...TERRITORY_ASSIGNMENT_WRITERS)).all;
  }

  /** Published courses to choose from, searched by title. */
  courses(query: PageQuery): Promise<Page<CourseSummary>> {
    return this.catalog.searchPublished({ q: query.q, page: query.page, size: query.size });
  }

  /** Administrative units in force today, to choose the territory from (parents first). */
  async territories(today = todayInVietnam()): Promise<{ id: number; name: string; depth: number }[]> {
    return (await this.units.unitsInForceOn(today)).map((u) => ({ id: u.id, name: u.name, depth: u.depth }));
  }

  /**
   * Gives a published course, due today or later, to a territory in force today; enrols the workers
   * employed there today and tells them, all in one transaction. Nothing is saved when any check fails.
   */
  async create(
    actor: Actor,
    dto: CreateTerritoryAssignmentDto,
    now = new Date(),
  ): Promise<{ assignment: TerritoryAssignment; enrolled: number; workers: number }> {
    if (!(await this.canWrite(actor))) throw new ForbiddenException();
    const today = todayInVietnam(now);
    const unit = await this.units.findById(dto.unitId);
    if (!unit || !isInForce(unit, today)) throw FormError.field('unitId', 'assignments.error.unitNotInForce');
    if (dto.dueOn < today) throw FormError.field('dueOn', 'assignments.error.dueInPast');
    const course = await this.catalog.publishedCourse(dto.courseId);
    if (!course) throw FormError.field('courseId', 'assignments.error.courseNotPublished');
    const scope = await this.territoryOf(unit.id);
    const workerIds = await this.employedIn(scope, today);
    // Read before the transaction: inside it, on MySQL, it would wait for a second pooled connection.
    const userIds = await this.workers.userIdsOf(workerIds);
    return this.unitOfWork.run(async (tx) => {
      const assignment = await this.assignments.insert(tx, {
        unitId: unit.id,
        courseId: course.course.id,
        dueOn: dto.dueOn,
        remindDaysBefore: dto.remindDaysBefore ?? DEFAULT_REMIND_DAYS,
        createdBy: actor.userId,
      });
      if (!assignment) throw FormError.field('courseId', 'assignments.error.territoryDuplicate');
      const enrolled = await this.learning.enrolWithin(tx, workerIds, course.course.id, now);
      const notices: NewNotice[] = workerIds
        .filter((id) => userIds.has(id))
        .map((id) => ({
          userId: userIds.get(id)!,
          messageKey: 'assignments.notice.assigned',
          params: { course: course.course.title, date: toDmy(assignment.dueOn) },
          link: '/learn#assigned',
          dedupeKey: `territory-assignment:${assignment.id}`,
        }));
      if (notices.length > 0) await this.notices.notifyMany(tx, notices);
      return { assignment, enrolled, workers: workerIds.length };
    });
  }

  /** Withdraws an assignment (the federation only); enrolments and progress stay with the workers. */
  async remove(actor: Actor, id: number): Promise<void> {
    await this.get(actor, id);
    if (!(await this.canWrite(actor))) throw new ForbiddenException();
    await this.assignments.remove(id);
  }

  /** The federation's assignments the worker holds today and has not finished, soonest due first. */
  async openOf(workerId: number, today: string): Promise<AssignedCourse[]> {
    const employers = await this.workforce.employersOf(workerId, today);
    if (employers.length === 0) return [];
    const held: { assignment: TerritoryAssignment; enterpriseId: number }[] = [];
    for (const assignment of await this.assignments.all()) {
      const scope = await this.territoryOf(assignment.unitId);
      for (const enterpriseId of employers)
        if (await this.enterprises.isInScope(enterpriseId, scope)) {
          held.push({ assignment, enterpriseId });
          break;
        }
    }
    const result: AssignedCourse[] = [];
    const titles = await this.catalog.titles(held.map((h) => h.assignment.courseId));
    const names = await this.enterprises.namesByIds(held.map((h) => h.enterpriseId));
    for (const { assignment, enterpriseId } of held) {
      const enrolment = (await this.learning.enrolmentsIn(assignment.courseId, [workerId])).get(workerId);
      if (enrolment?.completedAt) continue;
      result.push({
        courseId: assignment.courseId,
        title: titles.courses.get(assignment.courseId) ?? '',
        enterpriseName: names.get(enterpriseId) ?? '',
        dueOn: assignment.dueOn,
        overdue: today > assignment.dueOn,
        percent: enrolment?.progressPercent ?? 0,
      });
    }
    return result.sort((a, b) => a.dueOn.localeCompare(b.dueOn));
  }

  /**
   * One reminder to each worker holding an assignment today and not done, once its due day is no
   * more than its lead time away (and not past). Safe to run twice: the notice's dedupe key is
   * written once per person and assignment. `reminded` counts the workers due a reminder on this
   * run, including any a previous run of the day reminded already (their notice is not written twice).
   */
  async remind(now = new Date()): Promise<{ reminded: number; done: number }> {
    const today = todayInVietnam(now);
    let reminded = 0;
    let done = 0;
    for (const assignment of await this.assignments.dueBetween(today, addDays(today, MAX_REMIND_DAYS))) {
      if (addDays(today, assignment.remindDaysBefore) < assignment.dueOn) continue;
      const title = (await this.catalog.titles([assignment.courseId])).courses.get(assignment.courseId) ?? '';
      const visible = { assignment, unitName: '', scope: await this.territoryOf(assignment.unitId) };
      for await (const batch of this.holdingBatches(visible, today)) {
        const notDone = batch.filter((h) => h.status !== AssignmentStatus.Done);
        done += batch.length - notDone.length;
        const open = [...new Set(notDone.map((h) => h.workerId))];
        const userIds = await this.workers.userIdsOf(open);
        const notices: NewNotice[] = open
          .filter((id) => userIds.has(id))
          .map((id) => ({
            userId: userIds.get(id)!,
            messageKey: 'assignments.notice.reminder',
            params: { course: title, date: toDmy(assignment.dueOn) },
            link: '/learn#assigned',
            dedupeKey: `territory-assignment-reminder:${assignment.id}`,
          }));
        if (notices.length > 0) await this.unitOfWork.run((tx) => this.notices.notifyMany(tx, notices));
        reminded += notices.length;
      }
    }
    return { reminded, done };
  }

  /** The assignment as the actor may see it: 404 when it does not exist or covers none of theirs. */
  private async get(actor: Actor, id: number): Promise<Visible> {
    const assignment = await this.assignments.findById(id);
    const visible = assignment ? await this.visible(actor, assignment) : null;
    if (!visible) throw new OutOfScopeException();
    return visible;
  }

  private async visible(actor: Actor, assignment: TerritoryAssignment): Promise<Visible | null> {
    const reach = await this.scopes.scopeOf(actor, ...TERRITORY_ASSIGNMENT_READERS);
    const territory = await this.territoryOf(assignment.unitId);
    const unitName = (await this.units.namesByIds([assignment.unitId])).get(assignment.unitId) ?? '';
    if (reach.all) return { assignment, unitName, scope: territory };
    // An officer sees it for their own enterprises located in the territory, and nothing else.
    const own: number[] = [];
    for (const enterpriseId of reach.enterpriseIds)
      if (await this.enterprises.isInScope(enterpriseId, territory)) own.push(enterpriseId);
    if (own.length === 0) return null;
    return { assignment, unitName, scope: { all: false, enterpriseIds: own, unitPaths: [] } };
  }

  /** Every worker employed in the scope today (to enrol them in one transaction when it is given). */
  private async employedIn(scope: EnterpriseScope, today: string): Promise<number[]> {
    const ids = new Set<number>();
    for (let after = { enterpriseId: 0, workerId: 0 }; ;) {
      const pairs = await this.workforce.employedInScope(scope, today, after, HOLDING_BATCH);
      pairs.forEach((p) => ids.add(p.workerId));
      if (pairs.length < HOLDING_BATCH) return [...ids];
      after = pairs[pairs.length - 1];
    }
  }

  private async territoryOf(unitId: number): Promise<EnterpriseScope> {
    return { all: false, enterpriseIds: [], unitPaths: await this.scopes.subtreePaths([unitId]) };
  }

  /**
   * Who holds it today within the scope (one line per worker and enterprise), with their status, a
   * batch at a time: a province's workers are never all in memory at once.
   */
  private async *holdingBatches(v: Visible, today: string): AsyncGenerator<Holding[]> {
    for (let after = { enterpriseId: 0, workerId: 0 }; ;) {
      const pairs = await this.workforce.employedInScope(v.scope, today, after, HOLDING_BATCH);
      if (pairs.length === 0) return;
      after = pairs[pairs.length - 1];
      const enrolments = await this.learning.enrolmentsIn(
        v.assignment.courseId,
        pairs.map((p) => p.workerId),
      );
      yield pairs.map((p) => {
        const enrolment = enrolments.get(p.workerId);
        return { ...p, enrolment, status: assignmentStatus(enrolment, v.assignment.dueOn, today) };
      });
      if (pairs.length < HOLDING_BATCH) return;
    }
  }

  /** The counts per enterprise of who holds it today within the scope. */
  private async countsByEnterprise(v: Visible, today: string): Promise<Map<number, StatusCounts>> {
    const counts = new Map<number, StatusCounts>();
    for await (const batch of this.holdingBatches(v, today))
      for (const h of batch) {
        const c = counts.get(h.enterpriseId) ?? countStatuses([]);
        c[h.status]++;
        c.total++;
        counts.set(h.enterpriseId, c);
      }
    return counts;
  }

  private async summary(v: Visible, counts: StatusCounts): Promise<TerritoryAssignmentSummary> {
    const titles = await this.catalog.titles([v.assignment.courseId]);
    return {
      id: v.assignment.id,
      courseId: v.assignment.courseId,
      courseTitle: titles.courses.get(v.assignment.courseId) ?? '',
      unitId: v.assignment.unitId,
      unitName: v.unitName,
      dueOn: v.assignment.dueOn,
      remindDaysBefore: v.assignment.remindDaysBefore,
      createdAt: v.assignment.createdAt,
      counts,
    };
  }
}

/** The sum of some counts. */
function total(counts: Iterable<StatusCounts>): StatusCounts {
  const sum = countStatuses([]);
  for (const c of counts) for (const key of Object.keys(sum) as (keyof StatusCounts)[]) sum[key] += c[key];
  return sum;
}
