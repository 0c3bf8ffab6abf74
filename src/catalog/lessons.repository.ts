import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, Repository } from 'typeorm';
import { StoredFile } from '../files/entities/stored-file.entity';
import { LessonFile } from './entities/lesson-file.entity';
import { Lesson, LessonStatus } from './entities/lesson.entity';

export type LessonFields = Pick<
  Lesson,
  'title' | 'bodyHtml' | 'videoUrl' | 'required' | 'completionRule' | 'minMinutes'
>;

@Injectable()
export class LessonsRepository {
  constructor(
    @InjectRepository(Lesson) private readonly lessons: Repository<Lesson>,
    @InjectRepository(LessonFile) private readonly lessonFiles: Repository<LessonFile>,
  ) {}

  /** Titles of some lessons, by id. */
  async titlesOf(ids: number[]): Promise<Map<number, string>> {
    if (ids.length === 0) return new Map();
    const found = await this.lessons.find({ where: { id: In(ids) }, select: { id: true, title: true } });
    return new Map(found.map((l) => [l.id, l.title]));
  }

  findById(id: number, manager: EntityManager = this.lessons.manager): Promise<Lesson | null> {
    return manager.getRepository(Lesson).findOne({ where: { id } });
  }

  /** The course's lessons in order; removed ones too unless `activeOnly`. */
  ofCourse(
    courseId: number,
    activeOnly = false,
    manager: EntityManager = this.lessons.manager,
  ): Promise<Lesson[]> {
    return manager.getRepository(Lesson).find({
      where: { courseId, ...(activeOnly ? { status: LessonStatus.Active } : {}) },
      order: { position: 'ASC', id: 'ASC' },
    });
  }

  async insert(
    data: LessonFields & { courseId: number },
    manager: EntityManager = this.lessons.manager,
  ): Promise<Lesson> {
    const repo = manager.getRepository(Lesson);
    const last = await repo
      .createQueryBuilder('l')
      .select('MAX(l.position)', 'max')
      .where('l.course_id = :courseId', { courseId: data.courseId })
      .getRawOne<{ max: number | null }>();
    return repo.save(
      repo.create({ ...data, position: Number(last?.max ?? 0) + 1, status: LessonStatus.Active }),
    );
  }

  async update(
    id: number,
    data: Partial<LessonFields & Pick<Lesson, 'status' | 'position'>>,
    manager: EntityManager = this.lessons.manager,
  ): Promise<void> {
    await manager.getRepository(Lesson).update({ id }, data);
  }

  async delete(id: number, manager: EntityManager = this.lessons.manager): Promise<void> {
    await manager.getRepository(Lesson).delete({ id });
  }

  // --- attached files -------------------------------------------------------------------------------

  /** Each lesson's files in order. */
  async filesOf(lessonIds: number[]): Promise<Map<number, StoredFile[]>> {
    const byLesson = new Map<number, StoredFile[]>();
    if (lessonIds.length === 0) return byLesson;
    const links = await this.lessonFiles.find({
      where: { lessonId: In(lessonIds) },
      order: { position: 'ASC', fileId: 'ASC' },
    });
    const files = new Map(
      (
        await this.lessons.manager.getRepository(StoredFile).find({
          where: { id: In(links.map((l) => l.fileId)) },
        })
      ).map((f) => [f.id, f]),
    );
    for (const link of links) {
      const file = files.get(link.fileId);
      if (file) byLesson.set(link.lessonId, [...(byLesson.get(link.lessonId) ?? []), file]);
    }
    return byLesson;
  }

  async linkFile(lessonId: number, fileId: number, manager: EntityManager): Promise<void> {
    const repo = manager.getRepository(LessonFile);
    const last = await repo
      .createQueryBuilder('lf')
      .select('MAX(lf.position)', 'max')
      .where('lf.lesson_id = :lessonId', { lessonId })
      .getRawOne<{ max: number | null }>();
    await repo.insert({ lessonId, fileId, position: Number(last?.max ?? 0) + 1 });
  }

  async unlinkFile(lessonId: number, fileId: number, manager: EntityManager): Promise<void> {
    await manager.getRepository(LessonFile).delete({ lessonId, fileId });
  }

  async hasFile(lessonId: number, fileId: number): Promise<boolean> {
    return (await this.lessonFiles.count({ where: { lessonId, fileId } })) > 0;
  }
}
