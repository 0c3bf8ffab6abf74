import { registerAs } from '@nestjs/config';
import { Env, int, readEnv, str, url } from './env';

export interface RedisConfig {
  /** Undefined in the embedded default: jobs then run in-process and sessions live in the database. */
  url?: string;
  queuePrefix: string;
  jobConcurrency: number;
  /**
   * How a job held by a worker that died (killed, out of memory, machine lost) is handed out again:
   * the worker's lock on it lapses after `jobLockMs`, workers look for such jobs every
   * `jobStalledCheckMs`, and a job interrupted more than `jobMaxStalled` times is failed.
   */
  jobLockMs: number;
  jobStalledCheckMs: number;
  jobMaxStalled: number;
  /** Days a finished job run (and its progress page) is kept; runs an import or snapshot shows stay. */
  jobRunRetentionDays: number;
}

export function parseRedisConfig(env: Env): RedisConfig {
  return {
    url: url(env, 'REDIS_URL', ['redis', 'rediss'])?.toString(),
    queuePrefix: str(env, 'QUEUE_PREFIX', 'hoctap'),
    jobConcurrency: int(env, 'JOB_CONCURRENCY', 2, { min: 1, max: 64 }),
    jobLockMs: int(env, 'JOB_LOCK_MS', 30_000, { min: 1_000, max: 3_600_000 }),
    jobStalledCheckMs: int(env, 'JOB_STALLED_CHECK_MS', 30_000, { min: 500, max: 3_600_000 }),
    jobMaxStalled: int(env, 'JOB_MAX_STALLED', 3, { min: 0, max: 1000 }),
    jobRunRetentionDays: int(env, 'JOB_RUN_RETENTION_DAYS', 30, { min: 1, max: 3650 }),
  };
}

export const redisConfig = registerAs('redis', (): RedisConfig => parseRedisConfig(readEnv()));
