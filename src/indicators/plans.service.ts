import { Injectable, NotFoundException } from '@nestjs/common';
import { FieldErrors, FormError } from '../common/errors/form-error';
import { translate } from '../common/i18n/i18n';
import { isIsoDate } from '../common/validation/validators';
import { Transaction, UnitOfWork, isUniqueViolation } from '../database/unit-of-work';
import { AdminUnitsService } from '../organisations/admin-units.service';
import { BranchesService } from '../organisations/branches.service';
import { isYearStart } from './counting-rules';
import { IndicatorDto, MilestoneDto, PlanDto, ReportingBodyDto, TargetDto } from './dto/plan.dto';
import {
  CountingWindow,
  INDICATOR_CODES,
  IndicatorCode,
  Plan,
  PlanIndicator,
  PlanMilestone,
  PlanTarget,
} from './entities/plan.entity';
import { ReportingBody, ReportingBodyKind } from './entities/reporting-body.entity';
import { BodyFields, BodyMember, PlanFields, PlansRepository } from './plans.repository';

/** A plan with everything the admin page and the API show. */
export interface PlanDetail {
  plan: Plan;
  unitName: string | null;
  indicators: PlanIndicator[];
  milestones: PlanMilestone[];
  /** Targets keyed "CODE:year". */
  targets: Map<string, number>;
  bodies: (ReportingBody & { members: BodyMember[]; unitName: string | null; branchName: string | null })[];
}

/** A plan in the list, with its territory's name. */
export interface PlanRow extends Plan {
  unitName: string | null;
}

export const targetKey = (code: IndicatorCode, year: number) => `${code}:${year}`;

/**
 * Plans and what they promise: indicators with their counting windows, milestones, targets per
 * indicator and milestone, and the bodies that report each year. Edited by the federation admin;
 * everything here is data, so another province's plan needs no code.
 */
@Injectable()
export class PlansService {
  constructor(
    private readonly plans: PlansRepository,
    private readonly units: AdminUnitsService,
    private readonly branches: BranchesService,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  async list(): Promise<PlanRow[]> {
    const plans = await this.plans.list();
    const names = await this.units.namesByIds(plans.flatMap((p) => (p.unitId === null ? [] : [p.unitId])));
    return plans.map((p) => ({ ...p, unitName: p.unitId ? (names.get(p.unitId) ?? null) : null }));
  }

  async get(id: number): Promise<Plan> {
    const plan = await this.plans.findById(id);
    if (!plan) throw new NotFoundException();
    return plan;
  }

  async detail(id: number): Promise<PlanDetail> {
    const plan = await this.get(id);
    const [indicators, milestones, targets, bodies] = await Promise.all([
      this.plans.indicatorsOf(id),
      this.plans.milestonesOf(id),
      this.plans.targetsOf(id),
      this.plans.bodiesOf(id),
    ]);
    const codeOf = new Map(indicators.map((i) => [i.id, i.code]));
    const members = await this.plans.membersOf(bodies.map((b) => b.id));
    const unitNames = await this.units.namesByIds(
      [plan.unitId, ...bodies.map((b) => b.unitId)].filter((u): u is number => u !== null),
    );
    const branchNames = new Map<number, string>();
    for (const branchId of new Set(bodies.map((b) => b.branchId).filter((b): b is number => b !== null))) {
      const branch = await this.branches.findById(branchId);
      if (branch) branchNames.set(branchId, branch.name);
    }
    return {
      plan,
      unitName: plan.unitId ? (unitNames.get(plan.unitId) ?? null) : null,
      indicators,
      milestones,
      targets: new Map(
        targets
          .filter((t) => codeOf.has(t.planIndicatorId))
          .map((t: PlanTarget) => [
            targetKey(codeOf.get(t.planIndicatorId)!, t.milestoneYear),
            t.targetPercent,
          ]),
      ),
      bodies: bodies.map((b) => ({
        ...b,
        members: members.get(b.id) ?? [],
        unitName: b.unitId ? (unitNames.get(b.unitId) ?? null) : null,
        branchName: b.branchId ? (branchNames.get(b.branchId) ?? null) : null,
      })),
    };
  }

  /** A new plan, with its five indicators counted from the plan's start (labels to edit). */
  async create(dto: PlanDto): Promise<Plan> {
    const fields = await this.checkPlan(dto);
    return this.unitOfWork.run(async (manager) => {
      let plan: Plan;
      try {
        plan = await this.plans.insertPlan(manager, fields);
      } catch (error) {
        if (isUniqueViolation(error)) throw FormError.field('code', 'indicators.plan.codeTaken');
        throw error;
      }
      await this.plans.insertIndicators(
        manager,
        INDICATOR_CODES.map((code, i) => ({
          planId: plan.id,
          code,
          label: translate('vi', `indicators.defaultLabel.${code}`),
          countingWindow: CountingWindow.PlanToDate,
          sortOrder: i + 1,
        })),
      );
      return plan;
    });
  }

  async update(id: number, dto: PlanDto): Promise<Plan> {
    await this.get(id);
    const fields = await this.checkPlan(dto, id);
    return this.unitOfWork.run(async (manager) => {
      const milestones = await this.plans.milestonesOf(id, manager);
      const outside = milestones.find(
        (m) => m.reviewDate < fields.startDate || m.reviewDate > fields.endDate,
      );
      if (outside)
        throw FormError.field('endDate', 'indicators.plan.milestoneOutside', { year: outside.year });
      try {
        await this.plans.updatePlan(manager, id, fields);
      } catch (error) {
        if (isUniqueViolation(error)) throw FormError.field('code', 'indicators.plan.codeTaken');
        throw error;
      }
      return { ...(await this.plans.findById(id, manager))! };
    });
  }

  /** Only a plan with no history (no roll-up, no annual report) can be deleted. */
  async remove(id: number): Promise<void> {
    await this.get(id);
    if (await this.plans.hasHistory(id)) throw new FormError({}, { key: 'indicators.plan.hasHistory' });
    await this.plans.deletePlan(id);
  }

  async updateIndicator(planId: number, code: IndicatorCode, dto: IndicatorDto): Promise<PlanIndicator> {
    await this.get(planId);
    const indicator = (await this.plans.indicatorsOf(planId)).find((i) => i.code === code);
    if (!indicator) throw new NotFoundException();
    // The title is held on a date whatever the window; the window only applies to learning.
    const countingWindow =
      code === IndicatorCode.LearningCitizen ? CountingWindow.PlanToDate : dto.countingWindow;
    await this.unitOfWork.run((manager) =>
      this.plans.updateIndicator(manager, indicator.id, { label: dto.label, countingWindow }),
    );
    return { ...indicator, label: dto.label, countingWindow };
  }

  /** Saves the labels and windows of all indicators at once (the page's one form). */
  async updateIndicators(
    planId: number,
    values: Partial<Record<IndicatorCode, IndicatorDto>>,
  ): Promise<void> {
    await this.get(planId);
    const indicators = await this.plans.indicatorsOf(planId);
    const errors: FieldErrors = {};
    for (const indicator of indicators) {
      const value = values[indicator.code];
      if (!value?.label) errors[`label_${indicator.code}`] = { key: 'validation.required' };
      else if (value.label.length > 500)
        errors[`label_${indicator.code}`] = { key: 'validation.maxLength', params: { max: 500 } };
      if (value && !Object.values(CountingWindow).includes(value.countingWindow))
        errors[`window_${indicator.code}`] = { key: 'validation.oneOf' };
    }
    if (Object.keys(errors).length > 0) throw new FormError(errors);
    await this.unitOfWork.run(async (manager) => {
      for (const indicator of indicators) {
        const value = values[indicator.code]!;
        const countingWindow =
          indicator.code === IndicatorCode.LearningCitizen ? CountingWindow.PlanToDate : value.countingWindow;
        await this.plans.updateIndicator(manager, indicator.id, { label: value.label, countingWindow });
      }
    });
  }

  async addMilestone(planId: number, dto: MilestoneDto): Promise<PlanMilestone> {
    const plan = await this.get(planId);
    this.checkMilestone(plan, dto);
    try {
      return await this.unitOfWork.run((manager) =>
        this.plans.insertMilestone(manager, planId, this.milestoneFields(dto)),
      );
    } catch (error) {
      if (isUniqueViolation(error)) throw FormError.field('year', 'indicators.milestone.yearTaken');
      throw error;
    }
  }

  /** Changing a milestone's year carries its targets to the new year. */
  async updateMilestone(planId: number, milestoneId: number, dto: MilestoneDto): Promise<PlanMilestone> {
    const plan = await this.get(planId);
    this.checkMilestone(plan, dto);
    try {
      return await this.unitOfWork.run(async (manager) => {
        const milestone = await this.plans.findMilestone(planId, milestoneId, manager);
        if (!milestone) throw new NotFoundException();
        await this.plans.updateMilestone(manager, milestoneId, this.milestoneFields(dto));
        if (milestone.year !== dto.year) await this.moveTargets(manager, planId, milestone.year, dto.year);
        return { ...milestone, ...this.milestoneFields(dto) };
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw FormError.field('year', 'indicators.milestone.yearTaken');
      throw error;
    }
  }

  async removeMilestone(planId: number, milestoneId: number): Promise<void> {
    await this.get(planId);
    await this.unitOfWork.run(async (manager) => {
      const milestone = await this.plans.findMilestone(planId, milestoneId, manager);
      if (!milestone) throw new NotFoundException();
      await this.plans.deleteTargetsOfYear(manager, planId, milestone.year);
      await this.plans.deleteMilestone(manager, milestoneId);
    });
  }

  /**
   * Sets targets, each for an indicator and a milestone's year, in percent (0–100, two decimals at
   * most); a null percent removes it. All or nothing: one bad value saves none.
   */
  async setTargets(
    planId: number,
    targets: TargetDto[],
    fieldOf = (t: TargetDto) => `target_${t.indicator}_${t.year}`,
  ): Promise<void> {
    await this.get(planId);
    const [indicators, milestones] = await Promise.all([
      this.plans.indicatorsOf(planId),
      this.plans.milestonesOf(planId),
    ]);
    const byCode = new Map(indicators.map((i) => [i.code, i]));
    const years = new Set(milestones.map((m) => m.year));
    const errors: FieldErrors = {};
    for (const target of targets) {
      const field = fieldOf(target);
      if (!byCode.has(target.indicator)) errors[field] = { key: 'indicators.target.unknownIndicator' };
      else if (!years.has(target.year))
        errors[field] = { key: 'indicators.target.unknownMilestone', params: { year: target.year } };
      else if (
        target.percent !== null &&
        !(Number.isFinite(target.percent) && target.percent >= 0 && target.percent <= 100)
      )
        errors[field] = { key: 'indicators.target.range' };
      else if (target.percent !== null && Math.round(target.percent * 100) !== target.percent * 100)
        errors[field] = { key: 'indicators.target.range' };
    }
    if (Object.keys(errors).length > 0) throw new FormError(errors);
    await this.unitOfWork.run(async (manager) => {
      for (const target of targets) {
        await this.plans.setTarget(manager, byCode.get(target.indicator)!.id, target.year, target.percent);
      }
    });
  }

  async addBody(planId: number, dto: ReportingBodyDto): Promise<ReportingBody> {
    await this.get(planId);
    const { fields, memberIds } = await this.checkBody(dto, 0, planId);
    return this.unitOfWork.run(async (manager) => {
      const body = await this.plans.insertBody(manager, planId, fields);
      await this.plans.setMembers(manager, body.id, memberIds);
      return body;
    });
  }

  async updateBody(planId: number, bodyId: number, dto: ReportingBodyDto): Promise<ReportingBody> {
    await this.get(planId);
    const body = await this.plans.findBody(planId, bodyId);
    if (!body) throw new NotFoundException();
    const { fields, memberIds } = await this.checkBody(dto, body.position, planId, bodyId);
    await this.unitOfWork.run(async (manager) => {
      await this.plans.updateBody(manager, bodyId, fields);
      await this.plans.setMembers(manager, bodyId, memberIds);
    });
    return { ...body, ...fields };
  }

  async removeBody(planId: number, bodyId: number): Promise<void> {
    await this.get(planId);
    if (!(await this.plans.findBody(planId, bodyId))) throw new NotFoundException();
    await this.plans.deleteBody(bodyId);
  }

  /** Bodies of any plan whose name contains the text (demo seeding). */
  bodiesNamed(text: string): Promise<ReportingBody[]> {
    return this.plans.bodiesNamed(text);
  }

  async findBody(planId: number, bodyId: number): Promise<ReportingBody & { members: BodyMember[] }> {
    const body = await this.plans.findBody(planId, bodyId);
    if (!body) throw new NotFoundException();
    return { ...body, members: (await this.plans.membersOf([body.id])).get(body.id) ?? [] };
  }

  private async checkPlan(dto: PlanDto, id?: number): Promise<PlanFields> {
    const errors: FieldErrors = {};
    if (!isYearStart(dto.startDate)) errors.startDate = { key: 'indicators.plan.startJanuary' };
    if (dto.endDate <= dto.startDate) errors.endDate = { key: 'validation.dateOrder' };
    if (!(await this.units.findById(dto.unitId))) errors.unitId = { key: 'org.unit.notFound' };
    const sameCode = await this.plans.findByCode(dto.code);
    if (sameCode && sameCode.id !== id) errors.code = { key: 'indicators.plan.codeTaken' };
    if (Object.keys(errors).length > 0) throw new FormError(errors);
    return {
      code: dto.code,
      title: dto.title,
      issuingBody: dto.issuingBody,
      decisionRef: dto.decisionRef ?? null,
      unitId: dto.unitId,
      startDate: dto.startDate,
      endDate: dto.endDate,
    };
  }

  private checkMilestone(plan: Plan, dto: MilestoneDto): void {
    if (!isIsoDate(dto.reviewDate) || Number(dto.reviewDate.slice(0, 4)) !== dto.year)
      throw FormError.field('reviewDate', 'indicators.milestone.reviewYear', { year: dto.year });
    if (dto.reviewDate < plan.startDate || dto.reviewDate > plan.endDate)
      throw FormError.field('reviewDate', 'indicators.milestone.outsidePlan');
  }

  private milestoneFields(dto: MilestoneDto) {
    return { year: dto.year, kind: dto.kind, label: dto.label, reviewDate: dto.reviewDate };
  }

  private async moveTargets(manager: Transaction, planId: number, from: number, to: number): Promise<void> {
    const indicators = await this.plans.indicatorsOf(planId, manager);
    const targets = (await this.plans.targetsOf(planId)).filter((t) => t.milestoneYear === from);
    await this.plans.deleteTargetsOfYear(manager, planId, from);
    for (const t of targets) {
      if (indicators.some((i) => i.id === t.planIndicatorId))
        await this.plans.setTarget(manager, t.planIndicatorId, to, t.targetPercent);
    }
  }

  private async checkBody(
    dto: ReportingBodyDto,
    position = 0,
    planId?: number,
    bodyId?: number,
  ): Promise<{ fields: BodyFields; memberIds: number[] }> {
    const errors: FieldErrors = {};
    if (dto.kind === ReportingBodyKind.Unit && !dto.unitId)
      errors.unitId = { key: 'indicators.body.unitRequired' };
    if (dto.unitId && !(await this.units.findById(dto.unitId))) errors.unitId = { key: 'org.unit.notFound' };
    if (dto.validFrom && dto.validTo && dto.validTo < dto.validFrom)
      errors.validTo = { key: 'validation.dateOrder' };
    if (dto.successorId) {
      const successor = planId ? await this.plans.findBody(planId, dto.successorId) : null;
      if (!successor || successor.id === bodyId)
        errors.successorId = { key: 'indicators.body.successorNotFound' };
      else if (!dto.validTo) errors.validTo = { key: 'indicators.body.successorNeedsEnd' };
    }
    if (dto.branchId && !(await this.branches.findById(dto.branchId)))
      errors.branchId = { key: 'indicators.body.branchNotFound' };
    const names = [...new Set(dto.members ?? [])];
    const users = await this.plans.usersByNames(names);
    const unknown = names.filter((n) => !users.has(n));
    if (unknown.length > 0)
      errors.members = { key: 'indicators.body.unknownUsers', params: { names: unknown.join(', ') } };
    if (Object.keys(errors).length > 0) throw new FormError(errors);
    return {
      fields: {
        kind: dto.kind,
        name: dto.name,
        unitId: dto.unitId ?? null,
        branchId: dto.branchId ?? null,
        dueMonthDay: dto.dueMonthDay,
        position: dto.position ?? position,
        validFrom: dto.validFrom ?? null,
        validTo: dto.validTo ?? null,
        successorId: dto.successorId ?? null,
      },
      memberIds: [...users.values()],
    };
  }
}
