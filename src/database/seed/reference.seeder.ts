import { Injectable } from '@nestjs/common';
import { EntityManager, InsertResult } from 'typeorm';
import { foldVietnamese } from '../../common/text/vietnamese';
import { AdminUnitMapping } from '../../organisations/entities/admin-unit-mapping.entity';
import { AdminUnit, AdminUnitKind } from '../../organisations/entities/admin-unit.entity';
import { LearningDomain } from '../../learning-records/entities/learning-domain.entity';
import { DomainCode } from '../../learning-records/learning-domains';
import { readSeed } from './seed-files';

interface UnitSeed {
  code: string;
  name: string;
  kind: string;
  validFrom: string | null;
  validTo: string | null;
  children?: UnitSeed[];
}

interface PlanSeed {
  code: string;
  title: string;
  issuingBody: string;
  decisionRef: string;
  unitCode: string;
  startDate: string;
  endDate: string;
  indicators: { code: string; label: string; window?: string; targets: Record<string, number> }[];
}

/**
 * Reference data every deployment needs: the learning domains, the administrative tree with its
 * 2025 reform mapping, and the plan with its targets. Safe to run again: rows are matched by
 * their natural keys and only missing ones are added.
 */
@Injectable()
export class ReferenceSeeder {
  async seed(manager: EntityManager): Promise<void> {
    await this.seedDomains(manager);
    await this.seedUnits(manager);
    await this.seedPlans(manager);
  }

  private async seedDomains(manager: EntityManager): Promise<void> {
    const { domains } = readSeed<{
      domains: { code: string; nameVi: string; nameEn: string; sortOrder: number }[];
    }>('reference/learning-domains.json');
    const repo = manager.getRepository(LearningDomain);
    for (const d of domains) {
      if (await repo.exists({ where: { code: d.code as DomainCode } })) continue;
      await repo.insert({ ...d, code: d.code as DomainCode });
    }
  }

  private async seedUnits(manager: EntityManager): Promise<void> {
    const { units, mappings } = readSeed<{
      units: UnitSeed[];
      mappings: { from: string; to: string; effectiveDate: string; note: string }[];
    }>('reference/admin-units.json');
    const ids = new Map<string, number>();
    const insert = async (unit: UnitSeed, parent: { id: number; path: string; depth: number } | null) => {
      let row = await manager
        .createQueryBuilder()
        .select(['id', 'path', 'depth'])
        .from('admin_units', 'u')
        .where('code = :code AND name = :name', { code: unit.code, name: unit.name })
        .getRawOne<{ id: number; path: string; depth: number }>();
      if (!row) {
        const result = await manager
          .createQueryBuilder()
          .insert()
          // Tables with an entity take the entity's property names (TypeORM maps them to columns).
          .into(AdminUnit)
          .values({
            code: unit.code,
            name: unit.name,
            searchKey: foldVietnamese(unit.name),
            kind: unit.kind as AdminUnitKind,
            parentId: parent?.id ?? null,
            path: '/',
            depth: parent ? parent.depth + 1 : 0,
            validFrom: unit.validFrom,
            validTo: unit.validTo,
          })
          .execute();
        const id = insertedId(result);
        const path = `${parent?.path ?? '/'}${id}/`;
        await manager
          .createQueryBuilder()
          .update('admin_units')
          .set({ path })
          .where('id = :id', { id })
          .execute();
        row = { id, path, depth: parent ? parent.depth + 1 : 0 };
      }
      ids.set(unit.code, Number(row.id));
      for (const child of unit.children ?? []) await insert(child, { ...row, id: Number(row.id) });
    };
    for (const unit of units) await insert(unit, null);
    for (const m of mappings) {
      const from = ids.get(m.from);
      const to = ids.get(m.to);
      if (!from || !to) throw new Error(`Seed mapping ${m.from} → ${m.to} names an unknown unit`);
      const exists = await manager
        .createQueryBuilder()
        .select('id')
        .from('admin_unit_mappings', 'm')
        .where('from_unit_id = :from AND to_unit_id = :to', { from, to })
        .getRawOne();
      if (!exists) {
        await manager
          .createQueryBuilder()
          .insert()
          .into(AdminUnitMapping)
          .values({ fromUnitId: from, toUnitId: to, effectiveDate: m.effectiveDate, note: m.note })
          .execute();
      }
    }
  }

  private async seedPlans(manager: EntityManager): Promise<void> {
    const { plans } = readSeed<{ plans: PlanSeed[] }>('reference/plans.json');
    for (const plan of plans) {
      const existing = await manager
        .createQueryBuilder()
        .select('id')
        .from('plans', 'p')
        .where('code = :code', plan)
        .getRawOne();
      if (existing) continue;
      const unit = await manager
        .createQueryBuilder()
        .select('id')
        .from('admin_units', 'u')
        .where('code = :code', { code: plan.unitCode })
        .orderBy('valid_from', 'ASC')
        .getRawOne<{ id: number }>();
      const result = await manager
        .createQueryBuilder()
        .insert()
        .into('plans')
        .values({
          code: plan.code,
          title: plan.title,
          issuing_body: plan.issuingBody,
          decision_ref: plan.decisionRef,
          unit_id: unit?.id ?? null,
          start_date: plan.startDate,
          end_date: plan.endDate,
        })
        .execute();
      const planId = insertedId(result);
      for (const [i, indicator] of plan.indicators.entries()) {
        const inserted = await manager
          .createQueryBuilder()
          .insert()
          .into('plan_indicators')
          .values({
            plan_id: planId,
            code: indicator.code,
            label: indicator.label,
            counting_window: indicator.window ?? 'PLAN_TO_DATE',
            sort_order: i + 1,
          })
          .execute();
        const indicatorId = insertedId(inserted);
        for (const [year, percent] of Object.entries(indicator.targets)) {
          await manager
            .createQueryBuilder()
            .insert()
            .into('plan_targets')
            .values({ plan_indicator_id: indicatorId, milestone_year: Number(year), target_percent: percent })
            .execute();
        }
      }
    }
  }
}

/** The new row's id from an insert into a table named by string (no entity metadata to read it from). */
export function insertedId(result: InsertResult): number {
  const raw = result.raw as { insertId?: number } | number | undefined;
  const id = result.identifiers[0]?.id ?? (typeof raw === 'number' ? raw : raw?.insertId);
  if (!id) throw new Error('Insert returned no id');
  return Number(id);
}
