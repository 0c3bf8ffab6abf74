import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository, SelectQueryBuilder } from 'typeorm';
import { Enterprise } from './entities/enterprise.entity';
import { GrassrootsUnion } from './entities/grassroots-union.entity';
import { inBatches, whereSearch } from './organisations.query';
import { dateOnly } from '../database/dialect';

export interface UnionRow {
  id: number;
  name: string;
  enterpriseId: number;
  enterpriseName: string;
  taxCode: string;
  chairName: string | null;
  establishedOn: string | null;
  dissolvedOn: string | null;
}

export type UnionFields = Pick<
  GrassrootsUnion,
  'enterpriseId' | 'name' | 'searchKey' | 'chairName' | 'establishedOn' | 'dissolvedOn' | 'successorId'
>;

@Injectable()
export class UnionsRepository {
  constructor(@InjectRepository(GrassrootsUnion) private readonly unions: Repository<GrassrootsUnion>) {}

  findById(id: number): Promise<GrassrootsUnion | null> {
    return this.unions.findOne({ where: { id } });
  }

  findByEnterprise(enterpriseId: number): Promise<GrassrootsUnion | null> {
    return this.unions.findOne({ where: { enterpriseId } });
  }

  async page(q: string | undefined, skip: number, take: number): Promise<[UnionRow[], number]> {
    return [await this.rows(q, skip, take), await this.filtered(q).getCount()];
  }

  iterate(q: string | undefined): AsyncIterable<UnionRow> {
    return inBatches((skip, take) => this.rows(q, skip, take));
  }

  insert(data: UnionFields, manager: EntityManager = this.unions.manager): Promise<GrassrootsUnion> {
    const repo = manager.getRepository(GrassrootsUnion);
    return repo.save(repo.create(data));
  }

  async update(id: number, data: UnionFields): Promise<void> {
    await this.unions.update({ id }, data);
  }

  /** Searches the union's name and its enterprise's name and tax code. */
  private filtered(q: string | undefined): SelectQueryBuilder<GrassrootsUnion> {
    const query = this.unions.createQueryBuilder('g').innerJoin(Enterprise, 'e', 'e.id = g.enterprise_id');
    return whereSearch(query, q, ['g.search_key', 'e.search_key', 'e.tax_code']);
  }

  private async rows(q: string | undefined, skip: number, take: number): Promise<UnionRow[]> {
    const rows = await this.filtered(q)
      .select([
        'g.id AS id',
        'g.name AS name',
        'g.enterprise_id AS enterpriseId',
        'e.name AS enterpriseName',
        'e.tax_code AS taxCode',
        'g.chair_name AS chairName',
        'g.established_on AS establishedOn',
        'g.dissolved_on AS dissolvedOn',
      ])
      .orderBy('g.search_key', 'ASC')
      .addOrderBy('g.id', 'ASC')
      .offset(skip)
      .limit(take)
      .getRawMany<Record<string, unknown>>();
    return rows.map((r) => ({
      id: Number(r.id),
      name: String(r.name),
      enterpriseId: Number(r.enterpriseId),
      enterpriseName: String(r.enterpriseName),
      taxCode: String(r.taxCode),
      chairName: (r.chairName as string | null) ?? null,
      establishedOn: dateOnly(r.establishedOn),
      dissolvedOn: dateOnly(r.dissolvedOn),
    }));
  }
}
