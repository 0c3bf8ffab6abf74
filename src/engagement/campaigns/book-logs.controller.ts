import { Body, Controller, Get, Param, ParseIntPipe, Post, Query, Render, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentActor, Roles } from '../../common/access/access.decorators';
import { Actor } from '../../common/access/actor';
import { Role } from '../../common/access/roles';
import { sendTable } from '../../common/export/table-export';
import { FormView } from '../../common/forms/form-view';
import { pageOf } from '../../common/http/pagination';
import { AppRequest, flash } from '../../common/http/request';
import { translate } from '../../common/i18n/i18n';
import { todayInVietnam } from '../../common/time/vietnam-time';
import { BOOK_LOG_DECIDERS } from './campaigns.access';
import { bookLogColumns } from './campaigns.presenters';
import { BookLogsService } from './book-logs.service';
import { CampaignsService } from './campaigns.service';
import {
  BookLogDto,
  BookLogQuery,
  ConfirmBookLogDto,
  DEFAULT_BOOK_HOURS,
  RejectBookLogDto,
} from './dto/book-log.dto';
import { BOOK_LOG_STATUSES } from './entities/book-log.entity';

const PATH = '/books';

/** The worker's books (log one, see their status) and the union officer's review of them. */
@ApiExcludeController()
@Controller('books')
export class BookLogsController {
  constructor(
    private readonly bookLogs: BookLogsService,
    private readonly campaigns: CampaignsService,
  ) {}

  @Get()
  @Roles(Role.Worker)
  @Render('engagement/campaigns/books')
  async mine(@CurrentActor() actor: Actor, @Req() req: AppRequest) {
    return { title: translate(req.locale, 'nav.books'), logs: await this.bookLogs.mine(actor) };
  }

  @Get('new')
  @Roles(Role.Worker)
  @Render('engagement/campaigns/book-form')
  newPage(@Req() req: AppRequest) {
    return this.formContext(req);
  }

  @Post()
  @Roles(Role.Worker)
  @FormView('engagement/campaigns/book-form', { context: BookLogsController.prototype.formContext })
  async log(@CurrentActor() actor: Actor, @Body() dto: BookLogDto, @Req() req: AppRequest) {
    await this.bookLogs.log(actor, dto);
    flash(req, 'success', 'campaigns.book.logged');
    return { url: PATH };
  }

  /** The officer's list, waiting ones first; ?format=xlsx|csv sends the same rows. */
  @Get('review')
  @Roles(...BOOK_LOG_DECIDERS)
  async review(
    @CurrentActor() actor: Actor,
    @Query() query: BookLogQuery,
    @Req() req: AppRequest,
    @Res() res: Response,
  ): Promise<void> {
    const columns = bookLogColumns(req.locale);
    if (query.format) {
      return sendTable(res, query.format, req.locale, {
        filename: 'sach-da-doc',
        sheet: translate(req.locale, 'nav.books').slice(0, 31),
        columns,
        rows: this.bookLogs.export(actor, query),
      });
    }
    const page = await this.bookLogs.list(actor, query);
    res.render('engagement/campaigns/review', {
      title: translate(req.locale, 'nav.bookReview'),
      headers: columns.map((c) => c.header),
      rows: pageOf(
        page.items.map((r) => ({ id: r.id, cells: columns.map((c) => c.value(r)) })),
        page.total,
        page.page,
        page.size,
      ),
      statuses: BOOK_LOG_STATUSES.map((s) => ({
        value: s,
        label: translate(req.locale, `campaigns.book.status.${s}`),
        selected: s === query.status,
      })),
      query: { status: query.status },
      exportQuery: query.status ? `&status=${query.status}` : '',
    });
  }

  @Get('review/:id')
  @Roles(...BOOK_LOG_DECIDERS)
  @Render('engagement/campaigns/decide')
  decidePage(@Req() req: AppRequest, @Param('id', ParseIntPipe) _id: number) {
    return this.decideContext(req);
  }

  @Post('review/:id/confirm')
  @Roles(...BOOK_LOG_DECIDERS)
  @FormView('engagement/campaigns/decide', { context: BookLogsController.prototype.decideContext })
  async confirm(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIntPipe) id: number,
    @Body() dto: ConfirmBookLogDto,
    @Req() req: AppRequest,
  ) {
    await this.bookLogs.confirm(actor, id, dto);
    flash(req, 'success', 'campaigns.book.confirmed');
    return { url: `${PATH}/review` };
  }

  @Post('review/:id/reject')
  @Roles(...BOOK_LOG_DECIDERS)
  @FormView('engagement/campaigns/decide', { context: BookLogsController.prototype.decideContext })
  async reject(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIntPipe) id: number,
    @Body() dto: RejectBookLogDto,
    @Req() req: AppRequest,
  ) {
    await this.bookLogs.reject(actor, id, dto);
    flash(req, 'success', 'campaigns.book.rejected');
    return { url: `${PATH}/review` };
  }

  // --- page contexts ----------------------------------------------------------------------------

  async formContext(req: AppRequest) {
    const actor = req.user!;
    const today = todayInVietnam();
    const campaigns = await this.campaigns.readingFor(actor, today);
    const wanted = Number(req.query.campaign) || null;
    return {
      title: translate(req.locale, 'campaigns.book.new'),
      today,
      values: { readOn: today, campaignId: wanted },
      campaigns: campaigns.map((c) => ({ value: c.id, label: c.title })),
    };
  }

  async decideContext(req: AppRequest) {
    const log = await this.bookLogs.get(req.user!, Number(req.params.id));
    return {
      title: log.title,
      log,
      pending: log.status === 'PENDING',
      values: { hours: DEFAULT_BOOK_HOURS },
    };
  }
}
