import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

@Entity('enterprises')
export class Enterprise {
  @PrimaryGeneratedColumn() id: number;
  @Column() name: string;
  /** Name folded for accent-insensitive search (see foldVietnamese). */
  @Column() searchKey: string;
  /** Mã số thuế, validated with its check digit. */
  @Column() taxCode: string;
  @Column() unitId: number;
  @Column({ type: 'varchar', nullable: true }) industrialPark: string | null;
  @Column({ type: 'varchar', nullable: true }) sector: string | null;
  @Column({ type: 'varchar', nullable: true }) address: string | null;
  @CreateDateColumn() createdAt: Date;
  @UpdateDateColumn() updatedAt: Date;
}
