import { Injectable, NotFoundException } from '@nestjs/common';
import { FormError } from '../common/errors/form-error';
import { Page, pageOf, PageQuery, pageWindow } from '../common/http/pagination';
import { foldVietnamese } from '../common/text/vietnamese';
import { todayInVietnam } from '../common/time/vietnam-time';
import { Transaction, UnitOfWork, isUniqueViolation } from '../database/unit-of-work';
import {
  AdminUnitsRepository,
  MappingRow,
  NewAdminUnit,
  UnitFilter,
  UnitRow,
} from './admin-units.repository';
import { AdminTree } from './admin-tree';
import { AdminUnitDto, AdminUnitMappingDto } from './dto/admin-unit.dto';
import { AdminUnitMapping } from './entities/admin-unit-mapping.entity';
import { AdminUnit } from './entities/admin-unit.entity';

/** True when the unit exists on that day (validity dates are inclusive; null is open-ended). */
export function isInForce(unit: Pick<AdminUnit, 'validFrom' | 'validTo'>, date: string): boolean {
  return (!unit.validFrom || unit.validFrom <= date) && (!unit.validTo || unit.validTo >= date);
}

export interface UnitDetail {
  unit: AdminUnit;
  /** Root first, the unit itself not included. */
  ancestors: AdminUnit[];
  children: AdminUnit[];
  mappings: MappingRow[];
  inForceToday: boolean;
  /** The unit in force today that took over this one's territory, when this one has lapsed. */
  successor: AdminUnit | null;
}

/**
 * The administrative tree: units of any depth with validity dates, kept as materialised paths,
 * and the old → new mappings of reforms. Other domains use unitsInForceOn, ancestorsOf and
 * resolveInForce to roll figures up on whatever tree is in force for a period.
 */
@Injectable()
export class AdminUnitsService {
  constructor(
    private readonly units: AdminUnitsRepository,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  async page(query: PageQuery & UnitFilter): Promise<Page<UnitRow>> {
    const { page, size, skip } = pageWindow(query);
    const [items, total] = await this.units.page({ q: query.q, inForceOn: query.inForceOn }, skip, size);
    return pageOf(items, total, page, size);
  }

  /** Every row of the filtered list, for export. */
  rows(filter: UnitFilter): AsyncIterable<UnitRow> {
    return this.units.iterate({ q: filter.q, inForceOn: filter.inForceOn });
  }

  async get(id: number): Promise<AdminUnit> {
    const unit = await this.units.findById(id);
    if (!unit) throw new NotFoundException();
    return unit;
  }

  findById(id: number): Promise<AdminUnit | null> {
    return this.units.findById(id);
  }

  /** Every unit, parents before children. */
  listAll(): Promise<AdminUnit[]> {
    return this.units.listAll();
  }

  namesByIds(ids: number[]): Promise<Map<number, string>> {
    return this.units.namesByIds([...new Set(ids)]);
  }

  async detail(id: number, today = todayInVietnam()): Promise<UnitDetail> {
    const unit = await this.get(id);
    const inForceToday = isInForce(unit, today);
    return {
      unit,
      ancestors: await this.ancestorsOf(id),
      children: await this.units.children(id),
      mappings: await this.units.mappingsOf(id),
      inForceToday,
      successor: inForceToday ? null : await this.resolveInForce(id, today),
    };
  }

  async create(dto: AdminUnitDto): Promise<AdminUnit> {
    checkDateOrder(dto);
    return this.unitOfWork.run(async (manager) => {
      const parent = await this.parentFor(dto.parentId, manager);
      return this.units.insert(fieldsOf(dto), parent, manager);
    });
  }

  /**
   * Saves a unit; when its parent changes, the paths and depths of its whole subtree follow in the
   * same transaction. A unit cannot be moved under itself or under one of its descendants.
   */
  async update(id: number, dto: AdminUnitDto): Promise<AdminUnit> {
    checkDateOrder(dto);
    return this.unitOfWork.run(async (manager) => {
      const unit = await this.units.findById(id, manager);
      if (!unit) throw new NotFoundException();
      const parent = await this.parentFor(dto.parentId, manager);
      if (parent && parent.path.startsWith(unit.path)) throw FormError.field('parentId', 'org.unit.cycle');
      const fields = { ...fieldsOf(dto), parentId: parent?.id ?? null };
      await this.units.update(id, fields, manager);
      const path = `${parent?.path ?? '/'}${id}/`;
      const depth = parent ? parent.depth + 1 : 0;
      if (path !== unit.path) await this.units.moveSubtree(unit.path, path, depth - unit.depth, manager);
      return { ...unit, ...fields, path, depth };
    });
  }

  /** Records that `fromUnitId`'s territory passes to another unit on a date. */
  async addMapping(fromUnitId: number, dto: AdminUnitMappingDto): Promise<AdminUnitMapping> {
    await this.get(fromUnitId);
    if (dto.toUnitId === fromUnitId) throw FormError.field('toUnitId', 'org.mapping.self');
    if (!(await this.units.findById(dto.toUnitId))) throw FormError.field('toUnitId', 'org.unit.notFound');
    const duplicate = FormError.field('toUnitId', 'org.mapping.duplicate');
    if (await this.units.mappingExists(fromUnitId, dto.toUnitId)) throw duplicate;
    try {
      return await this.units.insertMapping({
        fromUnitId,
        toUnitId: dto.toUnitId,
        effectiveDate: dto.effectiveDate,
        note: dto.note ?? null,
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw duplicate;
      throw error;
    }
  }

  async removeMapping(unitId: number, mappingId: number): Promise<void> {
    if (!(await this.units.deleteMapping(unitId, mappingId))) throw new NotFoundException();
  }

  // --- for other domains ------------------------------------------------------------------------

  /** The units that exist on a date, parents before children. */
  /** The whole tree and its mappings in memory, for a roll-up that resolves hundreds of units. */
  async tree(): Promise<AdminTree> {
    const [units, mappings] = await Promise.all([this.units.listAll(), this.units.allMappings()]);
    return new AdminTree(units, mappings);
  }

  unitsInForceOn(date: string): Promise<AdminUnit[]> {
    return this.units.inForceOn(date);
  }

  /** The units above this one, root first (the unit itself is not included). */
  async ancestorsOf(unitId: number): Promise<AdminUnit[]> {
    const unit = await this.units.findById(unitId);
    if (!unit) return [];
    const ids = unit.path
      .split('/')
      .filter(Boolean)
      .map(Number)
      .filter((id) => id !== unitId);
    const ancestors = await this.units.findByIds(ids);
    return ancestors.sort((a, b) => a.depth - b.depth);
  }

  /**
   * The unit in force on `date` that stands for `unitId`'s territory: the unit itself if it is in
   * force; otherwise the mappings that took effect by then are followed forward (the latest change
   * first), and when a lapsed unit has none, its parent's successor is taken, since its territory
   * lay inside its parent's. Null when nothing in force is found.
   */
  async resolveInForce(unitId: number, date: string): Promise<AdminUnit | null> {
    return this.resolve(unitId, date, new Set());
  }

  /**
   * Every unit in force on `date` that took part of `unitId`'s territory: the unit itself while in
   * force; the unit resolveInForce finds when that is at the same level or below (Tỉnh Đắk Nông →
   * Tỉnh Lâm Đồng, an old commune → its new commune); but when that is a larger unit and units lay
   * under this one, what those became (an old district → the new communes its communes went to, so
   * a review compares the district with them rather than with the whole new province). By name.
   */
  async successorsOn(unitId: number, date: string): Promise<AdminUnit[]> {
    const unit = await this.units.findById(unitId);
    if (!unit) return [];
    if (isInForce(unit, date)) return [unit];
    const direct = await this.resolveInForce(unitId, date);
    if (direct && direct.depth >= unit.depth) return [direct];
    const found = new Map<number, AdminUnit>();
    for (const child of await this.units.children(unitId)) {
      for (const successor of await this.successorsOn(child.id, date)) found.set(successor.id, successor);
    }
    if (found.size === 0 && direct) found.set(direct.id, direct);
    return [...found.values()].sort((a, b) => a.name.localeCompare(b.name, 'vi'));
  }

  private async resolve(unitId: number, date: string, seen: Set<number>): Promise<AdminUnit | null> {
    if (seen.has(unitId)) return null;
    seen.add(unitId);
    const unit = await this.units.findById(unitId);
    if (!unit) return null;
    if (isInForce(unit, date)) return unit;
    for (const mapping of await this.units.mappingsFrom(unitId)) {
      if (mapping.effectiveDate > date) continue;
      const target = await this.resolve(mapping.toUnitId, date, seen);
      if (target) return target;
    }
    return unit.parentId ? this.resolve(unit.parentId, date, seen) : null;
  }

  private async parentFor(parentId: number | undefined, manager: Transaction): Promise<AdminUnit | null> {
    if (!parentId) return null;
    const parent = await this.units.findById(parentId, manager);
    if (!parent) throw FormError.field('parentId', 'org.unit.notFound');
    return parent;
  }
}

function fieldsOf(dto: AdminUnitDto): NewAdminUnit {
  return {
    code: dto.code,
    name: dto.name,
    searchKey: foldVietnamese(dto.name),
    kind: dto.kind,
    validFrom: dto.validFrom ?? null,
    validTo: dto.validTo ?? null,
  };
}

function checkDateOrder(dto: { validFrom?: string; validTo?: string }): void {
  if (dto.validFrom && dto.validTo && dto.validTo < dto.validFrom)
    throw FormError.field('validTo', 'validation.dateOrder');
}
