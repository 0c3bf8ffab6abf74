import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, Repository, SelectQueryBuilder } from 'typeorm';
import { AdminUnit } from './entities/admin-unit.entity';
import { AssociationBranch } from './entities/association-branch.entity';
import { inBatches, whereSearch } from './organisations.query';

export interface BranchRow {
  id: number;
  name: string;
  unitId: number;
  unitName: string;
}

export type BranchFields = Pick<
  AssociationBranch,
  'name' | 'searchKey' | 'unitId' | 'validFrom' | 'validTo' | 'successorId'
>;

@Injectable()
export class BranchesRepository {
  constructor(
    @InjectRepository(AssociationBranch) private readonly branches: Repository<AssociationBranch>,
  ) {}

  findById(id: number): Promise<AssociationBranch | null> {
    return this.branches.findOne({ where: { id } });
  }

  /** Every branch, by name: the choices of a "successor" select. */
  all(): Promise<AssociationBranch[]> {
    return this.branches.find({ order: { searchKey: 'ASC', id: 'ASC' } });
  }

  findByIds(ids: number[]): Promise<AssociationBranch[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.branches.find({ where: { id: In(ids) } });
  }

  /** Branches whose unit has no parent: the province's association (one per province in the tree). */
  topLevel(today: string): Promise<AssociationBranch[]> {
    return this.branches
      .createQueryBuilder('b')
      .innerJoin(AdminUnit, 'u', 'u.id = b.unit_id')
      .where('u.parent_id IS NULL')
      .andWhere('(b.valid_to IS NULL OR b.valid_to >= :today)', { today })
      .orderBy('b.id', 'ASC')
      .getMany();
  }

  findByName(
    name: string,
    manager: EntityManager = this.branches.manager,
  ): Promise<AssociationBranch | null> {
    return manager.getRepository(AssociationBranch).findOne({ where: { name } });
  }

  async page(q: string | undefined, skip: number, take: number): Promise<[BranchRow[], number]> {
    return [await this.rows(q, skip, take), await this.filtered(q).getCount()];
  }

  iterate(q: string | undefined): AsyncIterable<BranchRow> {
    return inBatches((skip, take) => this.rows(q, skip, take));
  }

  insert(data: BranchFields, manager: EntityManager = this.branches.manager): Promise<AssociationBranch> {
    const repo = manager.getRepository(AssociationBranch);
    return repo.save(repo.create(data));
  }

  async setSuccessor(id: number, successorId: number, manager: EntityManager): Promise<void> {
    await manager.getRepository(AssociationBranch).update({ id }, { successorId });
  }

  async update(id: number, data: BranchFields): Promise<void> {
    await this.branches.update({ id }, data);
  }

  private filtered(q: string | undefined): SelectQueryBuilder<AssociationBranch> {
    return whereSearch(this.branches.createQueryBuilder('b'), q, ['b.search_key']);
  }

  private async rows(q: string | undefined, skip: number, take: number): Promise<BranchRow[]> {
    const rows = await this.filtered(q)
      .innerJoin(AdminUnit, 'u', 'u.id = b.unit_id')
      .select(['b.id AS id', 'b.name AS name', 'b.unit_id AS unitId', 'u.name AS unitName'])
      .orderBy('b.search_key', 'ASC')
      .addOrderBy('b.id', 'ASC')
      .offset(skip)
      .limit(take)
      .getRawMany<Record<string, unknown>>();
    return rows.map((r) => ({
      id: Number(r.id),
      name: String(r.name),
      unitId: Number(r.unitId),
      unitName: String(r.unitName),
    }));
  }
}
