import { INestApplication } from '@nestjs/common';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { PersonalDataProviders } from '../../../src/common/personal-data/personal-data-providers';
import { ReportSections } from '../../../src/common/report-sections/report-sections';
import { todayInVietnam } from '../../../src/common/time/vietnam-time';
import { samples } from '../../support/sample-files';
import { Browser, createTestApp } from '../../support/test-app';

const TAM_PHAT = '6400123455';
const DAK_MIL = '6400234564';

/**
 * Commendations, good models and enterprises' support on the embedded default (SQLite, demo data).
 * The Tâm Phát officer nominates a worker with an evidence file; the federation declines only with
 * a reason and approves; the honour roll, its XLSX/CSV and the annual report's section show it. The
 * Đắk Mil officer, the worker and the department viewer try the nomination, its file and the
 * decision with ids that are not theirs; bad forms save nothing; support totals match their files.
 */
describe('commendations, good models and support (e2e)', () => {
  let app: INestApplication;
  let db: DataSource;
  let officer: Browser;
  let other: Browser;
  let worker: Browser;
  let federation: Browser;
  let viewer: Browser;

  const year = Number(todayInVietnam().slice(0, 4));
  const count = async (sql: string, params: unknown[] = []) => Number((await db.query(sql, params))[0].n);
  const binary = (res: request.Response, done: (err: Error | null, body: Buffer) => void) => {
    const chunks: Buffer[] = [];
    res.on('data', (c: Buffer) => chunks.push(c));
    res.on('end', () => done(null, Buffer.concat(chunks)));
  };

  let tamPhatId = 0;
  let dakMilId = 0;
  let nomineeId = 0;
  let nomineeName = '';
  let strangerId = 0;
  let nominationId = 0;
  let fileId = 0;

  beforeAll(async () => {
    app = await createTestApp({ database: 'sqlite' });
    db = app.get(DataSource);
    officer = new Browser(app);
    await officer.login('congdoan.tamphat');
    other = new Browser(app);
    await other.login('congdoan.dakmil');
    worker = new Browser(app);
    await worker.login('nguoilaodong');
    federation = new Browser(app);
    await federation.login('liendoan');
    viewer = new Browser(app);
    await viewer.login('so.gddt');
    const idOf = async (tax: string) =>
      Number((await db.query('SELECT id FROM enterprises WHERE tax_code = ?', [tax]))[0].id);
    tamPhatId = await idOf(TAM_PHAT);
    dakMilId = await idOf(DAK_MIL);
    const today = todayInVietnam();
    const employed = (enterpriseId: number, otherId: number) =>
      db.query(
        `SELECT w.id, w.full_name AS name FROM workers w WHERE w.id IN (
           SELECT worker_id FROM employments WHERE enterprise_id = ? AND start_date <= ? AND (end_date IS NULL OR end_date >= ?))
         AND w.id NOT IN (SELECT worker_id FROM employments WHERE enterprise_id = ?) ORDER BY w.id LIMIT 1`,
        [enterpriseId, today, today, otherId],
      );
    const [nominee] = await employed(tamPhatId, dakMilId);
    nomineeId = Number(nominee.id);
    nomineeName = nominee.name;
    strangerId = Number((await employed(dakMilId, tamPhatId))[0].id);
  });

  afterAll(async () => {
    await app.close();
  });

  const nominate = (browser: Browser, fields: Record<string, string | number>, file?: Buffer) => {
    const req = browser.agent.post('/engagement/commendations').field('_csrf', browser.csrf);
    for (const [k, v] of Object.entries(fields)) req.field(k, String(v));
    return file
      ? req.attach('file', file, { filename: 'giay-khen.pdf', contentType: 'application/pdf' })
      : req;
  };

  it('offers the officer the roster and refuses bad nominations in Vietnamese, saving nothing', async () => {
    const form = await officer.get('/engagement/commendations/new');
    expect(form.status).toBe(200);
    expect(form.text).toContain('Đề cử khen thưởng');
    expect(form.text).toContain(`value="${nomineeId}"`);
    expect(form.text).not.toContain(`value="${strangerId}"`);

    const noAchievement = await nominate(officer, { year, kind: 'WORKER', workerId: nomineeId });
    expect(noAchievement.status).toBe(400);
    expect(noAchievement.text).toContain('Bắt buộc nhập.');
    const noChild = await nominate(officer, {
      year,
      kind: 'CHILD',
      workerId: nomineeId,
      achievement: 'Học sinh giỏi',
    });
    expect(noChild.status).toBe(400);
    expect(noChild.text).toContain('Hãy nhập họ tên của con.');
    const stranger = await nominate(officer, {
      year,
      kind: 'WORKER',
      workerId: strangerId,
      achievement: 'Giỏi',
    });
    expect(stranger.status).toBe(400);
    expect(stranger.text).toContain('không có trong danh sách người lao động của doanh nghiệp');
    const notPdf = await nominate(
      officer,
      { year, kind: 'WORKER', workerId: nomineeId, achievement: 'Giỏi' },
      Buffer.from('MZ not a pdf at all'),
    );
    expect(notPdf.status).toBe(400);
    expect(await count('SELECT COUNT(*) AS n FROM commendations WHERE year = ?', [year])).toBe(0);
    expect(
      await count("SELECT COUNT(*) AS n FROM stored_files WHERE owner_type = 'COMMENDATION_EVIDENCE'"),
    ).toBe(0);
  });

  it('nominates a worker with an evidence file; a second nomination of the same worker for the year is refused', async () => {
    await officer.get('/engagement/commendations/new');
    const res = await nominate(
      officer,
      {
        year,
        kind: 'WORKER',
        workerId: nomineeId,
        achievement: 'Hoàn thành 5 khóa học kỹ năng số trong năm',
      },
      samples.pdf(),
    );
    expect(res.status).toBe(303);
    nominationId = Number(/\/engagement\/commendations\/(\d+)$/.exec(res.headers.location)![1]);
    const page = await officer.get(`/engagement/commendations/${nominationId}`);
    expect(page.text).toContain('Chờ duyệt');
    expect(page.text).toContain('giay-khen.pdf');
    fileId = Number(/\/files\/(\d+)"/.exec(page.text)![1]);
    const file = await officer.agent
      .get(`/engagement/commendations/${nominationId}/files/${fileId}`)
      .buffer(true)
      .parse(binary);
    expect(file.status).toBe(200);
    expect((file.body as Buffer).subarray(0, 5).toString()).toBe('%PDF-');

    const again = await nominate(officer, {
      year,
      kind: 'WORKER',
      workerId: nomineeId,
      achievement: 'Lần nữa',
    });
    expect(again.status).toBe(400);
    expect(again.text).toContain(`đã được đề cử cho năm ${year}`);
    expect(await count('SELECT COUNT(*) AS n FROM commendations WHERE year = ?', [year])).toBe(1);
  });

  it('hides the nomination and its file from another enterprise’s officer (404) and refuses the worker and the viewer (403), reads and writes', async () => {
    expect((await other.get(`/engagement/commendations/${nominationId}`)).status).toBe(404);
    expect((await other.agent.get(`/engagement/commendations/${nominationId}/files/${fileId}`)).status).toBe(
      404,
    );
    expect((await other.agent.get(`/api/v1/engagement/commendations/${nominationId}`)).status).toBe(404);
    const list = await other.agent.get(`/api/v1/engagement/commendations?year=${year}`).expect(200);
    expect(list.body).toEqual([]);
    const upload = await other.agent
      .post(`/engagement/commendations/${nominationId}/files`)
      .field('_csrf', other.csrf)
      .attach('file', samples.pdf(), { filename: 'x.pdf', contentType: 'application/pdf' });
    expect(upload.status).toBe(404);
    expect(
      (await other.submit(`/engagement/commendations/${nominationId}/decision`, { decision: 'APPROVED' }))
        .status,
    ).toBe(403);
    await other.agent
      .post('/api/v1/engagement/commendations')
      .set('x-csrf-token', other.csrf)
      .send({ year, kind: 'WORKER', workerId: nomineeId, achievement: 'x', enterpriseId: tamPhatId })
      .expect(404);

    for (const outsider of [worker, viewer]) {
      await outsider.get('/');
      expect((await outsider.get(`/engagement/commendations/${nominationId}`)).status).toBe(403);
      expect(
        (await outsider.agent.get(`/engagement/commendations/${nominationId}/files/${fileId}`)).status,
      ).toBe(403);
      expect(
        (
          await outsider.submit(`/engagement/commendations/${nominationId}/decision`, {
            decision: 'APPROVED',
          })
        ).status,
      ).toBe(403);
    }
    expect(
      await count("SELECT COUNT(*) AS n FROM commendations WHERE status = 'PENDING' AND year = ?", [year]),
    ).toBe(1);
    expect(await count('SELECT COUNT(*) AS n FROM commendation_files')).toBe(1);
  });

  it('the federation declines only with a reason, then approves; the officer sees the decision and is told', async () => {
    const page = await federation.get(`/engagement/commendations/${nominationId}`);
    expect(page.text).toContain('Ghi quyết định');
    const noReason = await federation.submit(`/engagement/commendations/${nominationId}/decision`, {
      decision: 'DECLINED',
    });
    expect(noReason.status).toBe(400);
    expect(noReason.text).toContain('Hãy nêu lý do không duyệt.');
    expect(
      await count("SELECT COUNT(*) AS n FROM commendations WHERE status = 'PENDING' AND year = ?", [year]),
    ).toBe(1);

    const approve = await federation.submit(`/engagement/commendations/${nominationId}/decision`, {
      decision: 'APPROVED',
    });
    expect(approve.status).toBe(303);
    const again = await federation.agent
      .post(`/api/v1/engagement/commendations/${nominationId}/decision`)
      .set('x-csrf-token', federation.csrf)
      .send({ decision: 'DECLINED', reason: 'Đổi ý' });
    expect(again.status).toBe(400);

    const seen = await officer.get(`/engagement/commendations/${nominationId}`);
    expect(seen.text).toContain('Đã duyệt');
    expect(
      await count(
        `SELECT COUNT(*) AS n FROM notices n JOIN users u ON u.id = n.user_id WHERE u.username = 'congdoan.tamphat'
           AND n.message_key = 'commendations.notice.APPROVED'`,
      ),
    ).toBe(1);
  });

  it('shows the approved commendation on the honour roll to every signed-in user, its files with the same rows, no identity numbers', async () => {
    for (const reader of [worker, other, viewer, federation]) {
      const roll = await reader.get(`/engagement/honour-roll?year=${year}`);
      expect(roll.status).toBe(200);
      expect(roll.text).toContain(nomineeName);
      expect(roll.text).toContain('Hoàn thành 5 khóa học kỹ năng số trong năm');
      expect(roll.text).not.toContain('[object Object]');
    }
    const api = await worker.agent.get(`/api/v1/engagement/honour-roll?year=${year}`).expect(200);
    expect(api.body).toHaveLength(1);
    expect(Object.keys(api.body[0]).sort()).toEqual(
      [
        'achievement',
        'childSchool',
        'enterpriseName',
        'honoureeName',
        'kind',
        'unitName',
        'workerName',
      ].sort(),
    );
    const csv = await worker.agent.get(`/engagement/honour-roll?year=${year}&format=csv`).expect(200);
    const rows = parse(csv.text.replace(/^\uFEFF/, ''), { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(1);
    expect(rows[0]['Họ tên']).toBe(nomineeName);
    const xlsx = await worker.agent
      .get(`/engagement/honour-roll?year=${year}&format=xlsx`)
      .buffer(true)
      .parse(binary);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.body as ExcelJS.Buffer);
    const sheet = book.worksheets[0];
    expect(sheet.rowCount).toBe(2);
    expect(sheet.getRow(2).getCell(1).value).toBe(nomineeName);
  });

  it('puts the commendation in the annual report’s section (province and the enterprise’s commune), not in another commune’s', async () => {
    const sections = app.get(ReportSections);
    const province = (await sections.collect({ year, unitId: null })).find((s) => s.key === 'commendations');
    expect(province).toBeDefined();
    const counts = province!.tables[0];
    expect(counts.rows[counts.rows.length - 1]).toEqual(['Tổng cộng', 1, 0]);
    expect(province!.tables[1].rows[0][0]).toBe(nomineeName);
    const [{ unitId }] = await db.query('SELECT unit_id AS unitId FROM enterprises WHERE id = ?', [
      tamPhatId,
    ]);
    const [{ otherUnit }] = await db.query(
      'SELECT unit_id AS otherUnit FROM enterprises WHERE unit_id <> ? AND id <> ? LIMIT 1',
      [unitId, tamPhatId],
    );
    const own = (await sections.collect({ year, unitId: Number(unitId) })).find(
      (s) => s.key === 'commendations',
    );
    expect(own?.tables[1].rows[0][0]).toBe(nomineeName);
    if (otherUnit) {
      const elsewhere = (await sections.collect({ year, unitId: Number(otherUnit) })).find(
        (s) => s.key === 'commendations',
      );
      expect(elsewhere?.tables.some((t) => t.rows.some((r) => r[0] === nomineeName)) ?? false).toBe(false);
    }
  });

  it('good models: an officer’s draft is hidden from other enterprises until the federation publishes it', async () => {
    await officer.get('/engagement/models/new');
    const draft = await officer.agent
      .post('/engagement/models')
      .field('_csrf', officer.csrf)
      .field('title', 'Tủ sách công nhân Tâm Phát')
      .field('body', 'Mỗi tổ có một tủ sách.\n\nCông đoàn thay sách mỗi quý.');
    expect(draft.status).toBe(303);
    const id = Number(/\/engagement\/models\/(\d+)$/.exec(draft.headers.location)![1]);
    expect((await other.get(`/engagement/models/${id}`)).status).toBe(404);
    expect((await worker.get('/engagement/models')).text).not.toContain('Tủ sách công nhân Tâm Phát');
    expect((await officer.submit(`/engagement/models/${id}/publish`, {})).status).toBe(403);
    await federation.get(`/engagement/models/${id}`);
    expect((await federation.submit(`/engagement/models/${id}/publish`, {})).status).toBe(303);
    const page = await worker.get(`/engagement/models/${id}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('<p>Công đoàn thay sách mỗi quý.</p>');
    const province = (await app.get(ReportSections).collect({ year, unitId: null })).find(
      (s) => s.key === 'commendations',
    );
    expect(province!.tables[2].rows).toContainEqual(['Tủ sách công nhân Tâm Phát', expect.any(String)]);
  });

  it('support: the officer declares with Vietnamese validation, the totals and their files agree, others cannot write it', async () => {
    const form = await officer.get(`/engagement/support?year=${year}`);
    expect(form.status).toBe(200);
    const base = {
      year,
      enterpriseId: tamPhatId,
      fundsCommitted: 150000000,
      fundsSpent: 90000000,
      paidStudyHours: 320,
      materialsSupplied: 120,
    };
    const noClause = await officer.submit('/engagement/support', { ...base, agreementHasLearning: 'true' });
    expect(noClause.status).toBe(400);
    expect(noClause.text).toContain('Hãy nhập nội dung điều khoản về học tập trong thỏa ước.');
    const negative = await officer.submit('/engagement/support', { ...base, fundsSpent: -5 });
    expect(negative.status).toBe(400);
    expect(negative.text).toContain('Không được nhỏ hơn 0.');
    const text = await officer.submit('/engagement/support', { ...base, paidStudyHours: 'ba trăm' });
    expect(text.status).toBe(400);
    expect(await count('SELECT COUNT(*) AS n FROM enterprise_support WHERE year = ?', [year])).toBe(0);

    const saved = await officer.submit('/engagement/support', {
      ...base,
      agreementHasLearning: 'true',
      agreementClause: 'Điều 12: doanh nghiệp hỗ trợ 100% học phí khóa học nghề.',
    });
    expect(saved.status).toBe(303);
    await other.get('/engagement/support');
    await other.agent
      .put(`/api/v1/engagement/support/${tamPhatId}`)
      .set('x-csrf-token', other.csrf)
      .send({ ...base, fundsCommitted: 1 })
      .expect(404);
    expect((await other.submit('/engagement/support', { ...base, fundsCommitted: 1 })).status).toBe(404);
    expect((await worker.submit('/engagement/support', { ...base, fundsCommitted: 1 })).status).toBe(403);
    expect((await viewer.submit('/engagement/support', { ...base, fundsCommitted: 1 })).status).toBe(403);
    await other.agent
      .put(`/api/v1/engagement/support/${dakMilId}`)
      .set('x-csrf-token', other.csrf)
      .send({ ...base, fundsCommitted: 50000000, fundsSpent: 10000000, enterpriseId: undefined })
      .expect(200);
    expect((await other.agent.get(`/api/v1/engagement/support?year=${year}`).expect(200)).body).toHaveLength(
      1,
    );

    const totals = await federation.agent.get(`/api/v1/engagement/support/totals?year=${year}`).expect(200);
    expect(totals.body.total).toMatchObject({
      enterprises: 2,
      fundsCommitted: 200000000,
      fundsSpent: 100000000,
      paidStudyHours: 640,
      withAgreement: 1,
      materialsSupplied: 240,
    });
    const page = await viewer.get(`/engagement/support?year=${year}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('Điều 12: doanh nghiệp hỗ trợ 100% học phí khóa học nghề.');
    const csv = await federation.agent.get(`/engagement/support?year=${year}&format=csv`).expect(200);
    const rows = parse(csv.text.replace(/^\uFEFF/, ''), { columns: true }) as Record<string, string>[];
    expect(rows[rows.length - 1]['Xã, phường']).toBe('Tổng cộng');
    expect(Number(rows[rows.length - 1]['Kinh phí cam kết (đồng)'])).toBe(200000000);
    const xlsx = await federation.agent
      .get(`/engagement/support?year=${year}&format=xlsx`)
      .buffer(true)
      .parse(binary);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.body as ExcelJS.Buffer);
    const last = book.worksheets[0].getRow(book.worksheets[0].rowCount);
    expect(last.getCell(3).value).toBe(200000000);

    const section = (await app.get(ReportSections).collect({ year, unitId: null })).find(
      (s) => s.key === 'support',
    );
    expect(section!.tables[0].rows[section!.tables[0].rows.length - 1]).toEqual([
      'Tổng cộng',
      2,
      200000000,
      100000000,
      640,
      1,
      240,
    ]);
  });
  it('demo data: 2025’s honour roll, a published good model and two enterprises’ support', async () => {
    const roll = await worker.get('/engagement/honour-roll?year=2025');
    expect(roll.text).toContain('Nguyễn Minh Khang');
    expect(roll.text).toContain('Con công nhân lao động học giỏi');
    expect((await worker.get('/engagement/models')).text).toContain('Tủ sách công nhân ở từng tổ sản xuất');
    const totals = await federation.agent.get('/api/v1/engagement/support/totals?year=2025').expect(200);
    expect(totals.body.total).toMatchObject({ enterprises: 2, fundsCommitted: 240000000, withAgreement: 1 });
  });
  it('personal data: the nominee’s export holds their nominations; anonymisation forgets the achievement, the decision stays', async () => {
    const provider = app
      .get(PersonalDataProviders)
      .all()
      .find((p) => p.tables.includes('commendations'))!;
    const exported = await provider.export({ userId: 0, workerId: nomineeId });
    expect(exported.commendations.map((r) => [r.year, r.status, r.achievement])).toContainEqual([
      year,
      'APPROVED',
      'Hoàn thành 5 khóa học kỹ năng số trong năm',
    ]);
    expect(
      (await provider.export({ userId: 0, workerId: strangerId })).commendations.filter(
        (r) => r.year === year,
      ),
    ).toEqual([]);
    await db.transaction((manager) =>
      provider.anonymise(
        manager,
        { userId: 0, workerId: nomineeId },
        { when: new Date(), cccdPlaceholderEncrypted: 'x' },
      ),
    );
    const [row] = await db.query('SELECT achievement, status FROM commendations WHERE id = ?', [
      nominationId,
    ]);
    expect(row).toEqual({ achievement: '[đã xoá theo yêu cầu của người lao động]', status: 'APPROVED' });
  });
});
