import { Body, Controller, Get, Post, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentActor, Roles } from '../../common/access/access.decorators';
import { Actor } from '../../common/access/actor';
import { Role } from '../../common/access/roles';
import { sendTable } from '../../common/export/table-export';
import { FormView } from '../../common/forms/form-view';
import { AppRequest } from '../../common/http/request';
import { translate } from '../../common/i18n/i18n';
import { SupportDto, SupportQuery } from './dto/support.dto';
import { thisYear, TOTALS_COLUMNS, TotalsLine } from './support.presenters';
import { SUPPORT_READERS, SUPPORT_WRITERS } from './support.access';
import { SupportService } from './support.service';

const PATH = '/engagement/support';

/**
 * Enterprises' support to learning: the officer's form for their enterprise and year, and the
 * totals by commune of the caller's territory (with ?format=xlsx|csv the same numbers as a file).
 */
@ApiExcludeController()
@Controller('engagement/support')
export class SupportController {
  constructor(private readonly support: SupportService) {}

  @Get()
  @Roles(...SUPPORT_READERS)
  async page(
    @CurrentActor() actor: Actor,
    @Query() query: SupportQuery,
    @Req() req: AppRequest,
    @Res() res: Response,
  ): Promise<void> {
    const year = query.year ?? thisYear();
    const { communes, total } = await this.support.totals(actor, year);
    const lines: TotalsLine[] = [
      ...communes,
      { ...total, unitName: translate(req.locale, 'support.totalRow') },
    ];
    if (query.format) {
      return sendTable(res, query.format, req.locale, {
        filename: `ho-tro-hoc-tap-${year}`,
        sheet: translate(req.locale, 'support.totalsTitle').slice(0, 31),
        columns: TOTALS_COLUMNS,
        rows: lines,
      });
    }
    const [form, rows] = await Promise.all([this.formContext(req), this.support.list(actor, year)]);
    res.render('engagement/support/index', {
      ...form,
      rows,
      totals: lines.map((l, i) => ({
        cells: TOTALS_COLUMNS.map((c, n) => ({ value: c.value(l), numeric: n > 0 })),
        last: i === lines.length - 1,
      })),
      columns: TOTALS_COLUMNS.map((c, i) => ({ label: c.header, numeric: i > 0 })),
    });
  }

  @Post()
  @Roles(...SUPPORT_WRITERS)
  @FormView('engagement/support/index', {
    context: SupportController.prototype.formContext,
    flash: 'support.saved',
  })
  async save(@CurrentActor() actor: Actor, @Body() dto: SupportDto) {
    const saved = await this.support.declare(actor, dto);
    return { url: `${PATH}?year=${saved.year}&enterpriseId=${saved.enterpriseId}` };
  }

  // --- page context (also used by @FormView to render the form again with its errors) -------

  async formContext(req: AppRequest) {
    const actor = req.user!;
    const source = req.method === 'POST' ? ((req.body ?? {}) as Record<string, unknown>) : req.query;
    const year = Number(source.year) || thisYear();
    const enterprises = actor.has(Role.UnionOfficer) ? await this.support.enterprises(actor) : [];
    const chosen =
      enterprises.find((e) => e.id === Number(source.enterpriseId)) ??
      (enterprises.length > 0 ? enterprises[0] : null);
    const declared =
      chosen && req.method !== 'POST' ? await this.support.declared(actor, chosen.id, year) : null;
    return {
      title: translate(req.locale, 'support.title'),
      year,
      canDeclare: enterprises.length > 0,
      enterprise: chosen,
      enterpriseOptions:
        enterprises.length > 1 ? enterprises.map((e) => ({ value: e.id, label: e.name })) : null,
      declared: !!declared,
      values: declared
        ? {
            fundsCommitted: declared.fundsCommitted,
            fundsSpent: declared.fundsSpent,
            paidStudyHours: declared.paidStudyHours,
            agreementHasLearning: declared.agreementHasLearning,
            agreementClause: declared.agreementClause ?? '',
            materialsSupplied: declared.materialsSupplied,
          }
        : { fundsCommitted: 0, fundsSpent: 0, paidStudyHours: 0, materialsSupplied: 0 },
      seesTotals: actor.has(Role.FederationAdmin, Role.DepartmentViewer, Role.UnionOfficer),
      path: PATH,
    };
  }
}
