import { UnitOfWork } from '../database/unit-of-work';
import { AdminUnitsRepository } from '../organisations/admin-units.repository';
import { AdminUnitsService, isInForce } from '../organisations/admin-units.service';
import { AdminUnitMapping } from '../organisations/entities/admin-unit-mapping.entity';
import { AdminUnit, AdminUnitKind } from '../organisations/entities/admin-unit.entity';
import { CountingWindow, IndicatorCode, Plan, PlanIndicator } from './entities/plan.entity';
import { SnapshotLevel } from './entities/snapshot.entity';
import { PlansRepository } from './plans.repository';
import { EnterpriseCounts, RollupRepository } from './rollup.repository';
import { RollupService, windowsOf } from './rollup.service';
import { SnapshotsRepository } from './snapshots.repository';

/** An old province (1) with districts 2 and 3, commune 4 under 2; a new province (5) with communes 6 and 7. */
const unit = (
  id: number,
  parentId: number | null,
  path: string,
  validFrom: string | null,
  validTo: string | null,
) =>
  ({
    id,
    parentId,
    path,
    depth: path.split('/').filter(Boolean).length - 1,
    validFrom,
    validTo,
    kind: AdminUnitKind.District,
    name: `U${id}`,
  }) as AdminUnit;
const UNITS = [
  unit(1, null, '/1/', null, '2025-06-30'),
  unit(2, 1, '/1/2/', null, '2025-06-30'),
  unit(3, 1, '/1/3/', null, '2025-06-30'),
  unit(4, 2, '/1/2/4/', null, '2025-06-30'),
  unit(5, null, '/5/', '2025-07-01', null),
  unit(6, 5, '/5/6/', '2025-07-01', null),
  unit(7, 5, '/5/7/', '2025-07-01', null),
  unit(9, null, '/9/', null, null),
];
const MAPPINGS = [
  [1, 5],
  [2, 6],
  [4, 6],
  [3, 7],
].map(
  ([fromUnitId, toUnitId], i) =>
    ({ id: i + 1, fromUnitId, toUnitId, effectiveDate: '2025-07-01' }) as AdminUnitMapping,
);

/** Enterprise 101 in commune 4, 102 in district 2, 103 in district 3, 104 in new commune 7, 105 elsewhere. */
const ENTERPRISES = [
  { id: 101, unitId: 4 },
  { id: 102, unitId: 2 },
  { id: 103, unitId: 3 },
  { id: 104, unitId: 7 },
  { id: 105, unitId: 9 },
];
const counts = (enterpriseId: number, population: number, law: number): EnterpriseCounts => ({
  enterpriseId,
  population,
  law,
  vocational: 0,
  lifeSkills: 0,
  digital: 0,
  learningCitizen: 1,
});

function setup() {
  const unitsRepo = {
    findById: jest.fn(async (id: number) => UNITS.find((u) => u.id === id) ?? null),
    findByIds: jest.fn(async (ids: number[]) => UNITS.filter((u) => ids.includes(u.id))),
    mappingsFrom: jest.fn(async (id: number) => MAPPINGS.filter((m) => m.fromUnitId === id)),
    inForceOn: jest.fn(async (date: string) => UNITS.filter((u) => isInForce(u, date))),
    listAll: jest.fn(async () => UNITS),
    allMappings: jest.fn(async () => MAPPINGS),
  };
  const units = new AdminUnitsService(unitsRepo as unknown as AdminUnitsRepository, {} as UnitOfWork);
  const plans = {
    findById: jest.fn(
      async () => ({ id: 1, unitId: 1, startDate: '2023-01-01', endDate: '2030-12-31' }) as Plan,
    ),
    indicatorsOf: jest.fn(async () => [
      { code: IndicatorCode.Digital, countingWindow: CountingWindow.CalendarYear } as PlanIndicator,
    ]),
  };
  const rollups = {
    enterprises: jest.fn(async () => ENTERPRISES),
    mappings: jest.fn(async () => MAPPINGS),
    enterpriseCounts: jest.fn(async () => [
      counts(101, 3, 1),
      counts(102, 2, 2),
      counts(103, 4, 0),
      counts(104, 1, 1),
      counts(105, 50, 50),
    ]),
    headcounts: jest.fn(
      async () =>
        new Map([
          [101, 10],
          [104, 0],
        ]),
    ),
  };
  const snapshots = { replace: jest.fn(), find: jest.fn(), markFailed: jest.fn(async () => undefined) };
  const sut = new RollupService(
    plans as unknown as PlansRepository,
    rollups as unknown as RollupRepository,
    snapshots as unknown as SnapshotsRepository,
    units,
    { run: jest.fn((work: (m: unknown) => unknown) => work({})) } as unknown as UnitOfWork,
  );
  return { sut, plans, rollups, snapshots };
}

const byOrg = (
  rows: {
    level: SnapshotLevel;
    orgId: number;
    parentUnitId: number | null;
    population: number;
    denominator: number;
    law: number;
  }[],
) =>
  Object.fromEntries(
    rows.map((r) => [`${r.level}:${r.orgId}`, [r.parentUnitId, r.population, r.denominator, r.law]]),
  );

describe(RollupService.name, () => {
  it('sums enterprises up the old tree before 01/07/2025, placing the new commune’s enterprise by the mapping back', async () => {
    const { sut, rollups } = setup();
    const plan = { id: 1, unitId: 1, startDate: '2023-01-01' } as Plan;
    const { rows, enterprises, population } = await sut.compute(plan, '2025-03-31');
    // Enterprise 105 lies outside the plan's province. The territory holds 4 of the 5 enterprises,
    // so all are counted in one scan and 105's figures are dropped here.
    expect(rollups.enterpriseCounts).toHaveBeenCalledWith(expect.objectContaining({ enterpriseIds: null }));
    expect(byOrg(rows)).toEqual({
      // [parent, population, denominator, law]
      'ENTERPRISE:101': [4, 3, 10, 1],
      'ENTERPRISE:102': [2, 2, 2, 2],
      'ENTERPRISE:103': [3, 4, 4, 0],
      'ENTERPRISE:104': [3, 1, 1, 1],
      'UNIT:4': [2, 3, 10, 1],
      'UNIT:2': [1, 5, 12, 3],
      'UNIT:3': [1, 5, 5, 1],
      'PROVINCE:1': [null, 10, 17, 4],
    });
    expect({ enterprises, population }).toEqual({ enterprises: 4, population: 10 });
  });

  it('names the territory’s enterprises to the query when they are fewer than half of all', async () => {
    const { sut, rollups } = setup();
    const outside = [201, 202, 203, 204, 205].map((id) => ({ id, unitId: 9 }));
    rollups.enterprises.mockResolvedValue([...ENTERPRISES, ...outside]);
    const plan = { id: 1, unitId: 1, startDate: '2023-01-01' } as Plan;
    const { enterprises, population } = await sut.compute(plan, '2025-03-31');
    expect(rollups.enterpriseCounts).toHaveBeenCalledWith(
      expect.objectContaining({ enterpriseIds: [101, 102, 103, 104] }),
    );
    expect({ enterprises, population }).toEqual({ enterprises: 4, population: 10 });
  });

  it('sums the same enterprises up the new tree from 01/07/2025, through the mapping forward', async () => {
    const { sut } = setup();
    const plan = { id: 1, unitId: 1, startDate: '2023-01-01' } as Plan;
    const { rows } = await sut.compute(plan, '2025-09-30');
    expect(byOrg(rows)).toEqual({
      'ENTERPRISE:101': [6, 3, 10, 1],
      'ENTERPRISE:102': [6, 2, 2, 2],
      'ENTERPRISE:103': [7, 4, 4, 0],
      'ENTERPRISE:104': [7, 1, 1, 1],
      'UNIT:6': [5, 5, 12, 3],
      'UNIT:7': [5, 5, 5, 1],
      'PROVINCE:5': [null, 10, 17, 4],
    });
  });

  it('rolls up every root in force, and reads every enterprise at once, for a plan without a territory', async () => {
    const { sut, rollups } = setup();
    const { rows } = await sut.compute(
      { id: 1, unitId: null, startDate: '2023-01-01' } as Plan,
      '2025-09-30',
    );
    expect(rollups.enterpriseCounts).toHaveBeenCalledWith(expect.objectContaining({ enterpriseIds: null }));
    expect(
      rows.filter((r) => r.level === SnapshotLevel.Province).map((r) => [r.orgId, r.population]),
    ).toEqual([
      [5, 10],
      [9, 50],
    ]);
  });

  it('passes each domain’s window to the query', async () => {
    const { sut, rollups } = setup();
    await sut.compute({ id: 1, unitId: 1, startDate: '2023-01-01' } as Plan, '2025-03-31');
    expect(rollups.enterpriseCounts).toHaveBeenCalledWith(
      expect.objectContaining({
        planStart: '2023-01-01',
        windows: {
          LAW: 'PLAN_TO_DATE',
          VOCATIONAL: 'PLAN_TO_DATE',
          LIFE_SKILLS: 'PLAN_TO_DATE',
          DIGITAL: 'CALENDAR_YEAR',
        },
      }),
    );
    expect(windowsOf([])).toEqual({
      LAW: 'PLAN_TO_DATE',
      VOCATIONAL: 'PLAN_TO_DATE',
      LIFE_SKILLS: 'PLAN_TO_DATE',
      DIGITAL: 'PLAN_TO_DATE',
    });
  });

  it('writes the rows as one snapshot and reports progress', async () => {
    const { sut, snapshots } = setup();
    snapshots.replace.mockResolvedValue({ id: 77 });
    const progress: number[] = [];
    const outcome = await sut.run(1, '2025-03-31', {
      jobRunId: 5,
      progress: async (p) => void progress.push(p),
    });
    expect(outcome).toMatchObject({
      snapshotId: 77,
      skipped: false,
      enterprises: 4,
      population: 10,
      rows: 8,
    });
    expect(snapshots.replace).toHaveBeenCalledWith({}, 1, '2025-03-31', expect.any(Array), {
      enterprises: 4,
      population: 10,
      jobRunId: 5,
    });
    expect(progress).toEqual([10, 80, 100]);
  });

  it('marks a snapshot that never had figures FAILED when the run fails', async () => {
    const { sut, snapshots } = setup();
    snapshots.replace.mockRejectedValue(new Error('disk full'));
    await expect(sut.run(1, '2025-03-31')).rejects.toThrow('disk full');
    expect(snapshots.markFailed).toHaveBeenCalledWith(1, '2025-03-31');
  });
});
