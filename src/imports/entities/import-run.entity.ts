import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { SpreadsheetKind } from '../spreadsheet/spreadsheet-reader';

/** What an uploaded sheet is imported as; each kind registers its handler (import-pipeline.ts). */
export enum ImportKind {
  /** A roster of an enterprise (target: the enterprise). */
  Roster = 'ROSTER',
  /** Who came to an in-person session (target: the session). */
  Attendance = 'ATTENDANCE',
  /** The register of enterprises, upserted by tax code (target: none, always 0). */
  Enterprises = 'ENTERPRISES',
  /** Learning-citizen titles of past years (history; target: none, always 0). */
  HistoryTitles = 'HISTORY_TITLES',
  /** In-person trainings held before hoctap, one attendee per row (history; target 0). */
  HistoryTrainings = 'HISTORY_TRAININGS',
  /** Results institutions reported for past years (history; target 0). */
  HistoryResults = 'HISTORY_RESULTS',
}

export enum ImportStatus {
  Queued = 'QUEUED',
  Running = 'RUNNING',
  Completed = 'COMPLETED',
  /** The file as a whole could not be used (unreadable, no header, a required column missing). */
  Failed = 'FAILED',
}

/**
 * One uploaded sheet and what became of it. While the import runs, `totalRows` counts the data rows
 * already saved (the checkpoint a rerun resumes from); once it completes, all of them. What a row
 * "created" is the kind's own (a roster: a worker added; attendance: a presence recorded).
 */
@Entity('import_runs')
export class ImportRun {
  @PrimaryGeneratedColumn() id: number;
  @Column({ type: 'varchar' }) kind: ImportKind;
  /** The enterprise of a roster, the session of an attendance sheet; 0 for the enterprises register. */
  @Column() targetId: number;
  @Column() uploadedBy: number;
  @Column() originalName: string;
  /** Path under the upload directory; a random name, never the one the person chose. */
  @Column() storedName: string;
  @Column() sha256: string;
  @Column({ type: 'varchar' }) status: ImportStatus;
  @Column() totalRows: number;
  @Column() createdCount: number;
  @Column() updatedCount: number;
  @Column() unchangedCount: number;
  @Column() errorCount: number;
  /**
   * A dry run: every row is checked and saved as the real run would, inside transactions that are
   * rolled back, so its counts and row report say what applying the file would do.
   */
  @Column({ default: false }) dryRun: boolean;
  /** Which worksheet of an XLSX holds the rows (0: the first); a history workbook has one per kind. */
  @Column({ default: 0 }) sheetIndex: number;
  /** The dry run this run applies (same file, copied). */
  @Column({ type: 'integer', nullable: true }) previewOfId: number | null;
  @Column({ type: 'integer', nullable: true }) jobRunId: number | null;
  /** When the uploaded file (it holds CCCD numbers) was deleted under the retention rule; results stay. */
  @Column({ type: 'datetime', nullable: true }) fileDeletedAt: Date | null;
  @CreateDateColumn() createdAt: Date;
  @UpdateDateColumn() updatedAt: Date;

  get fileKind(): SpreadsheetKind {
    return this.storedName.endsWith('.csv') ? 'csv' : 'xlsx';
  }

  get finished(): boolean {
    return this.status === ImportStatus.Completed || this.status === ImportStatus.Failed;
  }
}
