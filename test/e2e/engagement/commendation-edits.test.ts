import { INestApplication } from '@nestjs/common';
import { existsSync } from 'node:fs';
import { DataSource } from 'typeorm';
import { Role, ScopeType } from '../../../src/common/access/roles';
import { todayInVietnam } from '../../../src/common/time/vietnam-time';
import { FilesService } from '../../../src/files/files.service';
import { createLogin } from '../../support/indicators-factory';
import { samples } from '../../support/sample-files';
import { Browser, createTestApp } from '../../support/test-app';

const TAM_PHAT = '6400123455';
const DAK_MIL = '6400234564';
const NOT_EDITABLE = 'Đề cử đã có quyết định của Liên đoàn Lao động tỉnh nên không sửa được nữa.';
const PUBLISHED_READ_ONLY = 'Mô hình đã đăng: chỉ Liên đoàn Lao động tỉnh sửa được.';

/**
 * Nominations and good models are edited after submission (issue 15): a nomination by the officers
 * of its enterprise while it is pending (page form, PATCH API, evidence added and removed), then it
 * is read-only; a good model's draft by its enterprise's officers and the federation, a published
 * one by the federation only. The attacks: another enterprise's officer, an officer whose scope
 * was taken away after nominating, fields that must not be set (status, decision, enterprise,
 * worker), edits after the decision — each refused, changing nothing. Every edit leaves an audit row.
 */
describe('editing nominations and good models (e2e)', () => {
  let app: INestApplication;
  let db: DataSource;
  let officer: Browser;
  let moved: Browser;
  let other: Browser;
  let federation: Browser;
  let tamPhatId = 0;
  let dakMilId = 0;
  let movedUserId = 0;
  let parentId = 0;
  let nominationId = 0;
  const year = Number(todayInVietnam().slice(0, 4));

  const rowOf = async (id: number) =>
    (
      await db.query(
        'SELECT achievement, child_name AS childName, child_school AS childSchool, child_birth_year AS childBirthYear, status, enterprise_id AS enterpriseId, worker_id AS workerId FROM commendations WHERE id = ?',
        [id],
      )
    )[0] as Record<string, unknown>;
  const filesOf = async (id: number) =>
    (
      (await db.query('SELECT file_id AS id FROM commendation_files WHERE commendation_id = ? ORDER BY id', [
        id,
      ])) as { id: number }[]
    ).map((r) => Number(r.id));
  const audits = async (subjectType: string, id: number) =>
    (await db.query(
      'SELECT action, details, actor_user_id AS actor FROM audit_log WHERE subject_type = ? AND subject_id = ? ORDER BY id',
      [subjectType, id],
    )) as { action: string; details: string; actor: number }[];
  const api = (browser: Browser, method: 'patch' | 'delete', path: string) =>
    browser.agent[method](`/api/v1/engagement${path}`).set('x-csrf-token', browser.csrf);

  beforeAll(async () => {
    app = await createTestApp({ database: 'sqlite' });
    db = app.get(DataSource);
    const idOf = async (tax: string) =>
      Number((await db.query('SELECT id FROM enterprises WHERE tax_code = ?', [tax]))[0].id);
    tamPhatId = await idOf(TAM_PHAT);
    dakMilId = await idOf(DAK_MIL);
    movedUserId = await createLogin(db, {
      username: 'congdoan.tamphat.2',
      displayName: 'Cán bộ công đoàn Tâm Phát 2',
      role: Role.UnionOfficer,
      scopeType: ScopeType.Enterprise,
      scopeId: tamPhatId,
    });
    officer = new Browser(app);
    await officer.login('congdoan.tamphat');
    moved = new Browser(app);
    await moved.login('congdoan.tamphat.2');
    other = new Browser(app);
    await other.login('congdoan.dakmil');
    federation = new Browser(app);
    await federation.login('liendoan');
    const today = todayInVietnam();
    [{ id: parentId }] = await db.query(
      `SELECT worker_id AS id FROM employments WHERE enterprise_id = ? AND start_date <= ? AND end_date IS NULL
        ORDER BY worker_id LIMIT 1`,
      [tamPhatId, today],
    );
  });
  afterAll(() => app?.close());

  async function nominate(browser: Browser, childName: string): Promise<number> {
    await browser.get('/engagement/commendations/new');
    const res = await browser.agent
      .post('/engagement/commendations')
      .field('_csrf', browser.csrf)
      .field('year', String(year))
      .field('kind', 'CHILD')
      .field('workerId', String(parentId))
      .field('childName', childName)
      .field('childSchool', 'Trường THCS Nguyễn Du')
      .field('childBirthYear', '2012')
      .field('achievement', 'Học sinh giỏi cấp huyện')
      .attach('file', samples.pdf(), { filename: 'giay-khen.pdf', contentType: 'application/pdf' });
    expect(res.status).toBe(303);
    return Number(/\/engagement\/commendations\/(\d+)$/.exec(res.headers.location)![1]);
  }

  it('the officer edits a pending nomination on the page: the create form with its values, a file added, an audit row', async () => {
    nominationId = await nominate(officer, 'Nguyễn Thị Bé');
    const show = await officer.get(`/engagement/commendations/${nominationId}`);
    expect(show.text).toContain(`href="/engagement/commendations/${nominationId}/edit"`);
    const form = await officer.get(`/engagement/commendations/${nominationId}/edit`);
    expect(form.status).toBe(200);
    expect(form.text).toContain('Sửa đề cử: Nguyễn Thị Bé');
    expect(form.text).toContain('Học sinh giỏi cấp huyện');
    expect(form.text).toContain('value="Trường THCS Nguyễn Du"');
    expect(form.text).toContain(`action="/engagement/commendations/${nominationId}"`);
    expect(form.text).not.toContain('name="workerId"');

    // A bad edit (the child's name emptied) is refused in Vietnamese and saves nothing, file included.
    const bad = await officer.agent
      .post(`/engagement/commendations/${nominationId}`)
      .field('_csrf', officer.csrf)
      .field('childName', '')
      .field('achievement', 'Đổi')
      .attach('file', samples.pdf(), { filename: 'them.pdf', contentType: 'application/pdf' });
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('Hãy nhập họ tên của con.');
    expect((await rowOf(nominationId)).achievement).toBe('Học sinh giỏi cấp huyện');
    expect(await filesOf(nominationId)).toHaveLength(1);

    const saved = await officer.agent
      .post(`/engagement/commendations/${nominationId}`)
      .field('_csrf', officer.csrf)
      .field('childName', 'Nguyễn Thị Bé Na')
      .field('childBirthYear', '2012')
      .field('achievement', 'Học sinh giỏi cấp tỉnh môn Toán')
      .attach('file', samples.pdf(), { filename: 'giay-khen-tinh.pdf', contentType: 'application/pdf' });
    expect(saved.status).toBe(303);
    expect(saved.headers.location).toBe(`/engagement/commendations/${nominationId}`);
    expect(await rowOf(nominationId)).toMatchObject({
      achievement: 'Học sinh giỏi cấp tỉnh môn Toán',
      childName: 'Nguyễn Thị Bé Na',
      childSchool: null, // left empty on the whole form: cleared
      status: 'PENDING',
    });
    expect(await filesOf(nominationId)).toHaveLength(2);
    const trail = await audits('commendation', nominationId);
    expect(trail.map((a) => a.action)).toEqual(['commendation.edited', 'commendation.evidence.added']);
    // Which fields, never their values (personal data the trail would keep forever).
    expect(JSON.parse(trail[0].details)).toEqual({ fields: 'achievement, childName, childSchool' });
  });

  it('PATCH changes only what it sends; status, decision, enterprise and worker cannot be set', async () => {
    await officer.get(`/engagement/commendations/${nominationId}`);
    const res = await api(officer, 'patch', `/commendations/${nominationId}`)
      .send({ childSchool: 'Trường THCS Lê Lợi' })
      .expect(200);
    expect(res.body).toMatchObject({
      childSchool: 'Trường THCS Lê Lợi',
      achievement: 'Học sinh giỏi cấp tỉnh môn Toán',
    });
    expect(res.body.files).toHaveLength(2);
    const before = await rowOf(nominationId);
    for (const extra of [
      { status: 'APPROVED' },
      { decision: 'APPROVED' },
      { decisionReason: 'x' },
      { enterpriseId: dakMilId },
      { workerId: 1 },
      { year: 2020 },
      { kind: 'WORKER' },
      { nominatedBy: 1 },
    ]) {
      const refused = await api(officer, 'patch', `/commendations/${nominationId}`).send({
        achievement: 'Chen thêm',
        ...extra,
      });
      expect([Object.keys(extra)[0], refused.status]).toEqual([Object.keys(extra)[0], 400]);
    }
    expect(await rowOf(nominationId)).toEqual(before);

    // A worker's own nomination has no child: child details are refused, in Vietnamese.
    await officer.get('/engagement/commendations/new');
    const own = await officer.agent
      .post('/engagement/commendations')
      .field('_csrf', officer.csrf)
      .field('year', String(year))
      .field('kind', 'WORKER')
      .field('workerId', String(parentId))
      .field('achievement', 'Lao động giỏi');
    expect(own.status).toBe(303);
    const ownId = Number(/(\d+)$/.exec(own.headers.location)![1]);
    const child = await api(officer, 'patch', `/commendations/${ownId}`).send({ childName: 'Con' });
    expect(child.status).toBe(400);
    expect(child.body.errors.childName).toBe('Chỉ đề cử con công nhân lao động mới có thông tin của con.');
    expect((await rowOf(ownId)).childName).toBeNull();
  });

  it('another enterprise’s officer gets 404 on every edit route, and nothing changes', async () => {
    const [fileId] = await filesOf(nominationId);
    const before = await rowOf(nominationId);
    await other.get('/engagement/commendations');
    expect((await other.get(`/engagement/commendations/${nominationId}/edit`)).status).toBe(404);
    const post = await other.agent
      .post(`/engagement/commendations/${nominationId}`)
      .field('_csrf', other.csrf)
      .field('achievement', 'Sửa trộm');
    expect(post.status).toBe(404);
    expect(
      (await api(other, 'patch', `/commendations/${nominationId}`).send({ achievement: 'Sửa trộm' })).status,
    ).toBe(404);
    expect(
      (await other.submit(`/engagement/commendations/${nominationId}/files/${fileId}/delete`, {})).status,
    ).toBe(404);
    expect((await api(other, 'delete', `/commendations/${nominationId}/files/${fileId}`)).status).toBe(404);
    // The federation decides but does not edit (a role the routes do not allow).
    await federation.get('/engagement/commendations');
    expect(
      (await api(federation, 'patch', `/commendations/${nominationId}`).send({ achievement: 'x' })).status,
    ).toBe(403);
    expect(await rowOf(nominationId)).toEqual(before);
    expect(await filesOf(nominationId)).toHaveLength(2);
  });

  it('an officer whose enterprise was taken out of their scope after nominating gets 404', async () => {
    const id = await nominate(moved, 'Trần Văn Nhỏ');
    await moved.get(`/engagement/commendations/${id}/edit`);
    // The federation moves them to another enterprise: the role stays, the scope no longer has Tâm Phát.
    await db.query('UPDATE role_assignments SET scope_id = ? WHERE user_id = ? AND role = ?', [
      dakMilId,
      movedUserId,
      Role.UnionOfficer,
    ]);
    const before = await rowOf(id);
    const [fileId] = await filesOf(id);
    expect((await moved.get(`/engagement/commendations/${id}/edit`)).status).toBe(404);
    const post = await moved.agent
      .post(`/engagement/commendations/${id}`)
      .field('_csrf', moved.csrf)
      .field('childName', 'Trần Văn Nhỏ')
      .field('achievement', 'Sửa sau khi chuyển');
    expect(post.status).toBe(404);
    expect(
      (await api(moved, 'patch', `/commendations/${id}`).send({ achievement: 'Sửa sau khi chuyển' })).status,
    ).toBe(404);
    expect((await api(moved, 'delete', `/commendations/${id}/files/${fileId}`)).status).toBe(404);
    expect(await rowOf(id)).toEqual(before);
    expect(await filesOf(id)).toEqual([fileId]);
    expect(await audits('commendation', id)).toEqual([]);
  });

  it('removes an evidence file (page and API): the file answers 404 and its bytes are gone', async () => {
    const [first, second] = await filesOf(nominationId);
    const [{ stored }] = await db.query('SELECT stored_name AS stored FROM stored_files WHERE id = ?', [
      first,
    ]);
    const path = app.get(FilesService).absolutePath(stored);
    expect(existsSync(path)).toBe(true);
    await officer.get(`/engagement/commendations/${nominationId}/edit`);
    const removed = await officer.submit(
      `/engagement/commendations/${nominationId}/files/${first}/delete`,
      {},
    );
    expect(removed.status).toBe(303);
    expect(removed.headers.location).toBe(`/engagement/commendations/${nominationId}/edit`);
    expect((await officer.agent.get(`/engagement/commendations/${nominationId}/files/${first}`)).status).toBe(
      404,
    );
    expect(existsSync(path)).toBe(false);
    await api(officer, 'delete', `/commendations/${nominationId}/files/${second}`).expect(204);
    expect(await filesOf(nominationId)).toEqual([]);
    expect((await audits('commendation', nominationId)).map((a) => a.action).slice(-2)).toEqual([
      'commendation.evidence.removed',
      'commendation.evidence.removed',
    ]);
  });

  it('once decided the nomination is read-only: every edit is refused with a clear message and changes nothing', async () => {
    await officer.get(`/engagement/commendations/${nominationId}`);
    const upload = await officer.agent
      .post(`/engagement/commendations/${nominationId}/files`)
      .field('_csrf', officer.csrf)
      .attach('file', samples.pdf(), { filename: 'sau.pdf', contentType: 'application/pdf' });
    expect(upload.status).toBe(303);
    const [fileId] = await filesOf(nominationId);
    await federation.get(`/engagement/commendations/${nominationId}`);
    expect(
      (
        await federation.submit(`/engagement/commendations/${nominationId}/decision`, {
          decision: 'APPROVED',
        })
      ).status,
    ).toBe(303);
    const before = await rowOf(nominationId);
    const trail = (await audits('commendation', nominationId)).length;

    const show = await officer.get(`/engagement/commendations/${nominationId}`);
    expect(show.text).not.toContain(`/engagement/commendations/${nominationId}/edit`);
    const form = await officer.get(`/engagement/commendations/${nominationId}/edit`);
    expect(form.status).toBe(400);
    expect(form.text).toContain(NOT_EDITABLE);
    await officer.get(`/engagement/commendations/${nominationId}`);
    const post = await officer.agent
      .post(`/engagement/commendations/${nominationId}`)
      .field('_csrf', officer.csrf)
      .field('childName', 'Tên khác')
      .field('achievement', 'Sửa sau quyết định')
      .attach('file', samples.pdf(), { filename: 'sau-nua.pdf', contentType: 'application/pdf' });
    expect(post.status).toBe(400);
    expect(post.text).toContain(NOT_EDITABLE);
    const patch = await api(officer, 'patch', `/commendations/${nominationId}`).send({
      achievement: 'Sửa sau',
    });
    expect(patch.status).toBe(400);
    expect(patch.body.message).toBe(NOT_EDITABLE);
    const more = await officer.agent
      .post(`/engagement/commendations/${nominationId}/files`)
      .field('_csrf', officer.csrf)
      .attach('file', samples.pdf(), { filename: 'them-nua.pdf', contentType: 'application/pdf' });
    expect(more.status).toBe(400);
    expect((await api(officer, 'delete', `/commendations/${nominationId}/files/${fileId}`)).status).toBe(400);
    expect(await rowOf(nominationId)).toEqual(before);
    expect(await filesOf(nominationId)).toEqual([fileId]);
    expect(await audits('commendation', nominationId)).toHaveLength(trail);
  });

  it('good models: a draft is edited by its officers and the federation, a published one by the federation only', async () => {
    await officer.get('/engagement/models/new');
    const draft = await officer.agent
      .post('/engagement/models')
      .field('_csrf', officer.csrf)
      .field('title', 'Góc học tập ca đêm')
      .field('body', 'Công nhân ca đêm học trong giờ nghỉ.');
    expect(draft.status).toBe(303);
    const id = Number(/\/engagement\/models\/(\d+)$/.exec(draft.headers.location)![1]);
    const form = await officer.get(`/engagement/models/${id}/edit`);
    expect(form.status).toBe(200);
    expect(form.text).toContain('value="Góc học tập ca đêm"');
    expect(form.text).toContain(`action="/engagement/models/${id}"`);
    const saved = await officer.agent
      .post(`/engagement/models/${id}`)
      .field('_csrf', officer.csrf)
      .field('title', 'Góc học tập cho ca đêm')
      .field('body', 'Công nhân ca đêm học trong giờ nghỉ.\n\nMỗi tháng một chủ đề.')
      .attach('file', samples.png(), { filename: 'anh.png', contentType: 'image/png' });
    expect(saved.status).toBe(303);

    const model = async () =>
      (
        await db.query(
          'SELECT title, body, status, enterprise_id AS enterpriseId, image_file_id AS image FROM good_models WHERE id = ?',
          [id],
        )
      )[0];
    const firstImage = (await model()).image;
    expect(firstImage).not.toBeNull();
    await other.get('/engagement/models');
    expect((await other.get(`/engagement/models/${id}/edit`)).status).toBe(404);
    expect(
      (await other.agent.post(`/engagement/models/${id}`).field('_csrf', other.csrf).field('title', 'Trộm'))
        .status,
    ).toBe(404);
    expect((await api(other, 'patch', `/models/${id}`).send({ title: 'Trộm' })).status).toBe(404);
    for (const extra of [
      { status: 'PUBLISHED' },
      { enterpriseId: dakMilId },
      { publishedAt: '2020-01-01' },
      { createdBy: 1 },
    ])
      expect((await api(officer, 'patch', `/models/${id}`).send({ title: 'Chen', ...extra })).status).toBe(
        400,
      );
    expect(await model()).toMatchObject({
      title: 'Góc học tập cho ca đêm',
      status: 'DRAFT',
      enterpriseId: tamPhatId,
    });

    await federation.get(`/engagement/models/${id}`);
    await api(federation, 'patch', `/models/${id}`)
      .send({ title: 'Góc học tập ca đêm Tâm Phát' })
      .expect(200);
    expect((await federation.submit(`/engagement/models/${id}/publish`, {})).status).toBe(303);

    const readOnly = await officer.get(`/engagement/models/${id}/edit`);
    expect(readOnly.status).toBe(400);
    expect(readOnly.text).toContain(PUBLISHED_READ_ONLY);
    const patch = await api(officer, 'patch', `/models/${id}`).send({ title: 'Đổi sau khi đăng' });
    expect(patch.status).toBe(400);
    expect(patch.body.message).toBe(PUBLISHED_READ_ONLY);
    expect((await officer.get(`/engagement/models/${id}`)).text).not.toContain(
      `/engagement/models/${id}/edit`,
    );

    // The federation corrects the published story; a new photo replaces the old one, whose file goes.
    const [{ stored }] = await db.query('SELECT stored_name AS stored FROM stored_files WHERE id = ?', [
      firstImage,
    ]);
    const oldPath = app.get(FilesService).absolutePath(stored);
    await federation.get(`/engagement/models/${id}/edit`);
    const fixed = await federation.agent
      .post(`/engagement/models/${id}`)
      .field('_csrf', federation.csrf)
      .field('title', 'Góc học tập ca đêm Tâm Phát')
      .field('body', 'Công nhân ca đêm học trong giờ nghỉ.\n\nMỗi tháng một chủ đề mới.')
      .attach('file', samples.png(), { filename: 'anh-moi.png', contentType: 'image/png' });
    expect(fixed.status).toBe(303);
    expect(await model()).toMatchObject({ status: 'PUBLISHED', body: expect.stringContaining('chủ đề mới') });
    expect((await model()).image).not.toBe(firstImage);
    expect(await db.query('SELECT id FROM stored_files WHERE id = ?', [firstImage])).toEqual([]);
    expect(existsSync(oldPath)).toBe(false);
    expect((await audits('good_model', id)).map((a) => a.action)).toEqual([
      'model.edited',
      'model.edited',
      'model.edited',
    ]);
  });
});
