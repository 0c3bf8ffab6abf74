import { Logger, OnApplicationBootstrap } from '@nestjs/common';
import { JobRun, JobStatus } from '../entities/job-run.entity';
import { JobExecutor, MAX_ATTEMPTS } from '../job-executor';
import { JobName, JobPayloads } from '../job-names';
import { EnqueueOptions, JobQueue } from '../job-queue';
import { JobRunsRepository } from '../job-runs.repository';

/**
 * The embedded default's queue: runs jobs inside the web process with bounded concurrency,
 * retries with backoff, and picks up runs a previous process left unfinished.
 */
export class InProcessJobQueue extends JobQueue implements OnApplicationBootstrap {
  private readonly logger = new Logger(InProcessJobQueue.name);
  private readonly waiting: { runId: number; attempt: number }[] = [];
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly idleWaiters: (() => void)[] = [];
  private active = 0;
  private closed = false;

  constructor(
    private readonly runs: JobRunsRepository,
    private readonly executor: JobExecutor,
    private readonly concurrency: number,
    private readonly retryDelayMs = 1000,
  ) {
    super();
  }

  async onApplicationBootstrap(): Promise<void> {
    const leftOver = await this.runs.findUnfinished(
      [JobStatus.Queued, JobStatus.Running, JobStatus.Retrying],
      new Date(Date.now() + 1000),
    );
    for (const run of leftOver) this.schedule(run.id, run.attempts + 1, 0);
    if (leftOver.length > 0) this.logger.log(`resumed ${leftOver.length} unfinished job run(s)`);
  }

  async enqueue<N extends JobName>(
    name: N,
    payload: JobPayloads[N],
    options: EnqueueOptions,
  ): Promise<JobRun> {
    const delayMs = options.delayMs ?? 0;
    const { run, created } = await this.runs.createOrJoinPending(
      name,
      String(options.key),
      payload,
      options.requestedBy ?? null,
      delayMs > 0 ? new Date(Date.now() + delayMs) : null,
    );
    if (created) this.schedule(run.id, 1, delayMs);
    return run;
  }

  /** Resolves when nothing is waiting or running; tests use it instead of sleeping. */
  whenIdle(): Promise<void> {
    if (this.isIdle()) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  async close(): Promise<void> {
    this.closed = true;
    this.timers.forEach(clearTimeout);
    this.timers.clear();
    this.waiting.length = 0;
    while (this.active > 0) await new Promise((resolve) => setTimeout(resolve, 20));
  }

  private isIdle(): boolean {
    return this.active === 0 && this.waiting.length === 0 && this.timers.size === 0;
  }

  private schedule(runId: number, attempt: number, delayMs: number): void {
    if (this.closed) return;
    if (delayMs <= 0) {
      this.waiting.push({ runId, attempt });
      this.pump();
      return;
    }
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      this.schedule(runId, attempt, 0);
    }, delayMs);
    this.timers.add(timer);
  }

  private pump(): void {
    while (!this.closed && this.active < this.concurrency && this.waiting.length > 0) {
      const { runId, attempt } = this.waiting.shift()!;
      this.active++;
      this.executor
        // At debug: the web process's own log is about requests (JobExecutor.execute).
        .execute(runId, attempt, 'debug')
        .catch(() => {
          if (attempt < MAX_ATTEMPTS)
            this.schedule(runId, attempt + 1, this.retryDelayMs * 2 ** (attempt - 1));
        })
        .finally(() => {
          this.active--;
          this.pump();
          if (this.isIdle()) this.idleWaiters.splice(0).forEach((resolve) => resolve());
        });
    }
  }
}
