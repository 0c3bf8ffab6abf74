import { Body, Controller, Get, Param, Post, Query, Render, Req, Res, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentActor, Public, SignedIn } from '../common/access/access.decorators';
import { Actor } from '../common/access/actor';
import { FormError } from '../common/errors/form-error';
import { FormView } from '../common/forms/form-view';
import { translate } from '../common/i18n/i18n';
import { LOCALES } from '../common/i18n/messages';
import { AppRequest, flash, safeReturnPath, signInReason } from '../common/http/request';
import { AuthService } from './auth.service';
import { ActivateDto, ChangePasswordDto } from './dto/auth.dto';
import { LocalAuthGuard, LoginRequest } from './local-auth.guard';

export const SESSION_COOKIE = 'hoctap.sid';
export const LOCALE_COOKIE = 'lang';

@ApiExcludeController()
@Controller()
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Get('login')
  @Public()
  @Render('auth/login')
  loginPage(@Req() req: AppRequest) {
    return { signInFor: signInReason(req) };
  }

  @Post('login')
  @Public()
  @UseGuards(LocalAuthGuard)
  async login(@Req() req: LoginRequest, @Res() res: Response): Promise<void> {
    if (req.signedIn) {
      flash(req, 'success', 'auth.welcome');
      // A return address (a QR check-in link, a page that needed signing in) wins.
      const back = safeReturnPath(req.returnTo, '');
      return res.redirect(303, back || (await this.auth.landingPage(req.signedIn)));
    }
    const locked = req.loginFailure === 'locked';
    res.status(locked ? 429 : 401).render('auth/login', {
      signInFor: signInReason(req),
      form: {
        values: { username: (req.body as { username?: string })?.username },
        message: locked
          ? translate(req.locale, 'auth.locked', { minutes: this.auth.lockMinutes })
          : translate(req.locale, 'auth.invalid'),
      },
    });
  }

  @Post('logout')
  @SignedIn()
  async logout(@Req() req: AppRequest, @Res() res: Response): Promise<void> {
    await endSession(req, res);
    res.redirect(303, '/');
  }

  @Get('activate')
  @Public()
  @Render('auth/activate')
  activatePage(@Query('username') username?: string) {
    return { form: { values: { username: typeof username === 'string' ? username : '' } } };
  }

  /** First sign-in (or a reset) with the one-time code given by the union officer or an admin. */
  @Post('activate')
  @Public()
  @FormView('auth/activate', { flash: 'auth.activated' })
  async activate(@Body() dto: ActivateDto, @Req() req: AppRequest) {
    if (dto.password !== dto.passwordConfirm)
      throw FormError.field('passwordConfirm', 'auth.passwordMismatch');
    const user = await this.auth.activate(dto.username, dto.code, dto.password, req.ip ?? 'unknown');
    await new Promise<void>((resolve, reject) =>
      req.login(user, (error) => (error ? reject(error) : resolve())),
    );
    return { url: await this.auth.landingPage(user) };
  }

  @Get('account/password')
  @SignedIn()
  @Render('auth/password')
  passwordPage() {
    return {};
  }

  @Post('account/password')
  @SignedIn()
  @FormView('auth/password', { flash: 'auth.passwordChanged' })
  async changePassword(@CurrentActor() actor: Actor, @Body() dto: ChangePasswordDto, @Req() req: AppRequest) {
    if (dto.password !== dto.passwordConfirm)
      throw FormError.field('passwordConfirm', 'auth.passwordMismatch');
    await this.auth.changePassword(actor.userId, dto.currentPassword, dto.password, req.ip ?? 'unknown');
    // Other sessions end; this one continues under a fresh session id.
    await new Promise<void>((resolve, reject) =>
      req.login(actor, (error) => (error ? reject(error) : resolve())),
    );
    return { url: '/account' };
  }

  @Post('account/sign-out-everywhere')
  @SignedIn()
  async signOutEverywhere(
    @CurrentActor() actor: Actor,
    @Req() req: AppRequest,
    @Res() res: Response,
  ): Promise<void> {
    await this.auth.signOutEverywhere(actor.userId);
    await endSession(req, res);
    res.redirect(303, '/login');
  }

  /** Language switch by link, so it works without a session or a form. */
  @Get('lang/:locale')
  @Public()
  switchLanguage(@Param('locale') locale: string, @Query('next') next: string, @Res() res: Response): void {
    if ((LOCALES as readonly string[]).includes(locale)) {
      res.cookie(LOCALE_COOKIE, locale, { httpOnly: true, sameSite: 'lax', maxAge: 365 * 86_400_000 });
    }
    res.redirect(303, safeReturnPath(next));
  }
}

async function endSession(req: AppRequest, res: Response): Promise<void> {
  await new Promise<void>((resolve) => req.logout(() => resolve()));
  await new Promise<void>((resolve) => (req.session ? req.session.destroy(() => resolve()) : resolve()));
  res.clearCookie(SESSION_COOKIE);
}
