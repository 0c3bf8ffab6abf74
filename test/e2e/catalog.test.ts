import { INestApplication } from '@nestjs/common';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { PasswordHasher } from '../../src/auth/password-hasher';
import { Role, ScopeType } from '../../src/common/access/roles';
import { CatalogService } from '../../src/catalog/catalog.service';
import { uploadsConfig, UploadsConfig } from '../../src/config';
import { UserStatus } from '../../src/users/entities/user.entity';
import { UsersRepository } from '../../src/users/users.repository';
import { samples } from '../support/sample-files';
import { Browser, createTestApp } from '../support/test-app';

/**
 * Institution editors write courses on the embedded default (SQLite, demo data): lessons with
 * sanitised text and checked files, quizzes, publishing with reasons when something is missing,
 * and their own institution only.
 */
describe('catalog (e2e)', () => {
  let app: INestApplication;
  let db: DataSource;
  let uploadDir: string;
  let editor: Browser;

  beforeAll(async () => {
    app = await createTestApp({ database: 'sqlite' });
    db = app.get(DataSource);
    uploadDir = app.get<UploadsConfig>(uploadsConfig.KEY).dir;
    editor = new Browser(app);
    await editor.login('truong.caodang');
  });

  afterAll(async () => {
    await app.close();
  });

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
  const idFrom = (location: string, pattern: RegExp) => Number(pattern.exec(location)?.[1]);

  /** Files under the upload directory, at any depth. */
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

  async function createCourse(browser: Browser, fields: Record<string, string | undefined> = {}) {
    await browser.get('/catalog/courses/new');
    const res = await browser.submit('/catalog/courses', {
      title: 'Bộ luật Lao động 2019: hợp đồng và tiền lương',
      summary: 'Những điều người lao động cần biết khi ký hợp đồng.',
      level: 'BEGINNER',
      estimatedHours: '1,5',
      language: 'vi',
      licence: 'CC-BY-SA-4.0',
      domains: 'LAW',
      ...fields,
    });
    expect(res.status).toBe(303);
    return idFrom(res.headers.location, /^\/catalog\/courses\/(\d+)$/);
  }

  async function addLesson(browser: Browser, courseId: number, fields: Record<string, string | undefined>) {
    await browser.get(`/catalog/courses/${courseId}/lessons/new`);
    const res = await browser.submit(`/catalog/courses/${courseId}/lessons`, {
      completionRule: 'OPENED',
      required: 'true',
      ...fields,
    });
    expect(res.status).toBe(303);
    return idFrom(res.headers.location, /\/lessons\/(\d+)$/);
  }

  async function attach(
    browser: Browser,
    courseId: number,
    lessonId: number,
    bytes: Buffer,
    filename: string,
  ) {
    await browser.get(`/catalog/courses/${courseId}/lessons/${lessonId}`);
    return browser.agent
      .post(`/catalog/courses/${courseId}/lessons/${lessonId}/files`)
      .field('_csrf', browser.csrf)
      .attach('file', bytes, { filename, contentType: 'application/octet-stream' });
  }

  let courseId = 0;
  let quizLessonId = 0;

  it('holds the demo institution’s published courses, each complete with a quiz', async () => {
    const demo = await app.get(CatalogService).searchPublished({ size: 50 });
    expect(demo.items.map((c) => c.title)).toEqual(
      expect.arrayContaining([
        'Bộ luật Lao động 2019: quyền và nghĩa vụ của người lao động',
        'Kỹ năng số cơ bản: dùng điện thoại an toàn, dịch vụ công trực tuyến',
        'An toàn vệ sinh lao động trong nhà máy',
        'Kỹ năng giao tiếp và quản lý tài chính cá nhân',
      ]),
    );
    for (const summary of demo.items) {
      const course = await app.get(CatalogService).publishedCourse(summary.id);
      expect(course!.lessons.length).toBeGreaterThanOrEqual(2);
      expect(course!.quizzes.length).toBeGreaterThanOrEqual(1);
      // A quiz asks at least three questions: its own, or as many drawn from the course's bank.
      for (const quiz of course!.quizzes)
        expect(quiz.drawCount ?? quiz.questions.length).toBeGreaterThanOrEqual(3);
    }
    const list = await editor.get('/catalog/courses?status=PUBLISHED');
    expect(list.text).toContain('An toàn vệ sinh lao động trong nhà máy');
    expect(list.text).toContain('Đã xuất bản');
  });

  it('lets an editor write a course with two lessons and a quiz, and publish it', async () => {
    const form = await editor.get('/catalog/courses/new');
    expect(form.status).toBe(200);
    expect(form.text).toContain('Thêm khóa học');
    expect(form.text).toContain('Chính trị, pháp luật');

    courseId = await createCourse(editor);
    const page = await editor.get(`/catalog/courses/${courseId}`);
    expect(page.text).toContain('Bản nháp');
    expect(page.text).toContain('Khóa học chưa có bài học nào.');

    const first = await addLesson(editor, courseId, {
      title: 'Hợp đồng lao động là gì?',
      bodyHtml:
        '<h2>Khái niệm</h2><p onclick="steal()">Theo <strong>Điều 13</strong>…</p><script>alert(1)</script>' +
        '<a href="javascript:alert(1)">bấm</a><a href="https://thuvienphapluat.vn">luật</a>',
    });
    const [{ body_html: body }] = await db.query('SELECT body_html FROM lessons WHERE id = ?', [first]);
    expect(body).toBe(
      '<h2>Khái niệm</h2><p>Theo <strong>Điều 13</strong>…</p><a>bấm</a><a href="https://thuvienphapluat.vn" rel="noopener noreferrer">luật</a>',
    );

    quizLessonId = await addLesson(editor, courseId, {
      title: 'Tiền lương và phụ cấp',
      bodyHtml: '<p>Tiền lương trả cho người lao động…</p>',
      videoUrl: 'https://youtu.be/dQw4w9WgXcQ',
      completionRule: 'QUIZ_MASTERED',
    });
    const [{ video_url: video }] = await db.query('SELECT video_url FROM lessons WHERE id = ?', [
      quizLessonId,
    ]);
    expect(video).toBe('https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ');
    const bad = await editor.submit(`/catalog/courses/${courseId}/lessons/${quizLessonId}`, {
      title: 'Tiền lương và phụ cấp',
      completionRule: 'TIME_SPENT',
      required: 'true',
      videoUrl: 'http://example.com/video',
    });
    expect(bad.status).toBe(400);
    expect(fieldError(bad.text, 'videoUrl')).toBe(
      'Chỉ nhận đường dẫn https của YouTube, Vimeo hoặc tệp .mp4.',
    );

    // The quiz-completed lesson still lacks its quiz.
    const early = await editor.submit(`/catalog/courses/${courseId}/publish`, {});
    expect(early.status).toBe(400);
    expect(decode(early.text)).toContain(
      'Bài “Tiền lương và phụ cấp” yêu cầu đạt bài kiểm tra nhưng chưa có bài kiểm tra với ít nhất một câu hỏi.',
    );

    await editor.get(`/catalog/courses/${courseId}/lessons/${quizLessonId}`);
    const quiz = await editor.submit(`/catalog/courses/${courseId}/quizzes`, { lessonId: quizLessonId });
    expect(quiz.status).toBe(303);
    const quizPath = quiz.headers.location as string;
    const quizId = idFrom(quizPath, /\/quizzes\/(\d+)$/);

    await editor.get(`${quizPath}/questions/new`);
    const twoRight = await editor.agent
      .post(`${quizPath}/questions`)
      .type('form')
      .send(
        new URLSearchParams([
          ['_csrf', editor.csrf],
          ['kind', 'SINGLE'],
          ['prompt', 'Tiền lương được trả như thế nào?'],
          ['option', 'Trực tiếp, đầy đủ, đúng hạn'],
          ['option', 'Khi doanh nghiệp có lãi'],
          ['option', ''],
          ['correct', '0'],
          ['correct', '1'],
        ]).toString(),
      );
    expect(twoRight.status).toBe(400);
    expect(twoRight.text).toContain('Câu hỏi chọn một đáp án phải có đúng một phương án đúng.');
    // What was typed comes back.
    expect(twoRight.text).toContain('value="Khi doanh nghiệp có lãi"');

    const added = await editor.agent
      .post(`${quizPath}/questions`)
      .type('form')
      .send(
        new URLSearchParams([
          ['_csrf', editor.csrf],
          ['kind', 'SINGLE'],
          ['prompt', 'Tiền lương được trả như thế nào?'],
          ['explanation', 'Điều 94 Bộ luật Lao động 2019.'],
          ['option', 'Trực tiếp, đầy đủ, đúng hạn'],
          ['option', 'Khi doanh nghiệp có lãi'],
          ['option', ''],
          ['correct', '0'],
        ]).toString(),
      );
    expect(added.status).toBe(303);

    const published = await editor.submit(`/catalog/courses/${courseId}/publish`, {});
    expect(published.status).toBe(303);
    const show = await editor.get(`/catalog/courses/${courseId}`);
    expect(show.text).toContain('Đã xuất bản');
    expect(show.text).toContain('người học giữ nguyên tiến độ');

    const learnerView = await app.get(CatalogService).publishedCourse(courseId);
    expect(learnerView?.lessons.map((l) => l.title)).toEqual([
      'Hợp đồng lao động là gì?',
      'Tiền lương và phụ cấp',
    ]);
    expect(learnerView?.quizzes).toHaveLength(1);
    expect(learnerView?.quizzes[0]).toMatchObject({ id: quizId, lessonId: quizLessonId, passPercent: 80 });
    expect(learnerView?.quizzes[0].questions[0].options.map((o) => [o.label, o.correct])).toEqual([
      ['Trực tiếp, đầy đủ, đúng hạn', true],
      ['Khi doanh nghiệp có lãi', false],
    ]);
    expect(learnerView?.course.domains.map((d) => d.code)).toEqual(['LAW']);
    const found = await app.get(CatalogService).searchPublished({ q: 'bo luat lao dong' });
    expect(found.items.map((c) => c.id)).toContain(courseId);
  });

  it('refuses to publish an incomplete course, naming each missing item in Vietnamese', async () => {
    const empty = await createCourse(editor, {
      title: 'Khóa học còn thiếu',
      estimatedHours: '0',
      domains: undefined,
    });
    const res = await editor.submit(`/catalog/courses/${empty}/publish`, {});
    expect(res.status).toBe(400);
    const html = decode(res.text);
    expect(html).toContain('Chưa thể xuất bản khóa học. Vui lòng bổ sung các mục sau.');
    expect(html).toContain('Khóa học chưa có bài học nào.');
    expect(html).toContain('Chưa nhập số giờ học dự kiến (phải lớn hơn 0).');
    expect(html).toContain('Chưa chọn lĩnh vực học tập nào.');
    const [{ status }] = await db.query('SELECT status FROM courses WHERE id = ?', [empty]);
    expect(status).toBe('DRAFT');
  });

  it('keeps the lessons and questions of a published course when they are taken out', async () => {
    const [first] = await db.query('SELECT id FROM lessons WHERE course_id = ? ORDER BY position LIMIT 1', [
      courseId,
    ]);
    await editor.get(`/catalog/courses/${courseId}`);
    // Taking out the quiz lesson's only question would leave it unpassable: refused.
    const [{ id: questionId, quiz_id: quizId }] = await db.query(
      'SELECT q.id, q.quiz_id FROM quiz_questions q JOIN quizzes z ON z.id = q.quiz_id WHERE z.course_id = ?',
      [courseId],
    );
    const refused = await editor.submit(
      `/catalog/courses/${courseId}/quizzes/${quizId}/questions/${questionId}/remove`,
      {},
    );
    expect(refused.status).toBe(400);
    expect(decode(refused.text)).toContain('Khóa học đang xuất bản nên không thể thay đổi như vậy');

    const removed = await editor.submit(`/catalog/courses/${courseId}/lessons/${first.id}/remove`, {});
    expect(removed.status).toBe(303);
    const [lesson] = await db.query('SELECT status FROM lessons WHERE id = ?', [first.id]);
    expect(lesson.status).toBe('REMOVED');
    const page = await editor.get(`/catalog/courses/${courseId}`);
    expect(page.text).toContain('Bài học đã gỡ');
    expect((await app.get(CatalogService).publishedCourse(courseId))?.lessons.map((l) => l.id)).toEqual([
      quizLessonId,
    ]);

    // In a draft the lesson really goes.
    const draft = await createCourse(editor, { title: 'Bản nháp để thử xóa' });
    const lessonId = await addLesson(editor, draft, { title: 'Bài sẽ xóa' });
    await editor.get(`/catalog/courses/${draft}`);
    expect((await editor.submit(`/catalog/courses/${draft}/lessons/${lessonId}/remove`, {})).status).toBe(
      303,
    );
    expect(await db.query('SELECT id FROM lessons WHERE id = ?', [lessonId])).toEqual([]);
  });

  it('refuses files whose bytes are not what their name says, and stores nothing', async () => {
    const draft = await createCourse(editor, { title: 'Khóa học có tệp đính kèm' });
    const lessonId = await addLesson(editor, draft, { title: 'Bài có tài liệu' });
    const rowsBefore = await storedRows();
    const filesBefore = filesOnDisk().length;

    const cases: [Buffer, string, string][] = [
      [samples.pdf(), 'bai-giang.docx', 'Tệp có đuôi .docx nhưng nội dung thực chất là tài liệu PDF.'],
      [samples.png(), 'giao-trinh.pdf', 'Tệp có đuôi .pdf nhưng nội dung thực chất là ảnh PNG.'],
      [
        samples.html(),
        'bai-hoc.html',
        'Tệp này thực chất là một trang web (HTML), có thể chứa mã độc nên không được nhận.',
      ],
      [samples.html(), 'bai-hoc.pdf', 'Tệp này thực chất là một trang web (HTML)'],
      [samples.svg(), 'so-do.svg', 'Tệp này là ảnh SVG, có thể chứa mã chạy được nên không được nhận.'],
      [samples.exe(), 'video.mp4', 'Tệp này là chương trình hoặc mã lệnh chạy được, không được nhận.'],
    ];
    for (const [bytes, name, message] of cases) {
      const res = await attach(editor, draft, lessonId, bytes, name);
      expect(res.status).toBe(400);
      expect(fieldError(res.text, 'file')).toContain(message);
    }
    expect(await storedRows()).toBe(rowsBefore);
    expect(filesOnDisk()).toHaveLength(filesBefore);

    const good = await attach(editor, draft, lessonId, samples.pdf(), 'Giáo trình (bản 2).pdf');
    expect(good.status).toBe(303);
    expect(await storedRows()).toBe(rowsBefore + 1);
    expect(filesOnDisk()).toHaveLength(filesBefore + 1);
    const [file] = await db.query(
      "SELECT id, stored_name, kind FROM stored_files WHERE original_name = 'Giáo trình (bản 2).pdf'",
    );
    expect(file.kind).toBe('PDF');
    // The new file's id is in the address the form leads to: the lesson editor inserts images by it.
    expect(good.headers.location).toBe(`/catalog/courses/${draft}/lessons/${lessonId}?file=${file.id}#files`);
    expect(file.stored_name).toMatch(/^files\/[0-9a-f-]{36}\.pdf$/);

    const download = await editor.agent
      .get(`/catalog/files/${file.id}`)
      .buffer(true)
      .parse(binary)
      .expect(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['content-disposition']).toBe(
      `attachment; filename="Giao trinh _ban 2_.pdf"; filename*=UTF-8''Gi%C3%A1o%20tr%C3%ACnh%20%28b%E1%BA%A3n%202%29.pdf`,
    );
    expect(download.headers['x-content-type-options']).toBe('nosniff');
    expect(download.headers['content-security-policy']).toContain('sandbox');
    expect((download.body as Buffer).equals(samples.pdf())).toBe(true);

    // A draft's files are for its editors only.
    const worker = new Browser(app);
    await worker.login('nguoilaodong');
    await worker.agent.get(`/catalog/files/${file.id}`).expect(404);
    await request(app.getHttpServer()).get(`/catalog/files/${file.id}`).expect(303);
  });

  it('shows the cover of a published course to anyone, inline, and lesson files to anyone signed in', async () => {
    await editor.get(`/catalog/courses/${courseId}`);
    const refused = await editor.agent
      .post(`/catalog/courses/${courseId}/cover`)
      .field('_csrf', editor.csrf)
      .attach('file', samples.pdf(), { filename: 'bia.png', contentType: 'image/png' });
    expect(refused.status).toBe(400);
    expect(fieldError(refused.text, 'file')).toContain(
      'Tệp này là tài liệu PDF, không thuộc loại được nhận ở đây.',
    );
    // One byte over the 5 MB of an image is cut off while it arrives, and nothing is kept.
    const rowsBefore = await storedRows();
    const filesBefore = filesOnDisk().length;
    const huge = await editor.agent
      .post(`/catalog/courses/${courseId}/cover`)
      .field('_csrf', editor.csrf)
      .attach('file', samples.png(5 * 1024 * 1024 + 1), { filename: 'bia.png', contentType: 'image/png' });
    expect(huge.status).toBe(400);
    expect(fieldError(huge.text, 'file')).toBe('Tệp quá lớn (tối đa 5 MB).');
    expect(await storedRows()).toBe(rowsBefore);
    expect(filesOnDisk()).toHaveLength(filesBefore);
    const cover = await editor.agent
      .post(`/catalog/courses/${courseId}/cover`)
      .field('_csrf', editor.csrf)
      .attach('file', samples.png(), { filename: 'bìa khóa học.png', contentType: 'image/png' });
    expect(cover.status).toBe(303);
    const [{ cover_file_id: coverId }] = await db.query('SELECT cover_file_id FROM courses WHERE id = ?', [
      courseId,
    ]);
    const anonymous = await request(app.getHttpServer()).get(`/catalog/files/${coverId}`).expect(200);
    expect(anonymous.headers['content-type']).toBe('image/png');
    expect(anonymous.headers['content-disposition']).toMatch(/^inline; /);

    const attached = await attach(editor, courseId, quizLessonId, samples.docx(), 'Phiếu bài tập.docx');
    expect(attached.status).toBe(303);
    const [doc] = await db.query("SELECT id FROM stored_files WHERE original_name = 'Phiếu bài tập.docx'");
    const worker = new Browser(app);
    await worker.login('nguoilaodong');
    const got = await worker.agent.get(`/catalog/files/${doc.id}`).expect(200);
    expect(got.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    expect(got.headers['content-disposition']).toMatch(/^attachment; /);
    await request(app.getHttpServer()).get(`/catalog/files/${doc.id}`).expect(303);
  });

  it('answers 404 to an editor of another institution, by page and by API', async () => {
    const [{ id: institutionId }] = await db.query(
      "INSERT INTO training_institutions (name, search_key, kind) VALUES ('Trung tâm GDNN-GDTX Đắk Mil', 'trung tam gdnn-gdtx dak mil', 'CONTINUING_EDUCATION') RETURNING id",
    );
    const users = app.get(UsersRepository);
    const user = await users.create({
      username: 'gdnn.dakmil',
      displayName: 'Nguyễn Văn Sơn',
      email: null,
      status: UserStatus.Active,
    });
    await users.update(user.id, { passwordHash: await app.get(PasswordHasher).hash('hoctap2030') });
    await users.assign(user.id, Role.InstitutionEditor, ScopeType.Institution, Number(institutionId));

    const other = new Browser(app);
    await other.login('gdnn.dakmil');
    const list = await other.get('/catalog/courses');
    expect(list.status).toBe(200);
    expect(list.text).not.toContain(`/catalog/courses/${courseId}"`);
    await other.agent.get(`/catalog/courses/${courseId}`).expect(404);
    await other.agent.get(`/catalog/courses/${courseId}/edit`).expect(404);
    await other.agent.get(`/catalog/courses/${courseId}/lessons/${quizLessonId}`).expect(404);
    expect((await other.submit(`/catalog/courses/${courseId}/archive`, {})).status).toBe(404);
    await other.agent.get(`/api/v1/catalog/courses/${courseId}`).expect(404);

    // Their own course is theirs alone.
    const own = await createCourse(other, { title: 'Sửa chữa máy nông nghiệp', domains: 'VOCATIONAL' });
    await editor.agent.get(`/catalog/courses/${own}`).expect(404);

    // The federation admin reads every course, without editing.
    const admin = new Browser(app);
    await admin.login('liendoan');
    expect((await admin.get(`/catalog/courses/${own}`)).status).toBe(200);
    await admin.agent.get(`/catalog/courses/${own}/edit`).expect(403);
  });

  it('offers the same authoring through /api/v1/catalog/courses', async () => {
    await editor.get('/catalog/courses');
    const api = (method: 'post' | 'put' | 'delete', path: string) =>
      editor.agent[method](path).set('x-csrf-token', editor.csrf).set('Accept', 'application/json');
    const created = await api('post', '/api/v1/catalog/courses')
      .send({
        title: 'Kỹ năng số cơ bản',
        level: 'BEGINNER',
        estimatedHours: 2,
        language: 'vi',
        licence: 'CC-BY-4.0',
        domains: ['DIGITAL'],
      })
      .expect(201);
    const id = created.body.id as number;
    expect(created.body.publishProblems).toEqual(['Khóa học chưa có bài học nào.']);
    const lesson = await api('post', `/api/v1/catalog/courses/${id}/lessons`)
      .send({
        title: 'Dùng điện thoại an toàn',
        bodyHtml: '<p>Mật khẩu<img src=x onerror=alert(1)></p>',
        completionRule: 'OPENED',
      })
      .expect(201);
    expect(lesson.body.bodyHtml).toBe('<p>Mật khẩu</p>');
    const quiz = await api('post', `/api/v1/catalog/courses/${id}/quizzes`).send({}).expect(201);
    expect(quiz.body).toMatchObject({
      lessonId: null,
      title: 'Bài kiểm tra cuối khóa',
      passPercent: 80,
      maxAttempts: 0,
    });
    const multiple = await api('post', `/api/v1/catalog/courses/${id}/quizzes/${quiz.body.id}/questions`)
      .send({
        kind: 'MULTIPLE',
        prompt: 'Mật khẩu mạnh có gì?',
        options: [
          { label: 'Chữ hoa', correct: false },
          { label: 'Số', correct: false },
        ],
      })
      .expect(400);
    expect(multiple.body.errors.correct).toBe(
      'Câu hỏi chọn nhiều đáp án phải có ít nhất một phương án đúng.',
    );
    await api('post', `/api/v1/catalog/courses/${id}/quizzes/${quiz.body.id}/questions`)
      .send({
        kind: 'MULTIPLE',
        prompt: 'Mật khẩu mạnh có gì?',
        options: [
          { label: 'Chữ hoa', correct: true },
          { label: 'Số', correct: true },
          { label: 'Ngày sinh', correct: false },
        ],
      })
      .expect(201);
    const published = await api('post', `/api/v1/catalog/courses/${id}/publish`).expect(200);
    expect(published.body.status).toBe('PUBLISHED');
    expect(published.body.quizzes[0].questions[0].options).toHaveLength(3);
    const removed = await api('delete', `/api/v1/catalog/courses/${id}/lessons/${lesson.body.id}`).expect(
      400,
    );
    expect(removed.body.errors.lessons).toBe('Khóa học chưa có bài học nào.');
  });
});
