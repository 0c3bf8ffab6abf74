import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** An old unit's territory passing to a new unit on a date (e.g. a district of Đắk Nông → Lâm Đồng). */
@Entity('admin_unit_mappings')
export class AdminUnitMapping {
  @PrimaryGeneratedColumn() id: number;
  @Column() fromUnitId: number;
  @Column() toUnitId: number;
  @Column({ type: 'date' }) effectiveDate: string;
  @Column({ type: 'varchar', nullable: true }) note: string | null;
  @CreateDateColumn() createdAt: Date;
  @UpdateDateColumn() updatedAt: Date;
}
