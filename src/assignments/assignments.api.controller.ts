import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles } from '../common/access/access.decorators';
import { Actor } from '../common/access/actor';
import { Role } from '../common/access/roles';
import { PageQuery } from '../common/http/pagination';
import { todayInVietnam } from '../common/time/vietnam-time';
import { workerOf } from '../learning/learning.service';
import { ApiPageQuery } from '../organisations/dto/list-query.dto';
import { ASSIGNMENT_READERS, ASSIGNMENT_WRITERS } from './assignments.access';
import { AssignmentsService, Given } from './assignments.service';
import { TerritoryAssignmentsService } from './territory-assignments.service';
import { AddWorkersDto, CreateAssignmentDto, ProgressQuery } from './dto/assignment.dto';

/** Assignments for integrations: the same services and scope as the officer's pages. */
@ApiTags('assignments')
@ApiBearerAuth()
@Controller('api/v1/assignments')
export class AssignmentsApiController {
  constructor(
    private readonly assignments: AssignmentsService,
    private readonly territory: TerritoryAssignmentsService,
  ) {}

  @Get()
  @Roles(...ASSIGNMENT_READERS)
  @ApiPageQuery()
  @ApiOperation({ summary: 'Assignments in the caller’s scope, latest due first, with counts per status' })
  list(@CurrentActor() actor: Actor, @Query() query: PageQuery) {
    return this.assignments.list(actor, query);
  }

  @Post()
  @Roles(...ASSIGNMENT_WRITERS)
  @ApiOperation({
    summary:
      'Give a published course, due today or later, to workers of the officer’s enterprise (named, or wholeRoster); ' +
      'enrols them; giving again adds only workers who do not hold it',
  })
  @ApiCreatedResponse({
    description: 'The assignment, with how many workers were added and how many had it already',
  })
  async create(@CurrentActor() actor: Actor, @Body() dto: CreateAssignmentDto) {
    return givenView(await this.assignments.create(actor, dto));
  }

  @Get('mine')
  @Roles(Role.Worker)
  @ApiOperation({
    summary:
      'The worker’s own assignments not done yet (their officer’s and the federation’s), soonest due first',
  })
  async mine(@CurrentActor() actor: Actor) {
    const today = todayInVietnam();
    return [
      ...(await this.assignments.openOf(workerOf(actor), today)),
      ...(await this.territory.openOf(workerOf(actor), today)),
    ].sort((a, b) => a.dueOn.localeCompare(b.dueOn));
  }

  @Get(':id')
  @Roles(...ASSIGNMENT_READERS)
  @ApiOkResponse({ description: 'One assignment with its counts per status' })
  get(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number) {
    return this.assignments.detail(actor, id);
  }

  @Get(':id/workers')
  @Roles(...ASSIGNMENT_READERS)
  @ApiOperation({
    summary: 'Each assigned worker with status NOT_STARTED, IN_PROGRESS, DONE or OVERDUE (the export’s rows)',
  })
  workers(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIntPipe) id: number,
    @Query() query: ProgressQuery,
  ) {
    return this.assignments.progress(actor, id, query.status);
  }

  @Post(':id/workers')
  @HttpCode(200)
  @Roles(...ASSIGNMENT_WRITERS)
  @ApiOkResponse({ description: 'How many workers were added and how many had it already' })
  async addWorkers(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIntPipe) id: number,
    @Body() dto: AddWorkersDto,
  ) {
    return givenView(await this.assignments.addWorkers(actor, id, dto));
  }
}

function givenView({ assignment, added, already }: Given) {
  return {
    id: assignment.id,
    enterpriseId: assignment.enterpriseId,
    courseId: assignment.courseId,
    dueOn: assignment.dueOn,
    remindDaysBefore: assignment.remindDaysBefore,
    wholeRoster: assignment.wholeRoster,
    added,
    already,
  };
}
