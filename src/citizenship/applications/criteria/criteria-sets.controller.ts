import {
  Body,
  Controller,
  Get,
  NotFoundException,
  Param,
  ParseIntPipe,
  Post,
  Redirect,
  Render,
  Req,
} from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { CurrentActor, Roles } from '../../../common/access/access.decorators';
import { Actor } from '../../../common/access/actor';
import { Role } from '../../../common/access/roles';
import { FormView } from '../../../common/forms/form-view';
import { AppRequest, flash } from '../../../common/http/request';
import { translate } from '../../../common/i18n/i18n';
import { CriteriaSetStatus } from '../../entities/criteria-set.entity';
import { CriteriaSetsService } from './criteria-sets.service';
import { criterionChoices, criterionValues, versionView } from './criteria.presenters';
import { formatHours } from '../../../common/views/view-helpers';
import { CriteriaGroupDto, CriteriaSettingsDto, CriterionFormDto } from './dto/criteria.dto';

/**
 * The association edits criteria — the reviewers of the branch that owns a set
 * (CriteriaSetsService.canWrite); other reviewers and the federation read them.
 */
export const CRITERIA_READERS: Role[] = [Role.AssociationReviewer, Role.FederationAdmin];
export const CRITERIA_EDITORS: Role[] = [Role.AssociationReviewer];

const PATH = '/citizenship/criteria';

/** The criteria sets' pages: versions, a version's groups and criteria, and the draft's forms. */
@ApiExcludeController()
@Controller('citizenship/criteria')
export class CriteriaSetsController {
  constructor(private readonly criteria: CriteriaSetsService) {}

  @Get()
  @Roles(...CRITERIA_READERS)
  @Render('citizenship/criteria/list')
  async list(@CurrentActor() actor: Actor, @Req() req: AppRequest) {
    const codes = await this.criteria.list(actor);
    return {
      title: translate(req.locale, 'citizenship.criteria.title'),
      codes: codes.map((c) => ({
        ...c,
        versions: c.versions.map((v) => ({
          ...v,
          statusLabel: translate(req.locale, `citizenship.criteria.status.${v.status}`),
          statusClass:
            v.status === CriteriaSetStatus.Active ? 'ok' : v.status === CriteriaSetStatus.Draft ? 'warn' : '',
        })),
      })),
    };
  }

  /** "Tạo phiên bản mới": a draft copied from the code's active version (the existing draft if any). */
  @Post(':id/new-version')
  @Roles(...CRITERIA_EDITORS)
  @Redirect(undefined, 303)
  async newVersion(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIntPipe) id: number,
    @Req() req: AppRequest,
  ) {
    const draft = await this.criteria.createDraft(actor, id);
    flash(req, 'success', 'citizenship.criteria.flash.draftCreated');
    return { url: `${PATH}/${draft.id}` };
  }

  @Get(':id')
  @Roles(...CRITERIA_READERS)
  @Render('citizenship/criteria/show')
  show(@Req() req: AppRequest, @Param('id', ParseIntPipe) _id: number) {
    return this.showContext(req);
  }

  @Post(':id/activate')
  @Roles(...CRITERIA_EDITORS)
  @FormView('citizenship/criteria/show', {
    context: CriteriaSetsController.prototype.showContext,
    flash: 'citizenship.criteria.flash.activated',
  })
  async activate(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number) {
    await this.criteria.activate(actor, id);
    return { url: `${PATH}/${id}` };
  }

  @Post(':id/delete')
  @Roles(...CRITERIA_EDITORS)
  @FormView('citizenship/criteria/show', {
    context: CriteriaSetsController.prototype.showContext,
    flash: 'citizenship.criteria.flash.discarded',
  })
  async discard(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number) {
    await this.criteria.discardDraft(actor, id);
    return { url: PATH };
  }

  @Get(':id/edit')
  @Roles(...CRITERIA_EDITORS)
  @Render('citizenship/criteria/settings')
  settingsPage(@Req() req: AppRequest, @Param('id', ParseIntPipe) _id: number) {
    return this.settingsContext(req);
  }

  @Post(':id')
  @Roles(...CRITERIA_EDITORS)
  @FormView('citizenship/criteria/settings', {
    context: CriteriaSetsController.prototype.settingsContext,
    flash: 'flash.saved',
  })
  async saveSettings(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIntPipe) id: number,
    @Body() dto: CriteriaSettingsDto,
  ) {
    await this.criteria.updateSettings(actor, id, dto);
    return { url: `${PATH}/${id}` };
  }

  @Get(':id/groups/new')
  @Roles(...CRITERIA_EDITORS)
  @Render('citizenship/criteria/group')
  newGroupPage(@Req() req: AppRequest, @Param('id', ParseIntPipe) _id: number) {
    return this.groupContext(req);
  }

  @Post(':id/groups')
  @Roles(...CRITERIA_EDITORS)
  @FormView('citizenship/criteria/group', {
    context: CriteriaSetsController.prototype.groupContext,
    flash: 'flash.saved',
  })
  async addGroup(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIntPipe) id: number,
    @Body() dto: CriteriaGroupDto,
  ) {
    await this.criteria.saveGroup(actor, id, null, dto);
    return { url: `${PATH}/${id}#g-${dto.code}` };
  }

  @Get(':id/groups/:code/edit')
  @Roles(...CRITERIA_EDITORS)
  @Render('citizenship/criteria/group')
  editGroupPage(@Req() req: AppRequest, @Param('id', ParseIntPipe) _id: number) {
    return this.groupContext(req);
  }

  @Post(':id/groups/:code')
  @Roles(...CRITERIA_EDITORS)
  @FormView('citizenship/criteria/group', {
    context: CriteriaSetsController.prototype.groupContext,
    flash: 'flash.saved',
  })
  async saveGroup(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIntPipe) id: number,
    @Param('code') code: string,
    @Body() dto: CriteriaGroupDto,
  ) {
    await this.criteria.saveGroup(actor, id, code, dto);
    return { url: `${PATH}/${id}#g-${dto.code}` };
  }

  @Post(':id/groups/:code/delete')
  @Roles(...CRITERIA_EDITORS)
  @FormView('citizenship/criteria/show', {
    context: CriteriaSetsController.prototype.showContext,
    flash: 'citizenship.criteria.flash.deleted',
  })
  async deleteGroup(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIntPipe) id: number,
    @Param('code') code: string,
  ) {
    await this.criteria.deleteGroup(actor, id, code);
    return { url: `${PATH}/${id}` };
  }

  @Get(':id/items/new')
  @Roles(...CRITERIA_EDITORS)
  @Render('citizenship/criteria/criterion')
  newCriterionPage(@Req() req: AppRequest, @Param('id', ParseIntPipe) _id: number) {
    return this.criterionContext(req);
  }

  @Post(':id/items')
  @Roles(...CRITERIA_EDITORS)
  @FormView('citizenship/criteria/criterion', {
    context: CriteriaSetsController.prototype.criterionContext,
    flash: 'flash.saved',
  })
  async addCriterion(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIntPipe) id: number,
    @Body() dto: CriterionFormDto,
  ) {
    await this.criteria.saveCriterion(actor, id, null, dto);
    return { url: `${PATH}/${id}#c-${dto.code}` };
  }

  @Get(':id/items/:code/edit')
  @Roles(...CRITERIA_EDITORS)
  @Render('citizenship/criteria/criterion')
  editCriterionPage(@Req() req: AppRequest, @Param('id', ParseIntPipe) _id: number) {
    return this.criterionContext(req);
  }

  @Post(':id/items/:code')
  @Roles(...CRITERIA_EDITORS)
  @FormView('citizenship/criteria/criterion', {
    context: CriteriaSetsController.prototype.criterionContext,
    flash: 'flash.saved',
  })
  async saveCriterion(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIntPipe) id: number,
    @Param('code') code: string,
    @Body() dto: CriterionFormDto,
  ) {
    await this.criteria.saveCriterion(actor, id, code, dto);
    return { url: `${PATH}/${id}#c-${dto.code}` };
  }

  @Post(':id/items/:code/delete')
  @Roles(...CRITERIA_EDITORS)
  @FormView('citizenship/criteria/show', {
    context: CriteriaSetsController.prototype.showContext,
    flash: 'citizenship.criteria.flash.deleted',
  })
  async deleteCriterion(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIntPipe) id: number,
    @Param('code') code: string,
  ) {
    await this.criteria.deleteCriterion(actor, id, code);
    return { url: `${PATH}/${id}` };
  }

  /** The version's page; also rendered again when activating or deleting fails. */
  async showContext(req: AppRequest) {
    const detail = await this.criteria.get(Number(req.params.id));
    const view = versionView(req.locale, detail);
    const canWrite = await this.criteria.canWrite(req.user, detail.set);
    return {
      title: `${detail.set.title} – ${translate(req.locale, 'citizenship.criteria.versionN', { version: detail.set.version })}`,
      ...view,
      canEdit: view.isDraft && canWrite,
      canCreateVersion: !view.isDraft && canWrite,
      notOwned: !canWrite && !!req.user?.has(...CRITERIA_EDITORS),
    };
  }

  async settingsContext(req: AppRequest) {
    const detail = await this.editable(req);
    return {
      title: translate(req.locale, 'citizenship.criteria.settingsTitle'),
      readOnly: detail.readOnly,
      notOwned: detail.notOwned,
      owners: detail.owners,
      set: detail.set,
      totalPoints: detail.totalPoints,
      values: {
        title: detail.set.title,
        passMark: detail.set.passMark,
        sourceNote: detail.set.sourceNote ?? '',
      },
    };
  }

  async groupContext(req: AppRequest) {
    const detail = await this.editable(req);
    const code = req.params.code;
    const group = code ? detail.content.groups.find((g) => g.code === code) : undefined;
    if (code && !group) throw new NotFoundException();
    return {
      title: translate(
        req.locale,
        group ? 'citizenship.criteria.editGroup' : 'citizenship.criteria.addGroup',
      ),
      readOnly: detail.readOnly,
      notOwned: detail.notOwned,
      owners: detail.owners,
      set: detail.set,
      group,
      action: group
        ? `${PATH}/${detail.set.id}/groups/${encodeURIComponent(group.code)}`
        : `${PATH}/${detail.set.id}/groups`,
      values: group
        ? { code: group.code, name: group.name, minPoints: group.minPoints ?? '' }
        : { code: String(detail.content.groups.length + 1) },
    };
  }

  async criterionContext(req: AppRequest) {
    const detail = await this.editable(req);
    const code = req.params.code;
    const group = code
      ? detail.content.groups.find((g) => g.criteria.some((c) => c.code === code))
      : undefined;
    const criterion = group?.criteria.find((c) => c.code === code);
    if (code && !criterion) throw new NotFoundException();
    const values = criterion ? criterionValues(group!.code, criterion) : { groupCode: req.query.group ?? '' };
    const posted = req.method === 'POST' ? ((req.body ?? {}) as Record<string, unknown>) : null;
    const kinds = posted ? [posted.kinds ?? []].flat() : ((values as { kinds?: string[] }).kinds ?? []);
    const choices = criterionChoices(req.locale, detail.content);
    return {
      title: translate(
        req.locale,
        criterion ? 'citizenship.criteria.editCriterion' : 'citizenship.criteria.addCriterion',
      ),
      readOnly: detail.readOnly,
      notOwned: detail.notOwned,
      owners: detail.owners,
      set: detail.set,
      criterion,
      action: criterion
        ? `${PATH}/${detail.set.id}/items/${encodeURIComponent(criterion.code)}`
        : `${PATH}/${detail.set.id}/items`,
      values: {
        ...values,
        minHours:
          typeof values.minHours === 'number' ? formatHours(values.minHours, req.locale) : values.minHours,
      },
      ...choices,
      kindOptions: choices.kindOptions.map((k) => ({ ...k, checked: kinds.includes(k.value) })),
    };
  }

  /**
   * The version a form edits. An active or retired one, or one another branch owns, renders the
   * form's page with a note instead of the form (also when a change to it was refused).
   */
  private async editable(req: AppRequest) {
    const detail = await this.criteria.get(Number(req.params.id));
    const notOwned = !(await this.criteria.canWrite(req.user, detail.set));
    return { ...detail, notOwned, readOnly: notOwned || detail.set.status !== CriteriaSetStatus.Draft };
  }
}
