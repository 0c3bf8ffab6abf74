import { Injectable } from '@nestjs/common';
import { Actor } from '../common/access/actor';
import { Page, pageOf } from '../common/http/pagination';
import { RecordSource } from '../learning-records/entities/learning-record.entity';
import { DomainCode } from '../learning-records/learning-domains';
import { DomainProgress, LearningRecordsService } from '../learning-records/learning-records.service';
import { LearnerCatalogRepository, CourseCard } from '../catalog/learner-catalog.repository';
import { AssignedCourse, AssignedCourses } from './assigned-courses';
import { LearningRepository } from './learning.repository';
import { LearningService, workerOf } from './learning.service';
import { todayInVietnam } from '../common/time/vietnam-time';

export interface ContinueItem {
  courseId: number;
  title: string;
  institutionName: string;
  percent: number;
  lastActivityAt: Date | null;
  nextUrl: string;
}

export interface CompletedItem {
  courseId: number;
  title: string;
  institutionName: string;
  completedAt: Date;
  certificateCode: string | null;
}

export interface LearnerHome {
  year: number;
  /** Courses given by the union officer and not done yet, soonest due first. */
  assigned: AssignedCourse[];
  continueLearning: ContinueItem[];
  completed: CompletedItem[];
  domains: DomainProgress[];
  suggestions: CourseCard[];
}

export interface EnrolmentSummary {
  courseId: number;
  courseTitle: string;
  institutionName: string;
  progressPercent: number;
  enrolledAt: Date;
  lastActivityAt: Date | null;
  completedAt: Date | null;
  certificateCode: string | null;
}

export interface HistoryFilter {
  year?: number;
  domain?: DomainCode;
}

/** One line of "my learning": a learning record and where it came from. */
export interface HistoryItem {
  id: number;
  occurredOn: string;
  title: string;
  domains: DomainCode[];
  hours: number;
  source: RecordSource;
  /** The course page, for a completed online course. */
  courseId: number | null;
  certificateCode: string | null;
}

/** Courses in progress shown on the home page; older ones are one tap further, on the course pages. */
const CONTINUE_LIMIT = 10;
const SUGGESTIONS = 4;
const EXPORT_BATCH = 200;

/** The worker's own pages: the learning home and the history of every learning record. */
@Injectable()
export class MyLearningService {
  constructor(
    private readonly learning: LearningRepository,
    private readonly learnerCatalog: LearnerCatalogRepository,
    private readonly progress: LearningService,
    private readonly records: LearningRecordsService,
    private readonly assignedCourses: AssignedCourses,
  ) {}

  async home(actor: Actor, today = todayInVietnam()): Promise<LearnerHome> {
    const workerId = workerOf(actor);
    const year = Number(today.slice(0, 4));
    const enrolments = await this.learning.enrolmentsOf(workerId);
    const inProgress = enrolments.filter((e) => !e.enrolment.completedAt).slice(0, CONTINUE_LIMIT);
    const continueLearning: ContinueItem[] = [];
    for (const row of inProgress) {
      const standing = await this.progress.standing(workerId, row.enrolment.courseId);
      continueLearning.push({
        courseId: row.enrolment.courseId,
        title: row.courseTitle,
        institutionName: row.institutionName,
        percent: standing?.state.percent ?? row.enrolment.progressPercent,
        lastActivityAt: row.enrolment.lastActivityAt,
        nextUrl: standing?.nextUrl ?? `/courses/${row.enrolment.courseId}`,
      });
    }
    const completed = enrolments
      .filter((e) => e.enrolment.completedAt)
      .sort((a, b) => b.enrolment.completedAt!.getTime() - a.enrolment.completedAt!.getTime())
      .map((e) => ({
        courseId: e.enrolment.courseId,
        title: e.courseTitle,
        institutionName: e.institutionName,
        completedAt: e.enrolment.completedAt!,
        certificateCode: e.certificateCode,
      }));
    const domains = await this.records.progressOf(workerId, year);
    const notReached = domains.filter((d) => !d.firstOn).map((d) => d.code);
    const suggestions = await this.learnerCatalog.suggestions(
      notReached,
      enrolments.map((e) => e.enrolment.courseId),
      SUGGESTIONS,
    );
    const assigned = await this.assignedCourses.openOf(workerId, today);
    return { year, assigned, continueLearning, completed, domains, suggestions };
  }

  /** The worker's enrolments with their progress, most recent activity first (the API's list). */
  async enrolments(actor: Actor): Promise<EnrolmentSummary[]> {
    const rows = await this.learning.enrolmentsOf(workerOf(actor));
    return rows.map((r) => ({
      courseId: r.enrolment.courseId,
      courseTitle: r.courseTitle,
      institutionName: r.institutionName,
      progressPercent: r.enrolment.progressPercent,
      enrolledAt: r.enrolment.enrolledAt,
      lastActivityAt: r.enrolment.lastActivityAt,
      completedAt: r.enrolment.completedAt,
      certificateCode: r.certificateCode,
    }));
  }

  /** The course most recently worked on and not finished, for the public home page. */
  async latestInProgress(actor: Actor): Promise<ContinueItem | null> {
    if (!actor.workerId) return null;
    const row = (await this.learning.enrolmentsOf(actor.workerId)).find((e) => !e.enrolment.completedAt);
    if (!row) return null;
    const standing = await this.progress.standing(actor.workerId, row.enrolment.courseId);
    return {
      courseId: row.enrolment.courseId,
      title: row.courseTitle,
      institutionName: row.institutionName,
      percent: standing?.state.percent ?? row.enrolment.progressPercent,
      lastActivityAt: row.enrolment.lastActivityAt,
      nextUrl: standing?.nextUrl ?? `/courses/${row.enrolment.courseId}`,
    };
  }

  /** Every learning record of the worker, newest first, with links to its origin. */
  async history(actor: Actor, filter: HistoryFilter, page: number, size: number): Promise<Page<HistoryItem>> {
    const workerId = workerOf(actor);
    const records = await this.records.rowsOf(workerId, filter, page, size);
    const certificates = await this.learning.certificateCodesOf(workerId);
    return pageOf(
      records.items.map((r) => {
        const courseId =
          r.source === RecordSource.Course && /^course:\d+$/.test(r.sourceRef)
            ? Number(r.sourceRef.slice('course:'.length))
            : null;
        return {
          id: r.id,
          occurredOn: r.occurredOn,
          title: r.title,
          domains: r.domains,
          hours: r.hours,
          source: r.source,
          courseId,
          certificateCode: courseId ? (certificates.get(courseId) ?? null) : null,
        };
      }),
      records.total,
      records.page,
      records.size,
    );
  }

  /** The whole filtered history, a page at a time, for the XLSX and CSV downloads. */
  async *historyRows(actor: Actor, filter: HistoryFilter): AsyncGenerator<HistoryItem> {
    for (let page = 1; ; page++) {
      const batch = await this.history(actor, filter, page, EXPORT_BATCH);
      yield* batch.items;
      if (page >= batch.pages) return;
    }
  }
}
