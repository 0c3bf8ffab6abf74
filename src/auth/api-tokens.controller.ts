import { Body, Controller, Get, Param, ParseIntPipe, Post, Redirect, Render, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentActor, Roles } from '../common/access/access.decorators';
import { Actor } from '../common/access/actor';
import { INTEGRATION_ROLES } from '../common/access/roles';
import { AppRequest, flash } from '../common/http/request';
import { ApiTokensService } from './api-tokens.service';
import { CreateApiTokenDto } from './dto/auth.dto';

@ApiExcludeController()
@Controller('account/tokens')
export class ApiTokensController {
  constructor(private readonly tokens: ApiTokensService) {}

  @Get()
  @Roles(...INTEGRATION_ROLES)
  @Render('auth/tokens')
  async list(@CurrentActor() actor: Actor) {
    return { tokens: await this.tokens.list(actor) };
  }

  /** Renders the page (no redirect) so the new token is shown once and never stored in the session. */
  @Post()
  @Roles(...INTEGRATION_ROLES)
  async create(
    @CurrentActor() actor: Actor,
    @Body() dto: CreateApiTokenDto,
    @Res() res: Response,
  ): Promise<void> {
    const { token, record } = await this.tokens.create(actor, dto.name, dto.expiresInDays);
    res.setHeader('Cache-Control', 'no-store');
    res.status(201).render('auth/tokens', {
      tokens: await this.tokens.list(actor),
      created: { token, name: record.name },
    });
  }

  @Post(':id/revoke')
  @Roles(...INTEGRATION_ROLES)
  @Redirect('/account/tokens', 303)
  async revoke(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number, @Req() req: AppRequest) {
    await this.tokens.revoke(actor, id);
    flash(req, 'success', 'tokens.revoked');
  }
}
