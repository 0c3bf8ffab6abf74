import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles } from '../common/access/access.decorators';
import { Actor } from '../common/access/actor';
import { Role } from '../common/access/roles';
import { pageWindow } from '../common/http/pagination';
import { ApiPageQuery } from '../organisations/dto/list-query.dto';
import { RecordQuery } from './dto/record-query.dto';
import { recordFilter, RECORD_READERS } from './learning-records.controller';
import { originLink } from './learning-records.presenters';
import { RecordRow } from './learning-records.repository';
import { LearningRecordsService } from './learning-records.service';

/** The learning-record store as JSON: the officer's scope, or a worker's own records. */
@ApiTags('learning-records')
@ApiBearerAuth()
@Controller('api/v1/learning-records')
export class LearningRecordsApiController {
  constructor(private readonly records: LearningRecordsService) {}

  @Get()
  @Roles(...RECORD_READERS)
  @ApiPageQuery()
  @ApiOperation({
    summary: 'Learning records of the workers in the caller’s scope (q: worker name), newest first',
  })
  async list(@CurrentActor() actor: Actor, @Query() query: RecordQuery) {
    const { page, size } = pageWindow(query);
    const result = await this.records.rowsInScope(actor, recordFilter(query), page, size);
    return { ...result, items: result.items.map(recordView) };
  }

  @Get('mine')
  @Roles(Role.Worker)
  @ApiOperation({ summary: 'The signed-in worker’s own learning records, newest first' })
  async mine(@CurrentActor() actor: Actor, @Query() query: RecordQuery) {
    const { page, size } = pageWindow(query);
    const { nameKey: _ignored, ...filter } = recordFilter(query);
    const result = await this.records.rowsOf(actor.workerId!, filter, page, size);
    return { ...result, items: result.items.map(recordView) };
  }
}

function recordView(r: RecordRow) {
  return {
    id: r.id,
    workerId: r.workerId,
    workerName: r.workerName,
    occurredOn: r.occurredOn,
    hours: r.hours,
    source: r.source,
    sourceRef: r.sourceRef,
    origin: originLink(r),
    title: r.title,
    domains: r.domains,
    institutionId: r.institutionId,
    enterpriseId: r.enterpriseId,
  };
}
