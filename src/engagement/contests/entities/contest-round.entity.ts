import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** A round of a contest, open between two instants; an online round has a time limit per attempt. */
@Entity('contest_rounds')
export class ContestRound {
  @PrimaryGeneratedColumn() id: number;
  @Column() contestId: number;
  @Column() name: string;
  @Column({ type: 'datetime', precision: 3 }) opensAt: Date;
  @Column({ type: 'datetime', precision: 3 }) closesAt: Date;
  /** Minutes an online attempt may take (law quiz only). */
  @Column({ type: 'integer', nullable: true }) timeLimitMinutes: number | null;
  /** Questions drawn from the bank for each attempt; all of them when null. */
  @Column({ type: 'integer', nullable: true }) questionCount: number | null;
  @CreateDateColumn() createdAt: Date;
  @UpdateDateColumn() updatedAt: Date;
}
