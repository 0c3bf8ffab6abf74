import { ForbiddenException, Injectable } from '@nestjs/common';
import { Actor } from '../common/access/actor';
import { OutOfScopeException } from '../common/access/out-of-scope';
import { Role, ScopeType } from '../common/access/roles';
import { FormError } from '../common/errors/form-error';
import { isUniqueViolation } from '../database/unit-of-work';
import { EnterpriseScope, EnterpriseScopeService, isEmptyScope } from '../organisations/enterprise-scope';
import { EnterprisesService } from '../organisations/enterprises.service';
import { Enterprise } from '../organisations/entities/enterprise.entity';
import { InstitutionsService } from '../organisations/institutions.service';
import { PartnershipDto } from './dto/partnership.dto';
import { InstitutionPartnership } from './entities/institution-partnership.entity';
import { PartnershipRow, PartnershipsRepository } from './partnerships.repository';
import { todayInVietnam } from '../common/time/vietnam-time';

/** Who may link an enterprise with an institution: its union officer, or the federation admin for any. */
const PARTNERSHIP_MANAGERS: Role[] = [Role.UnionOfficer, Role.FederationAdmin];

/**
 * Partnerships between enterprises and training institutions ("đào tạo theo địa chỉ"): an
 * institution reports results only for workers of its partner enterprises. Officers manage their own
 * enterprise's partners, the federation admin any; an institution editor sees their partners.
 */
@Injectable()
export class PartnershipsService {
  constructor(
    private readonly partnerships: PartnershipsRepository,
    private readonly scopes: EnterpriseScopeService,
    private readonly enterprises: EnterprisesService,
    private readonly institutions: InstitutionsService,
  ) {}

  /** The partnerships the actor manages (officer, admin) or belongs to (institution editor). */
  async list(actor: Actor): Promise<PartnershipRow[]> {
    const scope = await this.manageScope(actor);
    if (!isEmptyScope(scope)) return this.partnerships.list({ scope });
    return this.partnerships.list({ institutionIds: this.institutionIdsOf(actor) });
  }

  /** The partners of the institutions an editor works for. */
  ofInstitutions(institutionIds: number[]): Promise<PartnershipRow[]> {
    return this.partnerships.list({ institutionIds });
  }

  async create(actor: Actor, dto: PartnershipDto): Promise<InstitutionPartnership> {
    const enterprise = await this.targetEnterprise(actor, dto);
    if (!(await this.institutions.findById(dto.institutionId)))
      throw FormError.field('institutionId', 'partnerships.error.institution');
    return this.link(dto.institutionId, enterprise.id, dto.since ?? todayInVietnam(), actor.userId);
  }

  /** Records a partnership once (the caller has checked who may); a second link of the same pair is refused. */
  async link(
    institutionId: number,
    enterpriseId: number,
    since: string,
    createdBy: number | null,
  ): Promise<InstitutionPartnership> {
    if (await this.partnerships.find(institutionId, enterpriseId))
      throw FormError.field('institutionId', 'partnerships.error.exists');
    try {
      return await this.partnerships.insert({ institutionId, enterpriseId, since, createdBy });
    } catch (error) {
      if (isUniqueViolation(error)) throw FormError.field('institutionId', 'partnerships.error.exists');
      throw error;
    }
  }

  /** Ends a partnership; results already reported stay in the workers' records. */
  async remove(actor: Actor, id: number): Promise<void> {
    const partnership = await this.partnerships.findById(id);
    if (!partnership || !inScope(await this.manageScope(actor), partnership.enterpriseId))
      throw new OutOfScopeException();
    await this.partnerships.delete(id);
  }

  /** Whether the actor may add and remove partnerships, and for which enterprises (for the form). */
  async formChoices(actor: Actor): Promise<{ enterprises: Enterprise[]; byTaxCode: boolean }> {
    const scope = await this.manageScope(actor);
    if (scope.all) return { enterprises: [], byTaxCode: true };
    const enterprises = await Promise.all(scope.enterpriseIds.map((id) => this.enterprises.findById(id)));
    return { enterprises: enterprises.filter((e): e is Enterprise => !!e), byTaxCode: false };
  }

  async institutionOptions(): Promise<{ value: number; label: string }[]> {
    const options: { value: number; label: string }[] = [];
    for await (const row of this.institutions.rows(undefined))
      options.push({ value: row.id, label: row.name });
    return options;
  }

  async canManage(actor: Actor): Promise<boolean> {
    return !isEmptyScope(await this.manageScope(actor));
  }

  institutionIdsOf(actor: Actor): number[] {
    return actor.scopeIds(ScopeType.Institution, Role.InstitutionEditor);
  }

  private async targetEnterprise(actor: Actor, dto: PartnershipDto): Promise<Enterprise> {
    const scope = await this.manageScope(actor);
    if (isEmptyScope(scope)) throw new ForbiddenException();
    let enterprise: Enterprise | null = null;
    if (dto.enterpriseId !== undefined) enterprise = await this.enterprises.findById(dto.enterpriseId);
    else if (dto.taxCode) enterprise = await this.partnerships.enterpriseByTaxCode(dto.taxCode);
    else if (!scope.all && scope.enterpriseIds.length === 1)
      enterprise = await this.enterprises.findById(scope.enterpriseIds[0]);
    else throw FormError.field(scope.all ? 'taxCode' : 'enterpriseId', 'validation.required');
    if (!enterprise)
      throw FormError.field(dto.taxCode ? 'taxCode' : 'enterpriseId', 'partnerships.error.enterprise');
    if (!inScope(scope, enterprise.id))
      throw FormError.field('enterpriseId', 'roster.upload.enterpriseOutOfScope');
    return enterprise;
  }

  private manageScope(actor: Actor): Promise<EnterpriseScope> {
    return this.scopes.scopeOf(actor, ...PARTNERSHIP_MANAGERS);
  }
}

function inScope(scope: EnterpriseScope, enterpriseId: number): boolean {
  return scope.all || scope.enterpriseIds.includes(enterpriseId);
}
