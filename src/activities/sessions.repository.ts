import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Brackets, EntityManager, In, Repository, SelectQueryBuilder } from 'typeorm';
import { likeContains } from '../common/text/vietnamese';
import { dateTime } from '../database/dialect';
import { LearningDomain } from '../learning-records/entities/learning-domain.entity';
import { DomainCode, isDomainCode } from '../learning-records/learning-domains';
import { EnterpriseScope, whereEnterpriseInScope } from '../organisations/enterprise-scope';
import { Enterprise } from '../organisations/entities/enterprise.entity';
import { AttendanceMethod, SessionAttendance } from './entities/session-attendance.entity';
import { LearningSession } from './entities/learning-session.entity';
import { SessionKind } from './session-kinds';
import { VIETNAM_OFFSET } from '../common/time/vietnam-time';

export interface SessionFilter {
  kind?: SessionKind;
  /** Calendar year (Vietnam time) the session starts in. */
  year?: number;
  /** Folded fragment of the title. */
  titleKey?: string;
}

/** One line of the sessions list. */
export interface SessionRow {
  id: number;
  enterpriseId: number;
  enterpriseName: string;
  kind: SessionKind;
  title: string;
  startsAt: Date;
  endsAt: Date;
  place: string;
  organiser: string;
  hours: number;
  domains: DomainCode[];
  attendees: number;
}

export type SessionFields = Pick<
  LearningSession,
  | 'enterpriseId'
  | 'kind'
  | 'title'
  | 'searchKey'
  | 'description'
  | 'startsAt'
  | 'endsAt'
  | 'place'
  | 'organiser'
  | 'hours'
>;

/** One attendance with the worker's name and their employee code at the session's enterprise. */
export interface AttendanceRow {
  workerId: number;
  fullName: string;
  employeeCode: string | null;
  method: AttendanceMethod;
  recordedAt: Date;
}

/** A worker of the roster, for picking who attended. */
export interface RosterCandidate {
  workerId: number;
  fullName: string;
  dateOfBirth: string;
  employeeCode: string | null;
  attended: boolean;
}

export type NewAttendance = Omit<SessionAttendance, 'id'>;

const BATCH = 500;

/** Every query of sessions, their domains and attendance. */
@Injectable()
export class SessionsRepository {
  constructor(
    @InjectRepository(LearningSession) private readonly sessions: Repository<LearningSession>,
    @InjectRepository(SessionAttendance) private readonly attendance: Repository<SessionAttendance>,
  ) {}

  findById(id: number, manager: EntityManager = this.sessions.manager): Promise<LearningSession | null> {
    return manager.getRepository(LearningSession).findOne({ where: { id }, relations: { domains: true } });
  }

  findByToken(checkinToken: string): Promise<LearningSession | null> {
    return this.sessions.findOne({ where: { checkinToken }, relations: { domains: true } });
  }

  async findInScope(id: number, scope: EnterpriseScope): Promise<LearningSession | null> {
    const query = this.sessions
      .createQueryBuilder('s')
      .leftJoinAndSelect('s.domains', 'd')
      .where('s.id = :id', { id });
    return whereEnterpriseInScope(query, 's.enterprise_id', scope).getOne();
  }

  async page(
    filter: SessionFilter,
    scope: EnterpriseScope,
    skip: number,
    take: number,
  ): Promise<[SessionRow[], number]> {
    const rows = await this.selectRows(this.filtered(filter, scope))
      .offset(skip)
      .limit(take)
      .getRawMany<Record<string, unknown>>();
    return [await this.withDomains(rows), await this.filtered(filter, scope).getCount()];
  }

  /** The same rows as the pages, latest first, a batch at a time (for exports). */
  async *iterate(filter: SessionFilter, scope: EnterpriseScope, batch = BATCH): AsyncGenerator<SessionRow> {
    let after: { startsAt: Date; id: number } | null = null;
    for (;;) {
      const query = this.selectRows(this.filtered(filter, scope));
      if (after) {
        const { startsAt, id } = after;
        query.andWhere(
          new Brackets((b) =>
            b
              .where('s.starts_at < :afterStart', { afterStart: startsAt })
              .orWhere('(s.starts_at = :afterStart AND s.id < :afterId)', {
                afterStart: startsAt,
                afterId: id,
              }),
          ),
        );
      }
      const rows = await this.withDomains(await query.limit(batch).getRawMany<Record<string, unknown>>());
      yield* rows;
      if (rows.length < batch) return;
      const last = rows[rows.length - 1];
      after = { startsAt: last.startsAt, id: last.id };
    }
  }

  private filtered(filter: SessionFilter, scope: EnterpriseScope): SelectQueryBuilder<LearningSession> {
    const query = this.sessions.createQueryBuilder('s');
    if (filter.kind) query.andWhere('s.kind = :kind', { kind: filter.kind });
    if (filter.year) {
      query.andWhere('s.starts_at >= :yearFrom AND s.starts_at < :yearTo', {
        yearFrom: new Date(`${filter.year}-01-01T00:00:00${VIETNAM_OFFSET}`),
        yearTo: new Date(`${filter.year + 1}-01-01T00:00:00${VIETNAM_OFFSET}`),
      });
    }
    if (filter.titleKey)
      query.andWhere("s.search_key LIKE :titleKey ESCAPE '!'", { titleKey: likeContains(filter.titleKey) });
    return whereEnterpriseInScope(query, 's.enterprise_id', scope);
  }

  private selectRows(query: SelectQueryBuilder<LearningSession>): SelectQueryBuilder<LearningSession> {
    return query
      .innerJoin(Enterprise, 'ent', 'ent.id = s.enterprise_id')
      .select([
        's.id AS id',
        's.enterprise_id AS enterpriseId',
        'ent.name AS enterpriseName',
        's.kind AS kind',
        's.title AS title',
        's.starts_at AS startsAt',
        's.ends_at AS endsAt',
        's.place AS place',
        's.organiser AS organiser',
        's.hours AS hours',
        '(SELECT COUNT(*) FROM session_attendance sa WHERE sa.session_id = s.id) AS attendees',
      ])
      .orderBy('s.starts_at', 'DESC')
      .addOrderBy('s.id', 'DESC');
  }

  private async withDomains(raw: Record<string, unknown>[]): Promise<SessionRow[]> {
    const domains = await this.domainsOf(raw.map((r) => Number(r.id)));
    return raw.map((r) => ({
      id: Number(r.id),
      enterpriseId: Number(r.enterpriseId),
      enterpriseName: String(r.enterpriseName),
      kind: r.kind as SessionKind,
      title: String(r.title),
      startsAt: dateTime(r.startsAt as Date | string),
      endsAt: dateTime(r.endsAt as Date | string),
      place: String(r.place),
      organiser: String(r.organiser),
      hours: Number(r.hours),
      domains: domains.get(Number(r.id)) ?? [],
      attendees: Number(r.attendees),
    }));
  }

  private async domainsOf(sessionIds: number[]): Promise<Map<number, DomainCode[]>> {
    const result = new Map<number, DomainCode[]>();
    if (sessionIds.length === 0) return result;
    const links = await this.sessions.manager
      .createQueryBuilder()
      .select(['sd.session_id AS sessionId', 'sd.domain_code AS code'])
      .from('session_domains', 'sd')
      .where('sd.session_id IN (:...sessionIds)', { sessionIds })
      .getRawMany<{ sessionId: number; code: string }>();
    for (const link of links) {
      if (!isDomainCode(link.code)) continue;
      result.set(Number(link.sessionId), [...(result.get(Number(link.sessionId)) ?? []), link.code].sort());
    }
    return result;
  }

  async insert(
    fields: SessionFields & { checkinToken: string; createdBy: number | null },
    domains: DomainCode[],
    manager: EntityManager,
  ): Promise<LearningSession> {
    const repo = manager.getRepository(LearningSession);
    const saved = await repo.save(
      repo.create({ ...fields, domains: domains.map((code) => ({ code }) as LearningDomain) }),
    );
    return (await this.findById(saved.id, manager))!;
  }

  async update(
    id: number,
    fields: SessionFields,
    domains: DomainCode[],
    manager: EntityManager,
  ): Promise<void> {
    await manager.getRepository(LearningSession).update({ id }, fields);
    await manager
      .createQueryBuilder()
      .delete()
      .from('session_domains')
      .where('session_id = :id', { id })
      .execute();
    await manager
      .createQueryBuilder()
      .insert()
      .into('session_domains')
      .values(domains.map((code) => ({ session_id: id, domain_code: code })))
      .execute();
  }

  /** Enterprises in scope by name (limited to some ids when given), for choosing where a session is held. */
  enterprisesInScope(scope: EnterpriseScope, ids?: number[], limit = 500): Promise<Enterprise[]> {
    const query = this.sessions.manager
      .getRepository(Enterprise)
      .createQueryBuilder('ent')
      .orderBy('ent.search_key', 'ASC')
      .limit(limit);
    if (ids) query.andWhere('ent.id IN (:...ids)', { ids: ids.length ? ids : [0] });
    return whereEnterpriseInScope(query, 'ent.id', scope).getMany();
  }

  async setToken(id: number, checkinToken: string): Promise<void> {
    await this.sessions.update({ id }, { checkinToken });
  }

  // --- attendance ----------------------------------------------------------------------------

  /** Every attendance of a session (who, how, when); names come from the workforce view. */
  attendanceOf(sessionId: number): Promise<SessionAttendance[]> {
    return this.attendance.find({ where: { sessionId }, order: { id: 'ASC' } });
  }

  /** Which of the workers are recorded at the session. */
  async attendedAmong(sessionId: number, workerIds: number[]): Promise<Set<number>> {
    if (workerIds.length === 0) return new Set();
    const rows = await this.attendance.find({
      select: ['workerId'],
      where: { sessionId, workerId: In(workerIds) },
    });
    return new Set(rows.map((r) => r.workerId));
  }

  findAttendance(
    sessionId: number,
    workerId: number,
    manager?: EntityManager,
  ): Promise<SessionAttendance | null> {
    return (manager ?? this.attendance.manager)
      .getRepository(SessionAttendance)
      .findOne({ where: { sessionId, workerId } });
  }

  /** Which of the workers are already recorded at the session. */
  async attendingAmong(sessionId: number, workerIds: number[], manager: EntityManager): Promise<Set<number>> {
    const found = new Set<number>();
    for (let i = 0; i < workerIds.length; i += BATCH) {
      const rows = await manager
        .getRepository(SessionAttendance)
        .find({ select: ['workerId'], where: { sessionId, workerId: In(workerIds.slice(i, i + BATCH)) } });
      rows.forEach((r) => found.add(r.workerId));
    }
    return found;
  }

  async attendeeIds(sessionId: number, manager: EntityManager): Promise<number[]> {
    const rows = await manager
      .getRepository(SessionAttendance)
      .find({ select: ['workerId'], where: { sessionId } });
    return rows.map((r) => r.workerId);
  }

  async insertAttendance(rows: NewAttendance[], manager: EntityManager): Promise<void> {
    for (let i = 0; i < rows.length; i += BATCH) {
      await manager
        .createQueryBuilder()
        .insert()
        .into(SessionAttendance)
        .values(rows.slice(i, i + BATCH))
        .updateEntity(false)
        .execute();
    }
  }

  async deleteAttendance(sessionId: number, workerId: number, manager: EntityManager): Promise<boolean> {
    const result = await manager.getRepository(SessionAttendance).delete({ sessionId, workerId });
    return (result.affected ?? 0) > 0;
  }
}
