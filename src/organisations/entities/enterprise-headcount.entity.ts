import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** The number of workers an enterprise declares for a year (a denominator of the indicators). */
@Entity('enterprise_headcounts')
export class EnterpriseHeadcount {
  @PrimaryGeneratedColumn() id: number;
  @Column() enterpriseId: number;
  @Column() year: number;
  @Column() headcount: number;
  @CreateDateColumn() createdAt: Date;
  @UpdateDateColumn() updatedAt: Date;
}
