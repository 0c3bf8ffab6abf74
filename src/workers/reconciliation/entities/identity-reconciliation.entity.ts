import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { Gender } from '../../entities/worker.entity';

export enum ReconciliationStatus {
  Open = 'OPEN',
  Accepted = 'ACCEPTED',
  Rejected = 'REJECTED',
}

export enum ReconciliationSource {
  RosterImport = 'ROSTER_IMPORT',
  Form = 'FORM',
  Api = 'API',
}

/**
 * A roster row or a form that named an existing person (by CCCD) with other identity data, when
 * that identity was not the enterprise's to change. It waits for the federation admin, who accepts
 * it (the person's record takes the enterprise's data, and the employment asked for is saved) or
 * rejects it, with a reason either way. One open request per person and enterprise; a later row
 * replaces what the open one asks for.
 */
@Entity('identity_reconciliations')
export class IdentityReconciliation {
  @PrimaryGeneratedColumn() id: number;
  @Column() workerId: number;
  @Column() enterpriseId: number;
  @Column({ type: 'integer', nullable: true }) requestedBy: number | null;
  @Column({ type: 'varchar' }) source: ReconciliationSource;
  @Column({ type: 'integer', nullable: true }) rosterImportId: number | null;
  @Column({ type: 'integer', nullable: true }) rowNumber: number | null;
  // The identity the enterprise gave.
  @Column() fullName: string;
  @Column({ type: 'date', utc: true }) dateOfBirth: string;
  @Column({ type: 'varchar' }) gender: Gender;
  // The employment it asked for; no start date when the request only corrects the identity.
  @Column({ type: 'varchar', nullable: true }) employeeCode: string | null;
  @Column({ type: 'date', nullable: true, utc: true }) startDate: string | null;
  @Column({ type: 'date', nullable: true, utc: true }) endDate: string | null;
  @Column({ type: 'boolean', nullable: true }) unionMember: boolean | null;
  @Column({ type: 'varchar', nullable: true }) phone: string | null;
  @Column({ type: 'varchar', nullable: true }) email: string | null;
  @Column({ type: 'varchar' }) status: ReconciliationStatus;
  @Column({ type: 'integer', nullable: true }) decidedBy: number | null;
  @Column({ type: 'datetime', nullable: true }) decidedAt: Date | null;
  @Column({ type: 'text', nullable: true }) decisionReason: string | null;
  @CreateDateColumn() createdAt: Date;
  @UpdateDateColumn() updatedAt: Date;
}
