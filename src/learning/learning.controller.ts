import { Body, Controller, Get, Param, ParseIntPipe, Post, Query, Render, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentActor, Roles } from '../common/access/access.decorators';
import { Actor } from '../common/access/actor';
import { Role } from '../common/access/roles';
import { sendTable } from '../common/export/table-export';
import { FormView } from '../common/forms/form-view';
import { PAGE_SIZE } from '../common/http/pagination';
import { AppRequest, flash } from '../common/http/request';
import { translate } from '../common/i18n/i18n';
import { DOMAIN_CODES } from '../learning-records/learning-domains';
import { CertificatesService } from './certificates.service';
import { EnrolForm, HistoryQuery } from './dto/learning.dto';
import { LearningService } from './learning.service';
import {
  cardView,
  feedbackPage,
  historyColumns,
  historyItemView,
  historyYears,
  lessonPage,
} from './learning.presenters';
import { MyLearningService } from './my-learning.service';
import { quizQuestionFields } from './learning.presenters';
import { quizSubmissionFromForm } from './quiz-form';
import { todayInVietnam } from '../common/time/vietnam-time';

/** The worker's learning pages: home, lessons, quizzes, history and certificates. */
@ApiExcludeController()
@Controller('learn')
export class LearningController {
  constructor(
    private readonly learning: LearningService,
    private readonly mine: MyLearningService,
    private readonly certificates: CertificatesService,
  ) {}

  @Get()
  @Roles(Role.Worker)
  @Render('learning/home')
  async home(@CurrentActor() actor: Actor, @Req() req: AppRequest) {
    const home = await this.mine.home(actor);
    return {
      title: translate(req.locale, 'nav.learn'),
      ...home,
      domains: home.domains.map((d) => ({
        ...d,
        label: translate(req.locale, `domain.${d.code}`),
        href: `/courses?domain=${d.code}`,
      })),
      reachedCount: home.domains.filter((d) => d.firstOn).length,
      reachedThisYear: home.domains.filter((d) => d.firstThisYearOn).length,
      suggestions: home.suggestions.map((c) => cardView(req.locale, c)),
    };
  }

  @Get('history')
  @Roles(Role.Worker)
  async history(
    @CurrentActor() actor: Actor,
    @Query() query: HistoryQuery,
    @Req() req: AppRequest,
    @Res() res: Response,
  ): Promise<void> {
    const filter = { year: query.year, domain: query.domain };
    if (query.format) {
      return sendTable(res, query.format, req.locale, {
        filename: 'qua-trinh-hoc-tap',
        sheet: translate(req.locale, 'nav.history').slice(0, 31),
        columns: historyColumns(req.locale),
        rows: this.mine.historyRows(actor, filter),
      });
    }
    const page = await this.mine.history(actor, filter, query.page ?? 1, query.size ?? PAGE_SIZE);
    const currentYear = Number(todayInVietnam().slice(0, 4));
    res.render('learning/history', {
      title: translate(req.locale, 'nav.history'),
      query: { year: query.year, domain: query.domain },
      years: historyYears(currentYear).map((y) => ({ value: y, selected: y === query.year })),
      domainOptions: DOMAIN_CODES.map((code) => ({
        value: code,
        label: translate(req.locale, `domain.${code}`),
        selected: code === query.domain,
      })),
      page: { ...page, items: page.items.map((i) => historyItemView(req.locale, i)) },
    });
  }

  /**
   * "Bắt đầu học": enrols (once) and opens the lesson the worker came from (a lesson's page offers
   * this button to a worker not enrolled yet), else the first lesson not done yet.
   */
  @Post('courses/:courseId/enrol')
  @Roles(Role.Worker)
  async enrol(
    @CurrentActor() actor: Actor,
    @Param('courseId', ParseIntPipe) courseId: number,
    @Body() dto: EnrolForm,
    @Res() res: Response,
  ): Promise<void> {
    await this.learning.enrol(actor, courseId);
    res.redirect(303, await this.learning.startUrl(actor, courseId, dto.lessonId));
  }

  /** Where to carry on in a course; a visitor who signed in from the course page lands here. */
  @Get('courses/:courseId')
  @Roles(Role.Worker)
  async resume(
    @CurrentActor() actor: Actor,
    @Param('courseId', ParseIntPipe) courseId: number,
    @Res() res: Response,
  ): Promise<void> {
    const standing = await this.learning.standing(actor.workerId!, courseId);
    res.redirect(
      303,
      standing && !standing.enrolment.completedAt ? standing.nextUrl : `/courses/${courseId}`,
    );
  }

  /** Reading a lesson changes nothing; a worker not enrolled yet is offered "Bắt đầu học" instead. */
  @Get('courses/:courseId/lessons/:lessonId')
  @Roles(Role.Worker)
  @Render('learning/lesson')
  async lesson(
    @CurrentActor() actor: Actor,
    @Param('courseId', ParseIntPipe) courseId: number,
    @Param('lessonId', ParseIntPipe) lessonId: number,
    @Req() req: AppRequest,
  ) {
    return lessonPage(req.locale, await this.learning.lesson(actor, courseId, lessonId));
  }

  /**
   * "Bài tiếp theo" / "Tiếp tục": records the lesson as opened (an OPENED lesson is then done, and
   * the course may be completed by it), then goes to the next lesson, or from the last one to its
   * quiz or what is left of the course.
   */
  @Post('courses/:courseId/lessons/:lessonId/next')
  @Roles(Role.Worker)
  async next(
    @CurrentActor() actor: Actor,
    @Param('courseId', ParseIntPipe) courseId: number,
    @Param('lessonId', ParseIntPipe) lessonId: number,
    @Req() req: AppRequest,
    @Res() res: Response,
  ): Promise<void> {
    const view = await this.learning.openLesson(actor, courseId, lessonId);
    if (view.outcome.completedNow) flash(req, 'success', 'learning.completedNow');
    res.redirect(303, view.onwardUrl);
  }

  @Get('courses/:courseId/quizzes/:quizId')
  @Roles(Role.Worker)
  @Render('learning/quiz')
  quiz(@Req() req: AppRequest) {
    return this.quizContext(req);
  }

  @Post('courses/:courseId/quizzes/:quizId')
  @Roles(Role.Worker)
  @FormView('learning/quiz', { context: LearningController.prototype.quizContext })
  async submit(
    @CurrentActor() actor: Actor,
    @Param('courseId', ParseIntPipe) courseId: number,
    @Param('quizId', ParseIntPipe) quizId: number,
    @Req() req: AppRequest,
  ) {
    const { attempt } = await this.learning.submitQuiz(
      actor,
      courseId,
      quizId,
      quizSubmissionFromForm(req.body),
    );
    return { url: `/learn/courses/${courseId}/quizzes/${quizId}/attempts/${attempt.id}` };
  }

  @Get('courses/:courseId/quizzes/:quizId/attempts/:attemptId')
  @Roles(Role.Worker)
  @Render('learning/feedback')
  async feedback(
    @CurrentActor() actor: Actor,
    @Param('courseId', ParseIntPipe) courseId: number,
    @Param('quizId', ParseIntPipe) quizId: number,
    @Param('attemptId', ParseIntPipe) attemptId: number,
    @Req() req: AppRequest,
  ) {
    return feedbackPage(req.locale, await this.learning.feedback(actor, courseId, quizId, attemptId));
  }

  /** The holder's own certificate; anyone else's code answers 404. */
  @Get('certificates/:code.pdf')
  @Roles(Role.Worker)
  async certificate(
    @CurrentActor() actor: Actor,
    @Param('code') code: string,
    @Res() res: Response,
  ): Promise<void> {
    const pdf = await this.certificates.pdf(actor, code);
    res.setHeader('Content-Type', 'application/pdf');
    res.setHeader('Content-Disposition', `inline; filename="${pdf.filename}"`);
    res.setHeader('Cache-Control', 'private, no-store');
    res.send(pdf.content);
  }

  /** The quiz page's context; also used to show the form again with its errors (same key, same order). */
  async quizContext(req: AppRequest) {
    const body = (req.method === 'POST' ? req.body : {}) as Record<string, unknown>;
    const submitted = req.method === 'POST' ? quizSubmissionFromForm(body) : null;
    const form = await this.learning.quizForm(
      req.user!,
      Number(req.params.courseId),
      Number(req.params.quizId),
      submitted?.submissionKey,
    );
    return {
      title: form.quiz.title,
      ...form,
      questions: form.questions.map((q, i) =>
        quizQuestionFields(req.locale, q, i + 1, submitted?.answers[String(q.id)]),
      ),
      exhausted: form.attemptsLeft === 0,
      action: `/learn/courses/${form.course.id}/quizzes/${form.quiz.id}`,
      backUrl: form.lesson
        ? `/learn/courses/${form.course.id}/lessons/${form.lesson.id}`
        : `/courses/${form.course.id}`,
    };
  }
}
