import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { foldVietnamese } from '../../src/common/text/vietnamese';
import {
  CountingWindow,
  IndicatorCode,
  Plan,
  PlanIndicator,
} from '../../src/indicators/entities/plan.entity';
import { IndicatorSnapshotRow, SnapshotLevel } from '../../src/indicators/entities/snapshot.entity';
import { RecordSource } from '../../src/learning-records/entities/learning-record.entity';
import { DomainCode } from '../../src/learning-records/learning-domains';
import { LearningRecordsService } from '../../src/learning-records/learning-records.service';
import { AdminUnitMapping } from '../../src/organisations/entities/admin-unit-mapping.entity';
import { AdminUnit, AdminUnitKind } from '../../src/organisations/entities/admin-unit.entity';
import { EnterpriseHeadcount } from '../../src/organisations/entities/enterprise-headcount.entity';
import { Enterprise } from '../../src/organisations/entities/enterprise.entity';
import { Employment } from '../../src/workers/entities/employment.entity';
import { Gender, Worker } from '../../src/workers/entities/worker.entity';
import { ensureLearningDomains } from './learning-domains';
import { randomTaxCode } from './workers-factory';

/**
 * The roll-up fixture of issue 5, in its own units, enterprises and plans so that it can share a
 * database with other tests (assertions look at these rows only). Two trees: an old province with
 * two districts (each with a commune) valid to 30/06/2025, a new province with three communes from
 * 01/07/2025, mapped old → new: district Một and its commune to Xã Mới Một, district Hai to Xã Mới
 * Hai except its commune Hai A, which crossed the old district border into Xã Mới Một (as Xã Đắk Ha
 * of Đắk Glong went to Phường Bắc Gia Nghĩa); Xã Mới Ba took territory from outside the old province
 * (as Đà Lạt's wards did), so its enterprise is not the plan's. Ten workers who moved, left, learned twice on a day, learned before
 * the plan or after the date, hold a title, lost it, or got it too late; enterprises declaring more
 * and fewer workers than their roster; one enterprise registered in the new tree, one outside.
 *
 * Dates counted: D1 = 31/03/2025 (old tree), D2 = 30/09/2025 (new tree). The expected figures are
 * written out by hand in the tests from this description, not computed.
 */
export const D1 = '2025-03-31';
export const D2 = '2025-09-30';

export interface RollupFixture {
  units: {
    pOld: number;
    d1: number;
    c1a: number;
    d2: number;
    c2a: number;
    pNew: number;
    n1: number;
    n2: number;
    n3: number;
    other: number;
  };
  enterprises: { e1: number; e2: number; e3: number; e4: number; e5: number; e6: number; e7: number };
  /** All PLAN_TO_DATE; the same territory with all four learning windows CALENDAR_YEAR. */
  plans: { planToDate: number; calendarYear: number };
}

const tag = () => randomBytes(3).toString('hex').toUpperCase();

export async function buildRollupFixture(
  db: DataSource,
  records: LearningRecordsService,
): Promise<RollupFixture> {
  const t = tag();
  await ensureLearningDomains(db);
  const unit = async (
    name: string,
    kind: AdminUnitKind,
    parent: AdminUnit | null,
    validFrom: string | null,
    validTo: string | null,
  ): Promise<AdminUnit> => {
    const repo = db.getRepository(AdminUnit);
    const saved = await repo.save(
      repo.create({
        code: `R${t}${name.length}${Math.floor(Math.random() * 1e6)}`.slice(0, 20),
        name: `${name} ${t}`,
        searchKey: foldVietnamese(`${name} ${t}`),
        kind,
        parentId: parent?.id ?? null,
        path: '/',
        depth: parent ? parent.depth + 1 : 0,
        validFrom,
        validTo,
      }),
    );
    saved.path = `${parent?.path ?? '/'}${saved.id}/`;
    await repo.update({ id: saved.id }, { path: saved.path });
    return saved;
  };
  const pOld = await unit('Tỉnh Thử Nghiệm Cũ', AdminUnitKind.Province, null, '2004-01-01', '2025-06-30');
  const d1 = await unit('Huyện Một', AdminUnitKind.District, pOld, '2004-01-01', '2025-06-30');
  const c1a = await unit('Xã Một A', AdminUnitKind.Commune, d1, '2004-01-01', '2025-06-30');
  const d2 = await unit('Huyện Hai', AdminUnitKind.District, pOld, '2004-01-01', '2025-06-30');
  const c2a = await unit('Xã Hai A', AdminUnitKind.Commune, d2, '2004-01-01', '2025-06-30');
  const pNew = await unit('Tỉnh Thử Nghiệm Mới', AdminUnitKind.Province, null, '2025-07-01', null);
  const n1 = await unit('Xã Mới Một', AdminUnitKind.Commune, pNew, '2025-07-01', null);
  const n2 = await unit('Xã Mới Hai', AdminUnitKind.Commune, pNew, '2025-07-01', null);
  const n3 = await unit('Xã Mới Ba', AdminUnitKind.Commune, pNew, '2025-07-01', null);
  const other = await unit('Tỉnh Bên Cạnh', AdminUnitKind.Province, null, null, null);
  const mappings = db.getRepository(AdminUnitMapping);
  for (const [from, to] of [
    [pOld, pNew],
    [d1, n1],
    [c1a, n1],
    [d2, n2],
    [c2a, n1],
  ]) {
    await mappings.insert({
      fromUnitId: from.id,
      toUnitId: to.id,
      effectiveDate: '2025-07-01',
      note: 'Thử nghiệm sắp xếp',
    });
  }

  const enterprise = async (name: string, unitId: number, headcount2025: number | null) => {
    const repo = db.getRepository(Enterprise);
    const saved = await repo.save(
      repo.create({
        name: `${name} ${t}`,
        searchKey: foldVietnamese(`${name} ${t}`),
        taxCode: randomTaxCode(),
        unitId,
      }),
    );
    if (headcount2025 !== null) {
      await db
        .getRepository(EnterpriseHeadcount)
        .insert({ enterpriseId: saved.id, year: 2025, headcount: headcount2025 });
    }
    return saved.id;
  };
  const e1 = await enterprise('Công ty Một', c1a.id, 10); // declares more than its roster
  const e2 = await enterprise('Công ty Hai', d1.id, 2); // declares no more than its roster
  const e3 = await enterprise('Công ty Ba', d2.id, null); // declares nothing
  const e4 = await enterprise('Công ty Bốn', n2.id, 5); // registered in the new tree
  const e5 = await enterprise('Công ty Năm', other.id, 100); // outside the plans' territory
  const e6 = await enterprise('Công ty Sáu', c2a.id, null); // crossed the old district border
  const e7 = await enterprise('Công ty Bảy', n3.id, 30); // in the new province, not the old one's territory

  const worker = async (n: number) => {
    const repo = db.getRepository(Worker);
    const saved = await repo.save(
      repo.create({
        fullName: `Người Lao Động ${n} ${t}`,
        searchKey: foldVietnamese(`Người Lao Động ${n} ${t}`),
        dateOfBirth: '1990-01-01',
        gender: Gender.Female,
        cccdEncrypted: 'fixture',
        cccdHash: randomBytes(32).toString('hex'),
        userId: null,
      }),
    );
    return saved.id;
  };
  const employ = (workerId: number, enterpriseId: number, startDate: string, endDate: string | null = null) =>
    db
      .getRepository(Employment)
      .insert({ workerId, enterpriseId, startDate, endDate, employeeCode: null, unionMember: false });
  let ref = 0;
  const learn = (workerId: number, occurredOn: string, domain: DomainCode) =>
    records.record({
      workerId,
      occurredOn,
      hours: 2,
      source: RecordSource.Session,
      sourceRef: `fixture-${t}-${++ref}`,
      title: 'Buổi học thử nghiệm',
      domains: [domain],
    });
  const { setId, branchId } = await citizenshipBasics(db, t, pOld.id);
  const recognise = async (
    workerId: number,
    year: number,
    recognisedAt: string,
    revokedAt: string | null = null,
  ) => {
    await db.query(
      "INSERT INTO citizenship_applications (worker_id, year, criteria_set_id, status) VALUES (?, ?, ?, 'RECOGNISED')",
      [workerId, year, setId],
    );
    const [{ id: applicationId }] = await db.query(
      'SELECT id FROM citizenship_applications WHERE worker_id = ? AND year = ?',
      [workerId, year],
    );
    await db.query(
      `INSERT INTO recognitions (application_id, worker_id, year, branch_id, criteria_set_id, total_points,
         certificate_no, verify_code, status, recognised_by, recognised_at, revoked_at)
       VALUES (?, ?, ?, ?, ?, 80, ?, ?, ?, 1, ?, ?)`,
      [
        applicationId,
        workerId,
        year,
        branchId,
        setId,
        `CDHT-${t}-${workerId}-${year}`,
        randomBytes(12).toString('hex'),
        revokedAt ? 'REVOKED' : 'VALID',
        recognisedAt,
        revokedAt,
      ],
    );
  };

  // w1: at E1 since 2022; law before the plan (2022), within it (2024) and after D2 (so the latest
  // law date says nothing about D1 or D2: the roll-up must look at the years); vocational in 2025.
  const w1 = await worker(1);
  await employ(w1, e1, '2022-05-01');
  await learn(w1, '2022-06-01', DomainCode.Law);
  await learn(w1, '2024-03-10', DomainCode.Law);
  await learn(w1, '2025-11-20', DomainCode.Law);
  await learn(w1, '2025-02-01', DomainCode.Vocational);
  // w2: at E1; the same law learning recorded twice on one day; digital after D2.
  const w2 = await worker(2);
  await employ(w2, e1, '2023-01-01');
  await learn(w2, '2025-05-05', DomainCode.Law);
  await learn(w2, '2025-05-05', DomainCode.Law);
  await learn(w2, '2025-10-15', DomainCode.Digital);
  // w3: moved from E1 (to 30/04/2025) to E2 (from 01/05/2025); life skills in 2023.
  const w3 = await worker(3);
  await employ(w3, e1, '2023-01-01', '2025-04-30');
  await employ(w3, e2, '2025-05-01');
  await learn(w3, '2023-06-01', DomainCode.LifeSkills);
  // w4: left E2 on 15/06/2025; digital in 2024.
  const w4 = await worker(4);
  await employ(w4, e2, '2024-01-01', '2025-06-15');
  await learn(w4, '2024-08-08', DomainCode.Digital);
  // w5: at E2 from 2025; law in January; title of 2025 recognised 01/02/2025.
  const w5 = await worker(5);
  await employ(w5, e2, '2025-01-01');
  await learn(w5, '2025-01-10', DomainCode.Law);
  await recognise(w5, 2025, '2025-02-01 03:00:00.000');
  // w6: at E3 since 2020; vocational only in 2021 (before the plan); title of 2024; title of 2025 revoked on 01/06/2025.
  const w6 = await worker(6);
  await employ(w6, e3, '2020-01-01');
  await learn(w6, '2021-03-03', DomainCode.Vocational);
  await recognise(w6, 2024, '2024-03-01 03:00:00.000');
  await recognise(w6, 2025, '2025-01-15 03:00:00.000', '2025-06-01 03:00:00.000');
  // w7: joined E3 on 01/08/2025; digital on 20/08/2025; title of 2025 recognised 01/09/2025.
  const w7 = await worker(7);
  await employ(w7, e3, '2025-08-01');
  await learn(w7, '2025-08-20', DomainCode.Digital);
  await recognise(w7, 2025, '2025-09-01 03:00:00.000');
  // w8: at E4 (new tree) since mid-2024; law in 2023; life skills on D2 itself.
  const w8 = await worker(8);
  await employ(w8, e4, '2024-06-01');
  await learn(w8, '2023-02-02', DomainCode.Law);
  await learn(w8, D2, DomainCode.LifeSkills);
  // w9: at E5, outside the territory.
  const w9 = await worker(9);
  await employ(w9, e5, '2023-01-01');
  await learn(w9, '2024-04-04', DomainCode.Law);
  await recognise(w9, 2025, '2025-01-05 03:00:00.000');
  // w10: at E4 since 2023; digital in 2023; title of 2025 recognised only on 01/10/2025, after D2.
  const w10 = await worker(10);
  await employ(w10, e4, '2023-01-01');
  await learn(w10, '2023-05-05', DomainCode.Digital);
  await recognise(w10, 2025, '2025-10-01 03:00:00.000');
  // w11: at E6 (Xã Hai A, which went to Xã Mới Một) since 2023; law in 2024.
  const w11 = await worker(11);
  await employ(w11, e6, '2023-01-01');
  await learn(w11, '2024-02-02', DomainCode.Law);
  // w12: at E7 (Xã Mới Ba, outside the plan's territory) since 2023; law in 2024.
  const w12 = await worker(12);
  await employ(w12, e7, '2023-01-01');
  await learn(w12, '2024-02-02', DomainCode.Law);

  const plan = async (windows: CountingWindow) => {
    const repo = db.getRepository(Plan);
    const saved = await repo.save(
      repo.create({
        code: `TEST-${t}-${windows}`,
        title: `Kế hoạch thử nghiệm ${t} (${windows})`,
        issuingBody: 'Ủy ban nhân dân tỉnh Thử Nghiệm',
        decisionRef: null,
        unitId: pOld.id,
        startDate: '2023-01-01',
        endDate: '2030-12-31',
      }),
    );
    await db.getRepository(PlanIndicator).insert(
      Object.values(IndicatorCode).map((code, i) => ({
        planId: saved.id,
        code,
        label: code,
        countingWindow: code === IndicatorCode.LearningCitizen ? CountingWindow.PlanToDate : windows,
        sortOrder: i + 1,
      })),
    );
    return saved.id;
  };
  return {
    units: {
      pOld: pOld.id,
      d1: d1.id,
      c1a: c1a.id,
      d2: d2.id,
      c2a: c2a.id,
      pNew: pNew.id,
      n1: n1.id,
      n2: n2.id,
      n3: n3.id,
      other: other.id,
    },
    enterprises: { e1, e2, e3, e4, e5, e6, e7 },
    plans: {
      planToDate: await plan(CountingWindow.PlanToDate),
      calendarYear: await plan(CountingWindow.CalendarYear),
    },
  };
}

/** A criteria set and an association branch for the fixture's recognitions. */
async function citizenshipBasics(db: DataSource, t: string, unitId: number) {
  const code = `FIXTURE-${t}`;
  await db.query(
    "INSERT INTO criteria_sets (code, version, title, pass_mark, status) VALUES (?, 1, 'Bộ tiêu chí thử nghiệm', 50, 'ACTIVE')",
    [code],
  );
  const [{ id: setId }] = await db.query('SELECT id FROM criteria_sets WHERE code = ?', [code]);
  const name = `Hội Khuyến học thử nghiệm ${t}`;
  await db.query('INSERT INTO association_branches (name, search_key, unit_id) VALUES (?, ?, ?)', [
    name,
    foldVietnamese(name),
    unitId,
  ]);
  const [{ id: branchId }] = await db.query('SELECT id FROM association_branches WHERE name = ?', [name]);
  return { setId: Number(setId), branchId: Number(branchId) };
}

/** The four learning domains (the reference seed is not loaded on the MySQL test database). */
/**
 * The figures worked out by hand from the story above, per snapshot: E1…E4 for enterprises, the
 * fixture's unit names for units, "province …" for the root. Each row:
 * [population, declared headcount, denominator, law, vocational, life skills, digital, learning citizen].
 */
export const EXPECTED: Record<
  'planToDate' | 'calendarYear',
  Record<typeof D1 | typeof D2, Record<string, Expected>>
> = {
  planToDate: {
    [D1]: {
      // w1 (law 2024 after law 2022, vocational), w2 (law only after D1), w3 (life skills 2023, not moved yet)
      E1: [3, 10, 10, 1, 1, 1, 0, 0],
      // w4 (digital 2024, leaves in June), w5 (law, title valid)
      E2: [2, 2, 2, 1, 0, 0, 1, 1],
      // w6 (vocational only before the plan; title not revoked yet); no declared headcount
      E3: [1, 0, 1, 0, 0, 0, 0, 1],
      // w8 (law 2023; life skills only on D2), w10 (digital 2023; title recognised later)
      E4: [2, 5, 5, 1, 0, 0, 1, 0],
      c1a: [3, 10, 10, 1, 1, 1, 0, 0],
      d1: [5, 12, 12, 2, 1, 1, 1, 1],
      // w11 (law 2024); no declared headcount
      E6: [1, 0, 1, 1, 0, 0, 0, 0],
      c2a: [1, 0, 1, 1, 0, 0, 0, 0],
      // E4 is registered in a new commune: looking back, it lies in the district mapped into it
      d2: [4, 5, 7, 2, 0, 0, 1, 1],
      'province pOld': [9, 17, 19, 4, 1, 1, 2, 2],
    },
    [D2]: {
      // w1, w2 (two law records on one day count once); w3 has moved on
      E1: [2, 10, 10, 2, 1, 0, 0, 0],
      // w3 (moved in, life skills 2023), w5; w4 has left
      E2: [2, 2, 2, 1, 0, 1, 0, 1],
      // w6 (title revoked in June), w7 (joined in August: digital, title)
      E3: [2, 0, 2, 0, 0, 0, 1, 1],
      // w8 (life skills on D2 itself counts), w10 (title recognised after D2 does not)
      E4: [2, 5, 5, 1, 0, 1, 1, 0],
      // E6 followed its commune across the old district border into Xã Mới Một
      E6: [1, 0, 1, 1, 0, 0, 0, 0],
      n1: [5, 12, 13, 4, 1, 1, 0, 1],
      n2: [4, 5, 7, 1, 0, 1, 2, 1],
      // E7 (Xã Mới Ba) is in the new province but not in the plan's territory
      'province pNew': [9, 17, 20, 5, 1, 2, 2, 2],
    },
  },
  calendarYear: {
    // Only 2025's learning: w5's law and w1's vocational by D1.
    [D1]: {
      E1: [3, 10, 10, 0, 1, 0, 0, 0],
      E2: [2, 2, 2, 1, 0, 0, 0, 1],
      E3: [1, 0, 1, 0, 0, 0, 0, 1],
      E4: [2, 5, 5, 0, 0, 0, 0, 0],
      E6: [1, 0, 1, 0, 0, 0, 0, 0],
      c1a: [3, 10, 10, 0, 1, 0, 0, 0],
      c2a: [1, 0, 1, 0, 0, 0, 0, 0],
      d1: [5, 12, 12, 1, 1, 0, 0, 1],
      d2: [4, 5, 7, 0, 0, 0, 0, 1],
      'province pOld': [9, 17, 19, 1, 1, 0, 0, 2],
    },
    // By D2 also w2's law, w7's digital and w8's life skills; w3's 2023 and w8's 2023 learning no longer count.
    [D2]: {
      E1: [2, 10, 10, 1, 1, 0, 0, 0],
      E2: [2, 2, 2, 1, 0, 0, 0, 1],
      E3: [2, 0, 2, 0, 0, 0, 1, 1],
      E4: [2, 5, 5, 0, 0, 1, 0, 0],
      E6: [1, 0, 1, 0, 0, 0, 0, 0],
      n1: [5, 12, 13, 2, 1, 0, 0, 1],
      n2: [4, 5, 7, 0, 0, 1, 1, 1],
      'province pNew': [9, 17, 20, 2, 1, 1, 1, 2],
    },
  },
};

/** Where each row hangs (its parent unit's fixture name), before and after the reform. */
export const EXPECTED_PARENTS = {
  [D1]: {
    E1: 'c1a',
    E2: 'd1',
    E3: 'd2',
    E4: 'd2',
    E6: 'c2a',
    c1a: 'd1',
    c2a: 'd2',
    d1: 'pOld',
    d2: 'pOld',
    'province pOld': null,
  },
  [D2]: { E1: 'n1', E2: 'n1', E3: 'n2', E4: 'n2', E6: 'n1', n1: 'pNew', n2: 'pNew', 'province pNew': null },
};

/** A snapshot's rows named as in EXPECTED, with their figures and parents. */
export async function namedTable(db: DataSource, fx: RollupFixture, snapshotId: number) {
  const rows = await db.getRepository(IndicatorSnapshotRow).find({ where: { snapshotId } });
  const names = new Map<string, string>([
    ...Object.entries(fx.enterprises).map(
      ([name, id]) => [`${SnapshotLevel.Enterprise}:${id}`, name.toUpperCase()] as const,
    ),
    ...Object.entries(fx.units).flatMap(([name, id]) => [
      [`${SnapshotLevel.Unit}:${id}`, name] as const,
      [`${SnapshotLevel.Province}:${id}`, `province ${name}`] as const,
    ]),
  ]);
  const unitName = new Map(Object.entries(fx.units).map(([name, id]) => [id, name]));
  const figures: Record<string, Expected> = {};
  const parents: Record<string, string | null> = {};
  for (const row of rows) {
    const name = names.get(`${row.level}:${row.orgId}`) ?? `unexpected ${row.level} ${row.orgId}`;
    figures[name] = figuresOf(row);
    parents[name] =
      row.parentUnitId === null
        ? null
        : (unitName.get(row.parentUnitId) ?? `unexpected unit ${row.parentUnitId}`);
  }
  return { rows, figures, parents };
}

/** One organisation's figures as the tests write them: [population, headcount, denominator, law, vocational, life skills, digital, learning citizen]. */
export type Expected = [number, number, number, number, number, number, number, number];

export const figuresOf = (row: {
  population: number;
  declaredHeadcount: number;
  denominator: number;
  law: number;
  vocational: number;
  lifeSkills: number;
  digital: number;
  learningCitizen: number;
}): Expected => [
  row.population,
  row.declaredHeadcount,
  row.denominator,
  row.law,
  row.vocational,
  row.lifeSkills,
  row.digital,
  row.learningCitizen,
];
