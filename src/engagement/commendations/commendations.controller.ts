import {
  Body,
  Controller,
  Get,
  Param,
  ParseIntPipe,
  Post,
  Query,
  Render,
  Req,
  Res,
  UseInterceptors,
} from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentActor, Roles, SignedIn } from '../../common/access/access.decorators';
import { Actor } from '../../common/access/actor';
import { Role } from '../../common/access/roles';
import { sendTable } from '../../common/export/table-export';
import { FormView } from '../../common/forms/form-view';
import { AppRequest } from '../../common/http/request';
import { translate } from '../../common/i18n/i18n';
import { FileUploadInterceptor, TempUpload, UploadedTemp } from '../../files/file-upload';
import { FilesService } from '../../files/files.service';
import { COMMENDATION_DECIDERS, NOMINATION_READERS, NOMINATION_WRITERS } from './commendations.access';
import { honourColumns, nominationColumns, statusOptions, thisYear } from './commendations.presenters';
import { CommendationsService, EVIDENCE_KINDS } from './commendations.service';
import {
  DecisionDto,
  HonourRollQuery,
  NominationDto,
  NominationEditDto,
  NominationsQuery,
} from './dto/commendation.dto';
import { CommendationKind, CommendationStatus } from './entities/commendation.entity';

const PATH = '/engagement/commendations';
const ROSTER_CHOICES = 200;

/** Nominations (officers), decisions (the federation) and the honour roll (every signed-in user). */
@ApiExcludeController()
@Controller('engagement')
export class CommendationsController {
  constructor(
    private readonly commendations: CommendationsService,
    private readonly files: FilesService,
  ) {}

  @Get('commendations')
  @Roles(...NOMINATION_READERS)
  async list(
    @CurrentActor() actor: Actor,
    @Query() query: NominationsQuery,
    @Req() req: AppRequest,
    @Res() res: Response,
  ): Promise<void> {
    const year = query.year ?? thisYear();
    const rows = await this.commendations.list(actor, { year, status: query.status });
    if (query.format) {
      return sendTable(res, query.format, req.locale, {
        filename: `de-cu-khen-thuong-${year}`,
        sheet: translate(req.locale, 'commendations.title').slice(0, 31),
        columns: nominationColumns(req.locale),
        rows,
      });
    }
    const canNominate = (await this.commendations.enterprises(actor)).length > 0;
    res.render('engagement/commendations/list', {
      title: translate(req.locale, 'commendations.title'),
      year,
      rows,
      canNominate,
      statuses: statusOptions(req.locale, query.status),
      exportQuery: `year=${year}${query.status ? `&status=${query.status}` : ''}`,
      path: PATH,
    });
  }

  @Get('commendations/new')
  @Roles(...NOMINATION_WRITERS)
  @Render('engagement/commendations/form')
  newPage(@Req() req: AppRequest) {
    return this.formContext(req);
  }

  /** Multipart (the evidence comes with the form): the upload interceptor checks the `_csrf` field first. */
  @Post('commendations')
  @Roles(...NOMINATION_WRITERS)
  @UseInterceptors(FileUploadInterceptor({ field: 'file', kinds: EVIDENCE_KINDS }))
  @FormView('engagement/commendations/form', {
    context: CommendationsController.prototype.formContext,
    flash: 'commendations.created',
  })
  async create(
    @CurrentActor() actor: Actor,
    @Body() dto: NominationDto,
    @UploadedTemp() upload: TempUpload | undefined,
  ) {
    const created = await this.commendations.nominate(actor, dto, upload);
    return { url: `${PATH}/${created.id}` };
  }

  @Get('commendations/:id')
  @Roles(...NOMINATION_READERS)
  @Render('engagement/commendations/show')
  show(@Req() req: AppRequest, @Param('id', ParseIntPipe) _id: number) {
    return this.showContext(req);
  }

  /** The create form again, with the nomination's values; only while it is pending. */
  @Get('commendations/:id/edit')
  @Roles(...NOMINATION_WRITERS)
  @Render('engagement/commendations/form')
  editPage(@Req() req: AppRequest, @Param('id', ParseIntPipe) _id: number) {
    return this.editContext(req);
  }

  /** Multipart, as the create form: an evidence file may come with the changes. */
  @Post('commendations/:id')
  @Roles(...NOMINATION_WRITERS)
  @UseInterceptors(FileUploadInterceptor({ field: 'file', kinds: EVIDENCE_KINDS }))
  @FormView('engagement/commendations/form', {
    context: CommendationsController.prototype.editContext,
    flash: 'commendations.edited',
  })
  async edit(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIntPipe) id: number,
    @Body() dto: NominationEditDto,
    @UploadedTemp() upload: TempUpload | undefined,
  ) {
    await this.commendations.edit(actor, id, dto, { whole: true, upload });
    return { url: `${PATH}/${id}` };
  }

  @Post('commendations/:id/files/:fileId/delete')
  @Roles(...NOMINATION_WRITERS)
  @FormView('engagement/commendations/form', {
    context: CommendationsController.prototype.editContext,
    flash: 'commendations.fileRemoved',
  })
  async removeFile(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIntPipe) id: number,
    @Param('fileId', ParseIntPipe) fileId: number,
  ) {
    await this.commendations.removeEvidence(actor, id, fileId);
    return { url: `${PATH}/${id}/edit` };
  }

  @Post('commendations/:id/files')
  @Roles(...NOMINATION_WRITERS)
  @UseInterceptors(FileUploadInterceptor({ field: 'file', kinds: EVIDENCE_KINDS }))
  @FormView('engagement/commendations/show', {
    context: CommendationsController.prototype.showContext,
    flash: 'commendations.fileAdded',
  })
  async addFile(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIntPipe) id: number,
    @UploadedTemp() upload: TempUpload | undefined,
  ) {
    await this.commendations.addEvidence(actor, id, upload);
    return { url: `${PATH}/${id}` };
  }

  @Get('commendations/:id/files/:fileId')
  @Roles(...NOMINATION_READERS)
  async file(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIntPipe) id: number,
    @Param('fileId', ParseIntPipe) fileId: number,
    @Res() res: Response,
  ): Promise<void> {
    await this.files.send(res, await this.commendations.evidence(actor, id, fileId));
  }

  @Post('commendations/:id/decision')
  @Roles(...COMMENDATION_DECIDERS)
  @FormView('engagement/commendations/show', {
    context: CommendationsController.prototype.showContext,
    flash: 'commendations.decided',
  })
  async decide(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIntPipe) id: number,
    @Body() dto: DecisionDto,
  ) {
    await this.commendations.decide(actor, id, dto);
    return { url: `${PATH}/${id}` };
  }

  /** Approved commendations of a year, in the province or a commune; names, enterprise, achievement only. */
  @Get('honour-roll')
  @SignedIn()
  async honourRoll(
    @Query() query: HonourRollQuery,
    @Req() req: AppRequest,
    @Res() res: Response,
  ): Promise<void> {
    const year = query.year ?? thisYear();
    const rows = await this.commendations.honourRoll(year, query.unitId ?? null);
    const columns = honourColumns(req.locale);
    if (query.format) {
      return sendTable(res, query.format, req.locale, {
        filename: `bang-vinh-danh-${year}`,
        sheet: translate(req.locale, 'commendations.honourRoll').slice(0, 31),
        columns,
        rows,
      });
    }
    const units = await this.commendations.honourRollUnits(year);
    res.render('engagement/commendations/honour-roll', {
      title: translate(req.locale, 'commendations.honourRoll'),
      year,
      unitId: query.unitId,
      units: units.map((u) => ({ value: u.id, label: u.name, selected: u.id === query.unitId })),
      columns: columns.map((c) => c.header),
      // An empty cell is '' (Handlebars would print the row for a null).
      rows: rows.map((r) => columns.map((c) => c.value(r) ?? '')),
      exportQuery: `year=${year}${query.unitId ? `&unitId=${query.unitId}` : ''}`,
    });
  }

  // --- page contexts (also used by @FormView to render a form again with its errors) ---------

  async formContext(req: AppRequest) {
    const actor = req.user!;
    const q = typeof req.query.q === 'string' ? req.query.q.slice(0, 200) : undefined;
    const enterprises = await this.commendations.enterprises(actor);
    const body = (req.method === 'POST' ? (req.body ?? {}) : {}) as Record<string, unknown>;
    const chosen =
      enterprises.find((e) => e.id === Number(body.enterpriseId ?? req.query.enterpriseId)) ??
      enterprises[0] ??
      null;
    const roster = chosen ? await this.commendations.roster(chosen.id, q, ROSTER_CHOICES) : [];
    return {
      title: translate(req.locale, 'commendations.newTitle'),
      query: { q },
      enterprise: chosen,
      enterpriseOptions:
        enterprises.length > 1 ? enterprises.map((e) => ({ value: e.id, label: e.name })) : null,
      workers: roster.map((w) => ({
        value: w.workerId,
        label: w.employeeCode ? `${w.fullName} (${w.employeeCode})` : w.fullName,
      })),
      kinds: Object.values(CommendationKind).map((k) => ({
        value: k,
        label: translate(req.locale, `commendations.kind.${k}`),
      })),
      values: { year: thisYear(), kind: CommendationKind.Worker },
      accept: '.pdf,.docx,.png,.jpg,.jpeg,.webp',
      action: PATH,
    };
  }

  /** The create form as an edit form: the year, kind, worker and enterprise stay as they were. */
  async editContext(req: AppRequest) {
    const actor = req.user!;
    const id = Number(req.params.id);
    await this.commendations.editable(actor, id);
    const { nomination, files } = await this.commendations.detail(actor, id);
    return {
      title: translate(req.locale, 'commendations.editTitle', { name: nomination.honoureeName }),
      editing: true,
      nomination,
      isChild: nomination.kind === CommendationKind.Child,
      values: nomination,
      files: files.map((f) => ({ id: f.id, name: f.originalName, kind: f.kind })),
      accept: '.pdf,.docx,.png,.jpg,.jpeg,.webp',
      action: `${PATH}/${id}`,
      path: `${PATH}/${id}`,
    };
  }

  async showContext(req: AppRequest) {
    const actor = req.user!;
    const id = Number(req.params.id);
    const { nomination, files } = await this.commendations.detail(actor, id);
    const pending = nomination.status === CommendationStatus.Pending;
    return {
      title: translate(req.locale, 'commendations.showTitle', { name: nomination.honoureeName }),
      nomination,
      isChild: nomination.kind === CommendationKind.Child,
      files: files.map((f) => ({ id: f.id, name: f.originalName, kind: f.kind })),
      canDecide: pending && actor.has(Role.FederationAdmin),
      canEdit:
        pending &&
        (await this.commendations.enterprises(actor)).some((e) => e.id === nomination.enterpriseId),
      pending,
      approved: nomination.status === CommendationStatus.Approved,
      accept: '.pdf,.docx,.png,.jpg,.jpeg,.webp',
      path: `${PATH}/${id}`,
    };
  }
}
