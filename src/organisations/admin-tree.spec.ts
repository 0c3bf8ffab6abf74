import fc from 'fast-check';
import { UnitOfWork } from '../database/unit-of-work';
import { AdminTree } from './admin-tree';
import { AdminUnitsRepository } from './admin-units.repository';
import { AdminUnitsService } from './admin-units.service';
import { AdminUnitMapping } from './entities/admin-unit-mapping.entity';
import { AdminUnit, AdminUnitKind } from './entities/admin-unit.entity';

/**
 * The tree in memory answers as AdminUnitsService does from the database, on random trees of
 * units with validity dates and random mappings between them (cycles included), for any date.
 */
const DATES = ['2000-01-01', '2020-06-30', '2025-06-30', '2025-07-01', '2030-12-31'];
const date = fc.constantFrom(...DATES);

const forest = fc
  .array(
    fc.record({
      parent: fc.option(fc.nat(), { nil: null }),
      validFrom: fc.option(date, { nil: null }),
      validTo: fc.option(date, { nil: null }),
    }),
    { minLength: 1, maxLength: 12 },
  )
  .map((specs) => {
    const units: AdminUnit[] = [];
    specs.forEach((spec, i) => {
      const parent = spec.parent === null || i === 0 ? null : units[spec.parent % i];
      const id = i + 1;
      units.push({
        id,
        parentId: parent?.id ?? null,
        path: `${parent?.path ?? '/'}${id}/`,
        depth: (parent?.depth ?? -1) + 1,
        code: String(id),
        name: `Unit ${id}`,
        searchKey: `unit ${id}`,
        kind: AdminUnitKind.District,
        validFrom: spec.validFrom,
        validTo: spec.validTo,
      } as AdminUnit);
    });
    return units;
  });

describe(AdminTree.name, () => {
  it('resolves every unit on every date as AdminUnitsService.resolveInForce does', async () => {
    await fc.assert(
      fc.asyncProperty(
        forest,
        fc.array(fc.record({ from: fc.nat(), to: fc.nat(), on: date }), { maxLength: 10 }),
        async (units, links) => {
          const mappings = links.map(
            ({ from, to, on }, i) =>
              ({
                id: i + 1,
                fromUnitId: (from % units.length) + 1,
                toUnitId: (to % units.length) + 1,
                effectiveDate: on,
                note: null,
              }) as AdminUnitMapping,
          );
          // As AdminUnitsRepository.mappingsFrom: latest change first, then by id.
          const repo = {
            findById: async (id: number) => units.find((u) => u.id === id) ?? null,
            mappingsFrom: async (id: number) =>
              mappings
                .filter((m) => m.fromUnitId === id)
                .sort((a, b) =>
                  a.effectiveDate === b.effectiveDate
                    ? a.id - b.id
                    : b.effectiveDate.localeCompare(a.effectiveDate),
                ),
          };
          const service = new AdminUnitsService(repo as unknown as AdminUnitsRepository, {} as UnitOfWork);
          const sut = new AdminTree(units, mappings);
          for (const unit of units)
            for (const on of DATES)
              expect((await sut.resolveInForce(unit.id, on))?.id ?? null).toBe(
                (await service.resolveInForce(unit.id, on))?.id ?? null,
              );
        },
      ),
      { numRuns: 200 },
    );
  });
});
