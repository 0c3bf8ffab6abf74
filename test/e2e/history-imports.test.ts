import { INestApplication } from '@nestjs/common';
import ExcelJS from 'exceljs';
import { DataSource } from 'typeorm';
import { PiiCipher } from '../../src/common/crypto/pii-cipher';
import { todayInVietnam } from '../../src/common/time/vietnam-time';
import { RollupScheduler } from '../../src/indicators/rollup.scheduler';
import { RollupService } from '../../src/indicators/rollup.service';
import { JobExecutor } from '../../src/jobs/job-executor';
import { eventually } from '../support/eventually';
import { Browser, createTestApp } from '../support/test-app';

/**
 * Going live with 2023–2025 history (SQLite, in-process jobs, demo data): titles, in-person
 * trainings and institutions' results come in from sheets as a dry run that saves nothing, then
 * are applied; they count in the past years' figures; importing again changes nothing; a person
 * hoctap does not know as written goes to the row report; only the federation (and the province
 * branch, for titles) may import.
 */
describe('history imports (e2e)', () => {
  let app: INestApplication;
  let db: DataSource;
  let admin: Browser;
  let people: { id: number; cccd: string; name: string; dob: string }[];

  beforeAll(async () => {
    app = await createTestApp({ database: 'sqlite' });
    db = app.get(DataSource);
    admin = new Browser(app);
    await admin.login('liendoan');
    const pii = app.get(PiiCipher);
    // Workers with one employment that covers all of 2024, and no title for 2024 yet.
    const rows: { id: number; enc: string; name: string; dob: string }[] = await db.query(
      `SELECT w.id, w.cccd_encrypted AS enc, w.full_name AS name, w.date_of_birth AS dob
       FROM workers w JOIN employments e ON e.worker_id = w.id
       WHERE w.id NOT IN (SELECT worker_id FROM recognitions)
       GROUP BY w.id, w.cccd_encrypted, w.full_name, w.date_of_birth
       HAVING COUNT(*) = 1 AND MIN(e.start_date) <= '2024-01-01' AND MAX(COALESCE(e.end_date, '9999-12-31')) >= '2025-12-31'
       ORDER BY w.id LIMIT 4`,
    );
    expect(rows).toHaveLength(4);
    people = rows.map((r) => ({
      id: Number(r.id),
      cccd: pii.decrypt(r.enc),
      name: r.name,
      dob: String(r.dob).slice(0, 10),
    }));
  });

  afterAll(async () => {
    await app.close();
  });

  const dmy = (iso: string) => iso.split('-').reverse().join('/');
  const counted = (html: string, name: string) =>
    Number(new RegExp(`data-count="${name}">(\\d+)<`).exec(html)?.[1]);
  const counts = (html: string) =>
    ['rows', 'created', 'updated', 'unchanged', 'errors'].map((n) => counted(html, n));

  async function finished(client: Browser, path: string): Promise<string> {
    const page = await client.get(path);
    const jobId = /data-job-id="(\d+)"/.exec(page.text)?.[1];
    if (jobId)
      await eventually(
        `job run ${jobId} of ${path} to finish`,
        async () =>
          (await client.agent.get(`/api/v1/jobs/${jobId}`).set('Accept', 'application/json').expect(200))
            .body,
        { until: (run) => run.finished === true },
      );
    return (await client.get(path)).text;
  }

  async function dryRun(client: Browser, kind: string, csv: string): Promise<{ path: string; html: string }> {
    await client.get(`/history/${kind}`);
    const res = await client.agent
      .post(`/history/${kind}`)
      .field('_csrf', client.csrf)
      .attach('file', Buffer.from(`\uFEFF${csv}`, 'utf8'), {
        filename: `${kind}.csv`,
        contentType: 'text/csv',
      });
    expect(res.status).toBe(303);
    expect(res.headers.location).toMatch(/^\/history\/runs\/\d+$/);
    return { path: res.headers.location, html: await finished(client, res.headers.location) };
  }

  async function apply(client: Browser, path: string): Promise<{ path: string; html: string }> {
    await client.get(path);
    const res = await client.submit(`${path}/apply`, {});
    expect(res.status).toBe(303);
    return { path: res.headers.location, html: await finished(client, res.headers.location) };
  }

  async function provinceFigure(asOf: string, column: string): Promise<number> {
    const [plan] = await db.query('SELECT id FROM plans ORDER BY id LIMIT 1');
    const outcome = await app.get(RollupService).run(Number(plan.id), asOf, { force: true });
    const [row] = await db.query(
      `SELECT ${column} AS value FROM indicator_snapshot_rows WHERE snapshot_id = ? AND level = 'PROVINCE'`,
      [outcome.snapshotId],
    );
    return Number(row.value);
  }

  it('lists the three kinds with their templates for the federation admin', async () => {
    const page = await admin.get('/history');
    expect(page.status).toBe(200);
    for (const slug of ['titles', 'trainings', 'results']) {
      expect(page.text).toContain(`data-history-kind="${slug}"`);
      const template = await admin.agent
        .get(`/history/${slug}/template.xlsx`)
        .buffer(true)
        .parse((res, done) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => done(null, Buffer.concat(chunks)));
        });
      expect(template.status).toBe(200);
      expect((template.body as Buffer).subarray(0, 2).toString()).toBe('PK');
    }
    expect(page.text).toContain('Công dân học tập các năm trước');
  });

  it('brings in past titles: a dry run saves nothing, applying counts them in their year, again changes nothing', async () => {
    const [a, b] = people;
    const sheet = [
      'STT,Số CCCD,Họ và tên,Ngày sinh,Năm công nhận,Hội Khuyến học công nhận,Số quyết định,Ngày quyết định,Ngày thu hồi,Lý do thu hồi',
      `1,${a.cccd},${a.name},${dmy(a.dob)},2024,Hội Khuyến học tỉnh Đắk Nông,45/QĐ-KH,20/12/2024,,`,
      // Decided in January 2025: a title of 2024 that did not yet count on 31/12/2024.
      `2,${b.cccd},${b.name},${dmy(b.dob)},2024,Hội Khuyến học tỉnh Đắk Nông,3/QĐ-KH,10/01/2025,,`,
      `3,079099000001,Người Không Có,01/01/1990,2024,Hội Khuyến học tỉnh Đắk Nông,45/QĐ-KH,20/12/2024,,`,
      `4,${a.cccd},Tên Khác Hẳn,${dmy(a.dob)},2023,Hội Khuyến học tỉnh Đắk Nông,12/QĐ-KH,15/12/2023,,`,
      // The province branch of Lâm Đồng did not exist in 2023.
      `5,${b.cccd},${b.name},${dmy(b.dob)},2023,Hội Khuyến học tỉnh Lâm Đồng,12/QĐ-KH,15/12/2023,,`,
      `6,${a.cccd},${a.name},${dmy(a.dob)},2024,Hội Khuyến học tỉnh Đắk Nông,45/QĐ-KH,20/12/2024,,`,
    ].join('\r\n');
    const before2024 = await provinceFigure('2024-12-31', 'learning_citizen');
    const titlesBefore = Number((await db.query('SELECT COUNT(*) AS n FROM recognitions'))[0].n);

    const preview = await dryRun(admin, 'titles', sheet);
    expect(preview.html).toContain('data-mode="dry-run"');
    expect(counts(preview.html)).toEqual([6, 2, 0, 0, 4]);
    expect(Number((await db.query('SELECT COUNT(*) AS n FROM recognitions'))[0].n)).toBe(titlesBefore);
    expect(preview.html).toContain(
      '<td class="num">4</td><td>Số CCCD</td><td>Chưa có người lao động với số CCCD này',
    );
    expect(preview.html).toContain('<td class="num">5</td><td>Họ và tên</td><td>Họ tên khác với hồ sơ');
    expect(preview.html).toContain(
      '<td class="num">6</td><td>Hội Khuyến học công nhận</td><td>&quot;Hội Khuyến học tỉnh Lâm Đồng&quot; không còn (hoặc chưa) hoạt động',
    );
    expect(preview.html).toContain(
      '<td class="num">7</td><td>Năm công nhận</td><td>Trùng với dòng 2 của tệp',
    );
    expect(preview.html).toContain('Áp dụng</button>');

    const applied = await apply(admin, preview.path);
    expect(applied.html).toContain('data-mode="apply"');
    expect(counts(applied.html)).toEqual([6, 2, 0, 0, 4]);
    const titles = await db.query(
      'SELECT worker_id AS workerId, year, decision_no AS no, application_id AS app, certificate_no AS cert FROM recognitions WHERE worker_id IN (?, ?) ORDER BY worker_id',
      [a.id, b.id],
    );
    expect(titles).toEqual([
      { workerId: a.id, year: 2024, no: '45/QĐ-KH', app: null, cert: null },
      { workerId: b.id, year: 2024, no: '3/QĐ-KH', app: null, cert: null },
    ]);
    // Only the title decided in 2024 counts on 31/12/2024.
    expect(await provinceFigure('2024-12-31', 'learning_citizen')).toBe(before2024 + 1);
    // The dry run's page now links the run that applied it, and offers no second apply.
    const again = await admin.get(preview.path);
    expect(again.text).toContain(`data-applied-by="${/\d+$/.exec(applied.path)![0]}"`);
    expect(again.text).not.toContain('Áp dụng</button>');

    const audit = await db.query(
      "SELECT subject_id AS id, details FROM audit_log WHERE action = 'history.imported'",
    );
    expect(audit.map((r: { id: number }) => `/history/runs/${r.id}`)).toContain(applied.path);

    // The same list again: nothing new.
    const second = await dryRun(admin, 'titles', sheet);
    expect(counts(second.html)).toEqual([6, 0, 0, 2, 4]);
    // A corrected list (a revocation) updates the title, and it no longer counts after that day.
    const revoked = sheet.replace(
      `45/QĐ-KH,20/12/2024,,\r\n2`,
      `45/QĐ-KH,20/12/2024,28/12/2024,Khai không trung thực\r\n2`,
    );
    const corrected = await apply(admin, (await dryRun(admin, 'titles', revoked)).path);
    expect(counts(corrected.html)).toEqual([6, 0, 1, 1, 4]);
    expect(await provinceFigure('2024-12-31', 'learning_citizen')).toBe(before2024);
  });

  it('shows a past title to its holder with its decision, and no certificate to download', async () => {
    const [holder] = await db.query(
      `SELECT w.id, w.cccd_encrypted AS enc, w.full_name AS name, w.date_of_birth AS dob
       FROM workers w JOIN users u ON u.id = w.user_id WHERE u.username = 'nguoilaodong'`,
    );
    const cccd = app.get(PiiCipher).decrypt(holder.enc);
    const sheet = [
      'Số CCCD,Họ và tên,Ngày sinh,Năm công nhận,Hội Khuyến học công nhận,Số quyết định,Ngày quyết định',
      `${cccd},${holder.name},${dmy(String(holder.dob).slice(0, 10))},2023,Hội Khuyến học huyện Cư Jút,88/QĐ-KH,18/12/2023`,
    ].join('\r\n');
    const applied = await apply(admin, (await dryRun(admin, 'titles', sheet)).path);
    expect(counts(applied.html)).toEqual([1, 1, 0, 0, 0]);
    const [title] = await db.query('SELECT id FROM recognitions WHERE worker_id = ? AND year = 2023', [
      holder.id,
    ]);

    const worker = new Browser(app);
    await worker.login('nguoilaodong');
    const page = await worker.get('/citizenship/certificates');
    expect(page.text).toContain('Hội Khuyến học huyện Cư Jút · Quyết định số 88/QĐ-KH ngày 18/12/2023');
    expect(page.text).not.toContain(`/citizenship/certificates/${title.id}.pdf`);
    // There is no hoctap certificate of it to fetch, even for its holder.
    expect((await worker.agent.get(`/citizenship/certificates/${title.id}.pdf`)).status).toBe(404);
  });

  it('brings in in-person trainings and results of past years, counted in those years, and idempotent', async () => {
    const [, , c] = people;
    const before = await provinceFigure('2023-12-31', 'law');
    const [prior] = await db.query(
      'SELECT first_law_on AS law FROM worker_learning_summary WHERE worker_id = ?',
      [c.id],
    );
    const lawBefore = !!prior?.law && String(prior.law).slice(0, 10) <= '2023-12-31';
    const trainings = [
      'Ngày tập huấn,Chủ đề,Lĩnh vực,Số giờ,Đơn vị tổ chức,Số CCCD,Họ và tên,Ngày sinh',
      `15/05/2023,Tuyên truyền Bộ luật Lao động,"Chính trị, pháp luật",3,Liên đoàn Lao động tỉnh,${c.cccd},${c.name},${dmy(c.dob)}`,
      `15/05/2023,Tuyên truyền Bộ luật Lao động,"Chính trị, pháp luật",4,Liên đoàn Lao động tỉnh,${people[0].cccd},${people[0].name},${dmy(people[0].dob)}`,
      `16/05/2023,Sơ cứu,Thể thao,2,Hội Chữ thập đỏ,${c.cccd},${c.name},${dmy(c.dob)}`,
    ].join('\r\n');
    const preview = await dryRun(admin, 'trainings', trainings);
    expect(counts(preview.html)).toEqual([3, 1, 0, 0, 2]);
    expect(preview.html).toContain('Cùng lớp với dòng 2 nhưng ghi số giờ khác.');
    expect(preview.html).toContain('&quot;Thể thao&quot; không phải lĩnh vực');
    const applied = await apply(admin, preview.path);
    expect(counts(applied.html)).toEqual([3, 1, 0, 0, 2]);
    const [record] = await db.query(
      "SELECT occurred_on AS day, source, hours FROM learning_records WHERE worker_id = ? AND source = 'TRAINING'",
      [c.id],
    );
    expect(record).toMatchObject({ source: 'TRAINING', hours: 3 });
    expect(String(record.day).slice(0, 10)).toBe('2023-05-15');
    // The worker's summary moved with the record: reached LAW on the training day at the latest.
    const [summary] = await db.query(
      'SELECT first_law_on AS law FROM worker_learning_summary WHERE worker_id = ?',
      [c.id],
    );
    expect(String(summary.law).slice(0, 10) <= '2023-05-15').toBe(true);
    expect(await provinceFigure('2023-12-31', 'law')).toBe(before + (lawBefore ? 0 : 1));
    expect(counts((await dryRun(admin, 'trainings', trainings)).html)).toEqual([3, 0, 0, 1, 2]);

    const results = [
      'Cơ sở đào tạo,Mã kết quả,Số CCCD,Họ và tên,Ngày sinh,Tên khóa học,Chương trình,Số chứng chỉ,Ngày hoàn thành,Số giờ,Lĩnh vực',
      `Trường Cao đẳng Cộng đồng Đắk Nông,KQ-2024-1,${c.cccd},${c.name},${dmy(c.dob)},Tin học văn phòng,,CC-1,30/06/2024,40,CNTT`,
      `Trường Cao đẳng Cộng đồng Đắk Nông,,${c.cccd},${c.name},${dmy(c.dob)},Kỹ năng giao tiếp,,,10/10/2024,8,Kỹ năng sống`,
      `Trường Không Có,KQ-1,${c.cccd},${c.name},${dmy(c.dob)},Tin học,,,30/06/2024,40,CNTT`,
    ].join('\r\n');
    const resultsPreview = await dryRun(admin, 'results', results);
    expect(counts(resultsPreview.html)).toEqual([3, 2, 0, 0, 1]);
    expect(resultsPreview.html).toContain('Không có cơ sở đào tạo tên &quot;Trường Không Có&quot;');
    const resultsApplied = await apply(admin, resultsPreview.path);
    expect(counts(resultsApplied.html)).toEqual([3, 2, 0, 0, 1]);
    expect(counts((await dryRun(admin, 'results', results)).html)).toEqual([3, 0, 0, 2, 1]);
    // The same result id with other content is refused, never overwritten.
    const changed = results.replace('30/06/2024,40,CNTT\r\nTrường Cao', '30/06/2024,45,CNTT\r\nTrường Cao');
    const conflict = await dryRun(admin, 'results', changed);
    expect(conflict.html).toContain('Kết quả mã KQ-2024-1 đã được nhập với nội dung khác');
  });

  it("takes a whole workbook: each sheet a kind recognises becomes that kind's dry run", async () => {
    const [a, , c] = people;
    const template = await admin.agent
      .get('/history/workbook.xlsx')
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });
    expect(template.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(template.body as ExcelJS.Buffer);
    expect(book.worksheets.map((w) => w.name)).toEqual([
      'Công dân học tập',
      'Tập huấn trực tiếp',
      'Kết quả học tập',
      'Hướng dẫn',
    ]);
    // The person's own rows in place of the examples, a title row above the trainings' header, and
    // the sheets in another order than the template's: they are told apart by their headers.
    const upload = new ExcelJS.Workbook();
    const results = upload.addWorksheet('KQ');
    results.addRow([
      'Cơ sở đào tạo',
      'Số CCCD',
      'Họ và tên',
      'Ngày sinh',
      'Tên khóa học',
      'Ngày hoàn thành',
      'Số giờ',
      'Lĩnh vực',
    ]);
    results.addRow([
      'Trường Cao đẳng Cộng đồng Đắk Nông',
      c.cccd,
      c.name,
      dmy(c.dob),
      'An toàn lao động',
      '12/11/2025',
      '16',
      'Kỹ năng nghề nghiệp',
    ]);
    const trainings = upload.addWorksheet('Tập huấn');
    trainings.addRow(['DANH SÁCH DỰ TẬP HUẤN 2025']);
    trainings.addRow([
      'Ngày tập huấn',
      'Chủ đề',
      'Lĩnh vực',
      'Số giờ',
      'Đơn vị tổ chức',
      'Số CCCD',
      'Họ và tên',
      'Ngày sinh',
    ]);
    trainings.addRow([
      '03/03/2025',
      'Chuyển đổi số',
      'DIGITAL',
      '2',
      'Liên đoàn Lao động tỉnh',
      a.cccd,
      a.name,
      dmy(a.dob),
    ]);
    upload.addWorksheet('Ghi chú').addRow(['Không phải dữ liệu']);
    const file = Buffer.from(await upload.xlsx.writeBuffer());

    await admin.get('/history');
    const res = await admin.agent.post('/history').field('_csrf', admin.csrf).attach('file', file, {
      filename: 'so-lich-su.xlsx',
      contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    });
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe('/history');
    const runs = await db.query(
      "SELECT id, kind, sheet_index AS sheet, dry_run AS dry FROM import_runs WHERE original_name = 'so-lich-su.xlsx' ORDER BY id",
    );
    expect(
      runs.map((r: { kind: string; sheet: number; dry: number }) => [r.kind, Number(r.sheet), Number(r.dry)]),
    ).toEqual([
      ['HISTORY_TRAININGS', 1, 1],
      ['HISTORY_RESULTS', 0, 1],
    ]);
    const page = await admin.get('/history');
    expect(page.text).toContain('Đã nhận sổ: 2 trang tính đang được chạy thử');
    const [training, result] = await Promise.all(
      runs.map((r: { id: number }) => finished(admin, `/history/runs/${r.id}`)),
    );
    expect(counts(training)).toEqual([1, 1, 0, 0, 0]);
    expect(counts(result)).toEqual([1, 1, 0, 0, 0]);
    // Applied, each reads its own sheet of its own copy of the workbook.
    expect(counts((await apply(admin, `/history/runs/${runs[0].id}`)).html)).toEqual([1, 1, 0, 0, 0]);

    // A workbook with no sheet of the kinds: the form says so, and no run is made.
    const empty = new ExcelJS.Workbook();
    empty.addWorksheet('A').addRow(['Họ và tên', 'Lớp']);
    await admin.get('/history');
    const refused = await admin.agent
      .post('/history')
      .field('_csrf', admin.csrf)
      .attach('file', Buffer.from(await empty.xlsx.writeBuffer()), {
        filename: 'khong-co.xlsx',
        contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      });
    expect(refused.status).toBe(400);
    expect(refused.text).toContain('Không nhận ra trang tính nào của sổ');
    expect(await db.query("SELECT id FROM import_runs WHERE original_name = 'khong-co.xlsx'")).toEqual([]);
  });

  it('moves the 2023–2025 year-ends with no hand-run roll-up, and a submitted 2025 report says its figures changed', async () => {
    const [plan] = await db.query('SELECT id FROM plans ORDER BY id LIMIT 1');
    const planId = Number(plan.id);
    const yearEnd = async (asOf: string, column: string) => {
      const [row] = await db.query(
        `SELECT r.${column} AS n FROM indicator_snapshot_rows r JOIN indicator_snapshots s ON s.id = r.snapshot_id
          WHERE s.plan_id = ? AND s.as_of = ? AND r.level = 'PROVINCE'`,
        [planId, asOf],
      );
      return Number(row.n);
    };
    // The year-ends as they stand now (earlier tests imported history with nobody listening), final.
    for (const asOf of ['2023-12-31', '2024-12-31', '2025-12-31'])
      await app.get(RollupService).run(planId, asOf, { force: true });
    const [federation] = await db.query(
      "SELECT id FROM reporting_bodies WHERE plan_id = ? AND kind = 'FEDERATION' ORDER BY id LIMIT 1",
      [planId],
    );
    const report = `/reports/bodies/${federation.id}/years/2025`;
    const before = (await admin.get(report)).text;
    if (!before.includes('Đã nộp')) {
      const res = await admin.submit(`${report}/submit`, { activities: 'Tổng hợp kết quả năm 2025.' });
      expect(res.status).toBe(303);
    }
    expect((await admin.get(report)).text).not.toContain('data-role="figures-changed"');

    const d = people[3];
    const [summary] = await db.query(
      'SELECT first_law_on AS law, first_digital_on AS digital FROM worker_learning_summary WHERE worker_id = ?',
      [d.id],
    );
    const reached = (day: unknown, by: string) => !!day && String(day).slice(0, 10) <= by;
    const expected = {
      law2023: (await yearEnd('2023-12-31', 'law')) + (reached(summary?.law, '2023-12-31') ? 0 : 1),
      digital2024:
        (await yearEnd('2024-12-31', 'digital')) + (reached(summary?.digital, '2024-12-31') ? 0 : 1),
      citizens2025: (await yearEnd('2025-12-31', 'learning_citizen')) + 1,
    };

    // The indicators listen to "figures changed" as the running app does (NODE_ENV=test leaves it off).
    app.get(RollupScheduler).subscribe();
    const book = new ExcelJS.Workbook();
    book.addWorksheet('Công dân học tập').addRows([
      [
        'Số CCCD',
        'Họ và tên',
        'Ngày sinh',
        'Năm công nhận',
        'Hội Khuyến học công nhận',
        'Số quyết định',
        'Ngày quyết định',
      ],
      [d.cccd, d.name, dmy(d.dob), '2025', 'Hội Khuyến học tỉnh Lâm Đồng', '101/QĐ-KH', '19/12/2025'],
    ]);
    book.addWorksheet('Tập huấn trực tiếp').addRows([
      [
        'Ngày tập huấn',
        'Chủ đề',
        'Lĩnh vực',
        'Số giờ',
        'Đơn vị tổ chức',
        'Số CCCD',
        'Họ và tên',
        'Ngày sinh',
      ],
      [
        '20/04/2023',
        'Luật Công đoàn 2024 (dự thảo)',
        'Pháp luật',
        '2',
        'Liên đoàn Lao động tỉnh',
        d.cccd,
        d.name,
        dmy(d.dob),
      ],
    ]);
    book.addWorksheet('Kết quả học tập').addRows([
      [
        'Cơ sở đào tạo',
        'Số CCCD',
        'Họ và tên',
        'Ngày sinh',
        'Tên khóa học',
        'Ngày hoàn thành',
        'Số giờ',
        'Lĩnh vực',
      ],
      [
        'Trường Cao đẳng Cộng đồng Đắk Nông',
        d.cccd,
        d.name,
        dmy(d.dob),
        'Kỹ năng số cơ bản',
        '05/09/2024',
        '24',
        'Công nghệ số',
      ],
    ]);
    await admin.get('/history');
    const res = await admin.agent
      .post('/history')
      .field('_csrf', admin.csrf)
      .attach('file', Buffer.from(await book.xlsx.writeBuffer()), {
        filename: 'so-2023-2025.xlsx',
        contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      });
    expect(res.status).toBe(303);
    const previews: { id: number }[] = await db.query(
      "SELECT id FROM import_runs WHERE original_name = 'so-2023-2025.xlsx' AND dry_run = 1 ORDER BY id",
    );
    expect(previews).toHaveLength(3);
    for (const preview of previews) {
      expect(counts(await finished(admin, `/history/runs/${preview.id}`))).toEqual([1, 1, 0, 0, 0]);
      expect(counts((await apply(admin, `/history/runs/${preview.id}`)).html)).toEqual([1, 1, 0, 0, 0]);
    }

    // Each applied sheet asked for the closed years again, debounced, once per year-end.
    const queued: { id: number; key: string }[] = await db.query(
      "SELECT id, business_key AS `key` FROM job_runs WHERE name = 'indicators.rollup' AND status = 'QUEUED' AND business_key LIKE ? ORDER BY business_key",
      [`${planId}:%:backdated`],
    );
    expect(queued.map((q) => q.key)).toEqual(
      ['2023-12-31', '2024-12-31', '2025-12-31'].map((asOf) => `${planId}:${asOf}:backdated`),
    );
    for (const run of queued) await app.get(JobExecutor).execute(Number(run.id), 1);
    expect({
      law2023: await yearEnd('2023-12-31', 'law'),
      digital2024: await yearEnd('2024-12-31', 'digital'),
      citizens2025: await yearEnd('2025-12-31', 'learning_citizen'),
    }).toEqual(expected);
    const after = await admin.get(report);
    expect(after.text).toContain('data-role="figures-changed"');
    expect(after.text).toContain('Số liệu năm 2025 đã thay đổi kể từ khi nộp báo cáo');
  });

  it('takes no title of the current year: those go through the review chain', async () => {
    const [a] = people;
    const year = Number(todayInVietnam().slice(0, 4));
    const sheet = [
      'Số CCCD,Họ và tên,Ngày sinh,Năm công nhận,Hội Khuyến học công nhận,Số quyết định,Ngày quyết định',
      `${a.cccd},${a.name},${dmy(a.dob)},${year},Hội Khuyến học tỉnh Lâm Đồng,1/QĐ-KH,01/01/${year}`,
    ].join('\r\n');
    const preview = await dryRun(admin, 'titles', sheet);
    expect(counts(preview.html)).toEqual([1, 0, 0, 0, 1]);
    expect(preview.html).toContain(`Năm công nhận phải là một năm đã qua, từ 2000 đến ${year - 1}`);
  });

  it('lets only the federation, and the province branch for titles, import history', async () => {
    const province = new Browser(app);
    await province.login('khuyenhoc.tinh');
    const page = await province.get('/history');
    expect(page.status).toBe(200);
    expect(page.text).toContain('data-history-kind="titles"');
    expect(page.text).not.toContain('data-history-kind="trainings"');
    expect((await province.get('/history/trainings')).status).toBe(403);
    expect((await province.get('/history/titles')).status).toBe(200);

    const commune = new Browser(app);
    await commune.login('khuyenhoc.cujut');
    expect((await commune.get('/history/titles')).status).toBe(403);
    await commune.get('/history');
    const refused = await commune.agent
      .post('/history/titles')
      .field('_csrf', commune.csrf)
      .attach('file', Buffer.from('a,b\r\n1,2', 'utf8'), { filename: 'x.csv', contentType: 'text/csv' });
    expect(refused.status).toBe(403);
    // A run the commune reviewer cannot import is not found, page or apply.
    const [run] = await db.query(
      "SELECT id FROM import_runs WHERE kind = 'HISTORY_TITLES' ORDER BY id LIMIT 1",
    );
    expect((await commune.get(`/history/runs/${run.id}`)).status).toBe(404);

    const officer = new Browser(app);
    await officer.login('congdoan.tamphat');
    expect((await officer.get('/history')).status).toBe(403);
    expect((await officer.get(`/history/runs/${run.id}`)).status).toBe(403);
  });
});
