import { Workforce } from '../workers/workforce';
import { NotFoundException } from '@nestjs/common';
import { Actor } from '../common/access/actor';
import { Role, ScopeType } from '../common/access/roles';
import { UnitOfWork } from '../database/unit-of-work';
import { RecordSource } from '../learning-records/entities/learning-record.entity';
import { LearningDomain } from '../learning-records/entities/learning-domain.entity';
import { LearningRecordsService } from '../learning-records/learning-records.service';
import { AttendanceService, CheckinRefused } from './attendance.service';
import { CHECKIN_MARGIN_MINUTES, checkinTiming } from './checkin-window';
import { AttendanceMethod } from './entities/session-attendance.entity';
import { LearningSession } from './entities/learning-session.entity';
import { SessionKind } from './session-kinds';
import { SessionsRepository } from './sessions.repository';
import { SessionsService } from './sessions.service';

const TOKEN = 'k3J9xQ2mZt8vL1pR5sW7yB4nD6fH0gA2';
const START = new Date('2025-04-21T01:00:00Z'); // 08:00 in Vietnam
const END = new Date('2025-04-21T03:00:00Z'); // 10:00
const at = (base: Date, minutes: number) => new Date(base.getTime() + minutes * 60_000);

function setup(employedWorkerIds: number[] = [7]) {
  const session = {
    id: 5,
    enterpriseId: 2,
    kind: SessionKind.LawTalk,
    title: 'Tuyên truyền Bộ luật Lao động',
    startsAt: START,
    endsAt: END,
    hours: 2,
    checkinToken: TOKEN,
    domains: [{ code: 'LAW' } as LearningDomain],
  } as LearningSession;
  const attending = new Set<number>();
  const sessions = {
    findByToken: jest.fn(async (token: string) => (token === TOKEN ? session : null)),
    findAttendance: jest.fn(async () => null),
    attendingAmong: jest.fn(async () => new Set(attending)),
    insertAttendance: jest.fn(async (rows: { workerId: number }[]) =>
      rows.forEach((r) => attending.add(r.workerId)),
    ),
  };
  const learningRecords = {
    recordWithin: jest.fn(async () => ({ created: true })),
    announce: jest.fn(async () => undefined),
  };
  const workforce = {
    employedAmong: jest.fn(
      async (_e: number, _d: string, ids: number[]) =>
        new Set(ids.filter((id) => employedWorkerIds.includes(id))),
    ),
  };
  const unitOfWork = { run: jest.fn((work: (m: unknown) => Promise<unknown>) => work({})) };
  const sut = new AttendanceService(
    sessions as unknown as SessionsRepository,
    {} as SessionsService,
    workforce as unknown as Workforce,
    learningRecords as unknown as LearningRecordsService,
    unitOfWork as unknown as UnitOfWork,
  );
  return { sut, sessions, learningRecords };
}

const worker = (workerId: number) =>
  new Actor(
    100 + workerId,
    'Người lao động',
    [{ role: Role.Worker, scopeType: ScopeType.Self, scopeId: workerId }],
    workerId,
  );

describe('checkinTiming', () => {
  it('opens the margin before the start and closes the margin after the end, both ends included', () => {
    expect(CHECKIN_MARGIN_MINUTES).toBe(30);
    const session = { startsAt: START, endsAt: END };
    expect(checkinTiming(session, at(START, -31))).toBe('early');
    expect(checkinTiming(session, at(START, -30))).toBe('open');
    expect(checkinTiming(session, at(END, 30))).toBe('open');
    expect(checkinTiming(session, at(END, 30.02))).toBe('closed');
  });
});

describe(AttendanceService.name, () => {
  it('records a worker of the enterprise during the window as one attendance and one learning record', async () => {
    const { sut, sessions, learningRecords } = setup();
    const result = await sut.checkIn(worker(7), TOKEN, at(START, 15));
    expect(result.recorded).toBe(true);
    expect(sessions.insertAttendance).toHaveBeenCalledWith(
      [expect.objectContaining({ sessionId: 5, workerId: 7, method: AttendanceMethod.Qr })],
      {},
    );
    expect(learningRecords.recordWithin).toHaveBeenCalledWith(
      {},
      expect.objectContaining({
        workerId: 7,
        source: RecordSource.Session,
        sourceRef: 'session:5',
        occurredOn: '2025-04-21',
        hours: 2,
        domains: ['LAW'],
        enterpriseId: 2,
      }),
    );
    expect(learningRecords.announce).toHaveBeenCalledWith([7]);
  });

  it('records nothing the second time the same worker confirms', async () => {
    const { sut, sessions } = setup();
    await sut.checkIn(worker(7), TOKEN, at(START, 15));
    const again = await sut.checkIn(worker(7), TOKEN, at(START, 20));
    expect(again.recorded).toBe(false);
    expect(sessions.insertAttendance).toHaveBeenCalledTimes(1);
  });

  it.each([
    ['early', at(START, -45)],
    ['closed', at(END, 31)],
  ])('refuses a check-in that is %s, saying why', async (reason, now) => {
    const { sut, sessions } = setup();
    const error = await sut.checkIn(worker(7), TOKEN, now).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CheckinRefused);
    expect((error as CheckinRefused).formMessage.key).toBe(`activities.checkin.${reason}`);
    expect(sessions.insertAttendance).not.toHaveBeenCalled();
  });

  it('refuses a worker who does not work at the organising enterprise, and a login that is not a worker', async () => {
    const { sut, sessions } = setup([]);
    const outsider = await sut.checkIn(worker(8), TOKEN, at(START, 5)).catch((e: unknown) => e);
    expect((outsider as CheckinRefused).formMessage.key).toBe('activities.checkin.notEmployee');
    const officer = new Actor(3, 'Cán bộ', [
      { role: Role.UnionOfficer, scopeType: ScopeType.Enterprise, scopeId: 2 },
    ]);
    const notWorker = await sut.checkIn(officer, TOKEN, at(START, 5)).catch((e: unknown) => e);
    expect((notWorker as CheckinRefused).formMessage.key).toBe('activities.checkin.notWorker');
    expect(sessions.insertAttendance).not.toHaveBeenCalled();
  });

  it('answers 404 for an unknown or malformed token', async () => {
    const { sut } = setup();
    await expect(sut.checkIn(worker(7), 'x'.repeat(32), at(START, 5))).rejects.toBeInstanceOf(
      NotFoundException,
    );
    await expect(sut.checkIn(worker(7), '../../etc', at(START, 5))).rejects.toBeInstanceOf(NotFoundException);
  });

  it('shows the page state without recording: early, with the time check-in opens', async () => {
    const { sut, sessions } = setup();
    const view = await sut.checkinView(worker(7), TOKEN, at(START, -60));
    expect(view).toMatchObject({ timing: 'early', refusal: null, recordedAt: null, opensAt: at(START, -30) });
    expect(sessions.insertAttendance).not.toHaveBeenCalled();
  });
});
