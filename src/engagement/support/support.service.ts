import { ForbiddenException, Injectable } from '@nestjs/common';
import { Actor } from '../../common/access/actor';
import { OutOfScopeException } from '../../common/access/out-of-scope';
import { Role } from '../../common/access/roles';
import { FormError } from '../../common/errors/form-error';
import { EnterpriseScopeService } from '../../organisations/enterprise-scope';
import { EnterprisesService } from '../../organisations/enterprises.service';
import { SupportDto } from './dto/support.dto';
import { EnterpriseSupport } from './entities/enterprise-support.entity';
import { CommuneSupportTotals, SupportRepository, SupportRow, SupportTotals } from './support.repository';
import { SUPPORT_READERS } from './support.access';

export interface SupportTotalsView {
  communes: CommuneSupportTotals[];
  total: SupportTotals;
}

/**
 * Enterprises' support to learning (issue 15, item 5): the union officer declares, per enterprise
 * and year, the funds committed and spent, paid study hours, the collective labour agreement's
 * learning clause and the materials supplied; the federation and department viewers read totals
 * of their territory. An officer naming another enterprise gets 404 and nothing is written.
 */
@Injectable()
export class SupportService {
  constructor(
    private readonly support: SupportRepository,
    private readonly scopes: EnterpriseScopeService,
    private readonly enterprisesService: EnterprisesService,
  ) {}

  /** The enterprises the actor declares support for (an officer's own), by name. */
  async enterprises(actor: Actor): Promise<{ id: number; name: string }[]> {
    const ids = (await this.scopes.scopeOf(actor, Role.UnionOfficer)).enterpriseIds;
    const names = await this.enterprisesService.namesOf(ids);
    return ids
      .filter((id) => names.has(id))
      .map((id) => ({ id, name: names.get(id)!.name }))
      .sort((a, b) => a.name.localeCompare(b.name, 'vi'));
  }

  /** The declaration of one of the officer's enterprises for a year, or null when none was made. */
  async declared(actor: Actor, enterpriseId: number, year: number): Promise<EnterpriseSupport | null> {
    await this.assertWritable(actor, enterpriseId);
    return this.support.find(enterpriseId, year);
  }

  /** Saves the declaration (replacing the year's earlier one); the enterprise must be the officer's. */
  async declare(actor: Actor, dto: SupportDto, enterpriseId = dto.enterpriseId): Promise<EnterpriseSupport> {
    const own = await this.enterprises(actor);
    if (own.length === 0) throw new ForbiddenException();
    const target = enterpriseId ?? (own.length === 1 ? own[0].id : undefined);
    if (target === undefined) throw FormError.field('enterpriseId', 'validation.required');
    await this.assertWritable(actor, target);
    const clause = dto.agreementClause?.trim() || null;
    if (dto.agreementHasLearning && !clause)
      throw FormError.field('agreementClause', 'support.clauseRequired');
    return this.support.upsert(
      target,
      dto.year,
      {
        fundsCommitted: dto.fundsCommitted,
        fundsSpent: dto.fundsSpent,
        paidStudyHours: dto.paidStudyHours,
        agreementHasLearning: !!dto.agreementHasLearning,
        agreementClause: dto.agreementHasLearning ? clause : null,
        materialsSupplied: dto.materialsSupplied,
      },
      actor.userId,
    );
  }

  /** Every enterprise's declaration of the year in the actor's scope. */
  async list(actor: Actor, year: number): Promise<SupportRow[]> {
    return this.support.list(await this.scopes.scopeOf(actor, ...SUPPORT_READERS), year);
  }

  /** Sums of the year per commune in the actor's scope, and their total. */
  async totals(actor: Actor, year: number): Promise<SupportTotalsView> {
    return withTotal(
      await this.support.totalsByCommune(await this.scopes.scopeOf(actor, ...SUPPORT_READERS), year),
    );
  }

  /** Sums of the year per commune for a report: the province's (unitId null) or one unit's subtree. */
  async totalsForReport(year: number, unitId: number | null): Promise<SupportTotalsView> {
    const scope =
      unitId === null
        ? { all: true, enterpriseIds: [], unitPaths: [] }
        : { all: false, enterpriseIds: [], unitPaths: await this.scopes.subtreePaths([unitId]) };
    return withTotal(await this.support.totalsByCommune(scope, year));
  }

  private async assertWritable(actor: Actor, enterpriseId: number): Promise<void> {
    const ids = (await this.scopes.scopeOf(actor, Role.UnionOfficer)).enterpriseIds;
    if (!ids.includes(enterpriseId)) throw new OutOfScopeException();
  }
}

function withTotal(communes: CommuneSupportTotals[]): SupportTotalsView {
  const total: SupportTotals = {
    enterprises: 0,
    fundsCommitted: 0,
    fundsSpent: 0,
    paidStudyHours: 0,
    withAgreement: 0,
    materialsSupplied: 0,
  };
  for (const c of communes)
    for (const key of Object.keys(total) as (keyof SupportTotals)[]) total[key] += c[key];
  return { communes, total };
}
