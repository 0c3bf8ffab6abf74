import { ForbiddenException } from '@nestjs/common';
import { Actor } from '../common/access/actor';
import { OutOfScopeException } from '../common/access/out-of-scope';
import { Role, ScopeType } from '../common/access/roles';
import { EnterpriseScope } from '../organisations/enterprise-scope';
import { TerritoryAssignment } from './entities/territory-assignment.entity';
import { TerritoryAssignmentsService } from './territory-assignments.service';

const TODAY = '2026-12-06';
const NOW = new Date('2026-12-06T03:00:00Z');
const TERRITORY_PATH = '/1/5/';
/** Enterprises 10 and 11 lie in the territory; 20 does not. */
const IN_TERRITORY = new Set([10, 11]);

const federation = new Actor(1, 'Liên đoàn', [
  { role: Role.FederationAdmin, scopeType: ScopeType.All, scopeId: 0 },
]);
const officer = (enterpriseId: number) =>
  new Actor(2, 'Cán bộ', [
    { role: Role.UnionOfficer, scopeType: ScopeType.Enterprise, scopeId: enterpriseId },
  ]);
const viewer = new Actor(3, 'Sở', [{ role: Role.DepartmentViewer, scopeType: ScopeType.All, scopeId: 0 }]);

const assignment: TerritoryAssignment = {
  id: 7,
  unitId: 5,
  courseId: 3,
  dueOn: '2026-12-20',
  remindDaysBefore: 3,
  createdBy: 1,
  createdAt: NOW,
  updatedAt: NOW,
};

describe(TerritoryAssignmentsService.name, () => {
  let sut: TerritoryAssignmentsService;
  let employedInScope: jest.Mock;
  let insert: jest.Mock;

  beforeEach(() => {
    // Workers 100, 101 at enterprise 10; 102 at 11: the territory's employments of the day.
    const employed = [
      { workerId: 100, enterpriseId: 10 },
      { workerId: 101, enterpriseId: 10 },
      { workerId: 102, enterpriseId: 11 },
    ];
    employedInScope = jest.fn(async (scope: EnterpriseScope) =>
      employed.filter((p) => scope.unitPaths.length > 0 || scope.enterpriseIds.includes(p.enterpriseId)),
    );
    insert = jest.fn(async (_tx: unknown, row: Partial<TerritoryAssignment>) => ({ ...assignment, ...row }));
    const scopeOf = jest.fn(async (actor: Actor, ...roles: Role[]) => {
      const grants = actor.grants.filter((g) => roles.includes(g.role));
      return {
        all: grants.some((g) => g.scopeType === ScopeType.All),
        enterpriseIds: grants.filter((g) => g.scopeType === ScopeType.Enterprise).map((g) => g.scopeId),
        unitPaths: [],
      };
    });
    sut = new TerritoryAssignmentsService(
      {
        findById: jest.fn(async (id: number) => (id === 7 ? assignment : null)),
        all: jest.fn(async () => [assignment]),
        insert,
      } as never,
      { scopeOf, subtreePaths: jest.fn(async () => [TERRITORY_PATH]) } as never,
      {
        findById: jest.fn(async (id: number) =>
          id === 5
            ? { id: 5, validFrom: '2025-07-01', validTo: null }
            : { id, validFrom: null, validTo: '2025-06-30' },
        ),
        namesByIds: jest.fn(async () => new Map([[5, 'Xã Cư Jút']])),
      } as never,
      {
        isInScope: jest.fn(
          async (id: number, scope: EnterpriseScope) =>
            (scope.unitPaths.includes(TERRITORY_PATH) && IN_TERRITORY.has(id)) ||
            scope.enterpriseIds.includes(id),
        ),
        namesOf: jest.fn(
          async (ids: number[]) => new Map(ids.map((id) => [id, { name: `DN ${id}`, taxCode: `${id}` }])),
        ),
        namesByIds: jest.fn(async (ids: number[]) => new Map(ids.map((id) => [id, `DN ${id}`]))),
      } as never,
      {
        titles: jest.fn(async () => ({ courses: new Map([[3, 'Luật Lao động']]), lessons: new Map() })),
        publishedCourse: jest.fn(async (id: number) =>
          id === 3 ? { course: { id: 3, title: 'Luật Lao động' } } : null,
        ),
      } as never,
      {
        enrolmentsIn: jest.fn(async () => new Map([[101, { completedAt: NOW, progressPercent: 100 }]])),
        enrolWithin: jest.fn(async (_tx: unknown, ids: number[]) => ids.length),
      } as never,
      {
        employedInScope,
        membersAt: jest.fn(async () => new Map()),
        employersOf: jest.fn(async () => [10]),
      } as never,
      { userIdsOf: jest.fn(async () => new Map()) } as never,
      { notifyMany: jest.fn() } as never,
      { run: jest.fn(async (work: (tx: unknown) => unknown) => work({})) } as never,
    );
  });

  it('counts the whole territory per enterprise for the federation', async () => {
    const detail = await sut.detail(federation, 7, TODAY);
    expect(detail.summary.counts).toMatchObject({ total: 3, DONE: 1, NOT_STARTED: 2 });
    expect(detail.enterprises.map((e) => [e.enterpriseId, e.counts.total])).toEqual([
      [10, 2],
      [11, 1],
    ]);
  });

  it('shows an officer in the territory only their own enterprise, and an officer outside nothing', async () => {
    const mine = await sut.detail(officer(11), 7, TODAY);
    expect(mine.enterprises.map((e) => e.enterpriseId)).toEqual([11]);
    expect(mine.summary.counts.total).toBe(1);
    await expect(sut.workersAt(officer(11), 7, 10, undefined, TODAY)).rejects.toBeInstanceOf(
      OutOfScopeException,
    );
    await expect(sut.detail(officer(20), 7, TODAY)).rejects.toBeInstanceOf(OutOfScopeException);
    expect((await sut.list(officer(20), {}, TODAY)).total).toBe(0);
    await expect(sut.detail(viewer, 7, TODAY)).rejects.toBeInstanceOf(OutOfScopeException);
  });

  it('lets only the federation give or withdraw one', async () => {
    const dto = { unitId: 5, courseId: 3, dueOn: '2026-12-20' };
    await expect(sut.create(officer(10), dto, NOW)).rejects.toBeInstanceOf(ForbiddenException);
    await expect(sut.create(viewer, dto, NOW)).rejects.toBeInstanceOf(ForbiddenException);
    await expect(sut.remove(officer(10), 7)).rejects.toBeInstanceOf(ForbiddenException);
    await expect(sut.remove(officer(20), 7)).rejects.toBeInstanceOf(OutOfScopeException);
    expect(insert).not.toHaveBeenCalled();
    const given = await sut.create(federation, dto, NOW);
    expect(given).toMatchObject({ workers: 3, enrolled: 3 });
  });

  it('refuses a unit not in force, a due date in the past and a course not published, saving nothing', async () => {
    const field = (promise: Promise<unknown>) => promise.catch((e: { fieldErrors: object }) => e.fieldErrors);
    expect(await field(sut.create(federation, { unitId: 4, courseId: 3, dueOn: '2026-12-20' }, NOW))).toEqual(
      {
        unitId: expect.objectContaining({ key: 'assignments.error.unitNotInForce' }),
      },
    );
    expect(await field(sut.create(federation, { unitId: 5, courseId: 3, dueOn: '2026-12-05' }, NOW))).toEqual(
      {
        dueOn: expect.objectContaining({ key: 'assignments.error.dueInPast' }),
      },
    );
    expect(await field(sut.create(federation, { unitId: 5, courseId: 9, dueOn: '2026-12-20' }, NOW))).toEqual(
      {
        courseId: expect.objectContaining({ key: 'assignments.error.courseNotPublished' }),
      },
    );
    expect(insert).not.toHaveBeenCalled();
  });

  it('lists for a worker the assignments of the territory they work in and have not finished', async () => {
    expect(await sut.openOf(100, TODAY)).toEqual([
      expect.objectContaining({ courseId: 3, dueOn: '2026-12-20', overdue: false, enterpriseName: 'DN 10' }),
    ]);
    // Worker 101 finished the course.
    expect(await sut.openOf(101, TODAY)).toEqual([]);
  });
});
