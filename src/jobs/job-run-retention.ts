import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { appConfig, AppConfig, redisConfig, RedisConfig } from '../config';
import { JobRunsRepository } from './job-runs.repository';

/** How often each process deletes old finished runs. */
export const SWEEP_EVERY_MS = 5 * 60_000;
/** Runs deleted per statement, and statements per sweep: a sweep never holds the table long. */
export const SWEEP_LIMITS = { batch: 1000, batches: 20 };

/**
 * Deletes finished job runs (COMPLETED or FAILED) older than JOB_RUN_RETENTION_DAYS: a learning
 * burst alone leaves one run per worker, millions a year at provincial scale. Runs still queued,
 * running or retrying stay, and so do the runs an import or a snapshot points at (JOB_RUN_OWNERS).
 * The pages of a deleted run (a roll-up's or a batch evaluation's progress page, /api/v1/jobs/:id)
 * answer 404 like any unknown run; what the run did stays in the snapshot, evaluations or records.
 * Every process sweeps every few minutes (twice is harmless); under NODE_ENV=test tests call sweep().
 */
@Injectable()
export class JobRunRetention implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Jobs');
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly runs: JobRunsRepository,
    @Inject(redisConfig.KEY) private readonly config: RedisConfig,
    @Inject(appConfig.KEY) private readonly app: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (this.app.env === 'test') return;
    this.timer = setInterval(() => {
      this.sweep().catch((error: Error) =>
        this.logger.warn({ error: error.message }, 'job run retention sweep failed'),
      );
    }, SWEEP_EVERY_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** Deletes at most batch × batches runs that are due; returns how many went. */
  async sweep(now = new Date(), limits = SWEEP_LIMITS): Promise<number> {
    const before = new Date(now.getTime() - this.config.jobRunRetentionDays * 86_400_000);
    let deleted = 0;
    for (let i = 0; i < limits.batches; i++) {
      const n = await this.runs.deleteFinishedBefore(before, limits.batch);
      deleted += n;
      if (n < limits.batch) break;
    }
    if (deleted > 0) this.logger.log({ event: 'job_runs_deleted', count: deleted });
    return deleted;
  }
}
