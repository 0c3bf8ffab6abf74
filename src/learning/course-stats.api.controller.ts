import { Controller, Get, Param, ParseIntPipe } from '@nestjs/common';
import { ApiBearerAuth, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles } from '../common/access/access.decorators';
import { Actor } from '../common/access/actor';
import { Role } from '../common/access/roles';
import { CourseStats, CourseStatsService } from './course-stats.service';
import { CourseStatsDto } from './dto/course-stats.dto';

/** The figures of a course's statistics page as JSON, with the same access as the page. */
@ApiTags('catalog')
@ApiBearerAuth()
@Controller('api/v1/catalog/courses')
export class CourseStatsApiController {
  constructor(private readonly stats: CourseStatsService) {}

  @Get(':id/stats')
  @Roles(Role.InstitutionEditor, Role.FederationAdmin)
  @ApiOperation({
    summary: 'Statistics of a course',
    description:
      'Enrolments, completions, medians, lessons, quizzes, questions and enterprises, as the page ' +
      '/catalog/courses/{id}/stats shows them. The course’s own institution’s editors and the ' +
      'federation admin only. Enterprise groups under minGroup learners have null figures.',
  })
  @ApiOkResponse({ type: CourseStatsDto })
  @ApiNotFoundResponse({ description: 'No such course, or another institution’s' })
  show(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number): Promise<CourseStats> {
    return this.stats.forCourse(actor, id);
  }
}
