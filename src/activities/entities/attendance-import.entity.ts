import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export enum AttendanceImportStatus {
  Queued = 'QUEUED',
  Running = 'RUNNING',
  Completed = 'COMPLETED',
  /** The file as a whole could not be used (unreadable, no header, no identifying column). */
  Failed = 'FAILED',
}

/**
 * One uploaded attendance sheet for a session and what became of it. While the import runs,
 * `totalRows` counts the data rows already saved: the checkpoint a rerun resumes from.
 */
@Entity('attendance_imports')
export class AttendanceImport {
  @PrimaryGeneratedColumn() id: number;
  @Column() sessionId: number;
  @Column() uploadedBy: number;
  @Column() originalName: string;
  /** Path under the upload directory; a random name, never the one the person chose. */
  @Column() storedName: string;
  @Column() sha256: string;
  @Column({ type: 'varchar' }) status: AttendanceImportStatus;
  @Column() totalRows: number;
  /** Rows that added an attendance. */
  @Column() recordedCount: number;
  /** Rows whose worker was already recorded as present. */
  @Column() unchangedCount: number;
  @Column() errorCount: number;
  @Column({ type: 'integer', nullable: true }) jobRunId: number | null;
  /** When the uploaded file (it holds CCCD numbers) was deleted under the retention rule; results stay. */
  @Column({ type: 'datetime', nullable: true }) fileDeletedAt: Date | null;
  @CreateDateColumn() createdAt: Date;
  @UpdateDateColumn() updatedAt: Date;

  get kind(): 'xlsx' | 'csv' {
    return this.storedName.endsWith('.csv') ? 'csv' : 'xlsx';
  }

  get finished(): boolean {
    return this.status === AttendanceImportStatus.Completed || this.status === AttendanceImportStatus.Failed;
  }
}
