import { Injectable, NotFoundException } from '@nestjs/common';
import { Actor } from '../common/access/actor';
import { Role } from '../common/access/roles';
import { JobRun } from './entities/job-run.entity';
import { JobRunsRepository } from './job-runs.repository';
import { WorkerHeartbeat } from './worker-heartbeat';

export interface JobRunView {
  id: number;
  name: string;
  status: string;
  progress: number;
  finished: boolean;
  result: JobRun['result'];
  error: string | null;
  createdAt: Date;
  finishedAt: Date | null;
  /** The run waits, and no worker process is running to take it (only with REDIS_URL). */
  noWorker?: boolean;
}

@Injectable()
export class JobRunsService {
  constructor(
    private readonly runs: JobRunsRepository,
    private readonly heartbeat: WorkerHeartbeat,
  ) {}

  /**
   * The person who started a job may watch it; system and federation admins may watch any. A run
   * still waiting says whether a worker is there to take it (progress bars show a notice if not).
   */
  async getForActor(actor: Actor, id: number): Promise<JobRunView> {
    const run = await this.runs.findById(id);
    if (!run || (run.requestedBy !== actor.userId && !actor.has(Role.SystemAdmin, Role.FederationAdmin))) {
      throw new NotFoundException();
    }
    const view = JobRunsService.view(run);
    return view.finished ? view : { ...view, noWorker: await this.heartbeat.noWorkerRunning() };
  }

  /** A page of runs, and whether runs wait with no worker to take them. */
  async page(page: number, size: number): Promise<{ items: JobRunView[]; total: number; noWorker: boolean }> {
    const [runs, total] = await this.runs.page(page, size);
    const items = runs.map(JobRunsService.view);
    const noWorker = items.some((run) => !run.finished) && (await this.heartbeat.noWorkerRunning());
    return { items, total, noWorker };
  }

  static view(run: JobRun): JobRunView {
    return {
      id: run.id,
      name: run.name,
      status: run.status,
      progress: run.progress,
      finished: run.isFinished,
      result: run.result,
      error: run.error,
      createdAt: run.createdAt,
      finishedAt: run.finishedAt,
    };
  }
}
