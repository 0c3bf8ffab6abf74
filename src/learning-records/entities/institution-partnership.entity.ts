import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/**
 * "This institution trains our workers and may report their results": an enterprise (through its
 * union officer, or the federation admin) lets a training institution send learning records of the
 * enterprise's workers. One row per (institution, enterprise).
 */
@Entity('institution_partnerships')
export class InstitutionPartnership {
  @PrimaryGeneratedColumn() id: number;
  @Column() institutionId: number;
  @Column() enterpriseId: number;
  @Column({ type: 'date', utc: true }) since: string;
  @Column({ type: 'integer', nullable: true }) createdBy: number | null;
  @CreateDateColumn() createdAt: Date;
  @UpdateDateColumn() updatedAt: Date;
}
