import { ForbiddenException } from '@nestjs/common';
import { Actor } from '../../common/access/actor';
import { OutOfScopeException } from '../../common/access/out-of-scope';
import { Role, ScopeType } from '../../common/access/roles';
import { FormError } from '../../common/errors/form-error';
import { UnitOfWork } from '../../database/unit-of-work';
import { RecordSource } from '../../learning-records/entities/learning-record.entity';
import { LearningRecordsService } from '../../learning-records/learning-records.service';
import { NoticesService } from '../../notices/notices.service';
import { EnterpriseScope, EnterpriseScopeService } from '../../organisations/enterprise-scope';
import { EnterprisesService } from '../../organisations/enterprises.service';
import { WorkersService } from '../../workers/workers.service';
import { Workforce } from '../../workers/workforce';
import { BookLogsRepository } from './book-logs.repository';
import { BookLogsService } from './book-logs.service';
import { CampaignsService } from './campaigns.service';
import { BookLog, BookLogStatus } from './entities/book-log.entity';

const ENTERPRISE = 2;
const WORKER = 7;
const officer = new Actor(10, 'Cán bộ', [
  { role: Role.UnionOfficer, scopeType: ScopeType.Enterprise, scopeId: ENTERPRISE },
]);
const worker = new Actor(
  11,
  'Người lao động',
  [{ role: Role.Worker, scopeType: ScopeType.Self, scopeId: WORKER }],
  WORKER,
);

function setup(status = BookLogStatus.Pending) {
  const log = {
    id: 3,
    workerId: WORKER,
    enterpriseId: ENTERPRISE,
    campaignId: null,
    title: 'Đắc nhân tâm',
    author: 'Dale Carnegie',
    readOn: '2025-04-21',
    reflection: 'Hay.',
    status,
    hours: null,
    reason: null,
  } as BookLog;
  const logs = {
    findInScope: jest.fn(async (id: number, scope: EnterpriseScope) =>
      id === log.id && scope.enterpriseIds.includes(log.enterpriseId) ? log : null,
    ),
    lockedForDecision: jest.fn(async () => log),
    decide: jest.fn(async () => undefined),
    insert: jest.fn(async (row: Partial<BookLog>) => ({ id: 9, status: BookLogStatus.Pending, ...row })),
  };
  const scopes = {
    scopeOf: jest.fn(async (actor: Actor) => ({
      all: false,
      enterpriseIds: actor.scopeIds(ScopeType.Enterprise, Role.UnionOfficer),
      unitPaths: [],
    })),
  };
  const learningRecords = {
    recordWithin: jest.fn(async () => ({ id: 1, created: true })),
    announce: jest.fn(async () => undefined),
  };
  const workers = {
    currentEnterpriseIds: jest.fn(async () => [ENTERPRISE]),
    userIdOf: jest.fn(async () => 11),
  };
  const notices = { notify: jest.fn(async () => undefined) };
  const unitOfWork = { run: jest.fn((work: (m: unknown) => Promise<unknown>) => work({})) };
  const sut = new BookLogsService(
    logs as unknown as BookLogsRepository,
    {} as CampaignsService,
    scopes as unknown as EnterpriseScopeService,
    {} as EnterprisesService,
    workers as unknown as WorkersService,
    {} as Workforce,
    learningRecords as unknown as LearningRecordsService,
    notices as unknown as NoticesService,
    unitOfWork as unknown as UnitOfWork,
  );
  return { sut, logs, learningRecords, workers, notices };
}

describe(BookLogsService.name, () => {
  it('confirms a book log into one LIFE_SKILLS record of 2 hours, tells the worker, then announces it', async () => {
    const { sut, logs, learningRecords, notices } = setup();
    await sut.confirm(officer, 3, {});
    expect(logs.decide).toHaveBeenCalledWith(
      {},
      3,
      expect.objectContaining({ status: BookLogStatus.Confirmed, hours: 2 }),
    );
    expect(learningRecords.recordWithin).toHaveBeenCalledTimes(1);
    expect(learningRecords.recordWithin).toHaveBeenCalledWith(
      {},
      {
        workerId: WORKER,
        occurredOn: '2025-04-21',
        hours: 2,
        source: RecordSource.BookLog,
        sourceRef: 'book:3',
        title: 'Đọc sách: Đắc nhân tâm',
        domains: ['LIFE_SKILLS'],
        enterpriseId: ENTERPRISE,
      },
    );
    expect(learningRecords.announce).toHaveBeenCalledWith([WORKER], '2025-04-21', expect.any(Date));
    expect(notices.notify).toHaveBeenCalledWith(
      {},
      expect.objectContaining({
        userId: 11,
        messageKey: 'campaigns.book.notice.confirmed',
        dedupeKey: 'book:3',
      }),
    );
  });

  it('rejects with a reason and stores no learning record', async () => {
    const { sut, logs, learningRecords } = setup();
    await sut.reject(officer, 3, { reason: 'Chưa đọc xong' });
    expect(logs.decide).toHaveBeenCalledWith(
      {},
      3,
      expect.objectContaining({ status: BookLogStatus.Rejected, reason: 'Chưa đọc xong' }),
    );
    expect(learningRecords.recordWithin).not.toHaveBeenCalled();
    expect(learningRecords.announce).not.toHaveBeenCalled();
  });

  it('decides a log once', async () => {
    const { sut, learningRecords } = setup(BookLogStatus.Rejected);
    await expect(sut.confirm(officer, 3, {})).rejects.toBeInstanceOf(FormError);
    expect(learningRecords.recordWithin).not.toHaveBeenCalled();
  });

  it('answers 404 to an officer of another enterprise and 403 to an officer deciding their own', async () => {
    const { sut, learningRecords } = setup();
    const stranger = new Actor(12, 'Khác', [
      { role: Role.UnionOfficer, scopeType: ScopeType.Enterprise, scopeId: 99 },
    ]);
    await expect(sut.confirm(stranger, 3, {})).rejects.toBeInstanceOf(OutOfScopeException);
    const selfOfficer = new Actor(
      13,
      'Cán bộ kiêm người lao động',
      [
        { role: Role.UnionOfficer, scopeType: ScopeType.Enterprise, scopeId: ENTERPRISE },
        { role: Role.Worker, scopeType: ScopeType.Self, scopeId: WORKER },
      ],
      WORKER,
    );
    await expect(sut.confirm(selfOfficer, 3, {})).rejects.toBeInstanceOf(ForbiddenException);
    expect(learningRecords.recordWithin).not.toHaveBeenCalled();
  });

  it('refuses a book read in the future, and a log by someone who is no worker', async () => {
    const { sut, logs } = setup();
    const dto = { title: 'Sách', author: 'Tác giả', readOn: '2025-04-22', reflection: 'Hay.' };
    await expect(sut.log(worker, dto, '2025-04-21')).rejects.toBeInstanceOf(FormError);
    await expect(sut.log(officer, { ...dto, readOn: '2025-04-21' }, '2025-04-21')).rejects.toBeInstanceOf(
      ForbiddenException,
    );
    expect(logs.insert).not.toHaveBeenCalled();
    await sut.log(worker, { ...dto, readOn: '2025-04-21' }, '2025-04-21');
    expect(logs.insert).toHaveBeenCalledWith(
      expect.objectContaining({ workerId: WORKER, enterpriseId: ENTERPRISE }),
    );
  });
});
