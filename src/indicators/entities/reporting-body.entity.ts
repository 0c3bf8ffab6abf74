import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export enum ReportingBodyKind {
  /** A district/commune people's committee (reports its unit's figures). */
  Unit = 'UNIT',
  /** A provincial department (Sở GD&ĐT, Sở LĐ-TB&XH, …). */
  Department = 'DEPARTMENT',
  /** The enterprises' association or the industrial parks board. */
  EnterpriseAssociation = 'ENTERPRISE_ASSOCIATION',
  /** The study-promotion association (Hội Khuyến học). */
  Association = 'ASSOCIATION',
  /** The provincial labour federation, which compiles the province report. */
  Federation = 'FEDERATION',
}

/** Who reports to the federation each year and by when ("MM-DD", e.g. "12-01"). */
@Entity('reporting_bodies')
export class ReportingBody {
  @PrimaryGeneratedColumn() id: number;
  @Column() planId: number;
  @Column({ type: 'varchar' }) kind: ReportingBodyKind;
  @Column() name: string;
  @Column({ type: 'integer', nullable: true }) unitId: number | null;
  @Column({ type: 'integer', nullable: true }) branchId: number | null;
  @Column() dueMonthDay: string;
  @Column() position: number;
  @CreateDateColumn() createdAt: Date;
  @UpdateDateColumn() updatedAt: Date;
}

@Entity('reporting_body_members')
export class ReportingBodyMember {
  @PrimaryGeneratedColumn() id: number;
  @Column() bodyId: number;
  @Column() userId: number;
  @CreateDateColumn() createdAt: Date;
  @UpdateDateColumn() updatedAt: Date;
}
