import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { isSqlite } from '../database/dialect';
import { currentEnterpriseOf } from '../workers/workforce-filters';

/** Enrolled, started and completed, for a course or one group of its learners. */
export interface EnrolmentCounts {
  enrolled: number;
  started: number;
  completed: number;
}

export interface QuizCounts {
  quizId: number;
  attempts: number;
  /** Learners who made at least one attempt. */
  learners: number;
  /** Learners with at least one passing attempt. */
  passed: number;
  averageScore: number | null;
}

// Started: opened a lesson or tried a quiz (completing needs one of them).
const STARTED =
  'CASE WHEN e.completed_at IS NOT NULL' +
  ' OR EXISTS (SELECT 1 FROM lesson_progress sp WHERE sp.enrolment_id = e.id)' +
  ' OR EXISTS (SELECT 1 FROM quiz_attempts sa WHERE sa.enrolment_id = e.id) THEN 1 ELSE 0 END';
const COMPLETED = 'CASE WHEN e.completed_at IS NOT NULL THEN 1 ELSE 0 END';

const counts = (row: Record<string, unknown> | undefined): EnrolmentCounts => ({
  enrolled: Number(row?.enrolled ?? 0),
  started: Number(row?.started ?? 0),
  completed: Number(row?.completed ?? 0),
});

/**
 * A course's statistics, counted in the database over the learning domain's own tables
 * (enrolments, lesson_progress, quiz_attempts): every query returns one row per group, never a row
 * per learner, and a median reads at most two values of a sorted column.
 */
@Injectable()
export class CourseStatsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async totals(courseId: number): Promise<EnrolmentCounts> {
    const row = await this.db
      .createQueryBuilder()
      .select('COUNT(*)', 'enrolled')
      .addSelect(`SUM(${STARTED})`, 'started')
      .addSelect(`SUM(${COMPLETED})`, 'completed')
      .from('enrolments', 'e')
      .where('e.course_id = :courseId', { courseId })
      .getRawOne<Record<string, unknown>>();
    return counts(row);
  }

  /** The same counts by the enterprise each learner works at on the day (null: none). */
  async byEnterprise(
    courseId: number,
    day: string,
  ): Promise<(EnrolmentCounts & { enterpriseId: number | null })[]> {
    const rows = await this.db
      .createQueryBuilder()
      .select('x.enterprise_id', 'enterpriseId')
      .addSelect('COUNT(*)', 'enrolled')
      .addSelect('SUM(x.started)', 'started')
      .addSelect('SUM(x.completed)', 'completed')
      .from(
        (sub: SelectQueryBuilder<ObjectLiteral>) =>
          sub
            .select(currentEnterpriseOf('e.worker_id'), 'enterprise_id')
            .addSelect(STARTED, 'started')
            .addSelect(COMPLETED, 'completed')
            .from('enrolments', 'e')
            .where('e.course_id = :courseId', { courseId, day }),
        'x',
      )
      .groupBy('x.enterprise_id')
      .getRawMany<Record<string, unknown>>();
    return rows.map((r) => ({
      enterpriseId: r.enterpriseId === null ? null : Number(r.enterpriseId),
      ...counts(r),
    }));
  }

  /** Median days from enrolment to completion, over the completed enrolments. */
  medianDaysToComplete(courseId: number): Promise<number | null> {
    const days = isSqlite(this.db)
      ? '(julianday(e.completed_at) - julianday(e.enrolled_at))'
      : 'TIMESTAMPDIFF(SECOND, e.enrolled_at, e.completed_at) / 86400.0';
    return this.median((sub) =>
      sub
        .select(days, 'v')
        .from('enrolments', 'e')
        .where('e.course_id = :courseId AND e.completed_at IS NOT NULL', { courseId }),
    );
  }

  /** Median seconds spent in lessons, over the completed enrolments that have time recorded. */
  medianSecondsSpent(courseId: number): Promise<number | null> {
    return this.median((sub) =>
      sub
        .select('SUM(p.seconds_spent)', 'v')
        .from('lesson_progress', 'p')
        .innerJoin('enrolments', 'e', 'e.id = p.enrolment_id')
        .where('e.course_id = :courseId AND e.completed_at IS NOT NULL', { courseId })
        .groupBy('p.enrolment_id')
        .having('SUM(p.seconds_spent) > 0'),
    );
  }

  /** Per lesson: how many learners opened it and how many completed it. */
  async lessonCounts(courseId: number): Promise<Map<number, { opened: number; completed: number }>> {
    const rows = await this.db
      .createQueryBuilder()
      .select('p.lesson_id', 'lessonId')
      .addSelect('COUNT(*)', 'opened')
      .addSelect('SUM(CASE WHEN p.completed_at IS NOT NULL THEN 1 ELSE 0 END)', 'completed')
      .from('lesson_progress', 'p')
      .innerJoin('enrolments', 'e', 'e.id = p.enrolment_id')
      .where('e.course_id = :courseId', { courseId })
      .groupBy('p.lesson_id')
      .getRawMany<Record<string, unknown>>();
    return new Map(
      rows.map((r) => [Number(r.lessonId), { opened: Number(r.opened), completed: Number(r.completed) }]),
    );
  }

  async quizCounts(courseId: number): Promise<QuizCounts[]> {
    const rows = await this.db
      .createQueryBuilder()
      .select('a.quiz_id', 'quizId')
      .addSelect('COUNT(*)', 'attempts')
      .addSelect('COUNT(DISTINCT a.enrolment_id)', 'learners')
      .addSelect('COUNT(DISTINCT CASE WHEN a.passed = 1 THEN a.enrolment_id END)', 'passed')
      .addSelect('AVG(a.score_percent)', 'averageScore')
      .from('quiz_attempts', 'a')
      .innerJoin('enrolments', 'e', 'e.id = a.enrolment_id')
      .where('e.course_id = :courseId', { courseId })
      .groupBy('a.quiz_id')
      .getRawMany<Record<string, unknown>>();
    return rows.map((r) => ({
      quizId: Number(r.quizId),
      attempts: Number(r.attempts),
      learners: Number(r.learners),
      passed: Number(r.passed),
      averageScore: r.averageScore === null ? null : Number(r.averageScore),
    }));
  }

  /**
   * Per question of one quiz: in how many attempts it was answered (drawn), and answered right, as
   * marked when the attempt was submitted; counted over quiz_attempt_answers (one row per question
   * and chosen option), one row per question.
   */
  async questionCounts(
    courseId: number,
    quizId: number,
  ): Promise<Map<number, { answered: number; correct: number }>> {
    const rows = await this.answers(courseId, quizId)
      .select('aa.question_id', 'questionId')
      .addSelect('COUNT(DISTINCT aa.attempt_id)', 'answered')
      .addSelect('COUNT(DISTINCT CASE WHEN aa.correct = 1 THEN aa.attempt_id END)', 'correct')
      .groupBy('aa.question_id')
      .getRawMany<Record<string, unknown>>();
    return new Map(
      rows.map((r) => [Number(r.questionId), { answered: Number(r.answered), correct: Number(r.correct) }]),
    );
  }

  /** Per option of one quiz's choice questions: how many attempts chose it. */
  async optionCounts(courseId: number, quizId: number): Promise<Map<number, number>> {
    const rows = await this.answers(courseId, quizId)
      .select('aa.option_id', 'optionId')
      .addSelect('COUNT(*)', 'chosen')
      .andWhere('aa.option_id IS NOT NULL')
      .groupBy('aa.option_id')
      .getRawMany<Record<string, unknown>>();
    return new Map(rows.map((r) => [Number(r.optionId), Number(r.chosen)]));
  }

  private answers(courseId: number, quizId: number) {
    return this.db
      .createQueryBuilder()
      .from('quiz_attempt_answers', 'aa')
      .innerJoin('quiz_attempts', 'a', 'a.id = aa.attempt_id')
      .innerJoin('enrolments', 'e', 'e.id = a.enrolment_id')
      .where('e.course_id = :courseId AND a.quiz_id = :quizId', { courseId, quizId });
  }

  /**
   * The median of column `v` of a query: its count, then the one or two middle values of the
   * sorted column (LIMIT 2), so nothing but two numbers comes back to Node.
   */
  private async median(
    values: (sub: SelectQueryBuilder<ObjectLiteral>) => SelectQueryBuilder<ObjectLiteral>,
  ): Promise<number | null> {
    const countRow = await this.db
      .createQueryBuilder()
      .select('COUNT(*)', 'n')
      .from(values, 'x')
      .getRawOne<{ n: unknown }>();
    const n = Number(countRow?.n ?? 0);
    if (n === 0) return null;
    const middle = await this.db
      .createQueryBuilder()
      .select('x.v', 'v')
      .from(values, 'x')
      .orderBy('x.v', 'ASC')
      .offset(Math.floor((n - 1) / 2))
      .limit(n % 2 === 0 ? 2 : 1)
      .getRawMany<{ v: unknown }>();
    const picked = middle.map((r) => Number(r.v));
    return picked.reduce((a, b) => a + b, 0) / picked.length;
  }
}
