import { Injectable } from '@nestjs/common';

/**
 * The dashboard's panel on who has sent their annual report: supplied by the reports domain, which
 * owns the reports and their deadlines (reports/reporting-panel.provider.ts). The dashboard only
 * knows this shape, so indicators never import reports.
 */
export interface ReportingPanel {
  year: number;
  submitted: number;
  total: number;
  /** Names of the bodies that have not sent theirs. */
  pending: string[];
  /** YYYY-MM-DD: the bodies' deadline and the federation's, when such bodies exist. */
  bodiesDue: string | null;
  federationDue: string | null;
}

export interface ReportingPanelSource {
  panel(planId: number, year: number, today: string): Promise<ReportingPanel>;
}

/** Where the reports domain plugs its panel in; without one the dashboard shows no panel. */
@Injectable()
export class ReportingPanels {
  private source: ReportingPanelSource | null = null;

  provide(source: ReportingPanelSource): void {
    this.source = source;
  }

  panel(planId: number, year: number, today: string): Promise<ReportingPanel | null> {
    return this.source ? this.source.panel(planId, year, today) : Promise.resolve(null);
  }
}
