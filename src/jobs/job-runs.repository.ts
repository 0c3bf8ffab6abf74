import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, LessThan, Repository } from 'typeorm';
import { isUniqueViolation } from '../database/unit-of-work';
import { JobResult, JobRun, JobStatus } from './entities/job-run.entity';

/**
 * The tables whose rows point at a job run and show it, or say which run made them: an import's
 * page and API report its run's progress; a snapshot header names the roll-up that computed it.
 * Their runs are kept as long as they are. A new `job_run_id` column belongs here (the retention
 * test compares this list with the schema).
 */
export const JOB_RUN_OWNERS: readonly { table: string; column: string }[] = [
  { table: 'import_runs', column: 'job_run_id' },
  { table: 'indicator_snapshots', column: 'job_run_id' },
];

@Injectable()
export class JobRunsRepository {
  constructor(@InjectRepository(JobRun) private readonly runs: Repository<JobRun>) {}

  /**
   * Creates a queued run, or returns the run already waiting under the same name and key. The unique
   * pending_key makes this safe when two processes enqueue at the same moment.
   */
  async createOrJoinPending(
    name: string,
    businessKey: string,
    payload: unknown,
    requestedBy: number | null,
    runAfter: Date | null,
  ): Promise<{ run: JobRun; created: boolean }> {
    const pendingKey = `${name}:${businessKey}`;
    for (let attempt = 0; attempt < 3; attempt++) {
      const waiting = await this.runs.findOne({ where: { pendingKey } });
      if (waiting) return { run: waiting, created: false };
      try {
        const run = await this.runs.save(
          this.runs.create({
            name,
            businessKey,
            pendingKey,
            payload,
            status: JobStatus.Queued,
            progress: 0,
            attempts: 0,
            requestedBy,
            runAfter,
            result: null,
            error: null,
          }),
        );
        return { run, created: true };
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
      }
    }
    throw new Error(`Could not enqueue ${pendingKey}`);
  }

  findById(id: number): Promise<JobRun | null> {
    return this.runs.findOne({ where: { id } });
  }

  /** Claims the run for an attempt; false when it already finished (a replayed delivery). */
  async markRunning(id: number, attempt: number): Promise<boolean> {
    const result = await this.runs.update(
      { id, status: In([JobStatus.Queued, JobStatus.Retrying, JobStatus.Running]) },
      { status: JobStatus.Running, attempts: attempt, startedAt: new Date(), pendingKey: null, error: null },
    );
    return (result.affected ?? 0) > 0;
  }

  async markProgress(id: number, progress: number): Promise<void> {
    await this.runs.update({ id, status: JobStatus.Running }, { progress });
  }

  async markCompleted(id: number, result: JobResult | null): Promise<void> {
    await this.runs.update(
      { id },
      { status: JobStatus.Completed, progress: 100, result, finishedAt: new Date() },
    );
  }

  async markRetrying(id: number, error: string): Promise<void> {
    await this.runs.update({ id }, { status: JobStatus.Retrying, error });
  }

  async markFailed(id: number, error: string): Promise<void> {
    await this.runs.update(
      { id },
      { status: JobStatus.Failed, error, finishedAt: new Date(), pendingKey: null },
    );
  }

  /** Runs left unfinished, e.g. by a process that stopped; the adapters hand them out again. */
  findUnfinished(statuses: JobStatus[], createdBefore: Date): Promise<JobRun[]> {
    return this.runs.find({
      where: { status: In(statuses), createdAt: LessThan(createdBefore) },
      order: { id: 'ASC' },
      take: 1000,
    });
  }

  /**
   * Deletes up to `limit` runs that finished (COMPLETED or FAILED) before `before` and that no
   * owner (JOB_RUN_OWNERS) points at, oldest first; a run still queued, running or retrying is
   * never touched. Returns how many went.
   */
  async deleteFinishedBefore(before: Date, limit: number): Promise<number> {
    const finished = [JobStatus.Completed, JobStatus.Failed];
    const unowned = (alias: string) =>
      JOB_RUN_OWNERS.map(
        ({ table, column }) => `NOT EXISTS (SELECT 1 FROM ${table} o WHERE o.${column} = ${alias}.id)`,
      );
    const select = this.runs
      .createQueryBuilder('j')
      .select('j.id', 'id')
      .where('j.status IN (:...finished)', { finished })
      .andWhere('j.finished_at < :before', { before });
    for (const condition of unowned('j')) select.andWhere(condition);
    const ids = (await select.orderBy('j.finished_at', 'ASC').limit(limit).getRawMany<{ id: number }>()).map(
      (r) => Number(r.id),
    );
    if (ids.length === 0) return 0;
    // Owners again: a run that became owned between the two statements stays.
    const remove = this.runs
      .createQueryBuilder()
      .delete()
      .from(JobRun)
      .where('id IN (:...ids)', { ids })
      .andWhere('status IN (:...finished)', { finished });
    for (const condition of unowned('job_runs')) remove.andWhere(condition);
    return (await remove.execute()).affected ?? 0;
  }

  async page(page: number, size: number): Promise<[JobRun[], number]> {
    return this.runs.findAndCount({ order: { id: 'DESC' }, skip: (page - 1) * size, take: size });
  }
}
