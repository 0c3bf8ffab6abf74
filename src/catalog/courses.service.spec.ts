import { NotFoundException } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Actor } from '../common/access/actor';
import { Role, ScopeType } from '../common/access/roles';
import { FormError } from '../common/errors/form-error';
import { UnitOfWork } from '../database/unit-of-work';
import { FilesService } from '../files/files.service';
import { DomainCode } from '../learning-records/learning-domains';
import { CoursesRepository } from './courses.repository';
import { CoursesService } from './courses.service';
import { CourseDto } from './dto/course.dto';
import { Course, CourseLevel, CourseStatus, Licence } from './entities/course.entity';
import { CompletionRule, Lesson, LessonStatus } from './entities/lesson.entity';
import { Quiz } from './entities/quiz.entity';
import { LessonsRepository } from './lessons.repository';
import { QuizzesRepository } from './quizzes.repository';

const COLLEGE = 3;
const editor = new Actor(11, 'Võ Thị Mai', [
  { role: Role.InstitutionEditor, scopeType: ScopeType.Institution, scopeId: COLLEGE },
]);
const otherEditor = new Actor(12, 'Nguyễn Văn Sơn', [
  { role: Role.InstitutionEditor, scopeType: ScopeType.Institution, scopeId: 99 },
]);
const federationAdmin = new Actor(2, 'Nguyễn Thị Lan', [
  { role: Role.FederationAdmin, scopeType: ScopeType.All, scopeId: 0 },
]);

function course(fields: Partial<Course> = {}): Course {
  return {
    id: 5,
    institutionId: COLLEGE,
    title: 'Bộ luật Lao động 2019',
    searchKey: 'bo luat lao dong 2019',
    summary: null,
    level: CourseLevel.Beginner,
    estimatedHours: 2,
    language: 'vi',
    licence: Licence.CcBy,
    coverFileId: null,
    status: CourseStatus.Draft,
    publishedAt: null,
    archivedAt: null,
    createdBy: 11,
    createdAt: new Date(),
    updatedAt: new Date(),
    domains: [
      { code: DomainCode.Law, nameVi: 'Chính trị, pháp luật', nameEn: 'Politics and law', sortOrder: 1 },
    ],
    ...fields,
  };
}

const lesson = (id: number, rule = CompletionRule.Opened, status = LessonStatus.Active) =>
  ({ id, courseId: 5, title: `Bài ${id}`, completionRule: rule, status, position: id }) as Lesson;

function setup(stored: Course, lessons: Lesson[] = [lesson(1)], quizzes: Quiz[] = [], questions = new Map()) {
  const courses = {
    findById: jest.fn(async (id: number) => (id === stored.id ? stored : null)),
    update: jest.fn(async () => undefined),
    insert: jest.fn(async (data: Partial<Course>) => ({ id: 6, ...data }) as Course),
    setDomains: jest.fn(async () => undefined),
    touch: jest.fn(async () => undefined),
  };
  const lessonsRepo = { ofCourse: jest.fn(async () => lessons) };
  const quizzesRepo = {
    ofCourse: jest.fn(async () => quizzes),
    activeQuestionCounts: jest.fn(async () => questions),
  };
  const unitOfWork = { run: jest.fn((work: (m: EntityManager) => unknown) => work({} as EntityManager)) };
  const sut = new CoursesService(
    courses as unknown as CoursesRepository,
    lessonsRepo as unknown as LessonsRepository,
    quizzesRepo as unknown as QuizzesRepository,
    {} as FilesService,
    unitOfWork as unknown as UnitOfWork,
  );
  return { sut, courses };
}

async function formErrorOf(promise: Promise<unknown>): Promise<FormError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(FormError);
  return error as FormError;
}

describe(CoursesService.name, () => {
  it('publishes a complete draft and remembers when it was first published', async () => {
    const { sut, courses } = setup(course());
    const published = await sut.publish(editor, 5);
    expect(published.status).toBe(CourseStatus.Published);
    expect(courses.update).toHaveBeenCalledWith(
      5,
      { status: CourseStatus.Published, publishedAt: expect.any(Date), archivedAt: null },
      expect.anything(),
    );
  });

  it('refuses to publish, with one message per missing item', async () => {
    const { sut, courses } = setup(course({ estimatedHours: 0, domains: [] }), []);
    const error = await formErrorOf(sut.publish(editor, 5));
    expect(error.formMessage).toEqual({ key: 'catalog.publish.refused' });
    expect(error.fieldErrors).toEqual({
      lessons: { key: 'catalog.publish.noLessons' },
      estimatedHours: { key: 'catalog.publish.noHours' },
      domains: { key: 'catalog.publish.noDomains' },
    });
    expect(courses.update).not.toHaveBeenCalled();
  });

  it('needs a quiz with a question for every lesson completed by passing one', async () => {
    const quiz = { id: 8, lessonId: 2 } as Quiz;
    const lessons = [
      lesson(1),
      lesson(2, CompletionRule.QuizMastered),
      lesson(3, CompletionRule.QuizMastered),
    ];
    const { sut } = setup(course(), lessons, [quiz], new Map([[8, 0]]));
    const error = await formErrorOf(sut.publish(editor, 5));
    expect(error.fieldErrors).toEqual({
      'lesson.2': { key: 'catalog.publish.quizMissing', params: { title: 'Bài 2' } },
      'lesson.3': { key: 'catalog.publish.quizMissing', params: { title: 'Bài 3' } },
    });
    const { sut: ready } = setup(course(), lessons.slice(0, 2), [quiz], new Map([[8, 3]]));
    await expect(ready.publish(editor, 5)).resolves.toMatchObject({ status: CourseStatus.Published });
  });

  it('does not count removed lessons', async () => {
    const { sut } = setup(course(), [lesson(1, CompletionRule.QuizMastered, LessonStatus.Removed)]);
    const error = await formErrorOf(sut.publish(editor, 5));
    expect(error.fieldErrors).toEqual({ lessons: { key: 'catalog.publish.noLessons' } });
  });

  it('republishes an archived course but keeps its first publication date', async () => {
    const first = new Date('2025-09-01T00:00:00Z');
    const { sut, courses } = setup(course({ status: CourseStatus.Archived, publishedAt: first }));
    await sut.publish(editor, 5);
    expect(courses.update).toHaveBeenCalledWith(
      5,
      expect.objectContaining({ status: CourseStatus.Published, publishedAt: first }),
      expect.anything(),
    );
  });

  it('archives only a published course', async () => {
    const { sut } = setup(course());
    const error = await formErrorOf(sut.archive(editor, 5));
    expect(error.fieldErrors.status.key).toBe('catalog.status.archiveDraft');
  });

  it('refuses a change that would leave a published course incomplete', async () => {
    const { sut } = setup(course({ status: CourseStatus.Published, publishedAt: new Date(), domains: [] }));
    const error = await formErrorOf(
      sut.update(editor, 5, {
        title: 'Bộ luật Lao động 2019',
        level: CourseLevel.Beginner,
        estimatedHours: 2,
        language: 'vi',
        licence: Licence.CcBy,
        domains: [],
      }),
    );
    expect(error.formMessage).toEqual({ key: 'catalog.published.wouldBreak' });
  });

  it('keeps editors to their own institution: another’s course answers 404', async () => {
    const { sut } = setup(course());
    await expect(sut.editable(otherEditor, 5)).rejects.toBeInstanceOf(NotFoundException);
    await expect(sut.viewable(otherEditor, 5)).rejects.toBeInstanceOf(NotFoundException);
    await expect(sut.publish(otherEditor, 5)).rejects.toBeInstanceOf(NotFoundException);
    await expect(sut.viewable(federationAdmin, 5)).resolves.toMatchObject({ id: 5 });
    await expect(sut.editable(federationAdmin, 5)).rejects.toBeInstanceOf(NotFoundException);
  });

  it('creates a draft in the editor’s institution with a folded search key', async () => {
    const { sut, courses } = setup(course());
    const dto: CourseDto = {
      title: 'Kỹ năng số cơ bản',
      level: CourseLevel.Beginner,
      estimatedHours: 1.5,
      language: 'vi',
      licence: Licence.CcBySa,
      domains: [DomainCode.Digital],
    };
    await sut.create(editor, dto);
    expect(courses.insert).toHaveBeenCalledWith(
      expect.objectContaining({
        institutionId: COLLEGE,
        searchKey: 'ky nang so co ban',
        status: CourseStatus.Draft,
        createdBy: 11,
      }),
      [DomainCode.Digital],
      expect.anything(),
    );
    const error = await formErrorOf(sut.create(editor, { ...dto, institutionId: 99 }));
    expect(error.fieldErrors.institutionId.key).toBe('catalog.institution.outOfScope');
  });
});
