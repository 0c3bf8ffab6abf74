import { Body, Controller, Get, Param, ParseIntPipe, Post, Render, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { ApiExcludeController } from '@nestjs/swagger';
import { CurrentActor, Roles } from '../common/access/access.decorators';
import { Actor } from '../common/access/actor';
import { Role } from '../common/access/roles';
import { FormView } from '../common/forms/form-view';
import { AppRequest, flash } from '../common/http/request';
import { translate } from '../common/i18n/i18n';
import { editorInstitutionIds } from './catalog.access';
import { questionKindOptions } from './catalog.presenters';
import { COURSE_READERS } from './courses.controller';
import { MAX_OPTIONS, QuestionInput, TRUE_FALSE_LABELS } from './course-rules';
import { NewQuizDto, QuestionFormDto, QuizDto } from './dto/course.dto';
import { QuestionKind, QuizOption } from './entities/quiz.entity';
import { QuestionWithOptions } from './quizzes.repository';
import { QuizzesService } from './quizzes.service';

const OPTION_ROWS = 6;

/** Quizzes of a course and their questions. */
@ApiExcludeController()
@Controller('catalog/courses/:courseId/quizzes')
export class QuizzesController {
  constructor(private readonly quizzes: QuizzesService) {}

  /** Creates a lesson's quiz (lessonId) or the final quiz, with the usual settings, and opens it. */
  @Post()
  @Roles(Role.InstitutionEditor)
  async create(
    @CurrentActor() actor: Actor,
    @Param('courseId', ParseIntPipe) courseId: number,
    @Body() dto: NewQuizDto,
    @Req() req: AppRequest,
    @Res() res: Response,
  ): Promise<void> {
    const quiz = await this.quizzes.create(actor, courseId, dto, req.locale);
    res.redirect(303, `/catalog/courses/${courseId}/quizzes/${quiz.id}`);
  }

  @Get(':quizId')
  @Roles(...COURSE_READERS)
  @Render('catalog/courses/quiz')
  page(
    @Req() req: AppRequest,
    @Param('courseId', ParseIntPipe) _courseId: number,
    @Param('quizId', ParseIntPipe) _quizId: number,
  ) {
    return this.quizContext(req);
  }

  @Post(':quizId')
  @Roles(Role.InstitutionEditor)
  @FormView('catalog/courses/quiz', {
    context: QuizzesController.prototype.quizContext,
    flash: 'flash.saved',
  })
  async update(
    @CurrentActor() actor: Actor,
    @Param('courseId', ParseIntPipe) courseId: number,
    @Param('quizId', ParseIntPipe) quizId: number,
    @Body() dto: QuizDto,
  ) {
    await this.quizzes.update(actor, courseId, quizId, dto);
    return { url: `/catalog/courses/${courseId}/quizzes/${quizId}` };
  }

  @Post(':quizId/remove')
  @Roles(Role.InstitutionEditor)
  @FormView('catalog/refused', { context: QuizzesController.prototype.refusedContext })
  async remove(
    @CurrentActor() actor: Actor,
    @Param('courseId', ParseIntPipe) courseId: number,
    @Param('quizId', ParseIntPipe) quizId: number,
    @Req() req: AppRequest,
  ) {
    const outcome = await this.quizzes.remove(actor, courseId, quizId);
    flash(req, 'success', outcome === 'removed' ? 'catalog.quiz.retired' : 'catalog.quiz.deleted');
    return { url: `/catalog/courses/${courseId}` };
  }

  @Get(':quizId/questions/new')
  @Roles(Role.InstitutionEditor)
  @Render('catalog/courses/question')
  newQuestion(
    @Req() req: AppRequest,
    @Param('courseId', ParseIntPipe) _courseId: number,
    @Param('quizId', ParseIntPipe) _quizId: number,
  ) {
    return this.questionContext(req);
  }

  @Post(':quizId/questions')
  @Roles(Role.InstitutionEditor)
  @FormView('catalog/courses/question', {
    context: QuizzesController.prototype.questionContext,
    flash: 'catalog.question.created',
  })
  async addQuestion(
    @CurrentActor() actor: Actor,
    @Param('courseId', ParseIntPipe) courseId: number,
    @Param('quizId', ParseIntPipe) quizId: number,
    @Body() dto: QuestionFormDto,
  ) {
    await this.quizzes.addQuestion(actor, courseId, quizId, questionFromForm(dto));
    return { url: `/catalog/courses/${courseId}/quizzes/${quizId}#questions` };
  }

  @Get(':quizId/questions/:questionId')
  @Roles(Role.InstitutionEditor)
  @Render('catalog/courses/question')
  editQuestion(
    @Req() req: AppRequest,
    @Param('courseId', ParseIntPipe) _courseId: number,
    @Param('quizId', ParseIntPipe) _quizId: number,
    @Param('questionId', ParseIntPipe) _questionId: number,
  ) {
    return this.questionContext(req);
  }

  @Post(':quizId/questions/:questionId')
  @Roles(Role.InstitutionEditor)
  @FormView('catalog/courses/question', {
    context: QuizzesController.prototype.questionContext,
    flash: 'flash.saved',
  })
  async updateQuestion(
    @CurrentActor() actor: Actor,
    @Param('courseId', ParseIntPipe) courseId: number,
    @Param('quizId', ParseIntPipe) quizId: number,
    @Param('questionId', ParseIntPipe) questionId: number,
    @Body() dto: QuestionFormDto,
  ) {
    await this.quizzes.updateQuestion(actor, courseId, quizId, questionId, questionFromForm(dto));
    return { url: `/catalog/courses/${courseId}/quizzes/${quizId}#questions` };
  }

  @Post(':quizId/questions/:questionId/remove')
  @Roles(Role.InstitutionEditor)
  @FormView('catalog/refused', { context: QuizzesController.prototype.refusedContext })
  async removeQuestion(
    @CurrentActor() actor: Actor,
    @Param('courseId', ParseIntPipe) courseId: number,
    @Param('quizId', ParseIntPipe) quizId: number,
    @Param('questionId', ParseIntPipe) questionId: number,
    @Req() req: AppRequest,
  ) {
    const outcome = await this.quizzes.removeQuestion(actor, courseId, quizId, questionId);
    flash(req, 'success', outcome === 'removed' ? 'catalog.question.retired' : 'catalog.question.deleted');
    return { url: `/catalog/courses/${courseId}/quizzes/${quizId}#questions` };
  }

  /** Where a refused button leads back to. */
  async refusedContext(req: AppRequest) {
    const { course, quiz } = await this.quizzes.editView(
      req.user!,
      Number(req.params.courseId),
      Number(req.params.quizId),
    );
    return {
      title: translate(req.locale, 'catalog.refused.title'),
      back: { url: `/catalog/courses/${course.id}/quizzes/${quiz.id}#questions`, label: quiz.title },
    };
  }

  /** The quiz page: settings and questions; also used to render it again with errors. */
  async quizContext(req: AppRequest) {
    const actor = req.user!;
    const view = await this.quizzes.editView(actor, Number(req.params.courseId), Number(req.params.quizId));
    return {
      title: view.quiz.title,
      ...view,
      canEdit: editorInstitutionIds(actor).includes(view.course.institutionId),
      everPublished: view.course.publishedAt !== null,
      shuffleOptions: yesNo(req),
      questions: questionLines(req, view.questions),
      drawsFromBank: (view.quiz.drawCount ?? 0) > 0,
      drawCountValue: view.quiz.drawCount ?? 0,
      bankUrl: `/catalog/courses/${view.course.id}/bank`,
    };
  }

  /** The question form with its option rows; also used to render it again with what was typed. */
  async questionContext(req: AppRequest) {
    const actor = req.user!;
    const [courseId, quizId] = [Number(req.params.courseId), Number(req.params.quizId)];
    const questionId = req.params.questionId ? Number(req.params.questionId) : undefined;
    const view = questionId
      ? await this.quizzes.question(actor, courseId, quizId, questionId)
      : { ...(await this.quizzes.editView(actor, courseId, quizId)), question: undefined };
    const body = req.method === 'POST' ? (req.body as Record<string, unknown>) : undefined;
    return {
      title: translate(
        req.locale,
        view.question ? 'catalog.question.editTitle' : 'catalog.question.newTitle',
      ),
      course: view.course,
      question: view.question,
      backUrl: `/catalog/courses/${courseId}/quizzes/${quizId}#questions`,
      backLabel: view.quiz.title,
      formAction: `/catalog/courses/${courseId}/quizzes/${quizId}/questions${questionId ? `/${questionId}` : ''}`,
      ...questionFormFields(req, body, view.course.publishedAt !== null, view.question),
    };
  }
}

function truthOptions() {
  return [
    { value: 'true', label: TRUE_FALSE_LABELS[0] },
    { value: 'false', label: TRUE_FALSE_LABELS[1] },
  ];
}

function yesNo(req: AppRequest) {
  return [
    { value: 'true', label: translate(req.locale, 'common.yes') },
    { value: 'false', label: translate(req.locale, 'common.no') },
  ];
}

/** The question form's fields: kinds, option rows, the true/false choice; as typed after an error. */
export function questionFormFields(
  req: AppRequest,
  body: Record<string, unknown> | undefined,
  everPublished: boolean,
  question: QuestionWithOptions | undefined,
) {
  return {
    everPublished,
    kindOptions: questionKindOptions(req.locale),
    options: optionRows(body, question?.options),
    truth: truthOf(body, question),
    truthOptions: truthOptions(),
  };
}

/** A question's lines on an editor's page: kind, options with the right ones, pairs "A → B". */
export function questionLines(req: AppRequest, questions: QuestionWithOptions[]) {
  return questions.map((q, i) => ({
    ...q,
    ordinal: i + 1,
    kindLabel: translate(req.locale, `questionKind.${q.kind}`),
    options: q.options.map((o) => ({
      ...o,
      label: q.kind === QuestionKind.Matching ? `${o.label} → ${o.matchLabel ?? ''}` : o.label,
      correct: q.kind === QuestionKind.Matching ? false : o.correct,
    })),
  }));
}

/**
 * The form's option rows: what was typed (after an error), else the question's options, padded
 * with blanks. A row is an option (choice kinds), a pair (MATCHING: option and match) or an
 * accepted answer (SHORT_ANSWER).
 */
function optionRows(body: Record<string, unknown> | undefined, saved: QuizOption[] | undefined) {
  const list = (value: unknown) => (value === undefined ? [] : Array.isArray(value) ? value : [value]);
  const text = (value: unknown) => (typeof value === 'string' ? value : '');
  const rows: { label: string; matchLabel: string; correct: boolean }[] = body
    ? list(body.option).map((label, i) => ({
        label: text(label),
        matchLabel: text(list(body.match)[i]),
        correct: list(body.correct).map(String).includes(String(i)),
      }))
    : (saved ?? []).map((o) => ({ label: o.label, matchLabel: o.matchLabel ?? '', correct: o.correct }));
  while (rows.length < Math.min(MAX_OPTIONS, Math.max(OPTION_ROWS, rows.length + 1)))
    rows.push({ label: '', matchLabel: '', correct: false });
  return rows.map((row, index) => ({ ...row, index, ordinal: index + 1 }));
}

/** The true/false choice of the form: as typed, else as saved. */
function truthOf(body: Record<string, unknown> | undefined, saved: QuestionWithOptions | undefined): string {
  if (body) return typeof body.truth === 'string' ? body.truth : '';
  if (saved?.kind !== QuestionKind.TrueFalse) return '';
  return saved.options[0]?.correct ? 'true' : 'false';
}

export function questionFromForm(dto: QuestionFormDto): QuestionInput {
  const kind = dto.kind ?? QuestionKind.Single;
  if (kind === QuestionKind.TrueFalse)
    return {
      kind,
      prompt: dto.prompt,
      explanation: dto.explanation ?? null,
      options: dto.truth
        ? TRUE_FALSE_LABELS.map((label, i) => ({ label, correct: (i === 0) === (dto.truth === 'true') }))
        : [],
    };
  const correct = new Set(dto.correct ?? []);
  return {
    kind,
    prompt: dto.prompt,
    explanation: dto.explanation ?? null,
    options: (dto.option ?? []).map((label, i) => ({
      label,
      matchLabel: dto.match?.[i] ?? null,
      correct: correct.has(i),
    })),
  };
}
