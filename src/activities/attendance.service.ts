import { Injectable, NotFoundException } from '@nestjs/common';
import { Actor } from '../common/access/actor';
import { FormError } from '../common/errors/form-error';
import { MessageRef } from '../common/i18n/messages';
import { Page, pageOf } from '../common/http/pagination';
import { foldVietnamese } from '../common/text/vietnamese';
import { Transaction, TransactionConflict, UnitOfWork, isUniqueViolation } from '../database/unit-of-work';
import { RecordSource } from '../learning-records/entities/learning-record.entity';
import { LearningRecordsService } from '../learning-records/learning-records.service';
import { CheckinTiming, checkinTiming, checkinWindow } from './checkin-window';
import { AttendanceMethod } from './entities/session-attendance.entity';
import { LearningSession } from './entities/learning-session.entity';
import { sessionRef, SessionsService } from './sessions.service';
import { AttendanceRow, RosterCandidate, SessionsRepository } from './sessions.repository';
import { vietnamDateOf } from '../common/time/vietnam-time';
import { Workforce } from '../workers/workforce';

/** Refuses a check-in with a message the worker can act on; the check-in page shows it. */
export class CheckinRefused extends FormError {
  constructor(readonly reason: string) {
    const ref: MessageRef = { key: `activities.checkin.${reason}` };
    super({ checkin: ref }, ref);
  }
}

/** What the check-in page shows a worker who scanned the code. */
export interface CheckinView {
  session: LearningSession;
  timing: CheckinTiming;
  opensAt: Date;
  closesAt: Date;
  /** Why the worker cannot check in (not a worker login, not at the organising enterprise), if so. */
  refusal: string | null;
  /** When the worker was recorded as present, if they already are. */
  recordedAt: Date | null;
}

/**
 * Attendance at sessions. Every way in — ticking workers on the roster, an imported sheet, the QR
 * check-in, the API — ends in `recordWithin`: the attendance rows and their learning records are
 * written in one transaction, each at most once (unique session+worker, unique record origin).
 */
@Injectable()
export class AttendanceService {
  constructor(
    private readonly sessions: SessionsRepository,
    private readonly sessionsService: SessionsService,
    private readonly workforce: Workforce,
    private readonly learningRecords: LearningRecordsService,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  async page(actor: Actor, sessionId: number, page: number, size: number): Promise<Page<AttendanceRow>> {
    const session = await this.sessionsService.get(actor, sessionId);
    const all = await this.attendanceRows(session);
    return pageOf(all.slice((page - 1) * size, page * size), all.length, page, size);
  }

  async *rows(actor: Actor, sessionId: number): AsyncGenerator<AttendanceRow> {
    yield* await this.attendanceRows(await this.sessionsService.get(actor, sessionId));
  }

  /**
   * The session's attendance in name order, with each worker's name and code at the session's
   * enterprise (from the workforce view). A session's attendance is one enterprise's people at most.
   */
  private async attendanceRows(session: LearningSession): Promise<AttendanceRow[]> {
    const attendance = await this.sessions.attendanceOf(session.id);
    const members = await this.workforce.membersAt(
      session.enterpriseId,
      attendance.map((a) => a.workerId),
    );
    return attendance
      .map((a) => ({ a, m: members.get(a.workerId) }))
      .sort(
        (x, y) => (x.m?.searchKey ?? '').localeCompare(y.m?.searchKey ?? '') || x.a.workerId - y.a.workerId,
      )
      .map(({ a, m }) => ({
        workerId: a.workerId,
        fullName: m?.fullName ?? '',
        employeeCode: m?.employeeCode ?? null,
        method: a.method,
        recordedAt: a.recordedAt,
      }));
  }

  /** Workers employed at the session's enterprise on its day, to tick who came. */
  async roster(
    actor: Actor,
    sessionId: number,
    q: string | undefined,
    page: number,
    size: number,
  ): Promise<Page<RosterCandidate>> {
    const session = await this.sessionsService.getForWrite(actor, sessionId);
    const nameKey = q ? foldVietnamese(q) : undefined;
    const [members, total] = await this.workforce.page(
      session.enterpriseId,
      vietnamDateOf(session.startsAt),
      nameKey || undefined,
      (page - 1) * size,
      size,
    );
    const attended = await this.sessions.attendedAmong(
      session.id,
      members.map((m) => m.workerId),
    );
    const items: RosterCandidate[] = members.map((m) => ({
      workerId: m.workerId,
      fullName: m.fullName,
      dateOfBirth: m.dateOfBirth,
      employeeCode: m.employeeCode,
      attended: attended.has(m.workerId),
    }));
    return pageOf(items, total, page, size);
  }

  /**
   * Records the workers as present (officer's ticks or the API). Every one must be employed at the
   * session's enterprise on the session's day; those already recorded are left as they are.
   */
  async add(
    actor: Actor,
    sessionId: number,
    workerIds: number[],
    method: AttendanceMethod.Roster | AttendanceMethod.Api = AttendanceMethod.Roster,
    now = new Date(),
  ): Promise<{ added: number; already: number }> {
    const session = await this.sessionsService.getForWrite(actor, sessionId);
    assertStarted(session, now);
    const ids = [...new Set(workerIds)];
    const employed = await this.workforce.employedAmong(
      session.enterpriseId,
      vietnamDateOf(session.startsAt),
      ids,
    );
    const strangers = ids.filter((id) => !employed.has(id));
    if (strangers.length > 0)
      throw FormError.field('workerIds', 'activities.error.notOnRoster', {
        ids: strangers.slice(0, 10).join(', '),
      });
    const added = await this.unitOfWork.run((manager) =>
      this.recordWithin(manager, session, ids, method, actor.userId, now),
    );
    await this.learningRecords.announce(added, vietnamDateOf(session.startsAt));
    return { added: added.length, already: ids.length - added.length };
  }

  /** Strikes a worker off: the attendance and its learning record go, and the worker's summary is rebuilt. */
  async remove(actor: Actor, sessionId: number, workerId: number): Promise<void> {
    const session = await this.sessionsService.getForWrite(actor, sessionId);
    const removed = await this.unitOfWork.run(async (manager) => {
      if (!(await this.sessions.deleteAttendance(sessionId, workerId, manager))) return false;
      await this.learningRecords.removeWithin(manager, {
        workerId,
        source: RecordSource.Session,
        sourceRef: sessionRef(sessionId),
      });
      return true;
    });
    if (!removed) throw new NotFoundException();
    await this.learningRecords.announce([workerId], vietnamDateOf(session.startsAt));
  }

  /** What the check-in page of a QR code shows the signed-in person. */
  async checkinView(actor: Actor, token: string, now = new Date()): Promise<CheckinView> {
    const session = await this.sessionByToken(token);
    const { opensAt, closesAt } = checkinWindow(session);
    const attendance = actor.workerId ? await this.sessions.findAttendance(session.id, actor.workerId) : null;
    return {
      session,
      timing: checkinTiming(session, now),
      opensAt,
      closesAt,
      refusal: attendance ? null : await this.refusalFor(actor, session, now),
      recordedAt: attendance?.recordedAt ?? null,
    };
  }

  /**
   * The worker's own "Tôi có mặt": accepted only within the session's window and for a worker
   * employed at the organising enterprise today. Pressing it twice (or on two phones at once)
   * records one attendance. Returns whether this press recorded it.
   */
  async checkIn(
    actor: Actor,
    token: string,
    now = new Date(),
  ): Promise<{ session: LearningSession; recorded: boolean }> {
    const session = await this.sessionByToken(token);
    const timing = checkinTiming(session, now);
    if (timing !== 'open') throw new CheckinRefused(timing);
    const refusal = await this.refusalFor(actor, session, now);
    if (refusal) throw new CheckinRefused(refusal);
    const added = await this.unitOfWork.run((manager) =>
      this.recordWithin(manager, session, [actor.workerId!], AttendanceMethod.Qr, actor.userId, now),
    );
    await this.learningRecords.announce(added);
    return { session, recorded: added.length > 0 };
  }

  /**
   * Writes the attendance rows of the workers not yet recorded at the session, and one learning
   * record each, inside the caller's transaction. Returns the workers added; announce them after
   * commit. A concurrent writer of the same attendance makes the transaction start again.
   */
  async recordWithin(
    manager: Transaction,
    session: LearningSession,
    workerIds: number[],
    method: AttendanceMethod,
    recordedBy: number | null,
    now = new Date(),
  ): Promise<number[]> {
    const present = await this.sessions.attendingAmong(session.id, workerIds, manager);
    const fresh = [...new Set(workerIds)].filter((id) => !present.has(id));
    if (fresh.length === 0) return [];
    try {
      await this.sessions.insertAttendance(
        fresh.map((workerId) => ({ sessionId: session.id, workerId, method, recordedBy, recordedAt: now })),
        manager,
      );
    } catch (error) {
      if (isUniqueViolation(error)) throw new TransactionConflict('attendance recorded concurrently');
      throw error;
    }
    const occurredOn = vietnamDateOf(session.startsAt);
    const domains = session.domains.map((d) => d.code);
    for (const workerId of fresh) {
      await this.learningRecords.recordWithin(manager, {
        workerId,
        occurredOn,
        hours: session.hours,
        source: RecordSource.Session,
        sourceRef: sessionRef(session.id),
        title: session.title,
        domains,
        enterpriseId: session.enterpriseId,
      });
    }
    return fresh;
  }

  /**
   * Whether a check-in link leads to a session, for the sign-in page a signed-out person is sent
   * to. Nothing more: what the session is, when and where, is shown to signed-in people only.
   */
  async isCheckinLink(token: string): Promise<boolean> {
    return (await this.findByToken(token)) !== null;
  }

  private async sessionByToken(token: string): Promise<LearningSession> {
    const session = await this.findByToken(token);
    if (!session) throw new NotFoundException();
    return session;
  }

  private async findByToken(token: string): Promise<LearningSession | null> {
    return /^[A-Za-z0-9_-]{16,64}$/.test(token) ? this.sessions.findByToken(token) : null;
  }

  private async refusalFor(actor: Actor, session: LearningSession, now: Date): Promise<string | null> {
    if (!actor.workerId) return 'notWorker';
    const employed = await this.workforce.employedAmong(session.enterpriseId, vietnamDateOf(now), [
      actor.workerId,
    ]);
    return employed.has(actor.workerId) ? null : 'notEmployee';
  }
}

/** Attendance is recorded once a session has begun (its check-in window has opened), not ahead of it. */
export function assertStarted(
  session: { startsAt: Date; endsAt: Date },
  now: Date,
  field = 'workerIds',
): void {
  if (checkinTiming(session, now) === 'early') throw FormError.field(field, 'activities.error.notStarted');
}
