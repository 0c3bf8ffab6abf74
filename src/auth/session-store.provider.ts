import { Logger, Provider } from '@nestjs/common';
import { getRepositoryToken } from '@nestjs/typeorm';
import { RedisStore } from 'connect-redis';
import { TypeormStore } from 'connect-typeorm';
import type { Store } from 'express-session';
import { Repository } from 'typeorm';
import { appConfig, AppConfig } from '../config';
import type { RedisClient } from '../common/redis/redis-client';
import { REDIS_CLIENT } from '../common/redis/redis.module';
import { Session } from './entities/session.entity';
import { throttleTouches } from './session-touch';

export const SESSION_STORE = Symbol('SESSION_STORE');
const logger = new Logger('SessionStore');

/**
 * Server-side sessions: in Redis when it is configured (shared by every web process), otherwise in
 * the database (the embedded default). Either way a session can be destroyed at sign-out.
 */
export const sessionStoreProvider: Provider = {
  provide: SESSION_STORE,
  inject: [appConfig.KEY, REDIS_CLIENT, getRepositoryToken(Session)],
  useFactory: (config: AppConfig, redis: RedisClient | null, sessions: Repository<Session>): Store => {
    const ttlSeconds = config.sessionIdleMinutes * 60;
    // One key per session and single-key commands only, so a Redis Cluster needs no hash tag here.
    if (redis)
      return throttleTouches(new RedisStore({ client: redis, prefix: 'hoctap:sess:', ttl: ttlSeconds }));
    return throttleTouches(
      new TypeormStore({
        cleanupLimit: 2,
        // Two queries for the clean-up: MySQL and MariaDB refuse LIMIT inside an IN subquery.
        limitSubquery: false,
        ttl: ttlSeconds,
        // Report store errors to the request instead of crashing the process.
        onError: (_store, error) => logger.error({ error: error.message }, 'session store error'),
      }).connect(sessions),
    );
  },
};
