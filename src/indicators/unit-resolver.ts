import { AdminUnitsService } from '../organisations/admin-units.service';
import { AdminUnit } from '../organisations/entities/admin-unit.entity';

export interface UnitMappingFact {
  fromUnitId: number;
  toUnitId: number;
  effectiveDate: string;
}

/**
 * Finds the unit in force on one date for the units enterprises are registered in, once per unit.
 * Forward it is AdminUnitsService.resolveInForce (a lapsed unit follows its mappings to the new
 * tree). Backward, for a unit that did not exist yet on the date — an enterprise registered in a
 * commune of the new tree, counted for a day before 01/07/2025 — the mappings into it are followed
 * back to the old unit whose territory it took (the first of them when several merged into it).
 */
export class UnitResolver {
  private readonly cache = new Map<number, Promise<AdminUnit | null>>();

  constructor(
    private readonly units: AdminUnitsService,
    private readonly mappings: UnitMappingFact[],
    readonly date: string,
  ) {}

  resolve(unitId: number): Promise<AdminUnit | null> {
    let found = this.cache.get(unitId);
    if (!found) {
      found = this.find(unitId, new Set());
      this.cache.set(unitId, found);
    }
    return found;
  }

  private async find(unitId: number, seen: Set<number>): Promise<AdminUnit | null> {
    if (seen.has(unitId)) return null;
    seen.add(unitId);
    const forward = await this.units.resolveInForce(unitId, this.date);
    if (forward) return forward;
    const earlier = this.mappings
      .filter((m) => m.toUnitId === unitId && m.effectiveDate > this.date)
      .sort((a, b) => a.fromUnitId - b.fromUnitId);
    for (const mapping of earlier) {
      const unit = await this.find(mapping.fromUnitId, seen);
      if (unit) return unit;
    }
    return null;
  }
}

/** The ids of a materialised path ("/1/5/9/" → [1, 5, 9]), root first. */
export function pathIds(path: string): number[] {
  return path.split('/').filter(Boolean).map(Number);
}
