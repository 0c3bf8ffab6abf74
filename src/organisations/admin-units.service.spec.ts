import { EntityManager } from 'typeorm';
import { FormError } from '../common/errors/form-error';
import { UnitOfWork } from '../database/unit-of-work';
import { AdminUnitsRepository } from './admin-units.repository';
import { AdminUnitsService, isInForce } from './admin-units.service';
import { AdminUnitDto } from './dto/admin-unit.dto';
import { AdminUnitMapping } from './entities/admin-unit-mapping.entity';
import { AdminUnit, AdminUnitKind } from './entities/admin-unit.entity';

const unit = (id: number, path: string, fields: Partial<AdminUnit> = {}): AdminUnit =>
  ({
    id,
    path,
    depth: path.split('/').filter(Boolean).length - 1,
    parentId: Number(path.split('/').filter(Boolean).at(-2)) || null,
    code: String(id),
    name: `Unit ${id}`,
    searchKey: `unit ${id}`,
    kind: AdminUnitKind.District,
    validFrom: null,
    validTo: null,
    ...fields,
  }) as AdminUnit;

const mapping = (fromUnitId: number, toUnitId: number, effectiveDate: string): AdminUnitMapping =>
  ({ id: fromUnitId * 100 + toUnitId, fromUnitId, toUnitId, effectiveDate, note: null }) as AdminUnitMapping;

/**
 * The reference tree: Đắk Nông (1) with Cư Jút (4) and a commune (12) under it, all lapsing
 * 30/06/2025, and the new Lâm Đồng (10) from 01/07/2025 taking over Đắk Nông and its districts.
 */
function referenceTree() {
  const lapsed = { validFrom: '2004-01-01', validTo: '2025-06-30' };
  const units = [
    unit(1, '/1/', { name: 'Tỉnh Đắk Nông', kind: AdminUnitKind.Province, ...lapsed }),
    unit(4, '/1/4/', { name: 'Huyện Cư Jút', ...lapsed }),
    unit(12, '/1/4/12/', { name: 'Xã Tâm Thắng', kind: AdminUnitKind.Commune, ...lapsed }),
    unit(10, '/10/', { name: 'Tỉnh Lâm Đồng', kind: AdminUnitKind.Province, validFrom: '2025-07-01' }),
  ];
  const mappings = [mapping(1, 10, '2025-07-01'), mapping(4, 10, '2025-07-01')];
  return { units, mappings };
}

function setup(units: AdminUnit[] = [], mappings: AdminUnitMapping[] = []) {
  const manager = {} as EntityManager;
  const repo = {
    findById: jest.fn(async (id: number) => units.find((u) => u.id === id) ?? null),
    findByIds: jest.fn(async (ids: number[]) => units.filter((u) => ids.includes(u.id))),
    mappingsFrom: jest.fn(async (id: number) => mappings.filter((m) => m.fromUnitId === id)),
    mappingExists: jest.fn(async (from: number, to: number) =>
      mappings.some((m) => m.fromUnitId === from && m.toUnitId === to),
    ),
    insertMapping: jest.fn(async (data: Partial<AdminUnitMapping>) => ({ id: 99, ...data })),
    insert: jest.fn(async (data: Partial<AdminUnit>, parent: AdminUnit | null) => ({
      id: 50,
      ...data,
      path: `${parent?.path ?? '/'}50/`,
    })),
    update: jest.fn(async () => undefined),
    moveSubtree: jest.fn(async () => undefined),
  };
  const unitOfWork = { run: jest.fn((work: (m: EntityManager) => Promise<unknown>) => work(manager)) };
  const sut = new AdminUnitsService(
    repo as unknown as AdminUnitsRepository,
    unitOfWork as unknown as UnitOfWork,
  );
  return { sut, repo, manager };
}

const dto = (fields: Partial<AdminUnitDto> = {}): AdminUnitDto => ({
  code: '24611',
  name: 'Xã Tâm Thắng',
  kind: AdminUnitKind.Commune,
  ...fields,
});

async function formErrorOf(promise: Promise<unknown>): Promise<FormError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(FormError);
  return error as FormError;
}

describe(AdminUnitsService.name, () => {
  describe('tree paths', () => {
    it('adds a unit under its parent with a folded search key', async () => {
      const parent = unit(4, '/1/4/');
      const { sut, repo, manager } = setup([parent]);
      await sut.create(dto({ parentId: 4, validFrom: '2004-01-01' }));
      expect(repo.insert).toHaveBeenCalledWith(
        {
          code: '24611',
          name: 'Xã Tâm Thắng',
          searchKey: 'xa tam thang',
          kind: AdminUnitKind.Commune,
          validFrom: '2004-01-01',
          validTo: null,
        },
        parent,
        manager,
      );
    });

    it('moves a unit and its whole subtree to a new parent in one statement', async () => {
      const { sut, repo, manager } = setup([
        unit(1, '/1/'),
        unit(2, '/1/2/'),
        unit(5, '/1/5/'),
        unit(7, '/1/5/7/'),
      ]);
      const saved = await sut.update(5, dto({ parentId: 2 }));
      expect(repo.update).toHaveBeenCalledWith(5, expect.objectContaining({ parentId: 2 }), manager);
      expect(repo.moveSubtree).toHaveBeenCalledWith('/1/5/', '/1/2/5/', 1, manager);
      expect(saved).toMatchObject({ id: 5, parentId: 2, path: '/1/2/5/', depth: 2 });
    });

    it('makes a unit a root, raising its subtree one level', async () => {
      const { sut, repo, manager } = setup([unit(1, '/1/'), unit(5, '/1/5/')]);
      await sut.update(5, dto());
      expect(repo.moveSubtree).toHaveBeenCalledWith('/1/5/', '/5/', -1, manager);
    });

    it('leaves the paths alone when the parent stays', async () => {
      const { sut, repo } = setup([unit(1, '/1/'), unit(5, '/1/5/')]);
      await sut.update(5, dto({ parentId: 1, name: 'Renamed' }));
      expect(repo.update).toHaveBeenCalled();
      expect(repo.moveSubtree).not.toHaveBeenCalled();
    });

    it.each([
      ['one of its descendants', 7],
      ['itself', 5],
    ])('refuses to put a unit under %s', async (_case, parentId) => {
      const { sut, repo } = setup([unit(1, '/1/'), unit(5, '/1/5/'), unit(7, '/1/5/7/')]);
      const error = await formErrorOf(sut.update(5, dto({ parentId })));
      expect(error.fieldErrors.parentId.key).toBe('org.unit.cycle');
      expect(repo.update).not.toHaveBeenCalled();
      expect(repo.moveSubtree).not.toHaveBeenCalled();
    });

    it('refuses an unknown parent and an end date before the start', async () => {
      const { sut } = setup([unit(1, '/1/')]);
      expect((await formErrorOf(sut.create(dto({ parentId: 404 })))).fieldErrors.parentId.key).toBe(
        'org.unit.notFound',
      );
      const dates = await formErrorOf(sut.create(dto({ validFrom: '2025-07-01', validTo: '2025-06-30' })));
      expect(dates.fieldErrors.validTo.key).toBe('validation.dateOrder');
    });

    it('lists the ancestors of a unit, root first, without the unit', async () => {
      const { units, mappings } = referenceTree();
      const { sut, repo } = setup(units, mappings);
      const ancestors = await sut.ancestorsOf(12);
      expect(repo.findByIds).toHaveBeenCalledWith([1, 4]);
      expect(ancestors.map((u) => u.name)).toEqual(['Tỉnh Đắk Nông', 'Huyện Cư Jút']);
    });
  });

  describe('resolveInForce across the 2025 reform', () => {
    it('keeps a unit that is still in force on the date', async () => {
      const { units, mappings } = referenceTree();
      const { sut } = setup(units, mappings);
      expect((await sut.resolveInForce(4, '2025-06-30'))?.name).toBe('Huyện Cư Jút');
    });

    it('follows the mapping of an abolished district to the new province', async () => {
      const { units, mappings } = referenceTree();
      const { sut } = setup(units, mappings);
      expect((await sut.resolveInForce(4, '2025-07-01'))?.name).toBe('Tỉnh Lâm Đồng');
      expect((await sut.resolveInForce(1, '2030-12-31'))?.name).toBe('Tỉnh Lâm Đồng');
    });

    it('takes a lapsed unit without a mapping to its parent’s successor', async () => {
      const { units, mappings } = referenceTree();
      const { sut } = setup(units, mappings);
      expect((await sut.resolveInForce(12, '2025-07-01'))?.name).toBe('Tỉnh Lâm Đồng');
    });

    it('ignores a mapping that has not taken effect yet, and answers null when nothing is in force', async () => {
      const { units } = referenceTree();
      const { sut } = setup(units, [mapping(4, 10, '2026-01-01')]);
      expect(await sut.resolveInForce(4, '2025-08-01')).toBeNull();
      expect(await sut.resolveInForce(10, '2020-01-01')).toBeNull();
    });

    it('stops on a loop of mappings', async () => {
      const lapsed = { validTo: '2000-01-01' };
      const { sut } = setup(
        [unit(1, '/1/', lapsed), unit(2, '/2/', lapsed)],
        [mapping(1, 2, '2000-01-02'), mapping(2, 1, '2000-01-02')],
      );
      expect(await sut.resolveInForce(1, '2010-01-01')).toBeNull();
    });

    it('counts validity dates as inclusive', () => {
      const cuJut = referenceTree().units[1];
      expect(isInForce(cuJut, '2004-01-01')).toBe(true);
      expect(isInForce(cuJut, '2025-06-30')).toBe(true);
      expect(isInForce(cuJut, '2025-07-01')).toBe(false);
    });
  });

  describe('mappings', () => {
    it('refuses a mapping to the unit itself and a duplicate', async () => {
      const { units, mappings } = referenceTree();
      const { sut, repo } = setup(units, mappings);
      const self = await formErrorOf(sut.addMapping(4, { toUnitId: 4, effectiveDate: '2025-07-01' }));
      expect(self.fieldErrors.toUnitId.key).toBe('org.mapping.self');
      const duplicate = await formErrorOf(sut.addMapping(4, { toUnitId: 10, effectiveDate: '2025-07-01' }));
      expect(duplicate.fieldErrors.toUnitId.key).toBe('org.mapping.duplicate');
      expect(repo.insertMapping).not.toHaveBeenCalled();
    });

    it('records a new mapping', async () => {
      const { units } = referenceTree();
      const { sut, repo } = setup(units);
      await sut.addMapping(12, { toUnitId: 10, effectiveDate: '2025-07-01', note: 'NQ 202/2025/QH15' });
      expect(repo.insertMapping).toHaveBeenCalledWith({
        fromUnitId: 12,
        toUnitId: 10,
        effectiveDate: '2025-07-01',
        note: 'NQ 202/2025/QH15',
      });
    });
  });
});
