import { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { PasswordHasher } from '../../src/auth/password-hasher';
import { Role, ScopeType } from '../../src/common/access/roles';
import { UserStatus } from '../../src/users/entities/user.entity';
import { UsersRepository } from '../../src/users/users.repository';
import { CourseFixture, createCourse, createInstitution } from '../support/learning-factory';
import { Browser, createTestApp } from '../support/test-app';

/**
 * An editor keeps a course's question bank with the five kinds of question and makes the final
 * quiz draw from it; a worker passes a quiz drawn from the bank, a reload showing the same
 * questions; forged answers and other people are refused (embedded default, demo accounts).
 */
describe('question bank and drawn quizzes (e2e)', () => {
  let app: INestApplication;
  let db: DataSource;
  let fixture: CourseFixture;
  let editor: Browser;
  let worker: Browser;

  const decode = (text: string) =>
    text
      .replace(/&#x27;/g, "'")
      .replace(/&quot;/g, '"')
      .replace(/&#x3D;/g, '=')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&');
  const courseId = () => fixture.course.id;
  const bankUrl = () => `/catalog/courses/${courseId()}/bank`;
  const quizUrl = () => `/learn/courses/${courseId()}/quizzes/${fixture.finalQuiz.id}`;
  const count = async (sql: string, params: unknown[] = []) => Number((await db.query(sql, params))[0].n);
  const bankRows = () =>
    count('SELECT COUNT(*) AS n FROM quiz_questions WHERE course_id = ? AND status = ?', [
      courseId(),
      'ACTIVE',
    ]);

  /** The bank's questions as they are stored: kind, options with the right ones. */
  async function bank() {
    const rows: { id: number; kind: string; prompt: string }[] = await db.query(
      'SELECT id, kind, prompt FROM quiz_questions WHERE course_id = ? ORDER BY id',
      [courseId()],
    );
    const options: {
      id: number;
      question_id: number;
      label: string;
      match_label: string | null;
      correct: unknown;
    }[] = await db.query(
      `SELECT id, question_id, label, match_label, correct FROM quiz_options
         WHERE question_id IN (SELECT id FROM quiz_questions WHERE course_id = ?) ORDER BY position`,
      [courseId()],
    );
    return rows.map((q) => ({
      ...q,
      id: Number(q.id),
      options: options
        .filter((o) => Number(o.question_id) === Number(q.id))
        .map((o) => ({
          id: Number(o.id),
          label: o.label,
          match: o.match_label,
          correct: Number(o.correct) === 1,
        })),
    }));
  }

  /** The quiz form as the worker's browser reads it: its key and the question ids it asks. */
  async function quizForm() {
    const page = await worker.get(quizUrl());
    expect(page.status).toBe(200);
    const key = /name="submissionKey" value="([^"]+)"/.exec(page.text)![1];
    const ids = [...page.text.matchAll(/name="[qtm](\d+)(?:_\d+)?"/g)].map((m) => Number(m[1]));
    return { page, key, ids: [...new Set(ids)] };
  }

  /** The right answer to each question, as form fields. */
  async function rightFields(ids: number[]) {
    const questions = await bank();
    const body: [string, string][] = [];
    for (const id of ids) {
      const q = questions.find((x) => x.id === id)!;
      if (q.kind === 'SHORT_ANSWER') body.push([`t${id}`, '  cau DAO  dien ']);
      else if (q.kind === 'MATCHING') for (const o of q.options) body.push([`m${id}_${o.id}`, o.match!]);
      else for (const o of q.options.filter((x) => x.correct)) body.push([`q${id}`, String(o.id)]);
    }
    return body;
  }

  const post = (browser: Browser, url: string, fields: [string, string][]) => {
    const body = new URLSearchParams([['_csrf', browser.csrf], ...fields]);
    return browser.agent.post(url).type('form').send(body.toString());
  };

  beforeAll(async () => {
    app = await createTestApp({ database: 'sqlite' });
    db = app.get(DataSource);
    const [{ id: institutionId }] = await db.query('SELECT id FROM training_institutions WHERE name = ?', [
      'Trường Cao đẳng Cộng đồng Đắk Nông',
    ]);
    fixture = await createCourse(db, {
      title: 'An toàn điện cho công nhân',
      institutionId: Number(institutionId),
      domains: ['VOCATIONAL'],
      lessons: [{}],
    });
    editor = new Browser(app);
    await editor.login('truong.caodang');
    worker = new Browser(app);
    await worker.login('nguoilaodong');
  });

  afterAll(async () => {
    await app?.close();
  });

  it('seeds a demo course whose final quiz draws from its bank, passed by the demo learners on their draws', async () => {
    const [demo] = await db.query(
      `SELECT q.id, q.draw_count AS n, q.course_id AS courseId FROM quizzes q JOIN courses c ON c.id = q.course_id
       WHERE c.title = ? AND q.lesson_id IS NULL`,
      ['An toàn vệ sinh lao động trong nhà máy'],
    );
    expect(Number(demo.n)).toBe(4);
    const kinds = await db.query(
      'SELECT DISTINCT kind FROM quiz_questions WHERE course_id = ? AND quiz_id IS NULL ORDER BY kind',
      [demo.courseId],
    );
    expect(kinds.map((k: { kind: string }) => k.kind)).toEqual([
      'MATCHING',
      'MULTIPLE',
      'SHORT_ANSWER',
      'SINGLE',
      'TRUE_FALSE',
    ]);
    const attempts: { ids: string; passed: unknown }[] = await db.query(
      'SELECT question_ids AS ids, passed FROM quiz_attempts WHERE quiz_id = ?',
      [demo.id],
    );
    expect(attempts.length).toBeGreaterThan(0);
    for (const a of attempts) {
      expect(new Set(JSON.parse(a.ids)).size).toBe(4);
      expect(Number(a.passed)).toBe(1);
    }
  });

  it('lets the editor fill the bank with the five kinds, refusing an incomplete question with a clear message', async () => {
    const show = await editor.get(`/catalog/courses/${courseId()}`);
    expect(show.text).toContain(`href="${bankUrl()}"`);
    const form = await editor.get(`${bankUrl()}/questions/new`);
    expect(form.status).toBe(200);
    expect(form.text).toContain('<option value="MATCHING"');

    const incomplete = await post(editor, `${bankUrl()}/questions`, [
      ['kind', 'MATCHING'],
      ['prompt', 'Ghép biển báo với ý nghĩa'],
      ['option', 'Tam giác vàng'],
      ['match', 'Cảnh báo'],
      ['option', 'Tròn đỏ'],
      ['match', ''],
    ]);
    expect(incomplete.status).toBe(400);
    expect(decode(incomplete.text)).toContain('Mỗi cặp ghép đôi cần có cả phương án và vế ghép.');
    expect(incomplete.text).toContain('value="Tam giác vàng"');
    const noTruth = await post(editor, `${bankUrl()}/questions`, [
      ['kind', 'TRUE_FALSE'],
      ['prompt', 'Được sửa điện khi đang có điện.'],
      ['truth', ''],
    ]);
    expect(noTruth.status).toBe(400);
    expect(decode(noTruth.text)).toContain('Hãy chọn đáp án đúng của câu hỏi Đúng / Sai.');
    expect(await bankRows()).toBe(0);

    const add = async (fields: [string, string][]) => {
      const res = await post(editor, `${bankUrl()}/questions`, fields);
      expect(res.status).toBe(303);
    };
    await add([
      ['kind', 'SINGLE'],
      ['prompt', 'Khi thấy dây điện hở, bạn làm gì?'],
      ['option', 'Báo người phụ trách'],
      ['option', 'Tự sửa'],
      ['correct', '0'],
    ]);
    await add([
      ['kind', 'MULTIPLE'],
      ['prompt', 'Đồ bảo hộ khi làm điện?'],
      ['option', 'Găng tay cách điện'],
      ['option', 'Dép lê'],
      ['option', 'Ủng cách điện'],
      ['correct', '0'],
      ['correct', '2'],
    ]);
    await add([
      ['kind', 'TRUE_FALSE'],
      ['prompt', 'Phải ngắt cầu dao trước khi sửa điện.'],
      ['truth', 'true'],
    ]);
    await add([
      ['kind', 'MATCHING'],
      ['prompt', 'Ghép biển báo với ý nghĩa'],
      ['option', 'Tam giác vàng'],
      ['match', 'Cảnh báo'],
      ['option', 'Tròn đỏ'],
      ['match', 'Cấm'],
      ['option', 'Tròn xanh'],
      ['match', 'Bắt buộc'],
    ]);
    await add([
      ['kind', 'SHORT_ANSWER'],
      ['prompt', 'Thiết bị ngắt điện cho cả xưởng gọi là gì?'],
      ['option', 'Cầu dao điện'],
      ['option', 'Aptomat tổng'],
    ]);
    expect(await bankRows()).toBe(5);
    const page = await editor.get(bankUrl());
    expect(page.status).toBe(200);
    expect(page.text).toContain('Ghép đôi');
    expect(decode(page.text)).toContain('Tam giác vàng → Cảnh báo');
    const stored = await bank();
    expect(stored.find((q) => q.kind === 'TRUE_FALSE')!.options).toEqual([
      expect.objectContaining({ label: 'Đúng', correct: true }),
      expect.objectContaining({ label: 'Sai', correct: false }),
    ]);
  });

  it('refuses to draw more questions than the bank holds, then saves a quiz drawing three', async () => {
    const url = `/catalog/courses/${courseId()}/quizzes/${fixture.finalQuiz.id}`;
    const settings = { title: 'Kiểm tra cuối khóa', passPercent: '100', maxAttempts: '0', shuffle: 'true' };
    await editor.get(url);
    const tooMany = await editor.submit(url, { ...settings, drawCount: '6' });
    expect(tooMany.status).toBe(400);
    expect(decode(tooMany.text)).toContain(
      'Ngân hàng câu hỏi của khóa học chỉ có 5 câu, không rút được 6 câu.',
    );
    expect(
      (await db.query('SELECT draw_count AS n FROM quizzes WHERE id = ?', [fixture.finalQuiz.id]))[0].n,
    ).toBeNull();
    const saved = await editor.submit(url, { ...settings, drawCount: '3' });
    expect(saved.status).toBe(303);
    const page = await editor.get(url);
    expect(page.text).toContain('data-role="draws"');
  });

  it('keeps the bank and its right answers from workers, by page and by API', async () => {
    expect((await worker.get(bankUrl())).status).toBe(403);
    expect((await worker.agent.get(`/api/v1/catalog/courses/${courseId()}/bank`)).status).toBe(403);
    expect((await worker.get(`${bankUrl()}/questions/new`)).status).toBe(403);
  });

  it('lets a worker pass a quiz drawn from the bank: a reload shows the same questions, an undrawn answer is refused', async () => {
    expect((await worker.submit(`/learn/courses/${courseId()}/enrol`, {})).status).toBe(303);
    const first = await quizForm();
    expect(first.ids).toHaveLength(3);
    const bankIds = (await bank()).map((q) => q.id);
    expect(first.ids.every((id) => bankIds.includes(id))).toBe(true);
    // Nothing on the page tells the right answers: no accepted short answer, no "correct" flag.
    expect(decode(first.page.text)).not.toContain('Aptomat tổng');
    expect(first.page.text).not.toMatch(/correct/i);
    const again = await quizForm();
    expect(again.key).toBe(first.key);
    expect(again.ids).toEqual(first.ids);
    // The API hands out the same draw, and no right answer either.
    const api = await worker.agent
      .get(`/api/v1/learning/courses/${courseId()}/quizzes/${fixture.finalQuiz.id}`)
      .expect(200);
    expect(api.body.submissionKey).toBe(first.key);
    expect(api.body.questions.map((q: { id: number }) => q.id).sort()).toEqual([...first.ids].sort());
    expect(JSON.stringify(api.body)).not.toMatch(/correct|matchLabel|Aptomat tổng|Cầu dao điện/i);

    const undrawn = bankIds.find((id) => !first.ids.includes(id))!;
    const forged = await post(worker, quizUrl(), [
      ['submissionKey', first.key],
      ...(await rightFields(first.ids)),
      ...(await rightFields([undrawn])),
    ]);
    expect(forged.status).toBe(400);
    const foreignKey = await post(worker, quizUrl(), [
      ['submissionKey', 'made-up-key-0000000000'],
      ...(await rightFields(first.ids)),
    ]);
    expect(foreignKey.status).toBe(400);
    expect(
      await count('SELECT COUNT(*) AS n FROM quiz_attempts WHERE quiz_id = ?', [fixture.finalQuiz.id]),
    ).toBe(0);

    const passed = await post(worker, quizUrl(), [
      ['submissionKey', first.key],
      ...(await rightFields(first.ids)),
    ]);
    expect(passed.status).toBe(303);
    const feedback = await worker.get(passed.headers.location);
    expect(feedback.status).toBe(200);
    expect(feedback.text).toContain('badge ok');
    expect((feedback.text.match(/✓ Đúng/g) ?? []).length).toBe(3);
    const [attempt] = await db.query(
      'SELECT question_ids AS ids, passed FROM quiz_attempts WHERE quiz_id = ?',
      [fixture.finalQuiz.id],
    );
    expect(JSON.parse(attempt.ids)).toEqual(first.ids);
    expect(Number(attempt.passed)).toBe(1);

    // The next visit draws anew; removing a drawn question keeps the attempt readable.
    expect((await quizForm()).key).not.toBe(first.key);
    await editor.get(bankUrl());
    const removed = await editor.submit(`${bankUrl()}/questions/${first.ids[0]}/remove`, {});
    expect(removed.status).toBe(303);
    const prompt = (await bank()).find((q) => q.id === first.ids[0])!.prompt;
    expect(decode((await editor.get(bankUrl())).text)).not.toContain(prompt);
    const later = await worker.get(passed.headers.location);
    expect(later.status).toBe(200);
    expect(decode(later.text)).toContain(prompt);
  });

  it('gives the editor per-question statistics of the drawn quiz, on the page, in the export and by API', async () => {
    const [attempt] = await db.query('SELECT question_ids AS ids FROM quiz_attempts WHERE quiz_id = ?', [
      fixture.finalQuiz.id,
    ]);
    const drawn: number[] = JSON.parse(attempt.ids);
    const api = await editor.agent.get(`/api/v1/catalog/courses/${courseId()}/question-stats`).expect(200);
    const final = api.body.quizzes.find((q: { quizId: number }) => q.quizId === fixture.finalQuiz.id);
    expect(final.drawCount).toBe(3);
    const byId = new Map<
      number,
      { answered: number; correct: number; options: { chosen: number; correct: boolean }[] }
    >(final.questions.map((q: { questionId: number }) => [q.questionId, q]));
    // Every drawn question (the removed one too) was answered once, right; the others never.
    for (const id of drawn) expect(byId.get(id)).toMatchObject({ answered: 1, correct: 1 });
    const undrawn = (await bank()).filter((q) => !drawn.includes(q.id));
    for (const q of undrawn) expect(byId.get(q.id)).toMatchObject({ answered: 0, correct: 0 });
    for (const id of drawn) {
      const options = byId.get(id)!.options;
      // A choice question: each right option chosen once, no wrong one.
      for (const o of options) expect(o.chosen).toBe(o.correct ? 1 : 0);
    }
    const full = await editor.agent.get(`/api/v1/catalog/courses/${courseId()}/stats`).expect(200);
    expect(
      full.body.quizzes.find((q: { quizId: number }) => q.quizId === fixture.finalQuiz.id).questions,
    ).toEqual(final.questions);

    const page = decode((await editor.get(`/catalog/courses/${courseId()}/stats`)).text);
    expect(page).toContain('Phương án được chọn: Kiểm tra cuối khóa');
    expect(page).toContain('Đồ bảo hộ khi làm điện? — ✓ Găng tay cách điện');
    const csv = (await editor.agent.get(`/catalog/courses/${courseId()}/stats?format=csv`).expect(200)).text;
    expect(csv).toContain('Đồ bảo hộ khi làm điện? — ✓ Găng tay cách điện');
    expect(csv).toContain('Phương án được chọn: Kiểm tra cuối khóa');
  });

  it('answers another institution’s editor 404 on the bank pages, the bank writes and the statistics', async () => {
    const otherInstitution = await createInstitution(db, 'Trung tâm GDNN Krông Nô ngân hàng');
    const users = app.get(UsersRepository);
    const user = await users.create({
      username: 'nganhang.krongno',
      displayName: 'Lê Văn Bình',
      email: null,
      status: UserStatus.Active,
    });
    await users.update(user.id, { passwordHash: await app.get(PasswordHasher).hash('hoctap2030') });
    await users.assign(user.id, Role.InstitutionEditor, ScopeType.Institution, otherInstitution);
    const other = new Browser(app);
    await other.login('nganhang.krongno');
    await other.get('/catalog/courses');
    const [question] = await bank();
    const before = await bankRows();

    expect((await other.get(bankUrl())).status).toBe(404);
    expect((await other.get(`${bankUrl()}/questions/new`)).status).toBe(404);
    expect((await other.get(`${bankUrl()}/questions/${question.id}`)).status).toBe(404);
    const write = await post(other, `${bankUrl()}/questions`, [
      ['kind', 'TRUE_FALSE'],
      ['prompt', 'Câu của người ngoài'],
      ['truth', 'true'],
    ]);
    expect(write.status).toBe(404);
    expect((await post(other, `${bankUrl()}/questions/${question.id}/remove`, [])).status).toBe(404);
    const api = other.agent;
    expect((await api.get(`/api/v1/catalog/courses/${courseId()}/bank`)).status).toBe(404);
    expect(
      (
        await api
          .post(`/api/v1/catalog/courses/${courseId()}/bank/questions`)
          .set('x-csrf-token', other.csrf)
          .set('Accept', 'application/json')
          .send({
            kind: 'TRUE_FALSE',
            prompt: 'Câu của người ngoài',
            options: [
              { label: 'Đúng', correct: true },
              { label: 'Sai', correct: false },
            ],
          })
      ).status,
    ).toBe(404);
    expect(
      (
        await api
          .delete(`/api/v1/catalog/courses/${courseId()}/bank/questions/${question.id}`)
          .set('x-csrf-token', other.csrf)
          .set('Accept', 'application/json')
      ).status,
    ).toBe(404);
    expect((await api.get(`/api/v1/catalog/courses/${courseId()}/question-stats`)).status).toBe(404);
    expect((await other.get(`/catalog/courses/${courseId()}/stats`)).status).toBe(404);
    expect(await bankRows()).toBe(before);
  });
});
