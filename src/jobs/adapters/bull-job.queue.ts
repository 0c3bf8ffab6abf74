import { Logger, OnApplicationBootstrap } from '@nestjs/common';
import Bull from 'bull';
import { bullClient, RedisClient, RedisTarget } from '../../common/redis/redis-client';
import { JobRun, JobStatus } from '../entities/job-run.entity';
import { JobExecutor, MAX_ATTEMPTS } from '../job-executor';
import { JobName, JobPayloads } from '../job-names';
import { EnqueueOptions, JobQueue } from '../job-queue';
import { JobRunsRepository } from '../job-runs.repository';
import { WorkerHeartbeat } from '../worker-heartbeat';

export const QUEUE_NAME = 'hoctap';

/** A queued run this old that Redis may never have received is handed to Redis again (a no-op if it has it). */
const ORPHAN_AGE_MS = 60_000;
/** How often worker processes look for such runs when no stalled-job settings say otherwise. */
const ORPHAN_CHECK_MS = 30_000;

interface BullJobData {
  runId: number;
}

/** How a job held by a worker that died is handed out again (RedisConfig: JOB_LOCK_MS and the rest). */
export interface StalledJobSettings {
  lockMs: number;
  stalledCheckMs: number;
  maxStalled: number;
}

/**
 * Production queue on Redis. The web process only adds jobs; `npm run worker` processes them.
 * Bull's job id is derived from the business key and the run, so adding the same run twice
 * (e.g. when recovering after a crash) is a no-op.
 */
export class BullJobQueue extends JobQueue implements OnApplicationBootstrap {
  private readonly logger = new Logger(BullJobQueue.name);
  readonly queue: Bull.Queue<BullJobData>;
  private orphanSweep: NodeJS.Timeout | null = null;
  private readonly orphanCheckMs: number;

  /** Connections made for a cluster (Bull closes only those it made itself). */
  private readonly clients: RedisClient[] = [];

  constructor(
    redis: RedisTarget,
    prefix: string,
    private readonly runs: JobRunsRepository,
    private readonly executor: JobExecutor,
    private readonly processJobs: boolean,
    private readonly concurrency: number,
    stalled?: StalledJobSettings,
    private readonly heartbeat?: WorkerHeartbeat,
  ) {
    super();
    this.orphanCheckMs = stalled?.stalledCheckMs ?? ORPHAN_CHECK_MS;
    const options: Bull.QueueOptions = {
      prefix,
      settings: stalled
        ? {
            lockDuration: stalled.lockMs,
            stalledInterval: stalled.stalledCheckMs,
            maxStalledCount: stalled.maxStalled,
          }
        : undefined,
      defaultJobOptions: {
        attempts: MAX_ATTEMPTS,
        backoff: { type: 'exponential', delay: 2000 },
        removeOnComplete: 1000,
        removeOnFail: 5000,
      },
    };
    if (typeof redis === 'string') {
      this.queue = new Bull<BullJobData>(QUEUE_NAME, redis, options);
    } else {
      // A Redis Cluster: Bull connects through these; the prefix's hash tag (checked by the
      // configuration) keeps every key of the queue in one slot for its multi-key scripts.
      this.queue = new Bull<BullJobData>(QUEUE_NAME, {
        ...options,
        createClient: (type) => {
          const client = bullClient(redis, type);
          this.clients.push(client);
          return client as never;
        },
      });
    }
    this.queue.on('error', (error) => this.logger.error({ error: error.message }, 'queue error'));
  }

  async onApplicationBootstrap(): Promise<void> {
    if (!this.processJobs) return;
    // A job whose worker died too often is failed by Bull without reaching the executor: close its
    // run too, so that it does not show as running forever.
    this.queue.on('failed', (job: Bull.Job<BullJobData> | null, error: Error) => {
      if (!job || !/stalled/.test(error?.message ?? '')) return;
      void this.closeStalled(job.data.runId, error.message);
    });
    this.queue
      .process('*', this.concurrency, (job) => this.run(job))
      .catch((error: Error) => this.logger.error({ error: error.message }, 'queue stopped processing'));
    // Runs recorded but never handed to Redis (the process that enqueued them died in between, or
    // Redis lost them) are added again — at start and then all along, since later enqueues of the
    // same key join such a run instead of making a new one.
    await this.requeueOrphans();
    this.orphanSweep = setInterval(() => void this.requeueOrphans(), this.orphanCheckMs);
    this.orphanSweep.unref();
    // The web processes' pages and /health tell from this whether any worker is running.
    this.heartbeat?.start();
    this.logger.log(`processing jobs with concurrency ${this.concurrency}`);
  }

  private async run(job: Bull.Job<BullJobData>): Promise<void> {
    void this.heartbeat?.jobEvent(job.name, job.data.runId, 'taken');
    try {
      await this.executor.execute(job.data.runId, job.attemptsMade + 1);
    } finally {
      void this.heartbeat?.jobEvent(job.name, job.data.runId, 'finished');
    }
  }

  private async requeueOrphans(): Promise<void> {
    try {
      const orphans = await this.runs.findUnfinished(
        [JobStatus.Queued],
        new Date(Date.now() - ORPHAN_AGE_MS),
      );
      for (const run of orphans) await this.add(run);
    } catch (error) {
      this.logger.error(
        { error: (error as Error).message },
        'could not look for queued runs missing from Redis',
      );
    }
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
    if (created) await this.add(run, delayMs);
    return run;
  }

  async close(): Promise<void> {
    // A worker that is stopping takes no new job: the pages may say so at once.
    this.heartbeat?.stop();
    if (this.orphanSweep) clearInterval(this.orphanSweep);
    await this.queue.close();
    await Promise.all(this.clients.map((client) => client.quit().catch(() => client.disconnect())));
  }

  private async closeStalled(runId: number, reason: string): Promise<void> {
    try {
      const run = await this.runs.findById(runId);
      if (!run || run.isFinished) return;
      await this.runs.markFailed(runId, `interrupted too often: ${reason}`);
      this.logger.error({ job: run.name, runId }, 'job interrupted too often; marked failed');
    } catch (error) {
      this.logger.error({ runId, error: (error as Error).message }, 'could not close a stalled job run');
    }
  }

  private async add(run: JobRun, delayMs = 0): Promise<void> {
    await this.queue.add(
      run.name,
      { runId: run.id },
      { jobId: `${run.name}:${run.businessKey}:${run.id}`, delay: delayMs },
    );
  }
}
