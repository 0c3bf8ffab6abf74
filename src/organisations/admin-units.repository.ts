import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, Repository, SelectQueryBuilder } from 'typeorm';
import { AdminUnitMapping } from './entities/admin-unit-mapping.entity';
import { AdminUnit, AdminUnitKind } from './entities/admin-unit.entity';
import { inBatches, numberOrNull, whereSearch } from './organisations.query';
import { dateOnly } from '../database/dialect';

export interface UnitFilter {
  q?: string;
  /** Only units in force on this date (YYYY-MM-DD). */
  inForceOn?: string;
}

/** One line of the units list. */
export interface UnitRow {
  id: number;
  code: string;
  name: string;
  kind: AdminUnitKind;
  parentId: number | null;
  parentName: string | null;
  path: string;
  depth: number;
  validFrom: string | null;
  validTo: string | null;
}

export type NewAdminUnit = Pick<AdminUnit, 'code' | 'name' | 'searchKey' | 'kind' | 'validFrom' | 'validTo'>;

/** A mapping with the names of both ends, for the unit page. */
export interface MappingRow {
  id: number;
  fromUnitId: number;
  toUnitId: number;
  effectiveDate: string;
  note: string | null;
  fromName: string;
  toName: string;
}

@Injectable()
export class AdminUnitsRepository {
  constructor(
    @InjectRepository(AdminUnit) private readonly units: Repository<AdminUnit>,
    @InjectRepository(AdminUnitMapping) private readonly mappings: Repository<AdminUnitMapping>,
  ) {}

  findById(id: number, manager: EntityManager = this.units.manager): Promise<AdminUnit | null> {
    return manager.getRepository(AdminUnit).findOne({ where: { id } });
  }

  findByIds(ids: number[]): Promise<AdminUnit[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.units.find({ where: { id: In(ids) }, order: { path: 'ASC' } });
  }

  /**
   * The unit with this code in force on `date`. Never a code alone: the 2025 reform gave old codes
   * to new communes (new Xã Đắk Wil has old Xã Ea Pô's code).
   */
  findByCodeOn(
    code: string,
    date: string,
    manager: EntityManager = this.units.manager,
  ): Promise<AdminUnit | null> {
    return manager
      .getRepository(AdminUnit)
      .createQueryBuilder('u')
      .where('u.code = :code', { code })
      .andWhere('(u.validFrom IS NULL OR u.validFrom <= :date)', { date })
      .andWhere('(u.validTo IS NULL OR u.validTo >= :date)', { date })
      .orderBy('u.id', 'ASC')
      .getOne();
  }

  /** Every unit that ever had this code (the old one and the new one may share it), to explain a code not in force. */
  withCode(code: string): Promise<AdminUnit[]> {
    return this.units.find({ where: { code }, order: { id: 'ASC' } });
  }

  /** Every unit, parents before children: the choices of a "unit" select. */
  listAll(): Promise<AdminUnit[]> {
    return this.units.find({ order: { path: 'ASC' } });
  }

  children(parentId: number): Promise<AdminUnit[]> {
    return this.units.find({ where: { parentId }, order: { path: 'ASC' } });
  }

  inForceOn(date: string): Promise<AdminUnit[]> {
    return this.filtered({ inForceOn: date }).orderBy('u.path', 'ASC').getMany();
  }

  async page(filter: UnitFilter, skip: number, take: number): Promise<[UnitRow[], number]> {
    const total = await this.filtered(filter).getCount();
    return [await this.rows(filter, skip, take), total];
  }

  iterate(filter: UnitFilter): AsyncIterable<UnitRow> {
    return inBatches((skip, take) => this.rows(filter, skip, take));
  }

  async pathsByIds(ids: number[]): Promise<Map<number, string>> {
    if (ids.length === 0) return new Map();
    const rows = await this.units.find({ select: ['id', 'path'], where: { id: In(ids) } });
    return new Map(rows.map((u) => [u.id, u.path]));
  }

  async namesByIds(ids: number[]): Promise<Map<number, string>> {
    if (ids.length === 0) return new Map();
    const rows = await this.units.find({ select: ['id', 'name'], where: { id: In(ids) } });
    return new Map(rows.map((u) => [u.id, u.name]));
  }

  /** Adds a unit under `parent` (or as a root); its path needs its own id, hence two statements. */
  async insert(data: NewAdminUnit, parent: AdminUnit | null, manager: EntityManager): Promise<AdminUnit> {
    const repo = manager.getRepository(AdminUnit);
    const unit = await repo.save(
      repo.create({
        ...data,
        parentId: parent?.id ?? null,
        path: parent?.path ?? '/',
        depth: parent ? parent.depth + 1 : 0,
      }),
    );
    unit.path = `${parent?.path ?? '/'}${unit.id}/`;
    await repo.update({ id: unit.id }, { path: unit.path });
    return unit;
  }

  async update(
    id: number,
    changes: Partial<NewAdminUnit & Pick<AdminUnit, 'parentId'>>,
    manager: EntityManager,
  ): Promise<void> {
    await manager.getRepository(AdminUnit).update({ id }, changes);
  }

  /**
   * Re-roots a whole subtree in one statement: every path starting with `oldPath` gets `newPath`
   * instead, and every depth moves by `depthDelta`. Paths hold only digits and slashes.
   */
  async moveSubtree(
    oldPath: string,
    newPath: string,
    depthDelta: number,
    manager: EntityManager,
  ): Promise<void> {
    await manager
      .createQueryBuilder()
      .update(AdminUnit)
      .set({
        path: () => 'CONCAT(:newPath, SUBSTR(path, :cut))',
        depth: () => 'depth + :depthDelta',
      })
      .where('path LIKE :oldPrefix', { oldPrefix: `${oldPath}%` })
      .setParameters({ newPath, cut: oldPath.length + 1, depthDelta })
      .execute();
  }

  // --- mappings ---------------------------------------------------------------------------------

  allMappings(): Promise<AdminUnitMapping[]> {
    return this.mappings.find({ order: { id: 'ASC' } });
  }

  /** Where this unit's territory went, latest change first. */
  mappingsFrom(unitId: number): Promise<AdminUnitMapping[]> {
    return this.mappings.find({ where: { fromUnitId: unitId }, order: { effectiveDate: 'DESC', id: 'ASC' } });
  }

  /** Mappings from or to the unit, with the names of both ends. */
  async mappingsOf(unitId: number): Promise<MappingRow[]> {
    const rows = await this.mappings
      .createQueryBuilder('m')
      .innerJoin(AdminUnit, 'f', 'f.id = m.from_unit_id')
      .innerJoin(AdminUnit, 't', 't.id = m.to_unit_id')
      .select([
        'm.id AS id',
        'm.from_unit_id AS fromUnitId',
        'm.to_unit_id AS toUnitId',
        'm.effective_date AS effectiveDate',
        'm.note AS note',
        'f.name AS fromName',
        't.name AS toName',
      ])
      .where('m.from_unit_id = :unitId OR m.to_unit_id = :unitId', { unitId })
      .orderBy('m.effective_date', 'DESC')
      .addOrderBy('m.id', 'ASC')
      .getRawMany<Record<string, unknown>>();
    return rows.map((r) => ({
      id: Number(r.id),
      fromUnitId: Number(r.fromUnitId),
      toUnitId: Number(r.toUnitId),
      effectiveDate: dateOnly(r.effectiveDate) ?? '',
      note: (r.note as string | null) ?? null,
      fromName: String(r.fromName),
      toName: String(r.toName),
    }));
  }

  mappingExists(fromUnitId: number, toUnitId: number): Promise<boolean> {
    return this.mappings.exists({ where: { fromUnitId, toUnitId } });
  }

  insertMapping(
    data: Pick<AdminUnitMapping, 'fromUnitId' | 'toUnitId' | 'effectiveDate' | 'note'>,
  ): Promise<AdminUnitMapping> {
    return this.mappings.save(this.mappings.create(data));
  }

  /** Deletes a mapping only when it touches the given unit (the page it was removed from). */
  async deleteMapping(unitId: number, mappingId: number): Promise<boolean> {
    const result = await this.mappings
      .createQueryBuilder()
      .delete()
      .where('id = :mappingId AND (from_unit_id = :unitId OR to_unit_id = :unitId)', { mappingId, unitId })
      .execute();
    return (result.affected ?? 0) > 0;
  }

  // --- queries ----------------------------------------------------------------------------------

  private filtered(filter: UnitFilter): SelectQueryBuilder<AdminUnit> {
    const query = this.units.createQueryBuilder('u');
    whereSearch(query, filter.q, ['u.search_key', 'u.code']);
    if (filter.inForceOn) {
      query.andWhere(
        '(u.valid_from IS NULL OR u.valid_from <= :day) AND (u.valid_to IS NULL OR u.valid_to >= :day)',
        { day: filter.inForceOn },
      );
    }
    return query;
  }

  /** Parents come before their children: path order keeps each subtree together. */
  private async rows(filter: UnitFilter, skip: number, take: number): Promise<UnitRow[]> {
    const rows = await this.filtered(filter)
      .leftJoin(AdminUnit, 'p', 'p.id = u.parent_id')
      .select([
        'u.id AS id',
        'u.code AS code',
        'u.name AS name',
        'u.kind AS kind',
        'u.parent_id AS parentId',
        'p.name AS parentName',
        'u.path AS path',
        'u.depth AS depth',
        'u.valid_from AS validFrom',
        'u.valid_to AS validTo',
      ])
      .orderBy('u.path', 'ASC')
      .offset(skip)
      .limit(take)
      .getRawMany<Record<string, unknown>>();
    return rows.map((r) => ({
      id: Number(r.id),
      code: String(r.code),
      name: String(r.name),
      kind: r.kind as AdminUnitKind,
      parentId: numberOrNull(r.parentId),
      parentName: (r.parentName as string | null) ?? null,
      path: String(r.path),
      depth: Number(r.depth),
      validFrom: dateOnly(r.validFrom),
      validTo: dateOnly(r.validTo),
    }));
  }
}
