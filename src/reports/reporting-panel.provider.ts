import { Injectable, OnModuleInit } from '@nestjs/common';
import { ReportingPanel, ReportingPanels } from '../indicators/dashboard/reporting-panel';
import { ReportingStatusService } from './reporting-status.service';

/** Gives the dashboard its panel of who has sent the annual report (dashboard/reporting-panel.ts). */
@Injectable()
export class ReportingPanelProvider implements OnModuleInit {
  constructor(
    private readonly panels: ReportingPanels,
    private readonly reporting: ReportingStatusService,
  ) {}

  onModuleInit(): void {
    this.panels.provide({ panel: (planId, year, today) => this.panel(planId, year, today) });
  }

  private async panel(planId: number, year: number, today: string): Promise<ReportingPanel> {
    const summary = await this.reporting.summary(planId, year, today);
    return {
      year: summary.year,
      submitted: summary.submitted,
      total: summary.total,
      pending: summary.pending.map((p) => p.body.name),
      bodiesDue: summary.bodiesDue,
      federationDue: summary.federationDue,
    };
  }
}
