import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles } from '../../common/access/access.decorators';
import { Actor } from '../../common/access/actor';
import { Role } from '../../common/access/roles';
import { AppRequest } from '../../common/http/request';
import { translate } from '../../common/i18n/i18n';
import { ApiPageQuery } from '../../organisations/dto/list-query.dto';
import { ApplicationReviewService, summaryOf } from './application-review.service';
import { AssociationReviewService } from './association-review.service';
import { CitizenCertificatesService } from './citizen-certificates.service';
import {
  BulkRejectDto,
  CommentDto,
  FunnelQuery,
  IdsDto,
  OfficerQueueQuery,
  ReasonDto,
  ReviewerQueueQuery,
} from './dto/review.dto';
import { FUNNEL_READERS, FunnelService } from './funnel.service';
import { BulkResult, OfficerReviewService } from './officer-review.service';
import { explainedPage, reasonViews } from './review.presenters';
import { Recognition } from '../entities/recognition.entity';

const REVIEWERS: Role[] = [Role.UnionOfficer, Role.AssociationReviewer];

/**
 * The review chain for integrations, with the pages' scope rules: an officer's enterprise, a
 * reviewer's branch; anything else answers 404. Refused steps answer 409 with the reason.
 */
@ApiTags('citizenship')
@ApiBearerAuth()
@Controller('api/v1/citizenship')
export class ReviewApiController {
  constructor(
    private readonly officer: OfficerReviewService,
    private readonly association: AssociationReviewService,
    private readonly applications: ApplicationReviewService,
    private readonly certificates: CitizenCertificatesService,
    private readonly funnel: FunnelService,
  ) {}

  @Get('review/submitted')
  @Roles(Role.UnionOfficer)
  @ApiPageQuery()
  @ApiOperation({
    summary:
      'Officer’s queue: submitted applications of their enterprises, with declared answers and, when not eligible, the reasons',
  })
  async submitted(@CurrentActor() actor: Actor, @Query() query: OfficerQueueQuery, @Req() req: AppRequest) {
    return explainedPage(req.locale, await this.officer.queue(actor, query));
  }

  @Get('review/confirmed')
  @Roles(Role.AssociationReviewer)
  @ApiPageQuery()
  @ApiOperation({
    summary:
      'Reviewer’s queue: confirmed applications in the branch, eligible by default; reasons say why one is not eligible',
  })
  async confirmed(@CurrentActor() actor: Actor, @Query() query: ReviewerQueueQuery, @Req() req: AppRequest) {
    return explainedPage(req.locale, await this.association.queue(actor, query));
  }

  @Get('review/applications/:id')
  @Roles(...REVIEWERS)
  @ApiOperation({ summary: 'One application: answers, latest evaluation with evidence, title, audit trail' })
  async detail(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number, @Req() req: AppRequest) {
    const detail = await this.applications.detail(actor, id);
    return {
      application: summaryOf(detail.application),
      worker: { id: detail.application.workerId, fullName: detail.header.workerName },
      enterprise: { id: detail.application.enterpriseId, name: detail.header.enterpriseName },
      unit: detail.header.unitName,
      answers: detail.answers,
      evaluation: detail.evaluation && {
        ...detail.evaluation,
        reasons: reasonViews(req.locale, detail.evaluation.reasons),
      },
      plan: detail.plan,
      recognition: detail.recognition && {
        ...this.recognitionView(detail.recognition),
        branchName: detail.recognition.branchName,
        certificateStatus: detail.recognition.certificateStatus,
      },
      history: detail.history,
      can: detail.can,
    };
  }

  @Post('review/applications/confirm')
  @HttpCode(200)
  @Roles(Role.UnionOfficer)
  @ApiOperation({ summary: 'Confirms several applications, each in its own transaction' })
  @ApiOkResponse({ description: '{ done: ids, skipped: [{ id, reason, message }] }' })
  async confirmMany(@CurrentActor() actor: Actor, @Body() dto: IdsDto, @Req() req: AppRequest) {
    return bulkView(req, await this.officer.confirmMany(actor, dto.ids));
  }

  @Post('review/applications/recognise')
  @HttpCode(200)
  @Roles(Role.AssociationReviewer)
  @ApiOperation({ summary: 'Recognises several applications; those already recognised are skipped' })
  async recogniseMany(@CurrentActor() actor: Actor, @Body() dto: IdsDto, @Req() req: AppRequest) {
    return bulkView(req, await this.association.recogniseMany(actor, dto.ids));
  }

  @Post('review/applications/reject')
  @HttpCode(200)
  @Roles(Role.AssociationReviewer)
  @ApiOperation({ summary: 'Rejects several applications with one reason' })
  async rejectMany(@CurrentActor() actor: Actor, @Body() dto: BulkRejectDto, @Req() req: AppRequest) {
    return bulkView(req, await this.association.rejectMany(actor, dto.ids, dto.reason));
  }

  @Post('review/applications/:id/answers/:code/confirm')
  @HttpCode(200)
  @Roles(Role.UnionOfficer)
  @ApiOperation({ summary: 'Confirms one self-declared answer of a submitted application' })
  async confirmAnswer(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIntPipe) id: number,
    @Param('code') code: string,
  ) {
    await this.officer.confirmAnswer(actor, id, code);
    return this.applications.summary(id);
  }

  @Post('review/applications/:id/answers/:code/return')
  @HttpCode(200)
  @Roles(Role.UnionOfficer)
  @ApiOperation({ summary: 'Returns one self-declared answer with a comment' })
  async returnAnswer(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIntPipe) id: number,
    @Param('code') code: string,
    @Body() dto: CommentDto,
  ) {
    await this.officer.returnAnswer(actor, id, code, dto.comment);
    return this.applications.summary(id);
  }

  @Post('review/applications/:id/confirm')
  @HttpCode(200)
  @Roles(Role.UnionOfficer)
  @ApiOperation({ summary: 'SUBMITTED → CONFIRMED (answers still waiting are confirmed with it)' })
  async confirm(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number) {
    await this.officer.confirm(actor, id);
    return this.applications.summary(id);
  }

  @Post('review/applications/:id/return')
  @HttpCode(200)
  @Roles(Role.UnionOfficer)
  @ApiOperation({ summary: 'SUBMITTED → RETURNED to the worker with a comment' })
  async returnToWorker(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIntPipe) id: number,
    @Body() dto: CommentDto,
  ) {
    await this.officer.returnToWorker(actor, id, dto.comment);
    return this.applications.summary(id);
  }

  @Post('review/applications/:id/recognise')
  @HttpCode(200)
  @Roles(Role.AssociationReviewer)
  @ApiOperation({
    summary:
      'CONFIRMED and eligible → RECOGNISED, with a certificate; again: the same title, recognised = false',
  })
  async recognise(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number) {
    const outcome = await this.association.recognise(actor, id);
    return { recognised: outcome.recognised, recognition: this.recognitionView(outcome.recognition) };
  }

  @Post('review/applications/:id/reject')
  @HttpCode(200)
  @Roles(Role.AssociationReviewer)
  @ApiOperation({ summary: 'CONFIRMED → REJECTED with a reason' })
  async reject(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number, @Body() dto: ReasonDto) {
    await this.association.reject(actor, id, dto.reason);
    return this.applications.summary(id);
  }

  @Post('review/applications/:id/revoke')
  @HttpCode(200)
  @Roles(Role.AssociationReviewer)
  @ApiOperation({ summary: 'RECOGNISED → REVOKED with a reason; the public check then says revoked' })
  async revoke(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number, @Body() dto: ReasonDto) {
    await this.association.revoke(actor, id, dto.reason);
    return this.applications.summary(id);
  }

  @Get('funnel')
  @Roles(...FUNNEL_READERS)
  @ApiOperation({
    summary:
      'registered → submitted → eligible → confirmed → recognised for a year, per enterprise or unit, in the caller’s scope',
  })
  funnelReport(@CurrentActor() actor: Actor, @Query() query: FunnelQuery) {
    return this.funnel.report(actor, query.year, query.level);
  }

  private recognitionView(r: Recognition) {
    return {
      id: r.id,
      applicationId: r.applicationId,
      workerId: r.workerId,
      year: r.year,
      branchId: r.branchId,
      criteriaSetId: r.criteriaSetId,
      totalPoints: r.totalPoints,
      certificateNo: r.certificateNo,
      status: r.status,
      recognisedAt: r.recognisedAt,
      revokedAt: r.revokedAt,
      verifyUrl: this.certificates.verifyUrl(r.verifyCode),
      pdfUrl: r.certificateNo ? this.certificates.pdfPath(r.id) : null,
      decisionNo: r.decisionNo,
      decisionDate: r.decisionDate,
    };
  }
}

function bulkView(req: AppRequest, result: BulkResult) {
  return {
    done: result.done,
    skipped: result.skipped.map((s) => ({
      id: s.id,
      reason: s.reason,
      message: translate(req.locale, `review.refused.${s.reason}`),
    })),
  };
}
