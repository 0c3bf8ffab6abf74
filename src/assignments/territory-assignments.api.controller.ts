import { Body, Controller, Delete, Get, HttpCode, Param, ParseIntPipe, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentActor, Roles } from '../common/access/access.decorators';
import { Actor } from '../common/access/actor';
import { PageQuery } from '../common/http/pagination';
import { ApiPageQuery } from '../organisations/dto/list-query.dto';
import { TERRITORY_ASSIGNMENT_READERS, TERRITORY_ASSIGNMENT_WRITERS } from './assignments.access';
import { CreateTerritoryAssignmentDto, ProgressQuery } from './dto/assignment.dto';
import { TerritoryAssignmentsService } from './territory-assignments.service';

/** The federation's assignments to a territory, for integrations: the same services and scope as the pages. */
@ApiTags('assignments')
@ApiBearerAuth()
@Controller('api/v1/territory-assignments')
export class TerritoryAssignmentsApiController {
  constructor(private readonly territory: TerritoryAssignmentsService) {}

  @Get()
  @Roles(...TERRITORY_ASSIGNMENT_READERS)
  @ApiPageQuery()
  @ApiOperation({
    summary:
      'Assignments to a territory the caller sees (an officer: those covering their enterprise, counted over their own workers), latest due first',
  })
  list(@CurrentActor() actor: Actor, @Query() query: PageQuery) {
    return this.territory.list(actor, query);
  }

  @Post()
  @Roles(...TERRITORY_ASSIGNMENT_WRITERS)
  @ApiOperation({
    summary:
      'Give a published course, due today or later, to every worker employed at an enterprise in an administrative unit in force ' +
      '(who holds it follows current employment); enrols those employed today',
  })
  @ApiCreatedResponse({
    description:
      'The assignment, how many workers are employed in the territory and how many were enrolled now',
  })
  async create(@CurrentActor() actor: Actor, @Body() dto: CreateTerritoryAssignmentDto) {
    const { assignment, enrolled, workers } = await this.territory.create(actor, dto);
    return {
      id: assignment.id,
      unitId: assignment.unitId,
      courseId: assignment.courseId,
      dueOn: assignment.dueOn,
      remindDaysBefore: assignment.remindDaysBefore,
      workers,
      enrolled,
    };
  }

  @Get(':id')
  @Roles(...TERRITORY_ASSIGNMENT_READERS)
  @ApiOkResponse({
    description:
      'The assignment with its counts per status, and per enterprise (NOT_STARTED, IN_PROGRESS, DONE, OVERDUE): the export’s rows',
  })
  get(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number) {
    return this.territory.detail(actor, id);
  }

  @Get(':id/enterprises/:enterpriseId/workers')
  @Roles(...TERRITORY_ASSIGNMENT_READERS)
  @ApiOperation({
    summary: 'Each worker employed today at one enterprise of the territory, with their status',
  })
  async workers(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIntPipe) id: number,
    @Param('enterpriseId', ParseIntPipe) enterpriseId: number,
    @Query() query: ProgressQuery,
  ) {
    return (await this.territory.workersAt(actor, id, enterpriseId, query.status)).rows;
  }

  @Delete(':id')
  @HttpCode(204)
  @Roles(...TERRITORY_ASSIGNMENT_WRITERS)
  @ApiNoContentResponse({ description: 'Withdrawn; the workers’ enrolments and results stay' })
  async remove(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number): Promise<void> {
    await this.territory.remove(actor, id);
  }
}
