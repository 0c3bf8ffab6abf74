import { INestApplication } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { ApiTokensService } from '../../src/auth/api-tokens.service';
import { Actor } from '../../src/common/access/actor';
import { Role, ScopeType } from '../../src/common/access/roles';
import { BullJobQueue } from '../../src/jobs/adapters/bull-job.queue';
import { JobRunView, JobRunsService } from '../../src/jobs/job-runs.service';
import { JobQueue } from '../../src/jobs/job-queue';
import { UserStatus } from '../../src/users/entities/user.entity';
import { UsersRepository } from '../../src/users/users.repository';
import { Gender } from '../../src/workers/entities/worker.entity';
import { ImportKind, ImportStatus } from '../../src/imports/entities/import-run.entity';
import { ImportPipeline } from '../../src/imports/import-pipeline';
import { ImportRunsRepository } from '../../src/imports/import-runs.repository';
import { RosterImportsService } from '../../src/workers/roster-imports.service';
import { OutOfScopeException } from '../../src/common/access/out-of-scope';
import { WorkersService } from '../../src/workers/workers.service';
import { eventually } from '../support/eventually';
import { createTestApp } from '../support/test-app';
import {
  createEnterprise,
  federationAdmin,
  officerOf,
  rosterLines,
  storeUpload,
  writeRosterXlsx,
} from '../support/workers-factory';
import { acceptPrivacyNotice } from '../support/consent';

/**
 * The workers domain on MariaDB and Redis: a 'web' app enqueues roster imports on Bull, a 'worker'
 * app runs them. Both read the same upload directory and use the same personal-data keys, as a
 * deployment's processes do. Jobs are awaited on their job_run (support/eventually.ts), never by
 * sleeping a fixed time.
 */
describe('workers (integration)', () => {
  const shared = {
    UPLOAD_DIR: mkdtempSync(join(tmpdir(), 'hoctap-uploads-')),
    PII_ENCRYPTION_KEYS: `k1:${randomBytes(32).toString('base64')}`,
    PII_HMAC_KEY: randomBytes(32).toString('base64'),
  };
  const files = mkdtempSync(join(tmpdir(), 'hoctap-rosters-'));
  let worker: INestApplication;
  let web: INestApplication;
  let db: DataSource;
  let workers: WorkersService;
  let imports: RosterImportsService;
  let runs: JobRunsService;
  let enterpriseA: number;
  let enterpriseB: number;
  let officerA: Actor;
  let officerB: Actor;

  beforeAll(async () => {
    worker = await createTestApp({ database: 'mysql', redis: true, role: 'worker', env: shared });
    web = await createTestApp({ database: 'mysql', redis: true, role: 'web', env: shared });
    db = web.get(DataSource);
    workers = web.get(WorkersService);
    imports = web.get(RosterImportsService, { strict: false });
    runs = web.get(JobRunsService);
    enterpriseA = await createEnterprise(db, 'Công ty TNHH Thử nghiệm Ánh Dương');
    enterpriseB = await createEnterprise(db, 'Công ty Cổ phần Thử nghiệm Bình Minh');
    officerA = officerOf(9001, enterpriseA);
    officerB = officerOf(9002, enterpriseB);
  }, 60_000);

  afterAll(async () => {
    await web?.close();
    await worker?.close();
  });

  /** Waits for the job run to finish, recording the progress it passed through. */
  const finished = (actor: Actor, runId: number, seen: number[] = []): Promise<JobRunView> =>
    eventually(`job run ${runId} to finish`, () => runs.getForActor(actor, runId), {
      until: (run) => {
        if (run.progress > 0 && run.progress < 100 && seen.at(-1) !== run.progress) seen.push(run.progress);
        return run.finished;
      },
    });

  async function importFile(actor: Actor, enterpriseId: number, path: string, seen?: number[]) {
    const created = await imports.createFromUpload(
      actor,
      enterpriseId,
      storeUpload(shared.UPLOAD_DIR, path, 'danh-sach.xlsx'),
    );
    const run = await finished(actor, created.jobRunId!, seen);
    expect(run.status).toBe('COMPLETED');
    return (await imports.findInScope(actor, created.id))!;
  }

  /** A real officer login of the enterprise with a personal API token, for calls over HTTP. */
  async function officerToken(enterpriseId: number): Promise<{ token: string; actor: Actor }> {
    const users = web.get(UsersRepository);
    const user = await users.create({
      username: `canbo.${randomBytes(4).toString('hex')}`,
      displayName: 'Cán bộ công đoàn',
      email: null,
      status: UserStatus.Active,
    });
    await users.assign(user.id, Role.UnionOfficer, ScopeType.Enterprise, enterpriseId);
    const actor = officerOf(user.id, enterpriseId);
    await acceptPrivacyNotice(web, user.id);
    const { token } = await web.get(ApiTokensService, { strict: false }).create(actor, 'test');
    return { token, actor };
  }

  const newWorker = (cccd: string, fullName: string, enterpriseId: number) => ({
    fullName,
    dateOfBirth: '1990-05-20',
    gender: Gender.Male,
    cccd,
    enterpriseId,
    startDate: '2018-02-01',
  });

  it('keeps each officer to their own enterprise’s workers, over HTTP too', async () => {
    const serial = String(Date.now() % 1e6).padStart(6, '0');
    const a = await workers.create(officerA, newWorker(`001090${serial}`, 'Trịnh Văn Ánh', enterpriseA));
    const b = await workers.create(officerB, newWorker(`002090${serial}`, 'Trịnh Văn Bình', enterpriseB));

    await expect(workers.findInScope(officerA, b.id)).rejects.toBeInstanceOf(OutOfScopeException);
    await expect(workers.findInScope(officerA, a.id)).resolves.toMatchObject({ id: a.id });
    await expect(workers.findInScope(federationAdmin(9003), b.id)).resolves.toMatchObject({ id: b.id });
    const listA = await workers.list(officerA, { status: 'all', size: 200 });
    expect(listA.items.map((w) => w.id)).toEqual([a.id]);
    expect(listA.items[0].cccdMasked).toBe(`001*******${serial.slice(-2)}`);
    const byCccd = await workers.list(officerA, { q: `002 090 ${serial}`, status: 'all' });
    expect(byCccd.total).toBe(0);
    const byName = await workers.list(federationAdmin(9003), { q: 'trinh van', status: 'all', size: 200 });
    expect(byName.items.map((w) => w.id)).toEqual(expect.arrayContaining([a.id, b.id]));

    // The same rule through the API of the web process, with a personal token of officer A.
    const { token } = await officerToken(enterpriseA);
    const api = request(web.getHttpServer());
    await api.get(`/api/v1/workers/${b.id}`).set('Authorization', `Bearer ${token}`).expect(404);
    const own = await api.get(`/api/v1/workers/${a.id}`).set('Authorization', `Bearer ${token}`).expect(200);
    expect(own.body.cccdMasked).toMatch(/^001\*{7}\d\d$/);
    expect(JSON.stringify(own.body)).not.toContain(`001090${serial}`);
    const revealed = await api
      .post(`/api/v1/workers/${a.id}/cccd`)
      .set('Authorization', `Bearer ${token}`)
      .expect(200);
    expect(revealed.body).toEqual({ cccd: `001090${serial}` });
  });

  it('imports a generated XLSX in the worker process: bad rows listed, good rows saved, a rerun changes nothing', async () => {
    expect(web.get(JobQueue)).toBeInstanceOf(BullJobQueue);
    const inWorker = jest.spyOn(worker.get(ImportPipeline, { strict: false }), 'process');
    const inWeb = jest.spyOn(web.get(ImportPipeline, { strict: false }), 'process');
    const lines = rosterLines(60, 'AD');
    const bad = [...lines];
    bad[3] = { ...lines[3], 'Số CCCD': '12345' };
    bad[7] = { ...lines[7], 'Ngày sinh': '31/02/1990' };
    bad[11] = { ...lines[2], 'Mã nhân viên': 'AD-TRUNG' };
    bad[15] = { ...lines[15], 'Giới tính': 'Nam' };
    bad[19] = { ...lines[19], 'Họ và tên': '' };
    const path = join(files, 'mixed.xlsx');
    await writeRosterXlsx(path, bad);

    const first = await importFile(officerA, enterpriseA, path);
    expect(first).toMatchObject({
      status: ImportStatus.Completed,
      totalRows: 60,
      createdCount: 55,
      updatedCount: 0,
      errorCount: 5,
    });
    const errors = await imports.errorsPage(first.id, 1, 50);
    // Rows are numbered as in Excel: a title row, the header, then data from row 3.
    expect(errors.items.map((e) => [e.rowNumber, e.columnName, e.messageKey, e.params])).toEqual([
      [6, 'Số CCCD', 'roster.error.cccd', null],
      [10, 'Ngày sinh', 'roster.error.date', null],
      [14, 'Số CCCD', 'roster.error.overlap', { row: 5 }],
      [18, 'Giới tính', 'roster.error.cccdGender', null],
      [22, 'Họ và tên', 'roster.error.required', null],
    ]);
    const [{ n }] = await db.query(
      'SELECT COUNT(*) AS n FROM employments WHERE enterprise_id = ? AND employee_code LIKE ?',
      [enterpriseA, 'AD%'],
    );
    expect(Number(n)).toBe(55);

    const second = await importFile(officerA, enterpriseA, path);
    expect(second).toMatchObject({ createdCount: 0, updatedCount: 0, unchangedCount: 55, errorCount: 5 });
    expect(inWorker).toHaveBeenCalledTimes(2);
    expect(inWeb).not.toHaveBeenCalled();
    inWorker.mockRestore();
    inWeb.mockRestore();

    // Officer B's scope does not reach A's import.
    await expect(imports.findInScope(officerB, first.id)).rejects.toBeInstanceOf(OutOfScopeException);
  });

  it('takes a roster over the API (multipart with a bearer token) and reports its errors in JSON', async () => {
    const { token, actor } = await officerToken(enterpriseA);
    const lines = rosterLines(3, 'API');
    const csv = [
      'Họ và tên;Ngày sinh;Giới tính;Số CCCD;Ngày vào làm',
      ...lines.map((l, i) =>
        [
          l['Họ và tên'],
          i === 1 ? '1990/13/45' : l['Ngày sinh'],
          l['Giới tính'],
          l['Số CCCD'],
          l['Ngày vào làm'],
        ].join(';'),
      ),
    ].join('\n');
    const api = request(web.getHttpServer());
    const accepted = await api
      .post('/api/v1/roster-imports')
      .set('Authorization', `Bearer ${token}`)
      .attach('file', Buffer.from(csv), { filename: 'api.csv', contentType: 'text/csv' })
      .expect(202);
    expect(accepted.body).toMatchObject({ enterpriseId: enterpriseA, fileName: 'api.csv', status: 'QUEUED' });
    await finished(actor, accepted.body.jobRunId);
    const status = await api
      .get(`/api/v1/roster-imports/${accepted.body.id}`)
      .set('Authorization', `Bearer ${token}`)
      .expect(200);
    expect(status.body).toMatchObject({ status: 'COMPLETED', rows: 3, created: 2, errors: 1, progress: 100 });
    const errors = await api
      .get(`/api/v1/roster-imports/${accepted.body.id}/errors`)
      .set('Authorization', `Bearer ${token}`)
      .expect(200);
    expect(errors.body.items).toEqual([
      {
        row: 3,
        column: 'Ngày sinh',
        code: 'roster.error.date',
        message: 'Ngày sinh không đúng định dạng dd/mm/yyyy',
      },
    ]);
    // Not a spreadsheet at all: refused at once with the reason, nothing queued.
    const refused = await api
      .post('/api/v1/roster-imports')
      .set('Authorization', `Bearer ${token}`)
      .attach('file', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]), { filename: 'anh.png' })
      .expect(400);
    expect(refused.body.errors.file).toBe('Chỉ nhận tệp Excel (.xlsx) hoặc CSV.');
  });

  it('imports 10,000 rows with a live progress bar', async () => {
    const lines = rosterLines(10_000, 'BM');
    const path = join(files, 'large.xlsx');
    await writeRosterXlsx(path, lines);
    const seen: number[] = [];
    const started = Date.now();
    const done = await importFile(officerB, enterpriseB, path, seen);
    const seconds = (Date.now() - started) / 1000;
    console.log(
      `10,000-row XLSX roster import (Bull worker, MariaDB): ${seconds.toFixed(1)} s, ${Math.round(10_000 / seconds)} rows/s; progress seen: ${seen.join(', ')}%`,
    );
    expect(done).toMatchObject({ totalRows: 10_000, createdCount: 10_000, errorCount: 0 });
    expect(seen.length).toBeGreaterThan(0);
    const [{ n }] = await db.query('SELECT COUNT(*) AS n FROM employments WHERE enterprise_id = ?', [
      enterpriseB,
    ]);
    expect(Number(n)).toBe(10_001);
  }, 300_000);

  it('ends in the same state when a run stops half-way and runs again', async () => {
    const enterprise = await createEnterprise(db, 'Công ty TNHH Thử nghiệm Chạy Lại');
    const officer = officerOf(9004, enterprise);
    const path = join(files, 'rerun.xlsx');
    await writeRosterXlsx(path, rosterLines(1_200, 'RR'));
    const upload = storeUpload(shared.UPLOAD_DIR, path, 'rerun.xlsx');
    // Recorded but not queued: this test plays the worker process itself.
    const repo = worker.get(ImportRunsRepository, { strict: false });
    const service = worker.get(ImportPipeline, { strict: false });
    const imp = await repo.create({
      kind: ImportKind.Roster,
      targetId: enterprise,
      uploadedBy: officer.userId,
      originalName: 'rerun.xlsx',
      storedName: upload.storedName.replace(/\.upload$/, '.xlsx'),
      sha256: upload.sha256,
    });
    await import('node:fs/promises').then((fs) =>
      fs.rename(upload.path, join(shared.UPLOAD_DIR, imp.storedName)),
    );

    const crash = { runId: 0, attempt: 1, progress: async () => Promise.reject(new Error('process killed')) };
    await expect(service.process(imp.id, crash)).rejects.toThrow('process killed');
    expect(await repo.findById(imp.id)).toMatchObject({
      status: ImportStatus.Running,
      totalRows: 500,
      createdCount: 500,
    });

    const calm = { runId: 0, attempt: 2, progress: async () => undefined };
    await expect(service.process(imp.id, calm)).resolves.toMatchObject({
      status: 'COMPLETED',
      rows: 1_200,
      created: 1_200,
    });
    const [{ n }] = await db.query('SELECT COUNT(*) AS n FROM employments WHERE enterprise_id = ?', [
      enterprise,
    ]);
    expect(Number(n)).toBe(1_200);
    // A third delivery of the same job finds it finished and leaves it.
    await expect(service.process(imp.id, calm)).resolves.toMatchObject({ rows: 1_200, created: 1_200 });
  }, 120_000);
});
