import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { decimalNumber } from '../../../database/transformers';

/** What an enterprise gave to its workers' learning in a year, as its union officer declares it. */
@Entity('enterprise_support')
export class EnterpriseSupport {
  @PrimaryGeneratedColumn() id: number;
  @Column() enterpriseId: number;
  @Column() year: number;
  /** VND; BIGINT comes back from MySQL as a string. */
  @Column({ type: 'bigint', transformer: decimalNumber }) fundsCommitted: number;
  @Column({ type: 'bigint', transformer: decimalNumber }) fundsSpent: number;
  @Column() paidStudyHours: number;
  /** Whether the collective labour agreement has provisions on learning. */
  @Column() agreementHasLearning: boolean;
  @Column({ type: 'text', nullable: true }) agreementClause: string | null;
  /** Books, leaflets and other materials supplied to workers (count). */
  @Column() materialsSupplied: number;
  @Column() updatedBy: number;
  @CreateDateColumn() createdAt: Date;
  @UpdateDateColumn() updatedAt: Date;
}
