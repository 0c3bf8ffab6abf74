import { UnitLookup } from '../organisations/admin-tree';
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
    private readonly units: UnitLookup,
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

/**
 * Whether an enterprise's unit lies in a plan's territory. The seeded plan covers Đắk Nông, whose
 * successor is the whole new Lâm Đồng: after 01/07/2025 its figures must still cover only the
 * former Đắk Nông. A unit is in the territory when it lies under the plan's unit, or took
 * territory from a unit that does (a new commune formed of Đắk Nông's communes), or passed its
 * territory to one (an old commune, for a plan of the new province). Mappings into the
 * successor of the plan's own unit are not followed: that successor is larger than the territory.
 */
export class Territory {
  private readonly cache = new Map<number, Promise<boolean>>();

  private constructor(
    private readonly units: UnitLookup,
    private readonly mappings: UnitMappingFact[],
    private readonly rootId: number,
    private readonly larger: number | null,
  ) {}

  static async of(units: UnitLookup, mappings: UnitMappingFact[], rootId: number): Promise<Territory> {
    const successor = await units.resolveInForce(rootId, '9999-12-31');
    const larger = successor && successor.id !== rootId ? successor.id : null;
    return new Territory(units, mappings, rootId, larger);
  }

  covers(unitId: number): Promise<boolean> {
    let found = this.cache.get(unitId);
    if (!found) {
      found = this.find(unitId, new Set());
      this.cache.set(unitId, found);
    }
    return found;
  }

  private async find(unitId: number, seen: Set<number>): Promise<boolean> {
    if (seen.has(unitId) || unitId === this.larger) return false;
    seen.add(unitId);
    const unit = await this.units.findById(unitId);
    if (!unit) return false;
    if (pathIds(unit.path).includes(this.rootId)) return true;
    for (const m of this.mappings) {
      const next = m.toUnitId === unitId ? m.fromUnitId : m.fromUnitId === unitId ? m.toUnitId : null;
      if (next !== null && (await this.find(next, seen))) return true;
    }
    return false;
  }
}
