import {
  Body,
  Controller,
  Get,
  Param,
  ParseIntPipe,
  Post,
  Query,
  Render,
  Req,
  Res,
  UseFilters,
} from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { AuthService } from '../auth/auth.service';
import { CurrentActor, Roles } from '../common/access/access.decorators';
import { Actor } from '../common/access/actor';
import { Role, ROLE_SCOPES } from '../common/access/roles';
import { FormView } from '../common/forms/form-view';
import { PageQuery } from '../common/http/pagination';
import { translate } from '../common/i18n/i18n';
import { AppRequest } from '../common/http/request';
import { CreateUserDto, PasswordResetDto, RoleGrantDto, UserStatusDto } from './dto/user-admin.dto';
import { ScopeDirectory } from './scope-directory';
import { UserPageFormErrors } from './user-page-form-errors.filter';
import { GRANTABLE_ROLES, UsersService } from './users.service';

const ADMINS = [Role.FederationAdmin, Role.SystemAdmin];

@ApiExcludeController()
@Controller('admin/users')
export class UsersAdminController {
  constructor(
    private readonly users: UsersService,
    private readonly scopes: ScopeDirectory,
    private readonly auth: AuthService,
  ) {}

  @Get()
  @Roles(...ADMINS)
  @Render('users/list')
  async list(@Query() query: PageQuery) {
    return { page: await this.users.page(query), query };
  }

  @Get('new')
  @Roles(...ADMINS)
  @Render('users/new')
  newForm(@Req() req: AppRequest) {
    return this.grantChoices(req);
  }

  @Post()
  @Roles(...ADMINS)
  @FormView('users/new', { context: UsersAdminController.prototype.grantChoices, flash: 'users.created' })
  async create(@CurrentActor() actor: Actor, @Body() dto: CreateUserDto) {
    const user = await this.users.create(actor, dto);
    return { url: `/admin/users/${user.id}` };
  }

  @Get(':id')
  @Roles(...ADMINS)
  @Render('users/show')
  show(@Req() req: AppRequest) {
    return this.userPage(req);
  }

  @Post(':id/roles')
  @Roles(...ADMINS)
  @FormView('users/show', { context: UsersAdminController.prototype.userPage, flash: 'flash.saved' })
  async addRole(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIntPipe) id: number,
    @Body() dto: RoleGrantDto,
  ) {
    await this.users.addRole(actor, id, dto);
    return { url: `/admin/users/${id}` };
  }

  @Post(':id/roles/:assignmentId/delete')
  @Roles(...ADMINS)
  @FormView('users/show', { context: UsersAdminController.prototype.userPage, flash: 'flash.saved' })
  async removeRole(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIntPipe) id: number,
    @Param('assignmentId', ParseIntPipe) assignmentId: number,
  ) {
    await this.users.removeRole(actor, id, assignmentId);
    return { url: `/admin/users/${id}` };
  }

  @Post(':id/status')
  @Roles(...ADMINS)
  @FormView('users/show', { context: UsersAdminController.prototype.userPage, flash: 'flash.saved' })
  async setStatus(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIntPipe) id: number,
    @Body() dto: UserStatusDto,
  ) {
    await this.users.setStatus(actor, id, dto.status);
    return { url: `/admin/users/${id}` };
  }

  /**
   * A federation or system admin resets a password, with a reason for the audit trail. The new
   * one-time code is rendered once (never stored in the session or a URL); a refused reason shows
   * the user's page again with the message, status 400.
   */
  @Post(':id/password-reset')
  @Roles(...ADMINS)
  @UseFilters(UserPageFormErrors)
  async resetPassword(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIntPipe) id: number,
    @Body() dto: PasswordResetDto,
    @Res() res: Response,
  ) {
    const reset = await this.users.resetPassword(actor, id, dto.reason);
    res.setHeader('Cache-Control', 'no-store');
    res.status(200).render('users/reset-code', reset);
  }

  /** Shows a new one-time code once (rendered, never stored in the session or a URL). */
  @Post(':id/activation-code')
  @Roles(...ADMINS)
  async activationCode(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIntPipe) id: number,
    @Res() res: Response,
  ) {
    await this.users.mayIssueCode(actor, id);
    const code = await this.auth.issueActivationCode(id);
    const { user } = await this.users.get(id);
    res.setHeader('Cache-Control', 'no-store');
    res.render('users/activation-code', { user, code });
  }

  async userPage(req: AppRequest) {
    const id = Number(req.params.id);
    const activated = await this.users.wasActivated(id);
    return {
      ...(await this.users.get(id)),
      ...(await this.grantChoices(req)),
      // An activated account takes no activation code again: the admins reset it, with a reason.
      canIssueCode: !activated,
      canReset: activated && req.user?.userId !== id,
    };
  }

  async grantChoices(req: AppRequest) {
    const options = await this.scopes.options();
    const groups = (['UNIT', 'ENTERPRISE', 'INSTITUTION', 'BRANCH'] as const).map((type) => ({
      label: translate(req.locale, `scope.${type}`),
      options: options[type].map((o) => ({ value: `${type}:${o.value}`, label: o.label })),
    }));
    return {
      roleOptions: GRANTABLE_ROLES.map((role) => ({
        value: role,
        label: translate(req.locale, `role.${role}`),
        scopes: ROLE_SCOPES[role].join(' '),
      })),
      scopeGroups: groups,
      allLabel: translate(req.locale, 'scope.ALL'),
    };
  }
}
