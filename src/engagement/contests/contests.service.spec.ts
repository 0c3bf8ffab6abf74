import { Actor } from '../../common/access/actor';
import { Role, ScopeType } from '../../common/access/roles';
import { UnitOfWork } from '../../database/unit-of-work';
import { RecordSource } from '../../learning-records/entities/learning-record.entity';
import { LearningRecordsService } from '../../learning-records/learning-records.service';
import { AdminUnitsService } from '../../organisations/admin-units.service';
import { EnterpriseScopeService } from '../../organisations/enterprise-scope';
import { EnterprisesService } from '../../organisations/enterprises.service';
import { WorkersService } from '../../workers/workers.service';
import { Workforce } from '../../workers/workforce';
import { ContestKind } from './contest-kinds';
import { ContestsRepository } from './contests.repository';
import { ContestRefused, ContestsService } from './contests.service';
import { ContestEntry } from './entities/contest-entry.entity';

const STARTED = new Date('2026-04-21T02:00:00Z');
const DEADLINE = new Date('2026-04-21T02:10:00Z');
const at = (seconds: number) => new Date(DEADLINE.getTime() + seconds * 1000);

function setup(entry: Partial<ContestEntry> = {}) {
  const contest = {
    id: 3,
    kind: ContestKind.LawQuiz,
    title: 'Thi pháp luật',
    hours: 1.5,
    enterpriseId: null,
  };
  const round = { id: 4, contestId: 3, timeLimitMinutes: 10 };
  const stored = {
    id: 9,
    roundId: 4,
    workerId: 7,
    startedAt: STARTED,
    deadlineAt: DEADLINE,
    submittedAt: null,
    questionIds: [11, 12],
    ...entry,
  } as ContestEntry;
  const contests = {
    findContest: jest.fn(async () => contest),
    unitsOf: jest.fn(async (ids: number[]) => new Map(ids.map((id) => [id, [] as number[]]))),
    isVisible: jest.fn(async () => true),
    findRound: jest.fn(async () => round),
    findEntry: jest.fn(async () => stored),
    questionsByIds: jest.fn(async () => [
      { id: 11, correct: '1' },
      { id: 12, correct: '0,2' },
    ]),
    closeAttempt: jest.fn(async () => true),
  };
  const learningRecords = {
    recordWithin: jest.fn(async () => ({ id: 1, created: true })),
    announce: jest.fn(async () => undefined),
  };
  const workers = { currentEnterpriseIds: jest.fn(async () => [2]) };
  const unitOfWork = { run: jest.fn((work: (m: unknown) => Promise<unknown>) => work({})) };
  const sut = new ContestsService(
    contests as unknown as ContestsRepository,
    {} as EnterpriseScopeService,
    {} as EnterprisesService,
    workers as unknown as WorkersService,
    {} as Workforce,
    learningRecords as unknown as LearningRecordsService,
    {} as AdminUnitsService,
    unitOfWork as unknown as UnitOfWork,
  );
  const worker = new Actor(70, 'NLĐ', [{ role: Role.Worker, scopeType: ScopeType.Self, scopeId: 7 }], 7);
  return { sut, contests, learningRecords, worker };
}

describe(ContestsService.name, () => {
  it('marks an attempt sent within the grace and writes one LAW record in the same unit of work', async () => {
    const { sut, contests, learningRecords, worker } = setup();
    await sut.submit(worker, 3, 4, { '11': [1], '12': [2, 0] }, at(30));
    expect(contests.closeAttempt).toHaveBeenCalledWith(
      {},
      9,
      expect.objectContaining({ score: 2, maxScore: 2, late: false, durationSeconds: 630 }),
    );
    expect(learningRecords.recordWithin).toHaveBeenCalledWith(
      {},
      expect.objectContaining({
        workerId: 7,
        source: RecordSource.Contest,
        sourceRef: 'contest:3',
        domains: ['LAW'],
        hours: 1.5,
      }),
    );
    expect(learningRecords.announce).toHaveBeenCalledWith([7], '2026-04-21');
  });

  it('closes an attempt sent after the grace as late, unmarked, with no record, and refuses it', async () => {
    const { sut, contests, learningRecords, worker } = setup();
    await expect(sut.submit(worker, 3, 4, { '11': [1] }, at(31))).rejects.toMatchObject({ reason: 'late' });
    expect(contests.closeAttempt).toHaveBeenCalledWith(
      {},
      9,
      expect.objectContaining({ late: true, score: null, answers: null }),
    );
    expect(learningRecords.recordWithin).not.toHaveBeenCalled();
    expect(learningRecords.announce).not.toHaveBeenCalled();
  });

  it('refuses a second send, whether seen before or lost in a race', async () => {
    const sent = setup({ submittedAt: at(0) });
    await expect(sent.sut.submit(sent.worker, 3, 4, {}, at(0))).rejects.toBeInstanceOf(ContestRefused);
    expect(sent.contests.closeAttempt).not.toHaveBeenCalled();
    const race = setup();
    race.contests.closeAttempt.mockResolvedValueOnce(false);
    await expect(race.sut.submit(race.worker, 3, 4, {}, at(0))).rejects.toMatchObject({
      reason: 'attempted',
    });
    expect(race.learningRecords.recordWithin).not.toHaveBeenCalled();
  });

  it('ignores answers of malformed shape, and an option that does not exist makes the answer wrong', async () => {
    const { sut, contests, worker } = setup();
    await sut.submit(worker, 3, 4, { '11': 'x' as never, '12': [0, 2, 99] }, at(0));
    expect(contests.closeAttempt).toHaveBeenCalledWith({}, 9, expect.objectContaining({ score: 0 }));
  });

  describe('a contest aimed at communes', () => {
    /** A contest for commune 50 (path /1/50/); enterprise 2 lies in it, enterprise 8 does not. */
    function targeted(employers: number[]) {
      const contest = { id: 3, kind: ContestKind.LawQuiz, title: 'Thi của xã', hours: 1, enterpriseId: null };
      const contests = {
        findContest: jest.fn(async () => contest),
        unitsOf: jest.fn(async (ids: number[]) => new Map(ids.map((id) => [id, [50]]))),
        isVisible: jest.fn(async (_id: number, audience: { targeted: number[] }) =>
          audience.targeted.includes(3),
        ),
        register: jest.fn(async () => [7]),
      };
      const scopes = { subtreePaths: jest.fn(async () => ['/1/50/']), scopeOf: jest.fn() };
      const enterprises = {
        isInScope: jest.fn(
          async (id: number, scope: { unitPaths: string[] }) =>
            id === 2 && scope.unitPaths.includes('/1/50/'),
        ),
      };
      const workers = { currentEnterpriseIds: jest.fn(async () => employers) };
      const unitOfWork = { run: jest.fn((work: (m: unknown) => Promise<unknown>) => work({})) };
      const sut = new ContestsService(
        contests as unknown as ContestsRepository,
        scopes as unknown as EnterpriseScopeService,
        enterprises as unknown as EnterprisesService,
        workers as unknown as WorkersService,
        {} as Workforce,
        {} as LearningRecordsService,
        {} as AdminUnitsService,
        unitOfWork as unknown as UnitOfWork,
      );
      const worker = new Actor(70, 'NLĐ', [{ role: Role.Worker, scopeType: ScopeType.Self, scopeId: 7 }], 7);
      return { sut, contests, worker };
    }

    it('lets a worker of an enterprise inside register, counted against that enterprise', async () => {
      const { sut, contests, worker } = targeted([8, 2]);
      expect(await sut.registerSelf(worker, 3)).toBe(true);
      expect(contests.register).toHaveBeenCalledWith({}, 3, [7], 2, 70);
    });

    it('hides it from a worker whose enterprises are all outside: 404, nothing registered', async () => {
      const { sut, contests, worker } = targeted([8]);
      await expect(sut.registerSelf(worker, 3)).rejects.toMatchObject({ status: 404 });
      await expect(sut.start(worker, 3, 4)).rejects.toMatchObject({ status: 404 });
      expect(contests.register).not.toHaveBeenCalled();
    });
  });
});
