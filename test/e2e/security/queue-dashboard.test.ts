import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { BullJobQueue } from '../../../src/jobs/adapters/bull-job.queue';
import { JobQueue } from '../../../src/jobs/job-queue';
import { Caller, signIn } from '../../support/security-input-callers';
import { createTestApp } from '../../support/test-app';

/**
 * Issue 9, item 2. Bull's dashboard is mounted on Express before Nest's middleware (so before
 * CsrfMiddleware and AccessGuard). Every state-changing call of its API must carry the session's
 * CSRF token, and only a system admin may use it at all. Its own script sends the token as the
 * `X-XSRF-TOKEN` header copied from the `XSRF-TOKEN` cookie the dashboard hands out.
 */
const QUEUE_DASHBOARD = '/admin/queues';

describe('queue dashboard (e2e, Redis)', () => {
  let app: INestApplication;
  let queue: BullJobQueue;
  let admin: Caller;
  let officer: Caller;
  const api = `${QUEUE_DASHBOARD}/api/queues`;

  beforeAll(async () => {
    app = await createTestApp({ database: 'sqlite', redis: true });
    queue = app.get(JobQueue) as BullJobQueue;
    admin = await signIn(app, 'admin');
    officer = await signIn(app, 'congdoan.tamphat');
  });

  afterAll(async () => {
    await queue?.queue.resume().catch(() => undefined);
    await app?.close();
  });

  /** What the dashboard's calls could change: paused or not, and how many jobs in each state. */
  async function queueState() {
    return { paused: await queue.queue.isPaused(), counts: await queue.queue.getJobCounts() };
  }

  /** Every state-changing call the dashboard's script makes, with a body where it takes one. */
  const CALLS: ['put' | 'post', string, object?][] = [
    ['put', `${api}/hoctap/pause`],
    ['put', `${api}/pause`],
    ['post', `${api}/hoctap/add`, { name: 'indicators.rollup', data: { runId: 1 }, options: {} }],
    ['put', `${api}/hoctap/retry/failed`],
    ['put', `${api}/hoctap/clean/completed`],
    ['put', `${api}/hoctap/empty`],
    ['put', `${api}/hoctap/obliterate`, { force: true }],
  ];

  it('refuses every state-changing call without the CSRF token, or with a wrong one, changing nothing', async () => {
    const server = app.getHttpServer();
    const before = await queueState();
    expect(before.paused).toBe(false);
    const answers: string[] = [];
    for (const [method, path, body] of CALLS) {
      for (const [what, headers] of [
        ['no token', {}],
        ['wrong token', { 'x-xsrf-token': '0'.repeat(64) }],
        ['token of another session', { 'x-xsrf-token': officer.csrf }],
      ] as [string, Record<string, string>][]) {
        const res = await request(server)
          [method](path)
          .set('Cookie', admin.cookie)
          .set(headers)
          .send(body ?? {});
        answers.push(`${method.toUpperCase()} ${path} (${what}): ${res.status}`);
        if (res.status === 403) expect(res.body.message).toMatch(/^Phiên làm việc của biểu mẫu đã hết hạn/);
      }
    }
    console.log(`queue dashboard: ${answers.length} calls without a valid token, all refused`);
    expect(answers.filter((a) => !a.endsWith(': 403'))).toEqual([]);
    expect(await queueState()).toEqual(before);
  });

  it('lets a system admin act with the token the dashboard hands out, as its script sends it', async () => {
    const server = app.getHttpServer();
    const page = await request(server).get(`${QUEUE_DASHBOARD}/`).set('Cookie', admin.cookie);
    expect(page.status).toBe(200);
    expect(page.headers['x-powered-by']).toBeUndefined();
    const cookie = ([] as string[])
      .concat(page.headers['set-cookie'] ?? [])
      .find((c) => c.startsWith('XSRF-TOKEN='));
    expect(cookie).toMatch(/; Path=\/admin\/queues/);
    expect(cookie).toMatch(/; SameSite=Strict/);
    expect(cookie).not.toMatch(/HttpOnly/i);
    const token = decodeURIComponent(cookie!.split(';')[0].slice('XSRF-TOKEN='.length));
    // It is the session's own synchroniser token, the one its pages put in their forms — there
    // masked with a fresh pad each time (pad + token XOR pad), so that compression cannot leak it.
    const masked = Buffer.from(admin.csrf, 'hex');
    const half = masked.length / 2;
    const unmasked = Buffer.from(masked.subarray(half).map((byte, i) => byte ^ masked[i])).toString('hex');
    expect(token).toBe(unmasked);
    await request(server)
      .put(`${api}/hoctap/pause`)
      .set('Cookie', admin.cookie)
      .set('X-XSRF-TOKEN', token)
      .expect(200);
    expect(await queue.queue.isPaused()).toBe(true);
    await request(server)
      .put(`${api}/hoctap/resume`)
      .set('Cookie', admin.cookie)
      .set('X-XSRF-TOKEN', token)
      .expect(200);
    expect(await queue.queue.isPaused()).toBe(false);
  });

  it('is for system admins only: others are refused even with their own valid token', async () => {
    const server = app.getHttpServer();
    const before = await queueState();
    const asOfficer = await request(server)
      .put(`${api}/hoctap/pause`)
      .set('Cookie', officer.cookie)
      .set('X-CSRF-Token', officer.csrf);
    expect(asOfficer.status).toBe(403);
    const officerPage = await request(server).get(`${QUEUE_DASHBOARD}/`).set('Cookie', officer.cookie);
    expect(officerPage.status).toBe(403);
    expect(officerPage.body.message).toMatch(/^Bạn không có quyền/);
    const anonymous = await request(server).put(`${api}/hoctap/pause`);
    expect([anonymous.status, anonymous.headers.location]).toEqual([303, '/login']);
    // A system admin's API token is for /api/ only: it opens no dashboard.
    const byToken = await request(server)
      .put(`${api}/hoctap/pause`)
      .set('Authorization', `Bearer ${admin.token}`);
    expect([byToken.status, byToken.headers.location]).toEqual([303, '/login']);
    expect(await queueState()).toEqual(before);
  });
});
