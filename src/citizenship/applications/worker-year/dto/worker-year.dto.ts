import { Transform } from 'class-transformer';
import { IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { IsLearningHours, toHours } from '../../../../learning-records/dto/learning-hours';
import { CODE_PATTERN } from '../../criteria/criteria-content';

export const MAX_GOAL = 500;
export const MAX_STATEMENT = 1000;

/**
 * The personal learning plan: for each of the plan's four learning domains, a goal and the hours
 * the worker plans to spend on it ("1,5" reads as 1.5). At least one goal; the service checks that
 * each goal has its hours and each number of hours its goal.
 */
export class PlanDto {
  @IsOptional()
  @MaxLength(MAX_GOAL)
  @IsString()
  goalLAW?: string;

  @IsOptional()
  @Transform(toHours)
  @IsLearningHours()
  hoursLAW?: number;

  @IsOptional()
  @MaxLength(MAX_GOAL)
  @IsString()
  goalVOCATIONAL?: string;

  @IsOptional()
  @Transform(toHours)
  @IsLearningHours()
  hoursVOCATIONAL?: number;

  @IsOptional()
  @MaxLength(MAX_GOAL)
  @IsString()
  goalLIFE_SKILLS?: string;

  @IsOptional()
  @Transform(toHours)
  @IsLearningHours()
  hoursLIFE_SKILLS?: number;

  @IsOptional()
  @MaxLength(MAX_GOAL)
  @IsString()
  goalDIGITAL?: string;

  @IsOptional()
  @Transform(toHours)
  @IsLearningHours()
  hoursDIGITAL?: number;
}

/** The worker's statement for one self-declared criterion; an empty statement withdraws the answer. */
export class AnswerDto {
  @Matches(CODE_PATTERN)
  @IsString()
  @IsNotEmpty()
  criterionCode: string;

  @IsOptional()
  @MaxLength(MAX_STATEMENT)
  @IsString()
  statement?: string;
}
