import Redis, { Cluster, RedisOptions } from 'ioredis';
import { RedisConfig, RedisNode } from '../../config';

/** One Redis server or a Redis Cluster: the commands hoctap sends work on either. */
export type RedisClient = Redis | Cluster;

/** Where Redis is: one server's URL, or the nodes of a cluster to start from. */
export type RedisTarget = string | { nodes: RedisNode[]; password?: string };

export function redisTarget(config: RedisConfig): RedisTarget | undefined {
  if (config.clusterNodes) return { nodes: config.clusterNodes, password: config.clusterPassword };
  return config.url;
}

/** A connection to the target with these options (for a cluster: the options of each node). */
export function connectRedis(target: RedisTarget, options: RedisOptions = {}): RedisClient {
  if (typeof target === 'string') return new Redis(target, options);
  return new Cluster(target.nodes, {
    // Bull's blocking and subscribing connections refuse a ready check, at node or cluster level.
    enableReadyCheck: options.enableReadyCheck ?? true,
    redisOptions: { ...options, ...(target.password ? { password: target.password } : {}) },
  });
}

/**
 * Bull's `createClient` for a cluster: its blocking (`bclient`) and pub/sub (`subscriber`)
 * connections must not retry commands or check readiness, as Bull checks.
 */
export function bullClient(target: RedisTarget, type: 'client' | 'subscriber' | 'bclient'): RedisClient {
  return type === 'client'
    ? connectRedis(target)
    : connectRedis(target, { maxRetriesPerRequest: null, enableReadyCheck: false });
}
