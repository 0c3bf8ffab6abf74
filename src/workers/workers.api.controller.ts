import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles } from '../common/access/access.decorators';
import { Actor } from '../common/access/actor';
import { Role } from '../common/access/roles';
import { Page } from '../common/http/pagination';
import {
  CccdLookupDto,
  CreateWorkerDto,
  EndEmploymentDto,
  UnionMemberDto,
  UpdateWorkerDto,
  WorkerListQuery,
} from './dto/worker.dto';
import { WORKER_MANAGERS } from './workers.access';
import { WorkerDetail, WorkerSummary, WorkersService } from './workers.service';

/** Worker records for integrations, scoped like the pages; the CCCD is always masked here. */
@ApiTags('workers')
@ApiBearerAuth()
@Controller('api/v1/workers')
export class WorkersApiController {
  constructor(private readonly workers: WorkersService) {}

  @Get()
  @Roles(...WORKER_MANAGERS)
  @ApiOperation({ summary: 'Workers in scope; q searches names with or without diacritics' })
  list(@CurrentActor() actor: Actor, @Query() query: WorkerListQuery): Promise<Page<WorkerSummary>> {
    return this.workers.list(actor, query);
  }

  /** Find a worker by CCCD without putting the number in a URL. */
  @Post('lookup')
  @HttpCode(200)
  @Roles(...WORKER_MANAGERS)
  @ApiOperation({ summary: 'Workers in scope with this CCCD (matched by its keyed hash)' })
  async lookup(@CurrentActor() actor: Actor, @Body() dto: CccdLookupDto): Promise<WorkerSummary[]> {
    return (await this.workers.list(actor, { q: dto.cccd, status: 'all' })).items;
  }

  @Get(':id')
  @Roles(...WORKER_MANAGERS)
  @ApiOkResponse({ description: 'The worker, CCCD masked, with their employments in scope' })
  get(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number): Promise<WorkerDetail> {
    return this.workers.detail(actor, id);
  }

  @Post()
  @Roles(...WORKER_MANAGERS)
  @ApiOperation({ summary: 'Add a worker with an employment (or the employment, for a CCCD already known)' })
  async create(@CurrentActor() actor: Actor, @Body() dto: CreateWorkerDto): Promise<WorkerDetail> {
    const worker = await this.workers.create(actor, dto, 'API');
    return this.workers.detail(actor, worker.id);
  }

  @Patch(':id')
  @Roles(...WORKER_MANAGERS)
  @ApiOperation({ summary: 'Change the profile; fields left out stay, null clears phone or email' })
  async update(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIntPipe) id: number,
    @Body() dto: UpdateWorkerDto,
  ): Promise<WorkerDetail> {
    await this.workers.update(actor, id, dto, 'API');
    return this.workers.detail(actor, id);
  }

  @Post(':id/employments/:employmentId/end')
  @HttpCode(200)
  @Roles(...WORKER_MANAGERS)
  @ApiOperation({ summary: 'End an employment (the worker left); nothing is deleted' })
  async endEmployment(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIntPipe) id: number,
    @Param('employmentId', ParseIntPipe) employmentId: number,
    @Body() dto: EndEmploymentDto,
  ): Promise<WorkerDetail> {
    await this.workers.endEmployment(actor, id, employmentId, dto.endDate);
    return this.workers.detail(actor, id);
  }

  @Post(':id/employments/:employmentId/union-member')
  @HttpCode(200)
  @Roles(...WORKER_MANAGERS)
  @ApiOperation({ summary: 'Mark or unmark the worker as a member of the enterprise union' })
  async unionMember(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIntPipe) id: number,
    @Param('employmentId', ParseIntPipe) employmentId: number,
    @Body() dto: UnionMemberDto,
  ): Promise<WorkerDetail> {
    await this.workers.setUnionMember(actor, id, employmentId, dto.unionMember);
    return this.workers.detail(actor, id);
  }

  /** The full CCCD, for the union officer of the worker's enterprise or the federation admin. */
  @Post(':id/cccd')
  @HttpCode(200)
  @Roles(Role.UnionOfficer, Role.FederationAdmin)
  @ApiOperation({ summary: 'Reveal the full CCCD (logged)' })
  async cccd(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number): Promise<{ cccd: string }> {
    return { cccd: await this.workers.revealCccd(actor, id, 'POST /api/v1/workers/:id/cccd') };
  }
}
