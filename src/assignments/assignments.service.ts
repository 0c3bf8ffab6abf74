import { ForbiddenException, Injectable } from '@nestjs/common';
import { CatalogService } from '../catalog/catalog.service';
import { CourseSummary } from '../catalog/courses.repository';
import { Actor } from '../common/access/actor';
import { OutOfScopeException } from '../common/access/out-of-scope';
import { FormError } from '../common/errors/form-error';
import { Page, PageQuery, pageOf, pageWindow } from '../common/http/pagination';
import { foldVietnamese } from '../common/text/vietnamese';
import { addDays, toDmy } from '../common/time/iso-date';
import { todayInVietnam } from '../common/time/vietnam-time';
import { Transaction, UnitOfWork } from '../database/unit-of-work';
import { AssignedCourse } from '../learning/assigned-courses';
import { EnrolmentState, LearningService } from '../learning/learning.service';
import { NewNotice, NoticesService } from '../notices/notices.service';
import { EnterpriseScope, EnterpriseScopeService, isEmptyScope } from '../organisations/enterprise-scope';
import { EnterprisesService } from '../organisations/enterprises.service';
import { WorkersService } from '../workers/workers.service';
import { Workforce } from '../workers/workforce';
import { ASSIGNMENT_READERS, ASSIGNMENT_WRITERS } from './assignments.access';
import { AssignmentStatus, assignmentStatus, countStatuses, StatusCounts } from './assignment-status';
import { AssignmentsRepository, WorkerAssignment } from './assignments.repository';
import { CreateAssignmentDto, MAX_REMIND_DAYS } from './dto/assignment.dto';
import { Assignment } from './entities/assignment.entity';

export const DEFAULT_REMIND_DAYS = 3;
const ROSTER_BATCH = 500;
const REMINDER_BATCH = 500;

/** An assignment as the lists and the API show it. */
export interface AssignmentSummary {
  id: number;
  courseId: number;
  courseTitle: string;
  enterpriseId: number;
  enterpriseName: string;
  dueOn: string;
  remindDaysBefore: number;
  wholeRoster: boolean;
  createdAt: Date;
  counts: StatusCounts;
}

/** One assigned worker on the progress page and in its files. */
export interface ProgressRow {
  workerId: number;
  fullName: string;
  employeeCode: string | null;
  status: AssignmentStatus;
  percent: number;
  completedAt: Date | null;
}

export interface RosterCandidate {
  workerId: number;
  fullName: string;
  dateOfBirth: string;
  employeeCode: string | null;
  assigned: boolean;
}

export interface Given {
  assignment: Assignment;
  added: number;
  already: number;
}

/**
 * Courses given to workers with a due date. Union officers give them to workers employed at their
 * own enterprise on the day (or to the whole roster of that day); the federation admin reads every
 * assignment; anyone else, and an officer asking about another enterprise's assignment, gets 404.
 * Giving enrols the workers (through the learning domain) in the same transaction; giving again
 * changes nothing for a worker who holds the course at that enterprise already.
 */
@Injectable()
export class AssignmentsService {
  constructor(
    private readonly assignments: AssignmentsRepository,
    private readonly scopes: EnterpriseScopeService,
    private readonly enterprisesService: EnterprisesService,
    private readonly catalog: CatalogService,
    private readonly learning: LearningService,
    private readonly workforce: Workforce,
    private readonly workers: WorkersService,
    private readonly notices: NoticesService,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  async list(actor: Actor, query: PageQuery, today = todayInVietnam()): Promise<Page<AssignmentSummary>> {
    const { page, size, skip } = pageWindow(query);
    const [rows, total] = await this.assignments.page(await this.readScope(actor), skip, size);
    return pageOf(
      await this.summaries(
        rows.map((r) => r.assignment),
        today,
      ),
      total,
      page,
      size,
    );
  }

  /** An assignment the actor may see, with its counts; 404 outside their scope. */
  async detail(actor: Actor, id: number, today = todayInVietnam()): Promise<AssignmentSummary> {
    const [summary] = await this.summaries([await this.get(actor, id)], today);
    return summary;
  }

  async get(actor: Actor, id: number): Promise<Assignment> {
    const assignment = await this.assignments.findInScope(id, await this.readScope(actor));
    if (!assignment) throw new OutOfScopeException();
    return assignment;
  }

  /** An assignment the actor may add workers to: 404 outside their scope, 403 for a reader. */
  async getForWrite(actor: Actor, id: number): Promise<Assignment> {
    const assignment = await this.get(actor, id);
    if (!(await this.canWrite(actor, assignment))) throw new ForbiddenException();
    return assignment;
  }

  async canWrite(actor: Actor, assignment: Pick<Assignment, 'enterpriseId'>): Promise<boolean> {
    return (await this.writeScope(actor)).enterpriseIds.includes(assignment.enterpriseId);
  }

  /** The enterprises the actor may give courses to workers of. */
  async enterprises(actor: Actor): Promise<{ id: number; name: string; taxCode: string }[]> {
    const ids = (await this.writeScope(actor)).enterpriseIds;
    const names = await this.enterprisesService.namesOf(ids);
    return ids
      .filter((id) => names.has(id))
      .map((id) => ({ id, ...names.get(id)! }))
      .sort((a, b) => a.name.localeCompare(b.name, 'vi'));
  }

  /** Published courses to choose from, searched by title. */
  courses(query: PageQuery): Promise<Page<CourseSummary>> {
    return this.catalog.searchPublished({ q: query.q, page: query.page, size: query.size });
  }

  /** Every assigned worker with their status, in name order; optionally only one status. */
  async progress(
    actor: Actor,
    id: number,
    status?: AssignmentStatus,
    today = todayInVietnam(),
  ): Promise<ProgressRow[]> {
    const assignment = await this.get(actor, id);
    const workerIds = await this.assignments.workerIdsOf(assignment.id);
    const [members, enrolments] = await Promise.all([
      this.workforce.membersAt(assignment.enterpriseId, workerIds),
      this.learning.enrolmentsIn(assignment.courseId, workerIds),
    ]);
    return workerIds
      .map((workerId) => {
        const member = members.get(workerId);
        const enrolment = enrolments.get(workerId);
        return {
          key: member?.searchKey ?? '',
          row: {
            workerId,
            fullName: member?.fullName ?? '',
            employeeCode: member?.employeeCode ?? null,
            status: assignmentStatus(enrolment, assignment.dueOn, today),
            percent: enrolment?.completedAt ? 100 : (enrolment?.progressPercent ?? 0),
            completedAt: enrolment?.completedAt ?? null,
          },
        };
      })
      .filter((r) => !status || r.row.status === status)
      .sort((a, b) => a.key.localeCompare(b.key) || a.row.workerId - b.row.workerId)
      .map((r) => r.row);
  }

  /**
   * Gives a published course, due today or later, to workers of the actor's enterprise: the ones
   * named (each employed there today), or everyone employed there today. Nothing is saved when any
   * of that fails.
   */
  async create(actor: Actor, dto: CreateAssignmentDto, now = new Date()): Promise<Given> {
    const today = todayInVietnam(now);
    const enterpriseId = await this.targetEnterprise(actor, dto.enterpriseId);
    if (dto.dueOn < today) throw FormError.field('dueOn', 'assignments.error.dueInPast');
    const course = await this.catalog.publishedCourse(dto.courseId);
    if (!course) throw FormError.field('courseId', 'assignments.error.courseNotPublished');
    const workerIds = await this.workersToGive(enterpriseId, today, dto);
    return this.give(
      {
        enterpriseId,
        courseId: course.course.id,
        dueOn: dto.dueOn,
        remindDaysBefore: dto.remindDaysBefore ?? DEFAULT_REMIND_DAYS,
        wholeRoster: dto.wholeRoster === true,
        createdBy: actor.userId,
      },
      course.course.title,
      workerIds,
      now,
    );
  }

  /** Gives an existing assignment to more workers (named, or the whole roster of today). */
  async addWorkers(
    actor: Actor,
    id: number,
    dto: { workerIds?: number[]; wholeRoster?: boolean },
    now = new Date(),
  ): Promise<Given> {
    const assignment = await this.getForWrite(actor, id);
    const workerIds = await this.workersToGive(assignment.enterpriseId, todayInVietnam(now), dto);
    const titles = await this.catalog.titles([assignment.courseId]);
    return this.give(
      { ...assignment, wholeRoster: dto.wholeRoster === true },
      titles.courses.get(assignment.courseId) ?? '',
      workerIds,
      now,
    );
  }

  /** Workers employed at the assignment's enterprise today, to tick whom to give it. */
  async roster(
    actor: Actor,
    id: number,
    q: string | undefined,
    page: number,
    size: number,
    today = todayInVietnam(),
  ): Promise<Page<RosterCandidate>> {
    const assignment = await this.getForWrite(actor, id);
    const nameKey = q ? foldVietnamese(q) : undefined;
    const [members, total] = await this.workforce.page(
      assignment.enterpriseId,
      today,
      nameKey || undefined,
      (page - 1) * size,
      size,
    );
    const assigned = new Set(await this.assignments.workerIdsOf(assignment.id));
    return pageOf(
      members.map((m) => ({
        workerId: m.workerId,
        fullName: m.fullName,
        dateOfBirth: m.dateOfBirth,
        employeeCode: m.employeeCode,
        assigned: assigned.has(m.workerId),
      })),
      total,
      page,
      size,
    );
  }

  /** The worker's assignments not done yet, soonest due first (the top of their learning page). */
  async openOf(workerId: number, today: string): Promise<AssignedCourse[]> {
    const held = await this.assignments.ofWorker(workerId);
    if (held.length === 0) return [];
    const enrolments = new Map<number, EnrolmentState | undefined>();
    for (const h of held)
      enrolments.set(h.courseId, (await this.learning.enrolmentsIn(h.courseId, [workerId])).get(workerId));
    const open = held.filter((h) => !enrolments.get(h.courseId)?.completedAt);
    const [titles, names] = await Promise.all([
      this.catalog.titles(open.map((h) => h.courseId)),
      this.enterprisesService.namesByIds(open.map((h) => h.enterpriseId)),
    ]);
    return open.map((h) => ({
      courseId: h.courseId,
      title: titles.courses.get(h.courseId) ?? '',
      enterpriseName: names.get(h.enterpriseId) ?? '',
      dueOn: h.dueOn,
      overdue: today > h.dueOn,
      percent: enrolments.get(h.courseId)?.progressPercent ?? 0,
    }));
  }

  /**
   * Sends each worker not done one reminder when their assignment's due day is no more than its
   * lead time away (and not past). Safe to run twice, even at once: a holder is marked reminded in
   * the transaction that writes the notice, and a notice's dedupe key is written once per user.
   */
  async remind(now = new Date()): Promise<{ reminded: number; done: number }> {
    const today = todayInVietnam(now);
    let reminded = 0;
    let done = 0;
    for (let afterId = 0; ;) {
      const batch = await this.assignments.notReminded(
        today,
        addDays(today, MAX_REMIND_DAYS),
        afterId,
        REMINDER_BATCH,
      );
      if (batch.length === 0) break;
      afterId = batch[batch.length - 1].id;
      const due = batch.filter((h) => addDays(today, h.remindDaysBefore) >= h.dueOn);
      if (due.length === 0) continue;
      const finished = await this.finished(due);
      const open = due.filter((h) => !finished.has(h.id));
      const [userIds, titles] = await Promise.all([
        this.workers.userIdsOf(open.map((h) => h.workerId)),
        this.catalog.titles(open.map((h) => h.courseId)),
      ]);
      const sent = await this.unitOfWork.run(async (tx) => {
        // Only the holders this run claims are reminded: a run at the same time claims the others.
        const claimed = await this.assignments.claimReminders(
          tx,
          due.map((h) => h.id),
          now,
        );
        const notices: NewNotice[] = open
          .filter((h) => claimed.has(h.id) && userIds.has(h.workerId))
          .map((h) => ({
            userId: userIds.get(h.workerId)!,
            messageKey: 'assignments.notice.reminder',
            params: { course: titles.courses.get(h.courseId) ?? '', date: toDmy(h.dueOn) },
            link: '/learn#assigned',
            dedupeKey: `assignment-reminder:${h.assignmentId}`,
          }));
        if (notices.length > 0) await this.notices.notifyMany(tx, notices);
        return { reminded: notices.length, done: [...finished].filter((id) => claimed.has(id)).length };
      });
      reminded += sent.reminded;
      done += sent.done;
    }
    return { reminded, done };
  }

  readScope(actor: Actor): Promise<EnterpriseScope> {
    return this.scopes.scopeOf(actor, ...ASSIGNMENT_READERS);
  }

  /** Officers write for the enterprises of their own grants only. */
  writeScope(actor: Actor): Promise<EnterpriseScope> {
    return this.scopes.scopeOf(actor, ...ASSIGNMENT_WRITERS);
  }

  /** Holders (by row id) who have completed their course already. */
  private async finished(holders: WorkerAssignment[]): Promise<Set<number>> {
    const done = new Set<number>();
    const byCourse = new Map<number, WorkerAssignment[]>();
    for (const h of holders) byCourse.set(h.courseId, [...(byCourse.get(h.courseId) ?? []), h]);
    for (const [courseId, list] of byCourse) {
      const enrolments = await this.learning.enrolmentsIn(
        courseId,
        list.map((h) => h.workerId),
      );
      for (const h of list) if (enrolments.get(h.workerId)?.completedAt) done.add(h.id);
    }
    return done;
  }

  /** In one transaction: the assignment (found or made), its new holders, their enrolments and notices. */
  private async give(
    row: Pick<
      Assignment,
      'enterpriseId' | 'courseId' | 'dueOn' | 'remindDaysBefore' | 'wholeRoster' | 'createdBy'
    >,
    courseTitle: string,
    workerIds: number[],
    now: Date,
  ): Promise<Given> {
    // Read before the transaction: inside it, on MySQL, it would wait for a second pooled connection.
    const userIds = await this.workers.userIdsOf(workerIds);
    return this.unitOfWork.run(async (tx: Transaction) => {
      const { assignment } = await this.assignments.findOrInsert(tx, row);
      if (row.wholeRoster && !assignment.wholeRoster) {
        await this.assignments.markWholeRoster(tx, assignment.id);
        assignment.wholeRoster = true;
      }
      const held = await this.assignments.assignedAmong(tx, row.enterpriseId, row.courseId, workerIds);
      const fresh = workerIds.filter((id) => !held.has(id));
      await this.assignments.insertHolders(tx, assignment, fresh);
      await this.learning.enrolWithin(tx, fresh, row.courseId, now);
      const notices: NewNotice[] = fresh
        .filter((id) => userIds.has(id))
        .map((id) => ({
          userId: userIds.get(id)!,
          messageKey: 'assignments.notice.assigned',
          params: { course: courseTitle, date: toDmy(assignment.dueOn) },
          link: '/learn#assigned',
          dedupeKey: `assignment:${assignment.id}`,
        }));
      if (notices.length > 0) await this.notices.notifyMany(tx, notices);
      return { assignment, added: fresh.length, already: held.size };
    });
  }

  /** The workers a request names, each employed at the enterprise today, or the whole roster of today. */
  private async workersToGive(
    enterpriseId: number,
    today: string,
    dto: { workerIds?: number[]; wholeRoster?: boolean },
  ): Promise<number[]> {
    const named = [...new Set(dto.workerIds ?? [])];
    const employed = await this.workforce.employedAmong(enterpriseId, today, named);
    const strangers = named.filter((id) => !employed.has(id));
    if (strangers.length > 0)
      throw FormError.field('workerIds', 'assignments.error.notOnRoster', {
        ids: strangers.slice(0, 10).join(', '),
      });
    if (!dto.wholeRoster) return named;
    const all = new Set(named);
    for (let skip = 0; ; skip += ROSTER_BATCH) {
      const [members, total] = await this.workforce.page(enterpriseId, today, undefined, skip, ROSTER_BATCH);
      members.forEach((m) => all.add(m.workerId));
      if (skip + ROSTER_BATCH >= total || members.length === 0) break;
    }
    return [...all];
  }

  private async targetEnterprise(actor: Actor, enterpriseId: number | undefined): Promise<number> {
    const scope = await this.writeScope(actor);
    if (isEmptyScope(scope) || scope.enterpriseIds.length === 0) throw new ForbiddenException();
    if (enterpriseId === undefined) {
      // An officer of one enterprise need not choose it.
      if (scope.enterpriseIds.length === 1) return scope.enterpriseIds[0];
      throw FormError.field('enterpriseId', 'validation.required');
    }
    if (!scope.enterpriseIds.includes(enterpriseId))
      throw FormError.field('enterpriseId', 'assignments.error.enterpriseOutOfScope');
    return enterpriseId;
  }

  private async summaries(list: Assignment[], today: string): Promise<AssignmentSummary[]> {
    if (list.length === 0) return [];
    const [titles, names] = await Promise.all([
      this.catalog.titles(list.map((a) => a.courseId)),
      this.enterprisesService.namesByIds(list.map((a) => a.enterpriseId)),
    ]);
    const result: AssignmentSummary[] = [];
    for (const a of list) {
      const workerIds = await this.assignments.workerIdsOf(a.id);
      const enrolments = await this.learning.enrolmentsIn(a.courseId, workerIds);
      result.push({
        id: a.id,
        courseId: a.courseId,
        courseTitle: titles.courses.get(a.courseId) ?? '',
        enterpriseId: a.enterpriseId,
        enterpriseName: names.get(a.enterpriseId) ?? '',
        dueOn: a.dueOn,
        remindDaysBefore: a.remindDaysBefore,
        wholeRoster: a.wholeRoster,
        createdAt: a.createdAt,
        counts: countStatuses(workerIds.map((id) => assignmentStatus(enrolments.get(id), a.dueOn, today))),
      });
    }
    return result;
  }
}
