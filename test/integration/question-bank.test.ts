import { INestApplication } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { QuestionKind } from '../../src/catalog/entities/quiz.entity';
import { CourseStatsRepository } from '../../src/learning/course-stats.repository';
import { LearningService } from '../../src/learning/learning.service';
import { rightAnswer } from '../../src/learning/learning.rules';
import { LearnerCatalogRepository } from '../../src/catalog/learner-catalog.repository';
import { createCourse, createInstitution, createWorker, workerActor } from '../support/learning-factory';
import { createTestApp } from '../support/test-app';
import { ensureLearningDomains } from '../support/learning-domains';

/**
 * A quiz drawing from its course's bank on MariaDB: the open draw is found again (a reload), the
 * attempt is marked on the drawn questions of every kind, its answer rows are counted per question
 * and per option, and the next visit draws anew.
 */
describe('question bank draws (integration)', () => {
  let app: INestApplication;
  let db: DataSource;

  beforeAll(async () => {
    app = await createTestApp({ database: 'mysql' });
    db = app.get(DataSource);
    await ensureLearningDomains(db);
  });

  afterAll(async () => {
    await app.close();
  });

  /** A bank question with its options: [label, matchLabel, correct]. */
  async function bankQuestion(
    courseId: number,
    kind: QuestionKind,
    options: [string, string | null, boolean][],
  ) {
    const result = await db.query(
      `INSERT INTO quiz_questions (quiz_id, course_id, position, kind, prompt, status) VALUES (NULL, ?, 1, ?, ?, 'ACTIVE')`,
      [courseId, kind, `Câu ${kind}`],
    );
    const id = Number(result.insertId);
    for (const [i, [label, match, correct]] of options.entries())
      await db.query(
        'INSERT INTO quiz_options (question_id, position, label, match_label, correct) VALUES (?, ?, ?, ?, ?)',
        [id, i + 1, label, match, correct],
      );
    return id;
  }

  it('finds the open draw again, marks the attempt on it and counts its answers per question and option', async () => {
    const fixture = await createCourse(db, {
      title: `An toàn điện ${randomBytes(3).toString('hex')}`,
      institutionId: await createInstitution(db),
      domains: ['VOCATIONAL'],
      lessons: [{}],
    });
    const courseId = fixture.course.id;
    const ids = [
      await bankQuestion(courseId, QuestionKind.TrueFalse, [
        ['Đúng', null, true],
        ['Sai', null, false],
      ]),
      await bankQuestion(courseId, QuestionKind.ShortAnswer, [['Cầu dao điện', null, true]]),
      await bankQuestion(courseId, QuestionKind.Matching, [
        ['Mũ', 'Đầu', true],
        ['Găng', 'Tay', true],
      ]),
    ];
    await db.query('UPDATE quizzes SET draw_count = 3 WHERE id = ?', [fixture.finalQuiz.id]);
    const worker = workerActor(await createWorker(db, 'Hồ Văn Tâm'));
    const sut = app.get(LearningService);

    const form = await sut.quizForm(worker, courseId, fixture.finalQuiz.id);
    expect(form.questions.map((q) => q.id).sort()).toEqual([...ids].sort());
    const reload = await sut.quizForm(worker, courseId, fixture.finalQuiz.id);
    expect(reload.submissionKey).toBe(form.submissionKey);
    expect(reload.questions.map((q) => q.id)).toEqual(form.questions.map((q) => q.id));

    const questions = await app.get(LearnerCatalogRepository).bankQuestions(courseId, ids);
    const answers = Object.fromEntries(
      questions.map((q) => [String(q.id), rightAnswer({ id: q.id, kind: q.kind, options: q.options ?? [] })]),
    );
    // The true/false one answered wrong (Sai), the others right.
    const tf = questions.find((q) => q.kind === QuestionKind.TrueFalse)!;
    answers[String(tf.id)] = [tf.options!.find((o) => !o.correct)!.id];
    const { attempt } = await sut.submitQuiz(worker, courseId, fixture.finalQuiz.id, {
      submissionKey: form.submissionKey,
      answers,
    });
    expect(attempt.scorePercent).toBe(66);
    const [stored] = await db.query('SELECT question_ids AS ids FROM quiz_attempts WHERE id = ?', [
      attempt.id,
    ]);
    expect(JSON.parse(stored.ids)).toEqual(form.questions.map((q) => q.id));

    const stats = app.get(CourseStatsRepository);
    const counts = await stats.questionCounts(courseId, fixture.finalQuiz.id);
    expect(Object.fromEntries(ids.map((id) => [id, counts.get(id)]))).toEqual({
      [ids[0]]: { answered: 1, correct: 0 },
      [ids[1]]: { answered: 1, correct: 1 },
      [ids[2]]: { answered: 1, correct: 1 },
    });
    const options = await stats.optionCounts(courseId, fixture.finalQuiz.id);
    expect(options.get(tf.options!.find((o) => !o.correct)!.id)).toBe(1);
    expect(options.get(tf.options!.find((o) => o.correct)!.id)).toBeUndefined();

    const next = await sut.quizForm(worker, courseId, fixture.finalQuiz.id);
    expect(next.submissionKey).not.toBe(form.submissionKey);
  });
});
