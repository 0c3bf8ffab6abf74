import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { decimalNumber } from '../../database/transformers';

/**
 * A result a training institution reported through /api/v1 (a vocational certificate, a short
 * course at the school). (institution, externalId) is unique: the institution's own record id makes
 * a repeated post a no-op. Its domains live on the learning record it became ("external:<id>").
 */
@Entity('external_records')
export class ExternalRecord {
  @PrimaryGeneratedColumn() id: number;
  @Column() institutionId: number;
  @Column() externalId: string;
  @Column() workerId: number;
  @Column() title: string;
  @Column({ type: 'varchar', nullable: true }) programme: string | null;
  @Column({ type: 'varchar', nullable: true }) certificateNo: string | null;
  @Column({ type: 'date', utc: true }) completedOn: string;
  @Column({ type: 'decimal', precision: 6, scale: 2, transformer: decimalNumber }) hours: number;
  @Column({ type: 'integer', nullable: true }) submittedBy: number | null;
  @CreateDateColumn() createdAt: Date;
  @UpdateDateColumn() updatedAt: Date;
}
