import { AnnualReport, AnnualReportStatus, ReportFigure } from './entities/annual-report.entity';

/**
 * The rules of the annual report, without any I/O: deadlines (a body's "MM-DD" in the report's
 * year), and versions (a submitted version is frozen; a correction is the next version, which
 * supersedes it once submitted).
 */

export enum DeadlineState {
  NotSubmitted = 'NOT_SUBMITTED',
  Submitted = 'SUBMITTED',
  Overdue = 'OVERDUE',
}

/** YYYY-MM-DD of a body's deadline in a year, from its "MM-DD". */
export function dueDate(year: number, dueMonthDay: string): string {
  return `${year}-${dueMonthDay}`;
}

export interface DeadlineResult {
  state: DeadlineState;
  /** Submitted after the deadline. */
  late: boolean;
}

/**
 * A report is due by the end of its due day: on 01/12 it is still on time, on 02/12 without a
 * submitted version it is overdue. `submittedOn` and `today` are Vietnam dates (YYYY-MM-DD).
 */
export function deadlineState(due: string, submittedOn: string | null, today: string): DeadlineResult {
  if (submittedOn) return { state: DeadlineState.Submitted, late: submittedOn > due };
  return { state: today > due ? DeadlineState.Overdue : DeadlineState.NotSubmitted, late: false };
}

/** The newest version (draft or not), or null when the body has not started its report. */
export function latestVersion<T extends Pick<AnnualReport, 'version'>>(versions: T[]): T | null {
  return versions.reduce<T | null>((best, v) => (!best || v.version > best.version ? v : best), null);
}

/** The version that counts: the newest submitted one (a correction in draft does not replace it yet). */
export function validVersion<T extends Pick<AnnualReport, 'version' | 'status'>>(versions: T[]): T | null {
  return latestVersion(versions.filter((v) => v.status === AnnualReportStatus.Submitted));
}

/** The narrative and the figures can change only before submitting. */
export function isEditable(latest: Pick<AnnualReport, 'status'> | null): boolean {
  return !latest || latest.status === AnnualReportStatus.Draft;
}

/** A correction starts from a submitted latest version; a draft already in progress is edited instead. */
export function canCorrect(latest: Pick<AnnualReport, 'status'> | null): boolean {
  return latest?.status === AnnualReportStatus.Submitted;
}

/** The next version a correction creates: a draft that supersedes `previous` and keeps its narrative. */
export function correctionOf(
  previous: Pick<
    AnnualReport,
    'id' | 'planId' | 'bodyId' | 'year' | 'version' | 'activities' | 'difficulties' | 'proposals'
  >,
): Pick<
  AnnualReport,
  | 'planId'
  | 'bodyId'
  | 'year'
  | 'version'
  | 'status'
  | 'supersedesId'
  | 'activities'
  | 'difficulties'
  | 'proposals'
  | 'figures'
  | 'snapshotId'
> {
  return {
    planId: previous.planId,
    bodyId: previous.bodyId,
    year: previous.year,
    version: previous.version + 1,
    status: AnnualReportStatus.Draft,
    supersedesId: previous.id,
    activities: previous.activities,
    difficulties: previous.difficulties,
    proposals: previous.proposals,
    figures: null,
    snapshotId: null,
  };
}

/** The counts of a report figure that can move, in the order the page lists them. */
export const FIGURE_FIELDS = [
  'population',
  'declaredHeadcount',
  'denominator',
  'law',
  'vocational',
  'lifeSkills',
  'digital',
  'learningCitizen',
] as const;

export type FigureField = (typeof FIGURE_FIELDS)[number];

/** One count of one row that differs: as submitted (null: the row was not there) and as it is now. */
export interface FigureChange {
  level: string;
  orgId: number;
  name: string;
  field: FigureField;
  submitted: number | null;
  now: number | null;
}

/**
 * What differs between the figures a report froze and the same rows as they are now, matched by
 * level and organisation (a renamed organisation is the same row): a row that came or went shows
 * every count against null. In the order of the rows now, then the rows that went.
 */
export function figureChanges(submitted: ReportFigure[], now: ReportFigure[]): FigureChange[] {
  const key = (f: ReportFigure) => `${f.level}:${f.orgId}`;
  const before = new Map(submitted.map((f) => [key(f), f]));
  const after = new Map(now.map((f) => [key(f), f]));
  const changes: FigureChange[] = [];
  const rows = [...now, ...submitted.filter((f) => !after.has(key(f)))];
  for (const row of rows) {
    const old = before.get(key(row)) ?? null;
    const current = after.get(key(row)) ?? null;
    for (const field of FIGURE_FIELDS) {
      const was = old ? old[field] : null;
      const is = current ? current[field] : null;
      if (was !== is) {
        changes.push({ level: row.level, orgId: row.orgId, name: row.name, field, submitted: was, now: is });
      }
    }
  }
  return changes;
}
