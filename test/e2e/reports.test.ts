import { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Role, ScopeType } from '../../src/common/access/roles';
import { ReportingBodyKind } from '../../src/indicators/entities/reporting-body.entity';
import {
  addBodyMember,
  createLogin,
  createSnapshot,
  EnterpriseFigures,
  enterpriseId,
  ensureReportingBody,
  seededPlan,
  binary,
  csvRows,
  links,
  pdfText,
  screenValue,
  textOf,
  unitId,
  userId,
  xlsxRows,
} from '../support/indicators-factory';
import { Browser, createTestApp } from '../support/test-app';
import { ReportsDemoSeeder } from '../../src/reports/reports.demo-seeder';

/** The report page's figures table: header and rows of text. */
function figuresOf(html: string): string[][] {
  const table = /<table class="ind-table" data-table="figures">([\s\S]*?)<\/table>/.exec(html)?.[1] ?? '';
  return [...table.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map((m) =>
    [...m[1].matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((c) => textOf(c[1])),
  );
}

const fieldError = (html: string, field: string) =>
  new RegExp(`<p id="e-${field}" class="error">([^<]+)</p>`).exec(html)?.[1];

describe('annual reports (e2e)', () => {
  let app: INestApplication;
  let db: DataSource;
  let admin: Browser;
  let member: Browser;
  const id = {
    plan: 0,
    dakNong: 0,
    cuJut: 0,
    dakMil: 0,
    tamPhat: 0,
    dakMilXanh: 0,
    cuJutBody: 0,
    educationBody: 0,
    federationBody: 0,
  };
  const YEAR = 2025;

  const figures = (k: number): EnterpriseFigures[] => [
    {
      enterpriseId: id.tamPhat,
      unitId: id.cuJut,
      population: 150,
      declaredHeadcount: 160,
      law: 40 * k,
      vocational: 25 * k,
      lifeSkills: 20 * k,
      digital: 18 * k,
      learningCitizen: 9 * k,
    },
    {
      enterpriseId: id.dakMilXanh,
      unitId: id.dakMil,
      population: 97,
      declaredHeadcount: 95,
      law: 30 * k,
      vocational: 12 * k,
      lifeSkills: 15 * k,
      digital: 11 * k,
      learningCitizen: 5 * k,
    },
  ];
  const rollUp = (k: number) =>
    createSnapshot(db, {
      planId: id.plan,
      asOf: '2025-06-30',
      rootUnitId: id.dakNong,
      enterprises: figures(k),
    });
  const reportUrl = (bodyId: number, query = '') => `/reports/bodies/${bodyId}/years/${YEAR}${query}`;

  beforeAll(async () => {
    app = await createTestApp({ database: 'sqlite' });
    db = app.get(DataSource);
    id.plan = (await seededPlan(db)).id;
    id.dakNong = await unitId(db, '67');
    id.cuJut = await unitId(db, '662');
    id.dakMil = await unitId(db, '663');
    id.tamPhat = await enterpriseId(db, '6400123455');
    id.dakMilXanh = await enterpriseId(db, '6400234564');
    // The seeded plan's bodies (created here when the reference data has none).
    id.cuJutBody = await ensureReportingBody(db, {
      planId: id.plan,
      kind: ReportingBodyKind.Unit,
      name: 'Ủy ban nhân dân huyện Cư Jút',
      unitId: id.cuJut,
      dueMonthDay: '12-01',
      position: 3,
    });
    id.educationBody = await ensureReportingBody(db, {
      planId: id.plan,
      kind: ReportingBodyKind.Department,
      name: 'Sở Giáo dục và Đào tạo',
      dueMonthDay: '12-01',
      position: 9,
    });
    id.federationBody = await ensureReportingBody(db, {
      planId: id.plan,
      kind: ReportingBodyKind.Federation,
      name: 'Liên đoàn Lao động tỉnh',
      dueMonthDay: '12-15',
      position: 99,
    });
    const cuJutOfficer = await createLogin(db, {
      username: 'ubnd.cujut',
      displayName: 'Văn phòng UBND huyện Cư Jút',
      role: Role.DepartmentViewer,
      scopeType: ScopeType.Unit,
      scopeId: id.cuJut,
    });
    await addBodyMember(db, id.cuJutBody, cuJutOfficer);
    // The demo seeder of the reports makes so.gddt a member of the education department's body.
    await app.get(ReportsDemoSeeder).seed();
    expect(
      await db.query('SELECT user_id FROM reporting_body_members WHERE body_id = ?', [id.educationBody]),
    ).toEqual([{ user_id: await userId(db, 'so.gddt') }]);
    await rollUp(2);
    admin = new Browser(app);
    await admin.login('liendoan');
    member = new Browser(app);
    await member.login('ubnd.cujut');
  });

  afterAll(async () => {
    await app.close();
  });

  let frozen: { html: string[][]; xlsx: unknown; csv: string; pdf: string };

  it('lists the member’s body with its deadline, and opens its form pre-filled from the latest snapshot', async () => {
    const list = await member.get(`/reports?year=${YEAR}`);
    expect(list.status).toBe(200);
    expect(list.text).toContain('Ủy ban nhân dân huyện Cư Jút');
    expect(list.text).toContain('01/12/2025');
    // A member of one body sees that body only.
    expect(list.text).not.toContain('Sở Giáo dục và Đào tạo');
    expect(links(list.text)).toContain(reportUrl(id.cuJutBody));

    const form = await member.get(reportUrl(id.cuJutBody));
    expect(form.status).toBe(200);
    expect(form.text).toContain('Số liệu tổng hợp ngày 30/06/2025');
    expect(form.text).toContain('name="activities"');
    const rows = figuresOf(form.text);
    expect(rows[1].slice(0, 7)).toEqual([
      'Huyện Cư Jút',
      'Đơn vị hành chính',
      '150',
      '160',
      '160',
      '80',
      '50,0',
    ]);
    expect(rows[2].slice(0, 7)).toEqual([
      'Công ty TNHH Chế biến Nông sản Tâm Phát',
      'Doanh nghiệp',
      '150',
      '160',
      '160',
      '80',
      '50,0',
    ]);
    expect(rows).toHaveLength(3);
  });

  it('keeps a draft, and refuses to submit without the activities carried out', async () => {
    await member.get(reportUrl(id.cuJutBody));
    const saved = await member.submit(`${reportUrl(id.cuJutBody)}/draft`, {
      activities: '',
      difficulties: 'Công nhân làm theo ca.',
      proposals: '',
    });
    expect(saved.status).toBe(303);
    const draft = await member.get(reportUrl(id.cuJutBody));
    expect(draft.text).toContain('Đã lưu bản nháp.');
    expect(draft.text).toContain('Phiên bản 1: Bản nháp');
    expect(draft.text).toContain('Công nhân làm theo ca.');
    const refused = await member.submit(`${reportUrl(id.cuJutBody)}/submit`, {
      activities: '  ',
      difficulties: 'Công nhân làm theo ca.',
    });
    expect(refused.status).toBe(400);
    expect(fieldError(refused.text, 'activities')).toBe(
      'Hãy nêu các hoạt động đã triển khai trước khi nộp báo cáo.',
    );
  });

  it('freezes the figures on submission: a later roll-up changes the dashboard, not the report or its files', async () => {
    await member.get(reportUrl(id.cuJutBody));
    const submitted = await member.submit(`${reportUrl(id.cuJutBody)}/submit`, {
      activities: 'Tổ chức 6 buổi tuyên truyền pháp luật lao động; 2 lớp kỹ năng số.',
      difficulties: 'Công nhân làm theo ca.',
      proposals: 'Hỗ trợ kinh phí cho lớp học buổi tối.',
    });
    expect(submitted.status).toBe(303);
    const page = await member.get(reportUrl(id.cuJutBody));
    expect(page.text).toContain('Đã nộp báo cáo. Số liệu đã được giữ cố định.');
    expect(page.text).toContain('Phiên bản 1: Đã nộp');
    expect(page.text).not.toContain('name="activities"');
    const exportOf = async (browser: Browser, url: string) => {
      const xlsx = await browser.agent.get(`${url}?format=xlsx`).buffer(true).parse(binary);
      const csv = await browser.agent.get(`${url}?format=csv`);
      const pdf = await browser.agent.get(`${url}?format=pdf`).buffer(true).parse(binary);
      expect([xlsx.status, csv.status, pdf.status]).toEqual([200, 200, 200]);
      expect(pdf.headers['content-type']).toBe('application/pdf');
      return { xlsx: await xlsxRows(xlsx.body as Buffer), csv: csv.text, pdf: pdfText(pdf.body as Buffer) };
    };
    const before = await exportOf(member, reportUrl(id.cuJutBody));
    const html = figuresOf(page.text);
    // The files hold the numbers of the page.
    const expected = [html[0], ...html.slice(1).map((r) => r.map(screenValue))];
    expect(before.xlsx).toEqual(expected);
    expect(csvRows(before.csv)).toEqual(expected);
    for (const row of html.slice(1)) for (const cell of row) expect(before.pdf).toContain(cell);
    expect(before.pdf).toContain('Đơn vị hành chính');
    expect(before.pdf).toContain('BÁO CÁO KẾT QUẢ THỰC HIỆN KẾ HOẠCH NĂM 2025');
    expect(before.pdf).toContain('Tổ chức 6 buổi tuyên truyền pháp luật lao động; 2 lớp kỹ năng số.');
    frozen = { html, xlsx: before.xlsx, csv: before.csv, pdf: before.pdf };

    // A new roll-up of the same day, with more workers reached.
    await rollUp(3);
    const dashboard = await admin.get(`/indicators/units/${id.cuJut}?date=2025-06-30`);
    expect(dashboard.text).toContain('data-current="LAW">75,0%');
    const after = await member.get(reportUrl(id.cuJutBody));
    expect(figuresOf(after.text)).toEqual(frozen.html);
    expect(after.text).toContain('Số liệu tổng hợp ngày 30/06/2025');
    const files = await exportOf(member, reportUrl(id.cuJutBody));
    expect(files.xlsx).toEqual(frozen.xlsx);
    expect(files.csv).toEqual(frozen.csv);
    expect(files.pdf).toEqual(frozen.pdf);
  });

  it('corrects a submitted report with a new version, which supersedes the first once submitted', async () => {
    await member.get(reportUrl(id.cuJutBody));
    expect((await member.submit(`${reportUrl(id.cuJutBody)}/draft`, { activities: 'Sửa lại' })).status).toBe(
      400,
    );
    const started = await member.submit(`${reportUrl(id.cuJutBody)}/correct`, {});
    expect(started.status).toBe(303);
    const draft = await member.get(reportUrl(id.cuJutBody));
    expect(draft.text).toContain('Phiên bản 2: Bản nháp');
    // The correction starts from the latest figures and the previous narrative.
    expect(figuresOf(draft.text)[1].slice(0, 7)).toEqual([
      'Huyện Cư Jút',
      'Đơn vị hành chính',
      '150',
      '160',
      '160',
      '120',
      '75,0',
    ]);
    expect(draft.text).toContain('Hỗ trợ kinh phí cho lớp học buổi tối.');
    const submitted = await member.submit(`${reportUrl(id.cuJutBody)}/submit`, {
      activities: 'Tổ chức 9 buổi tuyên truyền pháp luật lao động; 2 lớp kỹ năng số.',
      difficulties: 'Công nhân làm theo ca.',
      proposals: 'Hỗ trợ kinh phí cho lớp học buổi tối.',
    });
    expect(submitted.status).toBe(303);
    const v2 = await member.get(reportUrl(id.cuJutBody));
    expect(v2.text).toContain('Phiên bản 2: Đã nộp');
    const v1 = await member.get(reportUrl(id.cuJutBody, '?version=1'));
    expect(v1.text).toContain('Phiên bản 1: Đã được thay thế');
    expect(figuresOf(v1.text)).toEqual(frozen.html);
    const rows = await db.query(
      'SELECT version, status, supersedes_id FROM annual_reports WHERE body_id = ? ORDER BY version',
      [id.cuJutBody],
    );
    expect(rows.map((r: { version: number; status: string }) => [Number(r.version), r.status])).toEqual([
      [1, 'SUPERSEDED'],
      [2, 'SUBMITTED'],
    ]);
  });

  it('compiles the province report with the bodies that have not submitted, frozen when it is submitted', async () => {
    const page = await admin.get(reportUrl(id.federationBody));
    expect(page.status).toBe(200);
    const pending = /<ul data-role="pending">([\s\S]*?)<\/ul>/.exec(page.text)?.[1] ?? '';
    expect(pending).toContain('Sở Giáo dục và Đào tạo');
    expect(pending).not.toContain('Ủy ban nhân dân huyện Cư Jút');
    expect(figuresOf(page.text)[1][0]).toBe('Tỉnh Đắk Nông');
    expect(figuresOf(page.text).map((r) => r[0])).toEqual(
      expect.arrayContaining(['Huyện Cư Jút', 'Huyện Đắk Mil']),
    );

    const list = await admin.get(`/reports?year=${YEAR}`);
    expect(list.text).toMatch(/Năm 2025: 1\/\d+ đơn vị đã nộp báo cáo\./);

    expect(
      (
        await admin.submit(`${reportUrl(id.federationBody)}/submit`, {
          activities: 'Tổng hợp báo cáo của các đơn vị.',
        })
      ).status,
    ).toBe(303);
    // The education department submits afterwards: the province report keeps its list as compiled.
    const education = new Browser(app);
    await education.login('so.gddt');
    await education.get(reportUrl(id.educationBody));
    expect(
      (
        await education.submit(`${reportUrl(id.educationBody)}/submit`, {
          activities: 'Phối hợp mở lớp kỹ năng số.',
        })
      ).status,
    ).toBe(303);
    const compiled = await admin.get(reportUrl(id.federationBody));
    expect(compiled.text).toContain('Danh sách tại thời điểm Liên đoàn nộp báo cáo của tỉnh.');
    expect(/<ul data-role="pending">([\s\S]*?)<\/ul>/.exec(compiled.text)?.[1]).toContain(
      'Sở Giáo dục và Đào tạo',
    );
    const pdf = await admin.agent
      .get(`${reportUrl(id.federationBody)}?format=pdf`)
      .buffer(true)
      .parse(binary);
    expect(pdfText(pdf.body as Buffer)).toContain('Sở Giáo dục và Đào tạo');
    const after = await admin.get(`/reports?year=${YEAR}`);
    expect(after.text).toMatch(/Năm 2025: 2\/\d+ đơn vị đã nộp báo cáo\./);
  });

  it('shows the federation admin the year’s deadlines and who has not submitted on the dashboard', async () => {
    const dashboard = await admin.get('/indicators');
    expect(dashboard.text).toMatch(/Báo cáo năm \d{4}: \d+\/\d+ đơn vị đã nộp/);
    expect(dashboard.text).toContain('Hạn nộp: các đơn vị trước 01/12/');
    expect(dashboard.text).toContain('Chưa nộp:');
  });

  it('keeps other people out of a body’s report', async () => {
    const officer = new Browser(app);
    await officer.login('congdoan.dakmil');
    expect((await officer.agent.get(reportUrl(id.cuJutBody))).status).toBe(404);
    expect((await officer.agent.get(`${reportUrl(id.cuJutBody)}?format=pdf`)).status).toBe(404);
    await officer.get('/reports');
    expect((await officer.submit(`${reportUrl(id.cuJutBody)}/correct`, {})).status).toBe(404);
    // A department viewer of the whole province reads every report, and changes none.
    const viewer = new Browser(app);
    await viewer.login('so.gddt');
    expect((await viewer.agent.get(reportUrl(id.cuJutBody))).status).toBe(200);
    await viewer.get(reportUrl(id.cuJutBody));
    expect((await viewer.submit(`${reportUrl(id.cuJutBody)}/correct`, {})).status).toBe(404);
  });

  it('offers the same through /api/v1/reports', async () => {
    const list = await admin.agent.get(`/api/v1/reports?year=${YEAR}`).set('Accept', 'application/json');
    expect(list.status).toBe(200);
    const body = list.body.items.find((i: { bodyId: number }) => i.bodyId === id.cuJutBody);
    expect(body).toMatchObject({
      state: 'SUBMITTED',
      latestVersion: { version: 2, status: 'SUBMITTED' },
      dueDate: '2025-12-01',
    });
    const report = await admin.agent.get(`/api/v1/reports/bodies/${id.cuJutBody}/years/${YEAR}?version=1`);
    expect(report.status).toBe(200);
    expect(report.body.frozen).toBe(true);
    expect(report.body.figures[0]).toMatchObject({ name: 'Huyện Cư Jút', law: 80, percent: { LAW: 50 } });
  });

  it('shows the mid-term review with the years on both sides of the 2025 reform and the mapping', async () => {
    await createSnapshot(db, {
      planId: id.plan,
      asOf: '2024-12-31',
      rootUnitId: id.dakNong,
      enterprises: figures(1),
    });
    const lamDong = await unitId(db, '68');
    await createSnapshot(db, {
      planId: id.plan,
      asOf: '2025-12-31',
      rootUnitId: lamDong,
      enterprises: figures(3).map((f) => ({ ...f, unitId: lamDong })),
    });
    const review = await admin.get(`/reports/reviews?plan=${id.plan}&year=2025`);
    expect(review.status).toBe(200);
    expect(review.text).toContain('Sơ kết giữa kỳ');
    const mapping =
      /<table class="ind-table" data-table="mapping">([\s\S]*?)<\/table>/.exec(review.text)?.[1] ?? '';
    const mapped = [...mapping.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map((m) =>
      [...m[1].matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((c) => textOf(c[1])),
    );
    // A district is compared with the new communes its communes went to, not the whole new province.
    for (const commune of ['Xã Cư Jút', 'Xã Nam Dong', 'Xã Đắk Wil']) {
      expect(mapped).toContainEqual(['Huyện Cư Jút', commune, '01/07/2025']);
    }
    expect(mapped).not.toContainEqual(['Huyện Cư Jút', 'Tỉnh Lâm Đồng', '01/07/2025']);
    // The plan's province goes on as its territory in the new one, not as the whole new province.
    expect(mapped).toContainEqual([
      'Tỉnh Đắk Nông',
      'Tỉnh Lâm Đồng — địa bàn tỉnh Đắk Nông cũ',
      '01/07/2025',
    ]);
    const units =
      /<table class="ind-table" data-table="units">([\s\S]*?)<\/table>/.exec(review.text)?.[1] ?? '';
    const rows = [...units.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map((m) =>
      [...m[1].matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((c) => textOf(c[1])),
    );
    expect(rows[0]).toEqual([
      'Chỉ tiêu',
      'Đơn vị',
      'Địa giới',
      'Nay thuộc',
      'Tỷ lệ ngày 31/12/2024 (%)',
      'Tỷ lệ ngày 31/12/2025 (%)',
      'Chỉ tiêu năm 2025 (%)',
    ]);
    expect(rows).toContainEqual([
      'Chính trị, pháp luật',
      'Huyện Cư Jút',
      'Trước sắp xếp 01/07/2025',
      'Xã Cư Jút, Xã Đắk Wil, Xã Nam Dong',
      '25,0',
      '—',
      '70,0',
    ]);
    expect(rows).toContainEqual([
      'Chính trị, pháp luật',
      'Tỉnh Lâm Đồng — địa bàn tỉnh Đắk Nông cũ',
      'Sau sắp xếp',
      '',
      '—',
      '81,7',
      '70,0',
    ]);
    const csv = await admin.agent.get(`/reports/reviews?plan=${id.plan}&year=2025&table=units&format=csv`);
    expect(csvRows(csv.text)).toEqual([rows[0], ...rows.slice(1).map((r) => r.map(screenValue))]);
    const xlsx = await admin.agent
      .get(`/reports/reviews?plan=${id.plan}&year=2025&table=summary&format=xlsx`)
      .buffer(true)
      .parse(binary);
    const summary =
      /<table class="ind-table" data-table="summary">([\s\S]*?)<\/table>/.exec(review.text)?.[1] ?? '';
    const summaryRows = [...summary.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map((m) =>
      [...m[1].matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((c) => textOf(c[1])),
    );
    expect(await xlsxRows(xlsx.body as Buffer)).toEqual([
      summaryRows[0],
      ...summaryRows.slice(1).map((r) => r.map(screenValue)),
    ]);
    const pdf = await admin.agent
      .get(`/reports/reviews?plan=${id.plan}&year=2025&format=pdf`)
      .buffer(true)
      .parse(binary);
    expect(pdf.status).toBe(200);
    const text = pdfText(pdf.body as Buffer);
    expect(text).toContain('Huyện Cư Jút: nay thuộc Xã Cư Jút (từ ngày 01/07/2025)');
    // The font has no "→": the heading keeps an arrow it can draw instead of losing it.
    expect(text).toContain('Đơn vị cũ -> đơn vị mới');
  });

  it('fills a district’s 2025 report with its figures as of its last day, after the 1/7/2025 reform', async () => {
    // The latest 2025 snapshot (31/12/2025) is by Lâm Đồng's tree, without the districts.
    const dakMilBody = await ensureReportingBody(db, {
      planId: id.plan,
      kind: ReportingBodyKind.Unit,
      name: 'Ủy ban nhân dân huyện Đắk Mil',
      unitId: id.dakMil,
      dueMonthDay: '12-01',
      position: 4,
    });
    const page = await admin.get(reportUrl(dakMilBody));
    expect(page.text).toContain('Số liệu tổng hợp ngày 30/06/2025');
    expect(figuresOf(page.text)[1].slice(0, 2)).toEqual(['Huyện Đắk Mil', 'Đơn vị hành chính']);
    // A body of the whole province takes the year end, by the new tree.
    const finance = await ensureReportingBody(db, {
      planId: id.plan,
      kind: ReportingBodyKind.Department,
      name: 'Sở Tài chính',
      dueMonthDay: '12-01',
      position: 13,
    });
    const draft = await admin.get(reportUrl(finance));
    expect(draft.text).toContain('Số liệu tổng hợp ngày 31/12/2025');
    expect(figuresOf(draft.text)[1].slice(0, 2)).toEqual([
      'Tỉnh Lâm Đồng — địa bàn tỉnh Đắk Nông cũ',
      'Tỉnh',
    ]);
  });
});
