import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, Repository, SelectQueryBuilder } from 'typeorm';
import { isUniqueViolation } from '../../database/unit-of-work';
import { EnterpriseScope, whereEnterpriseInScope } from '../../organisations/enterprise-scope';
import { ContestEntry } from './entities/contest-entry.entity';
import { ContestQuestion } from './entities/contest-question.entity';
import { ContestRegistration } from './entities/contest-registration.entity';
import { ContestRound } from './entities/contest-round.entity';
import { ContestUnit } from './entities/contest-unit.entity';
import { Contest } from './entities/contest.entity';

/**
 * Which contests a reader sees: every province-wide contest, those of the enterprises in their
 * scope (all of them for the federation), and the contests aimed at communes that the service
 * found open to them (`targeted`: the territory needs the administrative tree, which is not ours).
 */
export interface ContestAudience extends EnterpriseScope {
  targeted: number[];
}

/** A contest with its counts, for lists and the annual report. */
export interface ContestRow {
  contest: Contest;
  registrations: number;
  participants: number;
  prizes: number;
}

export type NewContest = Pick<
  Contest,
  'kind' | 'title' | 'description' | 'year' | 'enterpriseId' | 'hours' | 'createdBy'
>;
export type NewRound = Pick<
  ContestRound,
  'contestId' | 'name' | 'opensAt' | 'closesAt' | 'timeLimitMinutes' | 'questionCount'
>;
export type NewQuestion = Pick<ContestQuestion, 'contestId' | 'prompt' | 'options' | 'correct'>;

/** Contests, their rounds, question banks, registrations and entries. */
@Injectable()
export class ContestsRepository {
  constructor(
    @InjectRepository(Contest) private readonly contests: Repository<Contest>,
    @InjectRepository(ContestRound) private readonly rounds: Repository<ContestRound>,
    @InjectRepository(ContestQuestion) private readonly questions: Repository<ContestQuestion>,
    @InjectRepository(ContestRegistration) private readonly registrations: Repository<ContestRegistration>,
    @InjectRepository(ContestEntry) private readonly entries: Repository<ContestEntry>,
    @InjectRepository(ContestUnit) private readonly units: Repository<ContestUnit>,
  ) {}

  /** A contest with the communes it is aimed at (none: province-wide or one enterprise's). */
  async insertContest(manager: EntityManager, row: NewContest, unitIds: number[] = []): Promise<Contest> {
    const contest = await manager.getRepository(Contest).save(manager.create(Contest, row));
    if (unitIds.length > 0)
      await manager
        .getRepository(ContestUnit)
        .insert(unitIds.map((unitId) => ({ contestId: contest.id, unitId })));
    return contest;
  }

  /** The communes each contest is aimed at, for the given contests (an empty list for the others). */
  async unitsOf(contestIds: number[]): Promise<Map<number, number[]>> {
    const result = new Map<number, number[]>(contestIds.map((id) => [id, []]));
    if (contestIds.length === 0) return result;
    const rows = await this.units.find({ where: { contestId: In(contestIds) }, order: { id: 'ASC' } });
    for (const r of rows) result.get(r.contestId)?.push(r.unitId);
    return result;
  }

  /** Every contest aimed at communes (of a year, when given) with its communes. They are few: the federation's. */
  async targeted(year?: number): Promise<Map<number, number[]>> {
    const query = this.units
      .createQueryBuilder('u')
      .select(['u.contestId', 'u.unitId'])
      .orderBy('u.id', 'ASC');
    if (year) query.where('u.contest_id IN (SELECT y.id FROM contests y WHERE y.year = :year)', { year });
    const result = new Map<number, number[]>();
    for (const r of await query.getMany())
      result.set(r.contestId, [...(result.get(r.contestId) ?? []), r.unitId]);
    return result;
  }

  findContest(id: number): Promise<Contest | null> {
    return this.contests.findOne({ where: { id } });
  }

  /** Contests the audience sees, latest year first, with their counts. */
  async page(
    audience: ContestAudience,
    year: number | undefined,
    skip: number,
    take: number,
  ): Promise<[ContestRow[], number]> {
    const query = this.visible(audience);
    if (year) query.andWhere('c.year = :year', { year });
    const total = await query.clone().getCount();
    const contests = await query
      .orderBy('c.year', 'DESC')
      .addOrderBy('c.id', 'DESC')
      .skip(skip)
      .take(take)
      .getMany();
    return [await this.withCounts(contests), total];
  }

  /**
   * Contests of a year for the annual report: all of them; or, for a territory (`scope`), those of
   * its enterprises and the `targeted` ones aimed at communes it overlaps, counting only the
   * registrations and entries of its enterprises.
   */
  async ofYear(year: number, scope: EnterpriseScope | null, targeted: number[] = []): Promise<ContestRow[]> {
    const query = this.contests.createQueryBuilder('c').where('c.year = :year', { year });
    if (scope) {
      const own = whereEnterpriseInScope(
        this.contests.createQueryBuilder('s').select('s.id').where('s.enterprise_id IS NOT NULL'),
        's.enterprise_id',
        scope,
      );
      const aimed = targeted.length > 0 ? ' OR c.id IN (:...reportTargeted)' : '';
      query
        .andWhere(`(c.id IN (${own.getQuery()})${aimed})`)
        .setParameters({ ...own.getParameters(), reportTargeted: targeted });
    }
    return this.withCounts(await query.orderBy('c.id', 'ASC').getMany(), scope ?? undefined);
  }

  private visible(audience: ContestAudience): SelectQueryBuilder<Contest> {
    const query = this.contests.createQueryBuilder('c');
    if (audience.all) return query;
    const inScope = whereEnterpriseInScope(
      this.contests.createQueryBuilder('s').select('s.id'),
      's.enterprise_id',
      audience,
    );
    const provinceWide =
      'c.enterprise_id IS NULL AND NOT EXISTS (SELECT 1 FROM contest_units cu WHERE cu.contest_id = c.id)';
    const targeted = audience.targeted.length > 0 ? ' OR c.id IN (:...audienceTargeted)' : '';
    return query
      .where(`((${provinceWide}) OR c.id IN (${inScope.getQuery()})${targeted})`)
      .setParameters({ ...inScope.getParameters(), audienceTargeted: audience.targeted });
  }

  /** True when the audience sees the contest. */
  async isVisible(id: number, audience: ContestAudience): Promise<boolean> {
    return (await this.visible(audience).andWhere('c.id = :id', { id }).getCount()) > 0;
  }

  /** The contests with their counts: all of them, or those of the enterprises in `scope`. */
  private async withCounts(contests: Contest[], scope?: EnterpriseScope): Promise<ContestRow[]> {
    if (contests.length === 0) return [];
    const ids = contests.map((c) => c.id);
    const regQuery = this.registrations
      .createQueryBuilder('r')
      .select('r.contest_id', 'contestId')
      .addSelect('COUNT(*)', 'n')
      .where('r.contest_id IN (:...ids)', { ids });
    const regs = await (scope ? whereEnterpriseInScope(regQuery, 'r.enterprise_id', scope) : regQuery)
      .groupBy('r.contest_id')
      .getRawMany<{ contestId: number; n: number }>();
    const partQuery = this.entries
      .createQueryBuilder('e')
      .select('e.contest_id', 'contestId')
      .addSelect('COUNT(DISTINCT e.worker_id)', 'n')
      .addSelect('SUM(CASE WHEN e.prize IS NOT NULL THEN 1 ELSE 0 END)', 'prizes')
      .where('e.contest_id IN (:...ids)', { ids })
      .andWhere('e.score IS NOT NULL');
    const parts = await (scope ? whereEnterpriseInScope(partQuery, 'e.enterprise_id', scope) : partQuery)
      .groupBy('e.contest_id')
      .getRawMany<{ contestId: number; n: number; prizes: number }>();
    const regOf = new Map(regs.map((r) => [Number(r.contestId), Number(r.n)]));
    const partOf = new Map(parts.map((p) => [Number(p.contestId), p]));
    return contests.map((contest) => ({
      contest,
      registrations: regOf.get(contest.id) ?? 0,
      participants: Number(partOf.get(contest.id)?.n ?? 0),
      prizes: Number(partOf.get(contest.id)?.prizes ?? 0),
    }));
  }

  // --- rounds and questions ---------------------------------------------------------------------

  roundsOf(contestId: number): Promise<ContestRound[]> {
    return this.rounds.find({ where: { contestId }, order: { opensAt: 'ASC', id: 'ASC' } });
  }

  findRound(contestId: number, roundId: number): Promise<ContestRound | null> {
    return this.rounds.findOne({ where: { id: roundId, contestId } });
  }

  insertRound(row: NewRound): Promise<ContestRound> {
    return this.rounds.save(this.rounds.create(row));
  }

  questionsOf(contestId: number): Promise<ContestQuestion[]> {
    return this.questions.find({ where: { contestId }, order: { id: 'ASC' } });
  }

  async questionsByIds(contestId: number, ids: number[]): Promise<ContestQuestion[]> {
    if (ids.length === 0) return [];
    return this.questions.find({ where: { contestId, id: In(ids) } });
  }

  insertQuestion(row: NewQuestion): Promise<ContestQuestion> {
    return this.questions.save(this.questions.create(row));
  }

  // --- registrations ----------------------------------------------------------------------------

  findRegistration(
    contestId: number,
    workerId: number,
    manager?: EntityManager,
  ): Promise<ContestRegistration | null> {
    return (manager?.getRepository(ContestRegistration) ?? this.registrations).findOne({
      where: { contestId, workerId },
    });
  }

  /** Registers the workers not registered yet; returns those it registered. */
  async register(
    manager: EntityManager,
    contestId: number,
    workerIds: number[],
    enterpriseId: number | null,
    registeredBy: number,
  ): Promise<number[]> {
    const repo = manager.getRepository(ContestRegistration);
    const existing = workerIds.length
      ? await repo.find({ select: { workerId: true }, where: { contestId, workerId: In(workerIds) } })
      : [];
    const have = new Set(existing.map((r) => r.workerId));
    const fresh = [...new Set(workerIds)].filter((id) => !have.has(id));
    for (const workerId of fresh) {
      try {
        await repo.insert({ contestId, workerId, enterpriseId, registeredBy });
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
      }
    }
    return fresh;
  }

  /** Registrations, those of the enterprises in scope only unless the scope is everything. */
  registrationsOf(contestId: number, scope: EnterpriseScope): Promise<ContestRegistration[]> {
    const query = this.registrations
      .createQueryBuilder('r')
      .where('r.contest_id = :contestId', { contestId })
      .orderBy('r.id', 'ASC');
    return whereEnterpriseInScope(query, 'r.enterprise_id', scope).getMany();
  }

  // --- entries ----------------------------------------------------------------------------------

  findEntry(roundId: number, workerId: number, manager?: EntityManager): Promise<ContestEntry | null> {
    return (manager?.getRepository(ContestEntry) ?? this.entries).findOne({ where: { roundId, workerId } });
  }

  entriesOfWorker(contestId: number, workerId: number): Promise<ContestEntry[]> {
    return this.entries.find({ where: { contestId, workerId }, order: { roundId: 'ASC' } });
  }

  /** Inserts an entry; false when the worker already has one in the round (a double start). */
  async insertEntry(manager: EntityManager, row: Partial<ContestEntry>): Promise<boolean> {
    try {
      await manager.getRepository(ContestEntry).insert({ late: false, ...row });
      return true;
    } catch (error) {
      if (isUniqueViolation(error)) return false;
      throw error;
    }
  }

  /**
   * Closes an attempt not submitted yet with its marking; false when it was submitted before (a
   * second submit, or two at once: only one changes the row).
   */
  async closeAttempt(
    manager: EntityManager,
    id: number,
    fields: Pick<ContestEntry, 'submittedAt' | 'answers' | 'score' | 'maxScore' | 'durationSeconds' | 'late'>,
  ): Promise<boolean> {
    const result = await manager
      .createQueryBuilder()
      .update(ContestEntry)
      .set(fields)
      .where('id = :id AND submitted_at IS NULL', { id })
      .execute();
    return (result.affected ?? 0) > 0;
  }

  async updateResult(
    manager: EntityManager,
    id: number,
    fields: Pick<ContestEntry, 'score' | 'rank' | 'prize' | 'recordedBy' | 'submittedAt'>,
  ): Promise<void> {
    await manager.getRepository(ContestEntry).update({ id }, fields);
  }

  /** A round's entries with a result (submitted in time, or recorded), of the enterprises in scope. */
  scoredEntries(roundId: number, scope: EnterpriseScope): Promise<ContestEntry[]> {
    const query = this.entries
      .createQueryBuilder('e')
      .where('e.round_id = :roundId AND e.score IS NOT NULL', { roundId });
    return whereEnterpriseInScope(query, 'e.enterprise_id', scope).getMany();
  }

  /** Every scored entry of a round, for a worker's own position among all. */
  allScoredEntries(roundId: number): Promise<ContestEntry[]> {
    return this.entries
      .createQueryBuilder('e')
      .where('e.round_id = :roundId AND e.score IS NOT NULL', { roundId })
      .getMany();
  }
}
