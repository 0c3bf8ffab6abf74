import { Controller, Get, Param, Post, Render, Req, UnauthorizedException } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { CurrentActor, Public, SignedIn } from '../common/access/access.decorators';
import { Actor } from '../common/access/actor';
import { FormView } from '../common/forms/form-view';
import { AppRequest, askToSignIn, flash } from '../common/http/request';
import { AttendanceService } from './attendance.service';

/**
 * Where a session's QR code leads. Signing in first is needed (the login page says what for and
 * brings the person back here); then the worker confirms "Tôi có mặt" with a POST that carries
 * the form's CSRF token.
 */
@ApiExcludeController()
@Controller('checkin')
export class CheckinController {
  constructor(private readonly attendance: AttendanceService) {}

  /**
   * Public only so that a signed-out scan is told on the sign-in page that it is for a check-in
   * (a live link only); it is sent to sign in either way, as any signed-in page would send it.
   */
  @Get(':token')
  @Public()
  @Render('activities/checkin')
  async page(@Req() req: AppRequest, @Param('token') token: string) {
    if (!req.user) {
      if (await this.attendance.isCheckinLink(token)) askToSignIn(req, { key: 'activities.checkin.signIn' });
      throw new UnauthorizedException();
    }
    return this.checkinContext(req);
  }

  @Post(':token')
  @SignedIn()
  @FormView('activities/checkin', { context: CheckinController.prototype.checkinContext })
  async checkIn(@CurrentActor() actor: Actor, @Param('token') token: string, @Req() req: AppRequest) {
    const { recorded } = await this.attendance.checkIn(actor, token);
    flash(
      req,
      recorded ? 'success' : 'info',
      recorded ? 'activities.checkin.recorded' : 'activities.checkin.already',
    );
    return { url: `/checkin/${token}` };
  }

  async checkinContext(req: AppRequest) {
    const view = await this.attendance.checkinView(req.user!, String(req.params.token));
    return {
      title: view.session.title,
      ...view,
      token: req.params.token,
      canConfirm: !view.recordedAt && !view.refusal && view.timing === 'open',
    };
  }
}
