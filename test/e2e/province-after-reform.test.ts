import { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { RollupService } from '../../src/indicators/rollup.service';
import { enterpriseId, links, seededPlan, tableOf, unitId } from '../support/indicators-factory';
import { Browser, createTestApp } from '../support/test-app';

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
});
