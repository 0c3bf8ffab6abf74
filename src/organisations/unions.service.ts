import { Injectable, NotFoundException } from '@nestjs/common';
import { FormError } from '../common/errors/form-error';
import { Page, pageOf, PageQuery, pageWindow } from '../common/http/pagination';
import { foldVietnamese } from '../common/text/vietnamese';
import { isUniqueViolation } from '../database/unit-of-work';
import { GrassrootsUnionDto } from './dto/union.dto';
import { EnterprisesRepository } from './enterprises.repository';
import { GrassrootsUnion } from './entities/grassroots-union.entity';
import { UnionFields, UnionRow, UnionsRepository } from './unions.repository';

/** Grassroots trade unions (công đoàn cơ sở): at most one per enterprise. */
@Injectable()
export class UnionsService {
  constructor(
    private readonly unions: UnionsRepository,
    private readonly enterprises: EnterprisesRepository,
  ) {}

  async page(query: PageQuery): Promise<Page<UnionRow>> {
    const { page, size, skip } = pageWindow(query);
    const [items, total] = await this.unions.page(query.q, skip, size);
    return pageOf(items, total, page, size);
  }

  rows(q: string | undefined): AsyncIterable<UnionRow> {
    return this.unions.iterate(q);
  }

  async get(id: number): Promise<GrassrootsUnion> {
    const union = await this.unions.findById(id);
    if (!union) throw new NotFoundException();
    return union;
  }

  /** The successor's enterprise tax code, as the form shows it. */
  async successorTaxCode(union: GrassrootsUnion): Promise<string | null> {
    const successor = union.successorId ? await this.unions.findById(union.successorId) : null;
    return successor ? ((await this.enterprises.findById(successor.enterpriseId))?.taxCode ?? null) : null;
  }

  findByEnterprise(enterpriseId: number): Promise<GrassrootsUnion | null> {
    return this.unions.findByEnterprise(enterpriseId);
  }

  async create(dto: GrassrootsUnionDto): Promise<GrassrootsUnion> {
    const fields = await this.fieldsOf(dto);
    try {
      return await this.unions.insert(fields);
    } catch (error) {
      throw isUniqueViolation(error) ? enterpriseTaken() : error;
    }
  }

  async update(id: number, dto: GrassrootsUnionDto): Promise<GrassrootsUnion> {
    const union = await this.get(id);
    const fields = await this.fieldsOf(dto, id);
    try {
      await this.unions.update(id, fields);
    } catch (error) {
      throw isUniqueViolation(error) ? enterpriseTaken() : error;
    }
    return { ...union, ...fields };
  }

  private async fieldsOf(dto: GrassrootsUnionDto, ownId?: number): Promise<UnionFields> {
    if (!(await this.enterprises.findById(dto.enterpriseId)))
      throw FormError.field('enterpriseId', 'org.enterprise.notFound');
    const existing = await this.unions.findByEnterprise(dto.enterpriseId);
    if (existing && existing.id !== ownId) throw enterpriseTaken();
    if (dto.establishedOn && dto.dissolvedOn && dto.dissolvedOn < dto.establishedOn)
      throw FormError.field('dissolvedOn', 'validation.dateOrder');
    const successorId = await this.successorOf(dto, ownId);
    return {
      enterpriseId: dto.enterpriseId,
      name: dto.name,
      searchKey: foldVietnamese(dto.name),
      chairName: dto.chairName ?? null,
      establishedOn: dto.establishedOn ?? null,
      dissolvedOn: dto.dissolvedOn ?? null,
      successorId,
    };
  }

  /** The union of the enterprise named by the successor's tax code; a successor needs a dissolution date. */
  private async successorOf(dto: GrassrootsUnionDto, ownId?: number): Promise<number | null> {
    const taxCode = dto.successorTaxCode?.trim();
    if (!taxCode) return null;
    const enterprise = await this.enterprises.findByTaxCode(taxCode);
    const successor = enterprise ? await this.unions.findByEnterprise(enterprise.id) : null;
    if (!successor || successor.id === ownId || enterprise!.id === dto.enterpriseId)
      throw FormError.field('successorTaxCode', 'org.union.successorNotFound');
    if (!dto.dissolvedOn) throw FormError.field('dissolvedOn', 'org.union.successorNeedsEnd');
    return successor.id;
  }
}

function enterpriseTaken(): FormError {
  return FormError.field('enterpriseId', 'org.union.enterpriseTaken');
}
