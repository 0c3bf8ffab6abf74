import { Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { redisConfig, RedisConfig } from '../../config';
import { connectRedis, RedisClient, redisTarget } from './redis-client';

export const REDIS_CLIENT = Symbol('REDIS_CLIENT');

/** One shared Redis connection (sessions, health), to a server or a cluster, or null in the embedded default. */
@Global()
@Module({
  providers: [
    {
      provide: REDIS_CLIENT,
      inject: [redisConfig.KEY],
      useFactory: (config: RedisConfig): RedisClient | null => {
        const target = redisTarget(config);
        return target ? connectRedis(target, { maxRetriesPerRequest: 3 }) : null;
      },
    },
  ],
  exports: [REDIS_CLIENT],
})
export class RedisModule implements OnApplicationShutdown {
  constructor(@Inject(REDIS_CLIENT) private readonly redis: RedisClient | null) {}

  async onApplicationShutdown(): Promise<void> {
    await this.redis?.quit().catch(() => undefined);
  }
}
