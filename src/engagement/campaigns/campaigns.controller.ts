import { Body, Controller, Get, Param, ParseIntPipe, Post, Query, Render, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentActor, Roles } from '../../common/access/access.decorators';
import { Actor } from '../../common/access/actor';
import { sendTable } from '../../common/export/table-export';
import { FormView } from '../../common/forms/form-view';
import { AppRequest, flash } from '../../common/http/request';
import { translate } from '../../common/i18n/i18n';
import { thisYearInVietnam } from '../../common/time/vietnam-time';
import { CAMPAIGN_READERS, CAMPAIGN_WRITERS, PARTICIPATION_READERS } from './campaigns.access';
import { communeColumns, enterpriseColumns } from './campaigns.presenters';
import { CampaignsService, CampaignView } from './campaigns.service';
import { CampaignDto, CampaignListQuery, ParticipationQuery } from './dto/campaign.dto';
import { CampaignItemKind } from './entities/campaign-item.entity';

const PATH = '/campaigns';

/** Campaign pages: the list, a campaign (with the worker's own part), the federation's form, participation. */
@ApiExcludeController()
@Controller('campaigns')
export class CampaignsController {
  constructor(private readonly campaigns: CampaignsService) {}

  @Get()
  @Roles(...CAMPAIGN_READERS)
  @Render('engagement/campaigns/list')
  async list(@CurrentActor() actor: Actor, @Query() query: CampaignListQuery, @Req() req: AppRequest) {
    const year = query.year ?? thisYearInVietnam();
    const page = await this.campaigns.list(actor, { ...query, year });
    const thisYear = thisYearInVietnam();
    return {
      title: translate(req.locale, 'nav.campaigns'),
      page,
      year,
      years: [thisYear + 1, thisYear, thisYear - 1, thisYear - 2].map((y) => ({
        value: y,
        selected: y === year,
      })),
      canCreate: this.campaigns.canWrite(actor),
      query: { year },
    };
  }

  @Get('new')
  @Roles(...CAMPAIGN_WRITERS)
  @Render('engagement/campaigns/form')
  newPage(@Req() req: AppRequest) {
    return this.formContext(req);
  }

  @Post()
  @Roles(...CAMPAIGN_WRITERS)
  @FormView('engagement/campaigns/form', { context: CampaignsController.prototype.formContext })
  async create(@CurrentActor() actor: Actor, @Body() dto: CampaignDto, @Req() req: AppRequest) {
    const campaign = await this.campaigns.create(actor, dto);
    flash(req, 'success', 'campaigns.created');
    return { url: `${PATH}/${campaign.id}` };
  }

  @Get(':id')
  @Roles(...CAMPAIGN_READERS)
  @Render('engagement/campaigns/show')
  async show(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number) {
    const campaign = await this.campaigns.detail(actor, id);
    const own = await this.campaigns.ownParticipation(actor, id);
    return {
      title: campaign.title,
      campaign,
      courses: campaign.items.filter((i) => i.kind === CampaignItemKind.Course),
      materials: campaign.items.filter((i) => i.kind === CampaignItemKind.Material),
      sessions: campaign.items.filter((i) => i.kind === CampaignItemKind.Session),
      own,
      ownEmpty: own !== null && own.records.length === 0 && own.bookLogs.length === 0,
      canLogBook: campaign.reading && actor.workerId !== null,
      canSeeParticipation: actor.has(...PARTICIPATION_READERS),
      canEdit: this.campaigns.canWrite(actor),
    };
  }

  @Get(':id/edit')
  @Roles(...CAMPAIGN_WRITERS)
  @Render('engagement/campaigns/form')
  editPage(@Req() req: AppRequest, @Param('id', ParseIntPipe) _id: number) {
    return this.formContext(req);
  }

  @Post(':id')
  @Roles(...CAMPAIGN_WRITERS)
  @FormView('engagement/campaigns/form', { context: CampaignsController.prototype.formContext })
  async update(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIntPipe) id: number,
    @Body() dto: CampaignDto,
    @Req() req: AppRequest,
  ) {
    await this.campaigns.update(actor, id, dto);
    flash(req, 'success', 'campaigns.updated');
    return { url: `${PATH}/${id}` };
  }

  /** Participation by enterprise and commune; ?format=xlsx|csv (&table=communes) sends the same rows as a file. */
  @Get(':id/participation')
  @Roles(...PARTICIPATION_READERS)
  async participation(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIntPipe) id: number,
    @Query() query: ParticipationQuery,
    @Req() req: AppRequest,
    @Res() res: Response,
  ): Promise<void> {
    const result = await this.campaigns.participation(actor, id);
    if (query.format) {
      if (query.table === 'communes')
        return sendTable(res, query.format, req.locale, {
          filename: `chien-dich-${id}-theo-xa`,
          sheet: translate(req.locale, 'campaigns.participation.byCommune').slice(0, 31),
          columns: communeColumns,
          rows: result.communes,
        });
      return sendTable(res, query.format, req.locale, {
        filename: `chien-dich-${id}-theo-doanh-nghiep`,
        sheet: translate(req.locale, 'campaigns.participation.byEnterprise').slice(0, 31),
        columns: enterpriseColumns,
        rows: result.enterprises,
      });
    }
    res.render('engagement/campaigns/participation', {
      title: `${translate(req.locale, 'campaigns.participation')}: ${result.campaign.title}`,
      result,
      enterpriseHeaders: enterpriseColumns.map((c) => c.header),
      enterpriseRows: result.enterprises.map((r) => enterpriseColumns.map((c) => c.value(r))),
      communeHeaders: communeColumns.map((c) => c.header),
      communeRows: result.communes.map((r) => communeColumns.map((c) => c.value(r))),
      path: `${PATH}/${id}/participation`,
    });
  }

  // --- page contexts (also used by @FormView to render a form again with its errors) ---------

  async formContext(req: AppRequest) {
    const actor = req.user!;
    const id = req.params.id ? Number(req.params.id) : null;
    const existing: CampaignView | null = id ? await this.campaigns.detail(actor, id) : null;
    const [units, links] = await Promise.all([
      this.campaigns.unitChoices(),
      this.campaigns.linkChoices(actor),
    ]);
    const posted = req.method === 'POST' ? ((req.body ?? {}) as Record<string, unknown>) : null;
    const chosen = (field: string, kind: CampaignItemKind | null): Set<number> => {
      if (posted) {
        const v = posted[field];
        return new Set((Array.isArray(v) ? v : v === undefined ? [] : [v]).map(Number));
      }
      if (!existing) return new Set();
      return new Set(
        kind === null
          ? existing.units.map((u) => u.id)
          : existing.items.filter((i) => i.kind === kind).map((i) => i.itemId),
      );
    };
    const options = (
      list: { id: number; title?: string; name?: string }[],
      field: string,
      kind: CampaignItemKind | null,
    ) => {
      const picked = chosen(field, kind);
      return list.map((o) => ({ value: o.id, label: o.title ?? o.name ?? '', checked: picked.has(o.id) }));
    };
    return {
      title: translate(req.locale, existing ? 'campaigns.edit' : 'campaigns.new'),
      action: existing ? `${PATH}/${existing.id}` : PATH,
      back: existing ? `${PATH}/${existing.id}` : PATH,
      values: existing ?? {},
      units: options(units, 'unitIds', null),
      courses: options(links.courses, 'courseIds', CampaignItemKind.Course),
      materials: options(links.materials, 'materialIds', CampaignItemKind.Material),
      sessions: options(links.sessions, 'sessionIds', CampaignItemKind.Session),
    };
  }
}
