import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { decimalNumber } from '../../database/transformers';

/**
 * The first and the latest date a worker learned in each domain, and their hours. Kept in the same transaction as
 * each record, so a roll-up is one pass joining employments 1:1 to this row (DESIGN.md §3).
 * The records stay the evidence; this can be rebuilt from them.
 */
@Entity('worker_learning_summary')
export class WorkerLearningSummary {
  @PrimaryColumn() workerId: number;
  @Column({ type: 'date', nullable: true }) firstLawOn: string | null;
  @Column({ type: 'date', nullable: true }) firstVocationalOn: string | null;
  @Column({ type: 'date', nullable: true }) firstLifeSkillsOn: string | null;
  @Column({ type: 'date', nullable: true }) firstDigitalOn: string | null;
  @Column({ type: 'date', nullable: true }) latestLawOn: string | null;
  @Column({ type: 'date', nullable: true }) latestVocationalOn: string | null;
  @Column({ type: 'date', nullable: true }) latestLifeSkillsOn: string | null;
  @Column({ type: 'date', nullable: true }) latestDigitalOn: string | null;
  @Column({ type: 'decimal', precision: 10, scale: 2, transformer: decimalNumber }) hours: number;
  @Column() records: number;
  @UpdateDateColumn() updatedAt: Date;
}

/** The first dates and hours per calendar year, for indicators counted over "the calendar year of D". */
@Entity('worker_learning_years')
export class WorkerLearningYear {
  @PrimaryColumn() workerId: number;
  @PrimaryColumn() year: number;
  @Column({ type: 'date', nullable: true }) firstLawOn: string | null;
  @Column({ type: 'date', nullable: true }) firstVocationalOn: string | null;
  @Column({ type: 'date', nullable: true }) firstLifeSkillsOn: string | null;
  @Column({ type: 'date', nullable: true }) firstDigitalOn: string | null;
  @Column({ type: 'decimal', precision: 10, scale: 2, transformer: decimalNumber }) hours: number;
  @Column() records: number;
  @UpdateDateColumn() updatedAt: Date;
}
