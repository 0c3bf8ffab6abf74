import { LessonImages } from './lesson-images';
import { EntityManager } from 'typeorm';
import { Actor } from '../common/access/actor';
import { Role, ScopeType } from '../common/access/roles';
import { FormError } from '../common/errors/form-error';
import { UnitOfWork } from '../database/unit-of-work';
import { StoredFile } from '../files/entities/stored-file.entity';
import { FilesService } from '../files/files.service';
import { CoursesService } from './courses.service';
import { Course, CourseStatus } from './entities/course.entity';
import { CompletionRule, Lesson, LessonStatus } from './entities/lesson.entity';
import { fieldsOf, LessonsService } from './lessons.service';
import { LessonsRepository } from './lessons.repository';
import { QuizzesRepository } from './quizzes.repository';

const editor = new Actor(11, 'Võ Thị Mai', [
  { role: Role.InstitutionEditor, scopeType: ScopeType.Institution, scopeId: 3 },
]);

function setup(course: Partial<Course>) {
  const stored = {
    id: 5,
    institutionId: 3,
    status: CourseStatus.Draft,
    publishedAt: null,
    ...course,
  } as Course;
  const lessonRow = {
    id: 7,
    courseId: 5,
    title: 'An toàn điện',
    position: 1,
    status: LessonStatus.Active,
  } as Lesson;
  const attached = [{ id: 40, storedName: 'files/a.pdf' } as StoredFile];
  const lessons = {
    findById: jest.fn(async (id: number) => (id === 7 ? lessonRow : null)),
    update: jest.fn(async () => undefined),
    delete: jest.fn(async () => undefined),
    filesOf: jest.fn(async () => new Map([[7, attached]])),
    ofCourse: jest.fn(async () => [lessonRow, { ...lessonRow, id: 8, position: 2 }]),
  };
  const courses = {
    editable: jest.fn(async () => stored),
    assertStillPublishable: jest.fn(async () => undefined),
    touch: jest.fn(async () => undefined),
  };
  const manager = {} as EntityManager;
  const files = {
    remove: jest.fn(async (_files: StoredFile[], work?: (m: EntityManager) => Promise<void>) =>
      work?.(manager),
    ),
  };
  const unitOfWork = { run: jest.fn((work: (m: EntityManager) => unknown) => work(manager)) };
  const sut = new LessonsService(
    lessons as unknown as LessonsRepository,
    {} as QuizzesRepository,
    courses as unknown as CoursesService,
    files as unknown as FilesService,
    unitOfWork as unknown as UnitOfWork,
    {
      keep: async (_actor: unknown, body: string | null) => ({ body, files: [] }),
      discard: async () => undefined,
    } as unknown as LessonImages,
  );
  return { sut, lessons, courses, files, attached };
}

describe(LessonsService.name, () => {
  it('marks a lesson of a published course REMOVED instead of deleting it', async () => {
    const { sut, lessons, courses, files } = setup({
      status: CourseStatus.Published,
      publishedAt: new Date('2025-10-01T00:00:00Z'),
    });
    await expect(sut.remove(editor, 5, 7)).resolves.toBe('removed');
    expect(lessons.update).toHaveBeenCalledWith(7, { status: LessonStatus.Removed }, expect.anything());
    expect(lessons.delete).not.toHaveBeenCalled();
    expect(files.remove).not.toHaveBeenCalled();
    expect(courses.assertStillPublishable).toHaveBeenCalled();
  });

  it('also keeps the lessons of an archived course, which learners may still be in', async () => {
    const { sut, lessons } = setup({ status: CourseStatus.Archived, publishedAt: new Date() });
    await expect(sut.remove(editor, 5, 7)).resolves.toBe('removed');
    expect(lessons.delete).not.toHaveBeenCalled();
  });

  it('deletes the lesson of a course never published, with its files', async () => {
    const { sut, lessons, files, attached } = setup({});
    await expect(sut.remove(editor, 5, 7)).resolves.toBe('deleted');
    expect(files.remove).toHaveBeenCalledWith(attached, expect.any(Function));
    expect(lessons.delete).toHaveBeenCalledWith(7, expect.anything());
    expect(lessons.update).not.toHaveBeenCalled();
  });

  it('swaps positions with the neighbour when moving a lesson', async () => {
    const { sut, lessons } = setup({});
    await sut.move(editor, 5, 7, 'down');
    expect(lessons.update).toHaveBeenCalledWith(7, { position: 2 }, expect.anything());
    expect(lessons.update).toHaveBeenCalledWith(8, { position: 1 }, expect.anything());
  });

  it('sanitises the text, keeps a canonical video link and needs minutes for a timed lesson', () => {
    expect(
      fieldsOf({
        title: 'Bài 1',
        bodyHtml: '<p>Đeo găng tay<script>x()</script></p>',
        videoUrl: 'https://youtu.be/dQw4w9WgXcQ',
        completionRule: CompletionRule.TimeSpent,
        minMinutes: 15,
      }),
    ).toEqual({
      title: 'Bài 1',
      bodyHtml: '<p>Đeo găng tay</p>',
      videoUrl: 'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ',
      required: true,
      completionRule: CompletionRule.TimeSpent,
      minMinutes: 15,
    });
    expect(() => fieldsOf({ title: 'x', completionRule: CompletionRule.TimeSpent })).toThrow(FormError);
    expect(() =>
      fieldsOf({ title: 'x', completionRule: CompletionRule.Opened, videoUrl: 'https://evil.example/x' }),
    ).toThrow(FormError);
    expect(
      fieldsOf({ title: 'x', completionRule: CompletionRule.Opened, minMinutes: 15 }).minMinutes,
    ).toBeNull();
  });
});
