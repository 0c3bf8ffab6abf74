import { Injectable } from '@nestjs/common';
import { EntityManager, InsertResult } from 'typeorm';
import { seedCriteriaSets } from '../citizenship/applications/criteria/criteria-seed';
import { foldVietnamese } from '../common/text/vietnamese';
import { AdminUnitMapping } from '../organisations/entities/admin-unit-mapping.entity';
import { AdminUnit, AdminUnitKind } from '../organisations/entities/admin-unit.entity';
import { LearningDomain } from '../learning-records/entities/learning-domain.entity';
import { DomainCode } from '../learning-records/learning-domains';
import {
  CountingWindow,
  IndicatorCode,
  MilestoneKind,
  Plan,
  PlanIndicator,
  PlanMilestone,
  PlanTarget,
} from '../indicators/entities/plan.entity';
import { ReportingBody, ReportingBodyKind } from '../indicators/entities/reporting-body.entity';
import { readSeed } from '../common/seed-files';

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
  milestones?: { year: number; kind: string; label: string; reviewDate: string }[];
  reportingBodies?: { kind: string; name: string; unitCode?: string; due: string }[];
}

/**
 * Reference data every deployment needs: the learning domains, the administrative tree with its
 * 2025 reform mapping, the plan with its targets, and the default learning-citizen criteria. Safe to
 * run again: rows are matched by their natural keys and only missing ones are added.
 */
@Injectable()
export class ReferenceSeeder {
  async seed(manager: EntityManager): Promise<void> {
    await this.seedDomains(manager);
    await this.seedUnits(manager);
    await this.seedPlans(manager);
    // The default learning-citizen criteria (Decision 324/QĐ-KHVN's structure), by code and version.
    await seedCriteriaSets(manager);
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

  /**
   * Each plan, then whatever of it is missing: indicators, targets, milestones and reporting bodies,
   * matched by their natural keys (code, year, name). Rows an administrator changed since are kept.
   */
  private async seedPlans(manager: EntityManager): Promise<void> {
    const { plans } = readSeed<{ plans: PlanSeed[] }>('reference/plans.json');
    const unitIdOf = async (code: string) =>
      (
        await manager
          .getRepository(AdminUnit)
          .findOne({ where: { code }, order: { validFrom: 'ASC', id: 'ASC' } })
      )?.id ?? null;
    for (const seed of plans) {
      const planRepo = manager.getRepository(Plan);
      const plan =
        (await planRepo.findOne({ where: { code: seed.code } })) ??
        (await planRepo.save(
          planRepo.create({
            code: seed.code,
            title: seed.title,
            issuingBody: seed.issuingBody,
            decisionRef: seed.decisionRef,
            unitId: await unitIdOf(seed.unitCode),
            startDate: seed.startDate,
            endDate: seed.endDate,
          }),
        ));
      for (const [i, indicator] of seed.indicators.entries()) {
        const repo = manager.getRepository(PlanIndicator);
        const code = indicator.code as IndicatorCode;
        const row =
          (await repo.findOne({ where: { planId: plan.id, code } })) ??
          (await repo.save(
            repo.create({
              planId: plan.id,
              code,
              label: indicator.label,
              countingWindow: (indicator.window as CountingWindow | undefined) ?? CountingWindow.PlanToDate,
              sortOrder: i + 1,
            }),
          ));
        const targets = manager.getRepository(PlanTarget);
        for (const [year, percent] of Object.entries(indicator.targets)) {
          if (await targets.exists({ where: { planIndicatorId: row.id, milestoneYear: Number(year) } }))
            continue;
          await targets.insert({
            planIndicatorId: row.id,
            milestoneYear: Number(year),
            targetPercent: percent,
          });
        }
      }
      const milestones = manager.getRepository(PlanMilestone);
      for (const m of seed.milestones ?? []) {
        if (await milestones.exists({ where: { planId: plan.id, year: m.year } })) continue;
        await milestones.insert({
          planId: plan.id,
          year: m.year,
          kind: m.kind as MilestoneKind,
          label: m.label,
          reviewDate: m.reviewDate,
        });
      }
      const bodies = manager.getRepository(ReportingBody);
      for (const [i, b] of (seed.reportingBodies ?? []).entries()) {
        if (await bodies.exists({ where: { planId: plan.id, name: b.name } })) continue;
        await bodies.insert({
          planId: plan.id,
          kind: b.kind as ReportingBodyKind,
          name: b.name,
          unitId: b.unitCode ? await unitIdOf(b.unitCode) : null,
          branchId: null,
          dueMonthDay: b.due,
          position: i + 1,
        });
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
