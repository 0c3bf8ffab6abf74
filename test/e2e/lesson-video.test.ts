import { INestApplication } from '@nestjs/common';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { PasswordHasher } from '../../src/auth/password-hasher';
import { Role, ScopeType } from '../../src/common/access/roles';
import { CompletionRule } from '../../src/catalog/entities/lesson.entity';
import { uploadsConfig, UploadsConfig } from '../../src/config';
import { UserStatus } from '../../src/users/entities/user.entity';
import { UsersRepository } from '../../src/users/users.repository';
import { CourseFixture, createCourse, createInstitution } from '../support/learning-factory';
import { samples } from '../support/sample-files';
import { Browser, createTestApp } from '../support/test-app';

const FIXTURES = join(__dirname, '..', 'fixtures');
const MP4 = readFileSync(join(FIXTURES, 'lesson-video.mp4'));
const WEBM = readFileSync(join(FIXTURES, 'lesson-video.webm'));

/**
 * A video block in a lesson (issue 13): the editor uploads an MP4 or WebM (checked by its bytes)
 * into the lesson's files, the lesson text holds `<video controls preload="metadata" src>` of it,
 * the worker's lesson page plays it, and the file route answers Range requests so a phone can seek.
 * Only the course's own institution's editors may upload; others get 404, workers 403.
 */
describe('lesson video (e2e)', () => {
  let app: INestApplication;
  let db: DataSource;
  let uploadDir: string;
  let editor: Browser;
  let fixture: CourseFixture;

  beforeAll(async () => {
    app = await createTestApp({ database: 'sqlite' });
    db = app.get(DataSource);
    uploadDir = app.get<UploadsConfig>(uploadsConfig.KEY).dir;
    const [{ id: institutionId }] = await db.query('SELECT id FROM training_institutions WHERE name = ?', [
      'Trường Cao đẳng Cộng đồng Đắk Nông',
    ]);
    fixture = await createCourse(db, {
      title: 'An toàn điện có video hướng dẫn',
      institutionId: Number(institutionId),
      domains: ['VOCATIONAL'],
      lessons: [{ rule: CompletionRule.TimeSpent, minMinutes: 2 }, {}],
    });
    editor = new Browser(app);
    await editor.login('truong.caodang');
  });

  afterAll(async () => {
    await app.close();
  });

  const courseId = () => fixture.course.id;
  const lessonId = () => fixture.lessons[0].id;
  const lessonPath = () => `/catalog/courses/${courseId()}/lessons/${lessonId()}`;

  const decode = (text: string) =>
    text
      .replace(/&#x27;/g, "'")
      .replace(/&quot;/g, '"')
      .replace(/&#x3D;/g, '=')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&');
  const fieldError = (html: string, field: string) =>
    decode(new RegExp(`<p id="e-${field}" class="error">([^<]+)</p>`).exec(html)?.[1] ?? '');
  const filesOnDisk = (dir = uploadDir): string[] => {
    try {
      return readdirSync(dir).flatMap((entry) => {
        const path = join(dir, entry);
        return statSync(path).isDirectory() ? filesOnDisk(path) : [path];
      });
    } catch {
      return [];
    }
  };
  const storedRows = async () => Number((await db.query('SELECT COUNT(*) AS n FROM stored_files'))[0].n);
  const binary = (res: request.Response, done: (error: Error | null, body: Buffer) => void) => {
    const chunks: Buffer[] = [];
    res.on('data', (chunk: Buffer) => chunks.push(chunk));
    res.on('end', () => done(null, Buffer.concat(chunks)));
  };

  async function uploadVideo(browser: Browser, bytes: Buffer, filename: string, path = lessonPath()) {
    await browser.get(path);
    return browser.agent
      .post(`${path}/videos`)
      .field('_csrf', browser.csrf)
      .attach('file', bytes, { filename, contentType: 'application/octet-stream' });
  }

  let videoId = 0;

  it('keeps an uploaded MP4 as the lesson’s file and leads back with its id', async () => {
    const res = await uploadVideo(editor, MP4, 'Ngắt cầu dao.mp4');
    expect(res.status).toBe(303);
    const [file] = await db.query(
      "SELECT id, kind, mime, owner_type, owner_id FROM stored_files WHERE original_name = 'Ngắt cầu dao.mp4'",
    );
    expect(file).toMatchObject({ kind: 'MP4', mime: 'video/mp4', owner_type: 'LESSON' });
    expect(Number(file.owner_id)).toBe(lessonId());
    videoId = Number(file.id);
    expect(res.headers.location).toBe(`${lessonPath()}?file=${videoId}#files`);
    const linked = await db.query('SELECT file_id FROM lesson_files WHERE lesson_id = ?', [lessonId()]);
    expect(linked.map((r: { file_id: number }) => Number(r.file_id))).toContain(videoId);
    // A WebM is a video block too.
    const webm = await uploadVideo(editor, WEBM, 'thao-tac.webm');
    expect(webm.status).toBe(303);
    const [kept] = await db.query(
      "SELECT kind, mime FROM stored_files WHERE original_name = 'thao-tac.webm'",
    );
    expect(kept).toEqual({ kind: 'WEBM', mime: 'video/webm' });
  });

  it('refuses other files by their bytes, in Vietnamese, and keeps nothing', async () => {
    const rowsBefore = await storedRows();
    const filesBefore = filesOnDisk().length;
    const cases: [Buffer, string, string][] = [
      [
        samples.pdf(),
        'video.mp4',
        'Tệp này là tài liệu PDF, không thuộc loại được nhận ở đây. Chỉ nhận: .mp4, .webm.',
      ],
      [samples.png(), 'video.webm', 'Tệp này là ảnh PNG, không thuộc loại được nhận ở đây.'],
      [samples.mov(), 'clip.mov', 'Tệp này là video MOV (QuickTime), không thuộc loại được nhận ở đây.'],
      [
        samples.webm('matroska'),
        'clip.mkv',
        'Tệp này là video MKV (Matroska), nhiều trình duyệt không phát được.',
      ],
      [samples.html(), 'video.mp4', 'Tệp này thực chất là một trang web (HTML)'],
      [Buffer.from('không phải video', 'utf8'), 'video.webm', 'Tệp này là văn bản thuần, không được nhận.'],
      [WEBM, 'video.mp4', 'Tệp có đuôi .mp4 nhưng nội dung thực chất là video WebM.'],
    ];
    for (const [bytes, name, message] of cases) {
      const res = await uploadVideo(editor, bytes, name);
      expect({ name, status: res.status }).toEqual({ name, status: 400 });
      expect(fieldError(res.text, 'file')).toContain(message);
      // The form shown again is the video form: the editor's script reads the message from it.
      expect(res.text).toContain(`action="${lessonPath()}/videos"`);
    }
    expect(await storedRows()).toBe(rowsBefore);
    expect(filesOnDisk()).toHaveLength(filesBefore);
  });

  it('saves the lesson text with the video block, sanitised, and shows it to the editor and the worker', async () => {
    await editor.get(lessonPath());
    const saved = await editor.submit(lessonPath(), {
      title: fixture.lessons[0].title,
      completionRule: 'TIME_SPENT',
      minMinutes: '2',
      required: 'true',
      videoUrl: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
      bodyHtml:
        `<h2>Xem video</h2><video controls preload="metadata" src="/catalog/files/${videoId}" title="Cách ngắt cầu dao"></video>` +
        '<video autoplay src="https://video.example/a.mp4"></video>' +
        `<video src="/catalog/files/${videoId}" autoplay onplay="x()"></video>`,
    });
    expect(saved.status).toBe(303);
    const block = `<video controls preload="metadata" src="/catalog/files/${videoId}" title="Cách ngắt cầu dao"></video>`;
    const [{ body_html: body }] = await db.query('SELECT body_html FROM lessons WHERE id = ?', [lessonId()]);
    expect(body).toBe(
      `<h2>Xem video</h2>${block}<video controls preload="metadata" src="/catalog/files/${videoId}"></video>`,
    );
    expect((await editor.get(lessonPath())).text).toContain(block);

    const worker = new Browser(app);
    await worker.login('nguoilaodong');
    await worker.get(`/learn/courses/${courseId()}/lessons/${lessonId()}`);
    expect((await worker.submit(`/learn/courses/${courseId()}/enrol`, {})).status).toBe(303);
    const page = await worker.get(`/learn/courses/${courseId()}/lessons/${lessonId()}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain(block);
    expect(page.text).not.toContain('autoplay');
    expect(page.text).not.toContain('video.example');
    // A YouTube link stays a link out beside it, as before: nothing from another site plays in the page.
    expect(page.text).toContain('href="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"');
    expect(page.text).not.toContain('<iframe');
    // The API reads the lesson as the page shows it, video block included.
    const api = await worker.agent
      .get(`/api/v1/learning/courses/${courseId()}/lessons/${lessonId()}`)
      .set('Accept', 'application/json')
      .expect(200);
    expect(api.body).toMatchObject({
      id: lessonId(),
      enrolled: true,
      completionRule: 'TIME_SPENT',
      videoUrl: 'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ',
    });
    expect(api.body.bodyHtml).toContain(block);
    expect(api.body.attachments).toEqual(
      expect.arrayContaining([expect.objectContaining({ id: videoId, mime: 'video/mp4' })]),
    );
    // The page's CSP lets the player load this application's media, and nothing remote.
    expect(page.headers['content-security-policy']).toMatch(/media-src 'self'(;|$)/);
  });

  it('shows a worker not enrolled no lesson text through the API, as the page does', async () => {
    const [{ id: institutionId }] = await db.query('SELECT id FROM training_institutions WHERE name = ?', [
      'Trường Cao đẳng Cộng đồng Đắk Nông',
    ]);
    const other = await createCourse(db, {
      title: 'Khóa học chưa đăng ký',
      institutionId: Number(institutionId),
      domains: ['VOCATIONAL'],
      lessons: [{}],
    });
    await db.query('UPDATE lessons SET body_html = ? WHERE id = ?', [
      `<video controls preload="metadata" src="/catalog/files/${videoId}"></video>`,
      other.lessons[0].id,
    ]);
    const worker = new Browser(app);
    await worker.login('nguoilaodong');
    const res = await worker.agent
      .get(`/api/v1/learning/courses/${other.course.id}/lessons/${other.lessons[0].id}`)
      .set('Accept', 'application/json')
      .expect(200);
    expect(res.body).toMatchObject({ enrolled: false, bodyHtml: null, attachments: [] });
    // An editor is no worker: the learner's API is not theirs.
    await editor.agent
      .get(`/api/v1/learning/courses/${other.course.id}/lessons/${other.lessons[0].id}`)
      .set('Accept', 'application/json')
      .expect(403);
  });

  it('serves the video in ranges (206), so a player can seek', async () => {
    const worker = new Browser(app);
    await worker.login('nguoilaodong');
    const whole = await worker.agent.get(`/catalog/files/${videoId}`).buffer(true).parse(binary).expect(200);
    expect(whole.headers['accept-ranges']).toBe('bytes');
    expect(whole.headers['content-type']).toBe('video/mp4');
    expect((whole.body as Buffer).equals(MP4)).toBe(true);

    const first = await worker.agent
      .get(`/catalog/files/${videoId}`)
      .set('Range', 'bytes=0-99')
      .set('Accept-Encoding', 'gzip, deflate, br')
      .buffer(true)
      .parse(binary)
      .expect(206);
    expect(first.headers['content-range']).toBe(`bytes 0-99/${MP4.length}`);
    expect(first.headers['content-type']).toBe('video/mp4');
    expect(first.headers['content-encoding']).toBeUndefined();
    expect((first.body as Buffer).equals(MP4.subarray(0, 100))).toBe(true);

    const tail = await worker.agent
      .get(`/catalog/files/${videoId}`)
      .set('Range', `bytes=${MP4.length - 500}-`)
      .buffer(true)
      .parse(binary)
      .expect(206);
    expect(tail.headers['content-range']).toBe(`bytes ${MP4.length - 500}-${MP4.length - 1}/${MP4.length}`);
    expect((tail.body as Buffer).equals(MP4.subarray(MP4.length - 500))).toBe(true);

    const beyond = await worker.agent
      .get(`/catalog/files/${videoId}`)
      .set('Range', `bytes=${MP4.length + 10}-`);
    expect(beyond.status).toBe(416);
    // Signed-out visitors get no lesson file, ranged or not.
    await request(app.getHttpServer())
      .get(`/catalog/files/${videoId}`)
      .set('Range', 'bytes=0-99')
      .expect(303);
  });

  it('lets only the course’s institution’s editors upload videos or change the lesson, by page and by API', async () => {
    const institutionId = await createInstitution(db, 'Trung tâm GDNN-GDTX Krông Nô');
    const users = app.get(UsersRepository);
    const user = await users.create({
      username: 'gdnn.krongno',
      displayName: 'Trần Thị Hoa',
      email: null,
      status: UserStatus.Active,
    });
    await users.update(user.id, { passwordHash: await app.get(PasswordHasher).hash('hoctap2030') });
    await users.assign(user.id, Role.InstitutionEditor, ScopeType.Institution, institutionId);
    const other = new Browser(app);
    await other.login('gdnn.krongno');
    const worker = new Browser(app);
    await worker.login('nguoilaodong');
    const rowsBefore = await storedRows();
    const filesBefore = filesOnDisk().length;
    const [{ body_html: bodyBefore }] = await db.query('SELECT body_html FROM lessons WHERE id = ?', [
      lessonId(),
    ]);

    for (const [who, status] of [
      [other, 404],
      [worker, 403],
    ] as const) {
      await who.get('/');
      const page = await who.agent
        .post(`${lessonPath()}/videos`)
        .field('_csrf', who.csrf)
        .attach('file', MP4, { filename: 'video.mp4', contentType: 'video/mp4' });
      expect(page.status).toBe(status);
      const api = await who.agent
        .post(`/api/v1/catalog/courses/${courseId()}/lessons/${lessonId()}/videos`)
        .set('x-csrf-token', who.csrf)
        .set('Accept', 'application/json')
        .attach('file', MP4, { filename: 'video.mp4', contentType: 'video/mp4' });
      expect(api.status).toBe(status);
      // Replacing the lesson's media: rewriting its text, or removing its video file.
      const rewrite = await who.agent
        .put(`/api/v1/catalog/courses/${courseId()}/lessons/${lessonId()}`)
        .set('x-csrf-token', who.csrf)
        .set('Accept', 'application/json')
        .send({ title: 'Bài khác', completionRule: 'OPENED', bodyHtml: '<p>thay thế</p>' });
      expect(rewrite.status).toBe(status);
      const form = await who.submit(lessonPath(), {
        title: 'Bài khác',
        completionRule: 'OPENED',
        required: 'true',
        bodyHtml: '<p>thay thế</p>',
      });
      expect(form.status).toBe(status);
      const remove = await who.submit(`${lessonPath()}/files/${videoId}/remove`, {});
      expect(remove.status).toBe(status);
      const removeApi = await who.agent
        .delete(`/api/v1/catalog/courses/${courseId()}/lessons/${lessonId()}/files/${videoId}`)
        .set('x-csrf-token', who.csrf)
        .set('Accept', 'application/json');
      expect(removeApi.status).toBe(status);
    }
    // A signed-out caller is sent to sign in (page) or refused (API).
    const anonymous = await request(app.getHttpServer())
      .post(`/api/v1/catalog/courses/${courseId()}/lessons/${lessonId()}/videos`)
      .set('Accept', 'application/json')
      .attach('file', MP4, { filename: 'video.mp4', contentType: 'video/mp4' });
    expect([401, 403]).toContain(anonymous.status);

    expect(await storedRows()).toBe(rowsBefore);
    expect(filesOnDisk()).toHaveLength(filesBefore);
    const [{ body_html: bodyAfter }] = await db.query('SELECT body_html FROM lessons WHERE id = ?', [
      lessonId(),
    ]);
    expect(bodyAfter).toBe(bodyBefore);
    expect(await db.query('SELECT id FROM stored_files WHERE id = ?', [videoId])).toHaveLength(1);
  });

  it('uploads a video through the API and gives the block to put in the lesson text', async () => {
    await editor.get(lessonPath());
    const api = (method: 'post' | 'put' | 'get', path: string) =>
      editor.agent[method](path).set('x-csrf-token', editor.csrf).set('Accept', 'application/json');
    const refused = await api(
      'post',
      `/api/v1/catalog/courses/${courseId()}/lessons/${lessonId()}/videos`,
    ).attach('file', samples.pdf(), { filename: 'video.mp4', contentType: 'video/mp4' });
    expect(refused.status).toBe(400);
    expect(refused.body.errors.file).toContain('Tệp này là tài liệu PDF');
    const created = await api('post', `/api/v1/catalog/courses/${courseId()}/lessons/${lessonId()}/videos`)
      .attach('file', WEBM, { filename: 'thao-tac-2.webm', contentType: 'video/webm' })
      .expect(201);
    expect(created.body).toMatchObject({
      kind: 'WEBM',
      mime: 'video/webm',
      url: `/catalog/files/${created.body.id}`,
    });
    expect(created.body.html).toBe(
      `<video controls preload="metadata" src="/catalog/files/${created.body.id}"></video>`,
    );
    const saved = await api('put', `/api/v1/catalog/courses/${courseId()}/lessons/${lessonId()}`)
      .send({
        title: fixture.lessons[0].title,
        completionRule: 'TIME_SPENT',
        minMinutes: 2,
        bodyHtml: `<p>Xem:</p>${created.body.html}`,
      })
      .expect(200);
    expect(saved.body.bodyHtml).toBe(`<p>Xem:</p>${created.body.html}`);
    // The course as the API reads it shows the video in the lesson's text.
    const course = await api('get', `/api/v1/catalog/courses/${courseId()}`).expect(200);
    const lesson = (course.body.lessons as { id: number; bodyHtml: string }[]).find(
      (l) => l.id === lessonId(),
    );
    expect(lesson?.bodyHtml).toContain(created.body.html);
  });
});
