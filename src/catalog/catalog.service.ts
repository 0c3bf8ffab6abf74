import { Injectable, NotFoundException, UnauthorizedException } from '@nestjs/common';
import { Actor } from '../common/access/actor';
import { OutOfScopeException } from '../common/access/out-of-scope';
import { Page, pageOf, pageWindow } from '../common/http/pagination';
import { StoredFile } from '../files/entities/stored-file.entity';
import { isImageKind } from '../files/file-kinds';
import { FilesService } from '../files/files.service';
import { DomainCode } from '../learning-records/learning-domains';
import { canViewInstitution } from './catalog.access';
import { CourseSummary, CoursesRepository } from './courses.repository';
import { COVER_OWNER } from './courses.service';
import { Course, CourseStatus } from './entities/course.entity';
import { Lesson } from './entities/lesson.entity';
import { LESSON_OWNER } from './lessons.service';
import { LessonsRepository } from './lessons.repository';
import { QuizWithQuestions, QuizzesRepository } from './quizzes.repository';

/** A quiz as learners take it: its active questions in order, each with its options in order. */
export type PublishedQuiz = QuizWithQuestions;

/** A course as learners see it. */
export interface PublishedCourse {
  /** With its learning domains. */
  course: Course;
  institution: { id: number; name: string };
  /** Active lessons, in order. */
  lessons: Lesson[];
  /**
   * The quizzes of the active lessons (lessonId set) and the final quiz (lessonId null); a quiz with
   * no active question is left out.
   */
  quizzes: PublishedQuiz[];
}

/** What a course's statistics are counted against: its active lessons and quizzes, with the right answers. */
export interface CourseForStats {
  course: Course;
  /** Active lessons, in order. */
  lessons: Lesson[];
  /** The active lessons' quizzes in lesson order, then the final quiz; active questions with their options. */
  quizzes: (PublishedQuiz & { lessonTitle: string | null })[];
  /** The questions of the course's bank (removed ones too) with their options, which drawing quizzes ask. */
  bank: PublishedQuiz['questions'];
}

export interface CatalogSearch {
  /** Searched in the title, with or without diacritics. */
  q?: string;
  domain?: DomainCode;
  institutionId?: number;
  page?: number;
  size?: number;
}

export interface Download {
  file: StoredFile;
  /** Images (covers, lesson pictures) may be shown in the page. */
  inline: boolean;
}

/**
 * The catalog as the learner's side reads it: published courses with their active lessons and
 * quizzes, searching, lesson files; and who may download a course's files.
 */
@Injectable()
export class CatalogService {
  constructor(
    private readonly courses: CoursesRepository,
    private readonly lessons: LessonsRepository,
    private readonly quizzes: QuizzesRepository,
    private readonly files: FilesService,
  ) {}

  /** Course and lesson titles by id, for other domains' pages and exports (archived ones too). */
  async titles(
    courseIds: number[],
    lessonIds: number[] = [],
  ): Promise<{ courses: Map<number, string>; lessons: Map<number, string> }> {
    const [courses, lessons] = await Promise.all([
      this.courses.titlesOf([...new Set(courseIds)]),
      this.lessons.titlesOf([...new Set(lessonIds)]),
    ]);
    return { courses, lessons };
  }

  /** A course's learning domains in the plan's order (what its certificate prints), whatever its status. */
  async domainsOf(courseId: number): Promise<DomainCode[]> {
    return (await this.courses.domainsOf([courseId])).get(courseId) ?? [];
  }

  /**
   * A published course with its active lessons in order and its quizzes with active questions and
   * options; null when there is none (or it is a draft). `includeArchived` also finds an archived
   * course, for learners who are already in it.
   */
  async publishedCourse(
    id: number,
    options: { includeArchived?: boolean } = {},
  ): Promise<PublishedCourse | null> {
    const course = await this.courses.findById(id);
    const visible =
      course?.status === CourseStatus.Published ||
      (course?.status === CourseStatus.Archived && options.includeArchived);
    if (!course || !visible) return null;
    const lessons = await this.lessons.ofCourse(id, true);
    const activeIds = new Set(lessons.map((l) => l.id));
    const quizzes = (await this.quizzes.ofCourse(id)).filter(
      (q) => q.lessonId === null || activeIds.has(q.lessonId),
    );
    const questions = await this.quizzes.questionsOf(
      quizzes.map((q) => q.id),
      true,
    );
    const bank = await this.quizzes.bankCount(id);
    return {
      course,
      institution: {
        id: course.institutionId,
        name: (await this.courses.institutionName(course.institutionId)) ?? '',
      },
      lessons,
      quizzes: quizzes
        .map((quiz) => ({ ...quiz, questions: questions.filter((q) => q.quizId === quiz.id) }))
        // A quiz drawing from the bank has no questions of its own: it counts while the bank has some.
        .filter((quiz) => quiz.questions.length > 0 || ((quiz.drawCount ?? 0) > 0 && bank > 0)),
    };
  }

  /**
   * A course for its statistics page, whatever its status: its editors and the federation admin
   * only (404 for anyone else, as the authoring pages answer).
   */
  async courseForStats(actor: Actor, id: number): Promise<CourseForStats> {
    const course = await this.courses.findById(id);
    if (!course) throw new NotFoundException();
    if (!canViewInstitution(actor, course.institutionId)) throw new OutOfScopeException();
    const lessons = await this.lessons.ofCourse(id, true);
    const position = new Map(lessons.map((l, i) => [l.id, i]));
    const quizzes = (await this.quizzes.ofCourse(id))
      .filter((q) => q.lessonId === null || position.has(q.lessonId))
      .sort((a, b) => (position.get(a.lessonId!) ?? Infinity) - (position.get(b.lessonId!) ?? Infinity));
    const questions = await this.quizzes.questionsOf(
      quizzes.map((q) => q.id),
      true,
    );
    return {
      course,
      lessons,
      quizzes: quizzes.map((quiz) => ({
        ...quiz,
        lessonTitle: lessons.find((l) => l.id === quiz.lessonId)?.title ?? null,
        questions: questions.filter((q) => q.quizId === quiz.id),
      })),
      bank: await this.quizzes.bankQuestions(id, false),
    };
  }

  /** Published courses, most recently changed first; the search ignores diacritics (courses.search_key). */
  async searchPublished(search: CatalogSearch = {}): Promise<Page<CourseSummary>> {
    const { page, size, skip } = pageWindow({ page: search.page, size: search.size });
    const [items, total] = await this.courses.page(
      {
        institutionIds: search.institutionId ? [search.institutionId] : 'all',
        status: CourseStatus.Published,
        q: search.q,
        domain: search.domain,
      },
      skip,
      size,
    );
    return pageOf(items, total, page, size);
  }

  /** The files attached to a lesson, in order. */
  async lessonFiles(lessonId: number): Promise<StoredFile[]> {
    return (await this.lessons.filesOf([lessonId])).get(lessonId) ?? [];
  }

  /**
   * A course file someone asks for (GET /catalog/files/:id). The cover of a published (or archived)
   * course is public; its lesson files are for anyone signed in. A draft's files are for the
   * course's editors (and the federation admin) only. Archived courses count as published: their
   * learners keep what they learnt from.
   */
  async download(actor: Actor | undefined, fileId: number): Promise<Download> {
    const file = await this.files.findById(fileId);
    if (!file) throw new NotFoundException();
    const course = await this.courseOf(file);
    if (!course) throw new NotFoundException();
    const download = { file, inline: isImageKind(file.kind) };
    if (course.status !== CourseStatus.Draft && file.ownerType === COVER_OWNER) return download;
    if (!actor) throw new UnauthorizedException();
    if (course.status !== CourseStatus.Draft) return download;
    if (!canViewInstitution(actor, course.institutionId)) throw new OutOfScopeException();
    return download;
  }

  /** The course a cover or lesson file belongs to, if it is still attached. */
  private async courseOf(file: StoredFile): Promise<Course | null> {
    if (file.ownerType === COVER_OWNER) {
      const course = await this.courses.findById(file.ownerId);
      return course?.coverFileId === file.id ? course : null;
    }
    if (file.ownerType === LESSON_OWNER) {
      const lesson = await this.lessons.findById(file.ownerId);
      if (!lesson || !(await this.lessons.hasFile(lesson.id, file.id))) return null;
      return this.courses.findById(lesson.courseId);
    }
    return null;
  }
}
