import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/**
 * A published course the federation gives to every worker employed at an enterprise located in a
 * territory (an administrative unit in force: a province or a commune), to finish by a day. It is
 * a rule, not a list: who holds it is read from today's employments each time, so a worker who
 * joins an enterprise in the territory later holds it, and one who leaves for an enterprise
 * outside no longer does. (unit, course, due day) is unique.
 */
@Entity('territory_assignments')
export class TerritoryAssignment {
  @PrimaryGeneratedColumn() id: number;
  /** The administrative unit whose subtree (and the units mapped into it) is the territory. */
  @Column() unitId: number;
  @Column() courseId: number;
  /** The last day to finish the course (YYYY-MM-DD, Vietnam). */
  @Column({ type: 'date', utc: true }) dueOn: string;
  /** Workers not done yet get one reminder this many days before the due day. */
  @Column() remindDaysBefore: number;
  /** The federation admin who gave it. */
  @Column() createdBy: number;
  @CreateDateColumn() createdAt: Date;
  @UpdateDateColumn() updatedAt: Date;
}
