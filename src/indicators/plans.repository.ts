import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, LessThanOrEqual, Like, MoreThanOrEqual, Repository } from 'typeorm';
import { User } from '../users/entities/user.entity';
import { IndicatorSnapshot } from './entities/snapshot.entity';
import { Plan, PlanIndicator, PlanMilestone, PlanTarget } from './entities/plan.entity';
import { ReportingBody, ReportingBodyMember } from './entities/reporting-body.entity';
import { ReportHistory } from './report-history';

export type PlanFields = Pick<
  Plan,
  'code' | 'title' | 'issuingBody' | 'decisionRef' | 'unitId' | 'startDate' | 'endDate'
>;
export type MilestoneFields = Pick<PlanMilestone, 'year' | 'kind' | 'label' | 'reviewDate'>;
export type BodyFields = Pick<
  ReportingBody,
  | 'kind'
  | 'name'
  | 'unitId'
  | 'branchId'
  | 'dueMonthDay'
  | 'position'
  | 'validFrom'
  | 'validTo'
  | 'successorId'
>;

/** A member of a reporting body, as shown. */
export interface BodyMember {
  userId: number;
  username: string;
  displayName: string;
}

@Injectable()
export class PlansRepository {
  constructor(
    @InjectRepository(Plan) private readonly plans: Repository<Plan>,
    @InjectRepository(PlanIndicator) private readonly indicators: Repository<PlanIndicator>,
    @InjectRepository(PlanTarget) private readonly targets: Repository<PlanTarget>,
    @InjectRepository(PlanMilestone) private readonly milestones: Repository<PlanMilestone>,
    @InjectRepository(ReportingBody) private readonly bodies: Repository<ReportingBody>,
    @InjectRepository(ReportingBodyMember) private readonly members: Repository<ReportingBodyMember>,
    private readonly reports: ReportHistory,
  ) {}

  list(): Promise<Plan[]> {
    return this.plans.find({ order: { startDate: 'DESC', id: 'ASC' } });
  }

  findById(id: number, manager: EntityManager = this.plans.manager): Promise<Plan | null> {
    return manager.getRepository(Plan).findOne({ where: { id } });
  }

  findByCode(code: string): Promise<Plan | null> {
    return this.plans.findOne({ where: { code } });
  }

  /** Plans whose period contains the date. */
  activeOn(date: string): Promise<Plan[]> {
    return this.plans.find({
      where: { startDate: LessThanOrEqual(date), endDate: MoreThanOrEqual(date) },
      order: { id: 'ASC' },
    });
  }

  async insertPlan(manager: EntityManager, fields: PlanFields): Promise<Plan> {
    return manager.getRepository(Plan).save(manager.getRepository(Plan).create(fields));
  }

  async updatePlan(manager: EntityManager, id: number, fields: PlanFields): Promise<void> {
    await manager.getRepository(Plan).update({ id }, fields);
  }

  async deletePlan(id: number): Promise<void> {
    await this.plans.delete({ id });
  }

  /** Roll-ups or annual reports made under the plan: history that must not vanish with it. */
  async hasHistory(planId: number): Promise<boolean> {
    if (await this.plans.manager.getRepository(IndicatorSnapshot).exists({ where: { planId } })) return true;
    return this.reports.planHasReports(planId);
  }

  indicatorsOf(planId: number, manager: EntityManager = this.plans.manager): Promise<PlanIndicator[]> {
    return manager
      .getRepository(PlanIndicator)
      .find({ where: { planId }, order: { sortOrder: 'ASC', id: 'ASC' } });
  }

  async insertIndicators(manager: EntityManager, rows: Omit<PlanIndicator, 'id'>[]): Promise<void> {
    if (rows.length > 0) await manager.getRepository(PlanIndicator).insert(rows);
  }

  async updateIndicator(
    manager: EntityManager,
    id: number,
    fields: Pick<PlanIndicator, 'label' | 'countingWindow'>,
  ): Promise<void> {
    await manager.getRepository(PlanIndicator).update({ id }, fields);
  }

  async targetsOf(planId: number): Promise<PlanTarget[]> {
    const indicators = await this.indicatorsOf(planId);
    if (indicators.length === 0) return [];
    return this.targets.find({
      where: { planIndicatorId: In(indicators.map((i) => i.id)) },
      order: { milestoneYear: 'ASC' },
    });
  }

  /** Sets (or, with null, removes) the target of one indicator for one milestone year. */
  async setTarget(
    manager: EntityManager,
    planIndicatorId: number,
    year: number,
    percent: number | null,
  ): Promise<void> {
    const repo = manager.getRepository(PlanTarget);
    const existing = await repo.findOne({ where: { planIndicatorId, milestoneYear: year } });
    if (percent === null) {
      if (existing) await repo.delete({ id: existing.id });
    } else if (existing) {
      await repo.update({ id: existing.id }, { targetPercent: percent });
    } else {
      await repo.insert({ planIndicatorId, milestoneYear: year, targetPercent: percent });
    }
  }

  /** Targets of a milestone year go with it. */
  async deleteTargetsOfYear(manager: EntityManager, planId: number, year: number): Promise<void> {
    const indicators = await this.indicatorsOf(planId, manager);
    if (indicators.length === 0) return;
    await manager
      .getRepository(PlanTarget)
      .delete({ planIndicatorId: In(indicators.map((i) => i.id)), milestoneYear: year });
  }

  milestonesOf(planId: number, manager: EntityManager = this.plans.manager): Promise<PlanMilestone[]> {
    return manager.getRepository(PlanMilestone).find({ where: { planId }, order: { year: 'ASC' } });
  }

  findMilestone(
    planId: number,
    id: number,
    manager: EntityManager = this.plans.manager,
  ): Promise<PlanMilestone | null> {
    return manager.getRepository(PlanMilestone).findOne({ where: { planId, id } });
  }

  async insertMilestone(
    manager: EntityManager,
    planId: number,
    fields: MilestoneFields,
  ): Promise<PlanMilestone> {
    const repo = manager.getRepository(PlanMilestone);
    return repo.save(repo.create({ planId, ...fields }));
  }

  async updateMilestone(manager: EntityManager, id: number, fields: MilestoneFields): Promise<void> {
    await manager.getRepository(PlanMilestone).update({ id }, fields);
  }

  async deleteMilestone(manager: EntityManager, id: number): Promise<void> {
    await manager.getRepository(PlanMilestone).delete({ id });
  }

  bodiesOf(planId: number): Promise<ReportingBody[]> {
    return this.bodies.find({ where: { planId }, order: { position: 'ASC', id: 'ASC' } });
  }

  /** Bodies of any plan whose name contains the text (demo seeding). */
  bodiesNamed(text: string): Promise<ReportingBody[]> {
    return this.bodies.find({ where: { name: Like(`%${text}%`) } });
  }

  findBody(planId: number, id: number): Promise<ReportingBody | null> {
    return this.bodies.findOne({ where: { planId, id } });
  }

  async insertBody(manager: EntityManager, planId: number, fields: BodyFields): Promise<ReportingBody> {
    const repo = manager.getRepository(ReportingBody);
    return repo.save(repo.create({ planId, ...fields }));
  }

  async updateBody(manager: EntityManager, id: number, fields: BodyFields): Promise<void> {
    await manager.getRepository(ReportingBody).update({ id }, fields);
  }

  async deleteBody(id: number): Promise<void> {
    await this.bodies.delete({ id });
  }

  /** The members of some bodies, by body id. */
  async membersOf(bodyIds: number[]): Promise<Map<number, BodyMember[]>> {
    const byBody = new Map<number, BodyMember[]>();
    if (bodyIds.length === 0) return byBody;
    const rows: {
      body_id: number | string;
      user_id: number | string;
      username: string;
      display_name: string;
    }[] = await this.members.manager
      .createQueryBuilder()
      .select([
        'm.body_id AS body_id',
        'm.user_id AS user_id',
        'u.username AS username',
        'u.display_name AS display_name',
      ])
      .from(ReportingBodyMember, 'm')
      .innerJoin(User, 'u', 'u.id = m.user_id')
      .where('m.body_id IN (:...bodyIds)', { bodyIds })
      .orderBy('u.username', 'ASC')
      .getRawMany();
    for (const row of rows) {
      const list = byBody.get(Number(row.body_id)) ?? [];
      list.push({ userId: Number(row.user_id), username: row.username, displayName: row.display_name });
      byBody.set(Number(row.body_id), list);
    }
    return byBody;
  }

  /** Replaces a body's members. */
  async setMembers(manager: EntityManager, bodyId: number, userIds: number[]): Promise<void> {
    const repo = manager.getRepository(ReportingBodyMember);
    await repo.delete({ bodyId });
    const unique = [...new Set(userIds)];
    if (unique.length > 0) await repo.insert(unique.map((userId) => ({ bodyId, userId })));
  }

  /** Users by user name; names not found are left out. */
  async usersByNames(usernames: string[]): Promise<Map<string, number>> {
    if (usernames.length === 0) return new Map();
    const users = await this.plans.manager
      .getRepository(User)
      .find({ where: { username: In(usernames) }, select: { id: true, username: true } });
    return new Map(users.map((u) => [u.username, u.id]));
  }

  async existingUserIds(ids: number[]): Promise<Set<number>> {
    if (ids.length === 0) return new Set();
    const users = await this.plans.manager
      .getRepository(User)
      .find({ where: { id: In(ids) }, select: { id: true } });
    return new Set(users.map((u) => u.id));
  }
}
