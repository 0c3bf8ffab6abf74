import { Controller, Get, Inject, Param, ParseIntPipe, Query, Render, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentActor, Roles } from '../common/access/access.decorators';
import { Actor } from '../common/access/actor';
import { Role } from '../common/access/roles';
import { ExportColumn, sendTable } from '../common/export/table-export';
import { translate } from '../common/i18n/i18n';
import { Locale } from '../common/i18n/messages';
import { AppRequest } from '../common/http/request';
import { formatDate } from '../common/views/view-helpers';
import { appConfig, AppConfig } from '../config';
import { ExternalRecordPageQuery } from './dto/external-record.dto';
import { ExternalRecordsService, ExternalRecordView } from './external-records.service';
import { domainList } from './learning-records.presenters';
import { PartnershipsService } from './partnerships.service';

/** The institution editor's view of what their institution reported, and one result's page. */
@ApiExcludeController()
@Controller('external-records')
export class ExternalRecordsController {
  constructor(
    private readonly records: ExternalRecordsService,
    private readonly partnerships: PartnershipsService,
    @Inject(appConfig.KEY) private readonly app: AppConfig,
  ) {}

  @Get()
  @Roles(Role.InstitutionEditor)
  async list(
    @CurrentActor() actor: Actor,
    @Query() query: ExternalRecordPageQuery,
    @Req() req: AppRequest,
    @Res() res: Response,
  ): Promise<void> {
    if (query.format) {
      return sendTable(res, query.format, req.locale, {
        filename: 'ket-qua-hoc-tap-gui-ve',
        sheet: translate(req.locale, 'nav.externalRecords').slice(0, 31),
        columns: externalColumns(req.locale),
        rows: this.records.rows(actor, query.q),
      });
    }
    const page = await this.records.page(actor, query);
    res.render('learning-records/external-records', {
      title: translate(req.locale, 'nav.externalRecords'),
      page: {
        ...page,
        items: page.items.map((r) => ({ ...r, domainNames: domainList(req.locale, r.domains) })),
      },
      query: { q: query.q },
      partners: await this.partnerships.ofInstitutions(this.records.institutionIdsOf(actor)),
      apiUrl: `${this.app.publicUrl}/api/v1/external-records`,
    });
  }

  @Get(':id')
  @Roles(Role.InstitutionEditor, Role.UnionOfficer, Role.FederationAdmin)
  @Render('learning-records/external-record')
  async show(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number, @Req() req: AppRequest) {
    const record = await this.records.detail(actor, id);
    return {
      title: record.title,
      record,
      domainNames: domainList(req.locale, record.domains),
      isEditor: this.records.institutionIdsOf(actor).includes(record.institutionId),
    };
  }
}

export function externalColumns(locale: Locale): ExportColumn<ExternalRecordView>[] {
  return [
    { header: 'external.field.externalId', value: (r) => r.externalId, width: 20 },
    { header: 'workers.field.fullName', value: (r) => r.worker.fullName, width: 28 },
    { header: 'workers.field.cccd', value: (r) => r.worker.cccdMasked, width: 16 },
    { header: 'external.field.title', value: (r) => r.title, width: 40 },
    { header: 'external.field.programme', value: (r) => r.programme ?? '', width: 30 },
    { header: 'external.field.certificateNo', value: (r) => r.certificateNo ?? '', width: 18 },
    { header: 'external.field.completedOn', value: (r) => formatDate(r.completedOn) },
    { header: 'records.field.hours', value: (r) => r.hours },
    { header: 'records.field.domains', value: (r) => domainList(locale, r.domains), width: 30 },
  ];
}
