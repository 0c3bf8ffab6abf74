import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export enum SnapshotStatus {
  Running = 'RUNNING',
  Ready = 'READY',
  Failed = 'FAILED',
}

export enum SnapshotLevel {
  Enterprise = 'ENTERPRISE',
  Unit = 'UNIT',
  Province = 'PROVINCE',
}

/** The roll-up of a plan on one date; a new roll-up for the same (plan, date) replaces it whole. */
@Entity('indicator_snapshots')
export class IndicatorSnapshot {
  @PrimaryGeneratedColumn() id: number;
  @Column() planId: number;
  @Column({ type: 'date', utc: true }) asOf: string;
  @Column({ type: 'varchar' }) status: SnapshotStatus;
  @Column({ type: 'integer', nullable: true }) jobRunId: number | null;
  @Column() enterprises: number;
  @Column() population: number;
  @Column({ type: 'datetime', nullable: true }) computedAt: Date | null;
  @CreateDateColumn() createdAt: Date;
  @UpdateDateColumn() updatedAt: Date;
}

/** Figures of one organisation in a snapshot: population, denominator and the five numerators. */
@Entity('indicator_snapshot_rows')
export class IndicatorSnapshotRow {
  @PrimaryGeneratedColumn() id: number;
  @Column() snapshotId: number;
  @Column({ type: 'varchar' }) level: SnapshotLevel;
  @Column() orgId: number;
  @Column({ type: 'integer', nullable: true }) parentUnitId: number | null;
  /** Workers employed on the date. */
  @Column() population: number;
  /** Headcount the enterprise declared for the year (0 if none). */
  @Column() declaredHeadcount: number;
  /** max(declared headcount, population), summed for units. */
  @Column() denominator: number;
  @Column() law: number;
  @Column() vocational: number;
  @Column() lifeSkills: number;
  @Column() digital: number;
  @Column() learningCitizen: number;
}
