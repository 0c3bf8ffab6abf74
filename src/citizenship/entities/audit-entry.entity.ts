import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

const json = {
  to: (v: unknown) => (v === null || v === undefined ? null : JSON.stringify(v)),
  from: (v: string | null) => (v ? JSON.parse(v) : null),
};

/** Append-only trail of every step on an application: who, when, what, before and after. */
@Entity('citizenship_audit')
export class CitizenshipAuditEntry {
  @PrimaryGeneratedColumn() id: number;
  @Column() applicationId: number;
  /** Null for steps taken by the system (an evaluation job). */
  @Column({ type: 'integer', nullable: true }) actorUserId: number | null;
  @Column() action: string;
  @Column({ type: 'text', nullable: true, transformer: json }) beforeState: Record<string, unknown> | null;
  @Column({ type: 'text', nullable: true, transformer: json }) afterState: Record<string, unknown> | null;
  @Column({ type: 'text', nullable: true }) comment: string | null;
  @Column({ type: 'datetime' }) at: Date;
}
