import { Injectable } from '@nestjs/common';

/**
 * What the annual reports keep of a plan's history: a plan with reports is not deleted, and a
 * snapshot a report was written from is never pruned. The reports domain, above this one, answers
 * (reports/report-history.provider.ts), the way it supplies the dashboard's panel.
 */
export interface ReportHistorySource {
  planHasReports(planId: number): Promise<boolean>;
  /** Which of these snapshots an annual report was written from. */
  reportedSnapshotIds(snapshotIds: number[]): Promise<Set<number>>;
}

/** Where the reports domain plugs its answer in. Unlike the panel it is not optional: history must not be lost. */
@Injectable()
export class ReportHistory implements ReportHistorySource {
  private source: ReportHistorySource | null = null;

  provide(source: ReportHistorySource): void {
    this.source = source;
  }

  planHasReports(planId: number): Promise<boolean> {
    return this.reports().planHasReports(planId);
  }

  reportedSnapshotIds(snapshotIds: number[]): Promise<Set<number>> {
    return this.reports().reportedSnapshotIds(snapshotIds);
  }

  private reports(): ReportHistorySource {
    if (!this.source) throw new Error('No annual reports plugged in (reports/report-history.provider.ts)');
    return this.source;
  }
}
