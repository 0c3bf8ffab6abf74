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
  ApiOkResponse,
  ApiOperation,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentActor, Roles } from '../common/access/access.decorators';
import { Actor } from '../common/access/actor';
import { Role } from '../common/access/roles';
import { AppRequest } from '../common/http/request';
import { translateRef } from '../common/i18n/i18n';
import { Locale } from '../common/i18n/messages';
import { StoredFile } from '../files/entities/stored-file.entity';
import { IMAGE_KINDS, LEARNING_FILE_KINDS, PLAYABLE_VIDEO_KINDS } from '../files/file-kinds';
import { FileUploadInterceptor, TempUpload, UploadedTemp } from '../files/file-upload';
import { ApiPageQuery } from '../organisations/dto/list-query.dto';
import { COURSE_READERS } from './courses.controller';
import { CoursesService } from './courses.service';
import {
  CourseDto,
  CourseListQuery,
  LessonDto,
  MoveDto,
  NewQuizDto,
  QuestionDto,
  QuizDto,
} from './dto/course.dto';
import { CourseStatus } from './entities/course.entity';
import { videoBlock } from './lesson-content';
import { LessonsService } from './lessons.service';
import { QuizzesService } from './quizzes.service';

const FILE_BODY = {
  schema: {
    type: 'object',
    required: ['file'],
    properties: { file: { type: 'string', format: 'binary' } },
  },
};

/**
 * Course authoring as JSON, with the same rules as the pages: an institution editor writes their
 * own institution's courses (others answer 404); the federation admin reads every course.
 */
@ApiTags('catalog')
@ApiBearerAuth()
@Controller('api/v1/catalog/courses')
export class CoursesApiController {
  constructor(
    private readonly courses: CoursesService,
    private readonly lessons: LessonsService,
    private readonly quizzes: QuizzesService,
  ) {}

  @Get()
  @Roles(...COURSE_READERS)
  @ApiPageQuery()
  @ApiQuery({ name: 'status', required: false, enum: CourseStatus })
  @ApiOkResponse({ description: 'Courses of the caller’s institution(s), most recently changed first' })
  list(@CurrentActor() actor: Actor, @Query() query: CourseListQuery) {
    return this.courses.page(actor, query);
  }

  @Post()
  @Roles(Role.InstitutionEditor)
  @ApiCreatedResponse({ description: 'The course created as a draft; 400 with field messages on bad input' })
  async create(@CurrentActor() actor: Actor, @Body() dto: CourseDto, @Req() req: AppRequest) {
    const course = await this.courses.create(actor, dto);
    return this.detail(actor, course.id, req.locale);
  }

  @Get(':id')
  @Roles(...COURSE_READERS)
  @ApiOkResponse({
    description:
      'The course with every lesson (REMOVED ones too), files, quizzes with their active questions, and what publishing still needs',
  })
  get(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number, @Req() req: AppRequest) {
    return this.detail(actor, id, req.locale);
  }

  @Put(':id')
  @Roles(Role.InstitutionEditor)
  @ApiOkResponse({ description: 'The course saved' })
  async update(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIntPipe) id: number,
    @Body() dto: CourseDto,
    @Req() req: AppRequest,
  ) {
    await this.courses.update(actor, id, dto);
    return this.detail(actor, id, req.locale);
  }

  @Post(':id/publish')
  @HttpCode(200)
  @Roles(Role.InstitutionEditor)
  @ApiOperation({ summary: 'Publish (draft or archived → published); 400 lists every missing item' })
  async publish(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number, @Req() req: AppRequest) {
    await this.courses.publish(actor, id);
    return this.detail(actor, id, req.locale);
  }

  @Post(':id/archive')
  @HttpCode(200)
  @Roles(Role.InstitutionEditor)
  @ApiOperation({ summary: 'Archive a published course; learners already in it keep their progress' })
  async archive(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number, @Req() req: AppRequest) {
    await this.courses.archive(actor, id);
    return this.detail(actor, id, req.locale);
  }

  @Post(':id/cover')
  @Roles(Role.InstitutionEditor)
  @UseInterceptors(FileUploadInterceptor({ field: 'file', kinds: IMAGE_KINDS }))
  @ApiConsumes('multipart/form-data')
  @ApiBody(FILE_BODY)
  @ApiOperation({ summary: 'Set the cover image (PNG, JPEG, GIF or WebP, checked by content)' })
  async cover(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIntPipe) id: number,
    @UploadedTemp() upload: TempUpload | undefined,
  ) {
    return fileJson(await this.courses.setCover(actor, id, upload));
  }

  // --- lessons ------------------------------------------------------------------------------------

  @Post(':id/lessons')
  @Roles(Role.InstitutionEditor)
  @ApiCreatedResponse({ description: 'The lesson added at the end; its HTML is sanitised' })
  createLesson(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number, @Body() dto: LessonDto) {
    return this.lessons.create(actor, id, dto);
  }

  @Put(':id/lessons/:lessonId')
  @Roles(Role.InstitutionEditor)
  @ApiOkResponse({ description: 'The lesson saved' })
  updateLesson(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIntPipe) id: number,
    @Param('lessonId', ParseIntPipe) lessonId: number,
    @Body() dto: LessonDto,
  ) {
    return this.lessons.update(actor, id, lessonId, dto);
  }

  @Delete(':id/lessons/:lessonId')
  @Roles(Role.InstitutionEditor)
  @ApiOkResponse({
    description:
      '{ outcome: "removed" } when the course was ever published (the lesson is kept), else "deleted"',
  })
  async removeLesson(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIntPipe) id: number,
    @Param('lessonId', ParseIntPipe) lessonId: number,
  ) {
    return { outcome: await this.lessons.remove(actor, id, lessonId) };
  }

  @Post(':id/lessons/:lessonId/move')
  @HttpCode(204)
  @Roles(Role.InstitutionEditor)
  @ApiOperation({ summary: 'Move a lesson up or down' })
  async moveLesson(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIntPipe) id: number,
    @Param('lessonId', ParseIntPipe) lessonId: number,
    @Body() dto: MoveDto,
  ): Promise<void> {
    await this.lessons.move(actor, id, lessonId, dto.direction);
  }

  @Post(':id/lessons/:lessonId/files')
  @Roles(Role.InstitutionEditor)
  @UseInterceptors(FileUploadInterceptor({ field: 'file', kinds: LEARNING_FILE_KINDS }))
  @ApiConsumes('multipart/form-data')
  @ApiBody(FILE_BODY)
  @ApiOperation({ summary: 'Attach a PDF, DOCX, PPTX, MP4/MOV/WebM or image, checked by its content' })
  async attach(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIntPipe) id: number,
    @Param('lessonId', ParseIntPipe) lessonId: number,
    @UploadedTemp() upload: TempUpload | undefined,
  ) {
    return fileJson(await this.lessons.attachFile(actor, id, lessonId, upload));
  }

  @Post(':id/lessons/:lessonId/videos')
  @Roles(Role.InstitutionEditor)
  @UseInterceptors(FileUploadInterceptor({ field: 'file', kinds: PLAYABLE_VIDEO_KINDS }))
  @ApiConsumes('multipart/form-data')
  @ApiBody(FILE_BODY)
  @ApiOperation({
    summary: 'Upload a video (MP4 or WebM, checked by its content) for the lesson text',
    description:
      'The file is attached to the lesson; `html` is the video block to put in the lesson’s bodyHtml ' +
      '(the sanitiser keeps exactly that shape: this application’s file, controls, no autoplay).',
  })
  async attachVideo(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIntPipe) id: number,
    @Param('lessonId', ParseIntPipe) lessonId: number,
    @UploadedTemp() upload: TempUpload | undefined,
  ) {
    const file = await this.lessons.attachVideo(actor, id, lessonId, upload);
    return { ...fileJson(file), html: videoBlock(file.id) };
  }

  @Delete(':id/lessons/:lessonId/files/:fileId')
  @HttpCode(204)
  @Roles(Role.InstitutionEditor)
  async detach(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIntPipe) id: number,
    @Param('lessonId', ParseIntPipe) lessonId: number,
    @Param('fileId', ParseIntPipe) fileId: number,
  ): Promise<void> {
    await this.lessons.detachFile(actor, id, lessonId, fileId);
  }

  // --- quizzes ------------------------------------------------------------------------------------

  @Post(':id/quizzes')
  @Roles(Role.InstitutionEditor)
  @ApiCreatedResponse({ description: 'A lesson’s quiz (lessonId) or the final quiz (no lessonId)' })
  createQuiz(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIntPipe) id: number,
    @Body() dto: NewQuizDto,
    @Req() req: AppRequest,
  ) {
    return this.quizzes.create(actor, id, dto, req.locale);
  }

  @Put(':id/quizzes/:quizId')
  @Roles(Role.InstitutionEditor)
  updateQuiz(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIntPipe) id: number,
    @Param('quizId', ParseIntPipe) quizId: number,
    @Body() dto: QuizDto,
  ) {
    return this.quizzes.update(actor, id, quizId, dto);
  }

  @Delete(':id/quizzes/:quizId')
  @Roles(Role.InstitutionEditor)
  @ApiOkResponse({ description: '{ outcome: "removed" | "deleted" }' })
  async removeQuiz(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIntPipe) id: number,
    @Param('quizId', ParseIntPipe) quizId: number,
  ) {
    return { outcome: await this.quizzes.remove(actor, id, quizId) };
  }

  @Post(':id/quizzes/:quizId/questions')
  @Roles(Role.InstitutionEditor)
  @ApiCreatedResponse({
    description:
      'SINGLE needs exactly one correct option, MULTIPLE at least one; 2–10 options. TRUE_FALSE: two ' +
      'options ("Đúng", "Sai"), one correct. MATCHING: 2–10 pairs, label → matchLabel. SHORT_ANSWER: ' +
      '1–10 accepted answers as labels',
  })
  addQuestion(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIntPipe) id: number,
    @Param('quizId', ParseIntPipe) quizId: number,
    @Body() dto: QuestionDto,
  ) {
    return this.quizzes.addQuestion(actor, id, quizId, dto);
  }

  @Put(':id/quizzes/:quizId/questions/:questionId')
  @Roles(Role.InstitutionEditor)
  @ApiOkResponse({
    description: 'In an ever-published course a change of kind or options replaces the question (new id)',
  })
  updateQuestion(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIntPipe) id: number,
    @Param('quizId', ParseIntPipe) quizId: number,
    @Param('questionId', ParseIntPipe) questionId: number,
    @Body() dto: QuestionDto,
  ) {
    return this.quizzes.updateQuestion(actor, id, quizId, questionId, dto);
  }

  @Delete(':id/quizzes/:quizId/questions/:questionId')
  @Roles(Role.InstitutionEditor)
  @ApiOkResponse({ description: '{ outcome: "removed" | "deleted" }' })
  async removeQuestion(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIntPipe) id: number,
    @Param('quizId', ParseIntPipe) quizId: number,
    @Param('questionId', ParseIntPipe) questionId: number,
  ) {
    return { outcome: await this.quizzes.removeQuestion(actor, id, quizId, questionId) };
  }

  // --- the course's question bank --------------------------------------------------------------------

  @Get(':id/bank')
  @Roles(Role.InstitutionEditor, Role.FederationAdmin)
  @ApiOkResponse({
    description: 'The active questions of the course’s bank, with their options and right answers',
  })
  async bank(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number) {
    const view = await this.quizzes.bankView(actor, id);
    return {
      courseId: view.course.id,
      questions: view.questions,
      drawingQuizzes: view.drawingQuizzes.map((q) => ({ id: q.id, title: q.title, drawCount: q.drawCount })),
    };
  }

  @Post(':id/bank/questions')
  @Roles(Role.InstitutionEditor)
  @ApiCreatedResponse({ description: 'A question added to the course’s bank (any of the five kinds)' })
  addBankQuestion(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIntPipe) id: number,
    @Body() dto: QuestionDto,
  ) {
    return this.quizzes.addBankQuestion(actor, id, dto);
  }

  @Put(':id/bank/questions/:questionId')
  @Roles(Role.InstitutionEditor)
  @ApiOkResponse({
    description: 'In an ever-published course a change of kind or options replaces the question (new id)',
  })
  updateBankQuestion(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIntPipe) id: number,
    @Param('questionId', ParseIntPipe) questionId: number,
    @Body() dto: QuestionDto,
  ) {
    return this.quizzes.updateBankQuestion(actor, id, questionId, dto);
  }

  @Delete(':id/bank/questions/:questionId')
  @Roles(Role.InstitutionEditor)
  @ApiOkResponse({
    description: '{ outcome: "removed" | "deleted" }; a removed question stays in past attempts',
  })
  async removeBankQuestion(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIntPipe) id: number,
    @Param('questionId', ParseIntPipe) questionId: number,
  ) {
    return { outcome: await this.quizzes.removeBankQuestion(actor, id, questionId) };
  }

  private async detail(actor: Actor, id: number, locale: Locale) {
    const outline = await this.courses.outline(actor, id);
    const { course } = outline;
    return {
      id: course.id,
      institutionId: course.institutionId,
      institutionName: outline.institutionName,
      title: course.title,
      summary: course.summary,
      level: course.level,
      estimatedHours: course.estimatedHours,
      language: course.language,
      licence: course.licence,
      domains: course.domains.map((d) => d.code),
      status: course.status,
      coverFileId: course.coverFileId,
      publishedAt: course.publishedAt,
      archivedAt: course.archivedAt,
      updatedAt: course.updatedAt,
      lessons: outline.lessons.map((l) => ({
        id: l.id,
        position: l.position,
        title: l.title,
        bodyHtml: l.bodyHtml,
        videoUrl: l.videoUrl,
        required: l.required,
        completionRule: l.completionRule,
        minMinutes: l.minMinutes,
        status: l.status,
        files: l.files.map(fileJson),
      })),
      quizzes: (await this.quizzes.ofCourse(id)).map((q) => ({
        id: q.id,
        lessonId: q.lessonId,
        title: q.title,
        passPercent: q.passPercent,
        maxAttempts: q.maxAttempts,
        shuffle: q.shuffle,
        questions: q.questions.map((question) => ({
          id: question.id,
          kind: question.kind,
          prompt: question.prompt,
          explanation: question.explanation,
          options: question.options.map((o) => ({ id: o.id, label: o.label, correct: o.correct })),
        })),
      })),
      publishProblems: Object.values(outline.problems).map((p) => translateRef(locale, p)),
    };
  }
}

function fileJson(file: StoredFile) {
  return {
    id: file.id,
    name: file.originalName,
    kind: file.kind,
    mime: file.mime,
    sizeBytes: file.sizeBytes,
    url: `/catalog/files/${file.id}`,
  };
}
