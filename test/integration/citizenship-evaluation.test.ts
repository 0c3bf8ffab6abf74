import { INestApplication } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { SessionKind } from '../../src/activities/session-kinds';
import { AttendanceService } from '../../src/activities/attendance.service';
import { SessionsService } from '../../src/activities/sessions.service';
import { CitizenshipApplicationsService } from '../../src/citizenship/applications/citizenship-applications.service';
import { seedCriteriaSets } from '../../src/citizenship/applications/criteria/criteria-seed';
import { CriteriaSetsService } from '../../src/citizenship/applications/criteria/criteria-sets.service';
import { EvaluationService } from '../../src/citizenship/applications/evaluation/evaluation.service';
import { WorkerYearService } from '../../src/citizenship/applications/worker-year/worker-year.service';
import { Actor } from '../../src/common/access/actor';
import { Role, ScopeType } from '../../src/common/access/roles';
import { foldVietnamese } from '../../src/common/text/vietnamese';
import { BullJobQueue } from '../../src/jobs/adapters/bull-job.queue';
import { JobExecutor } from '../../src/jobs/job-executor';
import { JobQueue } from '../../src/jobs/job-queue';
import { JobRunsService, JobRunView } from '../../src/jobs/job-runs.service';
import { RecordSource } from '../../src/learning-records/entities/learning-record.entity';
import { DomainCode } from '../../src/learning-records/learning-domains';
import { LearningRecordsService } from '../../src/learning-records/learning-records.service';
import { eventually } from '../support/eventually';
import { createTestApp } from '../support/test-app';
import { createEnterprise, officerOf } from '../support/workers-factory';
import { ensureLearningDomains } from '../support/learning-domains';
import { todayInVietnam, toVietnamInput } from '../../src/common/time/vietnam-time';

/**
 * The learning-citizen evaluation on MariaDB and Redis, the app running as the job process (Bull):
 * a worker's records reach the evaluation through the queue; a batch over an enterprise of 300
 * workers reads its facts with a fixed number of queries whatever the number of workers, and
 * writes nothing when run again; raising the pass mark in a new criteria version and running the
 * batch again flips eligibility, while a recognition keeps the version it was decided under.
 * Jobs are awaited on their job_runs rows (support/eventually.ts), never by sleeping a fixed time.
 */
describe('learning citizen evaluation (integration)', () => {
  let app: INestApplication;
  let db: DataSource;
  let criteria: CriteriaSetsService;
  let evaluation: EvaluationService;
  let applications: CitizenshipApplicationsService;
  let runs: JobRunsService;
  let queue: JobQueue;
  const year = Number(todayInVietnam().slice(0, 4));
  const tag = randomBytes(4).toString('hex');
  const reviewer = new Actor(9301, 'Hội Khuyến học tỉnh', [
    { role: Role.AssociationReviewer, scopeType: ScopeType.Branch, scopeId: 1 },
  ]);
  const admin = new Actor(9302, 'Liên đoàn Lao động tỉnh', [
    { role: Role.FederationAdmin, scopeType: ScopeType.All, scopeId: 0 },
  ]);

  beforeAll(async () => {
    app = await createTestApp({ database: 'mysql', redis: true, role: 'worker' });
    db = app.get(DataSource);
    criteria = app.get(CriteriaSetsService);
    evaluation = app.get(EvaluationService);
    applications = app.get(CitizenshipApplicationsService);
    runs = app.get(JobRunsService);
    queue = app.get(JobQueue);
    // The reference seed is not loaded on MySQL test databases: the domains, then the default criteria.
    await ensureLearningDomains(db);
    await db.transaction((manager) => seedCriteriaSets(manager));
  }, 60_000);

  afterAll(async () => {
    await app?.close();
  });

  const one = async <T = Record<string, unknown>>(sql: string, params: unknown[] = []) =>
    (await db.query(sql, params))[0] as T;
  const count = async (sql: string, params: unknown[] = []) =>
    Number((await one<{ n: number }>(sql, params)).n);
  const maxRunId = async () =>
    Number((await one<{ n: number | null }>('SELECT MAX(id) AS n FROM job_runs')).n ?? 0);

  /** Waits until a job run of this name and key created after `afterId` exists and every such run finished. */
  async function settled(name: string, key: string | number, afterId: number): Promise<void> {
    const rows = await eventually(
      `the ${name} runs of ${key} after run ${afterId} to finish`,
      (): Promise<{ status: string }[]> =>
        db.query('SELECT status FROM job_runs WHERE name = ? AND business_key = ? AND id > ?', [
          name,
          String(key),
          afterId,
        ]),
      {
        until: (rows) =>
          rows.length > 0 && rows.every((r) => r.status === 'COMPLETED' || r.status === 'FAILED'),
      },
    );
    expect(rows.map((r) => r.status)).not.toContain('FAILED');
  }

  const finished = (actor: Actor, runId: number): Promise<JobRunView> =>
    eventually(`job run ${runId} to finish`, () => runs.getForActor(actor, runId), {
      until: (run) => run.finished,
    });

  /** Counts the SQL statements the work sends (TypeORM tells its logger about every one). */
  async function countQueries<T>(work: () => Promise<T>): Promise<{ result: T; queries: number }> {
    const logger = db.logger;
    const original = logger.logQuery.bind(logger);
    let queries = 0;
    logger.logQuery = (query, parameters, runner) => {
      queries++;
      return original(query, parameters, runner);
    };
    try {
      return { result: await work(), queries };
    } finally {
      logger.logQuery = original;
    }
  }

  /** Rows in one multi-row INSERT. */
  async function insertRows(table: string, columns: string[], rows: unknown[][]): Promise<void> {
    for (let i = 0; i < rows.length; i += 1000) {
      const batch = rows.slice(i, i + 1000);
      await db.query(
        `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${batch.map(() => `(${columns.map(() => '?').join(', ')})`).join(', ')}`,
        batch.flat(),
      );
    }
  }

  /**
   * An enterprise of `size` workers registered for this year under `setId`, written straight into
   * the tables. Every worker has a plan and one DIGITAL record; by worker index i:
   *   i % 3 == 0: 6 hours, every declared criterion answered       → 90 points, eligible
   *   i % 3 == 1: 2 hours, every declared criterion answered       → 80 points, eligible at 70 only
   *   i % 3 == 2: 6 hours, social relations (3.1, 3.2) unanswered  → 70 points, group 3 below its minimum
   */
  async function enterpriseOf(size: number, setId: number) {
    const name = `Công ty TNHH Thử nghiệm ${size} người ${tag}`;
    const enterpriseId = await createEnterprise(db, name);
    const prefix = `${tag}-${size}`;
    await insertRows(
      'workers',
      ['full_name', 'search_key', 'date_of_birth', 'gender', 'cccd_encrypted', 'cccd_hash'],
      Array.from({ length: size }, (_, i) => [
        `Người lao động ${i + 1}`,
        foldVietnamese(`Người lao động ${i + 1}`),
        '1990-05-01',
        i % 2 ? 'FEMALE' : 'MALE',
        'x',
        `${prefix}-${i}`,
      ]),
    );
    const workers: { id: number }[] = await db.query(
      'SELECT id FROM workers WHERE cccd_hash LIKE ? ORDER BY id',
      [`${prefix}-%`],
    );
    const workerIds = workers.map((w) => Number(w.id));
    await insertRows(
      'employments',
      ['worker_id', 'enterprise_id', 'start_date', 'union_member'],
      workerIds.map((id) => [id, enterpriseId, '2020-01-01', 0]),
    );
    await insertRows(
      'citizenship_applications',
      ['worker_id', 'year', 'criteria_set_id', 'status', 'enterprise_id'],
      workerIds.map((id, i) => [id, year, setId, i % 2 ? 'SUBMITTED' : 'REGISTERED', enterpriseId]),
    );
    const apps: { id: number; workerId: number }[] = await db.query(
      'SELECT id, worker_id AS workerId FROM citizenship_applications WHERE enterprise_id = ? ORDER BY worker_id',
      [enterpriseId],
    );
    const applicationIds = apps.map((a) => Number(a.id));
    await insertRows(
      'learning_plan_items',
      ['application_id', 'domain_code', 'goal', 'planned_hours'],
      applicationIds.map((id) => [id, 'DIGITAL', 'Học xong khóa Kỹ năng số cơ bản', 6]),
    );
    const declared = ['1.4', '2.2', '2.3', '2.4', '3.1', '3.2'];
    await insertRows(
      'citizenship_answers',
      ['application_id', 'criterion_code', 'statement', 'review_status'],
      applicationIds.flatMap((id, i) =>
        declared
          .filter((code) => i % 3 !== 2 || !code.startsWith('3.'))
          .map((code) => [id, code, 'Tôi đã làm được việc này trong năm.', 'PENDING']),
      ),
    );
    const today = todayInVietnam();
    await insertRows(
      'learning_records',
      ['worker_id', 'occurred_on', 'hours', 'source', 'source_ref', 'title'],
      workerIds.map((id, i) => [
        id,
        today,
        i % 3 === 1 ? 2 : 6,
        'COURSE',
        `course:${prefix}`,
        'Kỹ năng số cơ bản',
      ]),
    );
    await db.query(
      "INSERT INTO learning_record_domains (record_id, domain_code) SELECT id, 'DIGITAL' FROM learning_records WHERE source_ref = ?",
      [`course:${prefix}`],
    );
    await insertRows(
      'worker_learning_years',
      ['worker_id', 'year', 'first_digital_on', 'hours', 'records'],
      workerIds.map((id, i) => [id, year, today, i % 3 === 1 ? 2 : 6, 1]),
    );
    return { enterpriseId, workerIds, applicationIds };
  }

  let v1 = 0;
  let workerApplication = 0;

  it('evaluates a worker on the queue when their learning records arrive: eligible, with evidence per criterion', async () => {
    expect(queue).toBeInstanceOf(BullJobQueue);
    const active = (await criteria.active())!;
    expect(active).toMatchObject({ code: 'KHVN-324', version: 1, passMark: 70 });
    v1 = active.id;
    const enterpriseId = await createEnterprise(db, `Công ty Cổ phần Học Tập ${tag}`);
    await db.query(
      "INSERT INTO users (username, display_name, status) VALUES (?, 'Trần Thị Thu', 'ACTIVE')",
      [`cdht-${tag}`],
    );
    const { id: userId } = await one<{ id: number }>('SELECT id FROM users WHERE username = ?', [
      `cdht-${tag}`,
    ]);
    await db.query(
      "INSERT INTO workers (full_name, search_key, date_of_birth, gender, cccd_encrypted, cccd_hash, user_id) VALUES ('Trần Thị Thu', 'tran thi thu', '1992-03-08', 'FEMALE', 'x', ?, ?)",
      [`${tag}-thu`, userId],
    );
    const { id } = await one<{ id: number }>('SELECT id FROM workers WHERE cccd_hash = ?', [`${tag}-thu`]);
    const workerId = Number(id);
    await db.query(
      'INSERT INTO employments (worker_id, enterprise_id, start_date, union_member) VALUES (?, ?, ?, 1)',
      [workerId, enterpriseId, '2019-06-01'],
    );
    const actor = new Actor(
      Number(userId),
      'Trần Thị Thu',
      [{ role: Role.Worker, scopeType: ScopeType.Self, scopeId: workerId }],
      workerId,
    );

    const years = app.get(WorkerYearService);
    const { application, created } = await years.register(actor, year, {
      goalDIGITAL: 'Hoàn thành khóa Kỹ năng số cơ bản',
      hoursDIGITAL: 6,
    });
    expect(created).toBe(true);
    expect(application).toMatchObject({ status: 'REGISTERED', criteriaSetId: v1, enterpriseId });
    workerApplication = application.id;
    for (const code of ['1.4', '2.2', '2.3', '2.4', '3.1', '3.2'])
      await years.saveAnswer(actor, year, code, `Tự đánh giá tiêu chí ${code}.`);
    expect(await years.submit(actor, year)).toBe(true);
    expect(await years.submit(actor, year)).toBe(false);

    // Learning arrives: a digital course (3 h) and a reading club recorded by the union officer (2 h).
    const mark = await maxRunId();
    const records = app.get(LearningRecordsService);
    const course = await records.record({
      workerId,
      occurredOn: todayInVietnam(),
      hours: 3,
      source: RecordSource.Course,
      sourceRef: `course:cit-${tag}`,
      title: 'Kỹ năng số cơ bản: dùng điện thoại an toàn',
      domains: [DomainCode.Digital],
    });
    const officer = officerOf(9303, enterpriseId);
    const yearStart = new Date(`${year - 1}-12-31T17:00:00Z`); // 1 January 00:00 in Vietnam
    const startsAt = new Date(Math.max(Date.now() - 120 * 60_000, yearStart.getTime()));
    const endsAt = new Date(
      startsAt.getTime() + Math.min(60 * 60_000, (Date.now() - startsAt.getTime()) / 2),
    );
    const club = await app.get(SessionsService).create(officer, {
      title: 'Câu lạc bộ đọc sách tháng này',
      kind: SessionKind.ReadingClub,
      domains: [DomainCode.LifeSkills],
      startsAt: toVietnamInput(startsAt),
      endsAt: toVietnamInput(endsAt),
      place: 'Thư viện công đoàn',
      organiser: 'Công đoàn cơ sở',
      hours: 2,
    });
    await app.get(AttendanceService).add(officer, club.id, [workerId]);
    await settled('learning.recorded', workerId, mark);
    await settled('citizenship.evaluate-worker', workerId, mark);

    const result = (await applications.evaluationOf(workerApplication))!;
    expect(result).toMatchObject({ eligible: true, totalPoints: 100, criteriaSet: { id: v1, version: 1 } });
    const byCode = Object.fromEntries(result.items.map((i) => [i.criterionCode, i]));
    const clubRecord = await one<{ id: number }>(
      'SELECT id FROM learning_records WHERE worker_id = ? AND source_ref = ?',
      [workerId, `session:${club.id}`],
    );
    expect(byCode['1.1']).toMatchObject({ state: 'MET', points: 10, evidence: { hours: 5, count: 2 } });
    expect(byCode['1.2']).toMatchObject({ state: 'MET', evidence: { plan: true } });
    expect(byCode['1.3']).toMatchObject({ state: 'MET', evidence: { recordIds: [Number(clubRecord.id)] } });
    expect(byCode['1.3'].records.map((r) => r.title)).toEqual(['Câu lạc bộ đọc sách tháng này']);
    expect(byCode['2.1']).toMatchObject({
      state: 'MET',
      evidence: { recordIds: [course.id], count: 1 },
    });
    expect(byCode['2.1'].records[0]).toMatchObject({
      title: 'Kỹ năng số cơ bản: dùng điện thoại an toàn',
      hours: 3,
    });
    for (const code of ['1.4', '2.2', '2.3', '2.4', '3.1', '3.2'])
      expect(byCode[code]).toMatchObject({ state: 'DECLARED', points: 10 });

    // One evaluation row, the outcome in the audit trail, and one notice for the worker's login.
    expect(
      await count('SELECT COUNT(*) AS n FROM citizenship_evaluations WHERE application_id = ?', [
        workerApplication,
      ]),
    ).toBe(1);
    const audit: { action: string }[] = await db.query(
      'SELECT action FROM citizenship_audit WHERE application_id = ? ORDER BY id',
      [workerApplication],
    );
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(['REGISTERED', 'ANSWER_SAVED', 'SUBMITTED', 'EVALUATED']),
    );
    expect(audit.filter((a) => a.action === 'SUBMITTED')).toHaveLength(1);
    expect(
      await count(
        "SELECT COUNT(*) AS n FROM notices WHERE user_id = ? AND message_key = 'citizenship.notice.eligible'",
        [userId],
      ),
    ).toBe(1);

    // Evaluating again with the same inputs writes nothing (same id, same time).
    const before = await one(
      'SELECT id, input_hash, evaluated_at FROM citizenship_evaluations WHERE application_id = ?',
      [workerApplication],
    );
    await applications.evaluateApplication(workerApplication);
    expect(
      await one('SELECT id, input_hash, evaluated_at FROM citizenship_evaluations WHERE application_id = ?', [
        workerApplication,
      ]),
    ).toEqual(before);
  });

  let big: Awaited<ReturnType<typeof enterpriseOf>>;

  it('evaluates an enterprise of 300 workers with as many queries as one of 30, and a rerun writes nothing', async () => {
    big = await enterpriseOf(300, v1);
    const small = await enterpriseOf(30, v1);
    const scope = (enterpriseId: number) => ({ kind: 'ENTERPRISE' as const, id: enterpriseId });

    const first = await countQueries(() => evaluation.evaluateBatch(year, scope(big.enterpriseId)));
    const firstSmall = await countQueries(() => evaluation.evaluateBatch(year, scope(small.enterpriseId)));
    expect(first.result).toEqual({ evaluated: 300, eligible: 200, notEligible: 100, changed: 300 });
    expect(firstSmall.result).toEqual({ evaluated: 30, eligible: 20, notEligible: 10, changed: 30 });
    expect(first.queries).toBe(firstSmall.queries);
    expect(first.queries).toBeLessThan(30);

    // In chunks of 100: three chunks, progress after each, still a handful of queries per chunk.
    const progress: number[] = [];
    const chunked = await countQueries(() =>
      evaluation.evaluateBatch(
        year,
        scope(big.enterpriseId),
        async (p) => void progress.push(Math.round(p)),
        100,
      ),
    );
    expect(progress).toEqual([33, 67, 100]);
    expect(chunked.result).toEqual({ evaluated: 300, eligible: 200, notEligible: 100, changed: 0 });
    expect(chunked.queries).toBeLessThan(40);

    const ids = big.applicationIds;
    const snapshot = async () => ({
      evaluations: await db.query(
        'SELECT id, application_id, input_hash, evaluated_at, eligible, total_points FROM citizenship_evaluations WHERE application_id IN (?) ORDER BY application_id',
        [ids],
      ),
      items: await count(
        'SELECT COUNT(*) AS n FROM citizenship_evaluation_items i JOIN citizenship_evaluations e ON e.id = i.evaluation_id WHERE e.application_id IN (?)',
        [ids],
      ),
      audit: await count('SELECT COUNT(*) AS n FROM citizenship_audit WHERE application_id IN (?)', [ids]),
    });
    const stored = await snapshot();
    expect(stored.evaluations).toHaveLength(300);
    expect(stored.items).toBe(300 * 10);
    expect(stored.audit).toBe(300);

    // The same batch on the queue (twice, and its run delivered again) changes nothing.
    for (let i = 0; i < 2; i++) {
      const run = await queue.enqueue(
        'citizenship.evaluate-batch',
        { year, scope: scope(big.enterpriseId) },
        { key: `${year}:ENTERPRISE:${big.enterpriseId}`, requestedBy: admin.userId },
      );
      const done = await finished(admin, run.id);
      expect(done).toMatchObject({ status: 'COMPLETED', progress: 100 });
      expect(done.result).toMatchObject({ evaluated: 300, eligible: 200, notEligible: 100, changed: 0 });
      await app.get(JobExecutor).execute(run.id, 2);
    }
    expect(await snapshot()).toEqual(stored);
  });

  it('flips eligibility after a new version raises the pass mark; a recognition keeps its version', async () => {
    // Worker 1 (80 points) was recognised under version 1 before the change.
    const recognised = big.applicationIds[1];
    const [{ id: branchUnit }] = await db.query('SELECT unit_id AS id FROM enterprises WHERE id = ?', [
      big.enterpriseId,
    ]);
    await db.query('INSERT INTO association_branches (name, search_key, unit_id) VALUES (?, ?, ?)', [
      `Chi hội khuyến học ${tag}`,
      `chi hoi khuyen hoc ${tag}`,
      branchUnit,
    ]);
    const { id: branchId } = await one<{ id: number }>('SELECT id FROM association_branches WHERE name = ?', [
      `Chi hội khuyến học ${tag}`,
    ]);
    await db.query("UPDATE citizenship_applications SET status = 'RECOGNISED' WHERE id = ?", [recognised]);
    await db.query(
      `INSERT INTO recognitions (application_id, worker_id, year, branch_id, criteria_set_id, total_points, certificate_no,
         verify_code, status, recognised_by, recognised_at) VALUES (?, ?, ?, ?, ?, 80, ?, ?, 'VALID', ?, ?)`,
      [
        recognised,
        big.workerIds[1],
        year,
        branchId,
        v1,
        `CDHT-${tag}`,
        `v-${tag}`,
        reviewer.userId,
        new Date(),
      ],
    );

    // The reference criteria belong to the province's association: a branch at the top of the tree,
    // as this one is (the test enterprise's unit has no parent).
    const owner = new Actor(reviewer.userId, reviewer.displayName, [
      { role: Role.AssociationReviewer, scopeType: ScopeType.Branch, scopeId: branchId },
    ]);
    const draft = await criteria.createDraft(owner, v1);
    await criteria.updateSettings(owner, draft.id, { title: 'Bộ tiêu chí năm nay', passMark: 85 });
    const v2 = await criteria.activate(owner, draft.id);
    expect(v2).toMatchObject({ status: 'ACTIVE', passMark: 85, version: 2, activatedBy: reviewer.userId });
    expect(await one('SELECT status FROM criteria_sets WHERE id = ?', [v1])).toEqual({ status: 'RETIRED' });

    const idsBefore = await db.query(
      'SELECT application_id, id FROM citizenship_evaluations WHERE application_id IN (?) ORDER BY application_id',
      [big.applicationIds],
    );
    const run = await queue.enqueue(
      'citizenship.evaluate-batch',
      { year, scope: { kind: 'ENTERPRISE', id: big.enterpriseId } },
      { key: `${year}:ENTERPRISE:${big.enterpriseId}`, requestedBy: admin.userId },
    );
    const done = await finished(admin, run.id);
    // 299 open applications: 100 stay eligible (90 points), 99 fall below 85, 100 stay below their group minimum.
    expect(done.result).toMatchObject({ evaluated: 299, eligible: 100, notEligible: 199, changed: 299 });

    const rows: { applicationId: number; setId: number; eligible: number; total: number }[] = await db.query(
      'SELECT application_id AS applicationId, criteria_set_id AS setId, eligible, total_points AS total FROM citizenship_evaluations WHERE application_id IN (?)',
      [big.applicationIds],
    );
    const byApplication = new Map(rows.map((r) => [Number(r.applicationId), r]));
    big.applicationIds.forEach((id, i) => {
      const row = byApplication.get(id)!;
      if (id === recognised) {
        expect(row).toMatchObject({ setId: v1, total: 80, eligible: 1 });
        return;
      }
      expect(row.setId).toBe(v2.id);
      expect(Boolean(row.eligible)).toBe(i % 3 === 0);
    });
    // Replaced in place: the same evaluation ids as before.
    expect(
      await db.query(
        'SELECT application_id, id FROM citizenship_evaluations WHERE application_id IN (?) ORDER BY application_id',
        [big.applicationIds],
      ),
    ).toEqual(idsBefore);
    const reason = await one<{ reasons: string }>(
      'SELECT reasons FROM citizenship_evaluations WHERE application_id = ?',
      [big.applicationIds[4]],
    );
    expect(JSON.parse(reason.reasons)).toEqual([
      { key: 'citizenship.reason.belowPassMark', params: { total: 80, passMark: 85, missing: 5 } },
    ]);
    expect(
      await one(
        'SELECT criteria_set_id AS setId, total_points AS total, status FROM recognitions WHERE application_id = ?',
        [recognised],
      ),
    ).toEqual({
      setId: v1,
      total: 80,
      status: 'VALID',
    });
    // Another enterprise's applications were outside the batch: still under version 1.
    expect(
      await one('SELECT criteria_set_id AS setId FROM citizenship_evaluations WHERE application_id = ?', [
        workerApplication,
      ]),
    ).toEqual({ setId: v1 });
  });
});
