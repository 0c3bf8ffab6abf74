import { INestApplication } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Actor } from '../../src/common/access/actor';
import { Role, ScopeType } from '../../src/common/access/roles';
import { ReportSections } from '../../src/common/report-sections/report-sections';
import { thisYearInVietnam, todayInVietnam } from '../../src/common/time/vietnam-time';
import { ContestKind } from '../../src/engagement/contests/contest-kinds';
import { ContestsService } from '../../src/engagement/contests/contests.service';
import { SnapshotLevel } from '../../src/indicators/entities/snapshot.entity';
import { IndicatorsService } from '../../src/indicators/indicators.service';
import { RollupService } from '../../src/indicators/rollup.service';
import { LearningRecordsService } from '../../src/learning-records/learning-records.service';
import { buildRollupFixture, RollupFixture } from '../support/rollup-fixture';
import { createTestApp } from '../support/test-app';
import { federationAdmin, officerOf } from '../support/workers-factory';

/**
 * Contests on MariaDB with the real services and roll-up: a law quiz sent in time and an in-person
 * result each become a learning record that moves its indicator at the next roll-up; an attempt
 * sent after the server's deadline, or sent twice, moves nothing more.
 */
describe('contests (integration)', () => {
  let app: INestApplication;
  let db: DataSource;
  let fx: RollupFixture;
  let sut: ContestsService;
  const today = todayInVietnam();
  const year = thisYearInVietnam();
  const tag = randomBytes(3).toString('hex');
  const federation = federationAdmin(1);
  const workerActor = (workerId: number) =>
    new Actor(
      1000 + workerId,
      `NLĐ ${workerId}`,
      [{ role: Role.Worker, scopeType: ScopeType.Self, scopeId: workerId }],
      workerId,
    );

  beforeAll(async () => {
    app = await createTestApp({ database: 'mysql' });
    db = app.get(DataSource);
    sut = app.get(ContestsService);
    fx = await buildRollupFixture(db, app.get(LearningRecordsService));
  });

  afterAll(async () => {
    await app.close();
  });

  /** The province's numerator of an indicator in the calendar-year plan, rolled up today. */
  async function reached(code: string): Promise<number> {
    await app.get(RollupService).run(fx.plans.calendarYear, today, { force: true });
    const snapshot = await app.get(IndicatorsService).latestSnapshot(fx.plans.calendarYear, today);
    const [province] = await app.get(IndicatorsService).rows(snapshot!.id, SnapshotLevel.Province);
    return province.indicators.find((i) => i.code === code)!.numerator;
  }

  async function employedToday(enterpriseId: number): Promise<number[]> {
    const rows = await db.query(
      'SELECT DISTINCT worker_id AS id FROM employments WHERE enterprise_id = ? AND start_date <= ? AND (end_date IS NULL OR end_date >= ?) ORDER BY worker_id',
      [enterpriseId, today, today],
    );
    return rows.map((r: { id: number }) => Number(r.id));
  }

  async function lawQuiz() {
    const contest = await sut.create(federation, {
      kind: ContestKind.LawQuiz,
      title: `Thi pháp luật ${tag}`,
      year,
      hours: 1,
    });
    const round = await sut.addRound(federation, contest.id, {
      name: 'Vòng 1',
      opensAt: new Date(Date.now() - 3600_000).toISOString(),
      closesAt: new Date(Date.now() + 86400_000).toISOString(),
      timeLimitMinutes: 10,
    });
    await sut.addQuestion(federation, contest.id, {
      prompt: 'Một cộng một?',
      options: ['1', '2', '3'],
      correct: [2],
    });
    await sut.addQuestion(federation, contest.id, {
      prompt: 'Chọn số chẵn',
      options: ['2', '3', '4'],
      correct: [1, 3],
    });
    return { contest, round };
  }

  it('moves the LAW indicator after a quiz sent in time, and not for one sent late or twice', async () => {
    const [onTime, late] = await employedToday(fx.enterprises.e1);
    expect(late).toBeDefined();
    const { contest, round } = await lawQuiz();
    const before = await reached('LAW');

    // Sent late: the server's deadline is 10 minutes after the start, plus 30 s of grace.
    const started = new Date(Date.now() - 60_000);
    await sut.start(workerActor(late), contest.id, round.id, started);
    await expect(
      sut.submit(
        workerActor(late),
        contest.id,
        round.id,
        {},
        new Date(started.getTime() + 10 * 60_000 + 31_000),
      ),
    ).rejects.toMatchObject({ reason: 'late' });
    expect(await reached('LAW')).toBe(before);

    const entry = await sut.start(workerActor(onTime), contest.id, round.id);
    const view = await sut.attempt(workerActor(onTime), contest.id, round.id);
    expect(view.questions.map((q) => q.multiple).sort()).toEqual([false, true]);
    const answers = Object.fromEntries(view.questions.map((q) => [String(q.id), q.multiple ? [0, 2] : [1]]));
    const [first, second] = await Promise.allSettled([
      sut.submit(
        workerActor(onTime),
        contest.id,
        round.id,
        answers,
        new Date(entry.startedAt!.getTime() + 95_000),
      ),
      sut.submit(
        workerActor(onTime),
        contest.id,
        round.id,
        answers,
        new Date(entry.startedAt!.getTime() + 96_000),
      ),
    ]);
    expect([first.status, second.status].sort()).toEqual(['fulfilled', 'rejected']);
    const done = (first.status === 'fulfilled' ? first : second) as PromiseFulfilledResult<{
      score: number;
      durationSeconds: number;
    }>;
    expect(done.value).toMatchObject({ score: 2 });
    expect(
      Number(
        (
          await db.query(
            'SELECT COUNT(*) AS n FROM learning_records WHERE worker_id = ? AND source_ref = ?',
            [onTime, `contest:${contest.id}`],
          )
        )[0].n,
      ),
    ).toBe(1);
    expect(await reached('LAW')).toBe(before + 1);

    const ranking = await sut.ranking(federation, contest.id, round.id);
    expect(ranking).toEqual([
      expect.objectContaining({ workerId: onTime, position: 1, score: 2, maxScore: 2 }),
    ]);
  });

  it('moves the VOCATIONAL indicator after an in-person result, once however often it is corrected', async () => {
    const [workerId] = await employedToday(fx.enterprises.e2);
    const officer = officerOf(2, fx.enterprises.e2);
    const contest = await sut.create(officer, {
      kind: ContestKind.SkillsContest,
      title: `Thi thợ giỏi ${tag}`,
      year,
      hours: 8,
    });
    expect(contest.enterpriseId).toBe(fx.enterprises.e2);
    const round = await sut.addRound(officer, contest.id, {
      name: 'Thực hành',
      opensAt: new Date(Date.now() - 3600_000).toISOString(),
      closesAt: new Date(Date.now() + 3600_000).toISOString(),
    });
    const before = await reached('VOCATIONAL');
    await sut.registerWorkers(officer, contest.id, [workerId]);
    await sut.recordResult(officer, contest.id, round.id, {
      workerId,
      score: 90,
      rank: 1,
      prize: 'Giải Nhất',
    });
    await sut.recordResult(officer, contest.id, round.id, {
      workerId,
      score: 91,
      rank: 1,
      prize: 'Giải Nhất',
    });
    expect(await reached('VOCATIONAL')).toBe(before + 1);
    // Another enterprise's officer cannot reach it.
    await expect(sut.detail(officerOf(3, fx.enterprises.e1), contest.id)).rejects.toMatchObject({
      status: 404,
    });
  });

  it('gives the annual report its contests section, the province’s and a commune’s', async () => {
    const province = await app.get(ReportSections).collect({ year, unitId: null });
    const rows = province.find((s) => s.key === 'contests')!.tables[0].rows;
    expect(rows).toContainEqual([
      `Thi pháp luật ${tag}`,
      'Cuộc thi trực tuyến tìm hiểu pháp luật',
      'Liên đoàn Lao động tỉnh (toàn tỉnh)',
      2,
      1,
      0,
    ]);
    expect(rows).toContainEqual([`Thi thợ giỏi ${tag}`, 'Hội thi thợ giỏi', expect.any(String), 1, 1, 1]);
    const [e2Unit] = await db.query('SELECT unit_id AS id FROM enterprises WHERE id = ?', [
      fx.enterprises.e2,
    ]);
    const commune = await app.get(ReportSections).collect({ year, unitId: Number(e2Unit.id) });
    const communeRows = commune.find((s) => s.key === 'contests')!.tables[0].rows;
    // Only the enterprises' contests in the commune (earlier runs of this test may have left theirs).
    expect(communeRows.map((r) => r[0]).filter((t) => String(t).endsWith(tag))).toEqual([
      `Thi thợ giỏi ${tag}`,
    ]);
  });
});
