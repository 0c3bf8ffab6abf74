import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, LessThan, Repository } from 'typeorm';
import { isUniqueViolation } from '../database/unit-of-work';
import { JobResult, JobRun, JobStatus } from './entities/job-run.entity';

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

  async page(page: number, size: number): Promise<[JobRun[], number]> {
    return this.runs.findAndCount({ order: { id: 'DESC' }, skip: (page - 1) * size, take: size });
  }
}
