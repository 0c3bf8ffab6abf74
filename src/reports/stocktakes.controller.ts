import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Min } from 'class-validator';
import type { Response } from 'express';
import { CurrentActor, Roles } from '../common/access/access.decorators';
import { Actor } from '../common/access/actor';
import { OutOfScopeException } from '../common/access/out-of-scope';
import { sendTable, TableExport } from '../common/export/table-export';
import { AppRequest } from '../common/http/request';
import { translate } from '../common/i18n/i18n';
import { indicatorName } from '../indicators/dashboard/dashboard.presenters';
import { renderReportPdf } from './report-pdf';
import { STOCKTAKE_ROLES, StocktakesService } from './stocktakes.service';
import { milestoneTitle, stocktakePage, summaryColumns, unitColumns } from './stocktakes.presenters';

const toInt = ({ value }: { value: unknown }) =>
  value === undefined || value === '' ? undefined : Number(value);

export class StocktakeQuery {
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  plan?: number;

  /** The milestone's year (2025: mid-term, 2030: final). */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(2000)
  year?: number;

  @IsOptional()
  @IsIn(['xlsx', 'csv', 'pdf'])
  format?: 'xlsx' | 'csv' | 'pdf';

  @IsOptional()
  @IsIn(['summary', 'units'])
  table?: 'summary' | 'units';
}

/**
 * The plan's stocktakes (sơ kết, tổng kết: the mid-term and final reviews), as a page and as XLSX,
 * CSV and PDF with the page's numbers. In code they are stocktakes so that "review" means only the
 * citizenship review chain; the URL keeps its old word because it is linked and bookmarked.
 */
@ApiExcludeController()
@Controller('reports/reviews')
export class StocktakesController {
  constructor(private readonly stocktakes: StocktakesService) {}

  @Get()
  @Roles(...STOCKTAKE_ROLES)
  async show(
    @CurrentActor() actor: Actor,
    @Query() query: StocktakeQuery,
    @Req() req: AppRequest,
    @Res() res: Response,
  ): Promise<void> {
    const doc = await this.stocktakes.stocktake(actor, query.plan, query.year);
    const page = stocktakePage(req.locale, doc);
    const filename = `tong-ket-${doc.milestone.year}`;
    if (query.format === 'pdf') {
      const t = (key: string, params?: Record<string, string | number>) => translate(req.locale, key, params);
      const pdf = await renderReportPdf(req.locale, {
        title: milestoneTitle(req.locale, doc.milestone).toUpperCase(),
        subtitle: [doc.plan.title, t('stocktakes.reviewDate', { date: page.reviewDate })],
        sections: [
          ...(page.summaryTable ? [{ heading: t('stocktakes.summary'), table: page.summaryTable }] : []),
          ...(page.mappings.length
            ? [
                {
                  heading: t('stocktakes.mapping.title'),
                  // Be Vietnam Pro has no arrow glyph: the mapping is written out in words.
                  items: page.mappings.map((m) =>
                    t('stocktakes.mapping.line', { from: m.from, to: m.to, date: m.effectiveDate }),
                  ),
                },
              ]
            : []),
          { heading: t('stocktakes.byUnit'), table: page.unitsTable },
        ],
      });
      res.setHeader('Content-Type', 'application/pdf');
      res.setHeader('Content-Disposition', `attachment; filename="${filename}.pdf"`);
      res.end(pdf);
      return;
    }
    if (query.format) {
      let table: TableExport<unknown>;
      if (query.table === 'units') {
        table = {
          filename: `${filename}-don-vi`,
          sheet: translate(req.locale, 'stocktakes.byUnit'),
          columns: unitColumns(req.locale, doc),
          rows: doc.units,
        } as TableExport<unknown>;
      } else {
        if (!doc.indicators) throw new OutOfScopeException();
        table = {
          filename,
          sheet: translate(req.locale, 'stocktakes.summary'),
          columns: summaryColumns(req.locale, doc),
          rows: doc.indicators,
        } as TableExport<unknown>;
      }
      return sendTable(res, query.format, req.locale, table);
    }
    res.render('reports/stocktake', {
      ...page,
      indicatorNames: doc.indicators?.map((i) => indicatorName(req.locale, i.code)),
    });
  }
}
