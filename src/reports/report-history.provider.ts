import { Injectable, OnModuleInit } from '@nestjs/common';
import { ReportHistory } from '../indicators/report-history';
import { ReportsRepository } from './reports.repository';

/** Tells the plans and the snapshot pruning which history the annual reports keep (indicators/report-history.ts). */
@Injectable()
export class ReportHistoryProvider implements OnModuleInit {
  constructor(
    private readonly history: ReportHistory,
    private readonly reports: ReportsRepository,
  ) {}

  onModuleInit(): void {
    this.history.provide({
      planHasReports: (planId) => this.reports.planHasReports(planId),
      reportedSnapshotIds: (snapshotIds) => this.reports.reportedSnapshotIds(snapshotIds),
    });
  }
}
