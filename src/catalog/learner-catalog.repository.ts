import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, Repository, SelectQueryBuilder } from 'typeorm';
import { Course, CourseStatus } from './entities/course.entity';
import { Lesson, LessonStatus } from './entities/lesson.entity';
import { QuestionStatus, Quiz, QuizQuestion } from './entities/quiz.entity';
import { DomainCode } from '../learning-records/learning-domains';
import { TrainingInstitution } from '../organisations/entities/training-institution.entity';
import { PublishedInstitutionsCache } from './published-institutions.cache';

/** A published course as the catalog lists it (CatalogService's CourseSummary has these too). */
export interface CourseCard {
  id: number;
  title: string;
  summary: string | null;
  level: Course['level'];
  estimatedHours: number;
  institutionId: number;
  institutionName: string;
  domains: DomainCode[];
}

export interface Attachment {
  fileId: number;
  name: string;
  mime: string;
  sizeBytes: number;
}

/**
 * Read queries over the catalog's courses, lessons and quizzes that the learner's side (learning)
 * needs beyond CatalogService: inside an event's transaction (lessons removed too), quizzes with
 * their options, suggestions. Kept here, beside the tables, and exported, so that the learning
 * domain does not write SQL over the catalog's tables; nothing here changes them.
 */
@Injectable()
export class LearnerCatalogRepository {
  constructor(
    @InjectRepository(Course) private readonly courses: Repository<Course>,
    @InjectRepository(Lesson) private readonly lessons: Repository<Lesson>,
    @InjectRepository(Quiz) private readonly quizzes: Repository<Quiz>,
    private readonly publishedInstitutions: PublishedInstitutionsCache,
  ) {}

  /** Institutions that have at least one published course, for the catalog's filter. */
  institutionsWithCourses(): Promise<{ id: number; name: string }[]> {
    return this.publishedInstitutions.get('all', () => this.queryInstitutionsWithCourses());
  }

  private async queryInstitutionsWithCourses(): Promise<{ id: number; name: string }[]> {
    const rows = await this.courses.manager
      .createQueryBuilder()
      .select(['i.id AS id', 'i.name AS name'])
      .from(TrainingInstitution, 'i')
      .where(`EXISTS (SELECT 1 FROM courses c WHERE c.institution_id = i.id AND c.status = :published)`, {
        published: CourseStatus.Published,
      })
      .orderBy('i.search_key', 'ASC')
      .getRawMany<{ id: number; name: string }>();
    return rows.map((r) => ({ id: Number(r.id), name: String(r.name) }));
  }

  /** A course with its domains, whatever its status (callers decide who may see it). */
  findCourse(id: number, manager: EntityManager = this.courses.manager): Promise<Course | null> {
    return manager.getRepository(Course).findOne({ where: { id }, relations: { domains: true } });
  }

  async institutionName(id: number): Promise<string> {
    const row = await this.courses.manager.getRepository(TrainingInstitution).findOne({ where: { id } });
    return row?.name ?? '';
  }

  /** Every lesson of a course, removed ones too, in reading order. */
  lessonsOf(courseId: number, manager: EntityManager = this.lessons.manager): Promise<Lesson[]> {
    return manager.getRepository(Lesson).find({ where: { courseId }, order: { position: 'ASC', id: 'ASC' } });
  }

  activeLessonsOf(courseId: number): Promise<Lesson[]> {
    return this.lessons.find({
      where: { courseId, status: LessonStatus.Active },
      order: { position: 'ASC', id: 'ASC' },
    });
  }

  /**
   * The course's quizzes that have at least one active question (of their own, or in the course's
   * bank for a quiz that draws from it): a quiz without questions cannot be passed, so it asks nothing of the learner (as CatalogService.publishedCourse leaves it out).
   */
  quizzesOf(courseId: number, manager: EntityManager = this.quizzes.manager): Promise<Quiz[]> {
    return manager
      .getRepository(Quiz)
      .createQueryBuilder('q')
      .where('q.course_id = :courseId', { courseId })
      .andWhere(
        '(EXISTS (SELECT 1 FROM quiz_questions qq WHERE qq.quiz_id = q.id AND qq.status = :active)' +
          ' OR (q.draw_count > 0 AND EXISTS (SELECT 1 FROM quiz_questions bq' +
          ' WHERE bq.course_id = q.course_id AND bq.status = :active)))',
        { active: QuestionStatus.Active },
      )
      .orderBy('q.id', 'ASC')
      .getMany();
  }

  /**
   * A quiz with its questions and their options, in the authored order: the active questions, or
   * all of them (an old attempt's feedback shows the questions it was scored on).
   */
  quizWithQuestions(quizId: number, withRemoved = false): Promise<Quiz | null> {
    return this.quizzes
      .createQueryBuilder('q')
      .leftJoinAndSelect(
        'q.questions',
        'qq',
        withRemoved ? undefined : 'qq.status = :active',
        withRemoved ? undefined : { active: QuestionStatus.Active },
      )
      .leftJoinAndSelect('qq.options', 'o')
      .where('q.id = :quizId', { quizId })
      .orderBy('qq.position', 'ASC')
      .addOrderBy('qq.id', 'ASC')
      .addOrderBy('o.position', 'ASC')
      .addOrderBy('o.id', 'ASC')
      .getOne();
  }

  /** The active questions of a course's bank, ids only (what a draw picks from). */
  async bankQuestionIds(courseId: number): Promise<number[]> {
    const rows = await this.quizzes.manager.getRepository(QuizQuestion).find({
      select: { id: true },
      where: { courseId, status: QuestionStatus.Active },
      order: { id: 'ASC' },
    });
    return rows.map((r) => r.id);
  }

  /**
   * Bank questions of a course by id, removed ones too (a drawn attempt is marked and shown on the
   * questions it drew), with their options in order; in the order of `ids`, unknown ids left out.
   */
  async bankQuestions(courseId: number, ids: number[]): Promise<QuizQuestion[]> {
    if (ids.length === 0) return [];
    const rows = await this.quizzes.manager.getRepository(QuizQuestion).find({
      where: { id: In(ids), courseId },
      relations: { options: true },
      order: { options: { position: 'ASC', id: 'ASC' } },
    });
    return ids.flatMap((id) => rows.filter((r) => r.id === id));
  }

  /** Published courses in any of these domains, except the ones given, newest first. */
  async suggestions(domains: DomainCode[], exceptIds: number[], take: number): Promise<CourseCard[]> {
    if (domains.length === 0) return [];
    const ids = await this.published()
      .andWhere(
        'c.id IN (SELECT cd.course_id FROM course_domains cd WHERE cd.domain_code IN (:...domains))',
        { domains },
      )
      .andWhere(exceptIds.length > 0 ? 'c.id NOT IN (:...exceptIds)' : '1 = 1', { exceptIds })
      .select('c.id', 'id')
      .orderBy('c.published_at', 'DESC')
      .addOrderBy('c.id', 'DESC')
      .limit(take)
      .getRawMany<{ id: number }>();
    return this.cards(ids.map((r) => Number(r.id)));
  }

  /** Cards of the given courses, in the order given. */
  async cards(ids: number[]): Promise<CourseCard[]> {
    if (ids.length === 0) return [];
    const courses = await this.courses.find({ where: { id: In(ids) }, relations: { domains: true } });
    const institutions = await this.courses.manager
      .getRepository(TrainingInstitution)
      .find({ where: { id: In([...new Set(courses.map((c) => c.institutionId))]) } });
    const names = new Map(institutions.map((i) => [i.id, i.name]));
    const byId = new Map(courses.map((c) => [c.id, c]));
    return ids
      .map((id) => byId.get(id))
      .filter((c): c is Course => !!c)
      .map((c) => ({
        id: c.id,
        title: c.title,
        summary: c.summary,
        level: c.level,
        estimatedHours: c.estimatedHours,
        institutionId: c.institutionId,
        institutionName: names.get(c.institutionId) ?? '',
        domains: c.domains.map((d) => d.code),
      }));
  }

  hasPublishedCourses(): Promise<boolean> {
    return this.courses.exists({ where: { status: CourseStatus.Published } });
  }

  publishedCourseIds(): Promise<number[]> {
    return this.courses
      .find({ where: { status: CourseStatus.Published }, order: { id: 'ASC' }, select: { id: true } })
      .then((rows) => rows.map((r) => r.id));
  }

  private published(): SelectQueryBuilder<Course> {
    return this.courses
      .createQueryBuilder('c')
      .where('c.status = :published', { published: CourseStatus.Published });
  }
}
