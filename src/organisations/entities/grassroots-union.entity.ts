import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** Công đoàn cơ sở: the grassroots trade union of one enterprise. */
@Entity('grassroots_unions')
export class GrassrootsUnion {
  @PrimaryGeneratedColumn() id: number;
  @Column() enterpriseId: number;
  @Column() name: string;
  @Column() searchKey: string;
  @Column({ type: 'varchar', nullable: true }) chairName: string | null;
  @Column({ type: 'date', nullable: true }) establishedOn: string | null;
  @CreateDateColumn() createdAt: Date;
  @UpdateDateColumn() updatedAt: Date;
}
