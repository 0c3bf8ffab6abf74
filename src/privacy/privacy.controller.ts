import { Body, Controller, Get, Post, Query, Render, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentActor, Public, SignedIn } from '../common/access/access.decorators';
import { Actor } from '../common/access/actor';
import { FormError } from '../common/errors/form-error';
import { FormView } from '../common/forms/form-view';
import { translate } from '../common/i18n/i18n';
import { PageQuery } from '../common/http/pagination';
import { AppRequest, safeReturnPath } from '../common/http/request';
import { PiiAccessLog } from '../pii-access/pii-access-log.service';
import { ConsentService } from './consent/consent.service';
import { AcceptConsentDto, CorrectionRequestDto, DeletionRequestDto } from './dto/privacy.dto';
import { noticeText } from './privacy-notice';
import { PersonalDataService } from './personal-data/personal-data.service';
import { WorkersService } from '../workers/workers.service';
import { accessView, requestView } from './privacy.presenters';
import { PrivacyRequestsService } from './requests/privacy-requests.service';

/** A person's own privacy pages: the notice and consent, their data, who saw their CCCD, requests. */
@ApiExcludeController()
@Controller('privacy')
export class PrivacyController {
  constructor(
    private readonly consents: ConsentService,
    private readonly personalData: PersonalDataService,
    private readonly workers: WorkersService,
    private readonly requests: PrivacyRequestsService,
    private readonly accessLog: PiiAccessLog,
  ) {}

  @Get('notice')
  @Public()
  @Render('privacy/notice')
  noticePage(@Req() req: AppRequest) {
    const text = noticeText(this.consents.notice, req.locale);
    return { title: text.title, text, notice: this.consents.notice };
  }

  @Get('consent')
  @SignedIn()
  @Render('privacy/consent')
  consentPage(@Req() req: AppRequest) {
    return this.consentContext(req);
  }

  @Post('consent')
  @SignedIn()
  @FormView('privacy/consent', {
    context: PrivacyController.prototype.consentContext,
    flash: 'privacy.consent.thanks',
  })
  async accept(@CurrentActor() actor: Actor, @Body() dto: AcceptConsentDto, @Req() req: AppRequest) {
    if (dto.version !== this.consents.currentVersion)
      throw FormError.field('version', 'privacy.consent.newVersion');
    if (!dto.agree) throw FormError.field('agree', 'privacy.consent.mustAgree');
    await this.consents.accept(actor.userId, dto.version);
    const next = safeReturnPath(req.session?.returnTo);
    if (req.session) delete req.session.returnTo;
    return { url: next };
  }

  @Get()
  @SignedIn()
  @Render('privacy/index')
  overview(@Req() req: AppRequest) {
    return this.overviewContext(req);
  }

  @Get('views')
  @SignedIn()
  @Render('privacy/views')
  async views(@CurrentActor() actor: Actor, @Query() query: PageQuery, @Req() req: AppRequest) {
    const workerId = await this.workerIdOf(actor);
    const page = workerId === null ? null : await this.accessLog.page({ workerId }, query);
    return {
      title: translate(req.locale, 'privacy.views.title'),
      page: page && { ...page, items: page.items.map((a) => accessView(req.locale, a, false)) },
    };
  }

  @Get('export/json')
  @SignedIn()
  async exportJson(@CurrentActor() actor: Actor, @Res() res: Response): Promise<void> {
    const doc = await this.personalData.export(actor);
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Content-Disposition', 'attachment; filename="du-lieu-ca-nhan.json"');
    res.type('application/json').send(JSON.stringify(doc, null, 2));
  }

  @Get('export/xlsx')
  @SignedIn()
  async exportXlsx(
    @CurrentActor() actor: Actor,
    @Req() req: AppRequest,
    @Res() res: Response,
  ): Promise<void> {
    const book = await this.personalData.workbook(actor, req.locale);
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Content-Disposition', 'attachment; filename="du-lieu-ca-nhan.xlsx"');
    res.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    await book.xlsx.write(res);
    res.end();
  }

  @Post('requests/deletion')
  @SignedIn()
  @FormView('privacy/index', {
    context: PrivacyController.prototype.overviewContext,
    flash: 'privacy.request.deletionFiled',
  })
  async requestDeletion(@CurrentActor() actor: Actor, @Body() dto: DeletionRequestDto) {
    await this.requests.requestDeletion(actor, dto.reason);
    return { url: '/privacy#requests' };
  }

  @Post('requests/correction')
  @SignedIn()
  @FormView('privacy/index', {
    context: PrivacyController.prototype.overviewContext,
    flash: 'privacy.request.correctionFiled',
  })
  async requestCorrection(@CurrentActor() actor: Actor, @Body() dto: CorrectionRequestDto) {
    await this.requests.requestCorrection(actor, dto.details);
    return { url: '/privacy#requests' };
  }

  // --- page contexts ---------------------------------------------------------------------------

  async consentContext(req: AppRequest) {
    const text = noticeText(this.consents.notice, req.locale);
    const accepted = req.user
      ? (await this.consents.history(req.user.userId)).find(
          (c) => c.noticeVersion === this.consents.currentVersion,
        )
      : undefined;
    return {
      title: text.title,
      text,
      notice: this.consents.notice,
      acceptedAt: accepted?.acceptedAt ?? null,
    };
  }

  async overviewContext(req: AppRequest) {
    const actor = req.user!;
    const workerId = await this.workerIdOf(actor);
    const [consents, requests, recent] = await Promise.all([
      this.consents.history(actor.userId),
      this.requests.mine(actor),
      workerId === null ? null : this.accessLog.page({ workerId }, { size: 5 }),
    ]);
    return {
      title: translate(req.locale, 'privacy.title'),
      isWorker: workerId !== null,
      currentVersion: this.consents.currentVersion,
      consents,
      requests: requests.map((r) => requestView(req.locale, r)),
      openDeletion: requests.some((r) => r.kind === 'DELETION' && r.status === 'OPEN'),
      recent: recent && { ...recent, items: recent.items.map((a) => accessView(req.locale, a, false)) },
    };
  }

  private async workerIdOf(actor: Actor): Promise<number | null> {
    return actor.workerId ?? (await this.workers.idOfUser(actor.userId));
  }
}
