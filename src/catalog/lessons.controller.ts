import {
  Body,
  Controller,
  Get,
  Inject,
  Param,
  ParseIntPipe,
  Post,
  Render,
  Req,
  UseInterceptors,
} from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { CurrentActor, Roles } from '../common/access/access.decorators';
import { Actor } from '../common/access/actor';
import { Role } from '../common/access/roles';
import { FormView } from '../common/forms/form-view';
import { AppRequest } from '../common/http/request';
import { translate } from '../common/i18n/i18n';
import { uploadsConfig, UploadsConfig } from '../config';
import {
  acceptAttribute,
  isImageKind,
  isPlayableVideoKind,
  LEARNING_FILE_KINDS,
  PLAYABLE_VIDEO_KINDS,
} from '../files/file-kinds';
import { FileUploadInterceptor, TempUpload, UploadedTemp } from '../files/file-upload';
import { editorInstitutionIds } from './catalog.access';
import { completionRuleOptions, fileHint, sizeMb, videoView } from './catalog.presenters';
import { CoursesService } from './courses.service';
import { COURSE_READERS } from './courses.controller';
import { LessonDto } from './dto/course.dto';
import { LessonStatus } from './entities/lesson.entity';
import { LESSON_TAGS } from './lesson-content';
import { LessonsService } from './lessons.service';

/** A course's lessons: text, video link, attached files, completion rule. */
@ApiExcludeController()
@Controller('catalog/courses/:courseId/lessons')
export class LessonsController {
  constructor(
    private readonly lessons: LessonsService,
    private readonly courses: CoursesService,
    @Inject(uploadsConfig.KEY) private readonly uploads: UploadsConfig,
  ) {}

  @Get('new')
  @Roles(Role.InstitutionEditor)
  @Render('catalog/courses/lesson')
  newPage(@Req() req: AppRequest, @Param('courseId', ParseIntPipe) _courseId: number) {
    return this.lessonContext(req);
  }

  @Post()
  @Roles(Role.InstitutionEditor)
  @FormView('catalog/courses/lesson', {
    context: LessonsController.prototype.lessonContext,
    flash: 'catalog.lesson.created',
  })
  async create(
    @CurrentActor() actor: Actor,
    @Param('courseId', ParseIntPipe) courseId: number,
    @Body() dto: LessonDto,
  ) {
    const lesson = await this.lessons.create(actor, courseId, dto);
    return { url: `/catalog/courses/${courseId}/lessons/${lesson.id}` };
  }

  @Get(':lessonId')
  @Roles(...COURSE_READERS)
  @Render('catalog/courses/lesson')
  editPage(
    @Req() req: AppRequest,
    @Param('courseId', ParseIntPipe) _courseId: number,
    @Param('lessonId', ParseIntPipe) _lessonId: number,
  ) {
    return this.lessonContext(req);
  }

  @Post(':lessonId')
  @Roles(Role.InstitutionEditor)
  @FormView('catalog/courses/lesson', {
    context: LessonsController.prototype.lessonContext,
    flash: 'flash.saved',
  })
  async update(
    @CurrentActor() actor: Actor,
    @Param('courseId', ParseIntPipe) courseId: number,
    @Param('lessonId', ParseIntPipe) lessonId: number,
    @Body() dto: LessonDto,
  ) {
    await this.lessons.update(actor, courseId, lessonId, dto);
    return { url: `/catalog/courses/${courseId}/lessons/${lessonId}` };
  }

  /** Multipart: the upload interceptor checks the form's `_csrf` field (see csrf.ts). */
  @Post(':lessonId/files')
  @Roles(Role.InstitutionEditor)
  @UseInterceptors(FileUploadInterceptor({ field: 'file', kinds: LEARNING_FILE_KINDS }))
  @FormView('catalog/courses/lesson-files', {
    context: LessonsController.prototype.lessonContext,
    flash: 'catalog.file.attached',
  })
  async attach(
    @CurrentActor() actor: Actor,
    @Param('courseId', ParseIntPipe) courseId: number,
    @Param('lessonId', ParseIntPipe) lessonId: number,
    @UploadedTemp() upload: TempUpload | undefined,
  ) {
    // The new file's id in the address lets the lesson editor insert it (client/lesson-editor.js).
    const file = await this.lessons.attachFile(actor, courseId, lessonId, upload);
    return { url: `/catalog/courses/${courseId}/lessons/${lessonId}?file=${file.id}#files` };
  }

  /** The lesson editor's video block (client/lesson-editor.js): MP4 or WebM only, by its bytes. */
  @Post(':lessonId/videos')
  @Roles(Role.InstitutionEditor)
  @UseInterceptors(FileUploadInterceptor({ field: 'file', kinds: PLAYABLE_VIDEO_KINDS }))
  @FormView('catalog/courses/lesson-files', {
    context: LessonsController.prototype.lessonContext,
    flash: 'catalog.file.attached',
  })
  async attachVideo(
    @CurrentActor() actor: Actor,
    @Param('courseId', ParseIntPipe) courseId: number,
    @Param('lessonId', ParseIntPipe) lessonId: number,
    @UploadedTemp() upload: TempUpload | undefined,
  ) {
    const file = await this.lessons.attachVideo(actor, courseId, lessonId, upload);
    return { url: `/catalog/courses/${courseId}/lessons/${lessonId}?file=${file.id}#files` };
  }

  @Post(':lessonId/files/:fileId/remove')
  @Roles(Role.InstitutionEditor)
  @FormView('catalog/refused', {
    context: LessonsController.prototype.refusedContext,
    flash: 'catalog.file.removed',
  })
  async detach(
    @CurrentActor() actor: Actor,
    @Param('courseId', ParseIntPipe) courseId: number,
    @Param('lessonId', ParseIntPipe) lessonId: number,
    @Param('fileId', ParseIntPipe) fileId: number,
  ) {
    await this.lessons.detachFile(actor, courseId, lessonId, fileId);
    return { url: `/catalog/courses/${courseId}/lessons/${lessonId}#files` };
  }

  /** Where a refused button leads back to. */
  async refusedContext(req: AppRequest) {
    const { lesson } = await this.lessons.editView(
      req.user!,
      Number(req.params.courseId),
      Number(req.params.lessonId),
    );
    return {
      title: translate(req.locale, 'catalog.refused.title'),
      back: { url: `/catalog/courses/${lesson.courseId}/lessons/${lesson.id}`, label: lesson.title },
    };
  }

  /** The lesson form (new or existing) with its files and quiz; also used to render it again with errors. */
  async lessonContext(req: AppRequest) {
    const actor = req.user!;
    const courseId = Number(req.params.courseId);
    const lessonId = req.params.lessonId ? Number(req.params.lessonId) : undefined;
    const view = lessonId ? await this.lessons.editView(actor, courseId, lessonId) : undefined;
    const course = view?.course ?? (await this.courses.editable(actor, courseId));
    const canEdit = editorInstitutionIds(actor).includes(course.institutionId);
    // The upload form shown again after a refusal is the one that was sent: any file, or a video.
    const videoUpload = req.method === 'POST' && /\/videos$/.test(req.path);
    const uploadKinds = videoUpload ? PLAYABLE_VIDEO_KINDS : LEARNING_FILE_KINDS;
    return {
      title: view ? view.lesson.title : translate(req.locale, 'catalog.lesson.newTitle'),
      course,
      lesson: view?.lesson,
      canEdit: canEdit && view?.lesson.status !== LessonStatus.Removed,
      removed: view?.lesson.status === LessonStatus.Removed,
      everPublished: course.publishedAt !== null,
      defaults: { completionRule: 'OPENED', required: 'true' },
      ruleOptions: completionRuleOptions(req.locale),
      requiredOptions: [
        { value: 'true', label: translate(req.locale, 'catalog.lesson.requiredYes') },
        { value: 'false', label: translate(req.locale, 'catalog.lesson.requiredNo') },
      ],
      allowedTags: LESSON_TAGS.map((t) => `<${t}>`).join(' '),
      video: view ? videoView(view.lesson.videoUrl) : null,
      files: (view?.files ?? []).map((f) => ({
        ...f,
        sizeMb: sizeMb(f.sizeBytes),
        isImage: isImageKind(f.kind),
        isVideo: isPlayableVideoKind(f.kind),
      })),
      quiz: view?.quiz ?? null,
      uploadAction: videoUpload ? 'videos' : 'files',
      uploadLabel: translate(req.locale, videoUpload ? 'catalog.files.addVideo' : 'catalog.files.add'),
      fileAccept: acceptAttribute(uploadKinds),
      fileHint: fileHint(req.locale, uploadKinds, this.uploads.maxFileBytes),
      videoAccept: acceptAttribute(PLAYABLE_VIDEO_KINDS),
    };
  }
}
