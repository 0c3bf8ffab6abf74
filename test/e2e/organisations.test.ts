import { INestApplication } from '@nestjs/common';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { textOf } from '../support/indicators-factory';
import { Browser, createTestApp } from '../support/test-app';

/** The federation admin manages organisations; viewers read; everyone else is kept out. */
describe('organisations (e2e)', () => {
  let app: INestApplication;
  let admin: Browser;
  let db: DataSource;

  beforeAll(async () => {
    app = await createTestApp({ database: 'sqlite' });
    db = app.get(DataSource);
    admin = new Browser(app);
    await admin.login('liendoan');
  });

  afterAll(async () => {
    await app.close();
  });

  const NAME = 'Công ty TNHH Điện tử Hòa Bình';
  const TAX_CODE = '6400567891';
  let enterpriseId = 0;

  /** The value of the <option> showing `label` (indented with no-break spaces, lapsed units marked). */
  const optionValue = (html: string, label: string) =>
    new RegExp(`<option value="(\\d+)"[^>]*>(?:\u00a0)*${label}(?: \\(hết hiệu lực\\))?</option>`).exec(
      html,
    )?.[1];

  const fieldError = (html: string, field: string) =>
    new RegExp(`<p id="e-${field}" class="error">([^<]+)</p>`).exec(html)?.[1];

  const decode = (text: string) =>
    text
      .replace(/<[^>]+>/g, '')
      .replace(/&#x27;/g, "'")
      .replace(/&quot;/g, '"')
      .replace(/&#x3D;/g, '=')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&')
      .trim();

  /** Numbers on screen carry Vietnamese thousands separators (1.250); the files hold the number. */
  const plainNumber = (cell: string) => (/^\d{1,3}(\.\d{3})+$/.test(cell) ? cell.replace(/\./g, '') : cell);

  /** The list page's table as text: header cells, then one array of cells per row. */
  const tableOf = (html: string) => {
    const table = /<table class="org-table">([\s\S]*?)<\/table>/.exec(html)?.[1] ?? '';
    const cells = (row: string) =>
      [...row.matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((m) => decode(m[1]));
    const rows = [...table.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((m) => cells(m[1]));
    return { headers: rows[0], rows: rows.slice(1) };
  };

  const binary = (res: request.Response, done: (error: Error | null, body: Buffer) => void) => {
    const chunks: Buffer[] = [];
    res.on('data', (chunk: Buffer) => chunks.push(chunk));
    res.on('end', () => done(null, Buffer.concat(chunks)));
  };

  it('lets the federation admin create an enterprise through the form', async () => {
    const form = await admin.get('/organisations/enterprises/new');
    expect(form.status).toBe(200);
    expect(form.text).toContain('Thêm doanh nghiệp');
    const unitId = optionValue(form.text, 'Huyện Cư Jút');
    expect(unitId).toBeDefined();

    const res = await admin.submit('/organisations/enterprises', {
      name: NAME,
      taxCode: '6400 567 891',
      unitId,
      industrialPark: 'Khu công nghiệp Tâm Thắng',
      sector: 'Điện tử',
    });
    expect(res.status).toBe(303);
    enterpriseId = Number(/^\/organisations\/enterprises\/(\d+)$/.exec(res.headers.location)?.[1]);
    expect(enterpriseId).toBeGreaterThan(0);

    const page = await admin.get(res.headers.location);
    expect(page.text).toContain('Đã thêm mới.');
    expect(page.text).toContain(NAME);
    expect(page.text).toContain(TAX_CODE);
    expect(page.text).toContain('Tỉnh Đắk Nông › Huyện Cư Jút');
    expect(page.text).toContain('Doanh nghiệp chưa có công đoàn cơ sở.');
  });

  it('refuses a bad tax code with a Vietnamese message next to the field, keeping what was typed', async () => {
    const form = await admin.get('/organisations/enterprises/new');
    const unitId = optionValue(form.text, 'Huyện Đắk Mil');
    const res = await admin.submit('/organisations/enterprises', {
      name: 'Công ty Cổ phần Sai Mã',
      taxCode: '6400567890',
      unitId,
    });
    expect(res.status).toBe(400);
    expect(fieldError(res.text, 'taxCode')).toContain('Mã số thuế không hợp lệ');
    expect(res.text).toContain('value="Công ty Cổ phần Sai Mã"');
    expect(res.text).toContain('value="6400567890"');
    expect(res.text).toMatch(new RegExp(`<option value="${unitId}" selected>`));
  });

  it('refuses a tax code another enterprise already has, with a field error rather than a crash', async () => {
    await admin.get('/organisations/enterprises/new');
    const res = await admin.submit('/organisations/enterprises', {
      name: 'Công ty Trùng Mã',
      taxCode: '6400123455', // Tâm Phát, from the demo data
      unitId: 1,
    });
    expect(res.status).toBe(400);
    expect(fieldError(res.text, 'taxCode')).toBe('Mã số thuế này đã được dùng cho một doanh nghiệp khác.');
    expect(res.text).toContain('value="Công ty Trùng Mã"');
    const list = await admin.get('/organisations/enterprises?q=trung ma');
    expect(list.text).toContain('Chưa có dữ liệu.');
  });

  it('edits the enterprise and keeps a headcount per year', async () => {
    const form = await admin.get(`/organisations/enterprises/${enterpriseId}/edit`);
    expect(form.status).toBe(200);
    expect(form.text).toContain(`value="${NAME}"`);
    const unitId = optionValue(form.text, 'Huyện Cư Jút');
    const saved = await admin.submit(`/organisations/enterprises/${enterpriseId}`, {
      name: `${NAME} Xanh`,
      taxCode: TAX_CODE,
      unitId,
      address: 'Xã Tâm Thắng, huyện Cư Jút',
    });
    expect(saved.status).toBe(303);

    await admin.get(`/organisations/enterprises/${enterpriseId}`);
    expect(
      (
        await admin.submit(`/organisations/enterprises/${enterpriseId}/headcounts`, {
          year: 2025,
          headcount: 1200,
        })
      ).status,
    ).toBe(303);
    expect(
      (
        await admin.submit(`/organisations/enterprises/${enterpriseId}/headcounts`, {
          year: 2025,
          headcount: 1250,
        })
      ).status,
    ).toBe(303);
    const bad = await admin.submit(`/organisations/enterprises/${enterpriseId}/headcounts`, {
      year: 2026,
      headcount: -5,
    });
    expect(bad.status).toBe(400);
    expect(fieldError(bad.text, 'headcount')).toBe('Không được nhỏ hơn 0.');

    const page = await admin.get(`/organisations/enterprises/${enterpriseId}`);
    expect(page.text).toContain(`${NAME} Xanh`);
    expect(page.text).toContain('Xã Tâm Thắng, huyện Cư Jút');
    expect(page.text).toContain('name="headcount" value="1250"');
    expect(page.text).not.toContain('value="1200"');
  });

  it('finds the enterprise when the search is typed without diacritics', async () => {
    const res = await admin.get('/organisations/enterprises?q=dien tu hoa binh');
    expect(res.status).toBe(200);
    const { rows } = tableOf(res.text);
    expect(rows.map((r) => r[0])).toEqual([`${NAME} Xanh`]);
    const byTaxCode = tableOf((await admin.get('/organisations/enterprises?q=640056')).text);
    expect(byTaxCode.rows.map((r) => r[1])).toEqual([TAX_CODE]);
  });

  it('exports the list on screen, with its search, as CSV and XLSX with the same rows', async () => {
    const page = tableOf((await admin.get('/organisations/enterprises?q=cong ty')).text);
    expect(page.rows.length).toBe(5);
    expect(page.rows.some((r) => r.includes('1.250'))).toBe(true);
    page.rows = page.rows.map((r) => r.map(plainNumber));

    const csv = await admin.agent.get('/organisations/enterprises?q=cong%20ty&format=csv');
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const records = parse(csv.text.replace(/^\uFEFF/, '')) as string[][];
    expect(records[0]).toEqual(page.headers);
    expect(records.slice(1)).toEqual(page.rows);

    const xlsx = await admin.agent
      .get('/organisations/enterprises?q=cong%20ty&format=xlsx')
      .buffer(true)
      .parse(binary);
    expect(xlsx.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.body as ExcelJS.Buffer);
    const sheet = workbook.worksheets[0];
    expect(sheet.name).toBe('Doanh nghiệp');
    const values: string[][] = [];
    sheet.eachRow((row) => {
      const cells = (row.values as unknown[]).slice(1);
      values.push(
        page.headers.map((_, i) => (cells[i] === null || cells[i] === undefined ? '' : String(cells[i]))),
      );
    });
    expect(values[0]).toEqual(page.headers);
    expect(values.slice(1)).toEqual(page.rows);
  });

  it('keeps the administrative tree: a moved unit takes its subtree along, a cycle is refused', async () => {
    const form = await admin.get('/organisations/units/new');
    const cuJut = optionValue(form.text, 'Huyện Cư Jút');
    const dakMil = optionValue(form.text, 'Huyện Đắk Mil');
    const created = await admin.submit('/organisations/units', {
      name: 'Xã Tâm Thắng',
      code: '24611',
      kind: 'COMMUNE',
      parentId: cuJut,
      validFrom: '2004-01-01',
      validTo: '2025-06-30',
    });
    expect(created.status).toBe(303);
    const communeId = /(\d+)$/.exec(created.headers.location)?.[1];
    await admin.get('/organisations/units/new');
    const village = await admin.submit('/organisations/units', {
      name: 'Thôn 1',
      code: 'T1',
      kind: 'COMMUNE',
      parentId: communeId,
    });
    const villageId = /(\d+)$/.exec(village.headers.location)?.[1];

    await admin.get(`/organisations/units/${communeId}/edit`);
    const moved = await admin.submit(`/organisations/units/${communeId}`, {
      name: 'Xã Tâm Thắng',
      code: '24611',
      kind: 'COMMUNE',
      parentId: dakMil,
      validFrom: '2004-01-01',
      validTo: '2025-06-30',
    });
    expect(moved.status).toBe(303);
    const villagePage = await admin.get(`/organisations/units/${villageId}`);
    expect(villagePage.text).toMatch(
      /Tỉnh Đắk Nông<\/a> › <a[^>]+>Huyện Đắk Mil<\/a> › <a[^>]+>Xã Tâm Thắng/,
    );

    const cycle = await admin.submit(`/organisations/units/${communeId}`, {
      name: 'Xã Tâm Thắng',
      code: '24611',
      kind: 'COMMUNE',
      parentId: villageId,
    });
    expect(cycle.status).toBe(400);
    expect(fieldError(cycle.text, 'parentId')).toContain('Không thể đặt một đơn vị trực thuộc chính nó');

    // Of the units named "Tâm Thắng", "Thôn" or "Lâm Đồng", only those of the new tree are in force.
    const inForceNamed = async (q: string) =>
      tableOf((await admin.get(`/organisations/units?inForceOn=2025-07-01&q=${encodeURIComponent(q)}`)).text)
        .rows.map((r) => r[0])
        .sort();
    expect(await inForceNamed('Tâm Thắng')).toEqual(['Chưa có dữ liệu.']);
    expect(await inForceNamed('Thôn')).toEqual(['Thôn 1']);
    expect(await inForceNamed('Tỉnh')).toEqual(['Tỉnh Lâm Đồng']);
    const lapsed = await admin.get(`/organisations/units/${communeId}`);
    expect(lapsed.text).toContain('Hết hiệu lực');
    expect(lapsed.text).toMatch(/Địa bàn nay thuộc<\/dt><dd><a[^>]+>Tỉnh Lâm Đồng/);
  });

  it('renders every list and export to the federation admin', async () => {
    for (const path of ['enterprises', 'units', 'unions', 'institutions', 'branches']) {
      const res = await admin.get(`/organisations/${path}`);
      expect(res.status).toBe(200);
      expect(res.text).toContain(`href="/organisations/${path}/new"`);
      await admin.agent.get(`/organisations/${path}?format=csv`).expect(200);
    }
    expect((await admin.get('/organisations/unions?q=tam phat')).text).toContain(
      'Công đoàn cơ sở Công ty TNHH Chế biến Nông sản Tâm Phát',
    );
    expect((await admin.get('/organisations/institutions')).text).toContain('Trung tâm GDNN-GDTX');
    expect((await admin.get('/organisations/branches?q=cu jut')).text).toContain(
      'Hội Khuyến học huyện Cư Jút',
    );
  });

  it('gives the union to an enterprise once only', async () => {
    const form = await admin.get(`/organisations/unions/new?enterpriseId=${enterpriseId}`);
    expect(form.text).toMatch(new RegExp(`<option value="${enterpriseId}" selected>`));
    const created = await admin.submit('/organisations/unions', {
      enterpriseId,
      name: 'Công đoàn cơ sở Công ty Điện tử Hòa Bình',
      chairName: 'Đỗ Thị Hạnh',
      establishedOn: '2020-05-01',
    });
    expect(created.status).toBe(303);
    const again = await admin.submit('/organisations/unions', { enterpriseId, name: 'Công đoàn thứ hai' });
    expect(again.status).toBe(400);
    expect(fieldError(again.text, 'enterpriseId')).toBe('Doanh nghiệp này đã có công đoàn cơ sở.');
    const page = await admin.get(`/organisations/enterprises/${enterpriseId}`);
    expect(page.text).toContain('Đỗ Thị Hạnh');
    expect(page.text).toContain('01/05/2020');
  });

  it('dissolves a union into the union of the enterprise that took its members', async () => {
    const [union] = await db.query('SELECT id FROM grassroots_unions WHERE enterprise_id = ?', [
      enterpriseId,
    ]);
    const [successor] = await db.query(
      `SELECT g.id, g.name FROM grassroots_unions g JOIN enterprises e ON e.id = g.enterprise_id
        WHERE e.tax_code = '6400123455'`,
    );
    const fields = {
      enterpriseId,
      name: 'Công đoàn cơ sở Công ty Điện tử Hòa Bình',
      establishedOn: '2020-05-01',
    };
    const url = `/organisations/unions/${union.id}`;
    const noEnd = await admin.submit(url, { ...fields, successorTaxCode: '6400123455' });
    expect(noEnd.status).toBe(400);
    expect(fieldError(noEnd.text, 'dissolvedOn')).toBe(
      'Công đoàn có công đoàn kế thừa cần có ngày giải thể.',
    );
    const unknown = await admin.submit(url, {
      ...fields,
      dissolvedOn: '2025-09-30',
      successorTaxCode: '6400999999',
    });
    expect(fieldError(unknown.text, 'successorTaxCode')).toContain('Không tìm thấy công đoàn cơ sở');
    const itself = await admin.submit(url, {
      ...fields,
      dissolvedOn: '2025-09-30',
      successorTaxCode: '6400 567 891',
    });
    expect(fieldError(itself.text, 'successorTaxCode')).toContain('Không tìm thấy công đoàn cơ sở');
    const beforeStart = await admin.submit(url, { ...fields, dissolvedOn: '2019-12-31' });
    expect(beforeStart.status).toBe(400);
    const [unchanged] = await db.query(
      'SELECT dissolved_on, successor_id FROM grassroots_unions WHERE id = ?',
      [union.id],
    );
    expect(unchanged).toEqual({ dissolved_on: null, successor_id: null });

    const saved = await admin.submit(url, {
      ...fields,
      dissolvedOn: '2025-09-30',
      successorTaxCode: '6400123455',
    });
    expect(saved.status).toBe(303);
    const page = textOf((await admin.get(`/organisations/enterprises/${enterpriseId}`)).text);
    expect(page).toContain('Đã giải thể ngày 30/09/2025');
    expect(page).toContain(`Công đoàn kế thừa${successor.name}`);
    expect((await admin.get(`${url}/edit`)).text).toContain('value="6400123455"');
    expect((await admin.get('/organisations/unions?q=hoa binh')).text).toContain('30/09/2025');
  });

  it('lets a department viewer list and export enterprises and units, read-only', async () => {
    const viewer = new Browser(app);
    await viewer.login('so.gddt');
    const list = await viewer.get('/organisations/enterprises');
    expect(list.status).toBe(200);
    expect(list.text).toContain('Công ty TNHH Chế biến Nông sản Tâm Phát');
    expect(list.text).not.toContain('href="/organisations/enterprises/new"');
    await viewer.agent.get('/organisations/enterprises?format=csv').expect(200);
    await viewer.agent.get('/organisations/units?format=xlsx').expect(200);
    const show = await viewer.get(`/organisations/enterprises/${enterpriseId}`);
    expect(show.status).toBe(200);
    expect(show.text).toContain('<td class="num">1.250</td>');
    expect(show.text).not.toContain('/edit"');
    expect(show.text).not.toContain('/headcounts"');

    await viewer.agent.get('/organisations/enterprises/new').expect(403);
    const post = await viewer.submit('/organisations/enterprises', {
      name: 'X',
      taxCode: '6400678908',
      unitId: 1,
    });
    expect(post.status).toBe(403);
    await viewer.agent.get('/organisations/unions').expect(403);
  });

  it('keeps a union officer out', async () => {
    const officer = new Browser(app);
    await officer.login('congdoan.tamphat');
    await officer.agent.get('/organisations/enterprises').expect(403);
    await officer.agent.get('/organisations/units').expect(403);
    await officer.agent.get('/organisations/branches').expect(403);
  });

  describe('API', () => {
    let token = '';
    const api = () => request(app.getHttpServer());

    beforeAll(async () => {
      await admin.get('/account/tokens');
      const created = await admin.submit('/account/tokens', { name: 'Tích hợp tổ chức' });
      token = /<code class="secret">([^<]+)<\/code>/.exec(created.text)?.[1] ?? '';
      expect(token).toMatch(/^htp_/);
    });

    it('creates and lists enterprises with a bearer token', async () => {
      const units = await api()
        .get('/api/v1/organisations/units?q=dak mil')
        .set('Authorization', `Bearer ${token}`)
        .expect(200);
      const unitId = units.body.items[0].id as number;
      const created = await api()
        .post('/api/v1/organisations/enterprises')
        .set('Authorization', `Bearer ${token}`)
        .send({
          name: 'Công ty Cổ phần Hồ tiêu Đắk Mil',
          taxCode: '6400789012',
          unitId,
          sector: 'Nông nghiệp',
        })
        .expect(201);
      expect(created.body).toMatchObject({
        taxCode: '6400789012',
        unitId,
        searchKey: 'cong ty co phan ho tieu dak mil',
      });

      await api()
        .put(`/api/v1/organisations/enterprises/${created.body.id}/headcounts/2025`)
        .set('Authorization', `Bearer ${token}`)
        .send({ headcount: 75 })
        .expect(200, [{ year: 2025, headcount: 75 }]);

      const list = await api()
        .get('/api/v1/organisations/enterprises?q=ho tieu')
        .set('Authorization', `Bearer ${token}`)
        .expect(200);
      expect(list.body.total).toBe(1);
      expect(list.body.items[0]).toMatchObject({
        name: 'Công ty Cổ phần Hồ tiêu Đắk Mil',
        unitName: 'Huyện Đắk Mil',
        headcount: 75,
      });

      const one = await api()
        .get(`/api/v1/organisations/enterprises/${created.body.id}`)
        .set('Authorization', `Bearer ${token}`)
        .expect(200);
      expect(one.body.headcounts).toEqual([{ year: 2025, headcount: 75 }]);
    });

    it('answers bad input with JSON 400 and a message per field', async () => {
      const res = await api()
        .post('/api/v1/organisations/enterprises')
        .set('Authorization', `Bearer ${token}`)
        .send({ taxCode: '123', unitId: 'abc' })
        .expect(400);
      expect(res.body.message).toBe('Vui lòng kiểm tra lại các ô được đánh dấu.');
      expect(res.body.errors.name).toBe('Bắt buộc nhập.');
      expect(res.body.errors.taxCode).toContain('Mã số thuế không hợp lệ');
      expect(res.body.errors.unitId).toBe('Phải là số nguyên.');

      const duplicate = await api()
        .post('/api/v1/organisations/enterprises')
        .set('Authorization', `Bearer ${token}`)
        .send({ name: 'Copy', taxCode: '6400123455', unitId: 1 })
        .expect(400);
      expect(duplicate.body.errors.taxCode).toBe('Mã số thuế này đã được dùng cho một doanh nghiệp khác.');
    });

    it('lists the units in force on a date', async () => {
      const res = await api()
        .get('/api/v1/organisations/units?inForceOn=2025-06-30')
        .set('Authorization', `Bearer ${token}`)
        .expect(200);
      const names = (res.body.items as { name: string }[]).map((u) => u.name);
      expect(names).toContain('Huyện Cư Jút');
      expect(names).not.toContain('Tỉnh Lâm Đồng');
      await api()
        .get('/api/v1/organisations/units?inForceOn=30/06/2025')
        .set('Authorization', `Bearer ${token}`)
        .expect(400);
    });

    it('lets a department viewer read but not write, and refuses calls without a token', async () => {
      const viewer = new Browser(app);
      await viewer.login('so.gddt');
      await viewer.get('/account/tokens');
      const created = await viewer.submit('/account/tokens', { name: 'Báo cáo Sở' });
      const viewerToken = /<code class="secret">([^<]+)<\/code>/.exec(created.text)?.[1] ?? '';
      await api()
        .get('/api/v1/organisations/enterprises')
        .set('Authorization', `Bearer ${viewerToken}`)
        .expect(200);
      await api()
        .post('/api/v1/organisations/enterprises')
        .set('Authorization', `Bearer ${viewerToken}`)
        .send({ name: 'X', taxCode: '6400678908', unitId: 1 })
        .expect(403);
      await api()
        .get('/api/v1/organisations/branches')
        .set('Authorization', `Bearer ${viewerToken}`)
        .expect(403);
      await api().get('/api/v1/organisations/enterprises').expect(401);
    });
  });
});
