import { Controller, Get, Inject } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  HealthCheck,
  HealthCheckService,
  HealthIndicatorService,
  TypeOrmHealthIndicator,
} from '@nestjs/terminus';
import { SkipThrottle } from '@nestjs/throttler';
import { Public } from '../common/access/access.decorators';
import type { RedisClient } from '../common/redis/redis-client';
import { REDIS_CLIENT } from '../common/redis/redis.module';
import { WorkerHeartbeat } from '../jobs/worker-heartbeat';

/**
 * Liveness and readiness for load balancers: the database and, when configured, Redis. With Redis,
 * `workers` also says whether a job process was alive lately (`ok`), when one last was (`seenAt`)
 * and the last job one took or finished. It never fails the check: a web process without workers
 * still serves every page, and a load balancer must not take it out for that. Monitoring watches
 * `details.workers.ok` instead.
 */
@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly db: TypeOrmHealthIndicator,
    private readonly indicators: HealthIndicatorService,
    @Inject(REDIS_CLIENT) private readonly redis: RedisClient | null,
    private readonly workers: WorkerHeartbeat,
  ) {}

  @Get()
  @Public()
  @SkipThrottle()
  @HealthCheck()
  check() {
    return this.health.check([
      () => this.db.pingCheck('database', { timeout: 3000 }),
      () => this.redisCheck(),
      ...(this.workers.watched ? [() => this.workersCheck()] : []),
    ]);
  }

  private async workersCheck() {
    const indicator = this.indicators.check('workers');
    try {
      return indicator.up({ ...(await this.workers.sighting()) });
    } catch (error) {
      // Redis is down: its own check fails the answer; nothing is known about the workers.
      return indicator.up({ ok: false, seenAt: null, lastJob: null, error: (error as Error).message });
    }
  }

  private async redisCheck() {
    const indicator = this.indicators.check('redis');
    if (!this.redis) return indicator.up({ mode: 'not configured: jobs run in-process' });
    try {
      await this.redis.ping();
      return indicator.up();
    } catch (error) {
      return indicator.down({ message: (error as Error).message });
    }
  }
}
