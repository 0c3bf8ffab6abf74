import { Injectable, Logger } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { readSeed } from '../common/seed-files';
import { UnitOfWork } from '../database/unit-of-work';
import { DomainCode } from '../learning-records/learning-domains';
import { UsersRepository } from '../users/users.repository';
import { filledOptions, publishProblems, QuestionInput, questionProblems } from './course-rules';
import { CoursesRepository } from './courses.repository';
import { CourseLevel, CourseStatus, Licence } from './entities/course.entity';
import { CompletionRule } from './entities/lesson.entity';
import { foldVietnamese } from '../common/text/vietnamese';
import { fieldsOf } from './lessons.service';
import { LessonsRepository } from './lessons.repository';
import { QuizzesRepository } from './quizzes.repository';

interface DemoQuiz {
  title: string;
  passPercent: number;
  maxAttempts: number;
  shuffle: boolean;
  /** Draws this many questions from the course's bank instead of having questions of its own. */
  drawCount?: number;
  questions?: QuestionInput[];
}

interface DemoCourses {
  institution: string;
  editor: string;
  courses: {
    title: string;
    summary: string;
    level: CourseLevel;
    estimatedHours: number;
    language: string;
    licence: Licence;
    domains: DomainCode[];
    publishedDaysAgo: number;
    lessons: {
      title: string;
      bodyHtml: string;
      videoUrl?: string | null;
      completionRule: CompletionRule;
      minMinutes?: number;
      required?: boolean;
      quiz?: DemoQuiz;
    }[];
    finalQuiz?: DemoQuiz;
    /** The course's question bank, written before its quizzes. */
    bank?: QuestionInput[];
  }[];
}

const DAY = 86_400_000;

/**
 * The demo institution's published courses (seeds/demo/courses.json), written through the same
 * rules as the editor's pages: lesson text sanitised, questions checked, each course complete.
 * Loaded after organisations, users and workers; a course already there (same title) is left alone.
 */
@Injectable()
export class CatalogDemoSeeder {
  private readonly logger = new Logger(CatalogDemoSeeder.name);

  constructor(
    private readonly courses: CoursesRepository,
    private readonly lessons: LessonsRepository,
    private readonly quizzes: QuizzesRepository,
    private readonly users: UsersRepository,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  async seed(now = new Date()): Promise<void> {
    const data = readSeed<DemoCourses>('demo/courses.json');
    const editorId = (await this.users.findForLogin({ username: data.editor }))?.id ?? null;
    const created = await this.unitOfWork.run(async (manager) => {
      const institutionId = await this.courses.institutionIdByName(data.institution, manager);
      if (!institutionId) throw new Error(`Demo courses need the demo institution: ${data.institution}`);
      let count = 0;
      for (const demo of data.courses) {
        if (await this.courses.existsWithTitle(institutionId, demo.title, manager)) continue;
        const course = await this.courses.insert(
          {
            title: demo.title,
            searchKey: foldVietnamese(demo.title).slice(0, 300),
            summary: demo.summary,
            level: demo.level,
            estimatedHours: demo.estimatedHours,
            language: demo.language,
            licence: demo.licence,
            institutionId,
            status: CourseStatus.Draft,
            createdBy: editorId,
          },
          demo.domains,
          manager,
        );
        for (const question of demo.bank ?? [])
          await this.quizzes.insertBankQuestion(
            course.id,
            { kind: question.kind, prompt: question.prompt, explanation: question.explanation ?? null },
            filledOptions(checked(question)),
            manager,
          );
        const quizzes: { lessonId: number | null; activeQuestions: number }[] = [];
        const lessons = [];
        for (const lesson of demo.lessons) {
          const saved = await this.lessons.insert(
            { ...fieldsOf({ ...lesson, videoUrl: lesson.videoUrl ?? undefined }), courseId: course.id },
            manager,
          );
          lessons.push(saved);
          if (lesson.quiz)
            quizzes.push(await this.addQuiz(course.id, saved.id, lesson.quiz, demo.bank ?? [], manager));
        }
        if (demo.finalQuiz)
          quizzes.push(await this.addQuiz(course.id, null, demo.finalQuiz, demo.bank ?? [], manager));
        const problems = publishProblems({
          estimatedHours: demo.estimatedHours,
          domains: demo.domains,
          lessons,
          quizzes,
        });
        if (Object.keys(problems).length > 0)
          throw new Error(`Demo course "${demo.title}" is not complete: ${Object.keys(problems).join(', ')}`);
        await this.courses.update(
          course.id,
          {
            status: CourseStatus.Published,
            publishedAt: new Date(now.getTime() - demo.publishedDaysAgo * DAY),
          },
          manager,
        );
        count++;
      }
      return count;
    });
    this.logger.log(`demo catalog: ${created} courses published`);
  }

  private async addQuiz(
    courseId: number,
    lessonId: number | null,
    quiz: DemoQuiz,
    bank: QuestionInput[],
    manager: EntityManager,
  ) {
    if (quiz.drawCount && quiz.drawCount > bank.length)
      throw new Error(`Demo quiz "${quiz.title}" draws more questions than the bank holds`);
    const saved = await this.quizzes.insert(
      {
        courseId,
        lessonId,
        title: quiz.title,
        passPercent: quiz.passPercent,
        maxAttempts: quiz.maxAttempts,
        shuffle: quiz.shuffle,
        drawCount: quiz.drawCount ?? null,
      },
      manager,
    );
    for (const question of quiz.questions ?? [])
      await this.quizzes.insertQuestion(
        saved.id,
        { kind: question.kind, prompt: question.prompt, explanation: question.explanation ?? null },
        filledOptions(checked(question)),
        manager,
      );
    return { lessonId, activeQuestions: quiz.drawCount ?? (quiz.questions ?? []).length };
  }
}

function checked(question: QuestionInput): QuestionInput {
  const problems = questionProblems(question);
  if (Object.keys(problems).length > 0)
    throw new Error(`Demo question "${question.prompt}" is not valid: ${Object.keys(problems).join(', ')}`);
  return question;
}
