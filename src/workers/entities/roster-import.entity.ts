import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export enum RosterImportStatus {
  Queued = 'QUEUED',
  Running = 'RUNNING',
  Completed = 'COMPLETED',
  /** The file as a whole could not be used (unreadable, no header, a required column missing). */
  Failed = 'FAILED',
}

export type RosterFileKind = 'xlsx' | 'csv';

/**
 * One uploaded roster file and what became of it. While the import runs, `totalRows` counts the data
 * rows already saved (the checkpoint a rerun resumes from); once it completes, all of them.
 */
@Entity('roster_imports')
export class RosterImport {
  @PrimaryGeneratedColumn() id: number;
  @Column() enterpriseId: number;
  @Column() uploadedBy: number;
  @Column() originalName: string;
  /** Path under the upload directory; a random name, never the one the person chose. */
  @Column() storedName: string;
  @Column() sha256: string;
  @Column({ type: 'varchar' }) status: RosterImportStatus;
  @Column() totalRows: number;
  @Column() createdCount: number;
  @Column() updatedCount: number;
  @Column() unchangedCount: number;
  @Column() errorCount: number;
  @Column({ type: 'integer', nullable: true }) jobRunId: number | null;
  /** When the uploaded file (it holds CCCD numbers) was deleted under the retention rule; results stay. */
  @Column({ type: 'datetime', nullable: true }) fileDeletedAt: Date | null;
  @CreateDateColumn() createdAt: Date;
  @UpdateDateColumn() updatedAt: Date;

  get kind(): RosterFileKind {
    return this.storedName.endsWith('.csv') ? 'csv' : 'xlsx';
  }

  get finished(): boolean {
    return this.status === RosterImportStatus.Completed || this.status === RosterImportStatus.Failed;
  }
}
