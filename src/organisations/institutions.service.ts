import { Injectable, NotFoundException } from '@nestjs/common';
import { FormError } from '../common/errors/form-error';
import { Page, pageOf, PageQuery, pageWindow } from '../common/http/pagination';
import { TtlCache } from '../common/cache/ttl-cache';
import { foldVietnamese } from '../common/text/vietnamese';
import { AdminUnitsRepository } from './admin-units.repository';
import { TrainingInstitutionDto } from './dto/institution.dto';
import { TrainingInstitution } from './entities/training-institution.entity';
import { InstitutionFields, InstitutionRow, InstitutionsRepository } from './institutions.repository';

/** Training institutions: schools and centres that publish courses and open learning materials. */
@Injectable()
export class InstitutionsService {
  /** One institution's name, kept a minute: a result posted through the API echoes it (issue 14). */
  private readonly names = new TtlCache<number, string | null>(60_000, 1_000);

  constructor(
    private readonly institutions: InstitutionsRepository,
    private readonly units: AdminUnitsRepository,
  ) {}

  /** Every institution (a history list names them by name). */
  all(): Promise<TrainingInstitution[]> {
    return this.institutions.all();
  }

  /** Names of some institutions, by id, for other domains' pages and exports. */
  namesOf(ids: number[]): Promise<Map<number, string>> {
    return this.institutions.namesOf([...new Set(ids)]);
  }

  /**
   * One institution's name, or null for no such institution. Kept a minute per process: a rename
   * through this process shows at once, one through another within the minute.
   */
  nameOf(id: number): Promise<string | null> {
    return this.names.get(id, async () => (await this.institutions.namesOf([id])).get(id) ?? null);
  }

  async page(query: PageQuery): Promise<Page<InstitutionRow>> {
    const { page, size, skip } = pageWindow(query);
    const [items, total] = await this.institutions.page(query.q, skip, size);
    return pageOf(items, total, page, size);
  }

  rows(q: string | undefined): AsyncIterable<InstitutionRow> {
    return this.institutions.iterate(q);
  }

  async get(id: number): Promise<TrainingInstitution> {
    const institution = await this.institutions.findById(id);
    if (!institution) throw new NotFoundException();
    return institution;
  }

  findById(id: number): Promise<TrainingInstitution | null> {
    return this.institutions.findById(id);
  }

  /** The institution of this exact name (the demo seed names it so). */
  findByName(name: string): Promise<TrainingInstitution | null> {
    return this.institutions.findByName(name);
  }

  async create(dto: TrainingInstitutionDto): Promise<TrainingInstitution> {
    return this.institutions.insert(await this.fieldsOf(dto));
  }

  async update(id: number, dto: TrainingInstitutionDto): Promise<TrainingInstitution> {
    const institution = await this.get(id);
    const fields = await this.fieldsOf(dto);
    await this.institutions.update(id, fields);
    this.names.forget(id);
    return { ...institution, ...fields };
  }

  private async fieldsOf(dto: TrainingInstitutionDto): Promise<InstitutionFields> {
    if (dto.unitId && !(await this.units.findById(dto.unitId)))
      throw FormError.field('unitId', 'org.unit.notFound');
    return {
      name: dto.name,
      searchKey: foldVietnamese(dto.name),
      kind: dto.kind,
      unitId: dto.unitId ?? null,
      address: dto.address ?? null,
      website: dto.website ?? null,
    };
  }
}
