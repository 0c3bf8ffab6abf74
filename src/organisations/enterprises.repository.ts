import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, Repository, SelectQueryBuilder } from 'typeorm';
import { EnterpriseScope, whereEnterpriseInScope } from './enterprise-scope';
import { AdminUnit, COMMUNE_LEVEL_KINDS } from './entities/admin-unit.entity';
import { EnterpriseHeadcount } from './entities/enterprise-headcount.entity';
import { Enterprise } from './entities/enterprise.entity';
import { GrassrootsUnion } from './entities/grassroots-union.entity';
import { inBatches, numberOrNull, whereSearch } from './organisations.query';

export interface EnterpriseFilter {
  q?: string;
  scope: EnterpriseScope;
  /** Only enterprises located above the commune level (a district or the province). */
  withoutCommune?: boolean;
}

/** One line of the enterprises list: the enterprise, its unit, its union and its latest headcount. */
export interface EnterpriseRow {
  id: number;
  name: string;
  taxCode: string;
  unitId: number;
  unitName: string;
  industrialPark: string | null;
  sector: string | null;
  address: string | null;
  unionName: string | null;
  headcountYear: number | null;
  headcount: number | null;
}

export type EnterpriseFields = Pick<
  Enterprise,
  'name' | 'searchKey' | 'taxCode' | 'unitId' | 'industrialPark' | 'sector' | 'address'
>;

@Injectable()
export class EnterprisesRepository {
  constructor(
    @InjectRepository(Enterprise) private readonly enterprises: Repository<Enterprise>,
    @InjectRepository(EnterpriseHeadcount) private readonly headcounts: Repository<EnterpriseHeadcount>,
  ) {}

  /** Names and tax codes of some enterprises, by id. */
  async namesOf(ids: number[]): Promise<Map<number, { name: string; taxCode: string }>> {
    if (ids.length === 0) return new Map();
    const found = await this.enterprises.find({
      where: { id: In(ids) },
      select: { id: true, name: true, taxCode: true },
    });
    return new Map(found.map((e) => [e.id, { name: e.name, taxCode: e.taxCode }]));
  }

  /** Ids of the enterprises with these tax codes, by tax code. */
  async idsByTaxCode(taxCodes: string[]): Promise<Map<string, number>> {
    if (taxCodes.length === 0) return new Map();
    const found = await this.enterprises.find({
      where: { taxCode: In(taxCodes) },
      select: { id: true, taxCode: true },
    });
    return new Map(found.map((e) => [e.taxCode, e.id]));
  }

  findById(id: number): Promise<Enterprise | null> {
    return this.enterprises.findOne({ where: { id } });
  }

  findInScope(id: number, scope: EnterpriseScope): Promise<Enterprise | null> {
    const query = this.enterprises.createQueryBuilder('e').where('e.id = :id', { id });
    return whereEnterpriseInScope(query, 'e.id', scope).getOne();
  }

  findByTaxCode(
    taxCode: string,
    manager: EntityManager = this.enterprises.manager,
  ): Promise<Enterprise | null> {
    return manager.getRepository(Enterprise).findOne({ where: { taxCode } });
  }

  /** The enterprises with these tax codes, by tax code. */
  async findByTaxCodes(taxCodes: string[], manager: EntityManager): Promise<Map<string, Enterprise>> {
    if (taxCodes.length === 0) return new Map();
    const found = await manager.getRepository(Enterprise).find({ where: { taxCode: In(taxCodes) } });
    return new Map(found.map((e) => [e.taxCode, e]));
  }

  async namesByIds(ids: number[]): Promise<Map<number, string>> {
    if (ids.length === 0) return new Map();
    const rows = await this.enterprises.find({ select: ['id', 'name'], where: { id: In(ids) } });
    return new Map(rows.map((e) => [e.id, e.name]));
  }

  /** Enterprises that have no grassroots union yet (plus one that may keep its own), by name. */
  withoutUnion(keepId?: number): Promise<Pick<Enterprise, 'id' | 'name' | 'taxCode'>[]> {
    const query = this.enterprises
      .createQueryBuilder('e')
      .leftJoin(GrassrootsUnion, 'g', 'g.enterprise_id = e.id')
      .select(['e.id', 'e.name', 'e.taxCode'])
      .where('g.id IS NULL')
      .orderBy('e.search_key', 'ASC');
    if (keepId) query.orWhere('e.id = :keepId', { keepId });
    return query.getMany();
  }

  async page(filter: EnterpriseFilter, skip: number, take: number): Promise<[EnterpriseRow[], number]> {
    return [await this.rows(filter, skip, take), await this.filtered(filter).getCount()];
  }

  iterate(filter: EnterpriseFilter): AsyncIterable<EnterpriseRow> {
    return inBatches((skip, take) => this.rows(filter, skip, take));
  }

  insert(data: EnterpriseFields, manager: EntityManager = this.enterprises.manager): Promise<Enterprise> {
    const repo = manager.getRepository(Enterprise);
    return repo.save(repo.create(data));
  }

  async moveTo(id: number, unitId: number, manager: EntityManager): Promise<void> {
    await manager.getRepository(Enterprise).update({ id }, { unitId });
  }

  async update(
    id: number,
    data: Partial<EnterpriseFields>,
    manager: EntityManager = this.enterprises.manager,
  ): Promise<void> {
    await manager.getRepository(Enterprise).update({ id }, data);
  }

  // --- headcounts ---------------------------------------------------------------------------------

  headcountsOf(enterpriseId: number): Promise<EnterpriseHeadcount[]> {
    return this.headcounts.find({ where: { enterpriseId }, order: { year: 'DESC' } });
  }

  /** One statement keyed on (enterprise, year), so saving the same year twice is harmless. */
  async upsertHeadcount(
    enterpriseId: number,
    year: number,
    headcount: number,
    manager: EntityManager = this.headcounts.manager,
  ): Promise<void> {
    await manager
      .getRepository(EnterpriseHeadcount)
      .upsert({ enterpriseId, year, headcount }, { conflictPaths: ['enterpriseId', 'year'] });
  }

  // --- queries ------------------------------------------------------------------------------------

  private filtered(filter: EnterpriseFilter): SelectQueryBuilder<Enterprise> {
    const query = this.enterprises.createQueryBuilder('e');
    whereSearch(query, filter.q, ['e.search_key', 'e.tax_code']);
    if (filter.withoutCommune) {
      query.andWhere(
        'e.unit_id IN (SELECT wc.id FROM admin_units wc WHERE wc.kind NOT IN (:...communeKinds))',
        {
          communeKinds: COMMUNE_LEVEL_KINDS,
        },
      );
    }
    return whereEnterpriseInScope(query, 'e.id', filter.scope);
  }

  private async rows(filter: EnterpriseFilter, skip: number, take: number): Promise<EnterpriseRow[]> {
    const rows = await this.filtered(filter)
      .innerJoin(AdminUnit, 'u', 'u.id = e.unit_id')
      .leftJoin(GrassrootsUnion, 'g', 'g.enterprise_id = e.id')
      .leftJoin(
        EnterpriseHeadcount,
        'h',
        'h.enterprise_id = e.id AND h.year = (SELECT MAX(h2.year) FROM enterprise_headcounts h2 WHERE h2.enterprise_id = e.id)',
      )
      .select([
        'e.id AS id',
        'e.name AS name',
        'e.tax_code AS taxCode',
        'e.unit_id AS unitId',
        'u.name AS unitName',
        'e.industrial_park AS industrialPark',
        'e.sector AS sector',
        'e.address AS address',
        'g.name AS unionName',
        'h.year AS headcountYear',
        'h.headcount AS headcount',
      ])
      .orderBy('e.search_key', 'ASC')
      .addOrderBy('e.id', 'ASC')
      .offset(skip)
      .limit(take)
      .getRawMany<Record<string, unknown>>();
    return rows.map((r) => ({
      id: Number(r.id),
      name: String(r.name),
      taxCode: String(r.taxCode),
      unitId: Number(r.unitId),
      unitName: String(r.unitName),
      industrialPark: (r.industrialPark as string | null) ?? null,
      sector: (r.sector as string | null) ?? null,
      address: (r.address as string | null) ?? null,
      unionName: (r.unionName as string | null) ?? null,
      headcountYear: numberOrNull(r.headcountYear),
      headcount: numberOrNull(r.headcount),
    }));
  }
}
