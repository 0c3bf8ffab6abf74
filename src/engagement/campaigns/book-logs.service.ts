import { ForbiddenException, Injectable } from '@nestjs/common';
import { Actor } from '../../common/access/actor';
import { OutOfScopeException } from '../../common/access/out-of-scope';
import { Role } from '../../common/access/roles';
import { FormError } from '../../common/errors/form-error';
import { Page, pageOf, pageWindow } from '../../common/http/pagination';
import { todayInVietnam } from '../../common/time/vietnam-time';
import { Transaction, UnitOfWork } from '../../database/unit-of-work';
import { RecordSource } from '../../learning-records/entities/learning-record.entity';
import { DomainCode } from '../../learning-records/learning-domains';
import { NoticesService } from '../../notices/notices.service';
import { LearningRecordsService } from '../../learning-records/learning-records.service';
import { EnterpriseScope, EnterpriseScopeService } from '../../organisations/enterprise-scope';
import { EnterprisesService } from '../../organisations/enterprises.service';
import { WorkersService } from '../../workers/workers.service';
import { Workforce } from '../../workers/workforce';
import { BOOK_LOG_DECIDERS } from './campaigns.access';
import { BookLogsRepository } from './book-logs.repository';
import { CampaignsService } from './campaigns.service';
import {
  BookLogDto,
  BookLogQuery,
  ConfirmBookLogDto,
  DEFAULT_BOOK_HOURS,
  RejectBookLogDto,
} from './dto/book-log.dto';
import { BookLog, BookLogStatus } from './entities/book-log.entity';

/** The origin of a confirmed book log's learning record. */
export function bookRef(id: number): string {
  return `book:${id}`;
}

/** A book log as the officer's list, its files and the API show it. */
export interface BookLogRow {
  id: number;
  workerId: number;
  workerName: string;
  employeeCode: string | null;
  enterpriseId: number;
  title: string;
  author: string;
  readOn: string;
  reflection: string;
  status: BookLogStatus;
  hours: number | null;
  reason: string | null;
  campaignId: number | null;
}

/**
 * Books workers read. A worker logs one (not read in the future) at the enterprise they work at
 * today; a union officer of that enterprise confirms it — which makes one LIFE_SKILLS learning
 * record in the same transaction — or rejects it with a reason, which moves nothing. A log is decided
 * once; nobody decides their own; an officer of another enterprise gets 404.
 */
@Injectable()
export class BookLogsService {
  constructor(
    private readonly logs: BookLogsRepository,
    private readonly campaigns: CampaignsService,
    private readonly scopes: EnterpriseScopeService,
    private readonly enterprises: EnterprisesService,
    private readonly workers: WorkersService,
    private readonly workforce: Workforce,
    private readonly learningRecords: LearningRecordsService,
    private readonly notices: NoticesService,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  /** The worker logs a book they read. */
  async log(actor: Actor, dto: BookLogDto, today = todayInVietnam()): Promise<BookLog> {
    const workerId = ownWorker(actor);
    if (dto.readOn > today) throw FormError.field('readOn', 'campaigns.book.error.future');
    const employers = (await this.workers.currentEnterpriseIds(workerId, today)).sort((a, b) => a - b);
    if (employers.length === 0) throw FormError.field('title', 'campaigns.book.error.noEmployer');
    let campaignId: number | null = null;
    if (dto.campaignId) {
      const reading = await this.campaigns.readingFor(actor, dto.readOn);
      if (!reading.some((c) => c.id === dto.campaignId))
        throw FormError.field('campaignId', 'campaigns.book.error.campaign');
      campaignId = dto.campaignId;
    }
    return this.logs.insert({
      workerId,
      enterpriseId: employers[0],
      campaignId,
      title: dto.title,
      author: dto.author,
      readOn: dto.readOn,
      reflection: dto.reflection,
    });
  }

  /** The worker's own logs, newest first. */
  mine(actor: Actor): Promise<BookLog[]> {
    return this.logs.ofWorker(ownWorker(actor));
  }

  /** Logs of the officer's enterprise(s), pending first. */
  async list(actor: Actor, query: BookLogQuery): Promise<Page<BookLogRow>> {
    const { page, size, skip } = pageWindow(query);
    const [rows, total] = await this.logs.page(await this.scope(actor), query.status, skip, size);
    return pageOf(await this.rows(rows), total, page, size);
  }

  /** Every row of the same list, for the files. */
  async *export(actor: Actor, query: BookLogQuery): AsyncGenerator<BookLogRow> {
    const batch: BookLog[] = [];
    for await (const log of this.logs.iterate(await this.scope(actor), query.status)) {
      batch.push(log);
      if (batch.length === 500) yield* await this.rows(batch.splice(0));
    }
    yield* await this.rows(batch);
  }

  /** One log the officer may decide, or 404. */
  async get(actor: Actor, id: number): Promise<BookLogRow> {
    const log = await this.logs.findInScope(id, await this.scope(actor));
    if (!log) throw new OutOfScopeException();
    return (await this.rows([log]))[0];
  }

  async confirm(actor: Actor, id: number, dto: ConfirmBookLogDto, now = new Date()): Promise<BookLog> {
    const log = await this.forDecision(actor, id);
    const hours = dto.hours ?? DEFAULT_BOOK_HOURS;
    await this.unitOfWork.run(async (manager) => {
      const locked = await this.logs.lockedForDecision(manager, id);
      if (!locked || locked.status !== BookLogStatus.Pending)
        throw FormError.field('status', 'campaigns.book.error.decided');
      await this.logs.decide(manager, id, {
        status: BookLogStatus.Confirmed,
        hours,
        reason: null,
        decidedBy: actor.userId,
        decidedAt: now,
      });
      await this.learningRecords.recordWithin(manager, {
        workerId: log.workerId,
        occurredOn: log.readOn,
        hours,
        source: RecordSource.BookLog,
        sourceRef: bookRef(log.id),
        title: `Đọc sách: ${log.title}`.slice(0, 300),
        domains: [DomainCode.LifeSkills],
        enterpriseId: log.enterpriseId,
      });
      await this.tell(manager, log, 'campaigns.book.notice.confirmed', { title: log.title, hours });
    });
    await this.learningRecords.announce([log.workerId], log.readOn, now);
    return { ...log, status: BookLogStatus.Confirmed, hours, decidedBy: actor.userId, decidedAt: now };
  }

  async reject(actor: Actor, id: number, dto: RejectBookLogDto, now = new Date()): Promise<BookLog> {
    const log = await this.forDecision(actor, id);
    await this.unitOfWork.run(async (manager) => {
      const locked = await this.logs.lockedForDecision(manager, id);
      if (!locked || locked.status !== BookLogStatus.Pending)
        throw FormError.field('status', 'campaigns.book.error.decided');
      await this.logs.decide(manager, id, {
        status: BookLogStatus.Rejected,
        hours: null,
        reason: dto.reason,
        decidedBy: actor.userId,
        decidedAt: now,
      });
      await this.tell(manager, log, 'campaigns.book.notice.rejected', {
        title: log.title,
        reason: dto.reason,
      });
    });
    return {
      ...log,
      status: BookLogStatus.Rejected,
      reason: dto.reason,
      decidedBy: actor.userId,
      decidedAt: now,
    };
  }

  /** Confirmed logs read between two dates at enterprises in scope (the annual report). */
  countConfirmed(scope: EnterpriseScope, from: string, to: string): Promise<number> {
    return this.logs.countConfirmed(scope, from, to);
  }

  /** Tells the worker of the decision, in its transaction, when they have a login. */
  private async tell(
    manager: Transaction,
    log: BookLog,
    messageKey: string,
    params: Record<string, string | number>,
  ): Promise<void> {
    const userId = await this.workers.userIdOf(log.workerId, manager);
    if (userId === null) return;
    await this.notices.notify(manager, {
      userId,
      messageKey,
      params,
      link: '/books',
      dedupeKey: `book:${log.id}`,
    });
  }

  private async forDecision(actor: Actor, id: number): Promise<BookLog> {
    const log = await this.logs.findInScope(id, await this.scope(actor));
    if (!log) throw new OutOfScopeException();
    if (actor.workerId !== null && actor.workerId === log.workerId) throw new ForbiddenException();
    return log;
  }

  private scope(actor: Actor): Promise<EnterpriseScope> {
    return this.scopes.scopeOf(actor, ...BOOK_LOG_DECIDERS);
  }

  /** The logs with each worker's name and code at the log's enterprise. */
  private async rows(logs: BookLog[]): Promise<BookLogRow[]> {
    const byEnterprise = new Map<number, number[]>();
    for (const l of logs)
      byEnterprise.set(l.enterpriseId, [...(byEnterprise.get(l.enterpriseId) ?? []), l.workerId]);
    const members = new Map<string, { fullName: string; employeeCode: string | null }>();
    for (const [enterpriseId, workerIds] of byEnterprise) {
      const found = await this.workforce.membersAt(enterpriseId, workerIds);
      for (const [workerId, m] of found) members.set(`${enterpriseId}:${workerId}`, m);
    }
    const names = await this.workers.namesOf(logs.map((l) => l.workerId));
    return logs.map((l) => {
      const m = members.get(`${l.enterpriseId}:${l.workerId}`);
      return {
        id: l.id,
        workerId: l.workerId,
        workerName: m?.fullName ?? names.get(l.workerId) ?? '',
        employeeCode: m?.employeeCode ?? null,
        enterpriseId: l.enterpriseId,
        title: l.title,
        author: l.author,
        readOn: l.readOn,
        reflection: l.reflection,
        status: l.status,
        hours: l.hours,
        reason: l.reason,
        campaignId: l.campaignId,
      };
    });
  }
}

/** The worker behind a worker's login; anyone else has no books of their own. */
function ownWorker(actor: Actor): number {
  if (!actor.has(Role.Worker) || actor.workerId === null) throw new ForbiddenException();
  return actor.workerId;
}
