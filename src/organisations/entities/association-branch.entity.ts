import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/**
 * A branch of the study-promotion association (Hội Khuyến học); it covers its unit's subtree.
 * Branches change in time like units: a branch exists from validFrom to validTo (null when open),
 * and when it ends its work passes to its successor (a district's branch, when districts ended on
 * 30/06/2025). Titles are issued only by a branch in force on the day.
 */
@Entity('association_branches')
export class AssociationBranch {
  @PrimaryGeneratedColumn() id: number;
  @Column() name: string;
  @Column() searchKey: string;
  @Column() unitId: number;
  @Column({ type: 'date', nullable: true }) validFrom: string | null;
  @Column({ type: 'date', nullable: true }) validTo: string | null;
  @Column({ type: 'integer', nullable: true }) successorId: number | null;
  @CreateDateColumn() createdAt: Date;
  @UpdateDateColumn() updatedAt: Date;
}
