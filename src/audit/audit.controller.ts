import { Controller, Get, Query, Render, Req } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Roles } from '../common/access/access.decorators';
import { Role } from '../common/access/roles';
import { AppRequest } from '../common/http/request';
import { translate } from '../common/i18n/i18n';
import { AuditLog } from './audit-log.service';
import { AuditQueryDto } from './dto/audit-query.dto';
import { AUDIT_ACTIONS } from './audit-actions';

/** The federation's and system admins' read of the audit trail, newest first. */
@ApiExcludeController()
@Controller('admin/audit')
export class AuditController {
  constructor(private readonly audit: AuditLog) {}

  @Get()
  @Roles(Role.FederationAdmin, Role.SystemAdmin)
  @Render('audit/list')
  async list(@Query() query: AuditQueryDto, @Req() req: AppRequest) {
    const page = await this.audit.page(
      { subjectType: query.subject, subjectId: query.subjectId, action: query.action || undefined },
      query,
    );
    return {
      title: translate(req.locale, 'audit.title'),
      query,
      actions: AUDIT_ACTIONS.map((a) => ({
        value: a,
        label: translate(req.locale, `audit.action.${a}`),
        selected: a === query.action,
      })),
      page,
      entries: page.items.map((e) => ({
        at: e.at,
        actor: e.actorName ?? (e.actorUserId ? `#${e.actorUserId}` : translate(req.locale, 'audit.system')),
        action: translate(req.locale, `audit.action.${e.action}`),
        subject: translate(req.locale, `audit.subject.${e.subjectType}`, { id: e.subjectId }),
        subjectLink:
          e.subjectType === 'worker'
            ? `/workers/${e.subjectId}`
            : e.subjectType === 'user'
              ? `/admin/users/${e.subjectId}`
              : e.subjectType === 'enterprise'
                ? `/organisations/enterprises/${e.subjectId}`
                : e.subjectType === 'import'
                  ? `/history/runs/${e.subjectId}`
                  : e.subjectType === 'commendation'
                    ? `/engagement/commendations/${e.subjectId}`
                    : e.subjectType === 'good_model'
                      ? `/engagement/models/${e.subjectId}`
                      : null,
        details: Object.entries(e.details ?? {}).map(([field, value]) => ({
          field,
          value: Array.isArray(value) ? `${value[0] ?? '—'} → ${value[1] ?? '—'}` : String(value),
        })),
        reason: e.reason,
      })),
    };
  }
}
