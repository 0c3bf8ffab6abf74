import {
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  ManyToOne,
  OneToMany,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { CriterionRule } from '../criteria-rules';

export enum CriteriaSetStatus {
  /** Being edited; not used by evaluations yet. */
  Draft = 'DRAFT',
  /** The version evaluations use now (one per code). */
  Active = 'ACTIVE',
  /** Replaced by a newer version; kept for the evaluations and recognitions that used it. */
  Retired = 'RETIRED',
}

export enum EvidenceKind {
  /** Decided from hoctap's own data by the criterion's rule. */
  Automatic = 'AUTO',
  /** Answered by the worker with a statement and confirmed by their union officer. */
  Declared = 'DECLARED',
}

/**
 * A version of the "Công dân học tập" criteria. Editing an active version creates a new version;
 * evaluations and recognitions keep the id of the version they used.
 */
@Entity('criteria_sets')
export class CriteriaSet {
  @PrimaryGeneratedColumn() id: number;
  @Column() code: string;
  @Column() version: number;
  @Column() title: string;
  @Column({ type: 'text', nullable: true }) sourceNote: string | null;
  @Column() passMark: number;
  @Column({ type: 'varchar' }) status: CriteriaSetStatus;
  @Column({ type: 'integer', nullable: true }) createdBy: number | null;
  /**
   * The association branch that owns the criteria: only its reviewers create versions, edit and
   * activate them (migration 1764000016100). Null for the reference criteria no branch created:
   * they belong to the province's association, the branches at the top of the administrative tree.
   */
  @Column({ type: 'integer', nullable: true }) branchId: number | null;
  @Column({ type: 'datetime', nullable: true }) activatedAt: Date | null;
  /** Who made this version the active one (migration 1764000008000). */
  @Column({ type: 'integer', nullable: true }) activatedBy: number | null;
  /** When a newer version replaced it. */
  @Column({ type: 'datetime', nullable: true }) retiredAt: Date | null;
  @CreateDateColumn() createdAt: Date;
  @UpdateDateColumn() updatedAt: Date;

  @OneToMany(() => CriteriaGroup, (g) => g.set) groups?: CriteriaGroup[];
}

@Entity('criteria_groups')
export class CriteriaGroup {
  @PrimaryGeneratedColumn() id: number;
  @Column() setId: number;
  @Column() position: number;
  @Column() code: string;
  @Column() name: string;
  /** Optional minimum points within the group to be eligible. */
  @Column({ type: 'integer', nullable: true }) minPoints: number | null;

  @ManyToOne(() => CriteriaSet, (s) => s.groups, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'set_id' })
  set?: CriteriaSet;

  @OneToMany(() => Criterion, (c) => c.group) criteria?: Criterion[];
}

@Entity('criteria')
export class Criterion {
  @PrimaryGeneratedColumn() id: number;
  @Column() setId: number;
  @Column() groupId: number;
  @Column() position: number;
  /** Stable across versions (e.g. "1.2"); declared answers are keyed by it. */
  @Column() code: string;
  @Column() title: string;
  @Column({ type: 'text', nullable: true }) description: string | null;
  @Column() points: number;
  @Column({ type: 'varchar' }) evidence: EvidenceKind;
  /** For AUTO criteria: what in hoctap's data meets it (see criteria-rules.ts). Null for DECLARED. */
  @Column({
    type: 'text',
    nullable: true,
    transformer: {
      to: (v: CriterionRule | null) => (v ? JSON.stringify(v) : null),
      from: (v: string | null) => (v ? (JSON.parse(v) as CriterionRule) : null),
    },
  })
  rule: CriterionRule | null;

  @ManyToOne(() => CriteriaGroup, (g) => g.criteria, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'group_id' })
  group?: CriteriaGroup;
}
