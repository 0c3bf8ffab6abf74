import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { insertedId } from '../database/dialect';
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
  reportingBodies?: {
    kind: string;
    name: string;
    /** With unitOn: the unit with this code in force on that day (codes are reused across the reform). */
    unitCode?: string;
    unitOn?: string;
    due: string;
    validFrom?: string;
    validTo?: string;
    /** The name of the body of the same plan that takes over when this one ends. */
    successor?: string;
  }[];
}

/**
 * Reference data every deployment needs: the learning domains, the administrative tree of both
 * sides of the 2025 reform (provinces, districts, communes) with its mappings, the plan with its targets, and the default learning-citizen criteria. Safe to
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
    // Codes are unique within this file (provinces and districts); communes come below.
    const ids = new Map<string, UnitRow>();
    const insert = async (unit: UnitSeed, parent: UnitRow | null) => {
      const row = await ensureUnit(manager, unit, parent);
      ids.set(unit.code, row);
      for (const child of unit.children ?? []) await insert(child, row);
    };
    for (const unit of units) await insert(unit, null);
    for (const m of mappings) {
      const from = ids.get(m.from);
      const to = ids.get(m.to);
      if (!from || !to) throw new Error(`Seed mapping ${m.from} → ${m.to} names an unknown unit`);
      await ensureMapping(manager, from.id, to.id, m.effectiveDate, m.note);
    }
    await this.seedCommunes(manager, ids);
  }

  /**
   * The communes of both trees (seeds/reference/dak-nong-communes-2025.json): Đắk Nông's 71 under
   * their districts until 30/06/2025, the new Lâm Đồng's 124 under the province from 01/07/2025, and
   * each old commune mapped to the new one that took it. A code means different communes in the two
   * trees, so each tree is looked up on its own and a unit is matched by code, name and parent.
   */
  private async seedCommunes(manager: EntityManager, districts: Map<string, UnitRow>): Promise<void> {
    const data = readSeed<CommunesSeed>('reference/dak-nong-communes-2025.json');
    const newProvince = districts.get(data.newProvince.code);
    if (!newProvince) throw new Error(`Communes seed names an unknown province ${data.newProvince.code}`);
    const oldIds = new Map<string, number>();
    for (const c of data.oldCommunes) {
      const district = districts.get(c.district);
      if (!district) throw new Error(`Commune ${c.code} names an unknown district ${c.district}`);
      const unit = {
        code: c.code,
        name: c.name,
        kind: kindOf(c.name),
        validFrom: null,
        validTo: data.oldValidTo,
      };
      oldIds.set(c.code, (await ensureUnit(manager, unit, district)).id);
    }
    const newIds = new Map<string, number>();
    for (const c of data.allNewCommunesOfLamDong) {
      const unit = {
        code: c.code,
        name: c.name,
        kind: kindOf(c.name),
        validFrom: data.newValidFrom,
        validTo: null,
      };
      newIds.set(c.code, (await ensureUnit(manager, unit, newProvince)).id);
    }
    for (const commune of data.newCommunes) {
      const to = newIds.get(commune.code);
      if (!to) throw new Error(`Commune ${commune.code} is missing from allNewCommunesOfLamDong`);
      for (const code of commune.from) {
        const from = oldIds.get(code);
        if (!from) throw new Error(`Commune ${commune.code} takes an unknown old commune ${code}`);
        await ensureMapping(manager, from, to, data.newValidFrom, COMMUNE_MAPPING_NOTE);
      }
    }
  }

  /**
   * Each plan, then whatever of it is missing: indicators, targets, milestones and reporting bodies,
   * matched by their natural keys (code, year, name). Rows an administrator changed since are kept.
   */
  private async seedPlans(manager: EntityManager): Promise<void> {
    const { plans } = readSeed<{ plans: PlanSeed[] }>('reference/plans.json');
    const unitIdOf = async (code: string, on?: string) => {
      const query = manager
        .getRepository(AdminUnit)
        .createQueryBuilder('u')
        .where('u.code = :code', { code })
        .orderBy('u.validFrom', 'ASC')
        .addOrderBy('u.id', 'ASC');
      if (on) {
        query
          .andWhere('(u.validFrom IS NULL OR u.validFrom <= :on)', { on })
          .andWhere('(u.validTo IS NULL OR u.validTo >= :on)', { on });
      }
      const unit = await query.getOne();
      if (!unit) throw new Error(`Seed plan names an unknown unit ${code}${on ? ` on ${on}` : ''}`);
      return unit.id;
    };
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
          unitId: b.unitCode ? await unitIdOf(b.unitCode, b.unitOn) : null,
          branchId: null,
          dueMonthDay: b.due,
          position: i + 1,
          validFrom: b.validFrom ?? null,
          validTo: b.validTo ?? null,
        });
      }
      // Successors by name, once both exist; a successor the admin has set is kept.
      for (const b of seed.reportingBodies ?? []) {
        if (!b.successor) continue;
        const body = await bodies.findOne({ where: { planId: plan.id, name: b.name } });
        const successor = await bodies.findOne({ where: { planId: plan.id, name: b.successor } });
        if (!successor) throw new Error(`Seed body ${b.name} names an unknown successor ${b.successor}`);
        if (body && body.successorId === null)
          await bodies.update({ id: body.id }, { successorId: successor.id });
      }
    }
  }
}

interface UnitRow {
  id: number;
  path: string;
  depth: number;
}

interface CommunesSeed {
  oldValidTo: string;
  newValidFrom: string;
  newProvince: { code: string; name: string };
  oldCommunes: { code: string; name: string; district: string }[];
  newCommunes: { code: string; name: string; from: string[] }[];
  allNewCommunesOfLamDong: { code: string; name: string }[];
}

const COMMUNE_MAPPING_NOTE =
  'Nghị quyết 1671/NQ-UBTVQH15: sắp xếp đơn vị hành chính cấp xã của tỉnh Lâm Đồng từ 01/07/2025';

/** The kind of a commune-level unit, from the word its official name starts with. */
function kindOf(name: string): AdminUnitKind {
  if (name.startsWith('Phường ')) return AdminUnitKind.Ward;
  if (name.startsWith('Thị trấn ')) return AdminUnitKind.Township;
  if (name.startsWith('Đặc khu ')) return AdminUnitKind.SpecialZone;
  if (name.startsWith('Xã ')) return AdminUnitKind.Commune;
  throw new Error(`Cannot tell the kind of unit "${name}"`);
}

/**
 * The unit with this code and name under this parent, added when missing. A code alone is not
 * enough: the new tree reuses old codes, sometimes even with the old name (Xã Nam Dong).
 */
async function ensureUnit(manager: EntityManager, unit: UnitSeed, parent: UnitRow | null): Promise<UnitRow> {
  const query = manager
    .createQueryBuilder()
    .select(['id', 'path', 'depth'])
    .from('admin_units', 'u')
    .where('code = :code AND name = :name', { code: unit.code, name: unit.name });
  if (parent) query.andWhere('parent_id = :parentId', { parentId: parent.id });
  else query.andWhere('parent_id IS NULL');
  const row = await query.getRawOne<UnitRow>();
  if (row) return { id: Number(row.id), path: row.path, depth: Number(row.depth) };
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
  await manager.createQueryBuilder().update('admin_units').set({ path }).where('id = :id', { id }).execute();
  return { id, path, depth: parent ? parent.depth + 1 : 0 };
}

async function ensureMapping(
  manager: EntityManager,
  from: number,
  to: number,
  effectiveDate: string,
  note: string,
): Promise<void> {
  const exists = await manager
    .createQueryBuilder()
    .select('id')
    .from('admin_unit_mappings', 'm')
    .where('from_unit_id = :from AND to_unit_id = :to', { from, to })
    .getRawOne();
  if (exists) return;
  await manager
    .createQueryBuilder()
    .insert()
    .into(AdminUnitMapping)
    .values({ fromUnitId: from, toUnitId: to, effectiveDate, note })
    .execute();
}
