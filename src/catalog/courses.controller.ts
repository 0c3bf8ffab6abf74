import {
  Body,
  Controller,
  Get,
  Inject,
  Param,
  ParseIntPipe,
  Post,
  Query,
  Render,
  Req,
  UseInterceptors,
} from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { CurrentActor, Roles } from '../common/access/access.decorators';
import { Actor } from '../common/access/actor';
import { Role } from '../common/access/roles';
import { FormView } from '../common/forms/form-view';
import { AppRequest, flash } from '../common/http/request';
import { translate, translateRef } from '../common/i18n/i18n';
import { uploadsConfig, UploadsConfig } from '../config';
import { acceptAttribute, IMAGE_KINDS } from '../files/file-kinds';
import { FileUploadInterceptor, TempUpload, UploadedTemp } from '../files/file-upload';
import { editorInstitutionIds } from './catalog.access';
import {
  completionRuleOptions,
  domainChecks,
  fileHint,
  languageOptions,
  levelOptions,
  licenceOptions,
  licenceView,
  statusOptions,
} from './catalog.presenters';
import { CoursesService } from './courses.service';
import { CourseDto, CourseListQuery, MoveDto } from './dto/course.dto';
import { CourseLevel, CourseStatus, Licence } from './entities/course.entity';
import { LessonStatus } from './entities/lesson.entity';
import { LessonsService } from './lessons.service';

export const COURSE_READERS = [Role.InstitutionEditor, Role.FederationAdmin];
const PATH = '/catalog/courses';

/** Course authoring pages for institution editors; the federation admin reads them. */
@ApiExcludeController()
@Controller('catalog/courses')
export class CoursesController {
  constructor(
    private readonly courses: CoursesService,
    private readonly lessons: LessonsService,
    @Inject(uploadsConfig.KEY) private readonly uploads: UploadsConfig,
  ) {}

  @Get()
  @Roles(...COURSE_READERS)
  @Render('catalog/courses/list')
  async list(@CurrentActor() actor: Actor, @Query() query: CourseListQuery, @Req() req: AppRequest) {
    const page = await this.courses.page(actor, query);
    return {
      title: translate(req.locale, 'catalog.courses.title'),
      page,
      query: { q: query.q, status: query.status },
      statuses: statusOptions(req.locale).map((o) => ({ ...o, selected: o.value === query.status })),
      canCreate: editorInstitutionIds(actor).length > 0,
      showInstitution: !actor.has(Role.InstitutionEditor) || editorInstitutionIds(actor).length > 1,
    };
  }

  @Get('new')
  @Roles(Role.InstitutionEditor)
  @Render('catalog/courses/form')
  newPage(@Req() req: AppRequest) {
    return this.formContext(req);
  }

  @Post()
  @Roles(Role.InstitutionEditor)
  @FormView('catalog/courses/form', {
    context: CoursesController.prototype.formContext,
    flash: 'catalog.course.created',
  })
  async create(@CurrentActor() actor: Actor, @Body() dto: CourseDto) {
    const course = await this.courses.create(actor, dto);
    return { url: `${PATH}/${course.id}` };
  }

  @Get(':id')
  @Roles(...COURSE_READERS)
  @Render('catalog/courses/show')
  show(@Req() req: AppRequest, @Param('id', ParseIntPipe) _id: number) {
    return this.showContext(req);
  }

  @Get(':id/edit')
  @Roles(Role.InstitutionEditor)
  @Render('catalog/courses/form')
  async editPage(@Req() req: AppRequest, @Param('id', ParseIntPipe) _id: number) {
    return this.formContext(req);
  }

  @Post(':id')
  @Roles(Role.InstitutionEditor)
  @FormView('catalog/courses/form', {
    context: CoursesController.prototype.formContext,
    flash: 'flash.saved',
  })
  async update(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number, @Body() dto: CourseDto) {
    await this.courses.update(actor, id, dto);
    return { url: `${PATH}/${id}` };
  }

  /** Multipart: the upload interceptor checks the form's `_csrf` field (see csrf.ts). */
  @Post(':id/cover')
  @Roles(Role.InstitutionEditor)
  @UseInterceptors(FileUploadInterceptor({ field: 'file', kinds: IMAGE_KINDS }))
  @FormView('catalog/courses/show', {
    context: CoursesController.prototype.showContext,
    flash: 'catalog.cover.saved',
  })
  async cover(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIntPipe) id: number,
    @UploadedTemp() upload: TempUpload | undefined,
  ) {
    await this.courses.setCover(actor, id, upload);
    return { url: `${PATH}/${id}#cover` };
  }

  @Post(':id/cover/remove')
  @Roles(Role.InstitutionEditor)
  @FormView('catalog/courses/show', {
    context: CoursesController.prototype.showContext,
    flash: 'catalog.cover.removed',
  })
  async removeCover(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number) {
    await this.courses.removeCover(actor, id);
    return { url: `${PATH}/${id}#cover` };
  }

  @Post(':id/publish')
  @Roles(Role.InstitutionEditor)
  @FormView('catalog/courses/show', {
    context: CoursesController.prototype.showContext,
    flash: 'catalog.course.published',
  })
  async publish(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number) {
    await this.courses.publish(actor, id);
    return { url: `${PATH}/${id}` };
  }

  @Post(':id/archive')
  @Roles(Role.InstitutionEditor)
  @FormView('catalog/courses/show', {
    context: CoursesController.prototype.showContext,
    flash: 'catalog.course.archived',
  })
  async archive(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number) {
    await this.courses.archive(actor, id);
    return { url: `${PATH}/${id}` };
  }

  @Post(':id/lessons/:lessonId/move')
  @Roles(Role.InstitutionEditor)
  @FormView('catalog/courses/show', { context: CoursesController.prototype.showContext })
  async move(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIntPipe) id: number,
    @Param('lessonId', ParseIntPipe) lessonId: number,
    @Body() dto: MoveDto,
  ) {
    await this.lessons.move(actor, id, lessonId, dto.direction);
    return { url: `${PATH}/${id}#lesson-${lessonId}` };
  }

  @Post(':id/lessons/:lessonId/remove')
  @Roles(Role.InstitutionEditor)
  @FormView('catalog/courses/show', { context: CoursesController.prototype.showContext })
  async removeLesson(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIntPipe) id: number,
    @Param('lessonId', ParseIntPipe) lessonId: number,
    @Req() req: AppRequest,
  ) {
    const outcome = await this.lessons.remove(actor, id, lessonId);
    flash(req, 'success', outcome === 'removed' ? 'catalog.lesson.retired' : 'catalog.lesson.deleted');
    return { url: `${PATH}/${id}#lessons` };
  }

  /** What the details form needs; also used to render it again with errors. */
  async formContext(req: AppRequest) {
    const actor = req.user!;
    const id = req.params.id ? Number(req.params.id) : undefined;
    const course = id ? await this.courses.editable(actor, id) : undefined;
    const institutions = course ? [] : await this.courses.institutionsOf(actor);
    const submitted = req.method === 'POST' ? (req.body as Record<string, unknown>) : undefined;
    const selected = submitted ? submitted.domains : course?.domains.map((d) => d.code);
    return {
      title: translate(req.locale, course ? 'catalog.course.editTitle' : 'catalog.course.newTitle'),
      course,
      initial: {
        level: course?.level ?? CourseLevel.Beginner,
        language: course?.language ?? 'vi',
        licence: course?.licence ?? Licence.CcBy,
      },
      institutionOptions:
        institutions.length > 1 ? institutions.map((i) => ({ value: i.id, label: i.name })) : null,
      levelOptions: levelOptions(req.locale),
      languageOptions: languageOptions(req.locale),
      licenceOptions: licenceOptions(req.locale),
      domains: domainChecks(await this.courses.domains(), req.locale, selected),
      everPublished: course?.publishedAt != null,
    };
  }

  /** The course page: details, cover, lessons, quizzes and what publishing still needs. */
  async showContext(req: AppRequest) {
    const actor = req.user!;
    const outline = await this.courses.outline(actor, Number(req.params.id));
    const { course } = outline;
    const canEdit = editorInstitutionIds(actor).includes(course.institutionId);
    const active = outline.lessons.filter((l) => l.status === LessonStatus.Active);
    return {
      title: course.title,
      course,
      institutionName: outline.institutionName,
      canEdit,
      everPublished: outline.everPublished,
      status: course.status,
      isDraft: course.status === CourseStatus.Draft,
      isPublished: course.status === CourseStatus.Published,
      isArchived: course.status === CourseStatus.Archived,
      domains: domainChecks(
        await this.courses.domains(),
        req.locale,
        course.domains.map((d) => d.code),
      ).filter((d) => (d as { checked: boolean }).checked),
      licence: licenceView(course.licence, req.locale),
      lessons: active.map((lesson, i) => ({
        ...lesson,
        ordinal: i + 1,
        first: i === 0,
        last: i === active.length - 1,
        rule: translate(req.locale, `completionRule.${lesson.completionRule}`),
      })),
      removedLessons: outline.lessons.filter((l) => l.status === LessonStatus.Removed),
      finalQuiz: outline.finalQuiz,
      problems:
        course.status === CourseStatus.Published
          ? []
          : Object.values(outline.problems).map((p) => translateRef(req.locale, p)),
      coverAccept: acceptAttribute(IMAGE_KINDS),
      coverHint: fileHint(req.locale, IMAGE_KINDS, this.uploads.maxFileBytes),
      ruleOptions: completionRuleOptions(req.locale),
    };
  }
}
