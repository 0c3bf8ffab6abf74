import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** A branch of the study-promotion association (Hội Khuyến học); it covers its unit's subtree. */
@Entity('association_branches')
export class AssociationBranch {
  @PrimaryGeneratedColumn() id: number;
  @Column() name: string;
  @Column() searchKey: string;
  @Column() unitId: number;
  @CreateDateColumn() createdAt: Date;
  @UpdateDateColumn() updatedAt: Date;
}
