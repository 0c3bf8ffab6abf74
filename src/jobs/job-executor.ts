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

  /**
   * One attempt, logged as two lines: "job started" with the job, run and attempt, and "job
   * finished" with the same, its duration in ms and its outcome, the status the run is left in
   * (COMPLETED, RETRYING or FAILED) and the error if any (then at level warn). `level` is info in
   * the worker process; the web process running jobs itself (no Redis) logs them at debug, so that
   * the jobs of a first start's demo data do not bury the address it prints.
   */
  async execute(runId: number, attempt: number, level: 'log' | 'debug' = 'log'): Promise<void> {
    const run = await this.runs.findById(runId);
    if (!run || run.status === JobStatus.Completed || run.status === JobStatus.Failed) {
      this.logger.debug({ runId, attempt }, 'job skipped: already finished');
      return;
    }
    if (!(await this.runs.markRunning(runId, attempt))) {
      this.logger.debug({ job: run.name, runId, attempt }, 'job skipped: another attempt holds it');
      return;
    }
    const handler = this.handlers.get(run.name);
    const job = { job: run.name, runId, attempt };
    const started = Date.now();
    this.logger[level](job, 'job started');
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
      this.logger[level](
        { ...job, durationMs: Date.now() - started, outcome: JobStatus.Completed },
        'job finished',
      );
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const outcome = attempt < MAX_ATTEMPTS ? JobStatus.Retrying : JobStatus.Failed;
      this.logger.warn({ ...job, durationMs: Date.now() - started, outcome, error: message }, 'job finished');
      if (outcome === JobStatus.Retrying) await this.runs.markRetrying(runId, message);
      else await this.runs.markFailed(runId, message);
      throw error;
    }
  }
}
