import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { jsonObject } from '../../database/transformers';

/** What an audit entry is about: a person (worker), a user account, an employment, a reconciliation. */
export type AuditSubject =
  | 'worker'
  | 'user'
  | 'employment'
  | 'reconciliation'
  | 'enterprise'
  | 'import'
  /** A nomination edited after it was submitted, until the federation decides (engagement). */
  | 'commendation'
  /** A good model's story edited after it was written (engagement). */
  | 'good_model';

/**
 * One step that changed who someone is or who may act for them: an identity change, a worker
 * joining an enterprise, a corrected employment, a password set by an administrator. Append-only:
 * written in the same transaction as the change, never updated or deleted by the application.
 */
@Entity('audit_log')
export class AuditEntry {
  @PrimaryGeneratedColumn() id: number;
  @Column({ type: 'datetime' }) at: Date;
  /** Null when the system took the step. */
  @Column({ type: 'integer', nullable: true }) actorUserId: number | null;
  /** Their display name at the time, so the trail reads the same after an account is renamed. */
  @Column({ type: 'varchar', nullable: true }) actorName: string | null;
  @Column() action: string;
  @Column({ type: 'varchar' }) subjectType: AuditSubject;
  @Column() subjectId: number;
  /** What changed, as { field: [before, after] } or facts of the step; never a CCCD. */
  @Column({ type: 'text', nullable: true, transformer: jsonObject }) details: Record<string, unknown> | null;
  @Column({ type: 'text', nullable: true }) reason: string | null;
}
