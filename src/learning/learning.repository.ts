import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, Repository } from 'typeorm';
import { Course } from '../catalog/entities/course.entity';
import { lockForUpdate } from '../database/dialect';
import { isUniqueViolation, TransactionConflict } from '../database/unit-of-work';
import { DomainCode } from '../learning-records/learning-domains';
import { TrainingInstitution } from '../organisations/entities/training-institution.entity';
import { Worker } from '../workers/entities/worker.entity';
import { CourseCertificate } from './entities/course-certificate.entity';
import { Enrolment } from './entities/enrolment.entity';
import { LessonProgress } from './entities/lesson-progress.entity';
import { QuizAttempt, QuizAttemptAnswer, QuizDraw } from './entities/quiz-attempt.entity';

const BATCH = 500;

/** An enrolment with what the worker's pages show about its course. */
export interface EnrolmentRow {
  enrolment: Enrolment;
  courseTitle: string;
  institutionName: string;
  certificateCode: string | null;
}

/** A certificate with everything printed on it or shown by the public check. */
export interface CertificateDetail {
  certificate: CourseCertificate;
  workerName: string;
  courseTitle: string;
  institutionName: string;
  completedAt: Date;
  domains: DomainCode[];
}

/**
 * Enrolments, lesson progress, quiz attempts and certificates. Methods taking a manager run inside
 * the caller's transaction; the enrolment row is the lock that puts one worker's events on one
 * course in order.
 */
@Injectable()
export class LearningRepository {
  constructor(
    @InjectRepository(Enrolment) private readonly enrolments: Repository<Enrolment>,
    @InjectRepository(LessonProgress) private readonly progress: Repository<LessonProgress>,
    @InjectRepository(QuizAttempt) private readonly attempts: Repository<QuizAttempt>,
    @InjectRepository(CourseCertificate) private readonly certificates: Repository<CourseCertificate>,
  ) {}

  /**
   * The enrolment, locked for the rest of the transaction on MySQL (SQLite runs one transaction at
   * a time). Read first in every event's transaction, so later reads see what the previous holder
   * of the lock committed.
   */
  lockEnrolment(manager: EntityManager, workerId: number, courseId: number): Promise<Enrolment | null> {
    const query = manager
      .getRepository(Enrolment)
      .createQueryBuilder('e')
      .where('e.worker_id = :workerId AND e.course_id = :courseId', { workerId, courseId });
    return lockForUpdate(query).getOne();
  }

  /** A new enrolment; a concurrent one for the same worker and course makes the transaction run again. */
  async insertEnrolment(
    manager: EntityManager,
    row: Pick<Enrolment, 'workerId' | 'courseId' | 'enrolledAt'>,
  ): Promise<Enrolment> {
    const repo = manager.getRepository(Enrolment);
    try {
      return await repo.save(
        repo.create({ ...row, progressPercent: 0, lastActivityAt: row.enrolledAt, completedAt: null }),
      );
    } catch (error) {
      if (isUniqueViolation(error)) throw new TransactionConflict('enrolment stored concurrently');
      throw error;
    }
  }

  async updateEnrolment(
    manager: EntityManager,
    id: number,
    changes: Partial<Pick<Enrolment, 'progressPercent' | 'lastActivityAt' | 'completedAt'>>,
  ): Promise<void> {
    await manager.getRepository(Enrolment).update({ id }, changes);
  }

  /**
   * Enrols the workers not enrolled in the course yet, in the caller's transaction, and returns how
   * many were new; a concurrent enrolment of the same worker is ignored (unique worker, course).
   */
  async insertMissingEnrolments(
    manager: EntityManager,
    courseId: number,
    workerIds: number[],
    at: Date,
  ): Promise<number> {
    let added = 0;
    for (let i = 0; i < workerIds.length; i += BATCH) {
      const batch = workerIds.slice(i, i + BATCH);
      const enrolled = new Set(
        (
          await manager.getRepository(Enrolment).find({
            select: { workerId: true },
            where: { courseId, workerId: In(batch) },
          })
        ).map((e) => e.workerId),
      );
      const missing = batch.filter((id) => !enrolled.has(id));
      if (missing.length === 0) continue;
      await manager
        .createQueryBuilder()
        .insert()
        .into(Enrolment)
        .values(
          missing.map((workerId) => ({
            workerId,
            courseId,
            enrolledAt: at,
            progressPercent: 0,
            lastActivityAt: null,
            completedAt: null,
          })),
        )
        .orIgnore()
        // A row ignored (enrolled concurrently) has no id to read back: MySQL/MariaDB would fail.
        .updateEntity(false)
        .execute();
      added += missing.length;
    }
    return added;
  }

  /** The enrolments of some workers in one course. */
  async enrolmentsIn(courseId: number, workerIds: number[]): Promise<Enrolment[]> {
    const found: Enrolment[] = [];
    for (let i = 0; i < workerIds.length; i += BATCH)
      found.push(
        ...(await this.enrolments.find({
          where: { courseId, workerId: In(workerIds.slice(i, i + BATCH)) },
        })),
      );
    return found;
  }

  findEnrolment(workerId: number, courseId: number): Promise<Enrolment | null> {
    return this.enrolments.findOne({ where: { workerId, courseId } });
  }

  progressRows(
    enrolmentId: number,
    manager: EntityManager = this.progress.manager,
  ): Promise<LessonProgress[]> {
    return manager.getRepository(LessonProgress).find({ where: { enrolmentId } });
  }

  /** Progress rows of many enrolments at once (the worker's home). */
  progressOfEnrolments(enrolmentIds: number[]): Promise<LessonProgress[]> {
    if (enrolmentIds.length === 0) return Promise.resolve([]);
    return this.progress.find({ where: { enrolmentId: In(enrolmentIds) } });
  }

  async saveProgress(
    manager: EntityManager,
    row: LessonProgress | Partial<LessonProgress>,
  ): Promise<LessonProgress> {
    const repo = manager.getRepository(LessonProgress);
    try {
      return await repo.save(repo.create(row));
    } catch (error) {
      if (isUniqueViolation(error)) throw new TransactionConflict('lesson progress stored concurrently');
      throw error;
    }
  }

  attemptByKey(manager: EntityManager, submissionKey: string): Promise<QuizAttempt | null> {
    return manager.getRepository(QuizAttempt).findOne({ where: { submissionKey } });
  }

  countAttempts(manager: EntityManager, enrolmentId: number, quizId: number): Promise<number> {
    return manager.getRepository(QuizAttempt).count({ where: { enrolmentId, quizId } });
  }

  async insertAttempt(manager: EntityManager, row: Omit<QuizAttempt, 'id' | 'createdAt' | 'updatedAt'>) {
    const repo = manager.getRepository(QuizAttempt);
    try {
      return await repo.save(repo.create(row));
    } catch (error) {
      // The same key (a double click) or the same attempt number, committed a moment ago.
      if (isUniqueViolation(error)) throw new TransactionConflict('quiz attempt stored concurrently');
      throw error;
    }
  }

  /** An attempt's answers one row per question (and chosen option), for the per-question statistics. */
  async insertAttemptAnswers(manager: EntityManager, rows: Omit<QuizAttemptAnswer, 'id'>[]): Promise<void> {
    for (let i = 0; i < rows.length; i += 200)
      await manager.getRepository(QuizAttemptAnswer).insert(rows.slice(i, i + 200));
  }

  drawByKey(submissionKey: string): Promise<QuizDraw | null> {
    return this.attempts.manager.getRepository(QuizDraw).findOne({ where: { submissionKey } });
  }

  /** The worker's latest draw for the quiz that no attempt was submitted with yet. */
  openDraw(workerId: number, quizId: number): Promise<QuizDraw | null> {
    return this.attempts.manager
      .getRepository(QuizDraw)
      .createQueryBuilder('d')
      .where('d.worker_id = :workerId AND d.quiz_id = :quizId', { workerId, quizId })
      .andWhere('NOT EXISTS (SELECT 1 FROM quiz_attempts a WHERE a.submission_key = d.submission_key)')
      .orderBy('d.id', 'DESC')
      .getOne();
  }

  insertDraw(
    row: Pick<QuizDraw, 'workerId' | 'quizId' | 'submissionKey' | 'questionIds'>,
  ): Promise<QuizDraw> {
    const repo = this.attempts.manager.getRepository(QuizDraw);
    return repo.save(repo.create(row));
  }

  /** Ids of the quizzes this enrolment has passed at least once. */
  async passedQuizIds(
    enrolmentId: number,
    manager: EntityManager = this.attempts.manager,
  ): Promise<number[]> {
    const rows = await manager
      .getRepository(QuizAttempt)
      .createQueryBuilder('a')
      .select('DISTINCT a.quiz_id', 'quizId')
      .where('a.enrolment_id = :enrolmentId AND a.passed = :passed', { enrolmentId, passed: true })
      .getRawMany<{ quizId: number }>();
    return rows.map((r) => Number(r.quizId));
  }

  attemptsOf(enrolmentId: number, quizId: number): Promise<QuizAttempt[]> {
    return this.attempts.find({ where: { enrolmentId, quizId }, order: { attemptNo: 'DESC' } });
  }

  findAttempt(id: number): Promise<QuizAttempt | null> {
    return this.attempts.findOne({ where: { id } });
  }

  certificateOfEnrolment(manager: EntityManager, enrolmentId: number): Promise<CourseCertificate | null> {
    return manager.getRepository(CourseCertificate).findOne({ where: { enrolmentId } });
  }

  async insertCertificate(
    manager: EntityManager,
    row: Omit<CourseCertificate, 'id' | 'createdAt' | 'updatedAt'>,
  ): Promise<CourseCertificate> {
    const repo = manager.getRepository(CourseCertificate);
    try {
      return await repo.save(repo.create(row));
    } catch (error) {
      if (isUniqueViolation(error)) throw new TransactionConflict('certificate stored concurrently');
      throw error;
    }
  }

  /** The worker's enrolments, most recent activity first. */
  async enrolmentsOf(workerId: number): Promise<EnrolmentRow[]> {
    const rows = await this.enrolments
      .createQueryBuilder('e')
      .innerJoin(Course, 'c', 'c.id = e.course_id')
      .leftJoin(TrainingInstitution, 'i', 'i.id = c.institution_id')
      .leftJoin(CourseCertificate, 'cc', 'cc.enrolment_id = e.id')
      .addSelect(['c.title AS course_title', 'i.name AS institution_name', 'cc.code AS certificate_code'])
      .where('e.worker_id = :workerId', { workerId })
      .orderBy('e.last_activity_at', 'DESC')
      .addOrderBy('e.id', 'DESC')
      .getRawAndEntities();
    return rows.entities.map((enrolment, i) => ({
      enrolment,
      courseTitle: String(rows.raw[i].course_title ?? ''),
      institutionName: String(rows.raw[i].institution_name ?? ''),
      certificateCode: (rows.raw[i].certificate_code as string | null) ?? null,
    }));
  }

  /** Certificate codes of a worker by course id (links from the history). */
  async certificateCodesOf(workerId: number): Promise<Map<number, string>> {
    const rows = await this.certificates.find({
      where: { workerId },
      select: { courseId: true, code: true },
    });
    return new Map(rows.map((r) => [r.courseId, r.code]));
  }

  /** The first workers by id, except some (demo learners). */
  async firstWorkers(count: number, except: number[]): Promise<number[]> {
    const query = this.enrolments.manager
      .createQueryBuilder()
      .select('w.id', 'id')
      .from(Worker, 'w')
      .orderBy('w.id', 'ASC')
      .limit(count);
    if (except.length > 0) query.where('w.id NOT IN (:...except)', { except });
    return (await query.getRawMany<{ id: number }>()).map((r) => Number(r.id));
  }

  /** A certificate with its holder, course and institution; its domains are the catalog's to give. */
  async certificateByCode(code: string): Promise<Omit<CertificateDetail, 'domains'> | null> {
    const found = await this.certificates
      .createQueryBuilder('cc')
      .innerJoin(Worker, 'w', 'w.id = cc.worker_id')
      .innerJoin(Course, 'c', 'c.id = cc.course_id')
      .leftJoin(TrainingInstitution, 'i', 'i.id = c.institution_id')
      .addSelect(['w.full_name AS worker_name', 'c.title AS course_title', 'i.name AS institution_name'])
      .where('cc.code = :code', { code })
      .getRawAndEntities();
    const certificate = found.entities[0];
    if (!certificate) return null;
    const raw = found.raw[0] as Record<string, unknown>;
    return {
      certificate,
      workerName: String(raw.worker_name),
      courseTitle: String(raw.course_title),
      institutionName: String(raw.institution_name ?? ''),
      // Issued in the transaction that completed the course, at the same moment.
      completedAt: certificate.issuedAt,
    };
  }
}
