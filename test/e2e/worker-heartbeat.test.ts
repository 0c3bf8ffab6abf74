import { INestApplication } from '@nestjs/common';
import type Redis from 'ioredis';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { REDIS_CLIENT } from '../../src/common/redis/redis.module';
import { todayInVietnam } from '../../src/common/time/vietnam-time';
import { BullJobQueue } from '../../src/jobs/adapters/bull-job.queue';
import { JobQueue } from '../../src/jobs/job-queue';
import { WorkerHeartbeat } from '../../src/jobs/worker-heartbeat';
import { Browser, createTestApp, TEST_QUEUE_PREFIX } from '../support/test-app';

/**
 * Issue 12, item 6. With REDIS_URL only `npm run worker` runs jobs: a web process with no worker
 * alive says so on /health (without failing it) and on the pages of a waiting job. This web
 * process has no worker beside it (its queue prefix is its own); `beat()` is what a worker's
 * heartbeat writes.
 */
const NOTICE = 'Chưa có tiến trình xử lý nào đang chạy';

describe('worker heartbeat (e2e, Redis)', () => {
  let app: INestApplication;
  let admin: Browser;
  let sysadmin: Browser;
  let rollupPage: string;
  let runId: number;

  beforeAll(async () => {
    app = await createTestApp({ database: 'sqlite', redis: true });
    admin = new Browser(app);
    await admin.login('liendoan');
    sysadmin = new Browser(app);
    await sysadmin.login('admin');
  });

  afterAll(async () => {
    await (app?.get(JobQueue) as BullJobQueue | undefined)?.queue.obliterate({ force: true });
    const redis = app?.get<Redis>(REDIS_CLIENT);
    const keys = await redis?.keys(`${TEST_QUEUE_PREFIX}:workers:*`);
    if (keys?.length) await redis!.del(...keys);
    await app?.close();
  });

  const health = async () => {
    const res = await request(app.getHttpServer()).get('/health');
    expect(res.status).toBe(200);
    return res.body.details.workers;
  };

  it('reports on /health that no worker has been seen, without failing the check', async () => {
    expect(await health()).toEqual({ status: 'up', ok: false, seenAt: null, lastJob: null });
  });

  it('tells the person waiting for a job, the API and the jobs page that no worker is running', async () => {
    const [{ id: planId }] = await app.get(DataSource).query('SELECT id FROM plans ORDER BY id LIMIT 1');
    await admin.get('/indicators/rollups/new');
    const res = await admin.submit('/indicators/rollups', { planId, asOf: todayInVietnam() });
    expect(res.status).toBe(303);
    rollupPage = res.headers.location as string;
    runId = Number(rollupPage.split('/').pop());

    const page = await admin.get(rollupPage);
    expect(page.status).toBe(200);
    expect(page.text).toMatch(new RegExp(`data-role="no-worker">${NOTICE}`));
    const api = await admin.agent.get(`/api/v1/jobs/${runId}`).set('Accept', 'application/json');
    expect(api.body).toMatchObject({ id: runId, status: 'QUEUED', finished: false, noWorker: true });
    expect((await sysadmin.get('/admin/jobs')).text).toContain(NOTICE);
  });

  it('stops warning once a worker beats, and /health says when it was seen', async () => {
    await app.get(WorkerHeartbeat).jobEvent('indicators.rollup', runId, 'taken');
    expect(await health()).toEqual({
      status: 'up',
      ok: true,
      seenAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      lastJob: { at: expect.any(String), job: 'indicators.rollup', runId, event: 'taken' },
    });
    // The notice stays in the page, hidden, for the progress bar's script to show if it comes to that.
    expect((await admin.get(rollupPage)).text).toMatch(/data-role="no-worker" hidden>/);
    const api = await admin.agent.get(`/api/v1/jobs/${runId}`).set('Accept', 'application/json');
    expect(api.body.noWorker).toBe(false);
    expect((await sysadmin.get('/admin/jobs')).text).not.toContain(NOTICE);
  });
});

describe('worker heartbeat without Redis (e2e)', () => {
  let app: INestApplication;

  beforeAll(async () => {
    app = await createTestApp({ database: 'sqlite' });
  });

  afterAll(() => app?.close());

  it('has nothing to report: the web process runs jobs itself', async () => {
    const res = await request(app.getHttpServer()).get('/health');
    expect(res.status).toBe(200);
    expect(res.body.details).not.toHaveProperty('workers');
    expect(res.body.details.redis).toMatchObject({
      status: 'up',
      mode: 'not configured: jobs run in-process',
    });
  });
});
