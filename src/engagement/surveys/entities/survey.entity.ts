import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export enum SurveyStatus {
  Draft = 'DRAFT',
  Published = 'PUBLISHED',
  Closed = 'CLOSED',
}

export enum QuestionKind {
  Single = 'SINGLE',
  Multiple = 'MULTIPLE',
  Scale = 'SCALE',
  Text = 'TEXT',
}

export enum TargetKind {
  Enterprise = 'ENTERPRISE',
  Commune = 'COMMUNE',
}

/**
 * A learning-needs survey built by the federation (or a department, for its subject). It can be
 * answered from opens_on to closes_on once published; a draft can still change, a published one not.
 */
@Entity('surveys')
export class Survey {
  @PrimaryGeneratedColumn() id: number;
  @Column() title: string;
  @Column({ type: 'text', nullable: true }) description: string | null;
  @Column({ type: 'date', utc: true }) opensOn: string;
  @Column({ type: 'date', utc: true }) closesOn: string;
  @Column({ type: 'varchar' }) status: SurveyStatus;
  /** The role it was built under: a department's survey is read only by its author (and the federation). */
  @Column() ownerRole: string;
  @Column() createdBy: number;
  @Column({ type: 'datetime', precision: 3, nullable: true }) publishedAt: Date | null;
  @CreateDateColumn() createdAt: Date;
  @UpdateDateColumn() updatedAt: Date;
}

/** One question. Choices are kept as a JSON array of labels; an answer stores the choice's index. */
@Entity('survey_questions')
export class SurveyQuestion {
  @PrimaryGeneratedColumn() id: number;
  @Column() surveyId: number;
  @Column() position: number;
  @Column({ type: 'varchar' }) kind: QuestionKind;
  @Column() text: string;
  @Column({ type: 'text', nullable: true }) options: string | null;
  @Column({ type: 'varchar', nullable: true }) lowLabel: string | null;
  @Column({ type: 'varchar', nullable: true }) highLabel: string | null;
  @Column() required: boolean;
}

/** What the author chose to survey: an enterprise, or a commune (meaning its enterprises). */
@Entity('survey_targets')
export class SurveyTarget {
  @PrimaryGeneratedColumn() id: number;
  @Column() surveyId: number;
  @Column({ type: 'varchar' }) kind: TargetKind;
  @Column() targetId: number;
}

/** The enterprises the targets meant on the day of publishing, with their administrative unit then. */
@Entity('survey_enterprises')
export class SurveyEnterprise {
  @PrimaryGeneratedColumn() id: number;
  @Column() surveyId: number;
  @Column() enterpriseId: number;
  @Column() unitId: number;
}
