import { Body, Controller, Get, Post, Query, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentActor, Roles } from '../common/access/access.decorators';
import { Actor } from '../common/access/actor';
import { Role } from '../common/access/roles';
import { ApiPageQuery } from '../organisations/dto/list-query.dto';
import { ExternalRecordDto, ExternalRecordQuery } from './dto/external-record.dto';
import { ExternalRecordsService } from './external-records.service';

/** Training institutions report results of their own programmes for workers of partner enterprises. */
@ApiTags('external-records')
@ApiBearerAuth()
@Controller('api/v1/external-records')
export class ExternalRecordsApiController {
  constructor(private readonly records: ExternalRecordsService) {}

  @Post()
  @Roles(Role.InstitutionEditor)
  @ApiOperation({
    summary: 'Report a result (idempotent by externalId)',
    description:
      'The worker is identified by CCCD and date of birth and must work (now, or on completedOn) at an ' +
      'enterprise in partnership with the institution. Posting the same externalId again with the same ' +
      'content returns the stored result with 200; with different content, 409.',
  })
  @ApiCreatedResponse({ description: 'Stored: the result and its learning record were created' })
  @ApiOkResponse({ description: 'Already stored with the same content: nothing changed' })
  @ApiNotFoundResponse({
    description: 'No worker the institution may report on has this CCCD and date of birth',
  })
  @ApiConflictResponse({ description: 'The externalId was used before for a different result' })
  async create(
    @CurrentActor() actor: Actor,
    @Body() dto: ExternalRecordDto,
    @Res({ passthrough: true }) res: Response,
  ) {
    const { record, created } = await this.records.submit(actor, dto);
    res.status(created ? 201 : 200);
    return record;
  }

  @Get()
  @Roles(Role.InstitutionEditor)
  @ApiPageQuery()
  @ApiOperation({ summary: 'Results the caller’s institution reported, latest first' })
  list(@CurrentActor() actor: Actor, @Query() query: ExternalRecordQuery) {
    return this.records.page(actor, query);
  }
}
