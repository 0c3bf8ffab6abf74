import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { decimalNumber } from '../../database/transformers';

/**
 * An in-person training held before hoctap, brought in from an attendance list of 2023–2025. Each
 * attendee has one learning record (source TRAINING) with its domains and hours. (day, folded title
 * and organiser) is unique: the same list imported again finds the same training.
 */
@Entity('history_trainings')
export class HistoryTraining {
  @PrimaryGeneratedColumn() id: number;
  @Column({ type: 'date' }) heldOn: string;
  @Column() title: string;
  @Column() organiser: string;
  @Column() trainingKey: string;
  @Column({ type: 'decimal', precision: 6, scale: 2, transformer: decimalNumber }) hours: number;
  /** Domain codes, comma-separated, sorted. */
  @Column() domains: string;
  @Column({ type: 'integer', nullable: true }) importId: number | null;
  @CreateDateColumn() createdAt: Date;
  @UpdateDateColumn() updatedAt: Date;
}
