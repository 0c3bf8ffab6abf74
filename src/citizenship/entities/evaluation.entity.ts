import {
  Column,
  Entity,
  OneToMany,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  JoinColumn,
  ManyToOne,
} from 'typeorm';

const json = {
  to: (v: unknown) => (v === null || v === undefined ? null : JSON.stringify(v)),
  from: (v: string | null) => (v ? JSON.parse(v) : null),
};

/** The current evaluation of an application, replaced as a whole by each run. */
@Entity('citizenship_evaluations')
export class CitizenshipEvaluation {
  @PrimaryGeneratedColumn() id: number;
  @Column() applicationId: number;
  @Column() criteriaSetId: number;
  @Column() totalPoints: number;
  @Column() eligible: boolean;
  /** Why not eligible, as message references ({ key, params }). */
  @Column({ type: 'text', nullable: true, transformer: json }) reasons:
    { key: string; params?: Record<string, string | number> }[] | null;
  /** Hash of the inputs: the same inputs give the same evaluation, so a rerun can skip the write. */
  @Column() inputHash: string;
  @Column({ type: 'datetime' }) evaluatedAt: Date;

  @OneToMany(() => CitizenshipEvaluationItem, (i) => i.evaluation) items?: CitizenshipEvaluationItem[];
}

export enum ItemState {
  /** Met by hoctap's data. */
  Met = 'MET',
  /** Declared and confirmed by the officer. */
  Confirmed = 'CONFIRMED',
  /** Declared, waiting for the officer (counted toward eligibility, needed before recognition). */
  Declared = 'DECLARED',
  /** Not met / not answered / returned. */
  Missing = 'MISSING',
}

@Entity('citizenship_evaluation_items')
export class CitizenshipEvaluationItem {
  @PrimaryColumn() evaluationId: number;
  @PrimaryColumn() criterionCode: string;
  @Column() points: number;
  @Column() met: boolean;
  @Column({ type: 'varchar' }) state: ItemState;
  /** Links to what proves it: learning record ids, session ids, "plan". */
  @Column({ type: 'text', nullable: true, transformer: json }) evidence: {
    recordIds?: number[];
    plan?: boolean;
    hours?: number;
    /** How many records qualified; recordIds keeps the first ones only (see evaluation/evaluate.ts). */
    count?: number;
  } | null;

  @ManyToOne(() => CitizenshipEvaluation, (e) => e.items, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'evaluation_id' })
  evaluation?: CitizenshipEvaluation;
}
