import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One person's answers to a survey: by a signed-in worker (worker_id, unique per survey) or with a
 * code (code_id, unique). Anonymisation clears worker_id and keeps the answers for the aggregate.
 */
@Entity('survey_responses')
export class SurveyResponse {
  @PrimaryGeneratedColumn() id: number;
  @Column() surveyId: number;
  @Column() enterpriseId: number;
  @Column() unitId: number;
  @Column({ type: 'integer', nullable: true }) workerId: number | null;
  @Column({ type: 'integer', nullable: true }) codeId: number | null;
  @Column({ type: 'datetime', precision: 3 }) submittedAt: Date;
}

/** One answer: a choice's index (several rows for multiple choice), a scale value, or short text. */
@Entity('survey_answers')
export class SurveyAnswer {
  @PrimaryGeneratedColumn() id: number;
  @Column() responseId: number;
  @Column() questionId: number;
  @Column({ type: 'integer', nullable: true }) choice: number | null;
  @Column({ type: 'varchar', nullable: true }) text: string | null;
}
