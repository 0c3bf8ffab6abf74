import { OnApplicationShutdown } from '@nestjs/common';
import { JobName, JobPayloads } from './job-names';
import { JobRun } from './entities/job-run.entity';

export interface EnqueueOptions {
  /** The business key (e.g. the import id); with the job name it deduplicates waiting runs. */
  key: string | number;
  /** Who asked for it; they may watch its progress. */
  requestedBy?: number | null;
  /** Wait before running; further enqueues with the same key meanwhile join this run (debounce). */
  delayMs?: number;
}

/**
 * The queue port every domain uses. Two adapters implement it: Bull on Redis (production, jobs run
 * in `npm run worker`) and in-process (the embedded default). Both run the very same handlers.
 */
export abstract class JobQueue implements OnApplicationShutdown {
  abstract enqueue<N extends JobName>(
    name: N,
    payload: JobPayloads[N],
    options: EnqueueOptions,
  ): Promise<JobRun>;
  /** Waits for queued work to stop and releases connections. */
  abstract close(): Promise<void>;

  async onApplicationShutdown(): Promise<void> {
    await this.close();
  }
}
