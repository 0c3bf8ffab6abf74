import { Injectable } from '@nestjs/common';
import { ReportingBody, ReportingBodyKind, reportsFor } from '../indicators/entities/reporting-body.entity';
import { AnnualReport } from './entities/annual-report.entity';
import {
  DeadlineResult,
  deadlineState,
  DeadlineState,
  dueDate,
  latestVersion,
  validVersion,
} from './report-rules';
import { ReportsRepository } from './reports.repository';
import { vietnamDateOf } from '../common/time/vietnam-time';

export interface BodyStatus {
  body: ReportingBody;
  /** YYYY-MM-DD */
  due: string;
  deadline: DeadlineResult;
  /** The newest version, draft or not. */
  latest: AnnualReport | null;
  /** The submitted version that counts. */
  valid: AnnualReport | null;
}

export interface ReportingSummary {
  year: number;
  /** Bodies that report to the federation (the federation's own report not counted). */
  total: number;
  submitted: number;
  pending: BodyStatus[];
  /** Deadlines: the bodies' (01/12) and the federation's (15/12), when such bodies exist. */
  bodiesDue: string | null;
  federationDue: string | null;
}

/** Who has submitted the annual report of a year, and who is late: for the reports list and the dashboard. */
@Injectable()
export class ReportingStatusService {
  constructor(private readonly repo: ReportsRepository) {}

  /** The bodies that report for the year (those existing at some time in it), with their state. */
  async statuses(planId: number, year: number, today: string): Promise<BodyStatus[]> {
    const bodies = (await this.repo.bodiesOf(planId)).filter((body) => reportsFor(body, year));
    const reports = await this.repo.reportsOf(planId, year);
    return bodies.map((body) => {
      const versions = reports.filter((r) => r.bodyId === body.id);
      const valid = validVersion(versions);
      const due = dueDate(year, body.dueMonthDay);
      const firstSubmitted = versions
        .filter((v) => v.submittedAt)
        .sort((a, b) => a.version - b.version)[0]?.submittedAt;
      return {
        body,
        due,
        deadline: deadlineState(due, firstSubmitted ? vietnamDateOf(firstSubmitted) : null, today),
        latest: latestVersion(versions),
        valid,
      };
    });
  }

  async summary(planId: number, year: number, today: string): Promise<ReportingSummary> {
    const all = await this.statuses(planId, year, today);
    const reporting = all.filter((s) => s.body.kind !== ReportingBodyKind.Federation);
    const federation = all.find((s) => s.body.kind === ReportingBodyKind.Federation);
    return {
      year,
      total: reporting.length,
      submitted: reporting.filter((s) => s.deadline.state === DeadlineState.Submitted).length,
      pending: reporting.filter((s) => s.deadline.state !== DeadlineState.Submitted),
      bodiesDue: reporting.map((s) => s.due).sort()[0] ?? null,
      federationDue: federation?.due ?? null,
    };
  }
}
