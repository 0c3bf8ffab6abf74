import { Actor } from '../common/access/actor';
import { Role, ScopeType } from '../common/access/roles';
import { AdminUnitsRepository } from './admin-units.repository';
import { BranchesRepository } from './branches.repository';
import { EnterpriseScopeService } from './enterprise-scope';
import { AdminUnitMapping } from './entities/admin-unit-mapping.entity';
import { AssociationBranch } from './entities/association-branch.entity';

/** Ids and paths as the reference seed makes them: Đắk Nông 1 with districts 2–9, Lâm Đồng 10. */
const PATHS = new Map<number, string>([
  [1, '/1/'],
  ...[2, 3, 4, 5, 6, 7, 8, 9].map((id): [number, string] => [id, `/1/${id}/`]),
  [10, '/10/'],
  [11, '/1/4/11/'],
]);
const DAK_NONG = 1;
const CU_JUT = 4;
const LAM_DONG = 10;

const MAPPINGS = [DAK_NONG, 2, 3, 4, 5, 6, 7, 8, 9].map(
  (from) => ({ fromUnitId: from, toUnitId: LAM_DONG, effectiveDate: '2025-07-01' }) as AdminUnitMapping,
);

function setup(mappings = MAPPINGS) {
  const units = {
    allMappings: jest.fn(async () => mappings),
    pathsByIds: jest.fn(
      async (ids: number[]) => new Map(ids.filter((id) => PATHS.has(id)).map((id) => [id, PATHS.get(id)!])),
    ),
  };
  const branches = {
    findByIds: jest.fn(async (ids: number[]) =>
      ids.map((id) => ({ id, name: 'Hội Khuyến học huyện Cư Jút', unitId: CU_JUT }) as AssociationBranch),
    ),
  };
  const sut = new EnterpriseScopeService(
    units as unknown as AdminUnitsRepository,
    branches as unknown as BranchesRepository,
  );
  return { sut, units, branches };
}

/** Whether an enterprise registered in a unit with this path falls inside the scope's paths. */
const reaches = (paths: string[], unitPath: string) => paths.some((p) => unitPath.startsWith(p));

describe(EnterpriseScopeService.name, () => {
  describe('subtreePaths', () => {
    it('lets the new Lâm Đồng reach enterprises still registered under Đắk Nông’s districts', async () => {
      const { sut } = setup();
      const paths = await sut.subtreePaths([LAM_DONG]);
      expect(paths).toEqual(['/1/', '/10/']);
      expect(reaches(paths, '/1/4/')).toBe(true); // Cư Jút
      expect(reaches(paths, '/1/4/11/')).toBe(true); // a commune of Cư Jút
    });

    it('reaches the districts through their own mappings even without the province mapping', async () => {
      const { sut } = setup(MAPPINGS.filter((m) => m.fromUnitId !== DAK_NONG));
      const paths = await sut.subtreePaths([LAM_DONG]);
      expect(paths).toEqual(['/1/2/', '/1/3/', '/1/4/', '/1/5/', '/1/6/', '/1/7/', '/1/8/', '/1/9/', '/10/']);
      expect(reaches(paths, '/1/4/11/')).toBe(true);
      expect(reaches(paths, '/1/')).toBe(false);
    });

    it('does not let an old unit reach the unit that replaced it', async () => {
      const { sut } = setup();
      expect(await sut.subtreePaths([CU_JUT])).toEqual(['/1/4/']);
    });

    it('keeps only the outermost of nested paths, and nothing for no units', async () => {
      const { sut, units } = setup();
      expect(await sut.subtreePaths([DAK_NONG, CU_JUT, 11])).toEqual(['/1/']);
      expect(await sut.subtreePaths([])).toEqual([]);
      expect(units.allMappings).toHaveBeenCalledTimes(1);
    });

    it('does not confuse /1/ with /10/', async () => {
      const { sut } = setup([]);
      const paths = await sut.subtreePaths([DAK_NONG]);
      expect(reaches(paths, '/10/')).toBe(false);
    });
  });

  describe('scopeOf', () => {
    it('reaches everything for a province-wide role', async () => {
      const { sut } = setup();
      const admin = new Actor(1, 'Liên đoàn', [
        { role: Role.FederationAdmin, scopeType: ScopeType.All, scopeId: 0 },
      ]);
      expect(await sut.scopeOf(admin)).toEqual({ all: true, enterpriseIds: [], unitPaths: [] });
    });

    it('reaches one enterprise for a union officer and a branch’s subtree for a reviewer', async () => {
      const { sut, branches } = setup();
      const actor = new Actor(2, 'Cán bộ', [
        { role: Role.UnionOfficer, scopeType: ScopeType.Enterprise, scopeId: 3 },
        { role: Role.AssociationReviewer, scopeType: ScopeType.Branch, scopeId: 2 },
      ]);
      expect(await sut.scopeOf(actor)).toEqual({ all: false, enterpriseIds: [3], unitPaths: ['/1/4/'] });
      expect(branches.findByIds).toHaveBeenCalledWith([2]);
      expect(await sut.scopeOf(actor, Role.UnionOfficer)).toEqual({
        all: false,
        enterpriseIds: [3],
        unitPaths: [],
      });
    });
  });
});
