import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { QuestionKind } from '../../catalog/entities/quiz.entity';
import { ExportFormat } from '../../common/export/table-export';

export class CourseStatsPageQuery {
  @IsOptional()
  @IsIn(['xlsx', 'csv'])
  format?: ExportFormat;
}

class EnrolmentTotalsDto {
  @ApiProperty() enrolled: number;
  @ApiProperty({ description: 'Opened a lesson or took a quiz' }) started: number;
  @ApiProperty() completed: number;
  @ApiProperty({ nullable: true, description: 'Percent of enrolled, one decimal' }) startedPercent:
    number | null;
  @ApiProperty({ nullable: true, description: 'Percent of enrolled, one decimal' }) completedPercent:
    number | null;
}

class LessonStatsDto {
  @ApiProperty() lessonId: number;
  @ApiProperty() title: string;
  @ApiProperty() opened: number;
  @ApiProperty() completed: number;
  @ApiProperty({ nullable: true, description: 'Percent of enrolled' }) completedPercent: number | null;
}

class OptionStatsDto {
  @ApiProperty() optionId: number;
  @ApiProperty() label: string;
  @ApiProperty({ description: 'A right option' }) correct: boolean;
  @ApiProperty({ description: 'Attempts that chose it' }) chosen: number;
  @ApiProperty({ nullable: true, description: 'chosen / answered, percent' }) chosenPercent: number | null;
}

class QuestionStatsDto {
  @ApiProperty() questionId: number;
  @ApiProperty({ enum: QuestionKind }) kind: QuestionKind;
  @ApiProperty() prompt: string;
  @ApiProperty({ description: 'Attempts that were asked it (drawn) and answered it' }) answered: number;
  @ApiProperty({ description: 'Attempts that answered it right, as marked when submitted' }) correct: number;
  @ApiProperty({ nullable: true }) correctPercent: number | null;
  @ApiProperty({
    type: [OptionStatsDto],
    description: 'SINGLE, MULTIPLE, TRUE_FALSE: each option; else empty',
  })
  options: OptionStatsDto[];
}

class QuizStatsDto {
  @ApiProperty() quizId: number;
  @ApiProperty() title: string;
  @ApiProperty({ nullable: true, description: 'Null for the final quiz' }) lessonTitle: string | null;
  @ApiProperty() attempts: number;
  @ApiProperty({ description: 'Learners with at least one attempt' }) learners: number;
  @ApiProperty({ description: 'Learners with a passing attempt' }) passed: number;
  @ApiProperty({ nullable: true, description: 'passed / learners, percent' }) passPercent: number | null;
  @ApiProperty({ nullable: true, description: 'Mean score of all attempts, percent' }) averageScore:
    number | null;
  @ApiProperty({
    nullable: true,
    description: 'Questions drawn per attempt from the course’s bank; null: own questions',
  })
  drawCount: number | null;
  @ApiProperty({
    type: [QuestionStatsDto],
    description: 'Lowest share of right answers first; the bank’s questions for a drawing quiz',
  })
  questions: QuestionStatsDto[];
}

class QuizQuestionStatsDto {
  @ApiProperty() quizId: number;
  @ApiProperty() title: string;
  @ApiProperty({ nullable: true, description: 'Null for the final quiz' }) lessonTitle: string | null;
  @ApiProperty({ nullable: true }) drawCount: number | null;
  @ApiProperty({ type: [QuestionStatsDto] }) questions: QuestionStatsDto[];
}

/** The per-question statistics of a course's quizzes. */
export class CourseQuestionStatsDto {
  @ApiProperty({ example: { id: 1, title: 'Kỹ năng số an toàn' } }) course: { id: number; title: string };
  @ApiProperty({ type: [QuizQuestionStatsDto] }) quizzes: QuizQuestionStatsDto[];
}

class EnterpriseStatsDto {
  @ApiProperty({ nullable: true, description: 'Null: learners not at an enterprise now' }) enterpriseId:
    number | null;
  @ApiProperty({ nullable: true }) name: string | null;
  @ApiProperty({ description: 'Fewer than minGroup learners: the figures are null' }) suppressed: boolean;
  @ApiProperty({ nullable: true }) enrolled: number | null;
  @ApiProperty({ nullable: true }) started: number | null;
  @ApiProperty({ nullable: true }) completed: number | null;
  @ApiProperty({ nullable: true }) completedPercent: number | null;
}

/** The statistics of one course, as the page and its exports show them. */
export class CourseStatsDto {
  @ApiProperty({ example: { id: 1, title: 'Kỹ năng số an toàn' } }) course: { id: number; title: string };
  @ApiProperty({ description: 'Day counted (Vietnam); learners are grouped by their enterprise on it' })
  asOf: string;
  @ApiProperty({ description: 'Smallest enterprise group whose figures are shown', example: 5 })
  minGroup: number;
  @ApiProperty({ type: EnrolmentTotalsDto }) totals: EnrolmentTotalsDto;
  @ApiPropertyOptional({ nullable: true, description: 'Days from enrolment to completion' })
  medianDaysToComplete: number | null;
  @ApiPropertyOptional({
    nullable: true,
    description: 'Minutes in lessons, completed enrolments with time recorded',
  })
  medianMinutesSpent: number | null;
  @ApiProperty({ type: [LessonStatsDto] }) lessons: LessonStatsDto[];
  @ApiProperty({ type: [QuizStatsDto] }) quizzes: QuizStatsDto[];
  @ApiProperty({ type: [EnterpriseStatsDto] }) enterprises: EnterpriseStatsDto[];
}
