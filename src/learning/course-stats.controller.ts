import { Controller, Get, Param, ParseIntPipe, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentActor, Roles } from '../common/access/access.decorators';
import { Actor } from '../common/access/actor';
import { Role } from '../common/access/roles';
import { sendTable } from '../common/export/table-export';
import { AppRequest } from '../common/http/request';
import { translate } from '../common/i18n/i18n';
import { formatDate } from '../common/views/view-helpers';
import { showCell, STATS_COLUMNS, statsLines, statsTables } from './course-stats.presenters';
import { CourseStatsService } from './course-stats.service';
import { CourseStatsPageQuery } from './dto/course-stats.dto';

/**
 * A course's statistics page beside its authoring pages (catalog sits below learning, so the page
 * lives here); ?format=xlsx|csv downloads the same figures.
 */
@ApiExcludeController()
@Controller('catalog/courses')
export class CourseStatsController {
  constructor(private readonly stats: CourseStatsService) {}

  @Get(':id/stats')
  @Roles(Role.InstitutionEditor, Role.FederationAdmin)
  async page(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIntPipe) id: number,
    @Query() query: CourseStatsPageQuery,
    @Req() req: AppRequest,
    @Res() res: Response,
  ): Promise<void> {
    const stats = await this.stats.forCourse(actor, id);
    const tables = statsTables(req.locale, stats);
    if (query.format) {
      return sendTable(res, query.format, req.locale, {
        filename: `thong-ke-khoa-hoc-${id}-${stats.asOf}`,
        sheet: stats.asOf,
        columns: STATS_COLUMNS,
        rows: statsLines(tables),
      });
    }
    const day = formatDate(stats.asOf);
    res.render('learning/course-stats', {
      title: translate(req.locale, 'learning.stats.title', { course: stats.course.title }),
      course: stats.course,
      intro: translate(req.locale, 'learning.stats.intro', { day }),
      smallGroups: translate(req.locale, 'learning.stats.smallGroups', { day, min: stats.minGroup }),
      tables: tables.map((table) => ({
        ...table,
        isEnterprises: table.id === 'enterprises',
        isQuestions: table.id.startsWith('questions-'),
        rows: table.rows.map((row) => ({
          label: row.label,
          cells: row.cells.map((value) => ({ value: showCell(value, req.locale) })),
        })),
      })),
    });
  }
}
