import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { decimalNumber } from '../../database/transformers';

/** The five indicators of the plan (DESIGN.md §1). */
export enum IndicatorCode {
  Law = 'LAW',
  Vocational = 'VOCATIONAL',
  LifeSkills = 'LIFE_SKILLS',
  Digital = 'DIGITAL',
  LearningCitizen = 'LEARNING_CITIZEN',
}

export const INDICATOR_CODES = Object.values(IndicatorCode);

/** Which learning records count toward "reached" on a date D. */
export enum CountingWindow {
  /** From the plan's start to D (the default). */
  PlanToDate = 'PLAN_TO_DATE',
  /** The calendar year of D. */
  CalendarYear = 'CALENDAR_YEAR',
}

export enum MilestoneKind {
  MidTerm = 'MID_TERM',
  Final = 'FINAL',
}

/** A provincial plan carrying out Decision 1268/QĐ-TTg (seeded: Đắk Nông's). */
@Entity('plans')
export class Plan {
  @PrimaryGeneratedColumn() id: number;
  @Column() code: string;
  @Column() title: string;
  @Column() issuingBody: string;
  @Column({ type: 'varchar', nullable: true }) decisionRef: string | null;
  /** The province the plan covers (its root administrative unit). */
  @Column({ type: 'integer', nullable: true }) unitId: number | null;
  @Column({ type: 'date', utc: true }) startDate: string;
  @Column({ type: 'date', utc: true }) endDate: string;
  @CreateDateColumn() createdAt: Date;
  @UpdateDateColumn() updatedAt: Date;
}

@Entity('plan_indicators')
export class PlanIndicator {
  @PrimaryGeneratedColumn() id: number;
  @Column() planId: number;
  @Column({ type: 'varchar' }) code: IndicatorCode;
  @Column() label: string;
  @Column({ type: 'varchar' }) countingWindow: CountingWindow;
  @Column() sortOrder: number;
}

@Entity('plan_targets')
export class PlanTarget {
  @PrimaryGeneratedColumn() id: number;
  @Column() planIndicatorId: number;
  @Column() milestoneYear: number;
  @Column({ type: 'decimal', precision: 5, scale: 2, transformer: decimalNumber }) targetPercent: number;
}

@Entity('plan_milestones')
export class PlanMilestone {
  @PrimaryGeneratedColumn() id: number;
  @Column() planId: number;
  @Column() year: number;
  @Column({ type: 'varchar' }) kind: MilestoneKind;
  @Column() label: string;
  @Column({ type: 'date', utc: true }) reviewDate: string;
}
