import { employmentsOn } from '../workers/workforce-filters';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository, SelectQueryBuilder } from 'typeorm';
import { EnterpriseScope, whereEnterpriseInScope } from '../organisations/enterprise-scope';
import { Enterprise } from '../organisations/entities/enterprise.entity';
import { TrainingInstitution } from '../organisations/entities/training-institution.entity';
import { dateOnly } from '../database/dialect';
import { InstitutionPartnership } from './entities/institution-partnership.entity';

export interface PartnershipRow {
  id: number;
  institutionId: number;
  institutionName: string;
  enterpriseId: number;
  enterpriseName: string;
  taxCode: string;
  since: string;
}

/** Which enterprises' workers an institution may report on. */
export interface PartnershipFilter {
  /** Enterprises reached (officers, the federation admin). */
  scope?: EnterpriseScope;
  /** Or: the partnerships of these institutions (institution editors). */
  institutionIds?: number[];
}

@Injectable()
export class PartnershipsRepository {
  constructor(
    @InjectRepository(InstitutionPartnership)
    private readonly partnerships: Repository<InstitutionPartnership>,
  ) {}

  enterpriseByTaxCode(taxCode: string): Promise<Enterprise | null> {
    return this.partnerships.manager.getRepository(Enterprise).findOne({ where: { taxCode } });
  }

  findById(id: number): Promise<InstitutionPartnership | null> {
    return this.partnerships.findOne({ where: { id } });
  }

  find(institutionId: number, enterpriseId: number): Promise<InstitutionPartnership | null> {
    return this.partnerships.findOne({ where: { institutionId, enterpriseId } });
  }

  async list(filter: PartnershipFilter, limit = 500): Promise<PartnershipRow[]> {
    const rows = await this.filtered(filter)
      .select([
        'p.id AS id',
        'p.institution_id AS institutionId',
        'i.name AS institutionName',
        'p.enterprise_id AS enterpriseId',
        'e.name AS enterpriseName',
        'e.tax_code AS taxCode',
        'p.since AS since',
      ])
      .orderBy('e.search_key', 'ASC')
      .addOrderBy('i.search_key', 'ASC')
      .limit(limit)
      .getRawMany<Record<string, unknown>>();
    return rows.map((r) => ({
      id: Number(r.id),
      institutionId: Number(r.institutionId),
      institutionName: String(r.institutionName),
      enterpriseId: Number(r.enterpriseId),
      enterpriseName: String(r.enterpriseName),
      taxCode: String(r.taxCode),
      since: dateOnly(r.since) ?? '',
    }));
  }

  private filtered(filter: PartnershipFilter): SelectQueryBuilder<InstitutionPartnership> {
    const query = this.partnerships
      .createQueryBuilder('p')
      .innerJoin(Enterprise, 'e', 'e.id = p.enterprise_id')
      .innerJoin(TrainingInstitution, 'i', 'i.id = p.institution_id');
    if (filter.institutionIds)
      query.andWhere('p.institution_id IN (:...institutionIds)', {
        institutionIds: filter.institutionIds.length ? filter.institutionIds : [0],
      });
    if (filter.scope) whereEnterpriseInScope(query, 'p.enterprise_id', filter.scope);
    return query;
  }

  async insert(
    row: Omit<InstitutionPartnership, 'id' | 'createdAt' | 'updatedAt'>,
  ): Promise<InstitutionPartnership> {
    return this.partnerships.save(this.partnerships.create(row));
  }

  async delete(id: number): Promise<void> {
    await this.partnerships.delete({ id });
  }

  /**
   * The enterprise in partnership with the institution where the worker was employed on the day,
   * if any (the earliest-started employment when several).
   */
  async partnerEmployerOn(institutionId: number, workerId: number, day: string): Promise<number | null> {
    const row = await employmentsOn(this.partnerships.manager.createQueryBuilder(), workerId, day)
      .select('e.enterprise_id', 'enterpriseId')
      .innerJoin(
        'institution_partnerships',
        'p',
        'p.enterprise_id = e.enterprise_id AND p.institution_id = :institutionId',
        { institutionId },
      )
      .limit(1)
      .getRawOne<{ enterpriseId: number }>();
    return row ? Number(row.enterpriseId) : null;
  }
}
