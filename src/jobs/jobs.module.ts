import { DynamicModule, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { redisTarget } from '../common/redis/redis-client';
import { redisConfig, RedisConfig } from '../config';
import { BullJobQueue } from './adapters/bull-job.queue';
import { InProcessJobQueue } from './adapters/in-process-job.queue';
import { JobRun } from './entities/job-run.entity';
import { JobExecutor } from './job-executor';
import { JobHandlersRegistry } from './job-handlers.registry';
import { JobRunRetention } from './job-run-retention';
import { JobQueue } from './job-queue';
import { JobRunsRepository } from './job-runs.repository';
import { JobRunsService } from './job-runs.service';
import { JobsController } from './jobs.controller';
import { WorkerHeartbeat } from './worker-heartbeat';

export type ProcessRole = 'web' | 'worker';

/**
 * The queue port for every domain. With REDIS_URL, jobs go to Bull and only the worker process
 * (`npm run worker`) runs them; without it, the web process runs them in-process.
 */
@Module({})
export class JobsModule {
  static forRoot(role: ProcessRole): DynamicModule {
    return {
      module: JobsModule,
      global: true,
      imports: [TypeOrmModule.forFeature([JobRun]), DiscoveryModule],
      controllers: [JobsController],
      providers: [
        JobRunsRepository,
        JobRunsService,
        JobExecutor,
        JobHandlersRegistry,
        JobRunRetention,
        WorkerHeartbeat,
        {
          provide: JobQueue,
          inject: [redisConfig.KEY, JobRunsRepository, JobExecutor, WorkerHeartbeat],
          useFactory: (
            config: RedisConfig,
            runs: JobRunsRepository,
            executor: JobExecutor,
            heartbeat: WorkerHeartbeat,
          ): JobQueue => {
            const target = redisTarget(config);
            if (target) {
              return new BullJobQueue(
                target,
                config.queuePrefix,
                runs,
                executor,
                role === 'worker',
                config.jobConcurrency,
                {
                  lockMs: config.jobLockMs,
                  stalledCheckMs: config.jobStalledCheckMs,
                  maxStalled: config.jobMaxStalled,
                },
                heartbeat,
              );
            }
            if (role === 'worker') {
              throw new Error(
                'npm run worker needs REDIS_URL or REDIS_CLUSTER_NODES; without Redis the web process runs jobs itself.',
              );
            }
            return new InProcessJobQueue(runs, executor, config.jobConcurrency);
          },
        },
      ],
      exports: [JobQueue, JobRunsService, WorkerHeartbeat],
    };
  }
}
