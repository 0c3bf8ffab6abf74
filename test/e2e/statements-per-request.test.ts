import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { PiiCipher } from '../../src/common/crypto/pii-cipher';
import { todayInVietnam } from '../../src/common/time/vietnam-time';
import { StatementCounter } from '../support/statement-counter';
import { Browser, createTestApp } from '../support/test-app';

/**
 * SQL statements per request on the hot paths (issue 14, item 2), counted rather than timed so that
 * a regression shows on any machine. Sessions live in Redis as in production. Each limit is what
 * the path needs today; lower it when a cut lands, never raise it without saying why.
 */
describe('statements per request (e2e)', () => {
  let app: INestApplication;
  let counter: StatementCounter;
  let worker: Browser;

  beforeAll(async () => {
    app = await createTestApp({ database: 'sqlite', redis: true });
    counter = new StatementCounter(app);
    worker = new Browser(app);
    await worker.login('nguoilaodong');
  });

  afterAll(async () => {
    await app.close();
  });

  /** Statements of the second of two identical requests: the first may fill per-process caches. */
  async function warm(work: () => Promise<unknown>): Promise<string[]> {
    await work();
    return counter.during(work);
  }

  /** Prints the count; over the limit, the failure lists the statements. */
  function withinLimit(name: string, statements: string[], limit: number): void {
    console.log(`${name}: ${statements.length} statements (limit ${limit})`);
    if (statements.length > limit)
      throw new Error(`${name}: ${statements.length} statements, limit ${limit}:\n${statements.join('\n')}`);
    expect(statements.length).toBeLessThanOrEqual(limit);
  }

  it.each([
    // 6 until the unread-notice count and the catalogue's institution filter were kept a while per
    // process and the page carried its own count (COUNT(*) OVER ()): the account with its roles,
    // the page, its courses' domains.
    ['/courses', 3],
    // 15 + 2 since the federation's assignments to a territory: the worker's employers, then the
    // territory assignments that reach them (issue 13); - 1 for the kept unread-notice count.
    ['/learn', 16],
  ])('a signed-in worker’s %s', async (path, limit) => {
    const statements = await warm(() => worker.agent.get(path).expect(200));
    withinLimit(path, statements, limit);
  });

  it('an institution’s result posted through the API', async () => {
    const editor = new Browser(app);
    await editor.login('truong.caodang');
    await editor.get('/account/tokens');
    const created = await editor.submit('/account/tokens', { name: 'Đếm câu lệnh' });
    const token = /<code class="secret">([^<]+)<\/code>/.exec(created.text)?.[1] ?? '';
    const db = app.get(DataSource);
    const rows: { cccd_encrypted: string; date_of_birth: string }[] = await db.query(
      `SELECT w.cccd_encrypted, w.date_of_birth FROM workers w
       WHERE w.id IN (SELECT e.worker_id FROM employments e JOIN enterprises x ON x.id = e.enterprise_id
                      WHERE x.tax_code = '6400123455' AND e.end_date IS NULL)
       ORDER BY w.id LIMIT 2`,
    );
    const pii = app.get(PiiCipher);
    let n = 0;
    const post = () => {
      const row = rows[n++ % rows.length];
      return request(app.getHttpServer())
        .post('/api/v1/external-records')
        .set('Authorization', `Bearer ${token}`)
        .send({
          externalId: `DEM-CAU-LENH-${n}`,
          cccd: pii.decrypt(row.cccd_encrypted),
          dateOfBirth: String(row.date_of_birth).slice(0, 10),
          title: 'Chứng chỉ Ứng dụng công nghệ thông tin cơ bản',
          completedOn: '2025-05-20',
          hours: 4,
          domains: ['DIGITAL'],
        })
        .expect(201);
    };
    const statements = await warm(post);
    // 17 until the post stopped reading back: no look-up inside the transaction (a parallel twin
    // shows as a unique violation), none for the learning record of a result just inserted, and the
    // answer built from what was written (the institution's name kept a minute per process).
    withinLimit('POST /api/v1/external-records', statements, 13);
  });

  it('a survey’s response rates: as many statements for many enterprises as for one', async () => {
    const federation = new Browser(app);
    await federation.login('liendoan');
    const db = app.get(DataSource);
    const ids: number[] = (await db.query('SELECT id FROM enterprises ORDER BY id')).map(
      (r: { id: number }) => Number(r.id),
    );
    expect(ids.length).toBeGreaterThan(3);
    const today = todayInVietnam();
    const api = (method: 'post' | 'put', path: string, body: object = {}) =>
      federation.agent[method](`/api/v1/surveys${path}`).set('x-csrf-token', federation.csrf).send(body);
    const publish = async (title: string, enterpriseIds: number[]) => {
      const created = await api('post', '', { title, opensOn: today, closesOn: today }).expect(201);
      const id = Number(created.body.id);
      await api('post', `/${id}/questions`, { kind: 'SINGLE', text: 'Có?', choices: 'Có\nKhông' }).expect(
        201,
      );
      await api('put', `/${id}/targets`, { enterpriseIds }).expect(200);
      await api('post', `/${id}/publish`).expect(200);
      return id;
    };
    const one = await publish('Đếm câu lệnh: một doanh nghiệp', ids.slice(0, 1));
    const all = await publish('Đếm câu lệnh: mọi doanh nghiệp', ids);
    const rates = (id: number) => () => federation.agent.get(`/api/v1/surveys/${id}/rates`).expect(200);
    const forOne = await warm(rates(one));
    const forAll = await warm(rates(all));
    withinLimit(`GET /api/v1/surveys/:id/rates (${ids.length} enterprises)`, forAll, forOne.length);
    expect((await rates(all)()).body).toHaveLength(ids.length);
    // The page reads the rates the same way.
    const page = (id: number) => () => federation.agent.get(`/surveys/${id}`).expect(200);
    withinLimit(
      `GET /surveys/:id (${ids.length} enterprises)`,
      await warm(page(all)),
      (await warm(page(one))).length,
    );
  });
});
