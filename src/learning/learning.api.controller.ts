import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles } from '../common/access/access.decorators';
import { Actor } from '../common/access/actor';
import { Role } from '../common/access/roles';
import { PAGE_SIZE } from '../common/http/pagination';
import { LearnerCatalogService } from './learner-catalog.service';
import { HeartbeatDto, HistoryQuery, QuizSubmissionDto } from './dto/learning.dto';
import { LearningService, Outcome } from './learning.service';
import { MyLearningService } from './my-learning.service';
import { lessonJson } from './learning.presenters';
import { answersFromList } from './quiz-form';

/**
 * A worker's own learning through the JSON API: the same services as the pages. From the browser
 * (session cookie) state-changing calls carry the `x-csrf-token` header.
 */
@ApiTags('learning')
@ApiBearerAuth()
@Controller('api/v1/learning')
export class LearningApiController {
  constructor(
    private readonly learning: LearningService,
    private readonly learnerCatalog: LearnerCatalogService,
    private readonly mine: MyLearningService,
  ) {}

  @Get('enrolments')
  @Roles(Role.Worker)
  @ApiOperation({ summary: 'The worker’s enrolments with their progress, most recent activity first' })
  list(@CurrentActor() actor: Actor) {
    return this.mine.enrolments(actor);
  }

  @Get('courses/:courseId')
  @Roles(Role.Worker)
  @ApiOperation({ summary: 'A course with the worker’s progress: lessons done, final quiz, percent' })
  async course(@CurrentActor() actor: Actor, @Param('courseId', ParseIntPipe) courseId: number) {
    const page = await this.learnerCatalog.coursePage(courseId, actor);
    return {
      id: page.course.id,
      title: page.course.title,
      institutionName: page.institutionName,
      estimatedHours: page.course.estimatedHours,
      domains: page.domains,
      lessons: page.lessons.map((l) => ({
        id: l.id,
        title: l.title,
        required: l.required,
        completionRule: l.completionRule,
        minMinutes: l.minMinutes,
        done: l.done,
      })),
      finalQuiz: page.finalQuiz,
      standing: page.standing,
    };
  }

  @Post('courses/:courseId/enrolment')
  @HttpCode(200)
  @Roles(Role.Worker)
  @ApiOperation({ summary: 'Enrol in a published course; enrolling again changes nothing' })
  async enrol(@CurrentActor() actor: Actor, @Param('courseId', ParseIntPipe) courseId: number) {
    const enrolment = await this.learning.enrol(actor, courseId);
    return {
      courseId,
      enrolledAt: enrolment.enrolledAt,
      progressPercent: enrolment.progressPercent,
      completedAt: enrolment.completedAt,
    };
  }

  @Get('courses/:courseId/lessons/:lessonId')
  @Roles(Role.Worker)
  @ApiOperation({
    summary: 'A lesson to read: its text (with its video blocks), video link and files; changes nothing',
    description:
      'Not enrolled: `enrolled` is false and the text, link and files are left out, as the page offers ' +
      'to enrol instead. Time spent is counted through `…/open` and `…/heartbeat`.',
  })
  async lesson(
    @CurrentActor() actor: Actor,
    @Param('courseId', ParseIntPipe) courseId: number,
    @Param('lessonId', ParseIntPipe) lessonId: number,
  ) {
    return lessonJson(await this.learning.lesson(actor, courseId, lessonId));
  }

  @Post('courses/:courseId/lessons/:lessonId/open')
  @HttpCode(200)
  @Roles(Role.Worker)
  @ApiOperation({ summary: 'Open a lesson (an OPENED lesson is then done); returns the progress' })
  async open(
    @CurrentActor() actor: Actor,
    @Param('courseId', ParseIntPipe) courseId: number,
    @Param('lessonId', ParseIntPipe) lessonId: number,
  ) {
    const view = await this.learning.openLesson(actor, courseId, lessonId);
    return { lessonId, lessonDone: view.done, ...progressOf(view.outcome), nextUrl: view.nextUrl };
  }

  @Post('courses/:courseId/lessons/:lessonId/heartbeat')
  @HttpCode(200)
  @Roles(Role.Worker)
  @ApiOperation({
    summary: 'Time spent in an open lesson; credited at most the time since the last heartbeat and 60 s',
  })
  heartbeat(
    @CurrentActor() actor: Actor,
    @Param('courseId', ParseIntPipe) courseId: number,
    @Param('lessonId', ParseIntPipe) lessonId: number,
    @Body() dto: HeartbeatDto,
  ) {
    return this.learning.heartbeat(actor, courseId, lessonId, dto.seconds);
  }

  @Get('courses/:courseId/quizzes/:quizId')
  @Roles(Role.Worker)
  @ApiOperation({ summary: 'A quiz to answer, with a fresh submissionKey and the attempts left' })
  async quiz(
    @CurrentActor() actor: Actor,
    @Param('courseId', ParseIntPipe) courseId: number,
    @Param('quizId', ParseIntPipe) quizId: number,
  ) {
    const form = await this.learning.quizForm(actor, courseId, quizId);
    return {
      id: form.quiz.id,
      title: form.quiz.title,
      passPercent: form.quiz.passPercent,
      maxAttempts: form.quiz.maxAttempts,
      attemptsUsed: form.attemptsUsed,
      attemptsLeft: form.attemptsLeft,
      submissionKey: form.submissionKey,
      questions: form.questions,
    };
  }

  @Post('courses/:courseId/quizzes/:quizId/attempts')
  @HttpCode(200)
  @Roles(Role.Worker)
  @ApiOperation({
    summary: 'Submit answers; the same submissionKey again returns the stored attempt (replayed: true)',
  })
  async submit(
    @CurrentActor() actor: Actor,
    @Param('courseId', ParseIntPipe) courseId: number,
    @Param('quizId', ParseIntPipe) quizId: number,
    @Body() dto: QuizSubmissionDto,
  ) {
    const { attempt, replayed, outcome } = await this.learning.submitQuiz(actor, courseId, quizId, {
      submissionKey: dto.submissionKey,
      answers: answersFromList(dto.answers),
    });
    return {
      attemptId: attempt.id,
      attemptNo: attempt.attemptNo,
      scorePercent: attempt.scorePercent,
      passed: attempt.passed,
      replayed,
      ...progressOf(outcome),
    };
  }

  @Get('courses/:courseId/quizzes/:quizId/attempts/:attemptId')
  @Roles(Role.Worker)
  @ApiOperation({ summary: 'An attempt question by question: right or wrong, the right options, why' })
  async attempt(
    @CurrentActor() actor: Actor,
    @Param('courseId', ParseIntPipe) courseId: number,
    @Param('quizId', ParseIntPipe) quizId: number,
    @Param('attemptId', ParseIntPipe) attemptId: number,
  ) {
    const feedback = await this.learning.feedback(actor, courseId, quizId, attemptId);
    return {
      attemptId: feedback.attempt.id,
      attemptNo: feedback.attempt.attemptNo,
      scorePercent: feedback.attempt.scorePercent,
      passed: feedback.attempt.passed,
      attemptsLeft: feedback.attemptsLeft,
      questions: feedback.questions,
      progressPercent: feedback.state.percent,
      courseCompleted: feedback.completed,
      certificateCode: feedback.certificateCode,
    };
  }

  @Get('history')
  @Roles(Role.Worker)
  @ApiOkResponse({ description: 'Every learning record of the worker, newest first, with its source' })
  history(@CurrentActor() actor: Actor, @Query() query: HistoryQuery) {
    return this.mine.history(
      actor,
      { year: query.year, domain: query.domain },
      query.page ?? 1,
      query.size ?? PAGE_SIZE,
    );
  }
}

function progressOf(outcome: Outcome) {
  return {
    progressPercent: outcome.state.percent,
    courseCompleted: outcome.enrolment.completedAt !== null,
    completedNow: outcome.completedNow,
  };
}
