import { EntityManager } from 'typeorm';
import { Actor } from '../common/access/actor';
import { Role, ScopeType } from '../common/access/roles';
import { FormError } from '../common/errors/form-error';
import { UnitOfWork } from '../database/unit-of-work';
import { filledOptions, QuestionInput, questionProblems } from './course-rules';
import { CoursesService } from './courses.service';
import { Course, CourseStatus } from './entities/course.entity';
import { QuestionKind, QuestionStatus, Quiz, QuizQuestion } from './entities/quiz.entity';
import { LessonsRepository } from './lessons.repository';
import { QuestionWithOptions, QuizzesRepository } from './quizzes.repository';
import { QuizzesService } from './quizzes.service';

const editor = new Actor(11, 'Võ Thị Mai', [
  { role: Role.InstitutionEditor, scopeType: ScopeType.Institution, scopeId: 3 },
]);

const single = (options: [string, boolean][]): QuestionInput => ({
  kind: QuestionKind.Single,
  prompt: 'Khi thấy dây điện bị hở, bạn làm gì?',
  options: options.map(([label, correct]) => ({ label, correct })),
});

function setup(course: Partial<Course>) {
  const stored = {
    id: 5,
    institutionId: 3,
    status: CourseStatus.Draft,
    publishedAt: null,
    ...course,
  } as Course;
  const question: QuestionWithOptions = {
    id: 30,
    quizId: 9,
    courseId: null,
    position: 2,
    kind: QuestionKind.Single,
    prompt: 'Khi thấy dây điện bị hở, bạn làm gì?',
    explanation: null,
    status: QuestionStatus.Active,
    createdAt: new Date(),
    updatedAt: new Date(),
    options: [
      {
        id: 1,
        questionId: 30,
        position: 1,
        label: 'Báo cho người phụ trách',
        matchLabel: null,
        correct: true,
      },
      { id: 2, questionId: 30, position: 2, label: 'Tự sửa', matchLabel: null, correct: false },
    ],
  };
  const quizzes = {
    findById: jest.fn(async (id: number) =>
      id === 9 ? ({ id: 9, courseId: 5, lessonId: 7 } as Quiz) : null,
    ),
    questionsOf: jest.fn(async () => [question]),
    findQuestion: jest.fn(async () => question as QuizQuestion),
    insertQuestion: jest.fn(async () => ({ id: 31 }) as QuizQuestion),
    updateQuestion: jest.fn(async () => undefined),
    replaceOptions: jest.fn(async () => undefined),
    deleteQuestion: jest.fn(async () => undefined),
    retireQuestions: jest.fn(async () => undefined),
    delete: jest.fn(async () => undefined),
    update: jest.fn(async () => undefined),
    bankCount: jest.fn(async () => 5),
  };
  const courses = {
    editable: jest.fn(async () => stored),
    assertStillPublishable: jest.fn(async () => undefined),
    touch: jest.fn(async () => undefined),
  };
  const unitOfWork = { run: jest.fn((work: (m: EntityManager) => unknown) => work({} as EntityManager)) };
  const sut = new QuizzesService(
    quizzes as unknown as QuizzesRepository,
    {} as LessonsRepository,
    courses as unknown as CoursesService,
    unitOfWork as unknown as UnitOfWork,
  );
  return { sut, quizzes, courses };
}

describe(QuizzesService.name, () => {
  describe('option rules', () => {
    it('needs exactly one correct option for a single-choice question', () => {
      expect(
        questionProblems(
          single([
            ['A', true],
            ['B', false],
          ]),
        ),
      ).toEqual({});
      expect(
        questionProblems(
          single([
            ['A', true],
            ['B', true],
          ]),
        ),
      ).toEqual({
        correct: { key: 'catalog.question.singleNeedsOne' },
      });
      expect(
        questionProblems(
          single([
            ['A', false],
            ['B', false],
          ]),
        ),
      ).toEqual({
        correct: { key: 'catalog.question.singleNeedsOne' },
      });
    });

    it('needs at least one correct option for a multiple-choice question', () => {
      const multiple = (options: [string, boolean][]) => ({
        ...single(options),
        kind: QuestionKind.Multiple,
      });
      expect(
        questionProblems(
          multiple([
            ['A', true],
            ['B', true],
            ['C', false],
          ]),
        ),
      ).toEqual({});
      expect(
        questionProblems(
          multiple([
            ['A', false],
            ['B', false],
          ]),
        ),
      ).toEqual({
        correct: { key: 'catalog.question.multipleNeedsOne' },
      });
    });

    it('needs two to ten options with text, and no blank option marked correct', () => {
      expect(
        questionProblems(
          single([
            ['A', true],
            ['  ', false],
          ]),
        ).options,
      ).toEqual({
        key: 'catalog.question.optionCount',
        params: { min: 2, max: 10 },
      });
      const eleven = single(Array.from({ length: 11 }, (_, i) => [`P${i}`, i === 0] as [string, boolean]));
      expect(questionProblems(eleven).options?.key).toBe('catalog.question.optionCount');
      expect(
        questionProblems(
          single([
            ['A', false],
            ['B', false],
            ['', true],
          ]),
        ).correct,
      ).toEqual({
        key: 'catalog.question.correctBlank',
      });
    });

    it('refuses a bad question before touching the database', async () => {
      const { sut, quizzes } = setup({});
      await expect(
        sut.addQuestion(
          editor,
          5,
          9,
          single([
            ['A', true],
            ['B', true],
          ]),
        ),
      ).rejects.toBeInstanceOf(FormError);
      expect(quizzes.insertQuestion).not.toHaveBeenCalled();
    });
  });

  describe('rules of the other kinds', () => {
    it('turns a true/false question into the two fixed options and needs one of them right', () => {
      const truth = (correct: boolean[]) => ({
        kind: QuestionKind.TrueFalse,
        prompt: 'Phải ngắt điện trước khi sửa.',
        options: correct.map((c) => ({ label: 'bất kỳ', correct: c })),
      });
      expect(questionProblems(truth([true, false]))).toEqual({});
      expect(filledOptions(truth([false, true]))).toEqual([
        { label: 'Đúng', matchLabel: null, correct: false },
        { label: 'Sai', matchLabel: null, correct: true },
      ]);
      expect(questionProblems(truth([]))).toEqual({ truth: { key: 'catalog.question.truthNeeded' } });
      expect(questionProblems(truth([true, true]))).toEqual({
        truth: { key: 'catalog.question.truthNeeded' },
      });
    });

    it('needs complete pairs with different right-hand sides for a matching question', () => {
      const pairs = (rows: [string, string][]) => ({
        kind: QuestionKind.Matching,
        prompt: 'Ghép đôi',
        options: rows.map(([label, matchLabel]) => ({ label, matchLabel, correct: false })),
      });
      expect(
        questionProblems(
          pairs([
            ['Mũ', 'Đầu'],
            ['Găng', 'Tay'],
            ['', ''],
          ]),
        ),
      ).toEqual({});
      expect(
        filledOptions(
          pairs([
            ['Mũ', 'Đầu'],
            ['Găng', 'Tay'],
          ]),
        ).every((o) => o.correct),
      ).toBe(true);
      expect(
        questionProblems(
          pairs([
            ['Mũ', 'Đầu'],
            ['Găng', ''],
          ]),
        ),
      ).toEqual({ options: { key: 'catalog.question.pairIncomplete' } });
      expect(questionProblems(pairs([['Mũ', 'Đầu']])).options?.key).toBe('catalog.question.pairCount');
      expect(
        questionProblems(
          pairs([
            ['Mũ', 'Đầu'],
            ['Nón', 'đầu '],
          ]),
        ),
      ).toEqual({ options: { key: 'catalog.question.pairsDistinct' } });
    });

    it('needs at least one accepted answer for a short-answer question', () => {
      const short = (labels: string[]) => ({
        kind: QuestionKind.ShortAnswer,
        prompt: 'Số gọi cứu hỏa?',
        options: labels.map((label) => ({ label, correct: false })),
      });
      expect(questionProblems(short(['114', '']))).toEqual({});
      expect(filledOptions(short(['114', '']))).toEqual([{ label: '114', matchLabel: null, correct: true }]);
      expect(questionProblems(short(['', ' ']))).toEqual({
        options: { key: 'catalog.question.acceptedCount', params: { max: 10 } },
      });
    });
  });

  it('refuses a quiz drawing more questions than the bank holds, and stores 0 as its own questions', async () => {
    const { sut, quizzes } = setup({});
    await expect(sut.update(editor, 5, 9, { drawCount: 6 })).rejects.toMatchObject({
      fieldErrors: { drawCount: { key: 'catalog.quiz.drawTooMany', params: { count: 6, bank: 5 } } },
    });
    expect(quizzes.update).not.toHaveBeenCalled();
    await sut.update(editor, 5, 9, { drawCount: 5 });
    expect(quizzes.update).toHaveBeenLastCalledWith(
      9,
      expect.objectContaining({ drawCount: 5 }),
      expect.anything(),
    );
    await sut.update(editor, 5, 9, { drawCount: 0 });
    expect(quizzes.update).toHaveBeenLastCalledWith(
      9,
      expect.objectContaining({ drawCount: null }),
      expect.anything(),
    );
  });

  it('keeps a question of a published course as REMOVED instead of deleting it', async () => {
    const { sut, quizzes, courses } = setup({ status: CourseStatus.Published, publishedAt: new Date() });
    await expect(sut.removeQuestion(editor, 5, 9, 30)).resolves.toBe('removed');
    expect(quizzes.updateQuestion).toHaveBeenCalledWith(
      30,
      { status: QuestionStatus.Removed },
      expect.anything(),
    );
    expect(quizzes.deleteQuestion).not.toHaveBeenCalled();
    expect(courses.assertStillPublishable).toHaveBeenCalled();
  });

  it('deletes a question of a course never published', async () => {
    const { sut, quizzes } = setup({});
    await expect(sut.removeQuestion(editor, 5, 9, 30)).resolves.toBe('deleted');
    expect(quizzes.deleteQuestion).toHaveBeenCalledWith(30, expect.anything());
  });

  it('replaces a published question whose options change, at the same place', async () => {
    const { sut, quizzes } = setup({ status: CourseStatus.Published, publishedAt: new Date() });
    await sut.updateQuestion(
      editor,
      5,
      9,
      30,
      single([
        ['Báo cho người phụ trách', true],
        ['Tự sửa', false],
        ['Bỏ qua', false],
      ]),
    );
    expect(quizzes.updateQuestion).toHaveBeenCalledWith(
      30,
      { status: QuestionStatus.Removed },
      expect.anything(),
    );
    expect(quizzes.insertQuestion).toHaveBeenCalledWith(
      9,
      expect.objectContaining({ kind: QuestionKind.Single }),
      [
        { label: 'Báo cho người phụ trách', matchLabel: null, correct: true },
        { label: 'Tự sửa', matchLabel: null, correct: false },
        { label: 'Bỏ qua', matchLabel: null, correct: false },
      ],
      expect.anything(),
      2,
    );
    expect(quizzes.replaceOptions).not.toHaveBeenCalled();
  });

  it('corrects the wording of a published question in place when its options stay', async () => {
    const { sut, quizzes } = setup({ status: CourseStatus.Published, publishedAt: new Date() });
    await sut.updateQuestion(editor, 5, 9, 30, {
      ...single([
        ['Báo cho người phụ trách', true],
        ['Tự sửa', false],
      ]),
      prompt: 'Thấy dây điện bị hở, bạn nên làm gì?',
    });
    expect(quizzes.updateQuestion).toHaveBeenCalledWith(
      30,
      { kind: QuestionKind.Single, prompt: 'Thấy dây điện bị hở, bạn nên làm gì?', explanation: null },
      expect.anything(),
    );
    expect(quizzes.insertQuestion).not.toHaveBeenCalled();
    expect(quizzes.replaceOptions).not.toHaveBeenCalled();
  });

  it('empties a published course’s quiz instead of deleting it; deletes a draft’s', async () => {
    const published = setup({ status: CourseStatus.Published, publishedAt: new Date() });
    await expect(published.sut.remove(editor, 5, 9)).resolves.toBe('removed');
    expect(published.quizzes.retireQuestions).toHaveBeenCalledWith(9, expect.anything());
    expect(published.quizzes.delete).not.toHaveBeenCalled();
    const draft = setup({});
    await expect(draft.sut.remove(editor, 5, 9)).resolves.toBe('deleted');
    expect(draft.quizzes.delete).toHaveBeenCalledWith(9, expect.anything());
  });
});
