import { Body, Controller, Get, Param, ParseIntPipe, Post, Query, Render, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentActor, Roles } from '../../common/access/access.decorators';
import { Actor } from '../../common/access/actor';
import { Role } from '../../common/access/roles';
import { sendTable } from '../../common/export/table-export';
import { FormError } from '../../common/errors/form-error';
import { FormView } from '../../common/forms/form-view';
import { AppRequest, flash } from '../../common/http/request';
import { translate } from '../../common/i18n/i18n';
import { messageText } from '../applications/criteria/criteria.presenters';
import { ApplicationReviewService } from './application-review.service';
import { AssociationReviewService } from './association-review.service';
import { CitizenCertificatesService } from './citizen-certificates.service';
import {
  BulkDecisionDto,
  CommentDto,
  FunnelPageQuery,
  IdsDto,
  OFFICER_TABS,
  OfficerTab,
  ReasonDto,
  REVIEWER_TABS,
  ReviewerTab,
  ReviewPageQuery,
} from './dto/review.dto';
import { FUNNEL_READERS, FunnelService } from './funnel.service';
import { ReviewAccess } from './review-access.service';
import { BulkResult, OfficerReviewService } from './officer-review.service';
import { funnelColumns, funnelLines, funnelTable, historyLines, statusLabel } from './review.presenters';
import { FUNNEL_STAGES } from './review.rules';
import { thisYearInVietnam } from '../../common/time/vietnam-time';

const PATH = '/citizenship/review';
const REVIEWERS: Role[] = [Role.UnionOfficer, Role.AssociationReviewer];

/**
 * The review chain's pages: the officer's queue and the association's queue (with bulk steps), one
 * application with its answers, evidence, title and trail, the certificate PDF, and the funnel report.
 */
@ApiExcludeController()
@Controller('citizenship')
export class ReviewController {
  constructor(
    private readonly officer: OfficerReviewService,
    private readonly association: AssociationReviewService,
    private readonly applications: ApplicationReviewService,
    private readonly certificates: CitizenCertificatesService,
    private readonly funnel: FunnelService,
    private readonly access: ReviewAccess,
  ) {}

  @Get('review')
  @Roles(...REVIEWERS)
  @Render('citizenship/review/queue')
  queue(@Req() req: AppRequest, @Query() _query: ReviewPageQuery) {
    return this.queueContext(req);
  }

  /** Bulk confirmation by the officer: one transaction per application. */
  @Post('review/confirm')
  @Roles(Role.UnionOfficer)
  @FormView('citizenship/review/queue', { context: ReviewController.prototype.queueContext })
  async confirmMany(@CurrentActor() actor: Actor, @Body() dto: IdsDto, @Req() req: AppRequest) {
    flashBulk(req, 'review.bulk.confirmed', await this.officer.confirmMany(actor, dto.ids));
    return { url: `${PATH}?queue=officer` };
  }

  /** The reviewer's bulk form: recognise, or reject with one reason, the ticked applications. */
  @Post('review/decide')
  @Roles(Role.AssociationReviewer)
  @FormView('citizenship/review/queue', { context: ReviewController.prototype.queueContext })
  async decideMany(@CurrentActor() actor: Actor, @Body() dto: BulkDecisionDto, @Req() req: AppRequest) {
    if (dto.decision === 'reject') {
      if (!dto.reason) throw FormError.field('reason', 'review.validation.reasonRequired');
      flashBulk(req, 'review.bulk.rejected', await this.association.rejectMany(actor, dto.ids, dto.reason));
    } else {
      flashBulk(req, 'review.bulk.recognised', await this.association.recogniseMany(actor, dto.ids));
    }
    return { url: `${PATH}?queue=association` };
  }

  @Get('review/applications/:id')
  @Roles(...REVIEWERS)
  @Render('citizenship/review/application')
  show(@Req() req: AppRequest, @Param('id', ParseIntPipe) _id: number) {
    return this.applicationContext(req);
  }

  @Post('review/applications/:id/answers/:code/confirm')
  @Roles(Role.UnionOfficer)
  @FormView('citizenship/review/application', {
    context: ReviewController.prototype.applicationContext,
    flash: 'review.flash.answerConfirmed',
  })
  async confirmAnswer(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIntPipe) id: number,
    @Param('code') code: string,
  ) {
    await this.officer.confirmAnswer(actor, id, code);
    return { url: `${PATH}/applications/${id}#answers` };
  }

  @Post('review/applications/:id/answers/:code/return')
  @Roles(Role.UnionOfficer)
  @FormView('citizenship/review/application', {
    context: ReviewController.prototype.applicationContext,
    flash: 'review.flash.answerReturned',
  })
  async returnAnswer(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIntPipe) id: number,
    @Param('code') code: string,
    @Body() dto: CommentDto,
  ) {
    await this.officer.returnAnswer(actor, id, code, dto.comment);
    return { url: `${PATH}/applications/${id}#answers` };
  }

  @Post('review/applications/:id/confirm')
  @Roles(Role.UnionOfficer)
  @FormView('citizenship/review/application', {
    context: ReviewController.prototype.applicationContext,
    flash: 'review.flash.confirmed',
  })
  async confirm(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number) {
    await this.officer.confirm(actor, id);
    return { url: `${PATH}?queue=officer` };
  }

  @Post('review/applications/:id/return')
  @Roles(Role.UnionOfficer)
  @FormView('citizenship/review/application', {
    context: ReviewController.prototype.applicationContext,
    flash: 'review.flash.returned',
  })
  async returnToWorker(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIntPipe) id: number,
    @Body() dto: CommentDto,
  ) {
    await this.officer.returnToWorker(actor, id, dto.comment);
    return { url: `${PATH}?queue=officer` };
  }

  @Post('review/applications/:id/recognise')
  @Roles(Role.AssociationReviewer)
  @FormView('citizenship/review/application', { context: ReviewController.prototype.applicationContext })
  async recognise(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIntPipe) id: number,
    @Req() req: AppRequest,
  ) {
    const outcome = await this.association.recognise(actor, id);
    flash(
      req,
      outcome.recognised ? 'success' : 'info',
      outcome.recognised ? 'review.flash.recognised' : 'review.flash.alreadyRecognised',
      {
        no: outcome.recognition.certificateNo ?? '',
      },
    );
    return { url: `${PATH}/applications/${id}` };
  }

  @Post('review/applications/:id/reject')
  @Roles(Role.AssociationReviewer)
  @FormView('citizenship/review/application', {
    context: ReviewController.prototype.applicationContext,
    flash: 'review.flash.rejected',
  })
  async reject(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number, @Body() dto: ReasonDto) {
    await this.association.reject(actor, id, dto.reason);
    return { url: `${PATH}?queue=association` };
  }

  @Post('review/applications/:id/revoke')
  @Roles(Role.AssociationReviewer)
  @FormView('citizenship/review/application', {
    context: ReviewController.prototype.applicationContext,
    flash: 'review.flash.revoked',
  })
  async revoke(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number, @Body() dto: ReasonDto) {
    await this.association.revoke(actor, id, dto.reason);
    return { url: `${PATH}/applications/${id}` };
  }

  /** The funnel for a year, per enterprise or per unit; ?format=xlsx|csv downloads the same table. */
  @Get('report')
  @Roles(...FUNNEL_READERS)
  async report(
    @CurrentActor() actor: Actor,
    @Query() query: FunnelPageQuery,
    @Req() req: AppRequest,
    @Res() res: Response,
  ): Promise<void> {
    const year = query.year ?? thisYearInVietnam();
    const level = query.level ?? 'enterprise';
    const report = await this.funnel.report(actor, year, level);
    if (query.format) {
      return sendTable(res, query.format, req.locale, {
        filename: `cong-dan-hoc-tap-${year}-${level === 'unit' ? 'don-vi' : 'doanh-nghiep'}`,
        sheet: `${year}`,
        columns: funnelColumns(level),
        rows: funnelLines(req.locale, report),
      });
    }
    const current = thisYearInVietnam();
    res.render('citizenship/review/report', {
      title: translate(req.locale, 'nav.citizenshipFunnel'),
      year,
      level,
      table: funnelTable(req.locale, report),
      years: Array.from({ length: current - 2022 + 1 }, (_, i) => current - i),
      stages: FUNNEL_STAGES,
      filters: { year, level },
    });
  }

  /** The signed-in worker's titles, with their certificates. */
  @Get('certificates')
  @Roles(Role.Worker)
  @Render('citizenship/review/certificates')
  async myCertificates(@CurrentActor() actor: Actor, @Req() req: AppRequest) {
    return {
      title: translate(req.locale, 'review.certificates.title'),
      titles: await this.certificates.mine(actor),
    };
  }

  @Get('certificates/:id.pdf')
  @Roles(Role.Worker, ...REVIEWERS)
  async certificate(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIntPipe) id: number,
    @Res() res: Response,
  ): Promise<void> {
    const pdf = await this.certificates.pdf(actor, id);
    res.setHeader('Content-Type', 'application/pdf');
    res.setHeader('Content-Disposition', `inline; filename="${pdf.filename}"`);
    res.setHeader('Cache-Control', 'private, no-store');
    res.send(pdf.content);
  }

  // --- page contexts (also used by @FormView to render a page again with its errors) -----------

  async queueContext(req: AppRequest) {
    const actor = req.user!;
    const query = req.query as Record<string, string | undefined>;
    const asOfficer = actor.has(Role.UnionOfficer);
    const asReviewer = actor.has(Role.AssociationReviewer);
    const queue = (query.queue === 'association' && asReviewer) || !asOfficer ? 'association' : 'officer';
    const year = /^\d{4}$/.test(query.year ?? '') ? Number(query.year) : undefined;
    const page = /^\d+$/.test(query.page ?? '') ? Number(query.page) : undefined;
    const q = query.q || undefined;
    const base = {
      title: translate(req.locale, 'nav.citizenshipReview'),
      asOfficer,
      asReviewer,
      queue,
      year,
      q,
    };
    const current = thisYearInVietnam();
    const years = Array.from({ length: current - 2022 + 1 }, (_, i) => current - i);
    if (queue === 'officer') {
      const tab: OfficerTab = OFFICER_TABS.includes(query.tab as OfficerTab)
        ? (query.tab as OfficerTab)
        : 'submitted';
      const result = await this.officer.queue(actor, { tab, year, page, q });
      return {
        ...base,
        years,
        tab,
        tabs: OFFICER_TABS.map((t) => ({ value: t, current: t === tab })),
        page: result,
        items: result.items.map((item) => ({
          ...item,
          statusLabel: statusLabel(req.locale, item.status),
          reasons: item.reasons.map((reason) => messageText(req.locale, reason)),
        })),
        filters: { queue, tab, year, q },
        bulk: tab === 'submitted' && result.items.length > 0,
      };
    }
    const tab: ReviewerTab = REVIEWER_TABS.includes(query.tab as ReviewerTab)
      ? (query.tab as ReviewerTab)
      : 'eligible';
    const result = await this.association.queue(actor, { tab, year, page, q });
    return {
      ...base,
      endedBranches: await this.access.endedBranches(actor),
      years,
      tab,
      tabs: REVIEWER_TABS.map((t) => ({ value: t, current: t === tab })),
      page: result,
      items: result.items.map((item) => ({
        ...item,
        statusLabel: statusLabel(req.locale, item.status),
        reasons: item.reasons.map((reason) => messageText(req.locale, reason)),
      })),
      filters: { queue, tab, year, q },
      bulk: tab === 'eligible' && result.items.length > 0,
    };
  }

  async applicationContext(req: AppRequest) {
    const detail = await this.applications.detail(req.user!, Number(req.params.id));
    const answerCode = req.method === 'POST' && req.params.code ? req.params.code : null;
    return {
      title: translate(req.locale, 'review.application.title', { name: detail.header.workerName }),
      ...detail,
      // Reasons name domains, kinds and hours by code: written out as the worker's page does.
      evaluation: detail.evaluation && {
        ...detail.evaluation,
        reasons: detail.evaluation.reasons.map((reason) => messageText(req.locale, reason)),
      },
      statusLabel: statusLabel(req.locale, detail.application.status),
      answers: detail.answers.map((a) => ({ ...a, failed: a.criterionCode === answerCode })),
      history: historyLines(req.locale, detail.history),
      pdfUrl: detail.recognition ? this.certificates.pdfPath(detail.recognition.id) : null,
      verifyUrl: detail.recognition ? this.certificates.verifyUrl(detail.recognition.verifyCode) : null,
      path: `${PATH}/applications/${detail.application.id}`,
      // Which form an error belongs to (several forms share a field name).
      failedForm: req.method === 'POST' ? req.path.split('/').pop() : null,
      failedAnswer: answerCode,
    };
  }
}

/** "Done N", then one line per reason applications were skipped for. */
function flashBulk(req: AppRequest, doneKey: string, result: BulkResult): void {
  flash(req, result.done.length > 0 ? 'success' : 'info', doneKey, { count: result.done.length });
  const counts = new Map<string, number>();
  for (const s of result.skipped) counts.set(s.reason, (counts.get(s.reason) ?? 0) + 1);
  for (const [reason, count] of counts) flash(req, 'info', `review.skipped.${reason}`, { count });
}
