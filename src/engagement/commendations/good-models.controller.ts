import {
  Body,
  Controller,
  Get,
  Param,
  ParseIntPipe,
  Post,
  Render,
  Req,
  Res,
  UseInterceptors,
} from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentActor, Roles, SignedIn } from '../../common/access/access.decorators';
import { Actor } from '../../common/access/actor';
import { FormView } from '../../common/forms/form-view';
import { AppRequest } from '../../common/http/request';
import { translate } from '../../common/i18n/i18n';
import { FileUploadInterceptor, TempUpload, UploadedTemp } from '../../files/file-upload';
import { IMAGE_KINDS } from '../../files/file-kinds';
import { FilesService } from '../../files/files.service';
import { COMMENDATION_DECIDERS, MODEL_WRITERS } from './commendations.access';
import { GoodModelDto, GoodModelEditDto } from './dto/commendation.dto';
import { GoodModelStatus } from './entities/good-model.entity';
import { GoodModelsService } from './good-models.service';

const PATH = '/engagement/models';

/** Good models ("mô hình tốt, cách làm hay"): stories written by officers, published by the federation. */
@ApiExcludeController()
@Controller('engagement/models')
export class GoodModelsController {
  constructor(
    private readonly models: GoodModelsService,
    private readonly files: FilesService,
  ) {}

  @Get()
  @SignedIn()
  @Render('engagement/commendations/models')
  async list(@CurrentActor() actor: Actor, @Req() req: AppRequest) {
    const [models, own] = await Promise.all([this.models.list(actor), this.models.ownEnterprises(actor)]);
    return {
      title: translate(req.locale, 'models.title'),
      models: models.map((m) => ({ ...m, draft: m.status === GoodModelStatus.Draft })),
      canWrite: own === null ? actor.has(...MODEL_WRITERS) : own.length > 0,
    };
  }

  @Get('new')
  @Roles(...MODEL_WRITERS)
  @Render('engagement/commendations/model-form')
  newPage(@Req() req: AppRequest) {
    return this.formContext(req);
  }

  @Post()
  @Roles(...MODEL_WRITERS)
  @UseInterceptors(FileUploadInterceptor({ field: 'file', kinds: IMAGE_KINDS }))
  @FormView('engagement/commendations/model-form', {
    context: GoodModelsController.prototype.formContext,
    flash: 'models.created',
  })
  async create(
    @CurrentActor() actor: Actor,
    @Body() dto: GoodModelDto,
    @UploadedTemp() upload: TempUpload | undefined,
  ) {
    const model = await this.models.create(actor, dto, upload);
    return { url: `${PATH}/${model.id}` };
  }

  @Get(':id')
  @SignedIn()
  @Render('engagement/commendations/model')
  async show(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number) {
    const model = await this.models.detail(actor, id);
    return {
      title: model.title,
      model,
      draft: model.status === GoodModelStatus.Draft,
      canPublish: this.models.canPublish(actor, model),
      canEdit: await this.models.canEdit(actor, model),
    };
  }

  /** The create form with the model's values: a draft for its officers and the federation, a published one for the federation. */
  @Get(':id/edit')
  @Roles(...MODEL_WRITERS)
  @Render('engagement/commendations/model-form')
  editPage(@Req() req: AppRequest, @Param('id', ParseIntPipe) _id: number) {
    return this.editContext(req);
  }

  @Post(':id')
  @Roles(...MODEL_WRITERS)
  @UseInterceptors(FileUploadInterceptor({ field: 'file', kinds: IMAGE_KINDS }))
  @FormView('engagement/commendations/model-form', {
    context: GoodModelsController.prototype.editContext,
    flash: 'models.edited',
  })
  async edit(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIntPipe) id: number,
    @Body() dto: GoodModelEditDto,
    @UploadedTemp() upload: TempUpload | undefined,
  ) {
    await this.models.edit(actor, id, dto, upload);
    return { url: `${PATH}/${id}` };
  }

  @Get(':id/image')
  @SignedIn()
  async image(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIntPipe) id: number,
    @Res() res: Response,
  ): Promise<void> {
    await this.files.send(res, await this.models.image(actor, id), { inline: true });
  }

  @Post(':id/publish')
  @Roles(...COMMENDATION_DECIDERS)
  @FormView('engagement/commendations/model', {
    context: GoodModelsController.prototype.showContext,
    flash: 'models.published',
  })
  async publish(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number) {
    await this.models.publish(actor, id);
    return { url: `${PATH}/${id}` };
  }

  async showContext(req: AppRequest) {
    return this.show(req.user!, Number(req.params.id));
  }

  async formContext(req: AppRequest) {
    const q = typeof req.query.q === 'string' ? req.query.q.slice(0, 200) : undefined;
    const [own, choices] = await Promise.all([
      this.models.ownEnterprises(req.user!),
      this.models.enterpriseChoices(req.user!, q),
    ]);
    return {
      title: translate(req.locale, 'models.newTitle'),
      query: { q },
      // An officer of one enterprise writes for it; the federation (searching by name) and officers of several pick one.
      enterpriseOptions:
        choices.length > 1 || own === null ? choices.map((e) => ({ value: e.id, label: e.name })) : null,
      anyEnterprise: own === null,
      singleEnterprise: own && own.length === 1 ? own[0] : null,
      accept: '.png,.jpg,.jpeg,.gif,.webp',
      action: PATH,
    };
  }

  /** The create form as an edit form: the enterprise stays; a new photo replaces the old one. */
  async editContext(req: AppRequest) {
    const actor = req.user!;
    const id = Number(req.params.id);
    await this.models.editable(actor, id);
    const model = await this.models.detail(actor, id);
    return {
      title: translate(req.locale, 'models.editTitle', { title: model.title }),
      editing: true,
      model,
      values: model,
      singleEnterprise: { id: model.enterpriseId, name: model.enterpriseName },
      accept: '.png,.jpg,.jpeg,.gif,.webp',
      action: `${PATH}/${id}`,
    };
  }
}
