import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The roll-up's read model beside each employment (issue 14): the employment's dates and copies of
 * what the counting rules read about its worker. Database triggers keep it from employments, the
 * learning summaries and the titles (migration 1764000035000); nothing writes it from code, and
 * only RollupRepository reads it. Mapped so that the table has an owner, not for writing.
 */
@Entity('employment_reach')
export class EmploymentReach {
  @PrimaryColumn() enterpriseId: number;
  @PrimaryColumn() employmentId: number;
  @Column() workerId: number;
  @Column({ type: 'date' }) startDate: string;
  @Column({ type: 'date', nullable: true }) endDate: string | null;
  /** The latest end of an earlier employment of the worker at the enterprise (9999-12-31: open). */
  @Column({ type: 'date', nullable: true }) shadowedUntil: string | null;
  @Column({ type: 'integer', nullable: true }) titleYear: number | null;
  @Column({ type: 'varchar', nullable: true }) titleStatus: string | null;
}
