import { ImportPipeline } from '../../src/imports/import-pipeline';
import { INestApplication } from '@nestjs/common';
import { randomBytes, randomInt } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { AttendanceImportsService } from '../../src/activities/attendance-imports.service';
import { AttendanceService } from '../../src/activities/attendance.service';
import { SessionKind } from '../../src/activities/session-kinds';
import { SessionsService } from '../../src/activities/sessions.service';
import { ApiTokensService } from '../../src/auth/api-tokens.service';
import { Actor } from '../../src/common/access/actor';
import { Role, ScopeType } from '../../src/common/access/roles';
import { BullJobQueue } from '../../src/jobs/adapters/bull-job.queue';
import { JobExecutor } from '../../src/jobs/job-executor';
import { JobQueue } from '../../src/jobs/job-queue';
import { JobRunsService, JobRunView } from '../../src/jobs/job-runs.service';
import { DomainCode } from '../../src/learning-records/learning-domains';
import { LearningRecordsService } from '../../src/learning-records/learning-records.service';
import { PartnershipsService } from '../../src/learning-records/partnerships.service';
import { UserStatus } from '../../src/users/entities/user.entity';
import { UsersRepository } from '../../src/users/users.repository';
import { Gender, Worker } from '../../src/workers/entities/worker.entity';
import { WorkersService } from '../../src/workers/workers.service';
import { eventually } from '../support/eventually';
import { createTestApp } from '../support/test-app';
import { createEnterprise, officerOf, storeUpload } from '../support/workers-factory';
import { acceptPrivacyNotice } from '../support/consent';
import { ensureLearningDomains } from '../support/learning-domains';
import { toVietnamInput } from '../../src/common/time/vietnam-time';

/**
 * In-person learning and external records on MariaDB and Redis: the app runs as the job process
 * (Bull), so attendance imports go through Redis. Every way in is safe to repeat: a second import,
 * a job run delivered again, several phones checking in at once, an institution posting the same
 * result twice or in parallel. Jobs are awaited on their job_run (support/eventually.ts), never by
 * sleeping a fixed time.
 */
describe('activities (integration)', () => {
  const shared = {
    UPLOAD_DIR: mkdtempSync(join(tmpdir(), 'hoctap-uploads-')),
    PII_ENCRYPTION_KEYS: `k1:${randomBytes(32).toString('base64')}`,
    PII_HMAC_KEY: randomBytes(32).toString('base64'),
  };
  const files = mkdtempSync(join(tmpdir(), 'hoctap-attendance-'));
  let app: INestApplication;
  let db: DataSource;
  let sessions: SessionsService;
  let attendance: AttendanceService;
  let imports: AttendanceImportsService;
  let records: LearningRecordsService;
  let runs: JobRunsService;
  let enterpriseId: number;
  let officer: Actor;
  let people: (Worker & { cccd: string; code: string })[];

  beforeAll(async () => {
    app = await createTestApp({ database: 'mysql', redis: true, role: 'worker', env: shared });
    db = app.get(DataSource);
    sessions = app.get(SessionsService);
    attendance = app.get(AttendanceService);
    imports = app.get(AttendanceImportsService);
    records = app.get(LearningRecordsService);
    runs = app.get(JobRunsService);
    // The reference seed is not loaded on MySQL test databases.
    await ensureLearningDomains(db);
    enterpriseId = await createEnterprise(db, 'Công ty TNHH Thử nghiệm Học Tập');
    officer = officerOf(9101, enterpriseId);
    const serial = randomInt(1e5, 9e5);
    const workers = app.get(WorkersService);
    people = [];
    for (let i = 0; i < 6; i++) {
      const cccd = `001090${serial + i}`;
      const code = `HT${serial}-${i}`;
      const worker = await workers.create(officer, {
        fullName: `Thử Nghiệm Số ${i + 1}`,
        dateOfBirth: '1990-04-12',
        gender: Gender.Male,
        cccd,
        enterpriseId,
        startDate: '2020-01-06',
        employeeCode: code,
      });
      people.push(Object.assign(worker, { cccd, code }));
    }
  }, 60_000);

  afterAll(async () => {
    await app?.close();
  });

  const minutes = (n: number) => new Date(Date.now() + n * 60_000);
  const count = async (sql: string, params: unknown[]) => Number((await db.query(sql, params))[0].n);
  const workerActor = (w: Worker) =>
    new Actor(
      70_000 + w.id,
      w.fullName,
      [{ role: Role.Worker, scopeType: ScopeType.Self, scopeId: w.id }],
      w.id,
    );

  const finished = (actor: Actor, runId: number): Promise<JobRunView> =>
    eventually(`job run ${runId} to finish`, () => runs.getForActor(actor, runId), {
      until: (run) => run.finished,
    });

  async function session(
    title: string,
    kind: SessionKind,
    domains: DomainCode[],
    from: Date,
    to: Date,
    hours = 2,
  ) {
    return sessions.create(officer, {
      title,
      kind,
      domains,
      startsAt: toVietnamInput(from),
      endsAt: toVietnamInput(to),
      place: 'Hội trường',
      organiser: 'Công đoàn cơ sở',
      hours,
    });
  }

  it('imports an attendance sheet on Bull; a second import and a finished run delivered again add nothing', async () => {
    expect(app.get(JobQueue)).toBeInstanceOf(BullJobQueue);
    const talk = await session(
      'Phổ biến Luật Công đoàn 2024',
      SessionKind.LawTalk,
      [DomainCode.Law],
      minutes(-90),
      minutes(-30),
    );
    const path = join(files, 'diem-danh.csv');
    writeFileSync(
      path,
      [
        'DANH SÁCH THAM DỰ',
        'STT,Họ và tên,Số CCCD,Mã nhân viên',
        `1,${people[0].fullName},${people[0].cccd},`,
        `2,,,${people[1].code}`,
        `3,,${people[2].cccd},${people[2].code.toLowerCase()}`,
        `4,,${people[3].cccd},${people[4].code}`,
        '5,,,',
        `6,,,${people[1].code}`,
      ].join('\n'),
    );
    const upload = async () => {
      const created = await imports.createFromUpload(
        officer,
        talk.id,
        storeUpload(shared.UPLOAD_DIR, path, 'diem-danh.csv'),
      );
      const run = await finished(officer, created.jobRunId!);
      expect(run.status).toBe('COMPLETED');
      return { created, run, imp: await imports.findInScope(officer, talk.id, created.id) };
    };
    const first = await upload();
    expect(first.imp).toMatchObject({
      status: 'COMPLETED',
      totalRows: 5,
      createdCount: 3,
      unchangedCount: 0,
      errorCount: 2,
    });
    const errors = await imports.errorsPage(first.imp.id, 1, 20);
    expect(errors.items.map((e) => [e.rowNumber, e.columnName, e.messageKey, e.params])).toEqual([
      [6, 'Mã nhân viên', 'activities.import.error.mismatch', null],
      [8, null, 'activities.import.error.duplicate', { row: 4 }],
    ]);
    const sessionRecords = () =>
      count(
        "SELECT COUNT(*) AS n FROM learning_records WHERE source = 'SESSION' AND source_ref = ? AND worker_id IN (?)",
        [`session:${talk.id}`, people.map((p) => p.id)],
      );
    expect(await sessionRecords()).toBe(3);
    expect(await count('SELECT COUNT(*) AS n FROM session_attendance WHERE session_id = ?', [talk.id])).toBe(
      3,
    );

    const second = await upload();
    expect(second.imp).toMatchObject({ createdCount: 0, unchangedCount: 3, errorCount: 2 });

    // The first run delivered again (Bull's at-least-once), and the job's handler called again.
    await app.get(JobExecutor).execute(first.run.id, 2);
    expect((await runs.getForActor(officer, first.run.id)).result).toEqual(first.run.result);
    const rerun = await app.get(ImportPipeline).process(first.imp.id, {
      runId: first.run.id,
      attempt: 3,
      progress: async () => undefined,
    });
    expect(rerun).toMatchObject({ status: 'COMPLETED', created: 3, errors: 2 });
    expect(await sessionRecords()).toBe(3);
    expect(await count('SELECT COUNT(*) AS n FROM session_attendance WHERE session_id = ?', [talk.id])).toBe(
      3,
    );
    expect(await records.summaryOf(people[0].id)).toMatchObject({ records: 1, hours: 2 });
  });

  it('records one attendance and one learning record when a worker checks in from several phones at once', async () => {
    const club = await session(
      'Câu lạc bộ đọc sách',
      SessionKind.ReadingClub,
      [],
      minutes(-5),
      minutes(60),
      1.5,
    );
    const worker = people[5];
    const results = await Promise.all(
      Array.from({ length: 8 }, () => attendance.checkIn(workerActor(worker), club.checkinToken)),
    );
    expect(results.filter((r) => r.recorded)).toHaveLength(1);
    expect(
      await count('SELECT COUNT(*) AS n FROM session_attendance WHERE session_id = ? AND worker_id = ?', [
        club.id,
        worker.id,
      ]),
    ).toBe(1);
    expect(
      await count('SELECT COUNT(*) AS n FROM learning_records WHERE worker_id = ? AND source_ref = ?', [
        worker.id,
        `session:${club.id}`,
      ]),
    ).toBe(1);
    expect(await records.summaryOf(worker.id)).toMatchObject({
      records: 1,
      hours: 1.5,
      firstLifeSkillsOn: expect.any(String),
    });
  });

  it('takes a removed attendance out of the worker’s summary, and moves it with an edited session', async () => {
    const worker = people[4];
    const law = await session(
      'Tuyên truyền pháp luật lao động',
      SessionKind.LawTalk,
      [DomainCode.Law],
      new Date('2025-03-10T01:00:00Z'),
      new Date('2025-03-10T03:00:00Z'),
      2,
    );
    const trade = await session(
      'Tập huấn vận hành máy',
      SessionKind.SkillsTraining,
      [DomainCode.Vocational],
      new Date('2025-05-05T01:00:00Z'),
      new Date('2025-05-05T05:00:00Z'),
      3,
    );
    await attendance.add(officer, law.id, [worker.id]);
    await attendance.add(officer, trade.id, [worker.id]);
    expect(await records.summaryOf(worker.id)).toMatchObject({
      firstLawOn: '2025-03-10',
      firstVocationalOn: '2025-05-05',
      hours: 5,
      records: 2,
    });

    await attendance.remove(officer, law.id, worker.id);
    expect(await records.summaryOf(worker.id)).toMatchObject({
      firstLawOn: null,
      firstVocationalOn: '2025-05-05',
      hours: 3,
      records: 1,
    });
    expect(
      (await records.progressOf(worker.id, 2025)).find((p) => p.code === DomainCode.Law)?.firstThisYearOn,
    ).toBeNull();

    await sessions.update(officer, trade.id, {
      title: 'Tập huấn vận hành máy',
      kind: SessionKind.SkillsTraining,
      domains: [DomainCode.Vocational, DomainCode.Digital],
      startsAt: '2024-12-02T08:00',
      endsAt: '2024-12-02T12:00',
      place: 'Xưởng',
      organiser: 'Công đoàn cơ sở',
      hours: 4,
    });
    expect(await records.summaryOf(worker.id)).toMatchObject({
      firstVocationalOn: '2024-12-02',
      firstDigitalOn: '2024-12-02',
      hours: 4,
      records: 1,
    });
    const years: { year: number }[] = await db.query(
      'SELECT year FROM worker_learning_years WHERE worker_id = ?',
      [worker.id],
    );
    expect(years.map((y) => Number(y.year))).toEqual([2024]);
  });

  it('stores an external record once when it is posted twice, and when it is posted at the same moment', async () => {
    const name = `Trường Trung cấp Thử nghiệm ${randomInt(1e6)}`;
    await db.query("INSERT INTO training_institutions (name, search_key, kind) VALUES (?, ?, 'VOCATIONAL')", [
      name,
      name.toLowerCase(),
    ]);
    const [{ id }] = await db.query('SELECT id FROM training_institutions WHERE name = ?', [name]);
    const institutionId = Number(id);
    await app.get(PartnershipsService).link(institutionId, enterpriseId, '2024-01-01', null);
    const users = app.get(UsersRepository);
    const user = await users.create({
      username: `truong.${randomBytes(4).toString('hex')}`,
      displayName: 'Phòng đào tạo',
      email: null,
      status: UserStatus.Active,
    });
    await users.assign(user.id, Role.InstitutionEditor, ScopeType.Institution, institutionId);
    const actor = new Actor(user.id, 'Phòng đào tạo', [
      { role: Role.InstitutionEditor, scopeType: ScopeType.Institution, scopeId: institutionId },
    ]);
    await acceptPrivacyNotice(app, user.id);
    const { token } = await app.get(ApiTokensService, { strict: false }).create(actor, 'tích hợp');
    const worker = people[3];
    const body = (externalId: string) => ({
      externalId,
      cccd: worker.cccd,
      dateOfBirth: '1990-04-12',
      title: 'Chứng chỉ sơ cấp nghề Hàn',
      completedOn: '2025-06-30',
      hours: 200,
      domains: ['VOCATIONAL'],
    });
    const post = (externalId: string) =>
      request(app.getHttpServer())
        .post('/api/v1/external-records')
        .set('Authorization', `Bearer ${token}`)
        .send(body(externalId));
    const stored = (externalId: string) =>
      count('SELECT COUNT(*) AS n FROM external_records WHERE institution_id = ? AND external_id = ?', [
        institutionId,
        externalId,
      ]);
    const learning = () =>
      count("SELECT COUNT(*) AS n FROM learning_records WHERE worker_id = ? AND source = 'EXTERNAL'", [
        worker.id,
      ]);

    const first = await post('TC-0001').expect(201);
    const again = await post('TC-0001').expect(200);
    expect(again.body.id).toBe(first.body.id);
    expect(await stored('TC-0001')).toBe(1);
    expect(await learning()).toBe(1);

    const burst = await Promise.all(Array.from({ length: 6 }, () => post('TC-0002')));
    expect(burst.map((r) => r.status).sort()).toEqual([200, 200, 200, 200, 200, 201]);
    expect(new Set(burst.map((r) => r.body.id)).size).toBe(1);
    expect(await stored('TC-0002')).toBe(1);
    expect(await learning()).toBe(2);
  });
});
