import { Injectable, OnModuleInit } from '@nestjs/common';
import {
  ReportSection,
  ReportSectionProvider,
  ReportSectionQuery,
  ReportSections,
} from '../../common/report-sections/report-sections';
import { SupportService } from './support.service';
import { TOTALS_COLUMNS } from './support.presenters';

/** The annual report's section on enterprises' support: the year's sums per commune and in all. */
@Injectable()
export class SupportReportSection implements ReportSectionProvider, OnModuleInit {
  readonly key = 'support';
  readonly order = 50;

  constructor(
    private readonly sections: ReportSections,
    private readonly support: SupportService,
  ) {}

  onModuleInit(): void {
    this.sections.register(this);
  }

  async section({ year, unitId }: ReportSectionQuery): Promise<ReportSection | null> {
    const { communes, total } = await this.support.totalsForReport(year, unitId);
    if (communes.length === 0) return null;
    const lines = [...communes, { ...total, unitName: 'Tổng cộng' }];
    return {
      key: this.key,
      title: 'support.report.title',
      note: 'support.report.note',
      tables: [
        {
          caption: 'support.report.caption',
          columns: TOTALS_COLUMNS.map((c, i) => ({ label: c.header, numeric: i > 0 })),
          rows: lines.map((l) => TOTALS_COLUMNS.map((c) => c.value(l) as string | number | null)),
        },
      ],
    };
  }
}
