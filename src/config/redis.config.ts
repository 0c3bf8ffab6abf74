import { registerAs } from '@nestjs/config';
import { Env, int, readEnv, str, url } from './env';

export interface RedisConfig {
  /** Undefined in the embedded default: jobs then run in-process and sessions live in the database. */
  url?: string;
  queuePrefix: string;
  jobConcurrency: number;
}

export function parseRedisConfig(env: Env): RedisConfig {
  return {
    url: url(env, 'REDIS_URL', ['redis', 'rediss'])?.toString(),
    queuePrefix: str(env, 'QUEUE_PREFIX', 'hoctap'),
    jobConcurrency: int(env, 'JOB_CONCURRENCY', 2, { min: 1, max: 64 }),
  };
}

export const redisConfig = registerAs('redis', (): RedisConfig => parseRedisConfig(readEnv()));
