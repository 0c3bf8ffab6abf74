import { INestApplication } from '@nestjs/common';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { ReportSections } from '../../src/common/report-sections/report-sections';
import { addDays } from '../../src/common/time/iso-date';
import { thisYearInVietnam, todayInVietnam } from '../../src/common/time/vietnam-time';
import { Browser, createTestApp } from '../support/test-app';

const TAM_PHAT = '6400123455';
const DAK_MIL = '6400234564';

/**
 * Campaigns and reading on the embedded default (SQLite, demo data): the federation creates a
 * reading campaign for the province and one for Đắk Mil's commune only; the demo worker of Tâm Phát
 * sees the first and not the second, logs a book (not one in the future), their officer confirms it
 * into one LIFE_SKILLS learning record and rejects another, which stores nothing; participation
 * counts the worker, and its files carry the page's numbers. Đắk Mil's officer, the worker and a
 * department viewer cannot see or decide Tâm Phát's book logs, by page or by API.
 */
describe('campaigns and reading (e2e)', () => {
  let app: INestApplication;
  let db: DataSource;
  let federation: Browser;
  let officer: Browser;
  let other: Browser;
  let worker: Browser;
  let viewer: Browser;

  const today = todayInVietnam();
  const count = async (sql: string, params: unknown[] = []) => Number((await db.query(sql, params))[0].n);
  const binary = (res: request.Response, done: (err: Error | null, body: Buffer) => void) => {
    const chunks: Buffer[] = [];
    res.on('data', (c: Buffer) => chunks.push(c));
    res.on('end', () => done(null, Buffer.concat(chunks)));
  };

  let provinceId = 0;
  let dakMilUnitId = 0;
  let workerId = 0;
  let campaignId = 0;
  let dakMilCampaignId = 0;
  let confirmedId = 0;
  let rejectedId = 0;

  beforeAll(async () => {
    app = await createTestApp({ database: 'sqlite' });
    db = app.get(DataSource);
    federation = new Browser(app);
    await federation.login('liendoan');
    officer = new Browser(app);
    await officer.login('congdoan.tamphat');
    other = new Browser(app);
    await other.login('congdoan.dakmil');
    worker = new Browser(app);
    await worker.login('nguoilaodong');
    viewer = new Browser(app);
    await viewer.login('so.gddt');
    const [root] = await db.query(
      'SELECT id FROM admin_units WHERE parent_id IS NULL AND valid_to IS NULL ORDER BY id LIMIT 1',
    );
    provinceId = Number(root.id);
    const [dm] = await db.query('SELECT unit_id AS id FROM enterprises WHERE tax_code = ?', [DAK_MIL]);
    dakMilUnitId = Number(dm.id);
    const [tp] = await db.query('SELECT unit_id AS id FROM enterprises WHERE tax_code = ?', [TAM_PHAT]);
    expect(Number(tp.id)).not.toBe(dakMilUnitId);
    const [w] = await db.query(
      "SELECT r.scope_id AS id FROM role_assignments r JOIN users u ON u.id = r.user_id WHERE u.username = 'nguoilaodong' AND r.role = 'WORKER'",
    );
    workerId = Number(w.id);
  });

  afterAll(async () => {
    await app.close();
  });

  it('shows the demo campaigns to the worker, with what to do', async () => {
    const list = await worker.get(`/campaigns?year=${thisYearInVietnam()}`);
    expect(list.status).toBe(200);
    expect(list.text).toContain('Tuần lễ hưởng ứng học tập suốt đời');
  });

  it('refuses a campaign that ends before it starts, saving nothing', async () => {
    const form = await federation.get('/campaigns/new');
    expect(form.status).toBe(200);
    expect(form.text).toContain('Đơn vị tham gia');
    const before = await count('SELECT COUNT(*) AS n FROM campaigns');
    const bad = await federation.submit('/campaigns', {
      title: 'Chiến dịch lỗi',
      theme: 'Thử',
      startsOn: today,
      endsOn: addDays(today, -1),
      unitIds: provinceId,
    });
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('Ngày kết thúc phải từ ngày bắt đầu trở đi.');
    const noUnit = await federation.submit('/campaigns', {
      title: 'Chiến dịch lỗi',
      theme: 'Thử',
      startsOn: today,
      endsOn: today,
    });
    expect(noUnit.status).toBe(400);
    expect(await count('SELECT COUNT(*) AS n FROM campaigns')).toBe(before);
    // Only the federation writes campaigns.
    expect((await officer.get('/campaigns/new')).status).toBe(403);
  });

  it('lets the federation create a reading campaign for the province and one for a single commune', async () => {
    const res = await federation.submit('/campaigns', {
      title: 'Tháng đọc sách thử nghiệm',
      theme: 'Đọc một cuốn sách và ghi cảm nhận.',
      startsOn: addDays(today, -20),
      endsOn: today,
      reading: 'true',
      unitIds: provinceId,
    });
    expect(res.status).toBe(303);
    campaignId = Number(/^\/campaigns\/(\d+)$/.exec(res.headers.location)?.[1]);
    expect(campaignId).toBeGreaterThan(0);
    const other = await federation.agent
      .post('/api/v1/campaigns')
      .set('x-csrf-token', federation.csrf)
      .send({
        title: 'Chiến dịch riêng xã Đắk Mil',
        theme: 'Học trực tuyến',
        startsOn: addDays(today, -5),
        endsOn: addDays(today, 5),
        unitIds: [dakMilUnitId],
      })
      .expect(201);
    dakMilCampaignId = other.body.id;
    expect(other.body.units).toEqual([{ id: dakMilUnitId, name: expect.any(String) }]);
  });

  it('shows the worker the campaigns of their commune only', async () => {
    const page = await worker.get(`/campaigns/${campaignId}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('Ghi sách đã đọc');
    expect(page.text).toContain('Phần tham gia của tôi');
    expect((await worker.get(`/campaigns/${dakMilCampaignId}`)).status).toBe(404);
    await worker.agent.get(`/api/v1/campaigns/${dakMilCampaignId}`).expect(404);
    expect((await other.get(`/campaigns/${dakMilCampaignId}`)).status).toBe(200);
    // A worker reads no participation.
    expect((await worker.get(`/campaigns/${campaignId}/participation`)).status).toBe(403);
  });

  it('refuses a book read in the future and saves nothing; logs one read today', async () => {
    await worker.get('/books/new');
    const before = await count('SELECT COUNT(*) AS n FROM book_logs WHERE worker_id = ?', [workerId]);
    const future = await worker.submit('/books', {
      title: 'Sách tương lai',
      author: 'Ai đó',
      readOn: addDays(today, 1),
      reflection: 'Chưa đọc.',
    });
    expect(future.status).toBe(400);
    expect(future.text).toContain('Ngày đọc xong không được ở tương lai.');
    const empty = await worker.submit('/books', { title: '', author: 'X', readOn: today, reflection: 'Y' });
    expect(empty.status).toBe(400);
    expect(await count('SELECT COUNT(*) AS n FROM book_logs WHERE worker_id = ?', [workerId])).toBe(before);

    const ok = await worker.submit('/books', {
      title: 'Người giàu có nhất thành Babylon',
      author: 'George S. Clason',
      readOn: today,
      reflection: 'Tiết kiệm một phần mười thu nhập và học cách đầu tư cho bản thân.',
      campaignId,
    });
    expect(ok.status).toBe(303);
    const second = await worker.agent
      .post('/api/v1/book-logs')
      .set('x-csrf-token', worker.csrf)
      .send({ title: 'Sách bị từ chối', author: 'Tác giả', readOn: today, reflection: 'Hay.' })
      .expect(201);
    expect(second.body.status).toBe('PENDING');
    rejectedId = second.body.id;
    const [row] = await db.query(
      "SELECT id, status, campaign_id AS campaignId FROM book_logs WHERE worker_id = ? AND title = 'Người giàu có nhất thành Babylon'",
      [workerId],
    );
    confirmedId = Number(row.id);
    expect(row.status).toBe('PENDING');
    expect(Number(row.campaignId)).toBe(campaignId);
    const mine = await worker.get('/books');
    expect(mine.text).toContain('Người giàu có nhất thành Babylon');
    expect(mine.text).toContain('Chờ xác nhận');
  });

  it('keeps Tâm Phát’s book logs from Đắk Mil’s officer, the worker and a department viewer', async () => {
    const list = await other.get('/books/review');
    expect(list.status).toBe(200);
    expect(list.text).not.toContain('Người giàu có nhất thành Babylon');
    expect((await other.get(`/books/review/${confirmedId}`)).status).toBe(404);
    expect((await other.submit(`/books/review/${confirmedId}/confirm`, { hours: 2 })).status).toBe(404);
    expect((await other.submit(`/books/review/${confirmedId}/reject`, { reason: 'Không' })).status).toBe(404);
    await other.agent.get(`/api/v1/book-logs/${confirmedId}`).expect(404);
    await other.agent
      .post(`/api/v1/book-logs/${confirmedId}/confirm`)
      .set('x-csrf-token', other.csrf)
      .send({})
      .expect(404);
    const apiList = await other.agent.get('/api/v1/book-logs').expect(200);
    expect(apiList.body.items.map((l: { id: number }) => l.id)).not.toContain(confirmedId);

    // The worker cannot decide their own, nor can a read-only viewer.
    expect((await worker.submit(`/books/review/${confirmedId}/confirm`, { hours: 2 })).status).toBe(403);
    await worker.agent
      .post(`/api/v1/book-logs/${confirmedId}/confirm`)
      .set('x-csrf-token', worker.csrf)
      .send({})
      .expect(403);
    expect((await viewer.get(`/books/review/${confirmedId}`)).status).toBe(403);
    expect((await viewer.submit(`/books/review/${confirmedId}/confirm`, {})).status).toBe(403);
    expect(
      await count("SELECT COUNT(*) AS n FROM book_logs WHERE id = ? AND status = 'PENDING'", [confirmedId]),
    ).toBe(1);
    // Nor may anyone but the federation change a campaign.
    expect((await officer.submit(`/campaigns/${campaignId}`, { title: 'X' })).status).toBe(403);
    await viewer.agent
      .put(`/api/v1/campaigns/${campaignId}`)
      .set('x-csrf-token', viewer.csrf)
      .send({ title: 'X', theme: 'Y', startsOn: today, endsOn: today, unitIds: [provinceId] })
      .expect(403);
  });

  it('confirms a book into one LIFE_SKILLS learning record that the worker sees in their history', async () => {
    const page = await officer.get(`/books/review/${confirmedId}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('Tiết kiệm một phần mười thu nhập');
    const bad = await officer.submit(`/books/review/${confirmedId}/confirm`, { hours: '99' });
    expect(bad.status).toBe(400);
    expect(
      await count("SELECT COUNT(*) AS n FROM learning_records WHERE source = 'BOOK_LOG' AND source_ref = ?", [
        `book:${confirmedId}`,
      ]),
    ).toBe(0);

    const res = await officer.submit(`/books/review/${confirmedId}/confirm`, { hours: '1,5' });
    expect(res.status).toBe(303);
    const records = await db.query(
      `SELECT r.id, r.hours, r.occurred_on AS occurredOn, d.domain_code AS domain FROM learning_records r
         JOIN learning_record_domains d ON d.record_id = r.id
       WHERE r.worker_id = ? AND r.source = 'BOOK_LOG' AND r.source_ref = ?`,
      [workerId, `book:${confirmedId}`],
    );
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ domain: 'LIFE_SKILLS', occurredOn: today });
    expect(Number(records[0].hours)).toBe(1.5);

    // Deciding again changes nothing.
    await officer.get(`/books/review/${confirmedId}`);
    const again = await officer.submit(`/books/review/${confirmedId}/reject`, { reason: 'Nhầm' });
    expect(again.status).toBe(400);
    expect(again.text).toContain('Sách này đã được xử lý.');
    expect(
      await count("SELECT COUNT(*) AS n FROM learning_records WHERE source = 'BOOK_LOG' AND worker_id = ?", [
        workerId,
      ]),
    ).toBe(1);

    const history = await worker.get('/learn/history');
    expect(history.text).toContain('Đọc sách: Người giàu có nhất thành Babylon');
    const notices = await worker.get('/notices');
    expect(notices.text).toContain('Công đoàn đã xác nhận bạn đọc sách');
  });

  it('rejects a book with a reason and stores no learning record', async () => {
    await officer.get(`/books/review/${rejectedId}`);
    const empty = await officer.submit(`/books/review/${rejectedId}/reject`, { reason: '' });
    expect(empty.status).toBe(400);
    await officer.agent
      .post(`/api/v1/book-logs/${rejectedId}/reject`)
      .set('x-csrf-token', officer.csrf)
      .send({ reason: 'Chưa ghi rõ cảm nhận.' })
      .expect(200);
    expect(
      await count('SELECT COUNT(*) AS n FROM learning_records WHERE source_ref = ?', [`book:${rejectedId}`]),
    ).toBe(0);
    const mine = await worker.get('/books');
    expect(mine.text).toContain('Chưa ghi rõ cảm nhận.');
    const history = await worker.get('/learn/history');
    expect(history.text).not.toContain('Sách bị từ chối');
  });

  it('counts the worker in the campaign’s participation, and the files carry the page’s numbers', async () => {
    const api = await federation.agent.get(`/api/v1/campaigns/${campaignId}/participation`).expect(200);
    expect(api.body.total).toBeGreaterThanOrEqual(1);
    const tamPhat = api.body.enterprises.find((e: { taxCode: string }) => e.taxCode === TAM_PHAT);
    expect(tamPhat.workers).toBeGreaterThanOrEqual(1);
    expect(api.body.confirmedBookLogs).toBeGreaterThanOrEqual(1);
    const page = await federation.get(`/campaigns/${campaignId}/participation`);
    expect(page.status).toBe(200);
    expect(page.text).toContain(`Tổng số người tham gia: ${api.body.total}`);

    const xlsx = await federation.agent
      .get(`/campaigns/${campaignId}/participation?format=xlsx`)
      .buffer(true)
      .parse(binary)
      .expect(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.body as ExcelJS.Buffer);
    const sheet = book.worksheets[0];
    const fromFile: Record<string, number> = {};
    sheet.eachRow((row, n) => {
      if (n > 1) fromFile[String(row.getCell(2).value)] = Number(row.getCell(4).value);
    });
    expect(fromFile[TAM_PHAT]).toBe(tamPhat.workers);
    const csv = await federation.agent
      .get(`/campaigns/${campaignId}/participation?format=csv&table=communes`)
      .expect(200);
    const rows = parse(csv.text.replace(/^\uFEFF/, ''), { columns: true }) as Record<string, string>[];
    const sum = rows.reduce((s, r) => s + Number(r['Số người tham gia']), 0);
    expect(sum).toBe(api.body.enterprises.reduce((s: number, e: { workers: number }) => s + e.workers, 0));

    // Tâm Phát's officer sees Tâm Phát only; Đắk Mil's sees no Tâm Phát row.
    const own = await officer.agent.get(`/api/v1/campaigns/${campaignId}/participation`).expect(200);
    expect(own.body.enterprises.map((e: { taxCode: string }) => e.taxCode)).toEqual([TAM_PHAT]);
    const theirs = await other.agent.get(`/api/v1/campaigns/${campaignId}/participation`).expect(200);
    expect(theirs.body.enterprises.map((e: { taxCode: string }) => e.taxCode)).not.toContain(TAM_PHAT);
  });

  it('adds the campaign to the annual report and the book logs to the worker’s data export', async () => {
    const sections = await app.get(ReportSections).collect({ year: thisYearInVietnam(), unitId: null });
    const section = sections.find((s) => s.key === 'campaigns');
    expect(section).toBeDefined();
    const row = section!.tables[0].rows.find((r) => r[0] === 'Tháng đọc sách thử nghiệm');
    expect(row?.[3]).toBeGreaterThanOrEqual(1);
    expect(row?.[4]).toBeGreaterThanOrEqual(1);
    // A commune outside the campaign: the commune-only campaign is left out.
    const [tp] = await db.query('SELECT unit_id AS id FROM enterprises WHERE tax_code = ?', [TAM_PHAT]);
    const commune = await app
      .get(ReportSections)
      .collect({ year: thisYearInVietnam(), unitId: Number(tp.id) });
    const titles = commune.find((s) => s.key === 'campaigns')?.tables[0].rows.map((r) => r[0]) ?? [];
    expect(titles).toContain('Tháng đọc sách thử nghiệm');
    expect(titles).not.toContain('Chiến dịch riêng xã Đắk Mil');

    const data = await worker.agent.get('/privacy/export/json').expect(200);
    const doc = JSON.parse(data.text);
    expect(doc.sections.bookLogs.map((b: { title: string }) => b.title)).toContain(
      'Người giàu có nhất thành Babylon',
    );
  });
});
