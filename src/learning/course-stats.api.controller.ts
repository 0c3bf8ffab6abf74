import { Controller, Get, Param, ParseIntPipe } from '@nestjs/common';
import { ApiBearerAuth, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles } from '../common/access/access.decorators';
import { Actor } from '../common/access/actor';
import { Role } from '../common/access/roles';
import { CourseQuestionStats, CourseStats, CourseStatsService } from './course-stats.service';
import { CourseQuestionStatsDto, CourseStatsDto } from './dto/course-stats.dto';

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

  @Get(':id/question-stats')
  @Roles(Role.InstitutionEditor, Role.FederationAdmin)
  @ApiOperation({
    summary: 'Per-question statistics of a course’s quizzes',
    description:
      'For each quiz (a drawing quiz: each question of the course’s bank) and question: how many ' +
      'attempts were asked and answered it, how many right, and for choice questions how often each ' +
      'option was chosen. Same access as the statistics.',
  })
  @ApiOkResponse({ type: CourseQuestionStatsDto })
  @ApiNotFoundResponse({ description: 'No such course, or another institution’s' })
  questions(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIntPipe) id: number,
  ): Promise<CourseQuestionStats> {
    return this.stats.questionsOfCourse(actor, id);
  }
}
