import { Controller, Get, Param, Post, Render, Req } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { CurrentActor, SignedIn } from '../common/access/access.decorators';
import { Actor } from '../common/access/actor';
import { FormView } from '../common/forms/form-view';
import { AppRequest, flash } from '../common/http/request';
import { AttendanceService } from './attendance.service';

/**
 * Where a session's QR code leads. Signing in first is needed (the login page brings the person
 * back here); then the worker confirms "Tôi có mặt" with a POST that carries the form's CSRF token.
 */
@ApiExcludeController()
@Controller('checkin')
export class CheckinController {
  constructor(private readonly attendance: AttendanceService) {}

  @Get(':token')
  @SignedIn()
  @Render('activities/checkin')
  page(@Req() req: AppRequest, @Param('token') _token: string) {
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
