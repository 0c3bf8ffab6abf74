import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentActor, Roles } from '../common/access/access.decorators';
import { Actor } from '../common/access/actor';
import { Role } from '../common/access/roles';
import { sendTable } from '../common/export/table-export';
import { pageWindow } from '../common/http/pagination';
import { AppRequest } from '../common/http/request';
import { translate } from '../common/i18n/i18n';
import { foldVietnamese } from '../common/text/vietnamese';
import { RecordPageQuery, RecordQuery, RECORD_SOURCES } from './dto/record-query.dto';
import { DOMAIN_CODES } from './learning-domains';
import { RecordFilter } from './learning-records.repository';
import { LearningRecordsService } from './learning-records.service';
import { domainList, originLink, recordColumns } from './learning-records.presenters';

/** Who reads the learning records of the workers in their scope. */
export const RECORD_READERS: Role[] = [Role.UnionOfficer, Role.FederationAdmin];

/**
 * The officer's view of the learning-record store: every completion, attendance and reported
 * result of the workers in scope, filtered, paged, and exported with the same columns.
 */
@ApiExcludeController()
@Controller('learning-records')
export class LearningRecordsController {
  constructor(private readonly records: LearningRecordsService) {}

  @Get()
  @Roles(...RECORD_READERS)
  async list(
    @CurrentActor() actor: Actor,
    @Query() query: RecordPageQuery,
    @Req() req: AppRequest,
    @Res() res: Response,
  ): Promise<void> {
    const filter = recordFilter(query);
    if (query.format) {
      return sendTable(res, query.format, req.locale, {
        filename: 'ho-so-hoc-tap',
        sheet: translate(req.locale, 'nav.learningRecords').slice(0, 31),
        columns: recordColumns(req.locale),
        rows: this.records.exportInScope(actor, filter),
      });
    }
    const { page, size } = pageWindow(query);
    const result = await this.records.rowsInScope(actor, filter, page, size);
    const thisYear = new Date().getUTCFullYear();
    const filters = { q: query.q, domain: query.domain, year: query.year, source: query.source };
    res.render('learning-records/list', {
      title: translate(req.locale, 'nav.learningRecords'),
      page: result,
      records: result.items.map((r) => ({
        ...r,
        domainNames: domainList(req.locale, r.domains),
        origin: originLink(r),
      })),
      filters,
      domains: DOMAIN_CODES.map((code) => ({ value: code, label: translate(req.locale, `domain.${code}`) })),
      sources: RECORD_SOURCES.map((value) => ({ value, label: translate(req.locale, `source.${value}`) })),
      years: Array.from({ length: thisYear - 2022 + 1 }, (_, i) => thisYear - i),
    });
  }
}

export function recordFilter(query: RecordQuery): RecordFilter {
  const nameKey = query.q ? foldVietnamese(query.q) : '';
  return { domain: query.domain, year: query.year, source: query.source, nameKey: nameKey || undefined };
}
