import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { eventually } from '../support/eventually';
import { Browser, createTestApp } from '../support/test-app';

/**
 * The federation admin brings the register of enterprises up to date from a sheet (SQLite, in-process
 * jobs, demo data): rows upserted by tax code, placed at the commune whose code is in force today,
 * a per-row report in Vietnamese, and a second upload of the same file that changes nothing.
 */
describe('enterprises import (e2e)', () => {
  let app: INestApplication;
  let db: DataSource;
  let admin: Browser;

  beforeAll(async () => {
    app = await createTestApp({ database: 'sqlite' });
    db = app.get(DataSource);
    admin = new Browser(app);
    await admin.login('liendoan');
  });

  afterAll(async () => {
    await app.close();
  });

  const NEW_TAX_CODE = '0300588569';
  const TAM_PHAT = '6400123455';
  const sheet = [
    'STT,Tên doanh nghiệp,Mã số thuế,"Mã xã, phường",Khu công nghiệp,Ngành nghề,Địa chỉ',
    `1,Công ty TNHH Nông sản Cư Jút,${NEW_TAX_CODE},24640,,Chế biến cà phê,"Thôn 3, xã Cư Jút"`,
    `2,Công ty TNHH Chế biến Nông sản Tâm Phát,${TAM_PHAT},24649,,Sản xuất bao bì,`,
    '3,Công ty Sai Mã Số Thuế,6400123456,24640,,,',
    // Rows 5 and 6 share a tax code: a refused row does not take it, so row 6 gets its own reason.
    '4,Công ty Ở Xã Cũ,6400123494,24655,,,',
    '5,Công ty Ở Huyện,6400123494,662,,,',
    `6,Công ty Trùng Mã,${NEW_TAX_CODE},24640,,,`,
  ].join('\r\n');

  const counted = (html: string, name: string) =>
    Number(new RegExp(`data-count="${name}">(\\d+)<`).exec(html)?.[1]);

  async function finished(path: string): Promise<string> {
    const page = await admin.get(path);
    const jobId = /data-job-id="(\d+)"/.exec(page.text)?.[1];
    if (jobId) {
      await eventually(
        `job run ${jobId} of ${path} to finish`,
        async () =>
          (await admin.agent.get(`/api/v1/jobs/${jobId}`).set('Accept', 'application/json').expect(200)).body,
        { until: (run) => run.finished === true },
      );
    }
    return (await admin.get(path)).text;
  }

  async function upload(): Promise<string> {
    await admin.get('/organisations/enterprises/imports');
    const res = await admin.agent
      .post('/organisations/enterprises/imports')
      .field('_csrf', admin.csrf)
      .attach('file', Buffer.from(`\uFEFF${sheet}`, 'utf8'), {
        filename: 'doanh nghiệp.csv',
        contentType: 'text/csv',
      });
    expect(res.status).toBe(303);
    expect(res.headers.location).toMatch(/^\/organisations\/enterprises\/imports\/\d+$/);
    return finished(res.headers.location);
  }

  const enterprise = async (taxCode: string) =>
    (
      await db.query(
        `SELECT e.id, e.name, e.search_key AS searchKey, e.sector, e.industrial_park AS park, e.address,
                u.code, u.name AS unitName, u.valid_to AS validTo
         FROM enterprises e JOIN admin_units u ON u.id = e.unit_id WHERE e.tax_code = ?`,
        [taxCode],
      )
    )[0];

  it('offers the import from the enterprises list, with its template', async () => {
    const list = await admin.get('/organisations/enterprises');
    expect(list.text).toContain('href="/organisations/enterprises/imports">Nhập từ tệp Excel/CSV</a>');
    // The list page is shared: the other registers have no such button.
    expect((await admin.get('/organisations/unions')).text).not.toContain('Nhập từ tệp Excel/CSV');
    const page = await admin.get('/organisations/enterprises/imports');
    expect(page.status).toBe(200);
    expect(page.text).toContain('/organisations/enterprises/imports/template.xlsx');
    const template = await admin.agent
      .get('/organisations/enterprises/imports/template.xlsx')
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(template.headers['content-disposition']).toContain('mau-doanh-nghiep.xlsx');
    expect((template.body as Buffer).subarray(0, 2).toString()).toBe('PK');
  });

  it('adds and updates by tax code, at communes in force today, and reports the refused rows', async () => {
    const before = await enterprise(TAM_PHAT);
    expect(before.code).toBe('24655');

    const first = await upload();
    expect(first).toContain('Hoàn thành');
    expect(['rows', 'created', 'updated', 'unchanged', 'errors'].map((n) => counted(first, n))).toEqual([
      6, 1, 1, 0, 4,
    ]);
    expect(first).toContain(
      '<td class="num">4</td><td>Mã số thuế</td><td>Mã số thuế không hợp lệ (10 chữ số có số kiểm tra',
    );
    expect(first).toContain(
      '<td class="num">5</td><td>Mã xã, phường</td><td>Mã 24655 là của Xã Tâm Thắng, đơn vị không còn hiệu lực; hãy ghi mã của xã, phường mới: Xã Cư Jút (mã 24640)</td>',
    );
    expect(first).toContain(
      '<td class="num">6</td><td>Mã xã, phường</td><td>Mã 662 là của Huyện Cư Jút, không phải xã, phường, thị trấn hay đặc khu',
    );
    expect(first).toContain('<td class="num">7</td><td>Mã số thuế</td><td>Mã số thuế trùng với dòng 2</td>');

    // Codes are read on today's tree: 24640 is the new Xã Cư Jút, not the old Thị trấn Ea T'Ling.
    const added = await enterprise(NEW_TAX_CODE);
    expect(added).toMatchObject({
      name: 'Công ty TNHH Nông sản Cư Jút',
      searchKey: 'cong ty tnhh nong san cu jut',
      code: '24640',
      unitName: 'Xã Cư Jút',
      validTo: null,
      sector: 'Chế biến cà phê',
      park: null,
      address: 'Thôn 3, xã Cư Jút',
    });
    const moved = await enterprise(TAM_PHAT);
    expect(moved).toMatchObject({
      id: before.id,
      code: '24649',
      unitName: 'Xã Nam Dong',
      validTo: null,
      sector: 'Sản xuất bao bì',
      // Blank cells keep what was there.
      park: before.park,
      address: before.address,
    });
    expect(
      Number((await db.query("SELECT COUNT(*) AS n FROM enterprises WHERE tax_code = '6400123494'"))[0].n),
    ).toBe(0);

    const audit = await db.query(
      `SELECT a.actor_user_id AS actor, a.details FROM audit_log a
       WHERE a.action = 'enterprise.commune.set' AND a.subject_type = 'enterprise' AND a.subject_id = ?`,
      [before.id],
    );
    expect(audit).toHaveLength(1);
    const liendoan = (await db.query("SELECT id FROM users WHERE username = 'liendoan'"))[0].id;
    expect(Number(audit[0].actor)).toBe(Number(liendoan));
    const details = typeof audit[0].details === 'string' ? JSON.parse(audit[0].details) : audit[0].details;
    expect(details).toEqual({ commune: ['Xã Tâm Thắng', 'Xã Nam Dong'] });

    const errors = await admin.agent
      .get(/\/organisations\/enterprises\/imports\/\d+/.exec(first)?.[0] ?? '')
      .expect(200);
    expect(errors.text).toContain('/errors/csv');
    // The sheet holds no personal data: the page does not say it holds CCCD numbers.
    expect(errors.text).toContain('Tệp tải lên sẽ được tự động xoá');
    expect(errors.text).not.toContain('CCCD');
  });

  it('changes nothing when the same file is imported again', async () => {
    const enterprises = async () => Number((await db.query('SELECT COUNT(*) AS n FROM enterprises'))[0].n);
    const audits = async () =>
      Number(
        (await db.query("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'enterprise.commune.set'"))[0].n,
      );
    const [count, trail] = [await enterprises(), await audits()];
    const again = await upload();
    expect(['rows', 'created', 'updated', 'unchanged', 'errors'].map((n) => counted(again, n))).toEqual([
      6, 0, 0, 2, 4,
    ]);
    expect(again).toContain('Không có thay đổi nào');
    expect(await enterprises()).toBe(count);
    expect(await audits()).toBe(trail);
    const history = await admin.get('/organisations/enterprises/imports');
    expect(history.text.match(/href="\/organisations\/enterprises\/imports\/\d+"/g)).toHaveLength(2);
  });

  it('offers the same through the API to the federation admin, and nobody else', async () => {
    await admin.get('/account/tokens');
    const created = await admin.submit('/account/tokens', { name: 'Phần mềm đăng ký kinh doanh' });
    const token = /<code class="secret">([^<]+)<\/code>/.exec(created.text)?.[1];
    const api = () => request(app.getHttpServer());
    const auth = { Authorization: `Bearer ${token}` };
    const posted = await api()
      .post('/api/v1/organisations/enterprise-imports')
      .set(auth)
      .attach('file', Buffer.from(sheet, 'utf8'), { filename: 'dn.csv', contentType: 'text/csv' })
      .expect(202);
    expect(posted.body).toMatchObject({ fileName: 'dn.csv', status: 'QUEUED' });
    const done = await eventually(
      'the API import to finish',
      async () =>
        (await api().get(`/api/v1/organisations/enterprise-imports/${posted.body.id}`).set(auth).expect(200))
          .body,
      { until: (b) => b.status === 'COMPLETED' || b.status === 'FAILED' },
    );
    expect(done).toMatchObject({
      status: 'COMPLETED',
      rows: 6,
      created: 0,
      updated: 0,
      unchanged: 2,
      errors: 4,
    });
    expect(done.errorList.total).toBe(4);
    const doc = (await api().get('/api/docs/openapi.json').set(auth).expect(200)).body;
    expect(Object.keys(doc.paths['/api/v1/organisations/enterprise-imports'])).toEqual(['post']);
    expect(Object.keys(doc.paths['/api/v1/organisations/enterprise-imports/{id}'])).toEqual(['get']);
    expect(done.errorList.items[0]).toMatchObject({
      row: 4,
      column: 'Mã số thuế',
      code: 'org.import.error.taxCode',
    });

    const officer = new Browser(app);
    await officer.login('congdoan.tamphat');
    expect((await officer.agent.get('/organisations/enterprises/imports')).status).toBe(403);
    expect((await officer.agent.get(`/organisations/enterprises/imports/${posted.body.id}`)).status).toBe(
      403,
    );
    expect(
      (await officer.agent.get(`/api/v1/organisations/enterprise-imports/${posted.body.id}`)).status,
    ).toBe(403);
    expect((await officer.get('/organisations/enterprises/1')).text).not.toContain('Nhập từ tệp Excel/CSV');
  });
});
