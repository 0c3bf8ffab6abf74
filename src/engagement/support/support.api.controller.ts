import { Body, Controller, Get, Param, ParseIntPipe, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles } from '../../common/access/access.decorators';
import { Actor } from '../../common/access/actor';
import { SupportDto, SupportQuery } from './dto/support.dto';
import { SUPPORT_READERS, SUPPORT_WRITERS } from './support.access';
import { thisYear } from './support.presenters';
import { SupportService } from './support.service';

/** Enterprises' support to learning for integrations: the same service and scope as the pages. */
@ApiTags('engagement')
@ApiBearerAuth()
@Controller('api/v1/engagement/support')
export class SupportApiController {
  constructor(private readonly support: SupportService) {}

  @Get()
  @Roles(...SUPPORT_READERS)
  @ApiOperation({
    summary: 'Each enterprise’s declared support to learning of a year, in the caller’s scope',
  })
  list(@CurrentActor() actor: Actor, @Query() query: SupportQuery) {
    return this.support.list(actor, query.year ?? thisYear());
  }

  @Get('totals')
  @Roles(...SUPPORT_READERS)
  @ApiOperation({ summary: 'Sums of a year per commune in the caller’s scope, and their total' })
  totals(@CurrentActor() actor: Actor, @Query() query: SupportQuery) {
    return this.support.totals(actor, query.year ?? thisYear());
  }

  @Put(':enterpriseId')
  @Roles(...SUPPORT_WRITERS)
  @ApiOperation({
    summary: 'Declare (or correct) the support of the officer’s enterprise for the year in the body',
  })
  @ApiOkResponse({ description: 'The declaration as saved' })
  declare(
    @CurrentActor() actor: Actor,
    @Param('enterpriseId', ParseIntPipe) enterpriseId: number,
    @Body() dto: SupportDto,
  ) {
    return this.support.declare(actor, dto, enterpriseId);
  }
}
