import { Body, Controller, Get, Param, ParseIntPipe, Post, Render, Req } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { CurrentActor, Roles } from '../common/access/access.decorators';
import { Actor } from '../common/access/actor';
import { Role } from '../common/access/roles';
import { FormView } from '../common/forms/form-view';
import { AppRequest, flash } from '../common/http/request';
import { translate } from '../common/i18n/i18n';
import { editorInstitutionIds } from './catalog.access';
import { COURSE_READERS } from './courses.controller';
import { QuestionFormDto } from './dto/course.dto';
import { questionFormFields, questionFromForm, questionLines } from './quizzes.controller';
import { QuizzesService } from './quizzes.service';

/** A course's question bank: the questions its drawing quizzes pick from. */
@ApiExcludeController()
@Controller('catalog/courses/:courseId/bank')
export class QuestionBankController {
  constructor(private readonly quizzes: QuizzesService) {}

  @Get()
  @Roles(...COURSE_READERS)
  @Render('catalog/courses/bank')
  page(@Req() req: AppRequest, @Param('courseId', ParseIntPipe) _courseId: number) {
    return this.bankContext(req);
  }

  @Get('questions/new')
  @Roles(Role.InstitutionEditor)
  @Render('catalog/courses/question')
  newQuestion(@Req() req: AppRequest, @Param('courseId', ParseIntPipe) _courseId: number) {
    return this.questionContext(req);
  }

  @Post('questions')
  @Roles(Role.InstitutionEditor)
  @FormView('catalog/courses/question', {
    context: QuestionBankController.prototype.questionContext,
    flash: 'catalog.question.created',
  })
  async addQuestion(
    @CurrentActor() actor: Actor,
    @Param('courseId', ParseIntPipe) courseId: number,
    @Body() dto: QuestionFormDto,
  ) {
    await this.quizzes.addBankQuestion(actor, courseId, questionFromForm(dto));
    return { url: `/catalog/courses/${courseId}/bank#questions` };
  }

  @Get('questions/:questionId')
  @Roles(Role.InstitutionEditor)
  @Render('catalog/courses/question')
  editQuestion(
    @Req() req: AppRequest,
    @Param('courseId', ParseIntPipe) _courseId: number,
    @Param('questionId', ParseIntPipe) _questionId: number,
  ) {
    return this.questionContext(req);
  }

  @Post('questions/:questionId')
  @Roles(Role.InstitutionEditor)
  @FormView('catalog/courses/question', {
    context: QuestionBankController.prototype.questionContext,
    flash: 'flash.saved',
  })
  async updateQuestion(
    @CurrentActor() actor: Actor,
    @Param('courseId', ParseIntPipe) courseId: number,
    @Param('questionId', ParseIntPipe) questionId: number,
    @Body() dto: QuestionFormDto,
  ) {
    await this.quizzes.updateBankQuestion(actor, courseId, questionId, questionFromForm(dto));
    return { url: `/catalog/courses/${courseId}/bank#questions` };
  }

  @Post('questions/:questionId/remove')
  @Roles(Role.InstitutionEditor)
  @FormView('catalog/refused', { context: QuestionBankController.prototype.refusedContext })
  async removeQuestion(
    @CurrentActor() actor: Actor,
    @Param('courseId', ParseIntPipe) courseId: number,
    @Param('questionId', ParseIntPipe) questionId: number,
    @Req() req: AppRequest,
  ) {
    const outcome = await this.quizzes.removeBankQuestion(actor, courseId, questionId);
    flash(req, 'success', outcome === 'removed' ? 'catalog.question.retired' : 'catalog.question.deleted');
    return { url: `/catalog/courses/${courseId}/bank#questions` };
  }

  /** Where a refused button leads back to. */
  async refusedContext(req: AppRequest) {
    const { course } = await this.quizzes.bankView(req.user!, Number(req.params.courseId));
    return {
      title: translate(req.locale, 'catalog.refused.title'),
      back: {
        url: `/catalog/courses/${course.id}/bank#questions`,
        label: translate(req.locale, 'catalog.bank.title'),
      },
    };
  }

  async bankContext(req: AppRequest) {
    const actor = req.user!;
    const view = await this.quizzes.bankView(actor, Number(req.params.courseId));
    return {
      title: translate(req.locale, 'catalog.bank.title'),
      course: view.course,
      canEdit: editorInstitutionIds(actor).includes(view.course.institutionId),
      everPublished: view.course.publishedAt !== null,
      questions: questionLines(req, view.questions),
      drawingQuizzes: view.drawingQuizzes,
    };
  }

  /** The question form for the bank; also used to render it again with what was typed. */
  async questionContext(req: AppRequest) {
    const actor = req.user!;
    const courseId = Number(req.params.courseId);
    const questionId = req.params.questionId ? Number(req.params.questionId) : undefined;
    const view = questionId
      ? await this.quizzes.bankQuestion(actor, courseId, questionId)
      : { ...(await this.quizzes.bankView(actor, courseId)), question: undefined };
    const body = req.method === 'POST' ? (req.body as Record<string, unknown>) : undefined;
    return {
      title: translate(
        req.locale,
        view.question ? 'catalog.question.editTitle' : 'catalog.question.newTitle',
      ),
      course: view.course,
      question: view.question,
      backUrl: `/catalog/courses/${courseId}/bank#questions`,
      backLabel: translate(req.locale, 'catalog.bank.title'),
      formAction: `/catalog/courses/${courseId}/bank/questions${questionId ? `/${questionId}` : ''}`,
      ...questionFormFields(req, body, view.course.publishedAt !== null, view.question),
    };
  }
}
