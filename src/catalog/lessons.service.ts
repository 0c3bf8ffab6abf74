import { LessonImages } from './lesson-images';
import { Injectable, NotFoundException } from '@nestjs/common';
import { Actor } from '../common/access/actor';
import { FormError } from '../common/errors/form-error';
import { Transaction, UnitOfWork } from '../database/unit-of-work';
import { StoredFile } from '../files/entities/stored-file.entity';
import { FileKind, LEARNING_FILE_KINDS, PLAYABLE_VIDEO_KINDS } from '../files/file-kinds';
import { TempUpload } from '../files/file-upload';
import { FilesService } from '../files/files.service';
import { CoursesService } from './courses.service';
import { LessonDto } from './dto/course.dto';
import { Course } from './entities/course.entity';
import { CompletionRule, Lesson, LessonStatus } from './entities/lesson.entity';
import { Quiz } from './entities/quiz.entity';
import { parseVideoUrl, sanitizeLessonHtml } from './lesson-content';
import { LessonFields, LessonsRepository } from './lessons.repository';
import { QuizzesRepository } from './quizzes.repository';

export const LESSON_OWNER = 'LESSON';

export interface LessonEditView {
  course: Course;
  lesson: Lesson;
  files: StoredFile[];
  quiz: (Quiz & { questionCount: number }) | null;
}

/**
 * Lessons of a course: text (sanitised HTML), a video link, attached files, how a learner completes
 * them, and their order. In a course that has ever been published a lesson is never deleted, only
 * marked REMOVED, so learners' progress on it stays.
 */
@Injectable()
export class LessonsService {
  constructor(
    private readonly lessons: LessonsRepository,
    private readonly quizzes: QuizzesRepository,
    private readonly courses: CoursesService,
    private readonly files: FilesService,
    private readonly unitOfWork: UnitOfWork,
    private readonly images: LessonImages,
  ) {}

  async editView(actor: Actor, courseId: number, lessonId: number): Promise<LessonEditView> {
    const course = await this.courses.viewable(actor, courseId);
    const lesson = await this.lessonOf(course, lessonId);
    const quiz = await this.quizzes.findFor(course.id, lesson.id);
    const counts = quiz ? await this.quizzes.activeQuestionCounts([quiz.id]) : new Map<number, number>();
    return {
      course,
      lesson,
      files: (await this.lessons.filesOf([lesson.id])).get(lesson.id) ?? [],
      quiz: quiz ? { ...quiz, questionCount: counts.get(quiz.id) ?? 0 } : null,
    };
  }

  async create(actor: Actor, courseId: number, dto: LessonDto): Promise<Lesson> {
    const fields = fieldsOf(dto);
    await this.courses.editable(actor, courseId);
    const kept = await this.images.keep(actor, fields.bodyHtml);
    try {
      return await this.unitOfWork.run(async (manager) => {
        const course = await this.courses.editable(actor, courseId, manager);
        const lesson = await this.lessons.insert({ ...fields, bodyHtml: kept.body, courseId }, manager);
        await this.linkImages(lesson.id, kept.files, manager);
        await this.courses.assertStillPublishable(course, manager);
        await this.courses.touch(courseId, manager);
        return lesson;
      });
    } catch (error) {
      await this.images.discard(kept.files);
      throw error;
    }
  }

  async update(actor: Actor, courseId: number, lessonId: number, dto: LessonDto): Promise<Lesson> {
    const fields = fieldsOf(dto);
    await this.lessonOf(await this.courses.editable(actor, courseId), lessonId);
    const kept = await this.images.keep(actor, fields.bodyHtml);
    const saved = { ...fields, bodyHtml: kept.body };
    try {
      return await this.unitOfWork.run(async (manager) => {
        const course = await this.courses.editable(actor, courseId, manager);
        const lesson = await this.lessonOf(course, lessonId, manager);
        if (lesson.status !== LessonStatus.Active)
          throw FormError.field('title', 'catalog.lesson.removedLesson');
        await this.lessons.update(lessonId, saved, manager);
        await this.linkImages(lessonId, kept.files, manager);
        await this.courses.assertStillPublishable(course, manager);
        await this.courses.touch(courseId, manager);
        return { ...lesson, ...saved };
      });
    } catch (error) {
      await this.images.discard(kept.files);
      throw error;
    }
  }

  /** Images fetched for the body become the lesson's files, in its save's transaction. */
  private async linkImages(lessonId: number, files: StoredFile[], manager: Transaction): Promise<void> {
    for (const file of files) {
      await this.files.setOwner(file.id, lessonId, manager);
      await this.lessons.linkFile(lessonId, file.id, manager);
    }
  }

  /**
   * Takes a lesson out of the course. In a course that has ever been published it is marked REMOVED
   * (kept with its quiz and the learners' progress); in a course never published it is deleted with
   * its files.
   */
  async remove(actor: Actor, courseId: number, lessonId: number): Promise<'removed' | 'deleted'> {
    const course = await this.courses.editable(actor, courseId);
    const lesson = await this.lessonOf(course, lessonId);
    if (course.publishedAt !== null) {
      await this.unitOfWork.run(async (manager) => {
        await this.lessons.update(lesson.id, { status: LessonStatus.Removed }, manager);
        await this.courses.assertStillPublishable(course, manager);
        await this.courses.touch(courseId, manager);
      });
      return 'removed';
    }
    const files = (await this.lessons.filesOf([lesson.id])).get(lesson.id) ?? [];
    await this.files.remove(files, async (manager) => {
      await this.lessons.delete(lesson.id, manager);
      await this.courses.touch(courseId, manager);
    });
    return 'deleted';
  }

  /** Swaps the lesson with the active lesson above or below it. */
  async move(actor: Actor, courseId: number, lessonId: number, direction: 'up' | 'down'): Promise<void> {
    await this.unitOfWork.run(async (manager) => {
      const course = await this.courses.editable(actor, courseId, manager);
      await this.lessonOf(course, lessonId, manager);
      const active = await this.lessons.ofCourse(courseId, true, manager);
      const at = active.findIndex((l) => l.id === lessonId);
      const other = active[direction === 'up' ? at - 1 : at + 1];
      if (at < 0 || !other) return;
      const lesson = active[at];
      // Positions may repeat after old edits; make them distinct while swapping.
      const [first, second] = [
        Math.min(lesson.position, other.position),
        Math.max(lesson.position, other.position),
      ];
      const upper = first === second ? second + 1 : second;
      await this.lessons.update(lesson.id, { position: direction === 'up' ? first : upper }, manager);
      await this.lessons.update(other.id, { position: direction === 'up' ? upper : first }, manager);
      await this.courses.touch(courseId, manager);
    });
  }

  /** Attaches a PDF, Word, PowerPoint, video or image file, checked by its bytes. */
  attachFile(actor: Actor, courseId: number, lessonId: number, upload: TempUpload | undefined) {
    return this.keepFile(actor, courseId, lessonId, upload, LEARNING_FILE_KINDS);
  }

  /**
   * Attaches a video for the lesson's video block: MP4 or WebM only, by its bytes (what browsers
   * play inline), so a block never points at a file the lesson page cannot play.
   */
  attachVideo(actor: Actor, courseId: number, lessonId: number, upload: TempUpload | undefined) {
    return this.keepFile(actor, courseId, lessonId, upload, PLAYABLE_VIDEO_KINDS);
  }

  private async keepFile(
    actor: Actor,
    courseId: number,
    lessonId: number,
    upload: TempUpload | undefined,
    allowed: readonly FileKind[],
  ): Promise<StoredFile> {
    const course = await this.courses.editable(actor, courseId);
    const lesson = await this.lessonOf(course, lessonId);
    return this.files.store(
      upload,
      { ownerType: LESSON_OWNER, ownerId: lesson.id, allowed, uploadedBy: actor.userId },
      async (file, manager) => {
        await this.lessons.linkFile(lesson.id, file.id, manager);
        await this.courses.touch(courseId, manager);
      },
    );
  }

  async detachFile(actor: Actor, courseId: number, lessonId: number, fileId: number): Promise<void> {
    const course = await this.courses.editable(actor, courseId);
    const lesson = await this.lessonOf(course, lessonId);
    if (!(await this.lessons.hasFile(lesson.id, fileId))) throw new NotFoundException();
    const files = await this.files.findByIds([fileId]);
    await this.files.remove(files, async (manager) => {
      await this.lessons.unlinkFile(lesson.id, fileId, manager);
      await this.courses.touch(courseId, manager);
    });
  }

  private async lessonOf(course: Course, lessonId: number, manager?: Transaction): Promise<Lesson> {
    const lesson = await this.lessons.findById(lessonId, manager);
    if (!lesson || lesson.courseId !== course.id) throw new NotFoundException();
    return lesson;
  }
}

/** What a lesson form or API call saves: sanitised text, a checked video link, a completion rule. */
export function fieldsOf(dto: LessonDto): LessonFields {
  const video = dto.videoUrl ? parseVideoUrl(dto.videoUrl) : null;
  if (dto.videoUrl && !video) throw FormError.field('videoUrl', 'catalog.lesson.videoInvalid');
  const timed = dto.completionRule === CompletionRule.TimeSpent;
  if (timed && !dto.minMinutes) throw FormError.field('minMinutes', 'catalog.lesson.minutesRequired');
  return {
    title: dto.title,
    bodyHtml: sanitizeLessonHtml(dto.bodyHtml),
    videoUrl: video?.url ?? null,
    required: dto.required ?? true,
    completionRule: dto.completionRule,
    minMinutes: timed ? dto.minMinutes! : null,
  };
}
