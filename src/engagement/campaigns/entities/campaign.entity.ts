import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/**
 * A campaign the federation runs for a period (Lifelong Learning Week, Vietnam Book and Reading
 * Culture Day 21/4…): its target units (communes or the whole province, with their subtrees) and
 * the courses, materials and sessions it points workers to. A reading campaign also counts the
 * books workers log and their officers confirm.
 */
@Entity('campaigns')
export class Campaign {
  @PrimaryGeneratedColumn() id: number;
  @Column() title: string;
  @Column({ type: 'text' }) theme: string;
  @Column({ type: 'date', utc: true }) startsOn: string;
  @Column({ type: 'date', utc: true }) endsOn: string;
  @Column() reading: boolean;
  @Column() createdBy: number;
  @CreateDateColumn() createdAt: Date;
  @UpdateDateColumn() updatedAt: Date;
}
