import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export enum RecognitionStatus {
  Valid = 'VALID',
  Revoked = 'REVOKED',
}

/**
 * The "Công dân học tập" title for one worker and year, recognised by an association branch, with
 * its certificate. (worker, year) and application are unique: one recognition however many clicks.
 * Valid for its year; it "expires" when the year is over.
 */
@Entity('recognitions')
export class Recognition {
  @PrimaryGeneratedColumn() id: number;
  /** The application reviewed in hoctap; null for a title of a past year brought in from a decision. */
  @Column({ type: 'integer', nullable: true }) applicationId: number | null;
  @Column() workerId: number;
  @Column() year: number;
  @Column() branchId: number;
  /** The branch's name on the day it recognised the title: the certificate keeps it for good. */
  @Column({ type: 'varchar', nullable: true }) issuerName: string | null;
  /** The criteria version the recognition was decided under (null: a past year's decision). */
  @Column({ type: 'integer', nullable: true }) criteriaSetId: number | null;
  @Column({ type: 'integer', nullable: true }) totalPoints: number | null;
  /** hoctap's certificate; null for a past year's title, whose certificate was issued on paper. */
  @Column({ type: 'varchar', nullable: true }) certificateNo: string | null;
  /** Random code in the certificate's QR link (unguessable, unlike the certificate number). */
  @Column() verifyCode: string;
  @Column({ type: 'varchar' }) status: RecognitionStatus;
  @Column() recognisedBy: number;
  @Column({ type: 'datetime' }) recognisedAt: Date;
  @Column({ type: 'integer', nullable: true }) revokedBy: number | null;
  @Column({ type: 'datetime', nullable: true }) revokedAt: Date | null;
  @Column({ type: 'text', nullable: true }) revokeReason: string | null;
  /** A past year's title: the branch's decision that recognised it (history import). */
  @Column({ type: 'varchar', nullable: true }) decisionNo: string | null;
  @Column({ type: 'date', nullable: true }) decisionDate: string | null;
  /** The history import that brought the title in. */
  @Column({ type: 'integer', nullable: true }) importId: number | null;
  @CreateDateColumn() createdAt: Date;
  @UpdateDateColumn() updatedAt: Date;
}
