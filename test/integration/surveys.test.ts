import { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Actor } from '../../src/common/access/actor';
import { Role, ScopeType } from '../../src/common/access/roles';
import { FormError } from '../../src/common/errors/form-error';
import { addDays } from '../../src/common/time/iso-date';
import { todayInVietnam } from '../../src/common/time/vietnam-time';
import { SurveyAnsweringService } from '../../src/engagement/surveys/survey-answering.service';
import { SurveyResultsService } from '../../src/engagement/surveys/survey-results.service';
import { SurveysReportSection } from '../../src/engagement/surveys/surveys.report-section';
import { SurveysService } from '../../src/engagement/surveys/surveys.service';
import { QuestionKind } from '../../src/engagement/surveys/entities/survey.entity';
import { createWorker } from '../support/learning-factory';
import { createTestApp } from '../support/test-app';
import { createEnterprise, federationAdmin, officerOf } from '../support/workers-factory';

/**
 * Surveys on MariaDB: a commune target resolves to the enterprises located in it; a worker's three
 * submits at once store one response, a code sent twice at once answers once; the aggregate, the
 * rates and the annual report's section (province and commune) count the same answers.
 */
describe('surveys (integration)', () => {
  let app: INestApplication;
  let db: DataSource;
  let surveys: SurveysService;
  let answering: SurveyAnsweringService;
  let results: SurveyResultsService;
  let enterpriseA: number;
  let enterpriseB: number;
  let unitA: number;
  let surveyId: number;
  let questionId: number;
  const workers: number[] = [];
  const today = todayInVietnam();
  const admin = federationAdmin(9401);
  const workerActor = (workerId: number) =>
    new Actor(
      9500 + workerId,
      'Người lao động',
      [{ role: Role.Worker, scopeType: ScopeType.Self, scopeId: workerId }],
      workerId,
    );
  const count = async (sql: string, params: unknown[]) => Number((await db.query(sql, params))[0].n);

  beforeAll(async () => {
    app = await createTestApp({ database: 'mysql' });
    db = app.get(DataSource);
    surveys = app.get(SurveysService);
    answering = app.get(SurveyAnsweringService);
    results = app.get(SurveyResultsService);
    enterpriseA = await createEnterprise(db, 'Công ty TNHH Khảo Sát A');
    enterpriseB = await createEnterprise(db, 'Công ty CP Khảo Sát B');
    unitA = Number(
      (await db.query('SELECT unit_id FROM enterprises WHERE id = ?', [enterpriseA]))[0].unit_id,
    );
    for (let i = 0; i < 7; i++) {
      const id = await createWorker(db, `Người Khảo Sát ${i}`);
      await db.query('INSERT INTO employments (worker_id, enterprise_id, start_date) VALUES (?, ?, ?)', [
        id,
        i < 6 ? enterpriseA : enterpriseB,
        '2024-01-01',
      ]);
      workers.push(id);
    }
  });

  afterAll(async () => {
    await app.close();
  });

  it('publishes to the enterprises of a commune target and of an enterprise target, with their units', async () => {
    const survey = await surveys.create(admin, {
      title: 'Khảo sát tích hợp',
      opensOn: today,
      closesOn: addDays(today, 10),
    });
    surveyId = survey.id;
    questionId = (
      await surveys.addQuestion(admin, surveyId, {
        kind: QuestionKind.Single,
        text: 'Hình thức?',
        choices: 'A\nB',
      })
    ).id;
    await surveys.setTargets(admin, surveyId, { enterpriseIds: [enterpriseB], unitIds: [unitA] });
    expect(await surveys.publish(admin, surveyId)).toBe(2);
    const rows = await db.query(
      'SELECT enterprise_id, unit_id FROM survey_enterprises WHERE survey_id = ? ORDER BY enterprise_id',
      [surveyId],
    );
    expect(rows.map((r: { enterprise_id: number }) => Number(r.enterprise_id))).toEqual(
      [enterpriseA, enterpriseB].sort((a, b) => a - b),
    );
    expect(
      Number(rows.find((r: { enterprise_id: number }) => Number(r.enterprise_id) === enterpriseA).unit_id),
    ).toBe(unitA);
  });

  it('stores one response from three submits of the same worker at once', async () => {
    const actor = workerActor(workers[0]);
    // The same answer each time: which submit wins is up to the race, and the
    // last test counts this worker's answer as the first choice.
    const outcomes = await Promise.allSettled(
      Array.from({ length: 3 }, () =>
        answering.answerAsWorker(actor, surveyId, new Map([[questionId, ['0']]])),
      ),
    );
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    const refused = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
    expect(refused.every((o) => o.reason instanceof FormError)).toBe(true);
    expect(
      await count('SELECT COUNT(*) AS n FROM survey_responses WHERE survey_id = ? AND worker_id = ?', [
        surveyId,
        workers[0],
      ]),
    ).toBe(1);
  });

  it('answers once with a code sent twice at once, counted against the officer’s enterprise', async () => {
    const { codes } = await answering.issueCodes(officerOf(9402, enterpriseB), surveyId, 2, undefined);
    const outcomes = await Promise.allSettled([
      answering.answerWithCode(codes[0], new Map([[questionId, ['1']]]), '10.0.0.1'),
      answering.answerWithCode(codes[0], new Map([[questionId, ['1']]]), '10.0.0.1'),
    ]);
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    expect(
      await count('SELECT COUNT(*) AS n FROM survey_responses WHERE survey_id = ? AND enterprise_id = ?', [
        surveyId,
        enterpriseB,
      ]),
    ).toBe(1);
    // Another enterprise's officer cannot issue codes for this survey.
    await expect(
      answering.issueCodes(
        officerOf(9403, await createEnterprise(db, 'Công ty Ngoài')),
        surveyId,
        1,
        undefined,
      ),
    ).rejects.toThrow();
  });

  it('counts the same answers in the results, the rates and the annual report, for the province and a commune', async () => {
    for (const w of workers.slice(1, 5))
      await answering.answerAsWorker(workerActor(w), surveyId, new Map([[questionId, ['0']]]));
    const { results: all } = await results.results(admin, surveyId, { level: 'province' });
    expect(all.respondents).toBe(6);
    expect(all.questions[0].choices.map((c) => c.count)).toEqual([5, 1]);
    const { rows } = await results.rates(admin, surveyId);
    expect(rows.map((r) => [r.enterpriseId, r.roster, r.respondents])).toEqual(
      expect.arrayContaining([
        [enterpriseA, 6, 5],
        [enterpriseB, 1, 1],
      ]),
    );
    const provider = app.get(SurveysReportSection);
    const year = Number(addDays(today, 10).slice(0, 4));
    const province = await provider.section({ year, unitId: null });
    const line = province!.tables[0].rows.find((r) => r[0] === 'Khảo sát tích hợp')!;
    expect(line.slice(2)).toEqual([2, 6]);
    const commune = await provider.section({ year, unitId: unitA });
    expect(commune!.tables[0].rows.find((r) => r[0] === 'Khảo sát tích hợp')!.slice(2)).toEqual([1, 5]);
    expect(commune!.tables[1].rows.find((r) => r[0] === 'Khảo sát tích hợp')![3]).toBe('A (100%)');
  });
});
