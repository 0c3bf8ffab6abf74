import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseIntPipe,
  Patch,
  Post,
  Query,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentActor, Roles, SignedIn } from '../../common/access/access.decorators';
import { Actor } from '../../common/access/actor';
import {
  COMMENDATION_DECIDERS,
  MODEL_WRITERS,
  NOMINATION_READERS,
  NOMINATION_WRITERS,
} from './commendations.access';
import { thisYear } from './commendations.presenters';
import { CommendationsService } from './commendations.service';
import {
  DecisionDto,
  GoodModelDto,
  GoodModelEditDto,
  HonourRollQuery,
  NominationDto,
  NominationEditDto,
  NominationsQuery,
} from './dto/commendation.dto';
import { GoodModelsService } from './good-models.service';

/** Commendations and good models for integrations: the same services and scope as the pages. */
@ApiTags('engagement')
@ApiBearerAuth()
@Controller('api/v1/engagement')
export class CommendationsApiController {
  constructor(
    private readonly commendations: CommendationsService,
    private readonly goodModels: GoodModelsService,
  ) {}

  @Get('commendations')
  @Roles(...NOMINATION_READERS)
  @ApiOperation({
    summary: 'Nominations of a year in the caller’s scope (officer: own enterprise; federation: all)',
  })
  list(@CurrentActor() actor: Actor, @Query() query: NominationsQuery) {
    return this.commendations.list(actor, { year: query.year ?? thisYear(), status: query.status });
  }

  @Post('commendations')
  @Roles(...NOMINATION_WRITERS)
  @ApiOperation({
    summary:
      'Nominate a worker employed at the officer’s enterprise today, or that worker’s child (kind CHILD, childName); evidence files are added on the page',
  })
  @ApiCreatedResponse({ description: 'The nomination, PENDING' })
  nominate(@CurrentActor() actor: Actor, @Body() dto: NominationDto) {
    return this.commendations.nominate(actor, dto);
  }

  @Get('commendations/:id')
  @Roles(...NOMINATION_READERS)
  @ApiOkResponse({
    description: 'One nomination with its evidence files (ids and names); 404 outside the scope',
  })
  async get(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number) {
    const { nomination, files } = await this.commendations.detail(actor, id);
    return { ...nomination, files: files.map((f) => ({ id: f.id, name: f.originalName, kind: f.kind })) };
  }

  @Patch('commendations/:id')
  @Roles(...NOMINATION_WRITERS)
  @ApiOperation({
    summary:
      'Edit a pending nomination of the officer’s enterprise: achievement, and the child’s details (kind CHILD); fields left out stay. Refused (400) once decided; 404 outside the officer’s enterprises',
  })
  @ApiOkResponse({ description: 'The nomination with its evidence files' })
  async edit(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIntPipe) id: number,
    @Body() dto: NominationEditDto,
  ) {
    await this.commendations.edit(actor, id, dto);
    return this.get(actor, id);
  }

  @Delete('commendations/:id/files/:fileId')
  @HttpCode(204)
  @Roles(...NOMINATION_WRITERS)
  @ApiOperation({
    summary: 'Remove an evidence file from a pending nomination (files are added on the page)',
  })
  @ApiNoContentResponse({ description: 'Removed' })
  async removeFile(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIntPipe) id: number,
    @Param('fileId', ParseIntPipe) fileId: number,
  ): Promise<void> {
    await this.commendations.removeEvidence(actor, id, fileId);
  }

  @Post('commendations/:id/decision')
  @HttpCode(200)
  @Roles(...COMMENDATION_DECIDERS)
  @ApiOperation({ summary: 'Approve (APPROVED) or decline (DECLINED, reason required) a pending nomination' })
  decide(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number, @Body() dto: DecisionDto) {
    return this.commendations.decide(actor, id, dto);
  }

  @Get('honour-roll')
  @SignedIn()
  @ApiOperation({
    summary: 'Approved commendations of a year, in the province or a unit (names, enterprise, achievement)',
  })
  honourRoll(@Query() query: HonourRollQuery) {
    return this.commendations.honourRoll(query.year ?? thisYear(), query.unitId ?? null);
  }

  @Get('models')
  @SignedIn()
  @ApiOperation({ summary: 'Published good models, and the drafts the caller may see' })
  models(@CurrentActor() actor: Actor) {
    return this.goodModels.list(actor);
  }

  @Post('models')
  @Roles(...MODEL_WRITERS)
  @ApiOperation({
    summary: 'Write a good model’s story (a draft) for the officer’s enterprise, or any (federation)',
  })
  @ApiCreatedResponse({ description: 'The draft' })
  createModel(@CurrentActor() actor: Actor, @Body() dto: GoodModelDto) {
    return this.goodModels.create(actor, dto);
  }

  @Patch('models/:id')
  @Roles(...MODEL_WRITERS)
  @ApiOperation({
    summary:
      'Edit a good model’s title or story: a draft by its enterprise’s officers or the federation; a published model by the federation only',
  })
  @ApiOkResponse({ description: 'The model' })
  editModel(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIntPipe) id: number,
    @Body() dto: GoodModelEditDto,
  ) {
    return this.goodModels.edit(actor, id, dto);
  }

  @Post('models/:id/publish')
  @HttpCode(200)
  @Roles(...COMMENDATION_DECIDERS)
  @ApiOperation({ summary: 'Publish a good model' })
  publishModel(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number) {
    return this.goodModels.publish(actor, id);
  }
}
