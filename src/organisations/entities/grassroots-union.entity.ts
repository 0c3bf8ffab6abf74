import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/**
 * Công đoàn cơ sở: the grassroots trade union of one enterprise. Unions change in time like units
 * and branches: one exists from establishedOn to dissolvedOn (null while it does), and when
 * enterprises merge its members pass to its successor, the union of the enterprise that took them.
 */
@Entity('grassroots_unions')
export class GrassrootsUnion {
  @PrimaryGeneratedColumn() id: number;
  @Column() enterpriseId: number;
  @Column() name: string;
  @Column() searchKey: string;
  @Column({ type: 'varchar', nullable: true }) chairName: string | null;
  @Column({ type: 'date', nullable: true }) establishedOn: string | null;
  @Column({ type: 'date', nullable: true }) dissolvedOn: string | null;
  @Column({ type: 'integer', nullable: true }) successorId: number | null;
  @CreateDateColumn() createdAt: Date;
  @UpdateDateColumn() updatedAt: Date;
}
