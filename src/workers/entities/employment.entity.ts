import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/**
 * A worker's time at one enterprise. A worker who moved has several; one who left keeps theirs with
 * an end date (the last day worked) — employments are ended, never deleted, so history stays countable.
 * (worker, enterprise, start date) is unique, and the database allows at most one open employment
 * (no end date) per worker and enterprise (migration 1764000017000).
 */
@Entity('employments')
export class Employment {
  @PrimaryGeneratedColumn() id: number;
  @Column() workerId: number;
  @Column() enterpriseId: number;
  @Column({ type: 'varchar', nullable: true }) employeeCode: string | null;
  @Column({ type: 'date', utc: true }) startDate: string;
  @Column({ type: 'date', nullable: true, utc: true }) endDate: string | null;
  /** Member of the enterprise's grassroots trade union (đoàn viên công đoàn). */
  @Column({ type: 'boolean' }) unionMember: boolean;
  /** Contact data as this enterprise entered it; never shown to another enterprise. */
  @Column({ type: 'varchar', nullable: true }) phone: string | null;
  @Column({ type: 'varchar', nullable: true }) email: string | null;
  @CreateDateColumn() createdAt: Date;
  @UpdateDateColumn() updatedAt: Date;

  /** Left before the given day (YYYY-MM-DD). */
  isEndedBy(day: string): boolean {
    return this.endDate !== null && this.endDate < day;
  }
}
