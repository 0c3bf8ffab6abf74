import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, Repository, SelectQueryBuilder } from 'typeorm';
import { AdminUnit } from './entities/admin-unit.entity';
import { InstitutionKind, TrainingInstitution } from './entities/training-institution.entity';
import { inBatches, numberOrNull, whereSearch } from './organisations.query';

export interface InstitutionRow {
  id: number;
  name: string;
  kind: InstitutionKind;
  unitId: number | null;
  unitName: string | null;
  address: string | null;
  website: string | null;
}

export type InstitutionFields = Pick<
  TrainingInstitution,
  'name' | 'searchKey' | 'kind' | 'unitId' | 'address' | 'website'
>;

@Injectable()
export class InstitutionsRepository {
  constructor(
    @InjectRepository(TrainingInstitution) private readonly institutions: Repository<TrainingInstitution>,
  ) {}

  /** Names of some institutions, by id. */
  async namesOf(ids: number[]): Promise<Map<number, string>> {
    if (ids.length === 0) return new Map();
    const found = await this.institutions.find({ where: { id: In(ids) }, select: { id: true, name: true } });
    return new Map(found.map((i) => [i.id, i.name]));
  }

  /** Every institution, by name (a few hundred at most). */
  all(): Promise<TrainingInstitution[]> {
    return this.institutions.find({ order: { name: 'ASC' } });
  }

  findById(id: number): Promise<TrainingInstitution | null> {
    return this.institutions.findOne({ where: { id } });
  }

  findByName(
    name: string,
    manager: EntityManager = this.institutions.manager,
  ): Promise<TrainingInstitution | null> {
    return manager.getRepository(TrainingInstitution).findOne({ where: { name } });
  }

  async page(q: string | undefined, skip: number, take: number): Promise<[InstitutionRow[], number]> {
    return [await this.rows(q, skip, take), await this.filtered(q).getCount()];
  }

  iterate(q: string | undefined): AsyncIterable<InstitutionRow> {
    return inBatches((skip, take) => this.rows(q, skip, take));
  }

  insert(
    data: InstitutionFields,
    manager: EntityManager = this.institutions.manager,
  ): Promise<TrainingInstitution> {
    const repo = manager.getRepository(TrainingInstitution);
    return repo.save(repo.create(data));
  }

  async update(id: number, data: InstitutionFields): Promise<void> {
    await this.institutions.update({ id }, data);
  }

  private filtered(q: string | undefined): SelectQueryBuilder<TrainingInstitution> {
    return whereSearch(this.institutions.createQueryBuilder('i'), q, ['i.search_key']);
  }

  private async rows(q: string | undefined, skip: number, take: number): Promise<InstitutionRow[]> {
    const rows = await this.filtered(q)
      .leftJoin(AdminUnit, 'u', 'u.id = i.unit_id')
      .select([
        'i.id AS id',
        'i.name AS name',
        'i.kind AS kind',
        'i.unit_id AS unitId',
        'u.name AS unitName',
        'i.address AS address',
        'i.website AS website',
      ])
      .orderBy('i.search_key', 'ASC')
      .addOrderBy('i.id', 'ASC')
      .offset(skip)
      .limit(take)
      .getRawMany<Record<string, unknown>>();
    return rows.map((r) => ({
      id: Number(r.id),
      name: String(r.name),
      kind: r.kind as InstitutionKind,
      unitId: numberOrNull(r.unitId),
      unitName: (r.unitName as string | null) ?? null,
      address: (r.address as string | null) ?? null,
      website: (r.website as string | null) ?? null,
    }));
  }
}
