import { INestApplication } from '@nestjs/common';
import ExcelJS from 'exceljs';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { ApiTokensService } from '../../src/auth/api-tokens.service';
import { dateTime } from '../../src/database/dialect';
import { Actor } from '../../src/common/access/actor';
import { PiiCipher } from '../../src/common/crypto/pii-cipher';
import { uploadsConfig, UploadsConfig } from '../../src/config';
import { RollupService } from '../../src/indicators/rollup.service';
import { PRIVACY_NOTICE } from '../../src/privacy/consent/consent.service';
import { PersonalDataService } from '../../src/privacy/personal-data/personal-data.service';
import { loadNotice } from '../../src/privacy/privacy-notice';
import { ImportFileRetention } from '../../src/imports/import-file-retention';
import { eventually } from '../support/eventually';
import { expectExportDates, workerWithDates } from '../support/privacy-dates';
import { Browser, createTestApp } from '../support/test-app';
import { todayInVietnam } from '../../src/common/time/vietnam-time';

const binary = (res: request.Response, cb: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
};

/**
 * Personal data on the embedded default with demo data: consent before anything else, the CCCD
 * access log and "who viewed my data", the self-service export, deletion by anonymisation that
 * keeps the indicators right, correction requests, and the deletion of uploaded import files.
 */
describe('personal data (e2e)', () => {
  let app: INestApplication;
  let db: DataSource;
  let pii: PiiCipher;

  beforeAll(async () => {
    app = await createTestApp({ database: 'sqlite' });
    db = app.get(DataSource);
    pii = app.get(PiiCipher);
  });

  afterAll(async () => {
    await app.close();
  });

  const userId = async (username: string) =>
    Number((await db.query('SELECT id FROM users WHERE username = ?', [username]))[0].id);
  const workerOf = async (username: string) =>
    Number(
      (
        await db.query('SELECT w.id FROM workers w JOIN users u ON u.id = w.user_id WHERE u.username = ?', [
          username,
        ])
      )[0].id,
    );
  const cccdOf = async (workerId: number) =>
    pii.decrypt(
      (await db.query('SELECT cccd_encrypted FROM workers WHERE id = ?', [workerId]))[0].cccd_encrypted,
    );

  describe('consent', () => {
    it('sends a login without consent to the notice before anything else, and the API answers 403', async () => {
      const id = await userId('so.gddt');
      await db.query('DELETE FROM privacy_consents WHERE user_id = ?', [id]);
      const { token } = await app
        .get(ApiTokensService, { strict: false })
        .create(new Actor(id, '', []), 'Sở');

      const viewer = new Browser(app);
      await viewer.get('/login');
      await viewer.submit('/login', { username: 'so.gddt', password: 'hoctap2030' });
      for (const path of ['/', '/indicators', '/privacy', '/courses']) {
        const res = await viewer.get(path);
        expect([path, res.status, res.headers.location]).toEqual([path, 303, '/privacy/consent']);
      }
      const api = await request(app.getHttpServer())
        .get('/api/v1/me')
        .set('Authorization', `Bearer ${token}`)
        .expect(403);
      expect(api.body).toMatchObject({
        error: 'consent_required',
        consentUrl: '/privacy/consent',
        noticeVersion: 1,
      });
      expect(api.body.message).toContain('chưa đồng ý');
      const english = await request(app.getHttpServer())
        .get('/api/v1/me')
        .set('Authorization', `Bearer ${token}`)
        .set('Accept-Language', 'en')
        .expect(403);
      expect(english.body.message).toContain('has not accepted');

      // The notice, in plain Vietnamese, with its version; not ticking the box changes nothing.
      await viewer.get('/indicators');
      const page = await viewer.get('/privacy/consent');
      expect(page.status).toBe(200);
      expect(page.text).toContain('Thông báo về xử lý dữ liệu cá nhân');
      expect(page.text).toContain('Phiên bản 1');
      const unticked = await viewer.submit('/privacy/consent', { version: 1 });
      expect(unticked.status).toBe(400);
      expect(unticked.text).toContain('Xin đánh dấu ô');
      const stale = await viewer.submit('/privacy/consent', { version: 0, agree: 'true' });
      expect(stale.status).toBe(400);
      expect(await db.query('SELECT * FROM privacy_consents WHERE user_id = ?', [id])).toEqual([]);

      const accepted = await viewer.submit('/privacy/consent', { version: 1, agree: 'true' });
      expect(accepted.status).toBe(303);
      expect(accepted.headers.location).toBe('/indicators'); // back where they were going
      const [row] = await db.query(
        'SELECT notice_version, accepted_at FROM privacy_consents WHERE user_id = ?',
        [id],
      );
      expect(Number(row.notice_version)).toBe(1);
      expect(Date.now() - dateTime(row.accepted_at as Date | string).getTime()).toBeLessThan(60_000);
      expect((await viewer.get('/indicators')).status).toBe(200);
      await request(app.getHttpServer())
        .get('/api/v1/me')
        .set('Authorization', `Bearer ${token}`)
        .expect(200);
    });

    it('shows the notice to anyone, signed in or not', async () => {
      const res = await request(app.getHttpServer()).get('/privacy/notice').expect(200);
      expect(res.text).toContain('Quyền của bạn');
      expect(res.text).toContain('72 giờ');
    });
  });

  describe('CCCD access log', () => {
    let officer: Browser;
    let workerId: number;
    let cccd: string;

    beforeAll(async () => {
      officer = new Browser(app);
      await officer.login('congdoan.tamphat');
      workerId = await workerOf('nguoilaodong');
      cccd = await cccdOf(workerId);
    });

    it('records each full CCCD shown (page, API, export) with who, when, which worker and route, never the number', async () => {
      const officerId = await userId('congdoan.tamphat');
      await officer.get(`/workers/${workerId}`);
      const revealed = await officer.submit(`/workers/${workerId}/cccd`, {});
      expect(revealed.status).toBe(200);
      expect(revealed.text).toContain(cccd);
      const { token } = await app
        .get(ApiTokensService, { strict: false })
        .create(new Actor(officerId, '', []), 'Tích hợp');
      const api = await request(app.getHttpServer())
        .post(`/api/v1/workers/${workerId}/cccd`)
        .set('Authorization', `Bearer ${token}`)
        .expect(200);
      expect(api.body.cccd).toBe(cccd);

      const rows = await db.query('SELECT * FROM pii_access_log WHERE worker_id = ? ORDER BY id', [workerId]);
      expect(
        rows.map((r: Record<string, unknown>) => [r.viewer_user_id, r.viewer_role, r.action, r.route]),
      ).toEqual([
        [officerId, 'UNION_OFFICER', 'REVEAL', 'POST /workers/:id/cccd'],
        [officerId, 'UNION_OFFICER', 'REVEAL', 'POST /api/v1/workers/:id/cccd'],
      ]);
      const enterprise = await db.query("SELECT id FROM enterprises WHERE tax_code = '6400123455'");
      expect(Number(rows[0].viewer_scope_id)).toBe(Number(enterprise[0].id));

      // The full export logs one entry per worker in it; the masked export logs nothing.
      const before = Number((await db.query('SELECT COUNT(*) AS n FROM pii_access_log'))[0].n);
      await officer.agent.get('/workers/export/csv?status=all').expect(200);
      expect(Number((await db.query('SELECT COUNT(*) AS n FROM pii_access_log'))[0].n)).toBe(before);
      await officer.get('/workers');
      const full = await officer.agent
        .post('/workers/export/xlsx/full')
        .type('form')
        .send({ _csrf: officer.csrf, status: 'all', reason: 'Danh sách đóng bảo hiểm xã hội' })
        .buffer(true)
        .parse(binary);
      expect(full.status).toBe(200);
      const reasons = await db.query(
        "SELECT DISTINCT reason, route FROM pii_access_log WHERE action = 'EXPORT' AND viewer_user_id = ?",
        [officerId],
      );
      expect(reasons).toEqual([
        { reason: 'Danh sách đóng bảo hiểm xã hội', route: 'POST /workers/export/:format/full' },
      ]);
      const exported: { n: number }[] = await db.query(
        "SELECT COUNT(DISTINCT worker_id) AS n FROM pii_access_log WHERE action = 'EXPORT' AND viewer_user_id = ?",
        [officerId],
      );
      const rostered = await db.query(
        'SELECT COUNT(DISTINCT worker_id) AS n FROM employments WHERE enterprise_id = ?',
        [enterprise[0].id],
      );
      expect(Number(exported[0].n)).toBe(Number(rostered[0].n));

      const admin = new Browser(app);
      await admin.login('liendoan');
      await admin.get(`/workers/${workerId}`);
      expect((await admin.submit(`/workers/${workerId}/cccd`, {})).status).toBe(200);

      const everything = JSON.stringify(await db.query('SELECT * FROM pii_access_log'));
      expect(everything).not.toContain(cccd);
      expect(everything).not.toContain(cccd.slice(-6));
    });

    it('shows the worker who saw their number (role, organisation, date), and the admin who, between two dates', async () => {
      const worker = new Browser(app);
      await worker.login('nguoilaodong');
      const page = await worker.get('/privacy');
      expect(page.status).toBe(200);
      expect(page.text).toContain('Ai đã xem số CCCD của bạn');
      expect(page.text).toContain('Cán bộ công đoàn cơ sở');
      expect(page.text).toContain('Công ty TNHH Chế biến Nông sản Tâm Phát');
      expect(page.text).toContain('Quản trị Liên đoàn Lao động');
      // The worker learns the role and organisation, not the officer's account.
      expect(page.text).not.toContain('congdoan.tamphat');
      const all = await worker.get('/privacy/views');
      expect(all.text).toContain('Trong tệp xuất danh sách');

      const admin = new Browser(app);
      await admin.login('liendoan');
      // From the worker's page the admin reaches the log about them.
      expect((await admin.get(`/workers/${workerId}`)).text).toContain(
        `/privacy/admin/access-log?workerId=${workerId}`,
      );
      const today = todayInVietnam();
      const log = await admin.get(`/privacy/admin/access-log?workerId=${workerId}&from=${today}&to=${today}`);
      expect(log.status).toBe(200);
      expect(log.text).toContain('congdoan.tamphat');
      expect(log.text).toContain('POST /api/v1/workers/:id/cccd');
      expect(log.text).toContain('4 lần xem');
      const earlier = await admin.get(
        `/privacy/admin/access-log?workerId=${workerId}&from=2026-01-01&to=2026-01-31`,
      );
      expect(earlier.text).toContain('0 lần xem');
      // By CCCD, posted, so the number is not in a URL.
      await admin.get('/privacy/admin/access-log');
      const byCccd = await admin.submit('/privacy/admin/access-log', { cccd, from: today, to: today });
      expect(byCccd.status).toBe(200);
      expect(byCccd.text).toContain('4 lần xem');
      expect(byCccd.text).not.toContain(cccd);
      const unknown = await admin.submit('/privacy/admin/access-log', { cccd: '001099999999' });
      expect(unknown.status).toBe(400);
      expect(unknown.text).toContain('Không có người lao động nào với số CCCD này.');

      const { token } = await app
        .get(ApiTokensService, { strict: false })
        .create(new Actor(await userId('admin'), '', []), 'Kiểm tra');
      const api = await request(app.getHttpServer())
        .get(`/api/v1/privacy/access-log?workerId=${workerId}&from=${today}&to=${today}`)
        .set('Authorization', `Bearer ${token}`)
        .expect(200);
      expect(api.body.page.total).toBe(4);
      expect(api.body.page.items[0]).toMatchObject({
        viewerRole: 'FEDERATION_ADMIN',
        viewerUsername: 'liendoan',
      });

      expect((await worker.get('/privacy/admin/access-log')).status).toBe(403);
      expect((await officer.get('/privacy/admin/requests')).status).toBe(403);
    });
  });

  describe('export, correction and deletion', () => {
    let worker: Browser;
    let admin: Browser;
    let workerId: number;

    beforeAll(async () => {
      worker = new Browser(app);
      await worker.login('nguoilaodong');
      admin = new Browser(app);
      await admin.login('liendoan');
      workerId = await workerOf('nguoilaodong');
    });

    it('exports everything about the worker as JSON and as XLSX', async () => {
      const cccd = await cccdOf(workerId);
      const res = await worker.agent.get('/privacy/export/json').expect(200);
      expect(res.headers['content-disposition']).toContain('attachment');
      expect(res.headers['cache-control']).toBe('no-store');
      const doc = JSON.parse(res.text);
      const [name] = await db.query('SELECT full_name FROM workers WHERE id = ?', [workerId]);
      expect(doc.profile).toMatchObject({ id: workerId, fullName: name.full_name, cccd });
      expect(doc.profile.cccdEncrypted).toBeUndefined();
      expect(doc.account).toMatchObject({ username: 'nguoilaodong' });
      expect(doc.account.passwordHash).toBeUndefined();
      const counts = async (sql: string) => Number((await db.query(sql, [workerId]))[0].n);
      expect(doc.sections.employments.length).toBe(
        await counts('SELECT COUNT(*) AS n FROM employments WHERE worker_id = ?'),
      );
      expect(doc.sections.learningRecords.length).toBe(
        await counts('SELECT COUNT(*) AS n FROM learning_records WHERE worker_id = ?'),
      );
      expect(doc.sections.learningRecords.length).toBeGreaterThan(0);
      expect(doc.sections.enrolments.length).toBe(
        await counts('SELECT COUNT(*) AS n FROM enrolments WHERE worker_id = ?'),
      );
      expect(doc.sections.attendance.length).toBe(
        await counts('SELECT COUNT(*) AS n FROM session_attendance WHERE worker_id = ?'),
      );
      expect(doc.sections.citizenshipApplications.length).toBe(
        await counts('SELECT COUNT(*) AS n FROM citizenship_applications WHERE worker_id = ?'),
      );
      expect(doc.sections.consents).toEqual([expect.objectContaining({ noticeVersion: 1 })]);
      expect(Object.keys(doc.sections)).toEqual(
        expect.arrayContaining([
          'notices',
          'certificates',
          'courseCertificates',
          'externalRecords',
          'requests',
        ]),
      );
      expect(doc.accessLog.length).toBe(
        await counts('SELECT COUNT(*) AS n FROM pii_access_log WHERE worker_id = ?'),
      );
      expect(doc.accessLog.length).toBeGreaterThan(0);

      const xlsx = await worker.agent.get('/privacy/export/xlsx').buffer(true).parse(binary).expect(200);
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(xlsx.body as ExcelJS.Buffer);
      const names = book.worksheets.map((s) => s.name);
      expect(names).toEqual(
        expect.arrayContaining(['Hồ sơ', 'Nơi làm việc', 'Kết quả học tập', 'Điểm danh', 'Nhật ký xem CCCD']),
      );
      const profile = book.getWorksheet('Hồ sơ')!;
      const values = profile.getSheetValues().flat().map(String);
      expect(values).toContain(name.full_name);
      expect(values).toContain(cccd);
      expect(book.getWorksheet('Kết quả học tập')!.rowCount).toBe(doc.sections.learningRecords.length + 1);
    });

    it('makes the workbook readable: Vietnamese headers, labels for codes, Vietnam time, Có/Không', async () => {
      // Issue 13. A title held (status VALID) and a consent at a known instant, late evening UTC.
      const id = await userId('nguoilaodong');
      const [application] = await db.query(
        'SELECT id, year, criteria_set_id FROM citizenship_applications WHERE worker_id = ? ORDER BY id LIMIT 1',
        [workerId],
      );
      const [branch] = await db.query('SELECT id, name FROM association_branches ORDER BY id LIMIT 1');
      await db.query(
        `INSERT INTO recognitions (application_id, worker_id, year, branch_id, criteria_set_id, total_points,
           certificate_no, verify_code, status, recognised_by, recognised_at, issuer_name, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, 80, 'CDHT-TEST-000001', 'XUATFILE00000001', 'VALID', ?, '2025-12-14 18:15:00.000', ?,
           '2025-12-14 18:15:00', '2025-12-14 18:15:00')`,
        [application.id, workerId, application.year, branch.id, application.criteria_set_id, id, branch.name],
      );
      await db.query(
        "UPDATE privacy_consents SET accepted_at = '2025-03-09 17:30:00.000' WHERE user_id = ?",
        [id],
      );

      const xlsx = await worker.agent.get('/privacy/export/xlsx').buffer(true).parse(binary).expect(200);
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(xlsx.body as ExcelJS.Buffer);
      const table = (name: string) => {
        const rows = book.getWorksheet(name)!.getSheetValues() as unknown[][];
        const headers = rows[1].slice(1).map(String);
        return {
          headers,
          rows: rows.slice(2).map((row) => Object.fromEntries(headers.map((h, i) => [h, row?.[i + 1]]))),
        };
      };
      const headers = book.worksheets.flatMap((sheet) =>
        (sheet.getRow(1).values as unknown[]).slice(1).map(String),
      );
      const cells = book.worksheets.flatMap((sheet) =>
        (sheet.getSheetValues() as unknown[][]).slice(2).flatMap((row) => (row ?? []).slice(1)),
      );
      // No column name as stored (camelCase or snake_case) and no bare code anywhere.
      expect(headers.filter((h) => /^[a-z]+([A-Z][A-Za-z0-9]*)+$|_/.test(h))).toEqual([]);
      expect(cells.filter((c) => typeof c === 'string' && /^[A-Z]+(_[A-Z]+)*$/.test(c))).toEqual([]);
      for (const code of [
        'VALID',
        'COURSE',
        'SESSION',
        'WORKER',
        'SELF',
        'ACTIVE',
        'SUBMITTED',
        'LIFE_SKILLS',
      ])
        expect(cells).not.toContain(code);

      expect(table('Vai trò').rows).toContainEqual(
        expect.objectContaining({ 'Vai trò': 'Người lao động', 'Phạm vi': 'Bản thân' }),
      );
      const records = table('Kết quả học tập');
      expect(records.headers).toEqual(
        expect.arrayContaining(['Nguồn', 'Lĩnh vực', 'Ngày học', 'Số giờ học']),
      );
      expect(records.rows.map((r) => r['Nguồn'])).toContain('Khóa học trực tuyến');
      expect(records.rows.map((r) => r['Lĩnh vực'])).toContain('Kỹ năng sống');
      expect(records.rows.every((r) => /^\d{2}\/\d{2}\/\d{4}$/.test(String(r['Ngày học'])))).toBe(true);
      expect(table('Điểm danh').rows[0]).toMatchObject({
        'Cách điểm danh': 'Chọn từ danh sách',
        'Loại hoạt động': 'Câu lạc bộ đọc sách',
      });
      expect(table('Nơi làm việc').rows[0]['Đoàn viên công đoàn']).toMatch(/^(Có|Không)$/);
      expect(table('Hồ sơ Công dân học tập').rows[0]['Trạng thái']).toBe('Chờ công đoàn xác nhận');
      expect(table('Giấy chứng nhận CDHT').rows[0]).toMatchObject({
        'Hiệu lực': 'Còn hiệu lực',
        'Công nhận lúc': '15/12/2025 01:15',
        'Số giấy chứng nhận': 'CDHT-TEST-000001',
      });
      expect(table('Sự đồng ý').rows[0]).toEqual({
        'Phiên bản thông báo': 1,
        'Đồng ý lúc': '10/03/2025 00:30',
      });
      expect(table('Thông báo').rows.map((r) => r['Nội dung thông báo'])).toContainEqual(
        expect.stringContaining('2025'),
      );
      const access = table('Nhật ký xem CCCD').rows[0];
      expect(access['Vai trò người xem']).toBe('Cán bộ công đoàn cơ sở');
      expect(access['Thời điểm']).toMatch(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/);
      const profile = (book.getWorksheet('Hồ sơ')!.getSheetValues() as unknown[][]).map((row) => row?.[1]);
      expect(profile).toEqual(
        expect.arrayContaining(['Tài khoản', 'Tên đăng nhập', 'Họ và tên', 'Giới tính']),
      );

      // In English for a person who reads English; the JSON keeps the codes for machines.
      const english = await app
        .get(PersonalDataService, { strict: false })
        .workbook(new Actor(id, '', [], workerId), 'en');
      const sheet = english.getWorksheet('Learning records')!;
      expect(sheet.getRow(1).values).toEqual(
        expect.arrayContaining(['Source', 'Domains', 'Hours of learning']),
      );
      expect((sheet.getSheetValues() as unknown[][]).flat()).toContain('Online course');
      const doc = JSON.parse((await worker.agent.get('/privacy/export/json').expect(200)).text);
      expect(doc.sections.certificates[0]).toMatchObject({
        status: 'VALID',
        recognisedAt: '2025-12-15T01:15:00+07:00',
      });
    });

    it('records a correction request with its due date, and the admin answers it', async () => {
      await worker.get('/privacy');
      const short = await worker.submit('/privacy/requests/correction', { details: 'sai' });
      expect(short.status).toBe(400);
      expect(short.text).toContain('ít nhất 10 ký tự');
      const filed = await worker.submit('/privacy/requests/correction', {
        details: 'Số điện thoại của tôi nay là 0912 345 678.',
      });
      expect(filed.status).toBe(303);
      const [row] = await db.query("SELECT * FROM privacy_requests WHERE kind = 'CORRECTION'");
      const expectedDue = new Date(Date.parse(`${todayInVietnam()}T00:00:00Z`) + 15 * 86_400_000)
        .toISOString()
        .slice(0, 10);
      expect([row.status, String(row.due_on).slice(0, 10), Number(row.worker_id)]).toEqual([
        'OPEN',
        expectedDue,
        workerId,
      ]);

      const list = await admin.get('/privacy/admin/requests');
      expect(list.text).toContain('Số điện thoại của tôi nay là 0912 345 678.');
      expect(list.text).toContain(`data-due="${expectedDue}"`);
      expect(list.text).toContain('còn 15 ngày');
      const answered = await admin.submit(`/privacy/admin/requests/${row.id}/answer`, {
        outcome: 'Đã sửa số điện thoại.',
        done: 'true',
      });
      expect(answered.status).toBe(303);
      const [after] = await db.query(
        'SELECT status, outcome, handled_by FROM privacy_requests WHERE id = ?',
        [row.id],
      );
      expect(after).toEqual({
        status: 'DONE',
        outcome: 'Đã sửa số điện thoại.',
        handled_by: await userId('liendoan'),
      });
      expect((await worker.get('/privacy')).text).toContain('Đã sửa số điện thoại.');
    });

    it('anonymises on a deletion request, all at once, keeping the indicator figures', async () => {
      const [plan] = await db.query('SELECT id FROM plans ORDER BY id LIMIT 1');
      const asOf = todayInVietnam();
      const figures = async () => {
        const outcome = await app.get(RollupService).run(Number(plan.id), asOf);
        return db.query(
          `SELECT level, org_id, population, law, vocational, life_skills, digital, learning_citizen
           FROM indicator_snapshot_rows WHERE snapshot_id = ? ORDER BY level, org_id`,
          [outcome.snapshotId],
        );
      };
      const before = await figures();
      const reached = before.reduce(
        (sum: number, r: Record<string, number>) => sum + Number(r.law) + Number(r.vocational),
        0,
      );
      expect(reached).toBeGreaterThan(0);
      const records = Number(
        (await db.query('SELECT COUNT(*) AS n FROM learning_records WHERE worker_id = ?', [workerId]))[0].n,
      );

      await worker.get('/privacy');
      expect((await worker.submit('/privacy/requests/deletion', { reason: 'Tôi nghỉ việc.' })).status).toBe(
        303,
      );
      expect((await worker.submit('/privacy/requests/deletion', {})).status).toBe(303); // no second request
      const open = await db.query(
        "SELECT id, due_on FROM privacy_requests WHERE kind = 'DELETION' AND status = 'OPEN'",
      );
      expect(open).toHaveLength(1);
      const list = await admin.get('/privacy/admin/requests');
      expect(list.text).toContain('Tôi nghỉ việc.');
      expect(list.text).toContain('Ẩn danh hoá');

      // Refusing a deletion needs a reason and "done" is not allowed for it: the form stays as it was.
      const notDone = await admin.submit(`/privacy/admin/requests/${open[0].id}/answer`, {
        outcome: 'x',
        done: 'true',
      });
      expect(notDone.status).toBe(400);

      const done = await admin.submit(`/privacy/admin/requests/${open[0].id}/anonymise`, {});
      expect(done.status).toBe(303);
      const [w] = await db.query('SELECT * FROM workers WHERE id = ?', [workerId]);
      expect(w.full_name).toBe(`Người lao động ẩn danh #${workerId}`);
      expect(String(w.date_of_birth).slice(0, 10)).toBe('1900-01-01');
      const contacts = await db.query(
        'SELECT phone, email, employee_code FROM employments WHERE worker_id = ?',
        [workerId],
      );
      expect(contacts.length).toBeGreaterThan(0);
      for (const c of contacts) expect([c.phone, c.email, c.employee_code]).toEqual([null, null, null]);
      expect(pii.decrypt(w.cccd_encrypted)).toBe('000000000000');
      expect(w.anonymised_at).not.toBeNull();
      const [u] = await db.query(
        'SELECT username, display_name, status, password_hash FROM users WHERE id = ?',
        [w.user_id],
      );
      expect(u).toMatchObject({ status: 'DISABLED', password_hash: null });
      expect(u.username).not.toBe('nguoilaodong');
      expect((await db.query("SELECT status FROM privacy_requests WHERE kind = 'DELETION'"))[0].status).toBe(
        'DONE',
      );

      // The login and its session end; the learning stays, counted the same.
      const afterSession = await worker.get('/privacy');
      expect([afterSession.status, afterSession.headers.location]).toEqual([303, '/login']);
      const again = new Browser(app);
      await again.get('/login');
      expect(
        (await again.submit('/login', { username: 'nguoilaodong', password: 'hoctap2030' })).status,
      ).toBe(401);
      expect(
        Number(
          (await db.query('SELECT COUNT(*) AS n FROM learning_records WHERE worker_id = ?', [workerId]))[0].n,
        ),
      ).toBe(records);
      expect(await figures()).toEqual(before);

      // Carried out once: a second click changes nothing.
      const twice = await admin.submit(`/privacy/admin/requests/${open[0].id}/anonymise`, {});
      expect(twice.status).toBe(400);
    });
  });

  // After the requests' tests: it adds a worker with a request of their own.
  describe('dates in the export', () => {
    it('writes calendar dates as YYYY-MM-DD and instants in Vietnam time with the offset, as on MariaDB', async () => {
      const [{ id: enterpriseId }] = await db.query('SELECT id FROM enterprises ORDER BY id LIMIT 1');
      const { actor } = await workerWithDates(db, pii, Number(enterpriseId));
      const found = await expectExportDates(app.get(PersonalDataService, { strict: false }), actor);
      console.log('privacy export dates on SQLite:', JSON.stringify(found));
    });
  });

  describe('uploaded import files', () => {
    it('deletes a finished roster file after the retention period and says so on the import page', async () => {
      const officer = new Browser(app);
      await officer.login('congdoan.tamphat');
      await officer.get('/workers/imports');
      const csv = [
        'Họ và tên,Ngày sinh,Giới tính,Số CCCD,Mã nhân viên,Ngày vào làm',
        'Phan Thị Lưu Giữ,12/07/1995,Nữ,001195007777,TPR001,01/03/2020',
      ].join('\r\n');
      const up = await officer.agent
        .post(`/workers/imports`)
        .field('_csrf', officer.csrf)
        .attach('file', Buffer.from(csv, 'utf8'), { filename: 'ds.csv', contentType: 'text/csv' });
      expect(up.status).toBe(303);
      const path = up.headers.location as string;
      const id = Number(path.split('/').pop());
      const imp = await eventually(
        `import ${id} to finish`,
        async () => (await db.query('SELECT status, stored_name FROM import_runs WHERE id = ?', [id]))[0],
        { until: (imp) => imp.status === 'COMPLETED' || imp.status === 'FAILED' },
      );
      expect(imp.status).toBe('COMPLETED');
      const file = join(app.get<UploadsConfig>(uploadsConfig.KEY).dir, imp.stored_name);
      expect(existsSync(file)).toBe(true);
      expect((await officer.get(path)).text).toContain('sẽ được tự động xoá 7 ngày sau khi nhập xong');

      const retention = app.get(ImportFileRetention);
      await retention.sweep(new Date(Date.now() + 6 * 86_400_000));
      expect(existsSync(file)).toBe(true);
      expect(await retention.sweep(new Date(Date.now() + 8 * 86_400_000))).toBeGreaterThanOrEqual(1);
      expect(existsSync(file)).toBe(false);
      const page = await officer.get(path);
      expect(page.text).toContain('data-file="deleted"');
      expect(page.text).toContain('Kết quả nhập và báo cáo lỗi vẫn được giữ');
      const codes = await officer.submit(`${path}/activation-codes`, {});
      expect(codes.status).toBe(400);
      expect(codes.text).toContain('không lập được bảng mã kích hoạt');
    });
  });
});

describe('personal data: a new notice version (e2e)', () => {
  let app: INestApplication;

  beforeAll(async () => {
    const notice = { ...loadNotice(), version: 2 };
    app = await createTestApp({
      database: 'sqlite',
      override: (builder) => builder.overrideProvider(PRIVACY_NOTICE).useValue(notice),
    });
    // The demo logins accepted version 1 before version 2 came into force.
    await app.get(DataSource).query('UPDATE privacy_consents SET notice_version = 1');
  });

  afterAll(async () => {
    await app.close();
  });

  it('asks a login that accepted version 1 again, and keeps both acceptances', async () => {
    const db = app.get(DataSource);
    const officer = new Browser(app);
    await officer.get('/login');
    await officer.submit('/login', { username: 'congdoan.tamphat', password: 'hoctap2030' });
    const home = await officer.get('/');
    expect([home.status, home.headers.location]).toEqual([303, '/privacy/consent']);
    expect((await officer.get('/privacy/consent')).text).toContain('Phiên bản 2');
    await officer.acceptPrivacyNotice();
    expect((await officer.get('/workers')).status).toBe(200);
    const rows = await db.query(
      "SELECT c.notice_version AS v FROM privacy_consents c JOIN users u ON u.id = c.user_id WHERE u.username = 'congdoan.tamphat' ORDER BY v",
    );
    expect(rows.map((r: { v: number }) => Number(r.v))).toEqual([1, 2]);
  });
});
