import { Injectable, NotFoundException } from '@nestjs/common';
import { Actor } from '../common/access/actor';
import { OutOfScopeException } from '../common/access/out-of-scope';
import { FieldErrors, FormError } from '../common/errors/form-error';
import { Page, pageOf, pageWindow } from '../common/http/pagination';
import { foldVietnamese } from '../common/text/vietnamese';
import { Transaction, UnitOfWork } from '../database/unit-of-work';
import { StoredFile } from '../files/entities/stored-file.entity';
import { IMAGE_KINDS } from '../files/file-kinds';
import { TempUpload } from '../files/file-upload';
import { FilesService } from '../files/files.service';
import { LearningDomain } from '../learning-records/entities/learning-domain.entity';
import {
  canEditInstitution,
  canViewInstitution,
  editorInstitutionIds,
  visibleInstitutions,
} from './catalog.access';
import { CourseSnapshot, publishProblems } from './course-rules';
import { CourseFields, CourseSummary, CoursesRepository } from './courses.repository';
import { CourseDto, CourseListQuery } from './dto/course.dto';
import { Course, CourseStatus } from './entities/course.entity';
import { Lesson } from './entities/lesson.entity';
import { Quiz } from './entities/quiz.entity';
import { LessonsRepository } from './lessons.repository';
import { QuizzesRepository } from './quizzes.repository';

export const COVER_OWNER = 'COURSE_COVER';

/** A course as its editors see it: every lesson (removed ones marked), files and quizzes. */
export interface CourseOutline {
  course: Course;
  institutionName: string;
  lessons: (Lesson & { files: StoredFile[]; quiz: (Quiz & { questionCount: number }) | null })[];
  finalQuiz: (Quiz & { questionCount: number }) | null;
  /** Ever published: structural changes keep rows (REMOVED) instead of deleting them. */
  everPublished: boolean;
  problems: FieldErrors;
}

/**
 * Course authoring by institution editors, their own institution only (others get 404); the
 * federation admin reads every course. Publishing checks the course is complete; a course that has
 * been published keeps every lesson and question learners may have progress on.
 */
@Injectable()
export class CoursesService {
  constructor(
    private readonly courses: CoursesRepository,
    private readonly lessons: LessonsRepository,
    private readonly quizzes: QuizzesRepository,
    private readonly files: FilesService,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  async page(actor: Actor, query: CourseListQuery): Promise<Page<CourseSummary>> {
    const { page, size, skip } = pageWindow(query);
    const [items, total] = await this.courses.page(
      { institutionIds: visibleInstitutions(actor), status: query.status, q: query.q },
      skip,
      size,
    );
    return pageOf(items, total, page, size);
  }

  domains(): Promise<LearningDomain[]> {
    return this.courses.allDomains();
  }

  /** The institutions an editor writes for (usually one). */
  institutionsOf(actor: Actor): Promise<{ id: number; name: string }[]> {
    return this.courses.institutionsByIds(editorInstitutionIds(actor));
  }

  /** A course the actor may read (its editors, the federation admin); 404 otherwise. */
  async viewable(actor: Actor, id: number): Promise<Course> {
    const course = await this.courses.findById(id);
    if (!course) throw new NotFoundException();
    if (!canViewInstitution(actor, course.institutionId)) throw new OutOfScopeException();
    return course;
  }

  /** A course the actor may change: an editor of its institution; 404 otherwise. */
  async editable(actor: Actor, id: number, manager?: Transaction): Promise<Course> {
    const course = await this.courses.findById(id, manager);
    if (!course) throw new NotFoundException();
    if (!canEditInstitution(actor, course.institutionId)) throw new OutOfScopeException();
    return course;
  }

  async outline(actor: Actor, id: number): Promise<CourseOutline> {
    const course = await this.viewable(actor, id);
    const lessons = await this.lessons.ofCourse(id);
    const quizzes = await this.quizzes.ofCourse(id);
    const counts = await this.quizzes.activeQuestionCounts(quizzes.map((q) => q.id));
    const withCount = (quiz: Quiz | undefined) =>
      quiz ? { ...quiz, questionCount: counts.get(quiz.id) ?? 0 } : null;
    const files = await this.lessons.filesOf(lessons.map((l) => l.id));
    return {
      course,
      institutionName: (await this.courses.institutionName(course.institutionId)) ?? '',
      lessons: lessons.map((lesson) => ({
        ...lesson,
        files: files.get(lesson.id) ?? [],
        quiz: withCount(quizzes.find((q) => q.lessonId === lesson.id)),
      })),
      finalQuiz: withCount(quizzes.find((q) => q.lessonId === null)),
      everPublished: course.publishedAt !== null,
      problems: publishProblems(await this.snapshot(course)),
    };
  }

  async create(actor: Actor, dto: CourseDto): Promise<Course> {
    const institutions = editorInstitutionIds(actor);
    const institutionId = dto.institutionId ?? (institutions.length === 1 ? institutions[0] : undefined);
    if (institutionId === undefined) throw FormError.field('institutionId', 'validation.required');
    if (!institutions.includes(institutionId))
      throw FormError.field('institutionId', 'catalog.institution.outOfScope');
    return this.unitOfWork.run((manager) =>
      this.courses.insert(
        { ...fieldsOf(dto), institutionId, status: CourseStatus.Draft, createdBy: actor.userId },
        dto.domains ?? [],
        manager,
      ),
    );
  }

  /** Saves the course's details. A published course must stay publishable (hours, domains). */
  async update(actor: Actor, id: number, dto: CourseDto): Promise<Course> {
    await this.unitOfWork.run(async (manager) => {
      const course = await this.editable(actor, id, manager);
      await this.courses.update(id, fieldsOf(dto), manager);
      await this.courses.setDomains(id, dto.domains ?? [], manager);
      await this.assertStillPublishable(course, manager);
    });
    return (await this.courses.findById(id))!;
  }

  /** Replaces the cover image (images only, checked by their bytes). */
  async setCover(actor: Actor, id: number, upload: TempUpload | undefined): Promise<StoredFile> {
    const course = await this.editable(actor, id);
    const file = await this.files.store(
      upload,
      { ownerType: COVER_OWNER, ownerId: id, allowed: IMAGE_KINDS, uploadedBy: actor.userId },
      async (stored, manager) => this.courses.update(id, { coverFileId: stored.id }, manager),
    );
    await this.dropCover(course.coverFileId);
    return file;
  }

  async removeCover(actor: Actor, id: number): Promise<void> {
    const course = await this.editable(actor, id);
    if (course.coverFileId === null) return;
    await this.courses.update(id, { coverFileId: null });
    await this.dropCover(course.coverFileId);
  }

  /** Draft or archived → published, when nothing is missing; each missing item gets its message. */
  async publish(actor: Actor, id: number): Promise<Course> {
    return this.unitOfWork.run(async (manager) => {
      const course = await this.editable(actor, id, manager);
      if (course.status === CourseStatus.Published) return course;
      const problems = publishProblems(await this.snapshot(course, manager));
      if (Object.keys(problems).length > 0) throw new FormError(problems, { key: 'catalog.publish.refused' });
      const now = new Date();
      const changes = {
        status: CourseStatus.Published,
        publishedAt: course.publishedAt ?? now,
        archivedAt: null,
      };
      await this.courses.update(id, changes, manager);
      return { ...course, ...changes };
    });
  }

  /** Published → archived: no longer offered; learners already in it keep their progress. */
  async archive(actor: Actor, id: number): Promise<Course> {
    return this.unitOfWork.run(async (manager) => {
      const course = await this.editable(actor, id, manager);
      if (course.status === CourseStatus.Archived) return course;
      if (course.status !== CourseStatus.Published)
        throw FormError.field('status', 'catalog.status.archiveDraft');
      const changes = { status: CourseStatus.Archived, archivedAt: new Date() };
      await this.courses.update(id, changes, manager);
      return { ...course, ...changes };
    });
  }

  /**
   * Called inside the transaction of any change to a published course: the course must still be
   * complete (a lesson left, quizzes for quiz-completed lessons…), or the change is rolled back.
   */
  async assertStillPublishable(course: Course, manager: Transaction): Promise<void> {
    if (course.status !== CourseStatus.Published) return;
    const fresh = (await this.courses.findById(course.id, manager)) ?? course;
    const problems = publishProblems(await this.snapshot(fresh, manager));
    if (Object.keys(problems).length > 0)
      throw new FormError(problems, { key: 'catalog.published.wouldBreak' });
  }

  /** Marks the course as changed. */
  touch(courseId: number, manager: Transaction): Promise<void> {
    return this.courses.touch(courseId, manager);
  }

  private async snapshot(course: Course, manager?: Transaction): Promise<CourseSnapshot> {
    const lessons = await this.lessons.ofCourse(course.id, false, manager);
    const quizzes = await this.quizzes.ofCourse(course.id, manager);
    const counts = await this.quizzes.activeQuestionCounts(
      quizzes.map((q) => q.id),
      manager,
    );
    return {
      estimatedHours: Number(course.estimatedHours),
      domains: (course.domains ?? []).map((d) => d.code),
      lessons,
      quizzes: quizzes.map((q) => ({ lessonId: q.lessonId, activeQuestions: counts.get(q.id) ?? 0 })),
    };
  }

  private async dropCover(fileId: number | null): Promise<void> {
    if (fileId === null) return;
    const [file] = await this.files.findByIds([fileId]);
    if (file) await this.files.remove([file]);
  }
}

function fieldsOf(dto: CourseDto): CourseFields {
  return {
    title: dto.title,
    searchKey: foldVietnamese(dto.title).slice(0, 300),
    summary: dto.summary ?? null,
    level: dto.level,
    estimatedHours: dto.estimatedHours,
    language: dto.language,
    licence: dto.licence,
  };
}
