import { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { InProcessJobQueue } from '../../src/jobs/adapters/in-process-job.queue';
import { JobQueue } from '../../src/jobs/job-queue';
import { Browser, createTestApp } from '../support/test-app';

/** The federation admin keeps plans, their indicators, milestones, targets and reporting bodies, on pages and over the API. */
describe('plans and targets (e2e)', () => {
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

  const fieldError = (html: string, field: string) =>
    new RegExp(`<p id="e-${field}" class="error">([^<]+)</p>`).exec(html)?.[1];
  const api = (method: 'get' | 'post' | 'put' | 'delete', path: string) =>
    admin.agent[method](`/api/v1/indicators${path}`)
      .set('x-csrf-token', admin.csrf)
      .set('Accept-Language', 'vi');

  it('seeds Đắk Nông’s plan with its targets, milestones and reporting bodies from the plan text', async () => {
    const [plan] = await db.query("SELECT id FROM plans WHERE code = 'DAKNONG-1268-2030'");
    const res = await api('get', `/plans/${plan.id}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      startDate: '2023-01-01',
      endDate: '2030-12-31',
      unitName: 'Tỉnh Đắk Nông',
    });
    expect(
      res.body.indicators.map((i: { code: string; targets: { percent: number }[] }) => [
        i.code,
        i.targets.map((t) => t.percent),
      ]),
    ).toEqual([
      ['LAW', [70, 90]],
      ['VOCATIONAL', [50, 75]],
      ['LIFE_SKILLS', [50, 75]],
      ['DIGITAL', [40, 65]],
      ['LEARNING_CITIZEN', [30, 50]],
    ]);
    expect(res.body.milestones).toEqual([
      expect.objectContaining({ year: 2025, kind: 'MID_TERM', reviewDate: '2025-12-31' }),
      expect.objectContaining({ year: 2030, kind: 'FINAL', reviewDate: '2030-12-31' }),
    ]);
    const bodies: {
      id: number;
      kind: string;
      name: string;
      unitName: string | null;
      dueMonthDay: string;
      validFrom: string | null;
      validTo: string | null;
      successorId: number | null;
    }[] = res.body.reportingBodies;
    // The plan's 17 bodies, changed in time as in 2025: 8 district committees until 30/06/2025, the
    // 28 new communes' committees from 01/07/2025, two departments merged into two others on 01/03/2025.
    expect(bodies).toHaveLength(47);
    const units = bodies.filter((b) => b.kind === 'UNIT');
    expect(units.filter((b) => b.validTo === '2025-06-30').map((b) => b.unitName)).toEqual([
      'Thành phố Gia Nghĩa',
      'Huyện Đắk Glong',
      'Huyện Cư Jút',
      'Huyện Đắk Mil',
      'Huyện Krông Nô',
      'Huyện Đắk Song',
      "Huyện Đắk R'Lấp",
      'Huyện Tuy Đức',
    ]);
    const communes = units.filter((b) => b.validFrom === '2025-07-01');
    expect(communes).toHaveLength(28);
    expect(communes.map((b) => b.name)).toContain('Ủy ban nhân dân phường Bắc Gia Nghĩa');
    expect(communes.map((b) => b.unitName)).toContain('Xã Đắk Wil');
    const named = (name: string) => bodies.find((b) => b.name === name)!;
    expect(named('Sở Lao động – Thương binh và Xã hội')).toMatchObject({
      validTo: '2025-02-28',
      successorId: named('Sở Nội vụ').id,
    });
    expect(named('Sở Thông tin và Truyền thông')).toMatchObject({
      validTo: '2025-02-28',
      successorId: named('Sở Khoa học và Công nghệ').id,
    });
    expect(named('Ban Quản lý các Khu công nghiệp tỉnh').kind).toBe('DEPARTMENT');
    expect(bodies.filter((b) => b.kind === 'DEPARTMENT')).toHaveLength(8);
    expect(bodies.find((b) => b.kind === 'FEDERATION')).toMatchObject({
      name: 'Liên đoàn Lao động tỉnh',
      dueMonthDay: '12-15',
    });
    expect(bodies.filter((b) => b.dueMonthDay === '12-01')).toHaveLength(46);
    const page = await admin.get(`/indicators/plans/${plan.id}`);
    expect(page.text).toContain('Sơ kết giữa kỳ thực hiện Kế hoạch (cuối năm 2025)');
    expect(page.text).toContain('Hiệp hội Doanh nghiệp tỉnh');
    expect(page.text).toContain('name="target_DIGITAL_2025" value="40"');
  });

  it('requires a plan to start on 1 January, and says why, in Vietnamese', async () => {
    await admin.get('/indicators/plans/new');
    const [root] = await db.query("SELECT id FROM admin_units WHERE code = '68'");
    const fields = {
      title: 'Kế hoạch học tập suốt đời tỉnh Lâm Đồng',
      code: 'LAMDONG-1268-2030',
      issuingBody: 'Ủy ban nhân dân tỉnh Lâm Đồng',
      unitId: root.id,
      startDate: '2025-07-01',
      endDate: '2030-12-31',
    };
    const refused = await admin.submit('/indicators/plans', fields);
    expect(refused.status).toBe(400);
    expect(fieldError(refused.text, 'startDate')).toBe(
      'Ngày bắt đầu phải là ngày 01/01 của một năm, vì số liệu học tập được tổng hợp theo từng năm dương lịch.',
    );
    const created = await admin.submit('/indicators/plans', { ...fields, startDate: '2026-01-01' });
    expect(created.status).toBe(303);
    const page = await admin.get(created.headers.location as string);
    expect(page.text).toContain('Kế hoạch học tập suốt đời tỉnh Lâm Đồng');
    // Five indicators, counted from the plan's start until the admin says otherwise.
    expect((page.text.match(/name="window_[A-Z_]+"/g) ?? []).length).toBe(5);
  });

  it('edits indicators, milestones, targets and reporting bodies of a new plan', async () => {
    const created = await api('post', '/plans').send({
      title: 'Kế hoạch thử nghiệm',
      code: 'THU-NGHIEM-1',
      issuingBody: 'Ủy ban nhân dân tỉnh',
      unitId: (await db.query("SELECT id FROM admin_units WHERE code = '68'"))[0].id,
      startDate: '2026-01-01',
      endDate: '2030-12-31',
    });
    expect(created.status).toBe(201);
    const id = created.body.id;
    const path = `/indicators/plans/${id}`;
    await admin.get(path);

    const windows = await admin.submit(`${path}/indicators`, {
      ...Object.fromEntries(
        ['LAW', 'VOCATIONAL', 'LIFE_SKILLS', 'DIGITAL', 'LEARNING_CITIZEN'].map((c) => [
          `label_${c}`,
          `Chỉ tiêu ${c}`,
        ]),
      ),
      window_LAW: 'CALENDAR_YEAR',
      window_VOCATIONAL: 'PLAN_TO_DATE',
      window_LIFE_SKILLS: 'PLAN_TO_DATE',
      window_DIGITAL: 'CALENDAR_YEAR',
      window_LEARNING_CITIZEN: 'CALENDAR_YEAR',
    });
    expect(windows.status).toBe(303);

    const badYear = await admin.submit(`${path}/milestones`, {
      year: 2027,
      kind: 'MID_TERM',
      label: 'Sơ kết',
      reviewDate: '2028-06-30',
    });
    expect(badYear.status).toBe(400);
    expect(fieldError(badYear.text, 'reviewDate')).toBe('Ngày sơ kết, tổng kết phải thuộc năm 2027.');
    expect(
      (
        await admin.submit(`${path}/milestones`, {
          year: 2028,
          kind: 'MID_TERM',
          label: 'Sơ kết',
          reviewDate: '2028-12-31',
        })
      ).status,
    ).toBe(303);
    expect(
      (
        await admin.submit(`${path}/milestones`, {
          year: 2030,
          kind: 'FINAL',
          label: 'Tổng kết',
          reviewDate: '2030-12-31',
        })
      ).status,
    ).toBe(303);

    await admin.get(path);
    const tooHigh = await admin.submit(`${path}/targets`, { target_LAW_2028: '120', target_LAW_2030: '90' });
    expect(tooHigh.status).toBe(400);
    expect(fieldError(tooHigh.text, 'target_LAW_2028')).toBe(
      'Chỉ tiêu là một số từ 0 đến 100, tối đa 2 chữ số thập phân.',
    );
    expect(
      (await admin.submit(`${path}/targets`, { target_LAW_2028: '60,5', target_LAW_2030: '90' })).status,
    ).toBe(303);

    await admin.get(`${path}/bodies/new`);
    const unknown = await admin.submit(`${path}/bodies`, {
      kind: 'DEPARTMENT',
      name: 'Sở Tài chính',
      dueMonthDay: '12-01',
      members: 'so.gddt, khong.co.ai',
    });
    expect(unknown.status).toBe(400);
    expect(fieldError(unknown.text, 'members')).toBe('Không tìm thấy tài khoản: khong.co.ai.');
    const noUnit = await admin.submit(`${path}/bodies`, {
      kind: 'UNIT',
      name: 'UBND xã',
      dueMonthDay: '12-01',
    });
    expect(fieldError(noUnit.text, 'unitId')).toBe('Chọn địa bàn mà cơ quan này báo cáo.');
    const badDue = await admin.submit(`${path}/bodies`, {
      kind: 'DEPARTMENT',
      name: 'Sở Tài chính',
      dueMonthDay: '13-01',
    });
    expect(fieldError(badDue.text, 'dueMonthDay')).toBe('Nhập theo dạng tháng-ngày, ví dụ 12-01.');
    expect(
      (
        await admin.submit(`${path}/bodies`, {
          kind: 'DEPARTMENT',
          name: 'Sở Tài chính',
          dueMonthDay: '12-01',
          members: 'so.gddt',
        })
      ).status,
    ).toBe(303);

    const detail = await api('get', `/plans/${id}`);
    expect(
      detail.body.indicators.map((i: { code: string; countingWindow: string }) => [i.code, i.countingWindow]),
    ).toEqual([
      ['LAW', 'CALENDAR_YEAR'],
      ['VOCATIONAL', 'PLAN_TO_DATE'],
      ['LIFE_SKILLS', 'PLAN_TO_DATE'],
      ['DIGITAL', 'CALENDAR_YEAR'],
      // The title is held on a date; a learning window does not apply to it.
      ['LEARNING_CITIZEN', 'PLAN_TO_DATE'],
    ]);
    expect(detail.body.indicators[0].targets).toEqual([
      { year: 2028, percent: 60.5 },
      { year: 2030, percent: 90 },
    ]);
    expect(detail.body.reportingBodies).toEqual([
      expect.objectContaining({
        kind: 'DEPARTMENT',
        name: 'Sở Tài chính',
        members: [expect.objectContaining({ username: 'so.gddt' })],
      }),
    ]);

    // Moving a milestone to another year carries its targets.
    const mid = detail.body.milestones[0];
    const moved = await api('put', `/plans/${id}/milestones/${mid.id}`).send({
      year: 2027,
      kind: 'MID_TERM',
      label: 'Sơ kết',
      reviewDate: '2027-12-31',
    });
    expect(moved.status).toBe(200);
    const targets = await api('put', `/plans/${id}/targets`).send({
      targets: [{ indicator: 'DIGITAL', year: 2027, percent: 45 }],
    });
    expect(targets.status).toBe(200);
    expect(
      targets.body
        .find((t: { code: string }) => t.code === 'LAW')
        .targets.map((t: { year: number }) => t.year),
    ).toEqual([2027, 2030]);
    const badTarget = await api('put', `/plans/${id}/targets`).send({
      targets: [{ indicator: 'DIGITAL', year: 2029, percent: 45 }],
    });
    expect(badTarget.status).toBe(400);

    // A plan without history can be deleted; a plan with a roll-up cannot.
    expect((await api('delete', `/plans/${id}`)).status).toBe(204);
    expect((await api('get', `/plans/${id}`)).status).toBe(404);
  });

  it('keeps a plan that has roll-ups', async () => {
    const [plan] = await db.query("SELECT id FROM plans WHERE code = 'DAKNONG-1268-2030'");
    const run = await api('post', '/rollups').send({ planId: plan.id, asOf: '2025-12-31' });
    expect(run.status).toBe(202);
    expect(run.body).toMatchObject({ name: 'indicators.rollup', status: 'QUEUED' });
    await (app.get(JobQueue) as InProcessJobQueue).whenIdle();
    await admin.get(`/indicators/plans/${plan.id}`);
    const refused = await admin.submit(`/indicators/plans/${plan.id}/delete`, {});
    expect(refused.status).toBe(400);
    expect(refused.text).toContain('Không thể xóa kế hoạch đã có số liệu tổng hợp hoặc báo cáo năm.');
    expect((await api('delete', `/plans/${plan.id}`)).status).toBe(400);
  });

  it('keeps everyone but the federation admin out', async () => {
    const officer = new Browser(app);
    await officer.login('congdoan.tamphat');
    expect((await officer.get('/indicators/plans')).status).toBe(403);
    expect((await officer.agent.get('/api/v1/indicators/plans')).status).toBe(403);
    const viewer = new Browser(app);
    await viewer.login('so.gddt');
    expect((await viewer.get('/indicators/plans/new')).status).toBe(403);
  });
});
