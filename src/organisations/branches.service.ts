import { todayInVietnam } from '../common/time/vietnam-time';
import { Injectable, NotFoundException } from '@nestjs/common';
import { FormError } from '../common/errors/form-error';
import { Page, pageOf, PageQuery, pageWindow } from '../common/http/pagination';
import { foldVietnamese } from '../common/text/vietnamese';
import { AdminUnitsRepository } from './admin-units.repository';
import { BranchesRepository, BranchFields, BranchRow } from './branches.repository';
import { AssociationBranchDto } from './dto/branch.dto';
import { AssociationBranch } from './entities/association-branch.entity';

/** Branches of the study-promotion association; each covers its unit's subtree. */
@Injectable()
export class BranchesService {
  constructor(
    private readonly branches: BranchesRepository,
    private readonly units: AdminUnitsRepository,
  ) {}

  async page(query: PageQuery): Promise<Page<BranchRow>> {
    const { page, size, skip } = pageWindow(query);
    const [items, total] = await this.branches.page(query.q, skip, size);
    return pageOf(items, total, page, size);
  }

  rows(q: string | undefined): AsyncIterable<BranchRow> {
    return this.branches.iterate(q);
  }

  async get(id: number): Promise<AssociationBranch> {
    const branch = await this.branches.findById(id);
    if (!branch) throw new NotFoundException();
    return branch;
  }

  findById(id: number): Promise<AssociationBranch | null> {
    return this.branches.findById(id);
  }

  all(): Promise<AssociationBranch[]> {
    return this.branches.all();
  }

  findByIds(ids: number[]): Promise<AssociationBranch[]> {
    return this.branches.findByIds(ids);
  }

  /** The branches at the top of the administrative tree still in force: the province's association. */
  topLevel(today = todayInVietnam()): Promise<AssociationBranch[]> {
    return this.branches.topLevel(today);
  }

  async create(dto: AssociationBranchDto): Promise<AssociationBranch> {
    return this.branches.insert(await this.fieldsOf(dto));
  }

  async update(id: number, dto: AssociationBranchDto): Promise<AssociationBranch> {
    const branch = await this.get(id);
    const fields = await this.fieldsOf(dto, id);
    await this.branches.update(id, fields);
    return { ...branch, ...fields };
  }

  private async fieldsOf(dto: AssociationBranchDto, id?: number): Promise<BranchFields> {
    if (!(await this.units.findById(dto.unitId))) throw FormError.field('unitId', 'org.unit.notFound');
    if (dto.validFrom && dto.validTo && dto.validTo < dto.validFrom)
      throw FormError.field('validTo', 'validation.dateOrder');
    if (dto.successorId) {
      if (dto.successorId === id || !(await this.branches.findById(dto.successorId)))
        throw FormError.field('successorId', 'org.branch.successorNotFound');
      if (!dto.validTo) throw FormError.field('validTo', 'org.branch.successorNeedsEnd');
    }
    return {
      name: dto.name,
      searchKey: foldVietnamese(dto.name),
      unitId: dto.unitId,
      validFrom: dto.validFrom ?? null,
      validTo: dto.validTo ?? null,
      successorId: dto.successorId ?? null,
    };
  }
}
