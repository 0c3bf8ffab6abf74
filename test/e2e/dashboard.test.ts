import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { Role, ScopeType } from '../../src/common/access/roles';
import { translate } from '../../src/common/i18n/i18n';
import {
  createLogin,
  createSnapshot,
  EnterpriseFigures,
  enterpriseId,
  expectExportsMatch,
  links,
  seededPlan,
  tableOf,
  textOf,
  unitId,
} from '../support/indicators-factory';
import { Browser, createTestApp } from '../support/test-app';

const pct = (n: number, d: number) => Math.round((n * 1000) / d) / 10;
const vi1 = (n: number) => n.toFixed(1).replace('.', ',');

describe('indicators dashboard (e2e)', () => {
  let app: INestApplication;
  let db: DataSource;
  let admin: Browser;
  const id = {
    plan: 0,
    dakNong: 0,
    lamDong: 0,
    cuJut: 0,
    dakMil: 0,
    dakRLap: 0,
    giaNghia: 0,
    tamPhat: 0,
    dakMilXanh: 0,
    alumin: 0,
    mayMac: 0,
  };

  /** The four demo enterprises' figures; `k` grows the counts from one date to the next. */
  const figures = (k: number, tree: 'old' | 'new'): EnterpriseFigures[] => {
    const unit = (district: number) => (tree === 'old' ? district : id.lamDong);
    const e = (enterprise: number, district: number, population: number, declared: number, c: number[]) => ({
      enterpriseId: enterprise,
      unitId: unit(district),
      population,
      declaredHeadcount: declared,
      law: c[0] * k,
      vocational: c[1] * k,
      lifeSkills: c[2] * k,
      digital: c[3] * k,
      learningCitizen: c[4] * k,
    });
    return [
      e(id.tamPhat, id.cuJut, 150, 160, [40, 25, 20, 18, 9]),
      e(id.dakMilXanh, id.dakMil, 97, 95, [30, 12, 15, 11, 5]),
      e(id.alumin, id.dakRLap, 60, 65, [13, 9, 7, 6, 2]),
      e(id.mayMac, id.giaNghia, 41, 40, [10, 5, 6, 4, 1]),
    ];
  };

  beforeAll(async () => {
    app = await createTestApp({ database: 'sqlite' });
    db = app.get(DataSource);
    id.plan = (await seededPlan(db)).id;
    id.dakNong = await unitId(db, '67');
    id.lamDong = await unitId(db, '68');
    id.cuJut = await unitId(db, '662');
    id.dakMil = await unitId(db, '663');
    id.dakRLap = await unitId(db, '666');
    id.giaNghia = await unitId(db, '660');
    id.tamPhat = await enterpriseId(db, '6400123455');
    id.dakMilXanh = await enterpriseId(db, '6400234564');
    id.alumin = await enterpriseId(db, '6400345673');
    id.mayMac = await enterpriseId(db, '6400456782');
    const snapshot = (asOf: string, k: number, tree: 'old' | 'new') =>
      createSnapshot(db, {
        planId: id.plan,
        asOf,
        rootUnitId: tree === 'old' ? id.dakNong : id.lamDong,
        enterprises: figures(k, tree),
      });
    await snapshot('2023-12-31', 1, 'old');
    await snapshot('2024-12-31', 2, 'old');
    await snapshot('2025-06-30', 2, 'old');
    await snapshot('2025-12-31', 2, 'new');
    await snapshot('2026-11-20', 3, 'new');
    admin = new Browser(app);
    await admin.login('liendoan');
  });

  afterAll(async () => {
    await app.close();
  });

  it('shows the province: five indicators against their 2025 and 2030 targets, with charts and their tables', async () => {
    const res = await admin.get('/indicators');
    expect(res.status).toBe(200);
    expect(res.text).toContain('<h1>Tỉnh Lâm Đồng — địa bàn tỉnh Đắk Nông cũ</h1>');
    expect(res.text).toContain('Số liệu tổng hợp ngày 20/11/2026');
    const targets: Record<string, [number, number]> = {
      LAW: [70, 90],
      VOCATIONAL: [50, 75],
      LIFE_SKILLS: [50, 75],
      DIGITAL: [40, 65],
      LEARNING_CITIZEN: [30, 50],
    };
    const denominator = 160 + 97 + 65 + 41;
    const reached = { LAW: 93, VOCATIONAL: 51, LIFE_SKILLS: 48, DIGITAL: 39, LEARNING_CITIZEN: 17 };
    for (const [code, [t2025, t2030]] of Object.entries(targets)) {
      expect(res.text).toContain(`data-target="${code}-2025">2025: ${t2025},0%`);
      expect(res.text).toContain(`data-target="${code}-2030">2030: ${t2030},0%`);
      const current = pct(reached[code as keyof typeof reached] * 3, denominator);
      expect(res.text).toContain(`data-current="${code}">${vi1(current)}%`);
      const block = new RegExp(`<script type="application/json" id="chart-${code}">([^<]*)</script>`).exec(
        res.text,
      );
      const chart = JSON.parse(block![1]);
      expect(chart.labels).toEqual(['31/12/2023', '31/12/2024', '31/12/2025', '20/11/2026 (hiện tại)']);
      const k = reached[code as keyof typeof reached];
      expect(chart.values).toEqual([
        pct(k, denominator),
        pct(2 * k, denominator),
        pct(2 * k, denominator),
        current,
      ]);
      expect(chart.targets.map((t: { value: number }) => t.value)).toEqual([t2025, t2030]);
      expect(res.text).toMatch(new RegExp(`<canvas data-chart="chart-${code}"`));
    }
    // LAW at 76.9% has passed the 2030 target in play after 2025? No: 90 — on track or at risk, never achieved.
    expect(res.text).toMatch(/data-status="LAW">(Đúng tiến độ|Có nguy cơ không đạt)</);
    expect(res.text).toMatch(
      /<script src="\/public\/vendor\/chartjs\/chart\.umd\.[0-9a-f]{10}\.js" defer><\/script>/,
    );
    expect(res.text).toMatch(
      /<script src="\/public\/js\/indicators-charts\.[0-9a-f]{10}\.js" defer><\/script>/,
    );
    expect(res.text).not.toMatch(/<script>(?!<\/script>)/);
    // The counting rules, in Vietnamese, beside the numbers.
    expect(res.text).toContain('<summary>Cách tính</summary>');
    for (const rule of ['population', 'reached', 'learningCitizen', 'denominator']) {
      expect(res.text).toContain(`<dt>${translate('vi', `indicators.rules.${rule}.title`)}</dt>`);
      expect(res.text).toContain(
        `<dd>${textOf(translate('vi', `indicators.rules.${rule}`))}</dd>`.replace(/&/g, '&amp;'),
      );
    }
    // Beside the cards and beside both tables.
    expect(res.text.match(/class="ind-rules"/g)).toHaveLength(3);
  });

  it('serves Chart.js and the chart script from the app itself', async () => {
    const page = await admin.get(`/indicators?plan=${id.plan}`);
    const [lib, script] = await Promise.all(
      ['vendor\\/chartjs\\/chart\\.umd', 'js\\/indicators-charts'].map((name) =>
        admin.agent.get(new RegExp(`src="(/public/${name}\\.[0-9a-f]{10}\\.js)"`).exec(page.text)![1]),
      ),
    );
    expect(lib.status).toBe(200);
    expect(lib.text).toContain('Chart.js v4');
    expect(script.status).toBe(200);
    expect(script.text).toContain("querySelectorAll('canvas[data-chart]')");
  });

  it('exports the province tables to XLSX and CSV with the numbers of the page', async () => {
    const url = `/indicators?plan=${id.plan}&date=2026-11-20`;
    const res = await admin.get(url);
    const indicators = tableOf(res.text, 'indicators');
    expect(indicators.rows.map((r) => r[0])).toEqual([
      'Chính trị, pháp luật',
      'Kỹ năng nghề',
      'Kỹ năng sống',
      'Công nghệ thông tin, công nghệ số',
      'Công dân học tập',
    ]);
    expect(indicators.headers).toContain('Chỉ tiêu năm 2025 (%)');
    expect(indicators.headers).toContain('Tỷ lệ ngày 31/12/2024 (%)');
    await expectExportsMatch(admin, url, res.text, 'indicators');
    await expectExportsMatch(admin, url, res.text, 'orgs');
  });

  it('drills down from the province to a district and an enterprise (before the 2025 reform)', async () => {
    const province = await admin.get(`/indicators?plan=${id.plan}&date=2025-06-30`);
    expect(province.status).toBe(200);
    expect(province.text).toContain('<h1>Tỉnh Đắk Nông</h1>');
    const orgs = tableOf(province.text, 'orgs');
    expect(orgs.rows[0][0]).toBe('Tỉnh Đắk Nông');
    expect(orgs.rows.map((r) => r[0])).toEqual(
      expect.arrayContaining(['Huyện Cư Jút', 'Huyện Đắk Mil', "Huyện Đắk R'Lấp", 'Thành phố Gia Nghĩa']),
    );
    expect(links(province.text)).toContain(`/indicators/units/${id.cuJut}?plan=${id.plan}&date=2025-06-30`);

    const districtUrl = `/indicators/units/${id.cuJut}?plan=${id.plan}&date=2025-06-30`;
    const district = await admin.get(districtUrl);
    expect(district.status).toBe(200);
    expect(district.text).toContain('<h1>Huyện Cư Jút</h1>');
    const lines = tableOf(district.text, 'orgs');
    expect(lines.rows[0].slice(0, 5)).toEqual(['Huyện Cư Jút', 'Đơn vị hành chính', '150', '160', '160']);
    expect(lines.rows[1][0]).toBe('Công ty TNHH Chế biến Nông sản Tâm Phát');
    // 80 of 160 reached LAW: 50,0%.
    expect(lines.rows[1][5]).toBe('50,0');
    await expectExportsMatch(admin, districtUrl, district.text, 'indicators');
    await expectExportsMatch(admin, districtUrl, district.text, 'orgs');

    const enterpriseUrl = `/indicators/enterprises/${id.tamPhat}?plan=${id.plan}&date=2025-06-30`;
    expect(links(district.text)).toContain(enterpriseUrl);
    const enterprise = await admin.get(enterpriseUrl);
    expect(enterprise.status).toBe(200);
    expect(enterprise.text).toContain('<h1>Công ty TNHH Chế biến Nông sản Tâm Phát</h1>');
    expect(enterprise.text).toContain('data-fact="population">150<');
    expect(enterprise.text).toContain('data-fact="declared">160<');
    expect(enterprise.text).toContain('data-fact="denominator">160<');
    expect(enterprise.text).toMatch(/Tỉnh Đắk Nông<\/a> › <a href="[^"]+">Huyện Cư Jút<\/a>/);
    await expectExportsMatch(admin, enterpriseUrl, enterprise.text, 'indicators');
    await expectExportsMatch(admin, enterpriseUrl, enterprise.text, 'orgs');
  });

  it('takes a union officer straight to their enterprise, and nowhere else', async () => {
    const officer = new Browser(app);
    await officer.login('congdoan.tamphat');
    const start = await officer.agent.get('/indicators');
    expect(start.status).toBe(303);
    expect(start.headers.location).toBe(
      `/indicators/enterprises/${id.tamPhat}?plan=${id.plan}&date=2026-11-20`,
    );
    const own = await officer.get(start.headers.location);
    expect(own.status).toBe(200);
    expect(own.text).toContain('<h1>Công ty TNHH Chế biến Nông sản Tâm Phát</h1>');
    await expectExportsMatch(officer, start.headers.location, own.text, 'indicators');
    for (const path of [
      `/indicators/enterprises/${id.dakMilXanh}`,
      `/indicators/enterprises/${id.dakMilXanh}?format=xlsx`,
      `/indicators/enterprises/${id.dakMilXanh}?format=csv&table=orgs`,
      `/indicators/units/${id.cuJut}?date=2025-06-30`,
      `/indicators/units/${id.lamDong}?format=csv`,
    ]) {
      expect((await officer.agent.get(path)).status).toBe(404);
    }
  });

  it('shows the department viewer of the province everything, and a viewer of a district their district', async () => {
    const viewer = new Browser(app);
    await viewer.login('so.gddt');
    const province = await viewer.get('/indicators');
    expect(province.status).toBe(200);
    expect(province.text).toContain('<h1>Tỉnh Lâm Đồng — địa bàn tỉnh Đắk Nông cũ</h1>');
    // Reporting deadlines are the federation admin's business.
    expect(province.text).not.toContain('Chưa nộp:');

    await createLogin(db, {
      username: 'ubnd.cujut',
      displayName: 'UBND huyện Cư Jút',
      role: Role.DepartmentViewer,
      scopeType: ScopeType.Unit,
      scopeId: id.cuJut,
    });
    const district = new Browser(app);
    await district.login('ubnd.cujut');
    const start = await district.agent.get(`/indicators?date=2025-06-30`);
    expect(start.status).toBe(303);
    expect(start.headers.location).toBe(`/indicators/units/${id.cuJut}?plan=${id.plan}&date=2025-06-30`);
    const own = await district.get(start.headers.location);
    expect(own.status).toBe(200);
    expect(own.text).toContain('Công ty TNHH Chế biến Nông sản Tâm Phát');
    expect((await district.agent.get(`/indicators/units/${id.dakMil}?date=2025-06-30`)).status).toBe(404);
    expect((await district.agent.get(`/indicators/enterprises/${id.dakMilXanh}`)).status).toBe(404);
    expect((await district.agent.get(`/indicators/enterprises/${id.tamPhat}?date=2025-06-30`)).status).toBe(
      200,
    );
  });

  it('keeps workers and signed-out visitors out', async () => {
    const worker = new Browser(app);
    await worker.login('nguoilaodong');
    expect((await worker.agent.get('/indicators')).status).toBe(403);
    expect((await request(app.getHttpServer()).get('/indicators')).status).toBe(303);
  });
});
