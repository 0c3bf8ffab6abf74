import { Injectable, Logger } from '@nestjs/common';
import { JobStatus } from './entities/job-run.entity';
import { JobContext } from './job-handler.decorator';
import { JobHandlersRegistry } from './job-handlers.registry';
import { JobRunsRepository } from './job-runs.repository';

export const MAX_ATTEMPTS = 3;

/**
 * Runs one attempt of a job run through its handler and records the outcome. Both queue adapters
 * call this, so a job behaves the same under Bull and in-process. Delivery is at-least-once:
 * a run that already completed is skipped, and handlers are written to be safe to run twice.
 */
@Injectable()
export class JobExecutor {
  private readonly logger = new Logger(JobExecutor.name);

  constructor(
    private readonly runs: JobRunsRepository,
    private readonly handlers: JobHandlersRegistry,
  ) {}

  async execute(runId: number, attempt: number): Promise<void> {
    const run = await this.runs.findById(runId);
    if (!run || run.status === JobStatus.Completed || run.status === JobStatus.Failed) return;
    if (!(await this.runs.markRunning(runId, attempt))) return;
    const handler = this.handlers.get(run.name);
    let lastProgress = 0;
    let lastWrite = 0;
    const context: JobContext = {
      runId,
      attempt,
      progress: async (percent: number) => {
        const value = Math.max(0, Math.min(99, Math.floor(percent)));
        const now = Date.now();
        if (value <= lastProgress || now - lastWrite < 250) return;
        lastProgress = value;
        lastWrite = now;
        await this.runs.markProgress(runId, value);
      },
    };
    try {
      const result = await handler(run.payload as never, context);
      await this.runs.markCompleted(runId, result ?? null);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.logger.warn({ job: run.name, runId, attempt, error: message }, 'job attempt failed');
      if (attempt < MAX_ATTEMPTS) await this.runs.markRetrying(runId, message);
      else await this.runs.markFailed(runId, message);
      throw error;
    }
  }
}
