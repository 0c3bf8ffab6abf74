import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { InProcessJobQueue } from '../../../src/jobs/adapters/in-process-job.queue';
import { JobQueue } from '../../../src/jobs/job-queue';
import { Caller, signIn } from '../../support/security-input-callers';
import { listRoutes } from '../../support/security-input-routes';
import { createTestApp } from '../../support/test-app';
import { WriteLog } from '../../support/write-log';

/**
 * Issue 9, item 6: a criteria set belongs to the association branch that issues the title with it.
 * The reference set (KHVN-324) is the province's: a district branch's reviewer (Cư Jút) reads it but
 * may neither create a version, nor edit a draft, nor activate or discard one — on any page or API
 * route that writes criteria, found from the routes the app registers — and nothing is written;
 * the province's reviewer does all of it.
 */

/** A valid body for each criteria write route (the page forms and the API). */
const CONTENT = {
  title: 'Bộ tiêu chí 2027',
  passMark: 50,
  groups: [
    {
      code: '1',
      name: 'Tự học',
      criteria: [
        { code: '1.1', title: 'Đọc sách', points: 50, evidence: 'DECLARED' },
        {
          code: '1.2',
          title: 'Học số',
          points: 50,
          evidence: 'AUTO',
          rule: { type: 'DOMAIN_RECORDS', domain: 'DIGITAL', minRecords: 1 },
        },
      ],
    },
  ],
};
const BODIES: Record<string, Record<string, unknown>> = {
  'POST /citizenship/criteria/:id': { title: 'Bộ tiêu chí của huyện', passMark: 10 },
  'POST /citizenship/criteria/:id/groups': { code: '9', name: 'Nhóm của huyện' },
  'POST /citizenship/criteria/:id/groups/:code': { code: '1', name: 'Tự học (sửa)' },
  'POST /citizenship/criteria/:id/items': {
    groupCode: '1',
    code: '1.9',
    title: 'Tiêu chí của huyện',
    points: 5,
    evidence: 'DECLARED',
  },
  'POST /citizenship/criteria/:id/items/:code': {
    groupCode: '1',
    code: '1.1',
    title: 'Đọc sách (sửa)',
    points: 5,
    evidence: 'DECLARED',
  },
  'PUT /api/v1/citizenship/criteria-sets/:id': CONTENT,
};

describe('criteria sets belong to their branch (e2e)', () => {
  let app: INestApplication;
  let db: DataSource;
  let log: WriteLog;
  let jobs: InProcessJobQueue;
  let district: Caller;
  let province: Caller;
  let v1 = 0;
  let draft = 0;

  beforeAll(async () => {
    app = await createTestApp({ database: 'sqlite' });
    db = app.get(DataSource);
    jobs = app.get(JobQueue) as InProcessJobQueue;
    district = await signIn(app, 'khuyenhoc.cujut');
    province = await signIn(app, 'khuyenhoc.tinh');
    v1 = Number(
      (await db.query("SELECT id FROM criteria_sets WHERE code = 'KHVN-324' AND version = 1"))[0].id,
    );
    log = new WriteLog(db);
    await log.init();
  });

  afterAll(() => app?.close());

  /** The writes since the last look, once background jobs (started by signing in, say) are done. */
  async function writes(): Promise<string[]> {
    await jobs.whenIdle();
    return log.take(['sessions', 'api_tokens']);
  }

  /** One call as a caller: the API with their token, a form with their session and CSRF token. */
  function call(caller: Caller, method: string, path: string, body: Record<string, unknown> = {}) {
    const server = app.getHttpServer();
    if (path.startsWith('/api/'))
      return request(server)
        [method.toLowerCase() as 'post' | 'put'](path)
        .set('Authorization', `Bearer ${caller.token}`)
        .send(body);
    return request(server)
      .post(path)
      .set('Cookie', caller.cookie)
      .set('x-csrf-token', caller.csrf)
      .type('form')
      .send(
        new URLSearchParams(
          Object.entries(body).map(([k, v]): [string, string] => [k, String(v)]),
        ).toString(),
      );
  }

  const criteriaWrites = () =>
    listRoutes(app).filter(
      (r) =>
        r.method !== 'GET' &&
        (r.path.startsWith('/citizenship/criteria') ||
          r.path.startsWith('/api/v1/citizenship/criteria-sets')),
    );

  it('refuses the district reviewer every write on the province’s criteria, writing nothing', async () => {
    // The province's reviewer opens a draft, so that there is one to try to change.
    const created = await call(province, 'POST', `/citizenship/criteria/${v1}/new-version`);
    expect(created.status).toBe(303);
    draft = Number(/\/citizenship\/criteria\/(\d+)$/.exec(created.headers.location)![1]);
    await writes();

    const routes = criteriaWrites();
    expect(routes.length).toBe(13);
    const answers: string[] = [];
    for (const route of routes) {
      const name = `${route.method} ${route.path}`;
      const id = route.path.endsWith('/new-version') ? v1 : draft;
      const path = route.path.replace(':id', String(id)).replace(':code', '1');
      await writes();
      const res = await call(district, route.method, path, BODIES[name]);
      const wrote = await writes();
      answers.push(`${name}: ${res.status}${wrote.length ? `, wrote ${wrote.join(', ')}` : ''}`);
    }
    console.log(
      `criteria ownership: ${routes.length} write routes as the district reviewer: ${answers.join('; ')}`,
    );
    expect(answers.filter((a) => !/: 40[34]$/.test(a))).toEqual([]);
    // The draft is as the province made it: still a draft, with the active version's title.
    const [row] = await db.query('SELECT status, title FROM criteria_sets WHERE id = ?', [draft]);
    const [active] = await db.query('SELECT title FROM criteria_sets WHERE id = ?', [v1]);
    expect(row).toEqual({ status: 'DRAFT', title: active.title });
  });

  it('still lets the district reviewer read them, and says who owns them', async () => {
    const page = await request(app.getHttpServer())
      .get(`/citizenship/criteria/${draft}`)
      .set('Cookie', district.cookie)
      .expect(200);
    expect(page.text).toContain('Bộ tiêu chí này thuộc chi hội khác');
    expect(page.text).toContain('Hội Khuyến học tỉnh Lâm Đồng');
    expect(page.text).not.toContain(`action="/citizenship/criteria/${draft}/activate"`);
    const list = await request(app.getHttpServer())
      .get('/citizenship/criteria')
      .set('Cookie', district.cookie)
      .expect(200);
    expect(list.text).not.toContain('/new-version"');
    const api = await request(app.getHttpServer())
      .get(`/api/v1/citizenship/criteria-sets/${draft}`)
      .set('Authorization', `Bearer ${district.token}`)
      .expect(200);
    expect(api.body.owners.map((o: { name: string }) => o.name)).toEqual(['Hội Khuyến học tỉnh Lâm Đồng']);
  });

  it('lets the province’s reviewer do every one of them', async () => {
    const steps: [string, string, Record<string, unknown>?][] = [
      ['PUT', `/api/v1/citizenship/criteria-sets/${draft}`, CONTENT],
      ['POST', `/citizenship/criteria/${draft}`, { title: 'Bộ tiêu chí 2027', passMark: 50 }],
      ['POST', `/citizenship/criteria/${draft}/groups`, { code: '2', name: 'Nhóm mới' }],
      ['POST', `/citizenship/criteria/${draft}/groups/2`, { code: '2', name: 'Nhóm mới (sửa)' }],
      [
        'POST',
        `/citizenship/criteria/${draft}/items`,
        { groupCode: '2', code: '2.1', title: 'Tiêu chí mới', points: 10, evidence: 'DECLARED' },
      ],
      [
        'POST',
        `/citizenship/criteria/${draft}/items/2.1`,
        { groupCode: '2', code: '2.1', title: 'Tiêu chí mới (sửa)', points: 10, evidence: 'DECLARED' },
      ],
      ['POST', `/citizenship/criteria/${draft}/items/2.1/delete`],
      ['POST', `/citizenship/criteria/${draft}/groups/2/delete`],
      ['POST', `/api/v1/citizenship/criteria-sets/${draft}/activate`],
    ];
    const answers: string[] = [];
    for (const [method, path, body] of steps) {
      const res = await call(province, method, path, body);
      const wrote = await writes();
      answers.push(
        `${method} ${path}: ${res.status < 400 ? 'ok' : res.status}${wrote.length ? '' : ', wrote nothing'}`,
      );
    }
    expect(answers.filter((a) => !a.endsWith(': ok'))).toEqual([]);
    const [row] = await db.query('SELECT status, title, branch_id FROM criteria_sets WHERE id = ?', [draft]);
    expect(row).toEqual({ status: 'ACTIVE', title: 'Bộ tiêu chí 2027', branch_id: null });

    // A new version of the now active one through the API, then thrown away on its page.
    const next = await call(province, 'POST', `/api/v1/citizenship/criteria-sets/${draft}/new-version`);
    expect(next.status).toBe(201);
    expect((await call(province, 'POST', `/citizenship/criteria/${next.body.id}/delete`)).status).toBe(303);
    expect(await db.query('SELECT id FROM criteria_sets WHERE id = ?', [next.body.id])).toEqual([]);
  });
});
