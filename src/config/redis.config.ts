import { registerAs } from '@nestjs/config';
import { ConfigError, Env, int, optionalStr, readEnv, str, url } from './env';

/** A node of a Redis Cluster to start from; the client learns the others from it. */
export interface RedisNode {
  host: string;
  port: number;
}

export interface RedisConfig {
  /** Undefined in the embedded default: jobs then run in-process and sessions live in the database. */
  url?: string;
  /**
   * A Redis Cluster instead of one server (REDIS_CLUSTER_NODES); then `url` is unset. Bull needs
   * every key of a queue in one hash slot, so QUEUE_PREFIX is then a hash tag such as `{hoctap}`.
   */
  clusterNodes?: RedisNode[];
  /** The password of every node of the cluster (REDIS_CLUSTER_PASSWORD), if they ask for one. */
  clusterPassword?: string;
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

/** Redis is in use (one server or a cluster): jobs go to Bull and sessions to Redis. */
export function usesRedis(config: RedisConfig): boolean {
  return config.url !== undefined || config.clusterNodes !== undefined;
}

/**
 * Redis Cluster hashes only what is inside the first `{…}` of a key when there is one: a prefix
 * that starts its keys with a non-empty tag puts all of a queue's keys in one slot, which Bull's
 * multi-key scripts need.
 */
export function isHashTagged(prefix: string): boolean {
  return /^[^{]*\{[^}]+\}/.test(prefix);
}

function clusterNodes(env: Env): RedisNode[] | undefined {
  const value = optionalStr(env, 'REDIS_CLUSTER_NODES');
  if (value === undefined) return undefined;
  return value.split(',').map((entry) => {
    const match = /^([A-Za-z0-9.-]+|\[[0-9a-fA-F:]+\]):(\d{1,5})$/.exec(entry.trim());
    const port = Number(match?.[2]);
    if (!match || port < 1 || port > 65535) {
      throw new ConfigError(
        'REDIS_CLUSTER_NODES',
        `must be host:port pairs separated by commas (e.g. 10.0.0.1:6379,10.0.0.2:6379), got "${entry.trim()}"`,
      );
    }
    return { host: match[1].replace(/^\[|\]$/g, ''), port };
  });
}

export function parseRedisConfig(env: Env): RedisConfig {
  const redisUrl = url(env, 'REDIS_URL', ['redis', 'rediss'])?.toString();
  const nodes = clusterNodes(env);
  const queuePrefix = str(env, 'QUEUE_PREFIX', nodes ? '{hoctap}' : 'hoctap');
  if (nodes && redisUrl) {
    throw new ConfigError(
      'REDIS_CLUSTER_NODES',
      'cannot be set together with REDIS_URL: set REDIS_URL for one Redis server, REDIS_CLUSTER_NODES for a Redis Cluster',
    );
  }
  if (nodes && !isHashTagged(queuePrefix)) {
    throw new ConfigError(
      'QUEUE_PREFIX',
      `must be a hash tag such as {${queuePrefix.replace(/[{}]/g, '') || 'hoctap'}} when REDIS_CLUSTER_NODES is set ` +
        `(Bull needs every key of a queue in one hash slot of the cluster), got "${queuePrefix}"`,
    );
  }
  const clusterPassword = optionalStr(env, 'REDIS_CLUSTER_PASSWORD');
  return {
    url: redisUrl,
    ...(nodes ? { clusterNodes: nodes } : {}),
    ...(nodes && clusterPassword ? { clusterPassword } : {}),
    queuePrefix,
    jobConcurrency: int(env, 'JOB_CONCURRENCY', 2, { min: 1, max: 64 }),
    jobLockMs: int(env, 'JOB_LOCK_MS', 30_000, { min: 1_000, max: 3_600_000 }),
    jobStalledCheckMs: int(env, 'JOB_STALLED_CHECK_MS', 30_000, { min: 500, max: 3_600_000 }),
    jobMaxStalled: int(env, 'JOB_MAX_STALLED', 3, { min: 0, max: 1000 }),
    jobRunRetentionDays: int(env, 'JOB_RUN_RETENTION_DAYS', 30, { min: 1, max: 3650 }),
  };
}

export const redisConfig = registerAs('redis', (): RedisConfig => parseRedisConfig(readEnv()));
