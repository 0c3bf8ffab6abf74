import { ForbiddenException, Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { Actor } from '../common/access/actor';
import { OutOfScopeException } from '../common/access/out-of-scope';
import { FormError } from '../common/errors/form-error';
import { Page, pageOf, pageWindow } from '../common/http/pagination';
import { foldVietnamese } from '../common/text/vietnamese';
import { UnitOfWork } from '../database/unit-of-work';
import { RecordSource } from '../learning-records/entities/learning-record.entity';
import { DomainCode } from '../learning-records/learning-domains';
import { LearningRecordsService } from '../learning-records/learning-records.service';
import { EnterpriseScope, EnterpriseScopeService, isEmptyScope } from '../organisations/enterprise-scope';
import { Enterprise } from '../organisations/entities/enterprise.entity';
import { ACTIVITY_READERS, ACTIVITY_WRITERS } from './activities.access';
import { CreateSessionDto, SessionDto, SessionListQuery } from './dto/session.dto';
import { LearningSession } from './entities/learning-session.entity';
import { DEFAULT_DOMAINS } from './session-kinds';
import { SessionFields, SessionFilter, SessionRow, SessionsRepository } from './sessions.repository';
import { parseVietnamDateTime, vietnamDateOf } from '../common/time/vietnam-time';

/** A session may last at most this long (a learning week, a contest over several days). */
export const MAX_SESSION_DAYS = 31;

/** The origin every attendance record of a session points back to. */
export function sessionRef(sessionId: number): string {
  return `session:${sessionId}`;
}

export function newCheckinToken(): string {
  return randomBytes(24).toString('base64url');
}

/**
 * In-person learning sessions, kept within the caller's scope: union officers record sessions of
 * their own enterprise(s); the federation admin reads all of them; anyone else gets 404. Editing a
 * session's date, hours, title or domains moves every attendance record with it, in one transaction.
 */
@Injectable()
export class SessionsService {
  constructor(
    private readonly sessions: SessionsRepository,
    private readonly scopes: EnterpriseScopeService,
    private readonly unitOfWork: UnitOfWork,
    private readonly learningRecords: LearningRecordsService,
  ) {}

  async list(actor: Actor, query: SessionListQuery): Promise<Page<SessionRow>> {
    const { page, size, skip } = pageWindow(query);
    const [items, total] = await this.sessions.page(filterOf(query), await this.readScope(actor), skip, size);
    return pageOf(items, total, page, size);
  }

  async *rows(actor: Actor, query: SessionListQuery): AsyncGenerator<SessionRow> {
    yield* this.sessions.iterate(filterOf(query), await this.readScope(actor));
  }

  /** A session the actor may see, or 404. */
  async get(actor: Actor, id: number): Promise<LearningSession> {
    const session = await this.sessions.findInScope(id, await this.readScope(actor));
    if (!session) throw new OutOfScopeException();
    return session;
  }

  /** A session the actor may change: 404 outside their scope, 403 for a reader (the federation admin). */
  async getForWrite(actor: Actor, id: number): Promise<LearningSession> {
    const session = await this.get(actor, id);
    if (!(await this.canWrite(actor, session))) throw new ForbiddenException();
    return session;
  }

  async canWrite(actor: Actor, session: { enterpriseId: number }): Promise<boolean> {
    return inScope(await this.writeScope(actor), session.enterpriseId);
  }

  /** Enterprises the actor may record sessions for. */
  async enterprises(actor: Actor): Promise<Enterprise[]> {
    return this.sessions.enterprisesInScope(await this.writeScope(actor));
  }

  async create(actor: Actor, dto: CreateSessionDto): Promise<LearningSession> {
    const enterprise = await this.targetEnterprise(actor, dto.enterpriseId);
    const { fields, domains } = fieldsOf(dto, enterprise.id);
    return this.unitOfWork.run((manager) =>
      this.sessions.insert(
        { ...fields, checkinToken: newCheckinToken(), createdBy: actor.userId },
        domains,
        manager,
      ),
    );
  }

  /**
   * Saves the session. When the date, hours, title or domains change, every attendee's learning
   * record changes with it and their summaries are rebuilt, in the same transaction.
   */
  async update(actor: Actor, id: number, dto: SessionDto): Promise<LearningSession> {
    const session = await this.getForWrite(actor, id);
    const { fields, domains } = fieldsOf(dto, session.enterpriseId);
    const attendees = await this.unitOfWork.run(async (manager) => {
      await this.sessions.update(id, fields, domains, manager);
      const workerIds = await this.sessions.attendeeIds(id, manager);
      await this.learningRecords.reviseWithin(manager, workerIds, RecordSource.Session, sessionRef(id), {
        occurredOn: vietnamDateOf(fields.startsAt),
        hours: fields.hours,
        title: fields.title,
        domains,
        enterpriseId: session.enterpriseId,
      });
      return workerIds;
    });
    // Moving a session across days moves the figures from the earlier of its two days.
    const before = vietnamDateOf(session.startsAt);
    const after = vietnamDateOf(fields.startsAt);
    await this.learningRecords.announce(attendees, before < after ? before : after);
    return (await this.sessions.findById(id))!;
  }

  /** A new QR code: the old check-in link stops working at once. */
  async regenerateToken(actor: Actor, id: number): Promise<void> {
    await this.getForWrite(actor, id);
    await this.sessions.setToken(id, newCheckinToken());
  }

  private async targetEnterprise(actor: Actor, enterpriseId: number | undefined): Promise<Enterprise> {
    const scope = await this.writeScope(actor);
    if (isEmptyScope(scope)) throw new ForbiddenException();
    if (enterpriseId === undefined) {
      // An officer of one enterprise need not choose it.
      if (!scope.all && scope.enterpriseIds.length === 1 && scope.unitPaths.length === 0)
        enterpriseId = scope.enterpriseIds[0];
      else throw FormError.field('enterpriseId', 'validation.required');
    }
    const [enterprise] = (await this.sessions.enterprisesInScope(scope, [enterpriseId])) ?? [];
    if (!enterprise) throw FormError.field('enterpriseId', 'roster.upload.enterpriseOutOfScope');
    return enterprise;
  }

  readScope(actor: Actor): Promise<EnterpriseScope> {
    return this.scopes.scopeOf(actor, ...ACTIVITY_READERS);
  }

  writeScope(actor: Actor): Promise<EnterpriseScope> {
    return this.scopes.scopeOf(actor, ...ACTIVITY_WRITERS);
  }
}

function inScope(scope: EnterpriseScope, enterpriseId: number): boolean {
  // Officers are scoped by enterprise; a unit-wide writer role does not exist.
  return scope.all || scope.enterpriseIds.includes(enterpriseId);
}

function filterOf(query: SessionListQuery): SessionFilter {
  const titleKey = query.q ? foldVietnamese(query.q) : '';
  return { kind: query.kind, year: query.year, titleKey: titleKey || undefined };
}

/** Checks what a form or an API call sent and turns it into the columns to store. */
export function fieldsOf(
  dto: SessionDto,
  enterpriseId: number,
): { fields: SessionFields; domains: DomainCode[] } {
  const startsAt = parseVietnamDateTime(dto.startsAt);
  const endsAt = parseVietnamDateTime(dto.endsAt);
  if (!startsAt) throw FormError.field('startsAt', 'validation.dateTime');
  if (!endsAt) throw FormError.field('endsAt', 'validation.dateTime');
  if (endsAt.getTime() <= startsAt.getTime())
    throw FormError.field('endsAt', 'activities.error.endBeforeStart');
  if (endsAt.getTime() - startsAt.getTime() > MAX_SESSION_DAYS * 86_400_000)
    throw FormError.field('endsAt', 'activities.error.tooLong', { days: MAX_SESSION_DAYS });
  const domains = [...new Set(dto.domains?.length ? dto.domains : DEFAULT_DOMAINS[dto.kind])].sort();
  if (domains.length === 0) throw FormError.field('domains', 'activities.error.domainsRequired');
  return {
    fields: {
      enterpriseId,
      kind: dto.kind,
      title: dto.title,
      searchKey: foldVietnamese(dto.title),
      description: dto.description ?? null,
      startsAt,
      endsAt,
      place: dto.place,
      organiser: dto.organiser,
      hours: dto.hours,
    },
    domains,
  };
}
