import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles } from '../../common/access/access.decorators';
import { Actor } from '../../common/access/actor';
import { Role } from '../../common/access/roles';
import { ApiPageQuery } from '../../organisations/dto/list-query.dto';
import {
  BOOK_LOG_DECIDERS,
  CAMPAIGN_READERS,
  CAMPAIGN_WRITERS,
  PARTICIPATION_READERS,
} from './campaigns.access';
import { BookLogsService } from './book-logs.service';
import { CampaignsService } from './campaigns.service';
import { BookLogDto, BookLogQuery, ConfirmBookLogDto, RejectBookLogDto } from './dto/book-log.dto';
import { CampaignDto, CampaignListQuery } from './dto/campaign.dto';
import { BookLog } from './entities/book-log.entity';

/** Campaigns for integrations: the same services and scope as the pages. */
@ApiTags('campaigns')
@ApiBearerAuth()
@Controller('api/v1/campaigns')
export class CampaignsApiController {
  constructor(private readonly campaigns: CampaignsService) {}

  @Get()
  @Roles(...CAMPAIGN_READERS)
  @ApiPageQuery()
  @ApiOperation({ summary: 'Campaigns overlapping a year (default this year) that the caller may see' })
  list(@CurrentActor() actor: Actor, @Query() query: CampaignListQuery) {
    return this.campaigns.list(actor, query);
  }

  @Post()
  @Roles(...CAMPAIGN_WRITERS)
  @ApiOperation({
    summary: 'Create a campaign: period, theme, target units, linked courses, materials, sessions',
  })
  @ApiCreatedResponse({ description: 'The campaign as GET /api/v1/campaigns/{id} shows it' })
  async create(@CurrentActor() actor: Actor, @Body() dto: CampaignDto) {
    const campaign = await this.campaigns.create(actor, dto);
    return this.campaigns.detail(actor, campaign.id);
  }

  @Get(':id')
  @Roles(...CAMPAIGN_READERS)
  @ApiOkResponse({
    description: 'One campaign with its target units and linked items; 404 outside the caller’s scope',
  })
  get(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number) {
    return this.campaigns.detail(actor, id);
  }

  @Put(':id')
  @Roles(...CAMPAIGN_WRITERS)
  @ApiOkResponse({ description: 'The campaign after the change (links are replaced)' })
  async update(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIntPipe) id: number,
    @Body() dto: CampaignDto,
  ) {
    await this.campaigns.update(actor, id, dto);
    return this.campaigns.detail(actor, id);
  }

  @Get(':id/participation')
  @Roles(...PARTICIPATION_READERS)
  @ApiOperation({
    summary:
      'Workers with a learning record of the campaign’s items (and confirmed books, for a reading campaign) ' +
      'within its period, by enterprise and commune, inside the caller’s scope (the page’s numbers)',
  })
  participation(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number) {
    return this.campaigns.participation(actor, id);
  }
}

/** Book logs: the worker's own, and their union officer's decisions. */
@ApiTags('campaigns')
@ApiBearerAuth()
@Controller('api/v1/book-logs')
export class BookLogsApiController {
  constructor(private readonly bookLogs: BookLogsService) {}

  @Get()
  @Roles(...BOOK_LOG_DECIDERS)
  @ApiPageQuery()
  @ApiOperation({ summary: 'Book logs of the officer’s enterprise(s), waiting ones first' })
  list(@CurrentActor() actor: Actor, @Query() query: BookLogQuery) {
    return this.bookLogs.list(actor, query);
  }

  @Post()
  @Roles(Role.Worker)
  @ApiOperation({
    summary: 'The worker logs a book read (not in the future); it waits for their union officer',
  })
  @ApiCreatedResponse({ description: 'The book log, status PENDING' })
  async log(@CurrentActor() actor: Actor, @Body() dto: BookLogDto) {
    return bookLogView(await this.bookLogs.log(actor, dto));
  }

  @Get('mine')
  @Roles(Role.Worker)
  @ApiOperation({ summary: 'The worker’s own book logs, newest first' })
  async mine(@CurrentActor() actor: Actor) {
    return (await this.bookLogs.mine(actor)).map(bookLogView);
  }

  @Get(':id')
  @Roles(...BOOK_LOG_DECIDERS)
  @ApiOkResponse({ description: 'One book log of the officer’s enterprise; 404 otherwise' })
  get(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number) {
    return this.bookLogs.get(actor, id);
  }

  @Post(':id/confirm')
  @HttpCode(200)
  @Roles(...BOOK_LOG_DECIDERS)
  @ApiOperation({
    summary: 'Confirm: stores one LIFE_SKILLS learning record (hours default 2); 400 once decided',
  })
  async confirm(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIntPipe) id: number,
    @Body() dto: ConfirmBookLogDto,
  ) {
    return bookLogView(await this.bookLogs.confirm(actor, id, dto));
  }

  @Post(':id/reject')
  @HttpCode(200)
  @Roles(...BOOK_LOG_DECIDERS)
  @ApiOperation({ summary: 'Reject with a reason; stores nothing; 400 once decided' })
  async reject(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIntPipe) id: number,
    @Body() dto: RejectBookLogDto,
  ) {
    return bookLogView(await this.bookLogs.reject(actor, id, dto));
  }
}

function bookLogView(log: BookLog) {
  return {
    id: log.id,
    enterpriseId: log.enterpriseId,
    campaignId: log.campaignId,
    title: log.title,
    author: log.author,
    readOn: log.readOn,
    reflection: log.reflection,
    status: log.status,
    hours: log.hours,
    reason: log.reason,
    decidedAt: log.decidedAt,
  };
}
