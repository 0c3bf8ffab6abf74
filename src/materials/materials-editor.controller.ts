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
import { editorInstitutionIds } from '../catalog/catalog.access';
import {
  domainChecks,
  fileHint,
  languageOptions,
  licenceOptions,
  sizeMb,
  statusOptions,
} from '../catalog/catalog.presenters';
import { COURSE_READERS } from '../catalog/courses.controller';
import { CourseStatus, Licence } from '../catalog/entities/course.entity';
import { CurrentActor, Roles } from '../common/access/access.decorators';
import { Actor } from '../common/access/actor';
import { Role } from '../common/access/roles';
import { FormView } from '../common/forms/form-view';
import { AppRequest } from '../common/http/request';
import { translate, translateRef } from '../common/i18n/i18n';
import { uploadsConfig, UploadsConfig } from '../config';
import { acceptAttribute, LEARNING_FILE_KINDS } from '../files/file-kinds';
import { FileUploadInterceptor, TempUpload, UploadedTemp } from '../files/file-upload';
import { MaterialDto, MaterialListQuery } from './dto/material.dto';
import { AuthorType, MaterialKind } from './entities/learning-material.entity';
import { MaterialsService, publishProblems } from './materials.service';

const PATH = '/catalog/materials';

/** Institution editors share open learning materials; the federation admin reads them. */
@ApiExcludeController()
@Controller('catalog/materials')
export class MaterialsEditorController {
  constructor(
    private readonly materials: MaterialsService,
    @Inject(uploadsConfig.KEY) private readonly uploads: UploadsConfig,
  ) {}

  @Get()
  @Roles(...COURSE_READERS)
  @Render('catalog/materials/list')
  async list(@CurrentActor() actor: Actor, @Query() query: MaterialListQuery, @Req() req: AppRequest) {
    return {
      title: translate(req.locale, 'materials.editor.title'),
      page: await this.materials.page(actor, query),
      query: { q: query.q, status: query.status },
      statuses: statusOptions(req.locale).map((o) => ({ ...o, selected: o.value === query.status })),
      canCreate: editorInstitutionIds(actor).length > 0,
    };
  }

  @Get('new')
  @Roles(Role.InstitutionEditor)
  @Render('catalog/materials/form')
  newPage(@Req() req: AppRequest) {
    return this.formContext(req);
  }

  /** Multipart (the file comes with the form): the upload interceptor checks the `_csrf` field. */
  @Post()
  @Roles(Role.InstitutionEditor)
  @UseInterceptors(FileUploadInterceptor({ field: 'file', kinds: LEARNING_FILE_KINDS }))
  @FormView('catalog/materials/form', {
    context: MaterialsEditorController.prototype.formContext,
    flash: 'materials.created',
  })
  async create(
    @CurrentActor() actor: Actor,
    @Body() dto: MaterialDto,
    @UploadedTemp() upload: TempUpload | undefined,
  ) {
    const material = await this.materials.create(actor, dto, upload);
    return { url: `${PATH}/${material.id}` };
  }

  @Get(':id')
  @Roles(...COURSE_READERS)
  @Render('catalog/materials/form')
  editPage(@Req() req: AppRequest, @Param('id', ParseIntPipe) _id: number) {
    return this.formContext(req);
  }

  @Post(':id')
  @Roles(Role.InstitutionEditor)
  @UseInterceptors(FileUploadInterceptor({ field: 'file', kinds: LEARNING_FILE_KINDS }))
  @FormView('catalog/materials/form', {
    context: MaterialsEditorController.prototype.formContext,
    flash: 'flash.saved',
  })
  async update(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIntPipe) id: number,
    @Body() dto: MaterialDto,
    @UploadedTemp() upload: TempUpload | undefined,
  ) {
    await this.materials.update(actor, id, dto, upload);
    return { url: `${PATH}/${id}` };
  }

  @Post(':id/publish')
  @Roles(Role.InstitutionEditor)
  @FormView('catalog/refused', {
    context: MaterialsEditorController.prototype.refusedContext,
    flash: 'materials.published',
  })
  async publish(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number) {
    await this.materials.publish(actor, id);
    return { url: `${PATH}/${id}` };
  }

  @Post(':id/archive')
  @Roles(Role.InstitutionEditor)
  @FormView('catalog/refused', {
    context: MaterialsEditorController.prototype.refusedContext,
    flash: 'materials.archived',
  })
  async archive(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number) {
    await this.materials.archive(actor, id);
    return { url: `${PATH}/${id}` };
  }

  /** Where a refused button leads back to. */
  async refusedContext(req: AppRequest) {
    const material = await this.materials.viewable(req.user!, Number(req.params.id));
    return {
      title: translate(req.locale, 'catalog.refused.title'),
      back: { url: `${PATH}/${material.id}`, label: material.title },
    };
  }

  /** The material form (new or existing) with its status; also used to render it again with errors. */
  async formContext(req: AppRequest) {
    const actor = req.user!;
    const id = req.params.id ? Number(req.params.id) : undefined;
    const material = id ? await this.materials.viewable(actor, id) : undefined;
    const row = id ? await this.materials.editorRow(actor, id) : undefined;
    const institutions = material ? [] : await this.materials.institutionsOf(actor);
    const selected =
      req.method === 'POST'
        ? // No body at all when a broken multipart form could not be read.
          (req.body as Record<string, unknown> | undefined)?.domains
        : material?.domains.map((d) => d.code);
    const status = material?.status;
    return {
      title: material ? material.title : translate(req.locale, 'materials.newTitle'),
      material,
      row: row && { ...row, fileSizeMb: row.file ? sizeMb(row.file.sizeBytes) : null },
      canEdit: material ? editorInstitutionIds(actor).includes(material.institutionId) : true,
      isPublished: status === CourseStatus.Published,
      isArchived: status === CourseStatus.Archived,
      isDraft: status === CourseStatus.Draft,
      problems:
        material && status !== CourseStatus.Published
          ? Object.values(publishProblems(material)).map((p) => translateRef(req.locale, p))
          : [],
      initial: {
        kind: material?.kind ?? MaterialKind.File,
        authorType: material?.authorType ?? AuthorType.Person,
        licence: material?.licence ?? Licence.CcBy,
        language: material?.language ?? 'vi',
      },
      institutionOptions:
        institutions.length > 1 ? institutions.map((i) => ({ value: i.id, label: i.name })) : null,
      kindOptions: Object.values(MaterialKind).map((k) => ({
        value: k,
        label: translate(req.locale, `materials.kind.${k}`),
      })),
      authorTypeOptions: Object.values(AuthorType).map((t) => ({
        value: t,
        label: translate(req.locale, `materials.authorType.${t}`),
      })),
      licenceOptions: licenceOptions(req.locale),
      languageOptions: languageOptions(req.locale),
      domains: domainChecks(await this.materials.domains(), req.locale, selected),
      fileAccept: acceptAttribute(LEARNING_FILE_KINDS),
      fileHint: fileHint(req.locale, LEARNING_FILE_KINDS, this.uploads.maxFileBytes),
    };
  }
}
