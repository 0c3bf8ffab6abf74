import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** How an attendance was recorded. */
export enum AttendanceMethod {
  /** Ticked by the union officer in the roster list. */
  Roster = 'ROSTER',
  /** A row of an uploaded attendance sheet. */
  Import = 'IMPORT',
  /** The worker scanned the session's QR code and confirmed. */
  Qr = 'QR',
  /** Sent by an integration through /api/v1. */
  Api = 'API',
}

/** A worker was at a session. (session, worker) is unique: a worker attends a session once. */
@Entity('session_attendance')
export class SessionAttendance {
  @PrimaryGeneratedColumn() id: number;
  @Column() sessionId: number;
  @Column() workerId: number;
  @Column({ type: 'varchar' }) method: AttendanceMethod;
  @Column({ type: 'integer', nullable: true }) recordedBy: number | null;
  @Column({ type: 'datetime', precision: 3 }) recordedAt: Date;
}
