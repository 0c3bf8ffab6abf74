import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { decimalNumber, jsonObject } from '../../../database/transformers';

/**
 * A worker's one entry in a round: an online attempt (started, then submitted and marked by the
 * server) or a result the organiser recorded (score, rank, prize). (round, worker) is unique.
 */
@Entity('contest_entries')
export class ContestEntry {
  @PrimaryGeneratedColumn() id: number;
  @Column() contestId: number;
  @Column() roundId: number;
  @Column() workerId: number;
  @Column({ type: 'integer', nullable: true }) enterpriseId: number | null;
  /** The questions drawn for this attempt, in the order shown. */
  @Column({ type: 'text', nullable: true, transformer: jsonObject }) questionIds: number[] | null;
  @Column({ type: 'datetime', precision: 3, nullable: true }) startedAt: Date | null;
  /** The instant after which a submission is refused (start + limit, never after the round closes). */
  @Column({ type: 'datetime', precision: 3, nullable: true }) deadlineAt: Date | null;
  @Column({ type: 'datetime', precision: 3, nullable: true }) submittedAt: Date | null;
  @Column({ type: 'text', nullable: true, transformer: jsonObject }) answers: Record<string, number[]> | null;
  @Column({ type: 'decimal', precision: 8, scale: 2, nullable: true, transformer: decimalNumber })
  score: number | null;
  @Column({ type: 'decimal', precision: 8, scale: 2, nullable: true, transformer: decimalNumber })
  maxScore: number | null;
  @Column({ type: 'integer', nullable: true }) durationSeconds: number | null;
  /** The rank the organiser gave (in-person rounds); online rounds are ranked by score then time. */
  @Column({ type: 'integer', nullable: true }) rank: number | null;
  @Column({ type: 'varchar', nullable: true }) prize: string | null;
  /** Submitted after the deadline and its grace: kept as the attempt, not marked, not ranked. */
  @Column() late: boolean;
  @Column({ type: 'integer', nullable: true }) recordedBy: number | null;
  @CreateDateColumn() createdAt: Date;
  @UpdateDateColumn() updatedAt: Date;
}
