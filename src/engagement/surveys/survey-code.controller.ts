import { Body, Controller, Get, Post, Render, Req } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '../../common/access/access.decorators';
import { FormError } from '../../common/errors/form-error';
import { FormView } from '../../common/forms/form-view';
import { AppRequest } from '../../common/http/request';
import { translate } from '../../common/i18n/i18n';
import { SurveyCodeDto } from './dto/survey.dto';
import { answersFromForm, refuseFields, strayFields } from './survey-answers';
import { SurveyAnsweringService } from './survey-answering.service';
import { answerFormView } from './surveys.presenters';

declare module 'express-session' {
  interface SessionData {
    /** The code a worker without an account typed, until they send their answers. */
    surveyCode?: string;
  }
}

const PATH = '/survey-code';

/**
 * Answering without an account: the worker types the single-use code their officer gave them,
 * answers, and the code is spent. The code stays in the session between the two steps (never in
 * an address). Wrong codes are counted per address (SurveyAnsweringService).
 */
@ApiExcludeController()
@Controller('survey-code')
export class SurveyCodeController {
  constructor(private readonly answering: SurveyAnsweringService) {}

  @Get()
  @Public()
  @Render('engagement/surveys/code')
  page(@Req() req: AppRequest) {
    return this.codeContext(req);
  }

  @Post()
  @Public()
  @FormView('engagement/surveys/code', { context: SurveyCodeController.prototype.codeContext })
  async enter(@Body() dto: SurveyCodeDto, @Req() req: AppRequest) {
    await this.answering.formForCode(dto.code, req.ip ?? 'unknown');
    if (req.session) req.session.surveyCode = dto.code;
    return { url: `${PATH}/answer` };
  }

  @Get('answer')
  @Public()
  @Render('engagement/surveys/answer')
  answerPage(@Req() req: AppRequest) {
    return this.answerContext(req);
  }

  /** The answers, as q_<question id> fields; any other field is refused before the code is looked at. */
  @Post('answer')
  @Public()
  @FormView('engagement/surveys/answer', { context: SurveyCodeController.prototype.answerContext })
  async answer(@Body() body: Record<string, unknown>, @Req() req: AppRequest) {
    refuseFields(strayFields(body));
    const code = req.session?.surveyCode;
    if (!code) throw FormError.field('code', 'surveys.error.codeFirst');
    const form = await this.answering.formForCode(code, req.ip ?? 'unknown');
    const { raw, unknown } = answersFromForm(body, form.questions);
    refuseFields(unknown);
    await this.answering.answerWithCode(code, raw, req.ip ?? 'unknown');
    if (req.session) delete req.session.surveyCode;
    return { url: `${PATH}/thanks` };
  }

  @Get('thanks')
  @Public()
  @Render('engagement/surveys/thanks')
  thanks(@Req() req: AppRequest) {
    return { title: translate(req.locale, 'surveys.thanks') };
  }

  codeContext(req: AppRequest) {
    return Promise.resolve({ title: translate(req.locale, 'surveys.code.title') });
  }

  async answerContext(req: AppRequest) {
    const code = req.session?.surveyCode;
    if (!code) return { title: translate(req.locale, 'surveys.code.title'), needCode: true };
    try {
      const form = await this.answering.formForCode(code, req.ip ?? 'unknown');
      const body = req.method === 'POST' ? ((req.body ?? {}) as Record<string, unknown>) : {};
      return {
        title: form.survey.title,
        ...answerFormView(form, body),
        action: `${PATH}/answer`,
        byCode: true,
      };
    } catch (error) {
      if (!(error instanceof FormError)) throw error;
      return { title: translate(req.locale, 'surveys.code.title'), needCode: true };
    }
  }
}
