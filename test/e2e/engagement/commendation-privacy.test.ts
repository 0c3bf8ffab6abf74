import { INestApplication } from '@nestjs/common';
import { existsSync } from 'node:fs';
import { DataSource } from 'typeorm';
import { PersonalDataProviders } from '../../../src/common/personal-data/personal-data-providers';
import { todayInVietnam } from '../../../src/common/time/vietnam-time';
import { FilesService } from '../../../src/files/files.service';
import { samples } from '../../support/sample-files';
import { Browser, createTestApp } from '../../support/test-app';

/**
 * Issue 15, commendations and the privacy module: a worker's export lists their nominations'
 * evidence files (name, size, date); anonymising them deletes those files — the links and rows in
 * the anonymisation's transaction, the bytes after it has committed — and a rollback loses none.
 * A colleague's nomination and its file are untouched.
 */
describe('commendations’ evidence and anonymisation (e2e)', () => {
  let app: INestApplication;
  let db: DataSource;
  let officer: Browser;
  let worker: Browser;
  let admin: Browser;
  let workerId = 0;
  let colleagueId = 0;
  let failing = false;
  const year = Number(todayInVietnam().slice(0, 4));

  beforeAll(async () => {
    app = await createTestApp({ database: 'sqlite' });
    db = app.get(DataSource);
    officer = new Browser(app);
    await officer.login('congdoan.tamphat');
    worker = new Browser(app);
    await worker.login('nguoilaodong');
    admin = new Browser(app);
    await admin.login('liendoan');
    [{ id: workerId }] = await db.query(
      "SELECT w.id FROM workers w JOIN users u ON u.id = w.user_id WHERE u.username = 'nguoilaodong'",
    );
    const today = todayInVietnam();
    [{ id: colleagueId }] = await db.query(
      `SELECT e2.worker_id AS id FROM employments e1 JOIN employments e2 ON e2.enterprise_id = e1.enterprise_id
        WHERE e1.worker_id = ? AND e2.worker_id <> ? AND e2.start_date <= ? AND e2.end_date IS NULL
        ORDER BY e2.worker_id LIMIT 1`,
      [workerId, workerId, today],
    );
    // A domain that fails after the commendations' part, while `failing` is set: the transaction rolls back.
    app.get(PersonalDataProviders).register({
      tables: [],
      export: () => Promise.resolve({}),
      anonymise: () => (failing ? Promise.reject(new Error('a later domain failed')) : Promise.resolve()),
    });
  });
  afterAll(() => app?.close());

  /** Nominates with a PDF; the nomination's id and its file's id. */
  async function nominate(nominee: number, filename: string): Promise<{ id: number; fileId: number }> {
    await officer.get('/engagement/commendations/new');
    const res = await officer.agent
      .post('/engagement/commendations')
      .field('_csrf', officer.csrf)
      .field('year', String(year))
      .field('kind', 'CHILD')
      .field('workerId', String(nominee))
      .field('childName', `Con ${filename}`)
      .field('achievement', 'Học sinh giỏi cấp tỉnh')
      .attach('file', samples.pdf(), { filename, contentType: 'application/pdf' });
    expect(res.status).toBe(303);
    const id = Number(/\/engagement\/commendations\/(\d+)$/.exec(res.headers.location)![1]);
    const [{ fileId }] = await db.query(
      'SELECT file_id AS fileId FROM commendation_files WHERE commendation_id = ?',
      [id],
    );
    return { id, fileId: Number(fileId) };
  }
  const pathOf = async (fileId: number) => {
    const [{ stored }] = await db.query('SELECT stored_name AS stored FROM stored_files WHERE id = ?', [
      fileId,
    ]);
    return app.get(FilesService).absolutePath(stored);
  };
  const fileStatus = async (nomination: { id: number; fileId: number }) =>
    (await officer.agent.get(`/engagement/commendations/${nomination.id}/files/${nomination.fileId}`)).status;

  it('lists the evidence files in the worker’s export, deletes them on anonymisation after commit, and only theirs', async () => {
    const own = await nominate(workerId, 'giay-khen-cua-con.pdf');
    const colleague = await nominate(colleagueId, 'giay-khen-dong-nghiep.pdf');
    const ownPath = await pathOf(own.fileId);
    const colleaguePath = await pathOf(colleague.fileId);
    expect(existsSync(ownPath)).toBe(true);

    const exported = JSON.parse((await worker.agent.get('/privacy/export/json').expect(200)).text);
    expect(exported.sections.commendationFiles).toEqual([
      expect.objectContaining({
        commendationId: own.id,
        fileName: 'giay-khen-cua-con.pdf',
        sizeBytes: samples.pdf().length,
        createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      }),
    ]);

    await worker.get('/privacy');
    expect((await worker.submit('/privacy/requests/deletion', { reason: 'Tôi nghỉ việc.' })).status).toBe(
      303,
    );
    const [{ id: requestId }] = await db.query(
      "SELECT id FROM privacy_requests WHERE kind = 'DELETION' AND status = 'OPEN' AND worker_id = ?",
      [workerId],
    );
    await admin.get('/privacy/admin/requests');

    // A later domain fails: everything rolls back, and the evidence is all still there.
    failing = true;
    const failed = await admin.submit(`/privacy/admin/requests/${requestId}/anonymise`, {});
    expect(failed.status).toBe(500);
    failing = false;
    expect(await fileStatus(own)).toBe(200);
    expect(existsSync(ownPath)).toBe(true);
    expect(
      Number(
        (
          await db.query('SELECT COUNT(*) AS n FROM commendation_files WHERE commendation_id = ?', [own.id])
        )[0].n,
      ),
    ).toBe(1);

    await admin.get('/privacy/admin/requests');
    expect((await admin.submit(`/privacy/admin/requests/${requestId}/anonymise`, {})).status).toBe(303);
    expect(await fileStatus(own)).toBe(404);
    expect(existsSync(ownPath)).toBe(false);
    expect(await db.query('SELECT id FROM stored_files WHERE id = ?', [own.fileId])).toEqual([]);
    expect(await db.query('SELECT id FROM commendation_files WHERE commendation_id = ?', [own.id])).toEqual(
      [],
    );
    const page = await officer.get(`/engagement/commendations/${own.id}`);
    expect(page.status).toBe(200);
    expect(page.text).not.toContain('giay-khen-cua-con.pdf');

    // The colleague's nomination keeps its file.
    expect(await fileStatus(colleague)).toBe(200);
    expect(existsSync(colleaguePath)).toBe(true);
    const provider = app
      .get(PersonalDataProviders)
      .all()
      .find((p) => p.tables.includes('commendations'))!;
    expect((await provider.export({ userId: 0, workerId: colleagueId })).commendationFiles).toHaveLength(1);
    expect((await provider.export({ userId: 0, workerId })).commendationFiles).toEqual([]);
  });
});
