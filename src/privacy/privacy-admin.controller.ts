import { Body, Controller, Get, Param, ParseIntPipe, Post, Query, Render, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentActor, Roles } from '../common/access/access.decorators';
import { Actor } from '../common/access/actor';
import { Role } from '../common/access/roles';
import { FormView } from '../common/forms/form-view';
import { translate } from '../common/i18n/i18n';
import { AppRequest } from '../common/http/request';
import { isValidCccdFormat, normaliseCccd } from '../common/validation/cccd';
import { isIsoDate } from '../common/validation/validators';
import { AccessLogQuery, AccessLogSearchDto, AnswerRequestDto, RequestListQuery } from './dto/privacy.dto';
import { PrivacyAdminService } from './privacy-admin.service';
import { accessView, requestView } from './privacy.presenters';
import { PrivacyRequestsService } from './requests/privacy-requests.service';

/** Who may look up the CCCD access log of any worker. */
export const ACCESS_LOG_READERS = [Role.FederationAdmin, Role.SystemAdmin];

/** The federation admin's side: open requests with their due dates, anonymisation, the access log. */
@ApiExcludeController()
@Controller('privacy/admin')
export class PrivacyAdminController {
  constructor(
    private readonly requests: PrivacyRequestsService,
    private readonly admin: PrivacyAdminService,
  ) {}

  @Get('requests')
  @Roles(Role.FederationAdmin)
  @Render('privacy/admin-requests')
  async requestsPage(@Req() req: AppRequest) {
    return this.requestsContext(req);
  }

  @Post('requests/:id/anonymise')
  @Roles(Role.FederationAdmin)
  @FormView('privacy/admin-requests', {
    context: PrivacyAdminController.prototype.requestsContext,
    flash: 'privacy.admin.anonymised',
  })
  async anonymise(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number) {
    await this.requests.anonymise(actor, id);
    return { url: '/privacy/admin/requests' };
  }

  @Post('requests/:id/answer')
  @Roles(Role.FederationAdmin)
  @FormView('privacy/admin-requests', {
    context: PrivacyAdminController.prototype.requestsContext,
    flash: 'privacy.admin.answered',
  })
  async answer(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIntPipe) id: number,
    @Body() dto: AnswerRequestDto,
  ) {
    await this.requests.answer(actor, id, dto.done === 'true', dto.outcome);
    return { url: '/privacy/admin/requests' };
  }

  @Get('access-log')
  @Roles(...ACCESS_LOG_READERS)
  @Render('privacy/admin-access-log')
  async accessLog(@Query() query: AccessLogQuery, @Req() req: AppRequest) {
    if (query.workerId === undefined)
      return { title: translate(req.locale, 'privacy.admin.accessLog'), query };
    return this.reportContext(req, query.workerId, query);
  }

  /** By CCCD: posted and rendered at once, so the number never appears in a URL (nor in a redirect). */
  @Post('access-log')
  @Roles(...ACCESS_LOG_READERS)
  async accessLogByCccd(@Body() dto: AccessLogSearchDto, @Req() req: AppRequest, @Res() res: Response) {
    const cccd = normaliseCccd(dto.cccd ?? '');
    const problem = !isValidCccdFormat(cccd)
      ? 'validation.cccd'
      : dto.from && !isIsoDate(dto.from)
        ? 'validation.date'
        : dto.to && !isIsoDate(dto.to)
          ? 'validation.date'
          : null;
    const workerId = problem ? null : await this.admin.workerIdByCccd(cccd);
    res.setHeader('Cache-Control', 'no-store');
    if (workerId === null) {
      const field =
        problem === 'validation.date' ? (dto.from && !isIsoDate(dto.from) ? 'from' : 'to') : 'cccd';
      const message = translate(req.locale, problem ?? 'privacy.admin.noSuchWorker', { field });
      return res.status(400).render('privacy/admin-access-log', {
        ...this.searchContext(req),
        form: {
          values: { from: dto.from, to: dto.to },
          errors: { [field]: message },
          message: translate(req.locale, 'validation.summary'),
          submitted: true,
        },
      });
    }
    res.status(200).render('privacy/admin-access-log', await this.reportContext(req, workerId, dto));
  }

  // --- page contexts ---------------------------------------------------------------------------

  async requestsContext(req: AppRequest) {
    const query = req.query as RequestListQuery;
    const open = query.state !== 'closed';
    // Read from the raw query (this also renders a refused form): ?page=Infinity must not reach SQL.
    const page = await this.requests.page(open, {
      page: Math.min(Math.max(Math.trunc(Number(query.page)) || 1, 1), 100_000),
    });
    return {
      title: translate(req.locale, 'privacy.admin.requests'),
      open,
      pageQuery: open ? null : { state: 'closed' },
      page: { ...page, items: page.items.map((r) => requestView(req.locale, r)) },
    };
  }

  searchContext(req: AppRequest) {
    return { title: translate(req.locale, 'privacy.admin.accessLog'), query: {} };
  }

  private async reportContext(
    req: AppRequest,
    workerId: number,
    range: { from?: string; to?: string; page?: number },
  ) {
    const report = await this.admin.byWorkerId(workerId, range, { page: range.page });
    return {
      title: translate(req.locale, 'privacy.admin.accessLog'),
      query: { workerId, from: range.from, to: range.to },
      report: {
        ...report,
        page: { ...report.page, items: report.page.items.map((a) => accessView(req.locale, a, true)) },
      },
    };
  }
}
