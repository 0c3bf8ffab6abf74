import { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { RollupService } from '../../src/indicators/rollup.service';
import { RollupScheduler } from '../../src/indicators/rollup.scheduler';
import { todayInVietnam } from '../../src/common/time/vietnam-time';
import { ApplicationStatus } from '../../src/citizenship/entities/application.entity';
import { ApplicationReviewService } from '../../src/citizenship/review/application-review.service';
import { AssociationReviewService } from '../../src/citizenship/review/association-review.service';
import { Role, ScopeType } from '../../src/common/access/roles';
import { createApplication, createCriteriaSet, createUserWithRole } from '../support/citizenship-factory';
import {
  addBodyMember,
  createLogin,
  csvRows,
  enterpriseId,
  links,
  seededPlan,
  tableOf,
  textOf,
  unitId,
} from '../support/indicators-factory';
import request from 'supertest';
import { Browser, createTestApp } from '../support/test-app';
import { randomTaxCode } from '../support/workers-factory';

/**
 * The demo province on both sides of the 01/07/2025 reform (issue 11): the seeded communes of both
 * trees, the demo enterprises placed in Đắk Nông's old communes, and the real roll-up of the seeded
 * plan drilled as a federation officer does.
 */
describe('the province before and after the 2025 reform (e2e)', () => {
  let app: INestApplication;
  let db: DataSource;
  let admin: Browser;
  let plan: number;

  beforeAll(async () => {
    app = await createTestApp({ database: 'sqlite' });
    db = app.get(DataSource);
    plan = (await seededPlan(db)).id;
    await app.get(RollupService).run(plan, '2025-06-30');
    await app.get(RollupService).run(plan, '2026-06-30');
    admin = new Browser(app);
    await admin.login('liendoan');
  });

  afterAll(async () => {
    await app.close();
  });

  it('seeds the communes of both trees, a code meaning another commune in each', async () => {
    const count = async (where: string) =>
      Number((await db.query(`SELECT COUNT(*) AS n FROM admin_units WHERE ${where}`))[0].n);
    expect(await count("valid_to = '2025-06-30' AND depth = 2")).toBe(71);
    expect(await count("valid_from = '2025-07-01' AND depth = 1")).toBe(124);
    const [oldEaPo] = await db.query('SELECT name FROM admin_units WHERE id = ?', [
      await unitId(db, '24646', '2025-06-30'),
    ]);
    const [newDakWil] = await db.query('SELECT name FROM admin_units WHERE id = ?', [
      await unitId(db, '24646', '2025-07-01'),
    ]);
    expect([oldEaPo.name, newDakWil.name]).toEqual(['Xã Ea Pô', 'Xã Đắk Wil']);
    // Xã Đắk Ha of the old Huyện Đắk Glong went to Phường Bắc Gia Nghĩa, with Gia Nghĩa's wards.
    const [dakHa] = await db.query(
      `SELECT n.name FROM admin_unit_mappings m JOIN admin_units o ON o.id = m.from_unit_id
         JOIN admin_units n ON n.id = m.to_unit_id WHERE o.name = 'Xã Đắk Ha'`,
    );
    expect(dakHa.name).toBe('Phường Bắc Gia Nghĩa');
  });

  it('drills province → district → commune → enterprise before the reform', async () => {
    const date = '2025-06-30';
    const province = await admin.get(`/indicators?plan=${plan}&date=${date}`);
    expect(province.text).toContain('<h1>Tỉnh Đắk Nông</h1>');
    const cuJut = await unitId(db, '662');
    const district = await admin.get(`/indicators/units/${cuJut}?plan=${plan}&date=${date}`);
    expect(tableOf(district.text, 'orgs').rows.map((r) => r[0])).toEqual(['Huyện Cư Jút', 'Xã Tâm Thắng']);
    const tamThang = await unitId(db, '24655', date);
    expect(links(district.text)).toContain(`/indicators/units/${tamThang}?plan=${plan}&date=${date}`);
    const commune = await admin.get(`/indicators/units/${tamThang}?plan=${plan}&date=${date}`);
    expect(tableOf(commune.text, 'orgs').rows.map((r) => r[0])).toEqual([
      'Xã Tâm Thắng',
      'Công ty TNHH Chế biến Nông sản Tâm Phát',
    ]);
    expect(commune.text).toMatch(/Tỉnh Đắk Nông<\/a> › <a[^>]+>Huyện Cư Jút<\/a>/);
  });

  it('drills province → commune → enterprise after it, naming the plan’s territory', async () => {
    const date = '2026-06-30';
    const province = await admin.get(`/indicators?plan=${plan}&date=${date}`);
    expect(province.text).toContain('<h1>Tỉnh Lâm Đồng — địa bàn tỉnh Đắk Nông cũ</h1>');
    const orgs = tableOf(province.text, 'orgs').rows.map((r) => r[0]);
    // The demo enterprises' old communes went into these four new ones; no district in between.
    expect(orgs).toEqual([
      'Tỉnh Lâm Đồng — địa bàn tỉnh Đắk Nông cũ',
      'Phường Bắc Gia Nghĩa',
      'Xã Cư Jút',
      'Xã Đức Lập',
      'Xã Nhân Cơ',
    ]);
    const cuJut = await unitId(db, '24640', date);
    const commune = await admin.get(`/indicators/units/${cuJut}?plan=${plan}&date=${date}`);
    expect(commune.text).toContain('<h1>Xã Cư Jút</h1>');
    expect(commune.text).toMatch(/Tỉnh Lâm Đồng — địa bàn tỉnh Đắk Nông cũ<\/a>/);
    const rows = tableOf(commune.text, 'orgs').rows.map((r) => r[0]);
    expect(rows).toEqual(['Xã Cư Jút', 'Công ty TNHH Chế biến Nông sản Tâm Phát']);
    const tamPhat = await enterpriseId(db, '6400123455');
    expect(links(commune.text)).toContain(`/indicators/enterprises/${tamPhat}?plan=${plan}&date=${date}`);
  });

  const bodyId = async (name: string) =>
    Number(
      (await db.query('SELECT id FROM reporting_bodies WHERE plan_id = ? AND name = ?', [plan, name]))[0].id,
    );
  const listed = async (year: number) => {
    const page = await admin.get(`/reports?year=${year}`);
    expect(page.status).toBe(200);
    return textOf(page.text);
  };

  it('asks for a year’s reports only from the bodies that existed in that year', async () => {
    const in2026 = await listed(2026);
    expect(in2026).toContain('Ủy ban nhân dân xã Cư Jút');
    expect(in2026).toContain('Ủy ban nhân dân phường Bắc Gia Nghĩa');
    expect(in2026).toContain('Sở Nội vụ');
    for (const gone of [
      'Ủy ban nhân dân huyện Cư Jút',
      'Ủy ban nhân dân thành phố Gia Nghĩa',
      'Sở Lao động – Thương binh và Xã hội',
      'Sở Thông tin và Truyền thông',
    ]) {
      expect(in2026).not.toContain(gone);
    }
    // 2025 saw both: the district committees until 30/06, the communes' from 01/07.
    const in2025 = await listed(2025);
    expect(in2025).toContain('Ủy ban nhân dân huyện Cư Jút');
    expect(in2025).toContain('Ủy ban nhân dân xã Cư Jút');
    expect(in2025).toContain('Sở Lao động – Thương binh và Xã hội');
    expect(in2025).toContain('Sở Nội vụ');
    const cuJutDistrict = await bodyId('Ủy ban nhân dân huyện Cư Jút');
    expect((await admin.get(`/reports/bodies/${cuJutDistrict}/years/2026`)).status).toBe(404);
    expect((await admin.get(`/reports/bodies/${cuJutDistrict}/years/2025`)).status).toBe(200);
  });

  it('lets the members of a successor carry on the reports of the body it took over', async () => {
    const labour = await bodyId('Sở Lao động – Thương binh và Xã hội');
    const home = await bodyId('Sở Nội vụ');
    const officer = await createLogin(db, {
      username: 'so.noivu',
      displayName: 'Văn phòng Sở Nội vụ',
      role: Role.DepartmentViewer,
      scopeType: ScopeType.All,
      scopeId: 0,
    });
    await addBodyMember(db, home, officer);
    const member = new Browser(app);
    await member.login('so.noivu');
    const url = `/reports/bodies/${labour}/years/2025`;
    expect((await member.get(url)).text).toContain('name="activities"');
    const saved = await member.submit(`${url}/draft`, {
      activities: 'Báo cáo thay Sở Lao động – Thương binh và Xã hội',
    });
    expect(saved.status).toBe(303);
    // Another department's member may read the province's reports but not write this one.
    const other = await createLogin(db, {
      username: 'so.khcn.test',
      displayName: 'Sở Khoa học và Công nghệ',
      role: Role.DepartmentViewer,
      scopeType: ScopeType.All,
      scopeId: 0,
    });
    await addBodyMember(db, await bodyId('Sở Khoa học và Công nghệ'), other);
    const outsider = new Browser(app);
    await outsider.login('so.khcn.test');
    expect((await outsider.get(url)).text).not.toContain('name="activities"');
  });

  it('keeps the successor and validity on the plan page, and refuses a successor without an end', async () => {
    const page = await admin.get(`/indicators/plans/${plan}`);
    expect(textOf(page.text)).toContain('đến 28/02/2025, nay là Sở Nội vụ');
    expect(textOf(page.text)).toContain('từ 01/07/2025');
    const home = await bodyId('Sở Nội vụ');
    const culture = await bodyId('Sở Văn hóa, Thể thao và Du lịch');
    await admin.get(`/indicators/plans/${plan}/bodies/${culture}/edit`);
    const refused = await admin.submit(`/indicators/plans/${plan}/bodies/${culture}`, {
      kind: 'DEPARTMENT',
      name: 'Sở Văn hóa, Thể thao và Du lịch',
      dueMonthDay: '12-01',
      successorId: home,
    });
    expect(refused.status).toBe(400);
    expect(textOf(refused.text)).toContain('Cơ quan có cơ quan kế thừa cần có ngày kết thúc hoạt động.');
    const self = await admin.submit(`/indicators/plans/${plan}/bodies/${culture}`, {
      kind: 'DEPARTMENT',
      name: 'Sở Văn hóa, Thể thao và Du lịch',
      dueMonthDay: '12-01',
      validTo: '2025-06-30',
      successorId: culture,
    });
    expect(textOf(self.text)).toContain('Cơ quan kế thừa phải là một cơ quan báo cáo khác của kế hoạch này.');
  });

  it('lists the enterprises whose commune is not known, until the admin sets it', async () => {
    await admin.get('/organisations/enterprises/new');
    const created = await admin.submit('/organisations/enterprises', {
      name: 'Công ty TNHH Chưa Rõ Xã',
      taxCode: randomTaxCode(),
      unitId: await unitId(db, '662'),
    });
    expect(created.status).toBe(303);
    const id = Number(/(\d+)$/.exec(created.headers.location)?.[1]);
    const listed = async () => textOf((await admin.get('/organisations/enterprises?withoutCommune=1')).text);
    expect(await listed()).toContain('Công ty TNHH Chưa Rõ Xã');
    expect(await listed()).not.toContain('Tâm Phát');
    const csv = await admin.agent.get('/organisations/enterprises?withoutCommune=1&format=csv');
    expect(csv.text).toContain('Công ty TNHH Chưa Rõ Xã');
    expect(csv.text).not.toContain('Tâm Phát');
    expect((await admin.get('/organisations/enterprises?withoutCommune=yes')).status).toBe(400);

    await admin.get(`/organisations/enterprises/${id}/edit`);
    const moved = await admin.submit(`/organisations/enterprises/${id}`, {
      name: 'Công ty TNHH Chưa Rõ Xã',
      taxCode: (await db.query('SELECT tax_code FROM enterprises WHERE id = ?', [id]))[0].tax_code,
      unitId: await unitId(db, '24640', '2026-01-01'),
    });
    expect(moved.status).toBe(303);
    expect(await listed()).not.toContain('Công ty TNHH Chưa Rõ Xã');
  });

  it('issues a title in the name of the branch in force that day, and the certificate keeps that name', async () => {
    const branchOf = async (name: string) =>
      Number((await db.query('SELECT id FROM association_branches WHERE name = ?', [name]))[0].id);
    const tamPhat = await enterpriseId(db, '6400123455');
    const [{ worker_id: workerId }] = await db.query(
      'SELECT worker_id FROM employments WHERE enterprise_id = ? AND end_date IS NULL ORDER BY id LIMIT 1',
      [tamPhat],
    );
    const criteria = await createCriteriaSet(db);
    const application = await createApplication(db, {
      workerId: Number(workerId),
      enterpriseId: tamPhat,
      criteria,
      status: ApplicationStatus.Confirmed,
    });
    const review = app.get(AssociationReviewService);
    // The district's branch ended on 30/06/2025: its reviewer can no longer recognise.
    const ended = await createUserWithRole(
      db,
      'Hội Khuyến học huyện Cư Jút (cũ)',
      Role.AssociationReviewer,
      ScopeType.Branch,
      await branchOf('Hội Khuyến học huyện Cư Jút'),
    );
    await expect(review.recognise(ended, application.id)).rejects.toMatchObject({ reason: 'branchEnded' });
    // … and sees why, above the queue and on the application, with the commune's name today.
    await createLogin(db, {
      username: 'khuyenhoc.cujut.cu',
      displayName: 'Cán bộ Hội Khuyến học huyện Cư Jút',
      role: Role.AssociationReviewer,
      scopeType: ScopeType.Branch,
      scopeId: await branchOf('Hội Khuyến học huyện Cư Jút'),
    });
    const oldReviewer = new Browser(app);
    await oldReviewer.login('khuyenhoc.cujut.cu');
    const notice =
      'Hội Khuyến học huyện Cư Jút đã kết thúc hoạt động ngày 30/06/2025; việc công nhận danh hiệu nay do Hội Khuyến học xã Cư Jút thực hiện.';
    expect(textOf((await oldReviewer.get('/citizenship/review?queue=association')).text)).toContain(notice);
    const page = textOf((await oldReviewer.get(`/citizenship/review/applications/${application.id}`)).text);
    expect(page).toContain(notice);
    expect(page).toContain('Xã Tâm Thắng (nay là Xã Cư Jút)');
    const endedView = await app.get(ApplicationReviewService).detail(ended, application.id);
    expect(endedView.can.recognise).toBe(false);
    expect(endedView.endedBranches.map((b) => b.successorName)).toEqual(['Hội Khuyến học xã Cư Jút']);
    // Its successor, in force today, recognises; the title bears its name.
    const successor = await createUserWithRole(
      db,
      'Hội Khuyến học xã Cư Jút',
      Role.AssociationReviewer,
      ScopeType.Branch,
      await branchOf('Hội Khuyến học xã Cư Jút'),
    );
    app.get(RollupScheduler).subscribe();
    const { recognition } = await review.recognise(successor, application.id);
    expect(recognition.issuerName).toBe('Hội Khuyến học xã Cư Jút');
    // The title moves the learning-citizen figure: today's roll-up is queued, debounced a minute.
    const [refresh] = await db.query(
      "SELECT business_key, run_after FROM job_runs WHERE name = 'indicators.rollup' AND status = 'QUEUED'",
    );
    expect(refresh).toMatchObject({ business_key: `${plan}:${todayInVietnam()}` });
    expect(refresh.run_after).not.toBeNull();
    // Renaming the branch later does not rewrite the certificate already issued.
    await db.query(
      "UPDATE association_branches SET name = 'Hội Khuyến học xã Cư Jút (đổi tên)' WHERE id = ?",
      [recognition.branchId],
    );
    const detail = await app.get(ApplicationReviewService).detail(successor, application.id);
    expect(detail.recognition?.branchName).toBe('Hội Khuyến học xã Cư Jút');
    expect(detail.endedBranches).toEqual([]);
    const verify = await admin.agent.get(`/verify/citizens/${recognition.verifyCode}`);
    expect(textOf(verify.text)).toContain('Hội Khuyến học xã Cư Jút');
    expect(textOf(verify.text)).not.toContain('(đổi tên)');
  });

  it('keeps a branch’s validity and successor, refusing a successor without an end', async () => {
    const oldBranch = Number(
      (await db.query("SELECT id FROM association_branches WHERE name = 'Hội Khuyến học tỉnh Đắk Nông'"))[0]
        .id,
    );
    await admin.get(`/organisations/branches/${oldBranch}/edit`);
    const form = await admin.get(`/organisations/branches/${oldBranch}/edit`);
    expect(form.text).toContain('value="2025-06-30"');
    const refused = await admin.submit(`/organisations/branches/${oldBranch}`, {
      name: 'Hội Khuyến học tỉnh Đắk Nông',
      unitId: await unitId(db, '67'),
      successorId: oldBranch,
      validTo: '2025-06-30',
    });
    expect(refused.status).toBe(400);
    expect(textOf(refused.text)).toContain('Chi hội kế thừa phải là một chi hội khác đã có.');
  });

  it('names the plan’s territory on the province’s row of a report and of the mid-term review', async () => {
    const federation = await bodyId('Liên đoàn Lao động tỉnh');
    const report = await admin.get(`/reports/bodies/${federation}/years/2026`);
    expect(textOf(report.text)).toContain('Tỉnh Lâm Đồng — địa bàn tỉnh Đắk Nông cũ');
    // The mid-term review with the year-end figures: before the reform the province is the plan's
    // own unit; after it, the new province's row holds only the former Đắk Nông.
    await app.get(RollupService).run(plan, '2024-12-31');
    await app.get(RollupService).run(plan, '2025-12-31');
    const review = await admin.get(`/reports/reviews?plan=${plan}&year=2025`);
    const units = tableOf(review.text, 'units').rows.filter((r) => r[0] === 'Chính trị, pháp luật');
    expect(units.map((r) => r.slice(1, 4))).toContainEqual([
      'Tỉnh Đắk Nông',
      'Trước sắp xếp 01/07/2025',
      'Tỉnh Lâm Đồng — địa bàn tỉnh Đắk Nông cũ',
    ]);
    expect(units.map((r) => r[1])).toContain('Tỉnh Lâm Đồng — địa bàn tỉnh Đắk Nông cũ');
    // Old communes follow their district, each compared with the new commune it went into.
    const names = units.map((r) => r[1]);
    const at = (name: string) => names.indexOf(name);
    expect(at('Huyện Cư Jút')).toBeLessThan(at('Xã Tâm Thắng, Huyện Cư Jút'));
    expect(at('Xã Tâm Thắng, Huyện Cư Jút')).toBeLessThan(at('Huyện Đắk Mil'));
    expect(units.find((r) => r[1] === 'Xã Tâm Thắng, Huyện Cư Jút')?.slice(2, 4)).toEqual([
      'Trước sắp xếp 01/07/2025',
      'Xã Cư Jút',
    ]);
    expect(tableOf(review.text, 'mapping').rows).toContainEqual([
      'Xã Tâm Thắng, Huyện Cư Jút',
      'Xã Cư Jút',
      '01/07/2025',
    ]);
  });

  it('lets an enterprise’s officer place it at a commune in force, only their own, and keeps the step', async () => {
    const tamPhat = await enterpriseId(db, '6400123455');
    const dakMil = await enterpriseId(db, '6400234564');
    const unitOf = async (id: number) =>
      Number((await db.query('SELECT unit_id FROM enterprises WHERE id = ?', [id]))[0].unit_id);
    const dakMilBefore = await unitOf(dakMil);
    const officer = new Browser(app);
    await officer.login('congdoan.tamphat');
    const roster = await officer.get('/workers');
    expect(links(roster.text)).toContain(`/organisations/enterprises/${tamPhat}`);
    const page = await officer.get(`/organisations/enterprises/${tamPhat}`);
    expect(textOf(page.text)).toContain('Địa bàn nay thuộc: Xã Cư Jút');
    const form = await officer.get(`/organisations/enterprises/${tamPhat}/commune`);
    // The commune in force today is chosen already: the one the old Xã Tâm Thắng went into.
    const cuJut = await unitId(db, '24640', '2026-01-01');
    expect(form.text).toMatch(new RegExp(`<option value="${cuJut}" selected>Xã Cư Jút</option>`));
    // A district, or an old commune, is not a place to be.
    const district = await unitId(db, '662');
    expect(
      (await officer.submit(`/organisations/enterprises/${tamPhat}/commune`, { unitId: district })).status,
    ).toBe(400);
    const oldCommune = await unitId(db, '24655', '2025-01-01');
    const lapsed = await officer.submit(`/organisations/enterprises/${tamPhat}/commune`, {
      unitId: oldCommune,
    });
    expect(textOf(lapsed.text)).toContain('Xã, phường này không còn hiệu lực');
    // Another enterprise is out of reach, by page and by API; nothing moves.
    await officer.get(`/organisations/enterprises/${tamPhat}/commune`);
    expect(
      (await officer.submit(`/organisations/enterprises/${dakMil}/commune`, { unitId: cuJut })).status,
    ).toBe(404);
    expect((await officer.get(`/organisations/enterprises/${dakMil}`)).status).toBe(404);
    await officer.get('/account/tokens');
    const created = await officer.submit('/account/tokens', { name: 'Phần mềm nhân sự' });
    const token = /<code class="secret">([^<]+)<\/code>/.exec(created.text)?.[1];
    const api = (id: number, unit: number) =>
      request(app.getHttpServer())
        .put(`/api/v1/organisations/enterprises/${id}/commune`)
        .set('Authorization', `Bearer ${token}`)
        .send({ unitId: unit });
    expect((await api(dakMil, cuJut)).status).toBe(404);
    expect(await unitOf(dakMil)).toBe(dakMilBefore);

    const namDong = await unitId(db, '24649', '2026-01-01');
    const moved = await api(tamPhat, namDong);
    expect(moved.status).toBe(200);
    expect(moved.body.unitId).toBe(namDong);
    await officer.get(`/organisations/enterprises/${tamPhat}/commune`);
    const back = await officer.submit(`/organisations/enterprises/${tamPhat}/commune`, { unitId: cuJut });
    expect(back.status).toBe(303);
    expect(await unitOf(tamPhat)).toBe(cuJut);
    const trail = textOf((await admin.get(`/admin/audit?subject=enterprise&subjectId=${tamPhat}`)).text);
    expect(trail).toContain('Đặt xã, phường của doanh nghiệp');
    expect(trail).toContain('Xã Tâm Thắng → Xã Nam Dong');
    expect(trail).toContain('Xã Nam Dong → Xã Cư Jút');
  });

  it('answers the figures API with exactly the numbers of the dashboard’s CSV export', async () => {
    await admin.get('/account/tokens');
    const created = await admin.submit('/account/tokens', { name: 'Báo cáo tự động' });
    const token = /<code class="secret">([^<]+)<\/code>/.exec(created.text)?.[1];
    const api = (query: string) =>
      request(app.getHttpServer())
        .get(`/api/v1/indicators/figures?${query}`)
        .set('Authorization', `Bearer ${token}`);
    const cuJutNew = await unitId(db, '24640', '2026-06-30');
    const cuJutDistrict = await unitId(db, '662');
    const tamPhat = await enterpriseId(db, '6400123455');
    const cases = [
      { api: `plan=${plan}&date=2026-06-30`, page: `/indicators?plan=${plan}&date=2026-06-30` },
      { api: `plan=${plan}&date=2025-06-30`, page: `/indicators?plan=${plan}&date=2025-06-30` },
      {
        api: `plan=${plan}&date=2025-06-30&unit=${cuJutDistrict}`,
        page: `/indicators/units/${cuJutDistrict}?plan=${plan}&date=2025-06-30`,
      },
      {
        api: `plan=${plan}&date=2026-06-30&unit=${cuJutNew}`,
        page: `/indicators/units/${cuJutNew}?plan=${plan}&date=2026-06-30`,
      },
      {
        api: `plan=${plan}&date=2026-06-30&enterprise=${tamPhat}`,
        page: `/indicators/enterprises/${tamPhat}?plan=${plan}&date=2026-06-30`,
      },
    ];
    let numbers = 0;
    for (const c of cases) {
      const figures = await api(c.api);
      expect(figures.status).toBe(200);
      const csv = csvRows((await admin.agent.get(`${c.page}&table=orgs&format=csv`)).text).slice(1);
      const rows = figures.body.rows as {
        name: string;
        population: number;
        declaredHeadcount: number;
        denominator: number;
        percent: Record<string, number | null>;
      }[];
      expect(rows.length).toBe(csv.length);
      expect(rows.length).toBeGreaterThan(0);
      rows.forEach((row, i) => {
        const [name, , population, declared, denominator, ...percents] = csv[i];
        expect([row.name, row.population, row.declaredHeadcount, row.denominator]).toEqual([
          name,
          population,
          declared,
          denominator,
        ]);
        expect(Object.values(row.percent)).toEqual(percents);
        numbers += 3 + percents.length;
      });
      expect(figures.body.asOf).toBe(c.api.includes('2026') ? '2026-06-30' : '2025-06-30');
      expect(figures.body.indicators.map((i: { countingWindow: string }) => i.countingWindow)).toContain(
        'PLAN_TO_DATE',
      );
    }
    expect(numbers).toBeGreaterThan(50);
    // The plan's territory is named as on the page, and scope holds: an officer reads their enterprise only.
    expect((await api(`plan=${plan}&date=2026-06-30`)).body.rows[0].name).toBe(
      'Tỉnh Lâm Đồng — địa bàn tỉnh Đắk Nông cũ',
    );
    const officer = new Browser(app);
    await officer.login('congdoan.dakmil');
    await officer.get('/account/tokens');
    const officerToken = /<code class="secret">([^<]+)<\/code>/.exec(
      (await officer.submit('/account/tokens', { name: 'x' })).text,
    )?.[1];
    const asOfficer = (query: string) =>
      request(app.getHttpServer())
        .get(`/api/v1/indicators/figures?${query}`)
        .set('Authorization', `Bearer ${officerToken}`);
    expect((await asOfficer(`plan=${plan}&enterprise=${tamPhat}`)).status).toBe(404);
    expect((await asOfficer(`plan=${plan}`)).status).toBe(404);
    expect((await asOfficer(`plan=${plan}&enterprise=${await enterpriseId(db, '6400234564')}`)).status).toBe(
      200,
    );
    expect((await api('date=2026-13-45')).status).toBe(400);
  });
});
