import { Injectable, NotFoundException } from '@nestjs/common';
import { Actor } from '../common/access/actor';
import { Role } from '../common/access/roles';
import { JobRun } from './entities/job-run.entity';
import { JobRunsRepository } from './job-runs.repository';

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
}

@Injectable()
export class JobRunsService {
  constructor(private readonly runs: JobRunsRepository) {}

  /** The person who started a job may watch it; system and federation admins may watch any. */
  async getForActor(actor: Actor, id: number): Promise<JobRunView> {
    const run = await this.runs.findById(id);
    if (!run || (run.requestedBy !== actor.userId && !actor.has(Role.SystemAdmin, Role.FederationAdmin))) {
      throw new NotFoundException();
    }
    return JobRunsService.view(run);
  }

  async page(page: number, size: number): Promise<{ items: JobRunView[]; total: number }> {
    const [runs, total] = await this.runs.page(page, size);
    return { items: runs.map(JobRunsService.view), total };
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
