import { Injectable } from '@nestjs/common';
import { CatalogService } from '../catalog/catalog.service';
import { CourseForStats } from '../catalog/catalog.service';
import { CHOICE_KINDS, QuestionKind, QuestionStatus } from '../catalog/entities/quiz.entity';
import { Actor } from '../common/access/actor';
import { todayInVietnam } from '../common/time/vietnam-time';
import { EnterprisesService } from '../organisations/enterprises.service';
import { CourseStatsRepository, EnrolmentCounts } from './course-stats.repository';

/** The per-question statistics of a course's quizzes. */
export interface CourseQuestionStats {
  course: { id: number; title: string };
  quizzes: Pick<
    CourseStats['quizzes'][number],
    'quizId' | 'title' | 'lessonTitle' | 'drawCount' | 'questions'
  >[];
}

/** Groups smaller than this are shown as "< 5": a figure about two people points at them. */
export const MIN_GROUP = 5;

export interface CourseStats {
  course: { id: number; title: string };
  /** The day the figures were counted; learners are grouped by their enterprise on that day. */
  asOf: string;
  minGroup: number;
  totals: EnrolmentCounts & { startedPercent: number | null; completedPercent: number | null };
  /** Days from enrolment to completion, over completed enrolments; one decimal. */
  medianDaysToComplete: number | null;
  /** Minutes spent in lessons, over completed enrolments with time recorded; one decimal. */
  medianMinutesSpent: number | null;
  lessons: {
    lessonId: number;
    title: string;
    opened: number;
    completed: number;
    completedPercent: number | null;
  }[];
  quizzes: {
    quizId: number;
    title: string;
    /** The lesson it belongs to; null for the final quiz. */
    lessonTitle: string | null;
    attempts: number;
    learners: number;
    passed: number;
    passPercent: number | null;
    averageScore: number | null;
    /** Questions drawn per attempt from the course's bank; null for a quiz with its own questions. */
    drawCount: number | null;
    /** Hardest first: lowest share of right answers. */
    questions: QuestionStats[];
  }[];
  /** By enterprise now; a group under MIN_GROUP learners has its figures left out (null). */
  enterprises: {
    enterpriseId: number | null;
    name: string | null;
    suppressed: boolean;
    enrolled: number | null;
    started: number | null;
    completed: number | null;
    completedPercent: number | null;
  }[];
}

/** One question of a quiz (its own, or of the bank it draws from), as marked at each attempt. */
export interface QuestionStats {
  questionId: number;
  kind: QuestionKind;
  prompt: string;
  /** Attempts that were asked it (drawn) and answered it. */
  answered: number;
  correct: number;
  correctPercent: number | null;
  /** Choice questions: how many attempts chose each option, and the share of those that answered. */
  options: {
    optionId: number;
    label: string;
    correct: boolean;
    chosen: number;
    chosenPercent: number | null;
  }[];
}

/** A share in percent with one decimal; none of nobody. */
export const percent = (part: number, whole: number): number | null =>
  whole === 0 ? null : Math.round((part * 1000) / whole) / 10;
const oneDecimal = (n: number | null): number | null => (n === null ? null : Math.round(n * 10) / 10);

/**
 * What editors learn about how their course is taken: enrolments, completions, medians, lessons,
 * quizzes, questions and enterprises. Only the course's editors and the federation admin read it
 * (the catalog answers 404 to anyone else).
 */
@Injectable()
export class CourseStatsService {
  constructor(
    private readonly stats: CourseStatsRepository,
    private readonly catalog: CatalogService,
    private readonly enterprises: EnterprisesService,
  ) {}

  /** The per-question part of the statistics alone (the API's question-stats), same access. */
  async questionsOfCourse(actor: Actor, courseId: number): Promise<CourseQuestionStats> {
    const { course, quizzes, bank } = await this.catalog.courseForStats(actor, courseId);
    const result: CourseQuestionStats = { course: { id: course.id, title: course.title }, quizzes: [] };
    for (const quiz of quizzes) {
      const drawing = (quiz.drawCount ?? 0) > 0;
      result.quizzes.push({
        quizId: quiz.id,
        title: quiz.title,
        lessonTitle: quiz.lessonTitle,
        drawCount: drawing ? quiz.drawCount : null,
        questions: await this.questionStats(course.id, quiz.id, drawing ? bank : quiz.questions),
      });
    }
    return result;
  }

  /** Each question's counts and its options' choices, hardest first. */
  private async questionStats(
    courseId: number,
    quizId: number,
    questions: CourseForStats['bank'],
  ): Promise<QuestionStats[]> {
    const [answers, choices] = await Promise.all([
      this.stats.questionCounts(courseId, quizId),
      this.stats.optionCounts(courseId, quizId),
    ]);
    // A bank question taken out still counts where attempts answered it.
    return questions
      .filter((q) => q.status === QuestionStatus.Active || answers.has(q.id))
      .map((q) => {
        const { answered, correct } = answers.get(q.id) ?? { answered: 0, correct: 0 };
        return {
          questionId: q.id,
          kind: q.kind,
          prompt: q.prompt,
          answered,
          correct,
          correctPercent: percent(correct, answered),
          options: CHOICE_KINDS.includes(q.kind)
            ? q.options.map((o) => ({
                optionId: o.id,
                label: o.label,
                correct: o.correct,
                chosen: choices.get(o.id) ?? 0,
                chosenPercent: percent(choices.get(o.id) ?? 0, answered),
              }))
            : [],
        };
      })
      .sort((a, b) => (a.correctPercent ?? 101) - (b.correctPercent ?? 101));
  }

  async forCourse(actor: Actor, courseId: number, day = todayInVietnam()): Promise<CourseStats> {
    const { course, lessons, quizzes, bank } = await this.catalog.courseForStats(actor, courseId);
    const [totals, byEnterprise, medianDays, medianSeconds, lessonCounts, quizCounts] = await Promise.all([
      this.stats.totals(course.id),
      this.stats.byEnterprise(course.id, day),
      this.stats.medianDaysToComplete(course.id),
      this.stats.medianSecondsSpent(course.id),
      this.stats.lessonCounts(course.id),
      this.stats.quizCounts(course.id),
    ]);
    const names = await this.enterprises.namesOf(
      byEnterprise.flatMap((g) => (g.enterpriseId === null ? [] : [g.enterpriseId])),
    );
    const quizStats = [];
    for (const quiz of quizzes) {
      const counts = quizCounts.find((c) => c.quizId === quiz.id);
      quizStats.push({
        quizId: quiz.id,
        title: quiz.title,
        lessonTitle: quiz.lessonTitle,
        attempts: counts?.attempts ?? 0,
        learners: counts?.learners ?? 0,
        passed: counts?.passed ?? 0,
        passPercent: percent(counts?.passed ?? 0, counts?.learners ?? 0),
        averageScore: oneDecimal(counts?.averageScore ?? null),
        drawCount: (quiz.drawCount ?? 0) > 0 ? quiz.drawCount : null,
        questions: await this.questionStats(
          course.id,
          quiz.id,
          (quiz.drawCount ?? 0) > 0 ? bank : quiz.questions,
        ),
      });
    }
    return {
      course: { id: course.id, title: course.title },
      asOf: day,
      minGroup: MIN_GROUP,
      totals: {
        ...totals,
        startedPercent: percent(totals.started, totals.enrolled),
        completedPercent: percent(totals.completed, totals.enrolled),
      },
      medianDaysToComplete: oneDecimal(medianDays),
      medianMinutesSpent: medianSeconds === null ? null : oneDecimal(medianSeconds / 60),
      lessons: lessons.map((lesson) => {
        const counts = lessonCounts.get(lesson.id) ?? { opened: 0, completed: 0 };
        return {
          lessonId: lesson.id,
          title: lesson.title,
          ...counts,
          completedPercent: percent(counts.completed, totals.enrolled),
        };
      }),
      quizzes: quizStats,
      enterprises: byEnterprise
        .map((group) => {
          const suppressed = group.enrolled < MIN_GROUP;
          return {
            enterpriseId: group.enterpriseId,
            name: group.enterpriseId === null ? null : (names.get(group.enterpriseId)?.name ?? null),
            suppressed,
            enrolled: suppressed ? null : group.enrolled,
            started: suppressed ? null : group.started,
            completed: suppressed ? null : group.completed,
            completedPercent: suppressed ? null : percent(group.completed, group.enrolled),
          };
        })
        // Shown groups by size, then the small ones, each by name; no enterprise last.
        .sort(
          (a, b) =>
            Number(a.enterpriseId === null) - Number(b.enterpriseId === null) ||
            Number(a.suppressed) - Number(b.suppressed) ||
            (b.enrolled ?? 0) - (a.enrolled ?? 0) ||
            (a.name ?? '').localeCompare(b.name ?? '', 'vi'),
        ),
    };
  }
}
