import { INestApplication, Injectable } from '@nestjs/common';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { TestingModuleBuilder } from '@nestjs/testing';
import { createConnection } from 'mysql2/promise';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { parseDatabaseConfig } from '../../src/config/database.config';
import { createDataSource } from '../../src/database/data-source';
import { BullJobQueue } from '../../src/jobs/adapters/bull-job.queue';
import { InProcessJobQueue } from '../../src/jobs/adapters/in-process-job.queue';
import { JobRun, JobStatus } from '../../src/jobs/entities/job-run.entity';
import { JobContext, JobHandler } from '../../src/jobs/job-handler.decorator';
import { JobHandlersRegistry } from '../../src/jobs/job-handlers.registry';
import { JOB_NAMES } from '../../src/jobs/job-names';
import { JobQueue } from '../../src/jobs/job-queue';
import { JobRunsRepository } from '../../src/jobs/job-runs.repository';
import { WorkerHeartbeat } from '../../src/jobs/worker-heartbeat';
import { eventually } from '../support/eventually';
import { MYSQL_ROOT_URL, mysqlUrl, TEST_DATABASE } from '../support/services';
import { createTestApp } from '../support/test-app';

/**
 * The queue port under both adapters: in-process (the embedded default, on SQLite) and Bull (a
 * 'web' app enqueues, a 'worker' app processes, on MySQL and Redis). The same handlers, the same
 * expectations. Outcomes are awaited on job_runs (support/eventually.ts), never by sleeping.
 */

const TEST_JOBS = ['test.echo', 'test.hold', 'test.fail'] as const;
type TestJob = (typeof TEST_JOBS)[number];
interface Payload {
  tag: string;
}

/** What the handlers saw, by payload tag; shared by every app in this process, a worker included. */
const calls = new Map<string, { attempt: number; at: number }[]>();
const gates = new Map<string, { opened: Promise<void>; open: () => void }>();

function record(tag: string, context: JobContext): void {
  calls.set(tag, [...(calls.get(tag) ?? []), { attempt: context.attempt, at: Date.now() }]);
}

/** A gate a 'test.hold' job waits at until the test opens it. */
function gate(tag: string): { open: () => void } {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  gates.set(tag, { opened, open });
  return { open };
}

@Injectable()
class TestJobHandlers {
  @JobHandler('test.echo' as never)
  async echo(payload: Payload, context: JobContext) {
    record(payload.tag, context);
    await context.progress(50);
    return { echoed: payload.tag };
  }

  @JobHandler('test.hold' as never)
  async hold(payload: Payload, context: JobContext) {
    record(payload.tag, context);
    await context.progress(40);
    await gates.get(payload.tag)?.opened;
    return { held: payload.tag };
  }

  @JobHandler('test.fail' as never)
  async fail(payload: Payload, context: JobContext): Promise<never> {
    record(payload.tag, context);
    throw new Error(`boom ${payload.tag}`);
  }
}

/** The app's own handlers and the test ones; `unhandled` names jobs that must have a handler but have none. */
function withTestJobs(unhandled: string[] = []) {
  return {
    providers: [TestJobHandlers],
    override: (builder: TestingModuleBuilder) =>
      builder.overrideProvider(JobHandlersRegistry).useFactory({
        inject: [DiscoveryService, MetadataScanner, Reflector],
        factory: (discovery: DiscoveryService, scanner: MetadataScanner, reflector: Reflector) =>
          new JobHandlersRegistry(discovery, scanner, reflector, [...JOB_NAMES, ...TEST_JOBS, ...unhandled]),
      }),
  };
}

function enqueue(queue: JobQueue, name: TestJob, tag: string): Promise<JobRun> {
  return queue.enqueue(name as never, { tag } as never, { key: tag });
}

const finished = (run: JobRun) => run.status === JobStatus.Completed || run.status === JobStatus.Failed;

function waitForRun(
  runs: JobRunsRepository,
  id: number,
  reached: (run: JobRun) => boolean,
  what: string,
  timeoutMs = 30_000,
): Promise<JobRun> {
  return eventually(`job run ${id} to reach ${what}`, () => runs.findById(id), {
    until: (run) => run !== null && reached(run),
    timeoutMs,
  });
}

interface Adapter {
  /** The app that enqueues. */
  enqueuer: INestApplication;
  /** Smallest delay before the first retry. */
  firstRetryDelayMs: number;
  /** Starts one more job-processing app on the same database (and Redis). */
  startProcessor(options?: { unhandled?: string[] }): Promise<INestApplication>;
  /** Resolves when the adapter holds no waiting, delayed or running job. */
  settled(): Promise<void>;
  close(): Promise<void>;
}

describe.each([
  ['in-process (SQLite, no Redis)', startInProcess],
  ['Bull (MySQL + Redis, web enqueues, worker processes)', startBull],
])('job queue: %s', (_name, start: () => Promise<Adapter>) => {
  let adapter: Adapter;
  let queue: JobQueue;
  let runs: JobRunsRepository;
  const extraApps: INestApplication[] = [];
  const tag = (name: string) => `${name}-${_name.split(' ')[0]}`;
  const jobRuns = () => adapter.enqueuer.get(DataSource).getRepository(JobRun);

  beforeAll(async () => {
    adapter = await start();
    queue = adapter.enqueuer.get(JobQueue);
    runs = adapter.enqueuer.get(JobRunsRepository);
  });

  afterAll(async () => {
    gates.forEach((g) => g.open());
    for (const app of extraApps) await app.close();
    await adapter?.close();
  });

  it('runs a job once, records its progress and result, and joins a second enqueue of the same key while it waits', async () => {
    // One slot (JOB_CONCURRENCY=1): while the held job runs, the next one has to wait in the queue.
    const hold = gate(tag('hold'));
    const held = await enqueue(queue, 'test.hold', tag('hold'));
    const running = await waitForRun(runs, held.id, (r) => r.progress === 40, 'progress 40');
    expect(running.status).toBe(JobStatus.Running);
    expect(running.attempts).toBe(1);

    const first = await enqueue(queue, 'test.echo', tag('echo'));
    const second = await enqueue(queue, 'test.echo', tag('echo'));
    expect(first.status).toBe(JobStatus.Queued);
    expect(second.id).toBe(first.id);

    hold.open();
    const echoed = await waitForRun(runs, first.id, finished, 'an end');
    expect(echoed).toMatchObject({
      status: JobStatus.Completed,
      progress: 100,
      attempts: 1,
      result: { echoed: tag('echo') },
      error: null,
      pendingKey: null,
    });
    expect(echoed.finishedAt).toBeInstanceOf(Date);
    expect(await waitForRun(runs, held.id, finished, 'an end')).toMatchObject({
      status: JobStatus.Completed,
      result: { held: tag('hold') },
    });

    await adapter.settled();
    expect(calls.get(tag('echo'))).toHaveLength(1);
    expect(calls.get(tag('hold'))).toHaveLength(1);
    expect(await jobRuns().count({ where: { name: 'test.echo', businessKey: tag('echo') } })).toBe(1);
  });

  it('retries a failing job with growing backoff and records it FAILED with its error after three attempts', async () => {
    const run = await enqueue(queue, 'test.fail', tag('fail'));
    const failed = await waitForRun(runs, run.id, finished, 'an end', 45_000);
    expect(failed).toMatchObject({
      status: JobStatus.Failed,
      attempts: 3,
      error: `boom ${tag('fail')}`,
      pendingKey: null,
    });
    expect(failed.finishedAt).toBeInstanceOf(Date);

    await adapter.settled();
    const attempts = calls.get(tag('fail')) ?? [];
    expect(attempts.map((a) => a.attempt)).toEqual([1, 2, 3]);
    // Lower bounds only: a retry can never come before its backoff, however slow the machine.
    const delay = adapter.firstRetryDelayMs * 0.9;
    expect(attempts[1].at - attempts[0].at).toBeGreaterThanOrEqual(delay);
    expect(attempts[2].at - attempts[1].at).toBeGreaterThanOrEqual(2 * delay);
  });

  it('picks up a run left QUEUED (recorded, never handed to the queue) when a worker starts', async () => {
    const { run } = await runs.createOrJoinPending(
      'test.echo',
      tag('orphan'),
      { tag: tag('orphan') },
      null,
      null,
    );
    // As if the process that recorded it had stopped a while ago.
    await jobRuns().update({ id: run.id }, { createdAt: new Date(Date.now() - 5 * 60_000) });
    expect((await runs.findById(run.id))?.status).toBe(JobStatus.Queued);

    extraApps.push(await adapter.startProcessor());
    const done = await waitForRun(runs, run.id, finished, 'an end');
    expect(done).toMatchObject({ status: JobStatus.Completed, result: { echoed: tag('orphan') } });
    await adapter.settled();
    expect(calls.get(tag('orphan'))).toHaveLength(1);
  });

  it('refuses to start when a job name has no handler, and says which', async () => {
    await expect(adapter.startProcessor({ unhandled: ['test.unhandled'] })).rejects.toThrow(
      'No handler registered for job(s): test.unhandled',
    );
  });
});

describe('job queue: Bull, a run that never reached Redis', () => {
  let adapter: Adapter;

  beforeAll(async () => {
    adapter = await startBull();
  });

  afterAll(async () => {
    await adapter?.close();
  });

  it('is handed to Redis by the worker already running, and a later enqueue of its key joins it', async () => {
    const runs = adapter.enqueuer.get(JobRunsRepository);
    const key = 'orphan-while-running';
    // Recorded by a process that died before handing it to Redis, a while ago.
    const { run } = await runs.createOrJoinPending('test.echo', key, { tag: key }, null, null);
    await adapter.enqueuer
      .get(DataSource)
      .getRepository(JobRun)
      .update({ id: run.id }, { createdAt: new Date(Date.now() - 5 * 60_000) });
    // Without the sweep this would join the dead run and wait for ever.
    const joined = await enqueue(adapter.enqueuer.get(JobQueue), 'test.echo', key);
    expect(joined.id).toBe(run.id);

    const done = await waitForRun(runs, run.id, finished, 'an end');
    expect(done).toMatchObject({ status: JobStatus.Completed, result: { echoed: key } });
    await adapter.settled();
    expect(calls.get(key)).toHaveLength(1);
  });

  it('lets the web process see the worker: alive lately, and the last job it took and finished', async () => {
    const heartbeat = adapter.enqueuer.get(WorkerHeartbeat);
    const run = await enqueue(adapter.enqueuer.get(JobQueue), 'test.echo', 'seen-by-the-web');
    const sighting = await eventually('the worker to report the job finished', () => heartbeat.sighting(), {
      until: (seen) => seen?.lastJob?.runId === run.id && seen.lastJob.event === 'finished',
    });
    expect(sighting).toMatchObject({ ok: true, seenAt: expect.any(String), lastJob: { job: 'test.echo' } });
    expect(await heartbeat.noWorkerRunning()).toBe(false);
  });
});

async function startInProcess(): Promise<Adapter> {
  const env = {
    DATA_DIR: mkdtempSync(join(tmpdir(), 'hoctap-jobs-')),
    SEED_DEMO: 'false',
    JOB_CONCURRENCY: '1',
  };
  const boot = (unhandled: string[] = []) =>
    createTestApp({ database: 'sqlite', env, ...withTestJobs(unhandled) });
  const enqueuer = await boot();
  const processors: INestApplication[] = [];
  return {
    enqueuer,
    firstRetryDelayMs: 1000,
    startProcessor: async ({ unhandled } = {}) => {
      const app = await boot(unhandled);
      processors.push(app);
      return app;
    },
    settled: async () => {
      for (const app of [enqueuer, ...processors]) await (app.get(JobQueue) as InProcessJobQueue).whenIdle();
    },
    close: () => enqueuer.close(),
  };
}

/**
 * Bull tests get a database of their own: a worker starting up recovers every old QUEUED run it finds.
 * Named after TEST_DATABASE, so that test runs given different databases do not drop each other's.
 */
const BULL_DATABASE = `${TEST_DATABASE}_jobs`;

async function startBull(): Promise<Adapter> {
  const connection = await createConnection(MYSQL_ROOT_URL);
  await connection.query(`DROP DATABASE IF EXISTS \`${BULL_DATABASE}\``);
  await connection.query(
    `CREATE DATABASE \`${BULL_DATABASE}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`,
  );
  await connection.end();
  const dataSource = createDataSource(parseDatabaseConfig({ DATABASE_URL: mysqlUrl(BULL_DATABASE) }));
  await dataSource.initialize();
  await dataSource.runMigrations({ transaction: 'each' });
  await dataSource.destroy();

  // Workers look for queued runs missing from Redis every JOB_STALLED_CHECK_MS: often, here.
  const env = { DATABASE_URL: mysqlUrl(BULL_DATABASE), JOB_CONCURRENCY: '1', JOB_STALLED_CHECK_MS: '500' };
  const boot = (role: 'web' | 'worker', unhandled: string[] = []) =>
    createTestApp({ database: 'mysql', redis: true, role, env, ...withTestJobs(unhandled) });
  const enqueuer = await boot('web');
  const worker = await boot('worker');
  const bull = (enqueuer.get(JobQueue) as BullJobQueue).queue;
  return {
    enqueuer,
    firstRetryDelayMs: 2000,
    startProcessor: ({ unhandled } = {}) => boot('worker', unhandled),
    settled: async () => {
      await eventually(
        'the Bull queue to hold no waiting, delayed or active job',
        () => bull.getJobCounts(),
        {
          until: (counts) => counts.active + counts.waiting + counts.delayed === 0,
        },
      );
    },
    close: async () => {
      await worker.close();
      await bull.obliterate({ force: true });
      await enqueuer.close();
    },
  };
}
