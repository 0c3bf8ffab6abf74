import { Inject, Injectable, Logger } from '@nestjs/common';
import type { RedisClient } from '../common/redis/redis-client';
import { REDIS_CLIENT } from '../common/redis/redis.module';
import { redisConfig, RedisConfig } from '../config';

/** How often a worker process says it is alive, and how long without a word it counts as gone. */
export const BEAT_EVERY_MS = 10_000;
export const GONE_AFTER_MS = 3 * BEAT_EVERY_MS;
/** The last sighting and the last job stay readable this long after the last worker stopped. */
const REMEMBER_S = 7 * 24 * 3600;

/** The last job a worker took or finished. */
export interface LastJob {
  at: string;
  job: string;
  runId: number;
  event: 'taken' | 'finished';
}

/** What /health and the progress pages know about the worker processes (Redis mode only). */
export interface WorkerSighting {
  /** A worker said it was alive within GONE_AFTER_MS. */
  ok: boolean;
  /** When a worker last said so (ISO 8601), or null if none ever did in the last week. */
  seenAt: string | null;
  lastJob: LastJob | null;
}

/**
 * Whether any worker process is running, for a web process that cannot see them. With REDIS_URL,
 * jobs run only in `npm run worker`: each worker writes under the queue prefix, every
 * BEAT_EVERY_MS and whenever it takes or finishes a job, a key that lapses after GONE_AFTER_MS
 * (so "some worker is alive" is just "the key exists", whatever the clocks of the machines say),
 * the time of that beat and the last job. Without Redis the web process runs jobs itself and there
 * is nothing to watch. Writing never fails a job: a lost beat only makes the pages warn early.
 */
@Injectable()
export class WorkerHeartbeat {
  private readonly logger = new Logger(WorkerHeartbeat.name);
  private timer: NodeJS.Timeout | null = null;
  private readonly keys: { alive: string; seen: string; lastJob: string };

  constructor(
    @Inject(REDIS_CLIENT) private readonly redis: RedisClient | null,
    @Inject(redisConfig.KEY) config: RedisConfig,
  ) {
    // Under the queue prefix: on a Redis Cluster its hash tag keeps the three keys in one slot, as
    // the MULTI and MGET below need.
    const base = `${config.queuePrefix}:workers`;
    this.keys = { alive: `${base}:alive`, seen: `${base}:seen`, lastJob: `${base}:last-job` };
  }

  /** Jobs run in a separate process that is worth watching. */
  get watched(): boolean {
    return this.redis !== null;
  }

  /** Worker side: beats now and every BEAT_EVERY_MS until stopped (BullJobQueue.close). */
  start(): void {
    if (!this.redis || this.timer) return;
    void this.beat();
    this.timer = setInterval(() => void this.beat(), BEAT_EVERY_MS);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  async beat(job?: Omit<LastJob, 'at'>): Promise<void> {
    if (!this.redis) return;
    const at = new Date().toISOString();
    const write = this.redis
      .multi()
      .set(this.keys.alive, at, 'PX', GONE_AFTER_MS)
      .set(this.keys.seen, at, 'EX', REMEMBER_S);
    if (job) write.set(this.keys.lastJob, JSON.stringify({ at, ...job }), 'EX', REMEMBER_S);
    try {
      await write.exec();
    } catch (error) {
      this.logger.warn({ error: (error as Error).message }, 'could not record the worker heartbeat');
    }
  }

  /** Worker side: a job was taken from the queue, or finished (whatever its outcome). */
  jobEvent(job: string, runId: number, event: LastJob['event']): Promise<void> {
    return this.beat({ job, runId, event });
  }

  /** Web side: null without Redis (jobs run in this process). Throws when Redis does not answer. */
  async sighting(): Promise<WorkerSighting | null> {
    if (!this.redis) return null;
    const [alive, seen, lastJob] = await this.redis.mget(this.keys.alive, this.keys.seen, this.keys.lastJob);
    return { ok: alive !== null, seenAt: seen, lastJob: lastJob ? (JSON.parse(lastJob) as LastJob) : null };
  }

  /**
   * For pages showing a waiting job: true when jobs run in worker processes and none has been
   * alive lately. An unanswering Redis says nothing here (health reports it).
   */
  async noWorkerRunning(): Promise<boolean> {
    if (!this.redis) return false;
    try {
      return (await this.redis.exists(this.keys.alive)) === 0;
    } catch {
      return false;
    }
  }
}
