import { Injectable, OnModuleInit } from '@nestjs/common';
import {
  ReportSection,
  ReportSectionProvider,
  ReportSectionQuery,
  ReportSections,
} from '../../common/report-sections/report-sections';
import { toDmy } from '../../common/time/iso-date';
import { EnterpriseScopeService } from '../../organisations/enterprise-scope';
import { campaignScope, sharedUnitPaths } from './campaign-scope';
import { CampaignsService } from './campaigns.service';

/**
 * The annual report's section on campaigns: every campaign overlapping the year with how many
 * workers took part and how many book logs were confirmed during it — in the whole territory for
 * the province's report, inside the commune for a commune's (campaigns that do not reach it are left out).
 */
@Injectable()
export class CampaignsReportSection implements ReportSectionProvider, OnModuleInit {
  readonly key = 'campaigns';
  readonly order = 20;

  constructor(
    private readonly sections: ReportSections,
    private readonly campaigns: CampaignsService,
    private readonly scopes: EnterpriseScopeService,
  ) {}

  onModuleInit(): void {
    this.sections.register(this);
  }

  async section({ year, unitId }: ReportSectionQuery): Promise<ReportSection | null> {
    const campaigns = await this.campaigns.ofYear(year);
    const unitPaths = unitId === null ? null : await this.scopes.subtreePaths([unitId]);
    const rows: (string | number | null)[][] = [];
    for (const { campaign, view } of [...campaigns].reverse()) {
      const paths = await this.scopes.subtreePaths(view.units.map((u) => u.id));
      const within = unitPaths === null ? paths : sharedUnitPaths(unitPaths, paths);
      if (within.length === 0) continue;
      const p = await this.campaigns.participationIn(campaign, view, campaignScope(within));
      rows.push([
        campaign.title,
        `${toDmy(campaign.startsOn)} – ${toDmy(campaign.endsOn)}`,
        campaign.reading ? 'Có' : 'Không',
        p.total,
        campaign.reading ? p.confirmedBookLogs : null,
      ]);
    }
    if (rows.length === 0) return null;
    return {
      key: this.key,
      title: 'campaigns.report.title',
      note: 'campaigns.report.note',
      tables: [
        {
          caption: 'campaigns.report.caption',
          columns: [
            { label: 'campaigns.field.title' },
            { label: 'campaigns.field.period' },
            { label: 'campaigns.field.reading' },
            { label: 'campaigns.participation.workers', numeric: true },
            { label: 'campaigns.participation.bookLogs', numeric: true },
          ],
          rows,
        },
      ],
    };
  }
}
