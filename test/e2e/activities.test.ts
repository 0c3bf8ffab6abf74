import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { eventually } from '../support/eventually';
import { Browser, createTestApp, DEMO_PASSWORD } from '../support/test-app';
import { toVietnamInput } from '../../src/common/time/vietnam-time';

/**
 * In-person learning on the embedded default (SQLite, in-process jobs, demo data): an officer
 * records a law talk, a worker checks in with the QR code's link on their phone, and the attendance
 * is a learning record under the law domain. Scope, the check-in window and roster picking too.
 */
describe('activities (e2e)', () => {
  let app: INestApplication;
  let db: DataSource;
  let officer: Browser;

  beforeAll(async () => {
    app = await createTestApp({ database: 'sqlite' });
    db = app.get(DataSource);
    officer = new Browser(app);
    await officer.login('congdoan.tamphat');
  });

  afterAll(async () => {
    await app.close();
  });

  const minutes = (n: number) => new Date(Date.now() + n * 60_000);
  const count = async (sql: string, params: unknown[]) => Number((await db.query(sql, params))[0].n);
  const tokenOf = (html: string) => /\/checkin\/([A-Za-z0-9_-]{16,64})/.exec(html)?.[1];

  /** Creates a session through the form, as the officer does, and returns its id. */
  async function createSession(fields: Record<string, string | undefined>): Promise<number> {
    await officer.get('/activities/new');
    const res = await officer.submit('/activities', {
      place: 'Hội trường Công ty',
      organiser: 'Công đoàn cơ sở Công ty TNHH Chế biến Nông sản Tâm Phát',
      hours: '2',
      ...fields,
    });
    expect(res.status).toBe(303);
    const id = /^\/activities\/(\d+)$/.exec(res.headers.location)?.[1];
    expect(id).toBeDefined();
    return Number(id);
  }

  let lawTalkId = 0;
  let token = '';

  it('lets the officer record a law talk happening now, with the law domain suggested', async () => {
    const form = await officer.get('/activities/new?kind=LAW_TALK');
    expect(form.status).toBe(200);
    expect(form.text).toContain('Tuyên truyền, phổ biến pháp luật');
    expect(form.text).toMatch(/value="LAW" checked/);
    expect(form.text).not.toMatch(/value="DIGITAL" checked/);

    // Left without domains, a kind's usual domains are used.
    lawTalkId = await createSession({
      title: 'Tuyên truyền Luật An toàn, vệ sinh lao động',
      kind: 'LAW_TALK',
      startsAt: toVietnamInput(minutes(-10)),
      endsAt: toVietnamInput(minutes(50)),
      hours: '1,5',
    });
    const page = await officer.get(`/activities/${lawTalkId}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('Tuyên truyền Luật An toàn, vệ sinh lao động');
    expect(page.text).toContain('Chính trị, pháp luật');
    token = tokenOf(page.text)!;
    expect(token).toBeDefined();

    const qr = await officer.agent.get(`/activities/${lawTalkId}/qr.svg`).expect(200);
    expect(qr.headers['content-type']).toContain('image/svg+xml');
    expect(String(qr.body ?? qr.text)).toContain('<svg');
  });

  it('refuses a session that ends before it starts, saying so next to the field', async () => {
    await officer.get('/activities/new');
    const res = await officer.submit('/activities', {
      title: 'Tập huấn kỹ năng số',
      kind: 'SKILLS_TRAINING',
      startsAt: '2025-05-10T10:00',
      endsAt: '2025-05-10T08:00',
      place: 'Hội trường',
      organiser: 'Công đoàn cơ sở',
      hours: '2',
    });
    expect(res.status).toBe(400);
    expect(res.text).toContain('Thời gian kết thúc phải sau thời gian bắt đầu.');
    expect(res.text).toContain('value="Tập huấn kỹ năng số"');
  });

  it('sends the worker who scans the code to sign in, back to the code, and records them once', async () => {
    const worker = new Browser(app);
    const first = await worker.agent.get(`/checkin/${token}`);
    expect(first.status).toBe(303);
    expect(first.headers.location).toBe('/login');
    // The sign-in page says what it is for, and nothing about the session a signed-out person could
    // not see on the check-in page either (issue 13, item 6).
    const signIn = await worker.get('/login');
    expect(signIn.text).toContain(
      '<p class="flash flash-info sign-in-for" role="status">Đăng nhập để xác nhận có mặt tại buổi học bạn vừa quét mã QR.',
    );
    expect(signIn.text).not.toContain('Tuyên truyền Luật An toàn');
    expect(signIn.text).not.toContain(token);
    const wrong = await worker.submit('/login', { username: 'nguoilaodong', password: 'not-the-password' });
    expect(wrong.status).toBe(401);
    expect(wrong.text).toContain('Đăng nhập để xác nhận có mặt');
    const login = await worker.submit('/login', { username: 'nguoilaodong', password: DEMO_PASSWORD });
    expect(login.status).toBe(303);
    expect(login.headers.location).toBe(`/checkin/${token}`);

    const page = await worker.get(`/checkin/${token}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('Tuyên truyền Luật An toàn, vệ sinh lao động');
    expect(page.text).toContain('Tôi có mặt');
    const confirmed = await worker.submit(`/checkin/${token}`, {});
    expect(confirmed.status).toBe(303);
    const after = await worker.get(`/checkin/${token}`);
    expect(after.text).toContain('Đã ghi nhận bạn có mặt');
    expect(after.text).not.toContain('>Tôi có mặt<');

    // Pressing again (a second tab) records nothing more.
    const again = await worker.submit(`/checkin/${token}`, {});
    expect(again.status).toBe(303);
    const workerId = await workerIdOf('nguoilaodong');
    expect(
      await count('SELECT COUNT(*) AS n FROM session_attendance WHERE session_id = ? AND worker_id = ?', [
        lawTalkId,
        workerId,
      ]),
    ).toBe(1);

    // The attendance is in the worker's learning records, under the law domain.
    const mine = await worker.agent.get('/api/v1/learning-records/mine?domain=LAW&size=50').expect(200);
    const record = mine.body.items.find((r: { sourceRef: string }) => r.sourceRef === `session:${lawTalkId}`);
    expect(record).toMatchObject({
      source: 'SESSION',
      title: 'Tuyên truyền Luật An toàn, vệ sinh lao động',
      domains: ['LAW'],
      hours: 1.5,
      origin: `/activities/${lawTalkId}`,
    });
    // …and on their own history page, under the law domain.
    const history = await worker.get('/learn/history?domain=LAW');
    expect(history.status).toBe(200);
    expect(history.text).toContain('Tuyên truyền Luật An toàn, vệ sinh lao động');

    // The officer sees who checked in, and how.
    const session = await officer.get(`/activities/${lawTalkId}`);
    expect(session.text).toContain('Tự điểm danh bằng mã QR');
    expect(session.text).toContain('Số người tham dự: 1');
    const records = await officer.get('/learning-records?domain=LAW&source=SESSION');
    expect(records.text).toContain(`href="/activities/${lawTalkId}"`);
  });

  it('says nothing of a check-in on the sign-in page for a link that leads to no session', async () => {
    for (const bogus of ['not-a-real-token-at-all', `${token.slice(0, -1)}x`, '%3Cb%3Ebold%3C%2Fb%3E']) {
      const visitor = new Browser(app);
      const scanned = await visitor.agent.get(`/checkin/${bogus}`);
      expect([bogus, scanned.status, scanned.headers.location]).toEqual([bogus, 303, '/login']);
      const signIn = await visitor.get('/login');
      expect(signIn.text).not.toContain('sign-in-for');
      expect(signIn.text).not.toContain('xác nhận có mặt');
    }
    // A live link first, then somewhere else that needs signing in: the page no longer leads to the
    // check-in, so it no longer says so.
    const visitor = new Browser(app);
    await visitor.agent.get(`/checkin/${token}`);
    await visitor.agent.get('/learn/history');
    expect((await visitor.get('/login')).text).not.toContain('sign-in-for');
    // In English too.
    const english = new Browser(app);
    await english.agent.get('/lang/en?next=/');
    await english.agent.get(`/checkin/${token}`);
    expect((await english.get('/login')).text).toContain(
      'Sign in to confirm you are at the session whose QR code you scanned.',
    );
  });

  it('refuses a check-in before the window opens and after it closes', async () => {
    const tomorrow = await createSession({
      title: 'Tập huấn kỹ năng giao tiếp',
      kind: 'SKILLS_TRAINING',
      domains: 'LIFE_SKILLS',
      startsAt: toVietnamInput(minutes(24 * 60)),
      endsAt: toVietnamInput(minutes(26 * 60)),
    });
    const yesterday = await createSession({
      title: 'Câu lạc bộ đọc sách tháng này',
      kind: 'READING_CLUB',
      startsAt: toVietnamInput(minutes(-180)),
      endsAt: toVietnamInput(minutes(-90)),
    });
    const worker = new Browser(app);
    await worker.login('nguoilaodong');
    const early = tokenOf((await officer.get(`/activities/${tomorrow}`)).text)!;
    const page = await worker.get(`/checkin/${early}`);
    expect(page.text).toContain('Chưa đến giờ điểm danh');
    expect(page.text).not.toContain('>Tôi có mặt<');
    const refused = await worker.submit(`/checkin/${early}`, {});
    expect(refused.status).toBe(400);
    expect(refused.text).toContain('Chưa đến giờ điểm danh cho buổi học này.');

    const late = tokenOf((await officer.get(`/activities/${yesterday}`)).text)!;
    await worker.get(`/checkin/${late}`);
    const closed = await worker.submit(`/checkin/${late}`, {});
    expect(closed.status).toBe(400);
    expect(closed.text).toContain('Buổi học đã kết thúc, không thể điểm danh nữa.');
    expect(
      await count('SELECT COUNT(*) AS n FROM session_attendance WHERE session_id IN (?, ?)', [
        tomorrow,
        yesterday,
      ]),
    ).toBe(0);
    await worker.agent.get('/checkin/not-a-real-token-at-all').expect(404);
  });

  it('answers 404 to the officer of another enterprise, by page, QR and API', async () => {
    const other = new Browser(app);
    await other.login('congdoan.dakmil');
    await other.agent.get(`/activities/${lawTalkId}`).expect(404);
    await other.agent.get(`/activities/${lawTalkId}/qr.svg`).expect(404);
    await other.agent.get(`/api/v1/activities/${lawTalkId}`).expect(404);
    const list = await other.get('/activities');
    expect(list.text).not.toContain('Tuyên truyền Luật An toàn, vệ sinh lao động');
    const removal = await other.submit(`/activities/${lawTalkId}/attendance/1/delete`, {});
    expect(removal.status).toBe(404);
  });

  it('records attendance picked from the roster; striking one off removes their record', async () => {
    const pick = await officer.get(`/activities/${lawTalkId}/attendance/pick`);
    expect(pick.status).toBe(200);
    const ids = [...pick.text.matchAll(/name="workerIds" value="(\d+)"/g)].map((m) => Number(m[1]));
    expect(ids.length).toBeGreaterThan(2);
    const body = new URLSearchParams({ _csrf: officer.csrf });
    ids.slice(0, 3).forEach((id) => body.append('workerIds', String(id)));
    const saved = await officer.agent
      .post(`/activities/${lawTalkId}/attendance`)
      .type('form')
      .send(body.toString());
    expect(saved.status).toBe(303);
    const refs = (workerId: number) =>
      count(
        "SELECT COUNT(*) AS n FROM learning_records WHERE worker_id = ? AND source = 'SESSION' AND source_ref = ?",
        [workerId, `session:${lawTalkId}`],
      );
    for (const id of ids.slice(0, 3)) expect(await refs(id)).toBe(1);
    expect(
      await count('SELECT COUNT(*) AS n FROM session_attendance WHERE session_id = ?', [lawTalkId]),
    ).toBe(4);

    await officer.get(`/activities/${lawTalkId}`);
    const removed = await officer.submit(`/activities/${lawTalkId}/attendance/${ids[0]}/delete`, {});
    expect(removed.status).toBe(303);
    expect(await refs(ids[0])).toBe(0);
    expect(
      await count('SELECT COUNT(*) AS n FROM session_attendance WHERE session_id = ?', [lawTalkId]),
    ).toBe(3);

    // Nothing ticked: the page says so.
    await officer.get(`/activities/${lawTalkId}/attendance/pick`);
    const empty = await officer.submit(`/activities/${lawTalkId}/attendance`, {});
    expect(empty.status).toBe(400);
    expect(empty.text).toContain('Chọn ít nhất một người lao động.');
  });

  it('moves the attendees’ records with the session when its hours and domains change', async () => {
    await officer.get(`/activities/${lawTalkId}/edit`);
    const res = await officer.submit(`/activities/${lawTalkId}`, {
      title: 'Tuyên truyền Luật An toàn, vệ sinh lao động',
      kind: 'LAW_TALK',
      domains: 'LAW',
      startsAt: toVietnamInput(minutes(-10)),
      endsAt: toVietnamInput(minutes(50)),
      place: 'Hội trường Công ty',
      organiser: 'Công đoàn cơ sở',
      hours: '3',
    });
    expect(res.status).toBe(303);
    const rows: { hours: number }[] = await db.query(
      "SELECT hours FROM learning_records WHERE source = 'SESSION' AND source_ref = ?",
      [`session:${lawTalkId}`],
    );
    expect(rows).toHaveLength(3);
    expect(rows.every((r) => Number(r.hours) === 3)).toBe(true);
  });

  /** Waits for the import's job on its run, as the progress bar does. */
  async function finishedImport(path: string): Promise<string> {
    const page = await officer.get(path);
    const jobId = /data-job-id="(\d+)"/.exec(page.text)?.[1];
    if (jobId) {
      await eventually(
        `job run ${jobId} of ${path} to finish`,
        async () =>
          (await officer.agent.get(`/api/v1/jobs/${jobId}`).set('Accept', 'application/json').expect(200))
            .body,
        { until: (run) => run.finished === true },
      );
    }
    return (await officer.get(path)).text;
  }

  it('imports an attendance sheet in the background with a per-row report; importing it again adds nothing', async () => {
    const template = await officer.agent
      .get('/activities/attendance-template.xlsx')
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect((template.body as Buffer).subarray(0, 2).toString()).toBe('PK');

    const codes: { employee_code: string; full_name: string }[] = await db.query(
      `SELECT e.employee_code, w.full_name FROM employments e JOIN workers w ON w.id = e.worker_id
       JOIN enterprises x ON x.id = e.enterprise_id
       WHERE x.tax_code = '6400123455' AND e.end_date IS NULL AND e.employee_code IS NOT NULL
       ORDER BY e.employee_code LIMIT 12 OFFSET 20`,
    );
    const sheet = [
      'STT;Họ và tên;Số CCCD;Mã nhân viên',
      `1;${codes[0].full_name};;${codes[0].employee_code}`,
      `2;;;${codes[1].employee_code}`,
      `3;Người Không Khớp;;${codes[2].employee_code}`,
      '4;;12345;',
      '5;;;KHONG-CO-MA',
      `6;;;${codes[0].employee_code}`,
    ].join('\r\n');
    const upload = async () => {
      await officer.get(`/activities/${lawTalkId}/imports`);
      const res = await officer.agent
        .post(`/activities/${lawTalkId}/imports`)
        .field('_csrf', officer.csrf)
        .attach('file', Buffer.from(`\uFEFF${sheet}`, 'utf8'), {
          filename: 'điểm danh.csv',
          contentType: 'text/csv',
        });
      expect(res.status).toBe(303);
      expect(res.headers.location).toMatch(new RegExp(`^/activities/${lawTalkId}/imports/\\d+$`));
      return finishedImport(res.headers.location);
    };
    const counted = (html: string, name: string) =>
      Number(new RegExp(`data-count="${name}">(\\d+)<`).exec(html)?.[1]);
    const first = await upload();
    expect(first).toContain('Hoàn thành');
    expect(['rows', 'recorded', 'unchanged', 'errors'].map((n) => counted(first, n))).toEqual([6, 2, 0, 4]);
    expect(first).toContain('Họ và tên không khớp với người lao động có số CCCD hoặc mã nhân viên này');
    expect(first).toContain('<td class="num">5</td><td>Số CCCD</td><td>Số CCCD không hợp lệ</td>');
    expect(first).toContain('Không có người lao động nào với mã nhân viên này làm việc tại doanh nghiệp');
    expect(first).toContain('<td class="num">7</td><td></td><td>Trùng người với dòng 2</td>');

    const again = await upload();
    expect(['rows', 'recorded', 'unchanged', 'errors'].map((n) => counted(again, n))).toEqual([6, 0, 2, 4]);
    expect(again).toContain('Không có thay đổi nào');
    expect(
      await count("SELECT COUNT(*) AS n FROM session_attendance WHERE session_id = ? AND method = 'IMPORT'", [
        lawTalkId,
      ]),
    ).toBe(2);
  });

  it('lists and exports the sessions, filtered by kind and year', async () => {
    const year = new Date().getFullYear();
    const list = await officer.get(`/activities?kind=LAW_TALK&year=${year}`);
    expect(list.text).toContain('Tuyên truyền Luật An toàn, vệ sinh lao động');
    expect(list.text).not.toContain('Câu lạc bộ đọc sách tháng này');
    const csv = await officer.agent.get(`/activities?kind=LAW_TALK&year=${year}&format=csv`).expect(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.text).toContain('Tuyên truyền Luật An toàn, vệ sinh lao động');
    expect(csv.text.split('\n')[0]).toContain('Tên hoạt động');
    // The demo sessions of 2023–2025 are there too.
    const demo = await officer.get('/activities?year=2025&kind=READING_DAY');
    expect(demo.text).toContain('Ngày Sách và Văn hóa đọc Việt Nam 21/4/2025');
  });

  it('offers the same through /api/v1/activities with a personal API token', async () => {
    await officer.get('/account/tokens');
    const created = await officer.submit('/account/tokens', { name: 'Phần mềm nhân sự' });
    const token = /<code class="secret">([^<]+)<\/code>/.exec(created.text)?.[1];
    const api = () => request(app.getHttpServer());
    const auth = { Authorization: `Bearer ${token}` };
    const made = await api()
      .post('/api/v1/activities')
      .set(auth)
      .send({
        title: 'Tập huấn kỹ năng số cho công nhân',
        kind: 'SKILLS_TRAINING',
        domains: ['DIGITAL'],
        startsAt: new Date(Date.now() - 60_000).toISOString(),
        endsAt: new Date(Date.now() + 3_600_000).toISOString(),
        place: 'Phòng máy',
        organiser: 'Công đoàn cơ sở',
        hours: 3,
      })
      .expect(201);
    expect(made.body).toMatchObject({ kind: 'SKILLS_TRAINING', domains: ['DIGITAL'], hours: 3 });
    const id = made.body.id as number;
    const [a, b] = (
      await db.query(
        `SELECT e.worker_id AS id FROM employments e JOIN enterprises x ON x.id = e.enterprise_id
         WHERE x.tax_code = '6400123455' AND e.end_date IS NULL ORDER BY e.worker_id LIMIT 2`,
      )
    ).map((r: { id: number }) => Number(r.id));
    const [stranger] = await db.query(
      `SELECT e.worker_id AS id FROM employments e JOIN enterprises x ON x.id = e.enterprise_id
       WHERE x.tax_code = '6400234564' AND e.worker_id NOT IN (
         SELECT e2.worker_id FROM employments e2 JOIN enterprises x2 ON x2.id = e2.enterprise_id WHERE x2.tax_code = '6400123455')
       LIMIT 1`,
    );
    const added = await api()
      .post(`/api/v1/activities/${id}/attendance`)
      .set(auth)
      .send({ workerIds: [a, b, a] });
    expect(added.status).toBe(200);
    expect(added.body).toEqual({ added: 2, already: 0 });
    const refused = await api()
      .post(`/api/v1/activities/${id}/attendance`)
      .set(auth)
      .set('Accept-Language', 'en')
      .send({ workerIds: [stranger.id] })
      .expect(400);
    expect(refused.body.errors.workerIds).toContain('were not employed at the enterprise on the day');
    const list = await api().get(`/api/v1/activities/${id}/attendance`).set(auth).expect(200);
    expect(list.body.total).toBe(2);
    expect(list.body.items[0].method).toBe('API');
    await api().delete(`/api/v1/activities/${id}/attendance/${b}`).set(auth).expect(204);
    await api().delete(`/api/v1/activities/${id}/attendance/${b}`).set(auth).expect(404);
    const found = await api()
      .get('/api/v1/activities?kind=SKILLS_TRAINING&q=ky nang so')
      .set(auth)
      .expect(200);
    expect(found.body.items.map((s: { id: number }) => s.id)).toContain(id);
    expect(found.body.items.find((s: { id: number }) => s.id === id).attendees).toBe(1);
  });

  it('keeps worker logins out of the officer pages and the federation admin read-only', async () => {
    const worker = new Browser(app);
    await worker.login('nguoilaodong');
    await worker.agent.get('/activities').expect(403);
    await worker.agent.get('/learning-records').expect(403);
    const admin = new Browser(app);
    await admin.login('liendoan');
    const page = await admin.get(`/activities/${lawTalkId}`);
    expect(page.status).toBe(200);
    expect(page.text).not.toContain('/checkin/');
    await admin.agent.get(`/activities/${lawTalkId}/edit`).expect(403);
    await request(app.getHttpServer()).get(`/api/v1/activities/${lawTalkId}`).expect(401);
  });

  async function workerIdOf(username: string): Promise<number> {
    const [row] = await db.query(
      "SELECT r.scope_id AS id FROM role_assignments r JOIN users u ON u.id = r.user_id WHERE u.username = ? AND r.role = 'WORKER'",
      [username],
    );
    return Number(row.id);
  }
});
