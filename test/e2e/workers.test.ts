import { INestApplication } from '@nestjs/common';
import ExcelJS from 'exceljs';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { PiiCipher } from '../../src/common/crypto/pii-cipher';
import { todayInVietnam } from '../../src/common/time/vietnam-time';
import { maskCccd } from '../../src/common/validation/cccd';
import { Workforce } from '../../src/workers/workforce';
import { eventually } from '../support/eventually';
import { StatementCounter } from '../support/statement-counter';
import { Browser, createTestApp } from '../support/test-app';

/**
 * Union officers keep their enterprise's roster on the embedded default (SQLite, in-process jobs,
 * demo data): scoped lists, imports with a per-row error report, activation codes, and the CCCD
 * kept masked wherever it is not explicitly revealed.
 */
describe('workers (e2e)', () => {
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

  const enterpriseId = async (taxCode: string) =>
    Number((await db.query('SELECT id FROM enterprises WHERE tax_code = ?', [taxCode]))[0].id);
  /** Workers with an employment at the enterprise and none anywhere else. */
  const onlyAt = async (taxCode: string): Promise<number[]> => {
    const id = await enterpriseId(taxCode);
    const rows: { worker_id: number }[] = await db.query(
      `SELECT worker_id FROM employments GROUP BY worker_id
       HAVING SUM(enterprise_id = ?) > 0 AND SUM(enterprise_id <> ?) = 0`,
      [id, id],
    );
    return rows.map((r) => Number(r.worker_id));
  };
  const workerIdsOnPage = (html: string) =>
    [...html.matchAll(/href="\/workers\/(\d+)"/g)].map((m) => Number(m[1]));
  const count = (html: string, name: string) =>
    Number(new RegExp(`data-count="${name}">(\\d+)<`).exec(html)?.[1]);

  /** Uploads a roster through the multipart form, as the browser does, and returns the import's page path. */
  async function upload(browser: Browser, body: Buffer, filename: string, contentType = 'text/csv') {
    await browser.get('/workers/imports');
    return browser.agent
      .post(`/workers/imports`)
      .field('_csrf', browser.csrf)
      .attach('file', body, { filename, contentType });
  }

  /** Waits for the import's job on its run, as the progress bar does. */
  async function finishedImport(browser: Browser, path: string): Promise<string> {
    const page = await browser.get(path);
    const jobId = /data-job-id="(\d+)"/.exec(page.text)?.[1];
    if (jobId) {
      await eventually(
        `job run ${jobId} of ${path} to finish`,
        async () =>
          (await browser.agent.get(`/api/v1/jobs/${jobId}`).set('Accept', 'application/json').expect(200))
            .body,
        { until: (run) => run.finished === true },
      );
    }
    return (await browser.get(path)).text;
  }

  const ROSTER = [
    'Họ và tên,Ngày sinh,Giới tính,Số CCCD,Mã nhân viên,Số điện thoại,Email,Ngày vào làm,Ngày nghỉ việc,Đoàn viên công đoàn',
    'Đinh Thị Kiều Oanh,12/07/1995,Nữ,001195001111,TPX001,0987654321,,01/03/2020,,Có',
    'Lương Văn Khải,03/11/1988,Nam,001088002222,TPX002,,,2019-05-15,,x',
    'Hà Thị Mơ,22/01/2000,Nữ,001300003333,TPX003,,,01/08/2022,,Không',
    'Tạ Văn Lâm,31/02/1990,Nam,001090004444,TPX004,,,01/03/2020,,',
    'Kiều Văn Mạnh,01/01/1990,Nam,12345678,TPX005,,,01/03/2020,,',
    'Đinh Thị Kiều Oanh,12/07/1995,Nữ,001195001111,TPX006,,,01/03/2020,,',
  ].join('\r\n');
  const IMPORTED = ['001195001111', '001088002222', '001300003333'];
  let importPath = '';

  it('lists only the workers of the officer’s enterprise', async () => {
    const page = await officer.get('/workers?status=all&size=200');
    expect(page.status).toBe(200);
    const shown = workerIdsOnPage(page.text);
    const tamPhat = await enterpriseId('6400123455');
    const expected: { worker_id: number }[] = await db.query(
      'SELECT DISTINCT worker_id FROM employments WHERE enterprise_id = ?',
      [tamPhat],
    );
    expect(shown.sort((a, b) => a - b)).toEqual(
      expected.map((r) => Number(r.worker_id)).sort((a, b) => a - b),
    );
    expect(page.text).toContain(`Tổng số: ${expected.length}`);
    const dakMil = await onlyAt('6400234564');
    expect(shown.some((id) => dakMil.includes(id))).toBe(false);
  });

  it('counts every enterprise’s roster in one statement, the same as each enterprise’s own page', async () => {
    const workforce = app.get(Workforce);
    const ids = (await db.query('SELECT id FROM enterprises ORDER BY id')).map((r: { id: number }) =>
      Number(r.id),
    );
    const counter = new StatementCounter(app);
    for (const day of [todayInVietnam(), '2024-01-15']) {
      let counts = new Map<number, number>();
      const statements = await counter.during(async () => {
        counts = await workforce.rosterCounts([...ids, 987654], day);
      });
      expect(statements).toHaveLength(1);
      expect(counts.get(987654)).toBe(0);
      const one: [number, number][] = [];
      for (const id of ids) one.push([id, (await workforce.page(id, day, undefined, 0, 1))[1]]);
      expect(ids.map((id) => [id, counts.get(id)])).toEqual(one);
      // Something to compare: the demo enterprises employ people on both days.
      expect(one.filter(([, n]) => n > 0).length).toBeGreaterThan(1);
    }
    expect((await workforce.rosterCounts([], todayInVietnam())).size).toBe(0);
  });

  it('answers 404 for a worker of another enterprise, by URL and by API', async () => {
    const [other] = await onlyAt('6400234564');
    await officer.agent.get(`/workers/${other}`).expect(404);
    await officer.agent.get(`/api/v1/workers/${other}`).expect(404);
    const reveal = await officer.submit(`/workers/${other}/cccd`, {});
    expect(reveal.status).toBe(404);
    const list = await officer.agent.get('/api/v1/workers?status=all&size=200').expect(200);
    expect(list.body.items.some((w: { id: number }) => w.id === other)).toBe(false);
  });

  it('keeps a worker login out of the roster pages', async () => {
    const worker = new Browser(app);
    await worker.login('nguoilaodong');
    await worker.agent.get('/workers').expect(403);
    await worker.agent.get('/workers/imports').expect(403);
    await worker.agent.get('/api/v1/workers').expect(403);
  });

  it('offers a template with the Vietnamese headers and an example row', async () => {
    const res = await officer.agent
      .get('/workers/imports/template.xlsx')
      .buffer(true)
      .parse(binary)
      .expect(200);
    const [headers, example] = await readSheet(res.body as Buffer);
    expect(headers).toEqual([
      'Họ và tên',
      'Ngày sinh',
      'Giới tính',
      'Số CCCD',
      'Mã nhân viên',
      'Số điện thoại',
      'Email',
      'Ngày vào làm',
      'Ngày nghỉ việc',
      'Đoàn viên công đoàn',
    ]);
    expect(example.slice(0, 4)).toEqual(['Nguyễn Văn An', '15/03/1990', 'Nam', '067090012345']);
  });

  it('imports a CSV with bad rows: valid rows saved, each problem listed in Vietnamese', async () => {
    const res = await upload(officer, Buffer.from(`\uFEFF${ROSTER}`, 'utf8'), 'danh-sách tháng 11.csv');
    expect(res.status).toBe(303);
    importPath = res.headers.location;
    expect(importPath).toMatch(/^\/workers\/imports\/\d+$/);
    const html = await finishedImport(officer, importPath);
    expect(html).toContain('Hoàn thành');
    expect(html).toContain('danh-sách tháng 11.csv');
    expect([
      count(html, 'rows'),
      count(html, 'created'),
      count(html, 'updated'),
      count(html, 'errors'),
    ]).toEqual([6, 3, 0, 3]);
    expect(html).toContain(
      '<td class="num">5</td><td>Ngày sinh</td><td>Ngày sinh không đúng định dạng dd/mm/yyyy</td>',
    );
    expect(html).toContain('<td class="num">6</td><td>Số CCCD</td><td>Số CCCD không hợp lệ</td>');
    expect(html).toContain(
      '<td class="num">7</td><td>Số CCCD</td><td>Cùng người lao động với dòng 2 và thời gian làm việc trùng nhau</td>',
    );
    const saved: { full_name: string }[] = await db.query(
      "SELECT full_name FROM workers WHERE full_name IN ('Đinh Thị Kiều Oanh', 'Lương Văn Khải', 'Hà Thị Mơ', 'Tạ Văn Lâm')",
    );
    expect(saved.map((w) => w.full_name).sort()).toEqual([
      'Hà Thị Mơ',
      'Lương Văn Khải',
      'Đinh Thị Kiều Oanh',
    ]);

    const report = await officer.agent
      .get(`${importPath}/errors/xlsx`)
      .buffer(true)
      .parse(binary)
      .expect(200);
    const sheet = await readSheet(report.body as Buffer);
    expect(sheet[0]).toEqual(['Dòng', 'Cột', 'Lỗi']);
    expect(sheet.slice(1)).toContainEqual([
      7,
      'Số CCCD',
      'Cùng người lao động với dòng 2 và thời gian làm việc trùng nhau',
    ]);
  });

  it('changes nothing when the same file is imported again', async () => {
    const res = await upload(officer, Buffer.from(`\uFEFF${ROSTER}`, 'utf8'), 'danh-sách tháng 11.csv');
    const html = await finishedImport(officer, res.headers.location);
    expect([
      count(html, 'created'),
      count(html, 'updated'),
      count(html, 'unchanged'),
      count(html, 'errors'),
    ]).toEqual([0, 0, 3, 3]);
    expect(html).toContain('Không có thay đổi nào');
    const [{ n }] = await db.query(
      "SELECT COUNT(*) AS n FROM workers WHERE full_name = 'Đinh Thị Kiều Oanh'",
    );
    expect(Number(n)).toBe(1);
  });

  it('refuses files that are not XLSX or UTF-8 CSV, saying why', async () => {
    const xls = await upload(
      officer,
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
      'cu.xls',
      'application/vnd.ms-excel',
    );
    expect(xls.status).toBe(400);
    expect(xls.text).toContain('Tệp Excel 97–2003 (.xls) không được hỗ trợ');
    const legacy = await upload(officer, Buffer.from('H\xf4 v\xe0 t\xean\r\n', 'latin1'), 'ansi.csv');
    expect(legacy.status).toBe(400);
    expect(legacy.text).toContain('UTF-8');
    const none = await officer.agent
      .post(`/workers/imports`)
      .field('_csrf', officer.csrf)
      .field('enterpriseId', '');
    expect(none.status).toBe(400);
    expect(none.text).toContain('Vui lòng chọn tệp để tải lên.');
  });

  it('issues an activation code with which the worker activates and signs in with their CCCD', async () => {
    const [{ id }] = await db.query("SELECT id FROM workers WHERE full_name = 'Lương Văn Khải'");
    const show = await officer.get(`/workers/${id}`);
    expect(show.text).toContain('Cấp mã kích hoạt');
    const issued = await officer.submit(`/workers/${id}/activation-code`, {});
    expect(issued.status).toBe(200);
    expect(issued.headers['cache-control']).toBe('no-store');
    const code = /<code class="secret activation-code">([A-Z0-9]+)<\/code>/.exec(issued.text)?.[1];
    expect(code).toHaveLength(8);
    expect(issued.text).toContain(`nld${id}`);

    const worker = new Browser(app);
    await worker.get('/activate');
    const activated = await worker.submit('/activate', {
      username: '001 088 002 222',
      code: code!.toLowerCase(),
      password: 'Học suốt đời 2030',
      passwordConfirm: 'Học suốt đời 2030',
    });
    expect(activated.status).toBe(303);
    // A worker and nothing else starts at their learning page (issue 13, item 6)…
    expect(activated.headers.location).toBe('/learn');
    // …but at the first sign-in the privacy notice comes before anything else.
    await worker.acceptPrivacyNotice();

    const again = new Browser(app);
    await again.get('/login');
    expect(
      (await again.submit('/login', { username: '001088002222', password: 'Học suốt đời 2030' })).status,
    ).toBe(303);
    const me = await again.agent.get('/api/v1/me').expect(200);
    expect(me.body.displayName).toBe('Lương Văn Khải');
    expect(me.body.grants).toEqual([{ role: 'WORKER', scopeType: 'SELF', scopeId: Number(id) }]);
    expect((await officer.get(`/workers/${id}`)).text).toContain('Đang hoạt động');
  });

  it('issues codes for the rest of an import as a sheet to print', async () => {
    await officer.get(importPath);
    const res = await officer.agent
      .post(`${importPath}/activation-codes`)
      .type('form')
      .send(`_csrf=${officer.csrf}`)
      .buffer(true)
      .parse(binary)
      .expect(200);
    const sheet = await readSheet(res.body as Buffer);
    expect(sheet[0]).toEqual(['Họ và tên', 'Mã nhân viên', 'Tên đăng nhập', 'Mã kích hoạt', 'Hạn dùng đến']);
    // Lương Văn Khải already activated above; the other two get codes.
    expect(sheet.slice(1).map((r) => [r[0], r[1]])).toEqual([
      ['Đinh Thị Kiều Oanh', 'TPX001'],
      ['Hà Thị Mơ', 'TPX003'],
    ]);
    expect(sheet.slice(1).every((r) => /^[A-Z2-9]{8}$/.test(String(r[3])))).toBe(true);
  });

  it('shows the CCCD masked in lists and exports, and in full only on an explicit reveal', async () => {
    const pii = app.get(PiiCipher);
    const rows: { id: number; cccd_encrypted: string }[] = await db.query(
      'SELECT w.id, w.cccd_encrypted FROM workers w JOIN employments e ON e.worker_id = w.id WHERE e.enterprise_id = ?',
      [await enterpriseId('6400123455')],
    );
    const numbers = rows.map((r) => pii.decrypt(r.cccd_encrypted));
    expect(numbers).toEqual(expect.arrayContaining(IMPORTED));
    const leaks = (text: string) => numbers.filter((n) => text.includes(n));

    const list = await officer.get('/workers?status=all&size=200');
    expect(leaks(list.text)).toEqual([]);
    expect(list.text).toContain(maskCccd('001088002222'));
    const csv = await officer.agent.get('/workers/export/csv?status=all').expect(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(leaks(csv.text)).toEqual([]);
    expect(csv.text).toContain(maskCccd('001300003333'));
    const xlsx = await officer.agent
      .get('/workers/export/xlsx?status=all')
      .buffer(true)
      .parse(binary)
      .expect(200);
    const sheet = await readSheet(xlsx.body as Buffer);
    expect(sheet).toHaveLength(rows.length + 1);
    expect(leaks(JSON.stringify(sheet))).toEqual([]);
    const api = await officer.agent.get('/api/v1/workers?status=all&size=200').expect(200);
    expect(leaks(JSON.stringify(api.body))).toEqual([]);

    // The roster is the officer's own: they may export it with full numbers (and nobody else may).
    // It is a POST with a reason, never a link: the old GET form of it is refused.
    await officer.agent.get('/workers/export/xlsx?status=all&cccd=full').expect(400);
    await officer.get('/workers');
    const noReason = await officer.submit('/workers/export/xlsx/full', { status: 'all', reason: '' });
    expect(noReason.status).toBe(400);
    expect(noReason.text).toContain('Lý do cần số CCCD đầy đủ');
    const full = await officer.agent
      .post('/workers/export/xlsx/full')
      .type('form')
      .send({ _csrf: officer.csrf, status: 'all', reason: 'Lập danh sách đóng BHXH tháng 12' })
      .buffer(true)
      .parse(binary)
      .expect(200);
    expect(full.headers['cache-control']).toBe('no-store');
    expect(leaks(JSON.stringify(await readSheet(full.body as Buffer))).sort()).toEqual([...numbers].sort());
    const admin = new Browser(app);
    await admin.login('liendoan');
    await admin.get('/workers');
    expect((await admin.submit('/workers/export/xlsx/full', { reason: 'Kiểm tra số liệu' })).status).toBe(
      403,
    );

    // A CCCD is never taken from a URL: the list and the API refuse it, and say how to search.
    const inUrl = await officer.agent.get('/workers?q=001300003333').expect(400);
    expect(inUrl.text).toContain('Không tìm theo số CCCD qua địa chỉ trang');
    expect(leaks(inUrl.text)).toEqual([]);
    const apiInUrl = await officer.agent.get('/api/v1/workers?q=001.300.003.333').expect(400);
    expect(JSON.stringify(apiInUrl.body)).toContain('/api/v1/workers/lookup');

    // Searching by CCCD posts the number; the answer is rendered, never redirected to a URL with it.
    await officer.get('/workers');
    const search = await officer.submit('/workers/search', { q: '001 300 003 333' });
    expect(search.status).toBe(200);
    expect(search.text).toContain('Hà Thị Mơ');
    expect(leaks(search.text)).toEqual([]);
    const byName = await officer.submit('/workers/search', { q: 'ha thi mo', status: 'all' });
    expect(byName.status).toBe(303);
    expect(byName.headers.location).toBe('/workers?q=ha+thi+mo&status=all');
    expect((await officer.get(byName.headers.location)).text).toContain('Hà Thị Mơ');

    const [{ id }] = await db.query("SELECT id FROM workers WHERE full_name = 'Hà Thị Mơ'");
    const page = await officer.get(`/workers/${id}`);
    expect(leaks(page.text)).toEqual([]);
    const revealed = await officer.submit(`/workers/${id}/cccd`, {});
    expect(revealed.status).toBe(200);
    expect(revealed.headers['cache-control']).toBe('no-store');
    expect(revealed.text).toContain('001300003333');
  });

  it('adds a worker, records leaving, and keeps the history', async () => {
    await officer.get('/workers/new');
    const bad = await officer.submit('/workers', {
      fullName: 'Mai Văn Tiến',
      dateOfBirth: '1993-04-09',
      gender: 'MALE',
      cccd: '001094005555',
      startDate: '2021-01-04',
    });
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('Số CCCD không khớp với năm sinh hoặc thế kỷ sinh.');
    const created = await officer.submit('/workers', {
      fullName: 'Mai Văn Tiến',
      dateOfBirth: '1993-04-09',
      gender: 'MALE',
      cccd: '001093005555',
      employeeCode: 'TPX100',
      startDate: '2021-01-04',
      unionMember: 'true',
    });
    expect(created.status).toBe(303);
    const path = created.headers.location as string;
    const show = await officer.get(path);
    expect(show.text).toContain('Mai Văn Tiến');
    const employmentId = /\/employments\/(\d+)\/end/.exec(show.text)?.[1];
    const ended = await officer.submit(`${path}/employments/${employmentId}/end`, { endDate: '2025-06-30' });
    expect(ended.status).toBe(303);
    const after = await officer.get(path);
    expect(after.text).toContain('Đã nghỉ việc');
    expect(after.text).toContain('30/06/2025');
    expect((await officer.get('/workers?q=mai van tien')).text).not.toContain('Mai Văn Tiến');
    expect((await officer.get('/workers?q=mai van tien&status=ended')).text).toContain('Mai Văn Tiến');
  });
});

/** supertest parser that keeps a binary body as a Buffer. */
function binary(res: request.Response, callback: (error: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => callback(null, Buffer.concat(chunks)));
}

async function readSheet(buffer: Buffer): Promise<unknown[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  const rows: unknown[][] = [];
  workbook.worksheets[0].eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}
