import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { ReportSection } from '../../common/report-sections/report-sections';

export enum AnnualReportStatus {
  Draft = 'DRAFT',
  /** Frozen: its figures never change; a correction is a new version. */
  Submitted = 'SUBMITTED',
  /** A submitted version replaced by a correction. */
  Superseded = 'SUPERSEDED',
}

/** A frozen figure row in a submitted report (a copy of a snapshot row, with names). */
export interface ReportFigure {
  level: string;
  orgId: number;
  name: string;
  population: number;
  declaredHeadcount: number;
  denominator: number;
  law: number;
  vocational: number;
  lifeSkills: number;
  digital: number;
  learningCitizen: number;
}

/** A reporting body that had not submitted when the federation's province report was submitted. */
export interface PendingBody {
  bodyId: number;
  name: string;
  kind: string;
  /** YYYY-MM-DD */
  dueDate: string;
}

const json = <T>() => ({
  to: (v: T | null) => (v ? JSON.stringify(v) : null),
  from: (v: string | null) => (v ? (JSON.parse(v) as T) : null),
});

/** A reporting body's annual report for a year (units before 01/12, the federation before 15/12). */
@Entity('annual_reports')
export class AnnualReport {
  @PrimaryGeneratedColumn() id: number;
  @Column() planId: number;
  @Column() bodyId: number;
  @Column() year: number;
  @Column() version: number;
  @Column({ type: 'varchar' }) status: AnnualReportStatus;
  @Column({ type: 'integer', nullable: true }) snapshotId: number | null;
  @Column({ type: 'text', nullable: true, transformer: json<ReportFigure[]>() })
  figures: ReportFigure[] | null;
  /** The date of the snapshot the frozen figures were copied from. */
  @Column({ type: 'date', nullable: true }) snapshotAsOf: string | null;
  /** Province report only: the bodies that had not submitted when it was submitted. */
  @Column({ type: 'text', nullable: true, transformer: json<PendingBody[]>() })
  pendingBodies: PendingBody[] | null;
  /** Other domains' sections as submitted (ReportSections); null in a draft. */
  @Column({ type: 'text', nullable: true, transformer: json<ReportSection[]>() })
  sections: ReportSection[] | null;
  @Column({ type: 'text', nullable: true }) activities: string | null;
  @Column({ type: 'text', nullable: true }) difficulties: string | null;
  @Column({ type: 'text', nullable: true }) proposals: string | null;
  @Column({ type: 'integer', nullable: true }) submittedBy: number | null;
  @Column({ type: 'datetime', nullable: true }) submittedAt: Date | null;
  @Column({ type: 'integer', nullable: true }) supersedesId: number | null;
  @CreateDateColumn() createdAt: Date;
  @UpdateDateColumn() updatedAt: Date;
}
