import { Injectable, NotFoundException } from '@nestjs/common';
import { CatalogService } from '../catalog/catalog.service';
import { Course, LICENCE_URL } from '../catalog/entities/course.entity';
import { Lesson } from '../catalog/entities/lesson.entity';
import { Quiz } from '../catalog/entities/quiz.entity';
import { Actor } from '../common/access/actor';
import { Page, PageQuery, pageWindow } from '../common/http/pagination';
import { DomainCode } from '../learning-records/learning-domains';
import { LearnerCatalogRepository, CourseCard } from '../catalog/learner-catalog.repository';
import { LearningRepository } from './learning.repository';
import { LearningService } from './learning.service';

/** The worker's standing in a course, shown on its page. */
export interface CourseStanding {
  enrolled: boolean;
  percent: number;
  completed: boolean;
  completedAt: Date | null;
  certificateCode: string | null;
  nextUrl: string;
}

export interface CoursePage {
  course: Course;
  institutionName: string;
  domains: DomainCode[];
  licenceUrl: string | null;
  lessons: (Pick<Lesson, 'id' | 'title' | 'position' | 'required' | 'completionRule' | 'minMinutes'> & {
    done: boolean;
    hasQuiz: boolean;
  })[];
  finalQuiz: (Pick<Quiz, 'id' | 'title' | 'passPercent'> & { passed: boolean }) | null;
  /** Null for visitors and people without a worker record. */
  standing: CourseStanding | null;
}

export interface LearnerCatalogFilter {
  q?: string;
  domain?: DomainCode;
  institutionId?: number;
}

/**
 * The public catalog: published courses, searched without caring for diacritics. The catalog
 * domain's CatalogService answers the searches and course pages; this adds the worker's standing.
 */
@Injectable()
export class LearnerCatalogService {
  constructor(
    private readonly catalog: CatalogService,
    private readonly repository: LearnerCatalogRepository,
    private readonly learning: LearningRepository,
    private readonly progress: LearningService,
  ) {}

  search(query: PageQuery & LearnerCatalogFilter): Promise<Page<CourseCard>> {
    const { page, size } = pageWindow(query);
    return this.catalog.searchPublished({
      q: query.q,
      domain: query.domain,
      institutionId: query.institutionId,
      page,
      size,
    });
  }

  institutions(): Promise<{ id: number; name: string }[]> {
    return this.repository.institutionsWithCourses();
  }

  /**
   * A published course, with the signed-in worker's ticks. A worker who enrolled keeps seeing a
   * course archived since; anyone else gets 404 for anything not published.
   */
  async coursePage(courseId: number, actor?: Actor): Promise<CoursePage> {
    const workerId = actor?.workerId ?? null;
    const enrolled = workerId ? !!(await this.learning.findEnrolment(workerId, courseId)) : false;
    const published = await this.catalog.publishedCourse(courseId, { includeArchived: enrolled });
    if (!published) throw new NotFoundException();
    const { course, lessons, quizzes } = published;
    const standing = workerId ? await this.progress.standing(workerId, course.id) : null;
    const finalQuiz = quizzes.find((q) => q.lessonId === null) ?? null;
    const lessonQuizzes = new Set(quizzes.map((q) => q.lessonId));
    const certificateCode =
      standing?.enrolment.completedAt && workerId
        ? ((await this.learning.certificateCodesOf(workerId)).get(course.id) ?? null)
        : null;
    return {
      course,
      institutionName: published.institution.name,
      domains: course.domains.map((d) => d.code),
      licenceUrl: LICENCE_URL[course.licence] ?? null,
      lessons: lessons.map((l) => ({
        id: l.id,
        title: l.title,
        position: l.position,
        required: l.required,
        completionRule: l.completionRule,
        minMinutes: l.minMinutes,
        done: !!standing?.doneLessonIds.has(l.id),
        hasQuiz: lessonQuizzes.has(l.id),
      })),
      finalQuiz: finalQuiz
        ? {
            id: finalQuiz.id,
            title: finalQuiz.title,
            passPercent: finalQuiz.passPercent,
            passed: !!standing?.passedQuizIds.has(finalQuiz.id),
          }
        : null,
      standing: workerId
        ? {
            enrolled: !!standing,
            percent: standing?.state.percent ?? 0,
            completed: !!standing?.enrolment.completedAt,
            completedAt: standing?.enrolment.completedAt ?? null,
            certificateCode,
            nextUrl: standing?.nextUrl ?? (await this.progress.nextUrl(course.id, null)),
          }
        : null,
    };
  }
}
