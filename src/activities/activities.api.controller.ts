import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseIntPipe,
  Post,
  Put,
  Query,
  Req,
  UseInterceptors,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentActor, Roles } from '../common/access/access.decorators';
import { Actor } from '../common/access/actor';
import { PageQuery, pageWindow } from '../common/http/pagination';
import { ApiPageQuery } from '../organisations/dto/list-query.dto';
import { AppRequest } from '../common/http/request';
import { TempUpload, UploadedTemp } from '../files/file-upload';
import { JobRunsService } from '../jobs/job-runs.service';
import { ACTIVITY_READERS, ACTIVITY_WRITERS } from './activities.access';
import { ImportRun } from '../imports/entities/import-run.entity';
import { describeImportError } from '../imports/import-runs.service';
import { ImportUploadInterceptor } from '../imports/import-upload';
import { AttendanceImportsService } from './attendance-imports.service';
import { AttendanceService } from './attendance.service';
import { AttendanceDto, CreateSessionDto, SessionDto, SessionListQuery } from './dto/session.dto';
import { AttendanceMethod } from './entities/session-attendance.entity';
import { LearningSession } from './entities/learning-session.entity';
import { SessionsService } from './sessions.service';

/** Sessions and attendance for integrations (an enterprise's HR system, a union's own tools). */
@ApiTags('activities')
@ApiBearerAuth()
@Controller('api/v1/activities')
export class ActivitiesApiController {
  constructor(
    private readonly sessions: SessionsService,
    private readonly attendance: AttendanceService,
    private readonly imports: AttendanceImportsService,
    private readonly jobRuns: JobRunsService,
  ) {}

  @Get()
  @Roles(...ACTIVITY_READERS)
  @ApiPageQuery()
  @ApiOperation({ summary: 'Sessions in the caller’s scope, latest first; filter by kind, year and title' })
  list(@CurrentActor() actor: Actor, @Query() query: SessionListQuery) {
    return this.sessions.list(actor, query);
  }

  @Post()
  @Roles(...ACTIVITY_WRITERS)
  @ApiCreatedResponse({ description: 'The session recorded, with its check-in window' })
  async create(@CurrentActor() actor: Actor, @Body() dto: CreateSessionDto) {
    return sessionView(await this.sessions.create(actor, dto));
  }

  @Get(':id')
  @Roles(...ACTIVITY_READERS)
  @ApiOkResponse({ description: 'One session' })
  async get(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number) {
    return sessionView(await this.sessions.get(actor, id));
  }

  @Put(':id')
  @Roles(...ACTIVITY_WRITERS)
  @ApiOkResponse({ description: 'The session saved; its attendees’ learning records follow the new values' })
  async update(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number, @Body() dto: SessionDto) {
    return sessionView(await this.sessions.update(actor, id, dto));
  }

  @Get(':id/attendance')
  @Roles(...ACTIVITY_READERS)
  @ApiPageQuery()
  @ApiOperation({ summary: 'Who attended, by name' })
  attendanceList(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIntPipe) id: number,
    @Query() query: PageQuery,
  ) {
    const { page, size } = pageWindow(query);
    return this.attendance.page(actor, id, page, size);
  }

  @Post(':id/attendance')
  @HttpCode(200)
  @Roles(...ACTIVITY_WRITERS)
  @ApiOperation({
    summary:
      'Records workers as present (each becomes a learning record); workers already recorded are left as they are',
  })
  @ApiOkResponse({ description: '{ added, already }' })
  addAttendance(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIntPipe) id: number,
    @Body() dto: AttendanceDto,
  ) {
    return this.attendance.add(actor, id, dto.workerIds, AttendanceMethod.Api);
  }

  @Delete(':id/attendance/:workerId')
  @HttpCode(204)
  @Roles(...ACTIVITY_WRITERS)
  @ApiNoContentResponse({ description: 'The attendance and its learning record removed' })
  async removeAttendance(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIntPipe) id: number,
    @Param('workerId', ParseIntPipe) workerId: number,
  ): Promise<void> {
    await this.attendance.remove(actor, id, workerId);
  }

  @Post(':id/attendance-imports')
  @HttpCode(202)
  @Roles(...ACTIVITY_WRITERS)
  @UseInterceptors(ImportUploadInterceptor)
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file'],
      properties: {
        file: {
          type: 'string',
          format: 'binary',
          description:
            'XLSX or UTF-8 CSV with a "Số CCCD" and/or "Mã nhân viên" column (see /activities/attendance-template.xlsx)',
        },
      },
    },
  })
  @ApiOperation({ summary: 'Upload an attendance sheet; it is imported in the background' })
  async upload(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIntPipe) id: number,
    @UploadedTemp() upload: TempUpload | undefined,
  ) {
    return importView(await this.imports.createFromUpload(actor, id, upload));
  }

  @Get(':id/attendance-imports/:importId')
  @Roles(...ACTIVITY_READERS)
  @ApiOperation({ summary: 'Status, progress and counts of an attendance import' })
  async importStatus(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIntPipe) id: number,
    @Param('importId', ParseIntPipe) importId: number,
  ) {
    const imp = await this.imports.findInScope(actor, id, importId);
    const run = imp.jobRunId ? await this.jobRuns.getForActor(actor, imp.jobRunId).catch(() => null) : null;
    return { ...importView(imp), progress: run?.progress ?? null };
  }

  @Get(':id/attendance-imports/:importId/errors')
  @Roles(...ACTIVITY_READERS)
  @ApiPageQuery()
  @ApiOperation({ summary: 'The per-row error report of an attendance import, in the caller’s language' })
  async importErrors(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIntPipe) id: number,
    @Param('importId', ParseIntPipe) importId: number,
    @Query() query: PageQuery,
    @Req() req: AppRequest,
  ) {
    const imp = await this.imports.findInScope(actor, id, importId);
    const { page, size } = pageWindow(query);
    const errors = await this.imports.errorsPage(imp.id, page, size);
    return {
      ...errors,
      items: errors.items.map((e) => ({
        row: e.rowNumber,
        column: e.columnName,
        code: e.messageKey,
        message: describeImportError(req.locale, e),
      })),
    };
  }
}

function importView(imp: ImportRun) {
  return {
    id: imp.id,
    sessionId: imp.targetId,
    fileName: imp.originalName,
    status: imp.status,
    jobRunId: imp.jobRunId,
    rows: imp.totalRows,
    recorded: imp.createdCount,
    unchanged: imp.unchangedCount,
    errors: imp.errorCount,
    createdAt: imp.createdAt,
  };
}

function sessionView(session: LearningSession) {
  return {
    id: session.id,
    enterpriseId: session.enterpriseId,
    kind: session.kind,
    title: session.title,
    description: session.description,
    startsAt: session.startsAt,
    endsAt: session.endsAt,
    place: session.place,
    organiser: session.organiser,
    hours: session.hours,
    domains: session.domains.map((d) => d.code).sort(),
    createdAt: session.createdAt,
    updatedAt: session.updatedAt,
  };
}
