import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { Role, ScopeType } from '../../src/common/access/roles';
import { UserStatus } from '../../src/users/entities/user.entity';
import { UsersRepository } from '../../src/users/users.repository';
import { WorkersRepository } from '../../src/workers/workers.repository';
import { CompletionRule } from '../../src/catalog/entities/lesson.entity';
import { LessonProgress } from '../../src/learning/entities/lesson-progress.entity';
import { addLessonQuiz, CourseFixture, createCourse } from '../support/learning-factory';
import { Browser, createTestApp } from '../support/test-app';

/**
 * A worker learns on the embedded default (SQLite, demo data): finds a course typed without
 * diacritics, studies it to 100%, sees one record in their history however often the last step is
 * sent, downloads the certificate, and anyone can check it; nobody else can download it.
 */
describe('online learning (e2e)', () => {
  let app: INestApplication;
  let db: DataSource;
  let fixture: CourseFixture;
  let worker: Browser;
  const title = 'Kỹ năng số an toàn cho công nhân';

  beforeAll(async () => {
    app = await createTestApp({ database: 'sqlite' });
    db = app.get(DataSource);
    const [{ id: institutionId }] = await db.query('SELECT id FROM training_institutions WHERE name = ?', [
      'Trường Cao đẳng Cộng đồng Đắk Nông',
    ]);
    fixture = await createCourse(db, {
      title,
      institutionId: Number(institutionId),
      domains: ['DIGITAL'],
      lessons: [{}, {}],
      hours: 2.5,
      maxAttempts: 3,
    });
    worker = new Browser(app);
    await worker.login('nguoilaodong');
  });

  afterAll(async () => {
    await app.close();
  });

  const courseId = () => fixture.course.id;
  const workerId = async () =>
    Number(
      (
        await db.query('SELECT w.id FROM workers w JOIN users u ON u.id = w.user_id WHERE u.username = ?', [
          'nguoilaodong',
        ])
      )[0].id,
    );
  const recordCount = async () =>
    Number(
      (
        await db.query('SELECT COUNT(*) n FROM learning_records WHERE worker_id = ? AND source_ref = ?', [
          await workerId(),
          `course:${courseId()}`,
        ])
      )[0].n,
    );

  /** Reads the quiz form, as the browser shows it: its key and its questions' field names. */
  async function quizForm(course = courseId(), quizId = fixture.finalQuiz.id) {
    const page = await worker.get(`/learn/courses/${course}/quizzes/${quizId}`);
    expect(page.status).toBe(200);
    const key = /name="submissionKey" value="([^"]+)"/.exec(page.text)?.[1];
    expect(key).toBeDefined();
    return { page, key: key! };
  }

  /** Posts answers the way the form does: one field q<id> per question, repeated for checkboxes. */
  async function submit(
    key: string,
    answers: Record<string, number[]>,
    course = courseId(),
    quizId = fixture.finalQuiz.id,
  ) {
    const body = new URLSearchParams({ _csrf: worker.csrf, submissionKey: key });
    for (const [questionId, optionIds] of Object.entries(answers))
      for (const id of optionIds) body.append(`q${questionId}`, String(id));
    return worker.agent.post(`/learn/courses/${course}/quizzes/${quizId}`).type('form').send(body.toString());
  }

  it('lets anyone browse the catalog and a course page', async () => {
    const visitor = request(app.getHttpServer());
    const list = await visitor.get('/courses').expect(200);
    expect(list.text).toContain(title);
    const page = await visitor.get(`/courses/${courseId()}`).expect(200);
    expect(page.text).toContain('Bài 1: Mật khẩu an toàn');
    expect(page.text).toContain('Đăng nhập để học');
    await visitor
      .get('/courses?domain=LAW')
      .expect(200)
      .expect((res) => expect(res.text).not.toContain(title));
    await visitor.get('/learn').expect(303).expect('Location', '/login');
  });

  const enrolments = async (course = courseId()) =>
    Number(
      (
        await db.query('SELECT COUNT(*) n FROM enrolments WHERE course_id = ? AND worker_id = ?', [
          course,
          await workerId(),
        ])
      )[0].n,
    );

  it('shows a lesson to a worker not enrolled with “Bắt đầu học” instead of enrolling them', async () => {
    const lessonUrl = `/learn/courses/${courseId()}/lessons/${fixture.lessons[0].id}`;
    const page = await worker.get(lessonUrl);
    expect(page.status).toBe(200);
    expect(page.text).toContain('Bạn chưa ghi danh khoá học này.');
    expect(page.text).toContain(`action="/learn/courses/${courseId()}/enrol"`);
    expect(page.text).toContain(`name="lessonId" value="${fixture.lessons[0].id}"`);
    expect(page.text).not.toContain('<strong>đặt mật khẩu dài</strong>');
    expect(await enrolments()).toBe(0);
    // Nor does a cross-site GET of the "next" action: it is a POST.
    await worker.agent.get(`${lessonUrl}/next`).expect(404);
    expect(await enrolments()).toBe(0);
  });

  it('enrols from a lesson’s page and comes back to that lesson', async () => {
    const other = await createCourse(db, {
      title: 'Bảo mật điện thoại cho công nhân',
      institutionId: fixture.course.institutionId,
      domains: ['DIGITAL'],
      lessons: [{}, {}, {}],
    });
    const third = other.lessons[2].id;
    await worker.get(`/learn/courses/${other.course.id}/lessons/${third}`);
    const enrol = await worker.submit(`/learn/courses/${other.course.id}/enrol`, { lessonId: third });
    expect(enrol.status).toBe(303);
    expect(enrol.headers.location).toBe(`/learn/courses/${other.course.id}/lessons/${third}`);
    expect(await enrolments(other.course.id)).toBe(1);
    const page = await worker.get(enrol.headers.location);
    expect(page.text).not.toContain('Bạn chưa ghi danh khoá học này.');
    expect(page.text).toContain('Hoàn thành 0%');
  });

  it('finds the course typed without diacritics, enrols, reads the lessons and goes on', async () => {
    const found = await worker.get('/courses?q=ky+nang+so');
    expect(found.status).toBe(200);
    expect(found.text).toContain(`href="/courses/${courseId()}"`);
    const course = await worker.get(`/courses/${courseId()}`);
    expect(course.text).toContain('Bắt đầu học');

    const enrol = await worker.submit(`/learn/courses/${courseId()}/enrol`, {});
    expect(enrol.status).toBe(303);
    expect(enrol.headers.location).toBe(`/learn/courses/${courseId()}/lessons/${fixture.lessons[0].id}`);
    // Enrolling twice is one enrolment.
    expect((await worker.submit(`/learn/courses/${courseId()}/enrol`, {})).status).toBe(303);
    expect(await enrolments()).toBe(1);

    // Reading the lesson records nothing; going on from it does (an OPENED lesson is then done).
    const first = await worker.get(enrol.headers.location);
    expect(first.status).toBe(200);
    expect(first.text).toContain('<strong>đặt mật khẩu dài</strong>');
    expect(first.text).not.toContain('Bạn đã hoàn thành bài học này.');
    expect(first.text).toContain('Hoàn thành 0%');
    const next = `/learn/courses/${courseId()}/lessons/${fixture.lessons[0].id}/next`;
    expect(first.text).toContain(`action="${next}"`);
    const on = await worker.submit(next, {});
    expect(on.status).toBe(303);
    expect(on.headers.location).toBe(`/learn/courses/${courseId()}/lessons/${fixture.lessons[1].id}`);
    const again = await worker.get(`/learn/courses/${courseId()}/lessons/${fixture.lessons[0].id}`);
    expect(again.text).toContain('Bạn đã hoàn thành bài học này.');
    expect(again.text).toContain('Hoàn thành 33%');

    const second = await worker.get(on.headers.location);
    expect(second.text).toContain('Hoàn thành 33%');
    const last = await worker.submit(
      `/learn/courses/${courseId()}/lessons/${fixture.lessons[1].id}/next`,
      {},
    );
    expect(last.headers.location).toBe(`/learn/courses/${courseId()}/quizzes/${fixture.finalQuiz.id}`);
    const done = await worker.get(`/learn/courses/${courseId()}/lessons/${fixture.lessons[1].id}`);
    expect(done.text).toContain('Hoàn thành 66%');
  });

  it('takes the quiz: a wrong attempt with feedback, then a right one reaching 100%', async () => {
    const { key: firstKey } = await quizForm();
    const wrong = await submit(firstKey, fixture.wrong);
    expect(wrong.status).toBe(303);
    const feedback = await worker.get(wrong.headers.location);
    expect(feedback.text).toContain('Chưa đạt');
    expect(feedback.text).toContain('Sai');
    expect(feedback.text).toContain('Kẻ lừa đảo thường hối thúc và đòi mã OTP.');
    expect(feedback.text).toContain('Làm lại bài kiểm tra');
    // Attempts are left, so the right options are not given; a right choice in the wrong
    // multiple-choice question is "your choice", never marked (or coloured) wrong.
    expect(option(feedback.text, 'Hoa@Sen2025!dai')).toEqual({
      classes: 'right chosen',
      cue: '✓ Bạn chọn đúng',
    });
    expect(option(feedback.text, 'Hối thúc chuyển tiền gấp')).toEqual({
      classes: 'chosen',
      cue: 'Bạn đã chọn',
    });
    expect(option(feedback.text, 'Đòi mã OTP')).toEqual({ classes: '', cue: '' });
    expect(feedback.text).not.toMatch(/<li class="wrong chosen">/);
    expect(feedback.text).toContain('Đáp án đúng sẽ hiện khi bạn đạt bài kiểm tra hoặc đã hết lượt làm bài.');
    expect(await recordCount()).toBe(0);

    const { key } = await quizForm();
    expect(key).not.toBe(firstKey);
    // Unanswered questions come back with a message and store nothing.
    const incomplete = await submit(key, {});
    expect(incomplete.status).toBe(400);
    expect(incomplete.text).toContain('Vui lòng trả lời tất cả các câu hỏi');

    const right = await submit(key, fixture.right);
    expect(right.status).toBe(303);
    const passed = await worker.get(right.headers.location);
    expect(passed.text).toContain('Đạt');
    expect(passed.text).toContain('Hoàn thành 100%');
    expect(passed.text).toContain('Chúc mừng! Bạn đã hoàn thành khóa học.');
    expect(option(passed.text, 'Đòi mã OTP')).toEqual({ classes: 'right chosen', cue: '✓ Bạn chọn đúng' });
    expect(option(passed.text, 'Gửi từ tổng đài chính thức')).toEqual({ classes: '', cue: '' });
    expect(await recordCount()).toBe(1);

    // The same submission again (a double click, a replay) is the same attempt; still one record.
    const again = await submit(key, fixture.right);
    expect(again.headers.location).toBe(right.headers.location);
    expect(await recordCount()).toBe(1);
    const [{ n }] = await db.query('SELECT COUNT(*) n FROM quiz_attempts WHERE quiz_id = ?', [
      fixture.finalQuiz.id,
    ]);
    expect(Number(n)).toBe(2);
  });

  it('shows the course at 100% and the record once in the history, with its certificate', async () => {
    const course = await worker.get(`/courses/${courseId()}`);
    expect(course.text).toContain('Hoàn thành 100%');
    const home = await worker.get('/learn');
    expect(home.status).toBe(200);
    expect(home.text).toContain(title);
    expect(home.text).toContain('Khóa học đã hoàn thành');
    const history = await worker.get('/learn/history');
    expect(history.status).toBe(200);
    expect(history.text.split(`<a href="/courses/${courseId()}">${title}</a>`)).toHaveLength(2);
    expect(history.text).toContain('Khóa học trực tuyến');
    const csv = await worker.agent.get('/learn/history?format=csv').expect(200);
    expect(csv.text).toContain(title);
  });

  it('gives the holder the certificate PDF and anyone the check that it is valid', async () => {
    const history = await worker.get('/learn/history');
    const link = new RegExp(`href="(/learn/certificates/([A-Z0-9-]+)\\.pdf)"`).exec(history.text);
    expect(link).not.toBeNull();
    const [, path, code] = link!;
    const pdf = await worker.agent
      .get(path)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });
    expect(pdf.status).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect((pdf.body as Buffer).subarray(0, 5).toString()).toBe('%PDF-');

    const visitor = request(app.getHttpServer());
    const verify = await visitor.get(`/verify/courses/${code}`).expect(200);
    expect(verify.text).toContain('Hợp lệ');
    expect(verify.text).toContain(title);
    const [{ full_name: fullName }] = await db.query('SELECT full_name FROM workers WHERE id = ?', [
      await workerId(),
    ]);
    const holder = /data-role="holder">([^<]+)</.exec(verify.text)?.[1] ?? '';
    expect(holder).toMatch(/\*/);
    expect(holder.split(' ')[0]).toBe(fullName.split(' ')[0]);
    expect(verify.text).not.toContain(fullName);

    const api = await visitor.get(`/api/v1/verify/courses/${code}`).expect(200);
    expect(api.body).toMatchObject({
      valid: true,
      code,
      courseTitle: title,
      hours: 2.5,
      holder,
      domains: ['DIGITAL'],
    });
    await visitor
      .get('/verify/courses/AAAA-BBBB-CCCC-DDDD')
      .expect(404)
      .expect((res) => {
        expect(res.text).toContain('Không tìm thấy giấy chứng nhận');
      });
    await visitor.get('/api/v1/verify/courses/AAAA-BBBB-CCCC-DDDD').expect(404);

    // Another worker, signed in, cannot download it: as if it did not exist.
    const other = await otherWorker();
    await other.agent.get(path).expect(404);
    await request(app.getHttpServer()).get(path).expect(303).expect('Location', '/login');
  });

  it('offers the same through the API, with idempotent quiz submissions', async () => {
    const list = await worker.agent.get('/api/v1/learning/enrolments').expect(200);
    // The demo seed may have enrolled this worker in demo courses too.
    expect(list.body.filter((e: { courseId: number }) => e.courseId === courseId())).toEqual([
      expect.objectContaining({
        courseId: courseId(),
        progressPercent: 100,
        certificateCode: expect.any(String),
      }),
    ]);
    const quiz = await worker.agent
      .get(`/api/v1/learning/courses/${courseId()}/quizzes/${fixture.finalQuiz.id}`)
      .expect(200);
    expect(JSON.stringify(quiz.body)).not.toContain('correct');
    const answers = Object.entries(fixture.right).map(([questionId, optionIds]) => ({
      questionId: Number(questionId),
      optionIds,
    }));
    const send = () =>
      worker.agent
        .post(`/api/v1/learning/courses/${courseId()}/quizzes/${fixture.finalQuiz.id}/attempts`)
        .set('x-csrf-token', worker.csrf)
        .send({ submissionKey: quiz.body.submissionKey, answers });
    const first = await send().expect(200);
    const second = await send().expect(200);
    expect(first.body).toMatchObject({
      replayed: false,
      passed: true,
      progressPercent: 100,
      courseCompleted: true,
    });
    expect(second.body).toMatchObject({ replayed: true, attemptId: first.body.attemptId });
    // Three attempts were allowed; the fourth is refused with a message in Vietnamese.
    const refused = await worker.agent
      .post(`/api/v1/learning/courses/${courseId()}/quizzes/${fixture.finalQuiz.id}/attempts`)
      .set('x-csrf-token', worker.csrf)
      .send({ submissionKey: 'another-key-0000000001', answers })
      .expect(400);
    expect(refused.body.errors.answers).toContain('hết 3 lượt');
    const history = await worker.agent.get('/api/v1/learning/history').expect(200);
    expect(history.body.items.filter((i: { courseId: number }) => i.courseId === courseId())).toHaveLength(1);
    expect(await recordCount()).toBe(1);
  });

  it('shows the right answers in green and the wrong choice in red once no attempt is left', async () => {
    const once = await createCourse(db, {
      title: 'An toàn điện trong xưởng',
      institutionId: fixture.course.institutionId,
      domains: ['VOCATIONAL'],
      lessons: [{}],
      maxAttempts: 1,
    });
    await worker.get(`/courses/${once.course.id}`);
    await worker.submit(`/learn/courses/${once.course.id}/enrol`, {});
    const { key } = await quizForm(once.course.id, once.finalQuiz.id);
    const [single, multiple] = Object.keys(once.right);
    const wrongChoice = await db.query('SELECT id FROM quiz_options WHERE question_id = ? AND correct = 0', [
      single,
    ]);
    const failed = await submit(
      key,
      { [single]: [Number(wrongChoice[0].id)], [multiple]: once.right[multiple] },
      once.course.id,
      once.finalQuiz.id,
    );
    const page = await worker.get(failed.headers.location);
    expect(page.text).toContain('Chưa đạt');
    expect(option(page.text, 'Hoa@Sen2025!dai')).toEqual({ classes: 'right', cue: '✓ Đáp án đúng' });
    expect(option(page.text, '123456')).toEqual({ classes: 'wrong chosen', cue: '✗ Bạn chọn sai' });
    expect(option(page.text, 'Đòi mã OTP')).toEqual({ classes: 'right chosen', cue: '✓ Bạn chọn đúng' });
    expect(page.text).not.toContain('Đáp án đúng sẽ hiện');
    expect(page.text).not.toContain('Làm lại bài kiểm tra');
  });

  it('goes on from the last lesson to its quiz while it is not passed, then to what is left', async () => {
    const quizzed = await createCourse(db, {
      title: 'Phòng chống lừa đảo qua mạng',
      institutionId: fixture.course.institutionId,
      domains: ['DIGITAL'],
      lessons: [{}, { rule: CompletionRule.QuizMastered }],
    });
    const own = await addLessonQuiz(db, quizzed.lessons[1]);
    const id = quizzed.course.id;
    const [first, last] = quizzed.lessons.map((l) => `/learn/courses/${id}/lessons/${l.id}`);
    await worker.get(`/courses/${id}`);
    await worker.submit(`/learn/courses/${id}/enrol`, {});
    expect((await worker.submit(`${first}/next`, {})).headers.location).toBe(last);
    const page = await worker.get(last);
    expect(page.text).toContain('Tiếp tục →');
    const onward = await worker.submit(`${last}/next`, {});
    expect(onward.status).toBe(303);
    expect(onward.headers.location).toBe(`/learn/courses/${id}/quizzes/${own.quiz.id}`);

    const { key } = await quizForm(id, own.quiz.id);
    expect((await submit(key, own.right, id, own.quiz.id)).status).toBe(303);
    await worker.get(last);
    expect((await worker.submit(`${last}/next`, {})).headers.location).toBe(
      `/learn/courses/${id}/quizzes/${quizzed.finalQuiz.id}`,
    );
    const final = await quizForm(id, quizzed.finalQuiz.id);
    expect((await submit(final.key, quizzed.right, id, quizzed.finalQuiz.id)).status).toBe(303);
    await worker.get(last);
    expect((await worker.submit(`${last}/next`, {})).headers.location).toBe(`/courses/${id}`);
  });

  it('credits the time a lesson is read in small steps, capped by the time since the previous one, and takes the beacon with its token', async () => {
    const timed = await createCourse(db, {
      title: 'Đọc hiểu hợp đồng lao động',
      institutionId: fixture.course.institutionId,
      domains: ['LAW'],
      lessons: [{ rule: CompletionRule.TimeSpent, minMinutes: 5 }],
    });
    const [lesson] = timed.lessons;
    const api = `/api/v1/learning/courses/${timed.course.id}/lessons/${lesson.id}`;
    await worker.get(`/courses/${timed.course.id}`);
    await worker.submit(`/learn/courses/${timed.course.id}/enrol`, {});
    const page = await worker.get(`/learn/courses/${timed.course.id}/lessons/${lesson.id}`);
    expect(page.text).toContain('Bài học hoàn thành khi bạn học ít nhất 5 phút.');
    expect(page.text).toMatch(
      /<span role="timer" data-role="spent" data-template="Đã học \{minutes\} phút \{seconds\} giây">Đã học 0 phút 0 giây<\/span>/,
    );
    expect(page.text).toContain(`data-url="${api}/heartbeat"`);
    expect(page.text).toMatch(/<script src="\/public\/js\/lesson-timer\.[0-9a-f]+\.js" defer><\/script>/);
    await worker.agent.post(`${api}/open`).set('x-csrf-token', worker.csrf).send({}).expect(200);

    /** As if the previous open or heartbeat was that many seconds ago. */
    const lastSeen = (secondsAgo: number) =>
      db
        .getRepository(LessonProgress)
        .update({ lessonId: lesson.id }, { lastSeenAt: new Date(Date.now() - secondsAgo * 1000) });
    const beat = (seconds: number) =>
      worker.agent.post(`${api}/heartbeat`).set('x-csrf-token', worker.csrf).send({ seconds }).expect(200);

    await lastSeen(15);
    expect((await beat(15)).body).toMatchObject({ credited: 15, secondsSpent: 15, lessonDone: false });
    await lastSeen(5);
    // A step claiming more than the time since the previous one earns that time only.
    expect((await beat(15)).body).toMatchObject({ credited: 5, secondsSpent: 20 });

    // The beacon: a form body, no header; its token is the `_csrf` field, and without it, nothing.
    await lastSeen(8);
    const beacon = (fields: Record<string, string>) =>
      worker.agent.post(`${api}/heartbeat`).type('form').send(new URLSearchParams(fields).toString());
    await beacon({ seconds: '8' }).expect(403);
    await beacon({ _csrf: 'f'.repeat(128), seconds: '8' }).expect(403);
    const sent = await beacon({ _csrf: worker.csrf, seconds: '8' }).expect(200);
    expect(sent.body).toMatchObject({ credited: 8, secondsSpent: 28 });
    // The same beacon again at once earns nothing.
    expect((await beacon({ _csrf: worker.csrf, seconds: '8' }).expect(200)).body.credited).toBe(0);

    const again = await worker.get(`/learn/courses/${timed.course.id}/lessons/${lesson.id}`);
    expect(again.text).toContain('>Đã học 0 phút 28 giây<');
    expect(again.text).toContain('data-spent="28"');
  });

  /** An answer on a feedback page: its classes and the words beside it. */
  function option(html: string, label: string) {
    const li = new RegExp(
      `<li(?: class="([^"]*)")?>${label}(?: <small class="learn-cue">([^<]*)</small>)?</li>`,
    ).exec(html);
    expect(li).not.toBeNull();
    return { classes: li![1] ?? '', cue: li![2] ?? '' };
  }

  /** A second worker login, made the way the demo seed makes one. */
  async function otherWorker(): Promise<Browser> {
    const users = app.get(UsersRepository);
    const [{ id: otherId }] = await db.query(
      'SELECT id FROM workers WHERE user_id IS NULL ORDER BY id LIMIT 1',
    );
    const [{ password_hash: hash }] = await db.query(
      "SELECT password_hash FROM users WHERE username = 'nguoilaodong'",
    );
    await db.transaction(async (manager) => {
      const user = await users.create(
        {
          username: 'nguoilaodong.khac',
          displayName: 'Người lao động khác',
          email: null,
          status: UserStatus.Active,
        },
        manager,
      );
      await users.update(user.id, { passwordHash: hash }, manager);
      await users.assign(user.id, Role.Worker, ScopeType.Self, Number(otherId), manager);
      await app.get(WorkersRepository).linkUser(Number(otherId), user.id, manager);
    });
    const browser = new Browser(app);
    await browser.login('nguoilaodong.khac');
    return browser;
  }
});
