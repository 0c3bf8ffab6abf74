import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, Repository } from 'typeorm';
import { dateOnly, lockForUpdate } from '../database/dialect';
import { isUniqueViolation, TransactionConflict } from '../database/unit-of-work';
import { EnterpriseScope, whereEnterpriseInScope } from '../organisations/enterprise-scope';
import { AssignmentWorker } from './entities/assignment-worker.entity';
import { Assignment } from './entities/assignment.entity';

const BATCH = 500;

/** An assignment with how many workers hold it. */
export interface AssignmentRow {
  assignment: Assignment;
  workerCount: number;
}

/** One worker's assignment, for their learning page and the reminders. */
export interface WorkerAssignment {
  /** The assignment_workers row. */
  id: number;
  assignmentId: number;
  enterpriseId: number;
  courseId: number;
  workerId: number;
  dueOn: string;
  remindDaysBefore: number;
}

/** Assignments and who holds them; reads of scoped data take the caller's enterprise scope. */
@Injectable()
export class AssignmentsRepository {
  constructor(
    @InjectRepository(Assignment) private readonly assignments: Repository<Assignment>,
    @InjectRepository(AssignmentWorker) private readonly holders: Repository<AssignmentWorker>,
  ) {}

  /** The assignment of (enterprise, course, due day), made if there is none yet. */
  async findOrInsert(
    manager: EntityManager,
    row: Pick<
      Assignment,
      'enterpriseId' | 'courseId' | 'dueOn' | 'remindDaysBefore' | 'wholeRoster' | 'createdBy'
    >,
  ): Promise<{ assignment: Assignment; created: boolean }> {
    const repo = manager.getRepository(Assignment);
    const found = await repo.findOne({
      where: { enterpriseId: row.enterpriseId, courseId: row.courseId, dueOn: row.dueOn },
    });
    if (found) return { assignment: found, created: false };
    try {
      return { assignment: await repo.save(repo.create(row)), created: true };
    } catch (error) {
      // The same assignment given at the same moment elsewhere: run again and find it.
      if (isUniqueViolation(error)) throw new TransactionConflict('assignment stored concurrently');
      throw error;
    }
  }

  async markWholeRoster(manager: EntityManager, id: number): Promise<void> {
    await manager.getRepository(Assignment).update({ id }, { wholeRoster: true });
  }

  findInScope(id: number, scope: EnterpriseScope): Promise<Assignment | null> {
    const query = this.assignments.createQueryBuilder('a').where('a.id = :id', { id });
    return whereEnterpriseInScope(query, 'a.enterprise_id', scope).getOne();
  }

  /** The assignments in scope, the latest due first, with how many workers hold each. */
  async page(scope: EnterpriseScope, skip: number, take: number): Promise<[AssignmentRow[], number]> {
    const query = whereEnterpriseInScope(this.assignments.createQueryBuilder('a'), 'a.enterprise_id', scope);
    const total = await query.getCount();
    const list = await query
      .orderBy('a.due_on', 'DESC')
      .addOrderBy('a.id', 'DESC')
      .skip(skip)
      .take(take)
      .getMany();
    const counts = await this.workerCounts(list.map((a) => a.id));
    return [list.map((assignment) => ({ assignment, workerCount: counts.get(assignment.id) ?? 0 })), total];
  }

  private async workerCounts(ids: number[]): Promise<Map<number, number>> {
    if (ids.length === 0) return new Map();
    const rows = await this.holders
      .createQueryBuilder('h')
      .select('h.assignment_id', 'id')
      .addSelect('COUNT(*)', 'n')
      .where('h.assignment_id IN (:...ids)', { ids })
      .groupBy('h.assignment_id')
      .getRawMany<{ id: number; n: number }>();
    return new Map(rows.map((r) => [Number(r.id), Number(r.n)]));
  }

  /** Who holds the assignment, by worker id. */
  async workerIdsOf(assignmentId: number): Promise<number[]> {
    const rows = await this.holders.find({
      select: { workerId: true },
      where: { assignmentId },
      order: { workerId: 'ASC' },
    });
    return rows.map((r) => r.workerId);
  }

  /** Which of the workers already hold an assignment of the course at the enterprise. */
  async assignedAmong(
    manager: EntityManager,
    enterpriseId: number,
    courseId: number,
    workerIds: number[],
  ): Promise<Set<number>> {
    const found = new Set<number>();
    for (let i = 0; i < workerIds.length; i += BATCH) {
      const rows = await manager.getRepository(AssignmentWorker).find({
        select: { workerId: true },
        where: { enterpriseId, courseId, workerId: In(workerIds.slice(i, i + BATCH)) },
      });
      rows.forEach((r) => found.add(r.workerId));
    }
    return found;
  }

  /** Gives the assignment to the workers; one who holds the course at the enterprise already is skipped. */
  async insertHolders(manager: EntityManager, assignment: Assignment, workerIds: number[]): Promise<void> {
    for (let i = 0; i < workerIds.length; i += BATCH) {
      await manager
        .createQueryBuilder()
        .insert()
        .into(AssignmentWorker)
        .values(
          workerIds.slice(i, i + BATCH).map((workerId) => ({
            assignmentId: assignment.id,
            enterpriseId: assignment.enterpriseId,
            courseId: assignment.courseId,
            workerId,
            remindedAt: null,
          })),
        )
        .orIgnore()
        // Rows ignored as given already have no id to read back (MySQL/MariaDB would fail).
        .updateEntity(false)
        .execute();
    }
  }

  /** Every assignment a worker holds, soonest due first. */
  async ofWorker(workerId: number): Promise<WorkerAssignment[]> {
    const rows = await this.holderRows()
      .where('h.worker_id = :workerId', { workerId })
      .orderBy('a.due_on', 'ASC')
      .addOrderBy('a.id', 'ASC')
      .getRawMany<Record<string, unknown>>();
    return rows.map(workerAssignment);
  }

  /**
   * Holders not reminded yet of assignments due between two days (inclusive), a batch at a time
   * after a holder id; the caller decides from each assignment's own lead time.
   */
  async notReminded(from: string, to: string, afterId: number, limit: number): Promise<WorkerAssignment[]> {
    const rows = await this.holderRows()
      .where('h.reminded_at IS NULL')
      .andWhere('a.due_on >= :from AND a.due_on <= :to', { from, to })
      .andWhere('h.id > :afterId', { afterId })
      .orderBy('h.id', 'ASC')
      .limit(limit)
      .getRawMany<Record<string, unknown>>();
    return rows.map(workerAssignment);
  }

  /**
   * Claims holders for their reminder in the caller's transaction: locks those of them still not
   * reminded (a concurrent run waits, then finds them taken), marks them, and returns their ids.
   */
  async claimReminders(manager: EntityManager, ids: number[], at: Date): Promise<Set<number>> {
    if (ids.length === 0) return new Set();
    const query = manager
      .getRepository(AssignmentWorker)
      .createQueryBuilder('h')
      .select('h.id', 'id')
      .where('h.id IN (:...ids) AND h.reminded_at IS NULL', { ids });
    const claimed = (await lockForUpdate(query).getRawMany<{ id: number }>()).map((r) => Number(r.id));
    if (claimed.length > 0)
      await manager
        .createQueryBuilder()
        .update(AssignmentWorker)
        .set({ remindedAt: at })
        .where('id IN (:...claimed)', { claimed })
        .execute();
    return new Set(claimed);
  }

  private holderRows() {
    return this.holders
      .createQueryBuilder('h')
      .innerJoin(Assignment, 'a', 'a.id = h.assignment_id')
      .select([
        'h.id AS id',
        'h.assignment_id AS assignmentId',
        'h.enterprise_id AS enterpriseId',
        'h.course_id AS courseId',
        'h.worker_id AS workerId',
        'a.due_on AS dueOn',
        'a.remind_days_before AS remindDaysBefore',
      ]);
  }
}

function workerAssignment(r: Record<string, unknown>): WorkerAssignment {
  return {
    id: Number(r.id),
    assignmentId: Number(r.assignmentId),
    enterpriseId: Number(r.enterpriseId),
    courseId: Number(r.courseId),
    workerId: Number(r.workerId),
    dueOn: dateOnly(r.dueOn) ?? '',
    remindDaysBefore: Number(r.remindDaysBefore),
  };
}
