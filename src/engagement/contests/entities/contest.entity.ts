import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { decimalNumber } from '../../../database/transformers';
import { ContestKind } from '../contest-kinds';

/**
 * A movement or contest: province-wide (enterprise null, organised by the federation), aimed at
 * communes (enterprise null, with its `contest_units`, organised by the federation) or one
 * enterprise's (organised by its union). Taking part becomes one learning record per worker in the
 * domain of its kind, worth `hours`.
 */
@Entity('contests')
export class Contest {
  @PrimaryGeneratedColumn() id: number;
  @Column({ type: 'varchar' }) kind: ContestKind;
  @Column() title: string;
  @Column({ type: 'text', nullable: true }) description: string | null;
  /** The year it counts in (the annual report's). */
  @Column() year: number;
  @Column({ type: 'integer', nullable: true }) enterpriseId: number | null;
  @Column({ type: 'decimal', precision: 6, scale: 2, transformer: decimalNumber }) hours: number;
  @Column() createdBy: number;
  @CreateDateColumn() createdAt: Date;
  @UpdateDateColumn() updatedAt: Date;
}
