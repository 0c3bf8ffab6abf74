import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Post, Put, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles } from '../../../common/access/access.decorators';
import { Actor } from '../../../common/access/actor';
import { AppRequest } from '../../../common/http/request';
import { CRITERIA_EDITORS, CRITERIA_READERS } from './criteria-sets.controller';
import { CriteriaSetDetail, CriteriaSetsService } from './criteria-sets.service';
import { problemText } from './criteria.presenters';
import { CriteriaContentDto } from './dto/criteria.dto';

/** Criteria versions over the API: read them, make a draft, replace its content, activate it. */
@ApiTags('citizenship')
@ApiBearerAuth()
@Controller('api/v1/citizenship/criteria-sets')
export class CriteriaSetsApiController {
  constructor(private readonly criteria: CriteriaSetsService) {}

  @Get()
  @Roles(...CRITERIA_READERS)
  @ApiOkResponse({
    description:
      'Every criteria code with its versions (status, pass mark, total points, owning branch) and whether the caller may change it',
  })
  list(@CurrentActor() actor: Actor) {
    return this.criteria.list(actor);
  }

  @Get(':id')
  @Roles(...CRITERIA_READERS)
  @ApiOkResponse({
    description: 'One version: settings, groups, criteria with their evidence rules; a draft’s problems',
  })
  async get(@Param('id', ParseIntPipe) id: number, @Req() req: AppRequest) {
    return body(await this.criteria.get(id), req);
  }

  @Post(':id/new-version')
  @Roles(...CRITERIA_EDITORS)
  @ApiCreatedResponse({
    description:
      'A DRAFT copied from the active version of the same code (the existing draft, if there is one); 403 unless the caller reviews for the branch that owns the set',
  })
  async newVersion(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIntPipe) id: number,
    @Req() req: AppRequest,
  ) {
    const draft = await this.criteria.createDraft(actor, id);
    return body(await this.criteria.get(draft.id), req);
  }

  @Put(':id')
  @Roles(...CRITERIA_EDITORS)
  @ApiOkResponse({
    description:
      'Replaces a DRAFT’s settings, groups and criteria; 400 with field messages when inconsistent (pass mark above the total, duplicate codes, invalid rules); 400 for an active or retired version',
  })
  async update(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIntPipe) id: number,
    @Body() dto: CriteriaContentDto,
    @Req() req: AppRequest,
  ) {
    return body(await this.criteria.updateDraft(actor, id, dto), req);
  }

  @Post(':id/activate')
  @Roles(...CRITERIA_EDITORS)
  @HttpCode(200)
  @ApiOkResponse({
    description: 'The draft becomes ACTIVE and the previous active version RETIRED, in one transaction',
  })
  async activate(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIntPipe) id: number,
    @Req() req: AppRequest,
  ) {
    await this.criteria.activate(actor, id);
    return body(await this.criteria.get(id), req);
  }
}

function body(detail: CriteriaSetDetail, req: AppRequest) {
  const { set, owners, content, totalPoints, problems } = detail;
  return {
    id: set.id,
    code: set.code,
    version: set.version,
    status: set.status,
    branchId: set.branchId,
    owners,
    activatedAt: set.activatedAt,
    activatedBy: set.activatedBy,
    retiredAt: set.retiredAt,
    totalPoints,
    ...content,
    problems: problems.map((p) => ({ field: p.field, message: problemText(req.locale, p) })),
  };
}
