import {
  Body,
  Controller,
  Get,
  Inject,
  NotFoundException,
  Param,
  ParseIntPipe,
  Post,
  Query,
  Redirect,
  Render,
  Req,
  Res,
} from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import QRCode from 'qrcode';
import { CurrentActor, Roles } from '../common/access/access.decorators';
import { Actor } from '../common/access/actor';
import { isExportFormat, sendTable } from '../common/export/table-export';
import { FormView } from '../common/forms/form-view';
import { PageQuery, pageWindow } from '../common/http/pagination';
import { AppRequest, flash } from '../common/http/request';
import { translate } from '../common/i18n/i18n';
import { appConfig, AppConfig } from '../config';
import { UnionsService } from '../organisations/unions.service';
import { ACTIVITY_READERS, ACTIVITY_WRITERS } from './activities.access';
import {
  attendanceColumns,
  defaultDomainsOf,
  domainChoices,
  domainNames,
  kindOptions,
  sessionColumns,
} from './activities.presenters';
import { AttendanceService } from './attendance.service';
import { checkinWindow } from './checkin-window';
import { AttendanceDto, CreateSessionDto, SessionDto, SessionPageQuery } from './dto/session.dto';
import { LearningSession } from './entities/learning-session.entity';
import { isSessionKind } from './session-kinds';
import { SessionsService } from './sessions.service';
import { toVietnamInput } from '../common/time/vietnam-time';

const PATH = '/activities';
const PICK_PAGE_SIZE = 50;

/** The union officer's pages for in-person sessions and their attendance; the federation admin reads them. */
@ApiExcludeController()
@Controller('activities')
export class ActivitiesController {
  constructor(
    private readonly sessions: SessionsService,
    private readonly attendance: AttendanceService,
    private readonly unions: UnionsService,
    @Inject(appConfig.KEY) private readonly app: AppConfig,
  ) {}

  /** The list, filtered by kind, year and title; with ?format=xlsx|csv the same list as a file. */
  @Get()
  @Roles(...ACTIVITY_READERS)
  async list(
    @CurrentActor() actor: Actor,
    @Query() query: SessionPageQuery,
    @Req() req: AppRequest,
    @Res() res: Response,
  ): Promise<void> {
    const enterprises = await this.sessions.enterprises(actor);
    const withEnterprise = enterprises.length !== 1;
    const columns = sessionColumns(req.locale, withEnterprise);
    if (query.format) {
      return sendTable(res, query.format, req.locale, {
        filename: 'hoat-dong-hoc-tap',
        sheet: translate(req.locale, 'nav.activities').slice(0, 31),
        columns,
        rows: this.sessions.rows(actor, query),
      });
    }
    const page = await this.sessions.list(actor, query);
    const thisYear = new Date().getUTCFullYear();
    res.render('activities/list', {
      title: translate(req.locale, 'nav.activities'),
      page,
      sessions: page.items.map((s) => ({ ...s, domainNames: domainNames(req.locale, s.domains) })),
      filters: { q: query.q, kind: query.kind, year: query.year },
      kinds: kindOptions(req.locale),
      years: Array.from({ length: thisYear - 2022 + 1 }, (_, i) => thisYear + 1 - i),
      canCreate: enterprises.length > 0,
      withEnterprise,
    });
  }

  @Get('new')
  @Roles(...ACTIVITY_WRITERS)
  @Render('activities/form')
  newPage(@Req() req: AppRequest) {
    return this.formContext(req);
  }

  @Post()
  @Roles(...ACTIVITY_WRITERS)
  @FormView('activities/form', {
    context: ActivitiesController.prototype.formContext,
    flash: 'activities.created',
  })
  async create(@CurrentActor() actor: Actor, @Body() dto: CreateSessionDto) {
    const session = await this.sessions.create(actor, dto);
    return { url: `${PATH}/${session.id}` };
  }

  @Get(':id')
  @Roles(...ACTIVITY_READERS)
  @Render('activities/show')
  show(@Req() req: AppRequest, @Param('id', ParseIntPipe) _id: number) {
    return this.showContext(req);
  }

  @Get(':id/edit')
  @Roles(...ACTIVITY_WRITERS)
  @Render('activities/form')
  editPage(@Req() req: AppRequest, @Param('id', ParseIntPipe) _id: number) {
    return this.formContext(req);
  }

  /** Saves the session; its attendees' learning records follow a new date, hours or domains. */
  @Post(':id')
  @Roles(...ACTIVITY_WRITERS)
  @FormView('activities/form', { context: ActivitiesController.prototype.formContext, flash: 'flash.saved' })
  async update(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number, @Body() dto: SessionDto) {
    await this.sessions.update(actor, id, dto);
    return { url: `${PATH}/${id}` };
  }

  /** The check-in QR code as an SVG image (the address it encodes carries the session's token). */
  @Get(':id/qr.svg')
  @Roles(...ACTIVITY_WRITERS)
  async qr(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number, @Res() res: Response) {
    const session = await this.sessions.getForWrite(actor, id);
    const svg = await QRCode.toString(this.checkinUrl(session), {
      type: 'svg',
      errorCorrectionLevel: 'M',
      margin: 2,
    });
    res.setHeader('Content-Type', 'image/svg+xml; charset=utf-8');
    res.setHeader('Cache-Control', 'private, no-store');
    res.send(svg);
  }

  /** The QR code alone, large, to show on a projector or print at the door. */
  @Get(':id/qr')
  @Roles(...ACTIVITY_WRITERS)
  @Render('activities/qr')
  async qrPage(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number) {
    const session = await this.sessions.getForWrite(actor, id);
    return { title: session.title, session, checkinUrl: this.checkinUrl(session), ...checkinWindow(session) };
  }

  /** A new QR code; the old one stops working (e.g. after its picture was shared outside the room). */
  @Post(':id/checkin-token')
  @Roles(...ACTIVITY_WRITERS)
  @Redirect(undefined, 303)
  async regenerateToken(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIntPipe) id: number,
    @Req() req: AppRequest,
  ) {
    await this.sessions.regenerateToken(actor, id);
    flash(req, 'success', 'activities.qr.regenerated');
    return { url: `${PATH}/${id}#qr` };
  }

  /** The enterprise's workers on the session's day, to tick who came. */
  @Get(':id/attendance/pick')
  @Roles(...ACTIVITY_WRITERS)
  @Render('activities/pick')
  pick(@Req() req: AppRequest, @Param('id', ParseIntPipe) _id: number) {
    return this.pickContext(req);
  }

  @Post(':id/attendance')
  @Roles(...ACTIVITY_WRITERS)
  @FormView('activities/pick', { context: ActivitiesController.prototype.pickContext })
  async addAttendance(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIntPipe) id: number,
    @Body() dto: AttendanceDto,
    @Req() req: AppRequest,
  ) {
    const { added, already } = await this.attendance.add(actor, id, dto.workerIds);
    flash(req, 'success', 'activities.attendance.added', { added, already });
    return { url: `${PATH}/${id}#attendance` };
  }

  @Post(':id/attendance/:workerId/delete')
  @Roles(...ACTIVITY_WRITERS)
  @Redirect(undefined, 303)
  async removeAttendance(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIntPipe) id: number,
    @Param('workerId', ParseIntPipe) workerId: number,
    @Req() req: AppRequest,
  ) {
    await this.attendance.remove(actor, id, workerId);
    flash(req, 'success', 'activities.attendance.removed');
    return { url: `${PATH}/${id}#attendance` };
  }

  @Get(':id/attendance/export/:format')
  @Roles(...ACTIVITY_READERS)
  async exportAttendance(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIntPipe) id: number,
    @Param('format') format: string,
    @Req() req: AppRequest,
    @Res() res: Response,
  ): Promise<void> {
    if (!isExportFormat(format)) throw new NotFoundException();
    await this.sessions.get(actor, id);
    await sendTable(res, format, req.locale, {
      filename: `diem-danh-${id}`,
      sheet: translate(req.locale, 'activities.attendance.title'),
      columns: attendanceColumns(req.locale),
      rows: this.attendance.rows(actor, id),
    });
  }

  // --- page contexts (also used by @FormView to render a form again with its errors) ---------

  async formContext(req: AppRequest) {
    const actor = req.user!;
    const id = req.params.id ? Number(req.params.id) : undefined;
    const session = id ? await this.sessions.getForWrite(actor, id) : undefined;
    const enterprises = session ? [] : await this.sessions.enterprises(actor);
    const posted = req.method === 'POST' ? (req.body as Record<string, unknown>) : undefined;
    const kind = String(posted?.kind ?? session?.kind ?? req.query.kind ?? '');
    const checked = posted
      ? ([] as string[]).concat((posted.domains as string | string[] | undefined) ?? [])
      : session
        ? session.domains.map((d) => d.code)
        : defaultDomainsOf(kind);
    const single = enterprises.length === 1 ? enterprises[0] : null;
    const union = single ? await this.unions.findByEnterprise(single.id) : null;
    return {
      title: translate(req.locale, session ? 'activities.editTitle' : 'activities.newTitle'),
      session,
      action: session ? `${PATH}/${session.id}` : PATH,
      values: session
        ? {
            ...session,
            startsAt: toVietnamInput(session.startsAt),
            endsAt: toVietnamInput(session.endsAt),
          }
        : { kind: isSessionKind(kind) ? kind : undefined, organiser: union?.name },
      kinds: kindOptions(req.locale),
      domains: domainChoices(req.locale, checked),
      enterprises: enterprises.map((e) => ({ value: e.id, label: `${e.name} (${e.taxCode})` })),
      singleEnterprise: session ? null : single,
      chooseEnterprise: !session && enterprises.length > 1,
    };
  }

  async showContext(req: AppRequest) {
    const actor = req.user!;
    const session = await this.sessions.get(actor, Number(req.params.id));
    const canWrite = await this.sessions.canWrite(actor, session);
    const { page, size } = pageWindow({ page: Number(req.query.page) || undefined, size: 50 });
    const attendance = await this.attendance.page(actor, session.id, page, size);
    const window = checkinWindow(session);
    return {
      title: session.title,
      session,
      kindLabel: translate(req.locale, `activities.kind.${session.kind}`),
      domainNames: domainNames(
        req.locale,
        session.domains.map((d) => d.code),
      ),
      canWrite,
      checkinUrl: canWrite ? this.checkinUrl(session) : null,
      opensAt: window.opensAt,
      closesAt: window.closesAt,
      attendance,
      path: `${PATH}/${session.id}`,
    };
  }

  async pickContext(req: AppRequest) {
    const actor = req.user!;
    const id = Number(req.params.id);
    const session = await this.sessions.getForWrite(actor, id);
    const query: PageQuery = {
      q: typeof req.query.q === 'string' ? req.query.q : undefined,
      page: Number(req.query.page) || undefined,
    };
    const { page } = pageWindow(query);
    const roster = await this.attendance.roster(actor, id, query.q, page, PICK_PAGE_SIZE);
    return {
      title: translate(req.locale, 'activities.pick.title'),
      session,
      roster,
      query: { q: query.q },
      path: `${PATH}/${id}/attendance/pick`,
      remaining: roster.items.filter((c) => !c.attended).length,
    };
  }

  private checkinUrl(session: LearningSession): string {
    return `${this.app.publicUrl}/checkin/${session.checkinToken}`;
  }
}
