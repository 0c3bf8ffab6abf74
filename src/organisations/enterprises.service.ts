import { FiguresChanged } from '../common/events/figures-changed';
import { Injectable, NotFoundException } from '@nestjs/common';
import { OutOfScopeException } from '../common/access/out-of-scope';
import { Actor } from '../common/access/actor';
import { Role } from '../common/access/roles';
import { FormError } from '../common/errors/form-error';
import { Page, pageOf, pageWindow } from '../common/http/pagination';
import { foldVietnamese } from '../common/text/vietnamese';
import { normaliseTaxCode } from '../common/validation/tax-code';
import { AuditLog } from '../audit/audit-log.service';
import { isUniqueViolation, UnitOfWork } from '../database/unit-of-work';
import { AdminUnitsService, isInForce } from './admin-units.service';
import { EnterpriseDto, MAX_YEAR, MIN_YEAR } from './dto/enterprise.dto';
import { EnterpriseApiQuery } from './dto/list-query.dto';
import { EnterpriseScope, EnterpriseScopeService } from './enterprise-scope';
import { EnterpriseFields, EnterpriseRow, EnterprisesRepository } from './enterprises.repository';
import { AdminUnit, COMMUNE_LEVEL_KINDS } from './entities/admin-unit.entity';
import { EnterpriseHeadcount } from './entities/enterprise-headcount.entity';
import { Enterprise } from './entities/enterprise.entity';
import { GrassrootsUnion } from './entities/grassroots-union.entity';
import { UnionsRepository } from './unions.repository';
import { todayInVietnam } from '../common/time/vietnam-time';

export interface EnterpriseDetail {
  enterprise: Enterprise;
  unit: AdminUnit | null;
  /** The units above the enterprise's unit, root first. */
  unitAncestors: AdminUnit[];
  /** The unit in force today for the enterprise's territory, when its own unit has lapsed. */
  unitToday: AdminUnit | null;
  union: GrassrootsUnion | null;
  /** The union that took over the members of a dissolved one. */
  unionSuccessor: GrassrootsUnion | null;
  /** Latest year first. */
  headcounts: EnterpriseHeadcount[];
}

/** Enterprises, their declared headcounts, and the scope rule every caller is held to. */
@Injectable()
export class EnterprisesService {
  constructor(
    private readonly enterprises: EnterprisesRepository,
    private readonly unions: UnionsRepository,
    private readonly units: AdminUnitsService,
    private readonly scopes: EnterpriseScopeService,
    private readonly unitOfWork: UnitOfWork,
    private readonly audit: AuditLog,
    private readonly figures: FiguresChanged,
  ) {}

  /** Names and tax codes of some enterprises, by id, for other domains' pages and exports. */
  namesOf(ids: number[]): Promise<Map<number, { name: string; taxCode: string }>> {
    return this.enterprises.namesOf([...new Set(ids)]);
  }

  /** Ids of the enterprises with these tax codes, by tax code (the demo seed names them so). */
  idsByTaxCode(taxCodes: string[]): Promise<Map<string, number>> {
    return this.enterprises.idsByTaxCode(taxCodes);
  }

  /** The enterprises the actor reaches, matching the search (and only those without a commune). */
  async page(actor: Actor, query: EnterpriseApiQuery): Promise<Page<EnterpriseRow>> {
    const { page, size, skip } = pageWindow(query);
    const scope = await this.scopes.scopeOf(actor);
    const filter = { q: query.q, scope, withoutCommune: query.withoutCommune === '1' };
    const [items, total] = await this.enterprises.page(filter, skip, size);
    return pageOf(items, total, page, size);
  }

  /** Every row of the same list, for export. */
  async *rows(actor: Actor, query: EnterpriseApiQuery): AsyncGenerator<EnterpriseRow> {
    const scope = await this.scopes.scopeOf(actor);
    yield* this.enterprises.iterate({ q: query.q, scope, withoutCommune: query.withoutCommune === '1' });
  }

  /**
   * The enterprise if the actor reaches it through the given roles (all of their roles when none
   * are given); otherwise 404, so that a caller cannot learn which ids exist.
   */
  async findInScope(actor: Actor, id: number, ...roles: Role[]): Promise<Enterprise> {
    const enterprise = await this.enterprises.findInScope(id, await this.scopes.scopeOf(actor, ...roles));
    if (!enterprise) throw new OutOfScopeException();
    return enterprise;
  }

  /** True when the enterprise exists and is within the scope (another domain's own scope check). */
  async isInScope(id: number, scope: EnterpriseScope): Promise<boolean> {
    return (await this.enterprises.findInScope(id, scope)) !== null;
  }

  findById(id: number): Promise<Enterprise | null> {
    return this.enterprises.findById(id);
  }

  namesByIds(ids: number[]): Promise<Map<number, string>> {
    return this.enterprises.namesByIds([...new Set(ids)]);
  }

  async detail(actor: Actor, id: number, today = todayInVietnam()): Promise<EnterpriseDetail> {
    const enterprise = await this.findInScope(actor, id);
    const unit = await this.units.findById(enterprise.unitId);
    const unitToday = await this.units.resolveInForce(enterprise.unitId, today);
    const union = await this.unions.findByEnterprise(id);
    return {
      enterprise,
      unit,
      unitAncestors: await this.units.ancestorsOf(enterprise.unitId),
      unitToday: unitToday && unitToday.id !== unit?.id ? unitToday : null,
      union,
      unionSuccessor: union?.successorId ? await this.unions.findById(union.successorId) : null,
      headcounts: await this.enterprises.headcountsOf(id),
    };
  }

  /** Enterprises that can still be given a grassroots union (and the one a union already has). */
  withoutUnion(keepId?: number): Promise<Pick<Enterprise, 'id' | 'name' | 'taxCode'>[]> {
    return this.enterprises.withoutUnion(keepId);
  }

  async create(dto: EnterpriseDto): Promise<Enterprise> {
    const fields = await this.fieldsOf(dto);
    await this.assertTaxCodeFree(fields.taxCode);
    try {
      return await this.enterprises.insert(fields);
    } catch (error) {
      throw isUniqueViolation(error) ? taxCodeTaken() : error;
    }
  }

  /**
   * Places an enterprise at a commune (ward, township) in force today: what its officer knows best.
   * It moves the enterprise into the scope of that commune's reviewers and viewers, so the step is
   * kept in the audit trail, with the same transaction. Only the actor's own enterprises (404 else).
   */
  async setCommune(actor: Actor, id: number, unitId: number, today = todayInVietnam()): Promise<Enterprise> {
    const enterprise = await this.findInScope(actor, id, Role.FederationAdmin, Role.UnionOfficer);
    const unit = await this.units.findById(unitId);
    if (!unit || !COMMUNE_LEVEL_KINDS.includes(unit.kind))
      throw FormError.field('unitId', 'org.enterprise.communeRequired');
    if (!isInForce(unit, today)) throw FormError.field('unitId', 'org.enterprise.communeLapsed');
    if (unit.id === enterprise.unitId) return enterprise;
    const before = (await this.units.findById(enterprise.unitId))?.name ?? null;
    await this.unitOfWork.run(async (manager) => {
      await this.enterprises.moveTo(id, unit.id, manager);
      await this.audit.write(
        actor,
        {
          action: 'enterprise.commune.set',
          subjectType: 'enterprise',
          subjectId: id,
          details: { commune: [before, unit.name] },
        },
        manager,
      );
    });
    await this.figures.publish('enterprise-moved');
    return { ...enterprise, unitId: unit.id };
  }

  async update(id: number, dto: EnterpriseDto): Promise<Enterprise> {
    const enterprise = await this.enterprises.findById(id);
    if (!enterprise) throw new NotFoundException();
    const fields = await this.fieldsOf(dto);
    await this.assertTaxCodeFree(fields.taxCode, id);
    try {
      await this.enterprises.update(id, fields);
    } catch (error) {
      throw isUniqueViolation(error) ? taxCodeTaken() : error;
    }
    return { ...enterprise, ...fields };
  }

  /** Sets the headcount an enterprise declares for a year (adding the year when it is new). */
  async setHeadcount(id: number, year: number, headcount: number): Promise<EnterpriseHeadcount[]> {
    if (!(await this.enterprises.findById(id))) throw new NotFoundException();
    if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR)
      throw FormError.field('year', 'validation.year');
    await this.enterprises.upsertHeadcount(id, year, headcount);
    await this.figures.publish('headcount');
    return this.enterprises.headcountsOf(id);
  }

  private async fieldsOf(dto: EnterpriseDto): Promise<EnterpriseFields> {
    if (!(await this.units.findById(dto.unitId))) throw FormError.field('unitId', 'org.unit.notFound');
    return {
      name: dto.name,
      searchKey: foldVietnamese(dto.name),
      taxCode: normaliseTaxCode(dto.taxCode),
      unitId: dto.unitId,
      industrialPark: dto.industrialPark ?? null,
      sector: dto.sector ?? null,
      address: dto.address ?? null,
    };
  }

  private async assertTaxCodeFree(taxCode: string, ownId?: number): Promise<void> {
    const holder = await this.enterprises.findByTaxCode(taxCode);
    if (holder && holder.id !== ownId) throw taxCodeTaken();
  }
}

function taxCodeTaken(): FormError {
  return FormError.field('taxCode', 'org.enterprise.taxCodeTaken');
}
