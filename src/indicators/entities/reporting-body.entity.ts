import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export enum ReportingBodyKind {
  /** A district/commune people's committee (reports its unit's figures). */
  Unit = 'UNIT',
  /** A provincial department (Sở GD&ĐT, Sở LĐ-TB&XH, …). */
  Department = 'DEPARTMENT',
  /** The enterprises' association (the industrial parks board is a state agency: a DEPARTMENT). */
  EnterpriseAssociation = 'ENTERPRISE_ASSOCIATION',
  /** The study-promotion association (Hội Khuyến học). */
  Association = 'ASSOCIATION',
  /** The provincial labour federation, which compiles the province report. */
  Federation = 'FEDERATION',
}

/**
 * Who reports to the federation each year and by when ("MM-DD", e.g. "12-01"). Bodies change in
 * time like units: a body reports for the years it exists in (validFrom/validTo, null when open),
 * and when it ends its reports pass to its successor (Sở Lao động – Thương binh và Xã hội to Sở Nội
 * vụ on 01/03/2025), whose members then act on them.
 */
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
  @Column({ type: 'date', nullable: true }) validFrom: string | null;
  @Column({ type: 'date', nullable: true }) validTo: string | null;
  @Column({ type: 'integer', nullable: true }) successorId: number | null;
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

/** Whether a body exists at some time in a year: it then reports for that year. */
export function reportsFor(body: Pick<ReportingBody, 'validFrom' | 'validTo'>, year: number): boolean {
  return (
    (!body.validFrom || body.validFrom <= `${year}-12-31`) &&
    (!body.validTo || body.validTo >= `${year}-01-01`)
  );
}
