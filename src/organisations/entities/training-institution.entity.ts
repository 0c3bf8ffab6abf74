import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export enum InstitutionKind {
  Vocational = 'VOCATIONAL',
  University = 'UNIVERSITY',
  College = 'COLLEGE',
  ContinuingEducation = 'CONTINUING_EDUCATION',
  School = 'SCHOOL',
  CultureCentre = 'CULTURE_CENTRE',
  Other = 'OTHER',
}

/** A training institution that publishes courses and open learning materials. */
@Entity('training_institutions')
export class TrainingInstitution {
  @PrimaryGeneratedColumn() id: number;
  @Column() name: string;
  @Column() searchKey: string;
  @Column({ type: 'varchar' }) kind: InstitutionKind;
  @Column({ type: 'integer', nullable: true }) unitId: number | null;
  @Column({ type: 'varchar', nullable: true }) address: string | null;
  @Column({ type: 'varchar', nullable: true }) website: string | null;
  @CreateDateColumn() createdAt: Date;
  @UpdateDateColumn() updatedAt: Date;
}
