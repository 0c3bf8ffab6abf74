import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CatalogService } from '../catalog/catalog.service';
import {
  DataSubject,
  PersonalDataProvider,
  PersonalDataProviders,
  PersonalRow,
} from '../common/personal-data/personal-data-providers';

/**
 * A worker's online learning: enrolments, lesson progress, quiz attempts, the questions drawn for
 * their next attempts, course certificates. Kept on anonymisation.
 */
@Injectable()
export class LearningPersonalData implements PersonalDataProvider, OnModuleInit {
  readonly tables = ['enrolments', 'lesson_progress', 'quiz_attempts', 'quiz_draws', 'course_certificates'];

  constructor(
    private readonly providers: PersonalDataProviders,
    @InjectDataSource() private readonly db: DataSource,
    private readonly catalog: CatalogService,
  ) {}

  onModuleInit(): void {
    this.providers.register(this);
  }

  async export(subject: DataSubject): Promise<Record<string, PersonalRow[]>> {
    const id = subject.workerId;
    if (id === null)
      return { enrolments: [], lessonProgress: [], quizAttempts: [], quizDraws: [], courseCertificates: [] };
    const [enrolments, progress, attempts, draws, certificates] = await Promise.all([
      this.db.query('SELECT * FROM enrolments WHERE worker_id = ? ORDER BY enrolled_at, id', [id]),
      this.db.query(
        `SELECT lp.* FROM lesson_progress lp JOIN enrolments en ON en.id = lp.enrolment_id
         WHERE en.worker_id = ? ORDER BY lp.id`,
        [id],
      ),
      this.db.query(
        `SELECT qa.* FROM quiz_attempts qa JOIN enrolments en ON en.id = qa.enrolment_id
         WHERE en.worker_id = ? ORDER BY qa.id`,
        [id],
      ),
      this.db.query('SELECT * FROM quiz_draws WHERE worker_id = ? ORDER BY id', [id]),
      this.db.query('SELECT * FROM course_certificates WHERE worker_id = ? ORDER BY id', [id]),
    ]);
    const titles = await this.catalog.titles(
      [...enrolments, ...certificates].map((r: PersonalRow) => Number(r.course_id)),
      progress.map((r: PersonalRow) => Number(r.lesson_id)),
    );
    const course = (r: PersonalRow) => ({
      ...r,
      course_title: titles.courses.get(Number(r.course_id)) ?? null,
    });
    return {
      enrolments: enrolments.map(course),
      lessonProgress: progress.map((r: PersonalRow) => ({
        ...r,
        lesson_title: titles.lessons.get(Number(r.lesson_id)) ?? null,
      })),
      quizAttempts: attempts,
      quizDraws: draws,
      courseCertificates: certificates.map(course),
    };
  }

  anonymise(): Promise<void> {
    return Promise.resolve();
  }
}
