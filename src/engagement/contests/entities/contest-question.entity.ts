import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { jsonObject } from '../../../database/transformers';

/** A question of a law quiz contest's bank: single choice when one option is correct, else multiple. */
@Entity('contest_questions')
export class ContestQuestion {
  @PrimaryGeneratedColumn() id: number;
  @Column() contestId: number;
  @Column() prompt: string;
  @Column({ type: 'text', transformer: jsonObject }) options: string[];
  /** Indexes of the correct options, comma-separated ("0" or "1,3"). */
  @Column() correct: string;
  @CreateDateColumn() createdAt: Date;
  @UpdateDateColumn() updatedAt: Date;
}
