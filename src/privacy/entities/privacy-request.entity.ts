import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export enum PrivacyRequestKind {
  Deletion = 'DELETION',
  Correction = 'CORRECTION',
}

export enum PrivacyRequestStatus {
  Open = 'OPEN',
  /** Carried out: anonymised (deletion) or corrected. */
  Done = 'DONE',
  /** Answered without doing it, with the reason in `outcome`. */
  Refused = 'REFUSED',
}

/** A data subject's request, to be answered by `dueOn` (15 days, Decree 356/2025). */
@Entity('privacy_requests')
export class PrivacyRequest {
  @PrimaryGeneratedColumn() id: number;
  @Column() userId: number;
  @Column({ type: 'integer', nullable: true }) workerId: number | null;
  @Column({ type: 'varchar' }) kind: PrivacyRequestKind;
  @Column({ type: 'text', nullable: true }) details: string | null;
  @Column({ type: 'varchar' }) status: PrivacyRequestStatus;
  @Column({ type: 'datetime', precision: 3 }) requestedAt: Date;
  @Column({ type: 'date', utc: true }) dueOn: string;
  @Column({ type: 'integer', nullable: true }) handledBy: number | null;
  @Column({ type: 'datetime', nullable: true, precision: 3 }) handledAt: Date | null;
  @Column({ type: 'text', nullable: true }) outcome: string | null;
  @CreateDateColumn() createdAt: Date;
  @UpdateDateColumn() updatedAt: Date;
}
