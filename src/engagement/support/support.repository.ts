import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { isUniqueViolation } from '../../database/unit-of-work';
import { leftJoinEnterprise, leftJoinUnitOfEnterprise } from '../../organisations/enterprise-joins';
import { EnterpriseScope, whereEnterpriseInScope } from '../../organisations/enterprise-scope';
import { EnterpriseSupport } from './entities/enterprise-support.entity';

export type SupportFields = Pick<
  EnterpriseSupport,
  | 'fundsCommitted'
  | 'fundsSpent'
  | 'paidStudyHours'
  | 'agreementHasLearning'
  | 'agreementClause'
  | 'materialsSupplied'
>;

/** Sums of the support rows of one territory (a commune, or the whole scope). */
export interface SupportTotals {
  enterprises: number;
  fundsCommitted: number;
  fundsSpent: number;
  paidStudyHours: number;
  withAgreement: number;
  materialsSupplied: number;
}

export interface CommuneSupportTotals extends SupportTotals {
  unitId: number | null;
  unitName: string | null;
}

/** One enterprise's row, with its name and commune, for the lists and the API. */
export interface SupportRow extends SupportFields {
  enterpriseId: number;
  enterpriseName: string;
  unitName: string | null;
  year: number;
}

/** Enterprises' support rows; every read takes the caller's enterprise scope. */
@Injectable()
export class SupportRepository {
  constructor(@InjectRepository(EnterpriseSupport) private readonly rows: Repository<EnterpriseSupport>) {}

  find(enterpriseId: number, year: number): Promise<EnterpriseSupport | null> {
    return this.rows.findOne({ where: { enterpriseId, year } });
  }

  /** Creates or replaces the (enterprise, year) row: declaring again corrects it. */
  async upsert(
    enterpriseId: number,
    year: number,
    fields: SupportFields,
    userId: number,
  ): Promise<EnterpriseSupport> {
    const found = await this.find(enterpriseId, year);
    if (found) {
      await this.rows.update({ id: found.id }, { ...fields, updatedBy: userId });
      return (await this.find(enterpriseId, year))!;
    }
    try {
      return await this.rows.save(this.rows.create({ enterpriseId, year, ...fields, updatedBy: userId }));
    } catch (error) {
      // Declared at the same moment elsewhere: this declaration replaces that one.
      if (!isUniqueViolation(error)) throw error;
      await this.rows.update({ enterpriseId, year }, { ...fields, updatedBy: userId });
      return (await this.find(enterpriseId, year))!;
    }
  }

  /** The rows of a year in scope, by commune then enterprise name. */
  async list(scope: EnterpriseScope, year: number): Promise<SupportRow[]> {
    const query = this.rows.createQueryBuilder('s').where('s.year = :year', { year });
    leftJoinEnterprise(query, 's.enterprise_id', 'e');
    leftJoinUnitOfEnterprise(query, 'e', 'u');
    const raw = await whereEnterpriseInScope(query, 's.enterprise_id', scope)
      .select([
        's.enterprise_id AS enterpriseId',
        'e.name AS enterpriseName',
        'u.name AS unitName',
        's.year AS year',
        's.funds_committed AS fundsCommitted',
        's.funds_spent AS fundsSpent',
        's.paid_study_hours AS paidStudyHours',
        's.agreement_has_learning AS agreementHasLearning',
        's.agreement_clause AS agreementClause',
        's.materials_supplied AS materialsSupplied',
      ])
      .orderBy('u.name', 'ASC')
      .addOrderBy('e.name', 'ASC')
      .getRawMany<Record<string, unknown>>();
    return raw.map((r) => ({
      enterpriseId: Number(r.enterpriseId),
      enterpriseName: String(r.enterpriseName),
      unitName: r.unitName === null ? null : String(r.unitName),
      year: Number(r.year),
      fundsCommitted: Number(r.fundsCommitted),
      fundsSpent: Number(r.fundsSpent),
      paidStudyHours: Number(r.paidStudyHours),
      agreementHasLearning: Number(r.agreementHasLearning) === 1 || r.agreementHasLearning === true,
      agreementClause: r.agreementClause === null ? null : String(r.agreementClause),
      materialsSupplied: Number(r.materialsSupplied),
    }));
  }

  /** Sums of a year in scope, one row per commune (the enterprise's administrative unit). */
  async totalsByCommune(scope: EnterpriseScope, year: number): Promise<CommuneSupportTotals[]> {
    const query = this.rows.createQueryBuilder('s').where('s.year = :year', { year });
    leftJoinEnterprise(query, 's.enterprise_id', 'e');
    leftJoinUnitOfEnterprise(query, 'e', 'u');
    const raw = await whereEnterpriseInScope(query, 's.enterprise_id', scope)
      .select([
        'u.id AS unitId',
        'u.name AS unitName',
        'COUNT(*) AS enterprises',
        'SUM(s.funds_committed) AS fundsCommitted',
        'SUM(s.funds_spent) AS fundsSpent',
        'SUM(s.paid_study_hours) AS paidStudyHours',
        'SUM(CASE WHEN s.agreement_has_learning THEN 1 ELSE 0 END) AS withAgreement',
        'SUM(s.materials_supplied) AS materialsSupplied',
      ])
      .groupBy('u.id')
      .addGroupBy('u.name')
      .orderBy('u.name', 'ASC')
      .getRawMany<Record<string, unknown>>();
    return raw.map((r) => ({
      unitId: r.unitId === null ? null : Number(r.unitId),
      unitName: r.unitName === null ? null : String(r.unitName),
      enterprises: Number(r.enterprises),
      fundsCommitted: Number(r.fundsCommitted ?? 0),
      fundsSpent: Number(r.fundsSpent ?? 0),
      paidStudyHours: Number(r.paidStudyHours ?? 0),
      withAgreement: Number(r.withAgreement ?? 0),
      materialsSupplied: Number(r.materialsSupplied ?? 0),
    }));
  }
}
