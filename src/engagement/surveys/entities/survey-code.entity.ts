import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A single-use code an officer hands to a worker without an account: it answers the survey once,
 * counted against the officer's enterprise. Only its SHA-256 is kept; the code is shown once.
 */
@Entity('survey_codes')
export class SurveyCode {
  @PrimaryGeneratedColumn() id: number;
  @Column() surveyId: number;
  @Column() enterpriseId: number;
  @Column() codeHash: string;
  @Column() createdBy: number;
  @Column({ type: 'datetime', precision: 3, nullable: true }) usedAt: Date | null;
  @CreateDateColumn() createdAt: Date;
}

/** A wrong code typed from an address; too many in a window and the address waits. */
@Entity('survey_code_attempts')
export class SurveyCodeAttempt {
  @PrimaryGeneratedColumn() id: number;
  @Column() addressKey: string;
  @Column({ type: 'datetime', precision: 3 }) attemptedAt: Date;
}
