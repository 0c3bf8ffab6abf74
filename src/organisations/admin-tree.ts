import { isInForce } from './admin-units.service';
import { AdminUnitMapping } from './entities/admin-unit-mapping.entity';
import { AdminUnit } from './entities/admin-unit.entity';

/** What the roll-up asks of the administrative tree: a unit, and the unit in force for it on a date. */
export interface UnitLookup {
  findById(id: number): Promise<AdminUnit | null>;
  resolveInForce(unitId: number, date: string): Promise<AdminUnit | null>;
}

/**
 * The whole administrative tree and its mappings in memory (a few hundred units), read in two
 * statements, answering as AdminUnitsService does: a roll-up resolves every enterprise's unit, and
 * one query per unit and mapping step cost more than the counting itself (issue 14).
 */
export class AdminTree implements UnitLookup {
  private readonly byId: Map<number, AdminUnit>;
  private readonly from = new Map<number, AdminUnitMapping[]>();

  constructor(units: AdminUnit[], mappings: AdminUnitMapping[]) {
    this.byId = new Map(units.map((u) => [u.id, u]));
    for (const m of mappings) this.from.set(m.fromUnitId, [...(this.from.get(m.fromUnitId) ?? []), m]);
    // As AdminUnitsRepository.mappingsFrom: latest change first.
    for (const list of this.from.values())
      list.sort((a, b) =>
        a.effectiveDate === b.effectiveDate ? a.id - b.id : a.effectiveDate < b.effectiveDate ? 1 : -1,
      );
  }

  findById(id: number): Promise<AdminUnit | null> {
    return Promise.resolve(this.byId.get(id) ?? null);
  }

  /** AdminUnitsService.resolveInForce, over the tree in memory. */
  resolveInForce(unitId: number, date: string): Promise<AdminUnit | null> {
    return Promise.resolve(this.resolve(unitId, date, new Set()));
  }

  private resolve(unitId: number, date: string, seen: Set<number>): AdminUnit | null {
    if (seen.has(unitId)) return null;
    seen.add(unitId);
    const unit = this.byId.get(unitId);
    if (!unit) return null;
    if (isInForce(unit, date)) return unit;
    for (const mapping of this.from.get(unitId) ?? []) {
      if (mapping.effectiveDate > date) continue;
      const target = this.resolve(mapping.toUnitId, date, seen);
      if (target) return target;
    }
    return unit.parentId ? this.resolve(unit.parentId, date, seen) : null;
  }
}
