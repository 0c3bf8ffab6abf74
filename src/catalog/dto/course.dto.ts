import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsEnum,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { IsDecimal } from '../../common/validation/validators';
import { PageQuery } from '../../common/http/pagination';
import { DOMAIN_CODES, DomainCode } from '../../learning-records/learning-domains';
import { CourseLevel, CourseStatus, Licence } from '../entities/course.entity';
import { CompletionRule } from '../entities/lesson.entity';
import { QuestionKind } from '../entities/quiz.entity';

/**
 * Conventions (as in organisations/dto): a required field's @IsNotEmpty() is its last decorator, so
 * a missing field says "required"; form fields arrive as text and are converted here.
 */
export const toNumber = ({ value }: { value: unknown }) => {
  if (value === undefined || value === null || value === '') return value;
  // Vietnamese writes decimals with a comma: "1,5" giờ.
  return typeof value === 'string' ? Number(value.replace(',', '.')) : value;
};
export const toBool = ({ value }: { value: unknown }) =>
  value === true || value === 'true' || value === 'on' || value === '1'
    ? true
    : value === false || value === 'false' || value === '0'
      ? false
      : value;
/** A field that may come once (a string) or several times (an array), as checkboxes do. */
export const toArray = ({ value }: { value: unknown }) =>
  value === undefined || value === null ? [] : Array.isArray(value) ? value : [value];

export const COURSE_LANGUAGES = ['vi', 'en'] as const;

export class CourseDto {
  @MaxLength(300)
  @IsString()
  @IsNotEmpty()
  title: string;

  @IsOptional()
  @MaxLength(5000)
  @IsString()
  summary?: string;

  @IsEnum(CourseLevel)
  @IsNotEmpty()
  level: CourseLevel;

  /** Hours a learner needs, e.g. 1.5; must be above 0 to publish. */
  @Transform(toNumber)
  @Min(0)
  @Max(1000)
  @IsDecimal(2)
  @IsNotEmpty()
  estimatedHours: number;

  /** "vi" or "en". */
  @IsIn(COURSE_LANGUAGES)
  @IsNotEmpty()
  language: string;

  @IsEnum(Licence)
  @IsNotEmpty()
  licence: Licence;

  /** Learning domains (LAW, VOCATIONAL, LIFE_SKILLS, DIGITAL); at least one to publish. */
  @IsOptional()
  @Transform(toArray)
  @IsIn(DOMAIN_CODES, { each: true })
  @ArrayMaxSize(4)
  @IsArray()
  domains?: DomainCode[];

  /** The institution, for an editor of several; otherwise their own. Ignored on update. */
  @IsOptional()
  @Transform(toNumber)
  @Min(1)
  @IsInt()
  institutionId?: number;
}

export class CourseListQuery extends PageQuery {
  @IsOptional()
  @IsEnum(CourseStatus)
  status?: CourseStatus;
}

export class LessonDto {
  @MaxLength(300)
  @IsString()
  @IsNotEmpty()
  title: string;

  /** Lesson text as HTML; only the allowed tags are kept (see the form's hint). */
  @IsOptional()
  @MaxLength(200_000)
  @IsString()
  bodyHtml?: string;

  /** https YouTube or Vimeo address, or an https .mp4 file. */
  @IsOptional()
  @MaxLength(500)
  @IsString()
  videoUrl?: string;

  @IsEnum(CompletionRule)
  @IsNotEmpty()
  completionRule: CompletionRule;

  /** Minutes to spend in the lesson, for TIME_SPENT. */
  @IsOptional()
  @Transform(toNumber)
  @Min(1)
  @Max(600)
  @IsInt()
  minMinutes?: number;

  /** Whether the lesson counts toward completing the course (default true). */
  @IsOptional()
  @Transform(toBool)
  @IsBoolean()
  required?: boolean;
}

export class MoveDto {
  @IsIn(['up', 'down'])
  @IsNotEmpty()
  direction: 'up' | 'down';
}

export class QuizDto {
  @IsOptional()
  @MaxLength(300)
  @IsString()
  title?: string;

  /** Share of correct answers needed to pass, 0–100 (default 80). */
  @IsOptional()
  @Transform(toNumber)
  @Min(0)
  @Max(100)
  @IsInt()
  passPercent?: number;

  /** Attempts allowed; 0 = unlimited (default). */
  @IsOptional()
  @Transform(toNumber)
  @Min(0)
  @Max(100)
  @IsInt()
  maxAttempts?: number;

  /**
   * Draw this many questions at random from the course's question bank for each attempt, instead of
   * the quiz's own questions; 0 = the quiz's own questions (default). At most the bank's active questions.
   */
  @IsOptional()
  @Transform(toNumber)
  @Min(0)
  @Max(100)
  @IsInt()
  drawCount?: number;

  /** Questions and options in a different order on each attempt (default true). */
  @IsOptional()
  @Transform(toBool)
  @IsBoolean()
  shuffle?: boolean;
}

export class NewQuizDto extends QuizDto {
  /** The lesson the quiz belongs to; leave out for the course's final quiz. */
  @IsOptional()
  @Transform(toNumber)
  @Min(1)
  @IsInt()
  lessonId?: number;
}

export class OptionDto {
  @MaxLength(1000)
  @IsString()
  @IsNotEmpty()
  label: string;

  /** MATCHING: the right-hand side of the pair whose left side is `label`. */
  @IsOptional()
  @MaxLength(1000)
  @IsString()
  matchLabel?: string;

  /** Choice kinds (TRUE_FALSE: two options, "Đúng" then "Sai"); ignored for MATCHING and SHORT_ANSWER. */
  @Transform(toBool)
  @IsBoolean()
  correct: boolean;
}

/** A question through the API: its options with the correct ones marked. */
export class QuestionDto {
  @IsEnum(QuestionKind)
  @IsNotEmpty()
  kind: QuestionKind;

  @MaxLength(2000)
  @IsString()
  @IsNotEmpty()
  prompt: string;

  /** Shown after answering, as feedback. */
  @IsOptional()
  @MaxLength(2000)
  @IsString()
  explanation?: string;

  @Type(() => OptionDto)
  @ValidateNested({ each: true })
  @ArrayMaxSize(10)
  @IsArray()
  options: OptionDto[];
}

/** The same question from the page's form: option labels in order, and the indexes marked correct. */
export class QuestionFormDto {
  @IsEnum(QuestionKind)
  @IsNotEmpty()
  kind: QuestionKind;

  @MaxLength(2000)
  @IsString()
  @IsNotEmpty()
  prompt: string;

  @IsOptional()
  @MaxLength(2000)
  @IsString()
  explanation?: string;

  @IsOptional()
  @Transform(({ value }) => toArray({ value }).map((v: unknown) => (typeof v === 'string' ? v : '')))
  @MaxLength(1000, { each: true })
  @ArrayMaxSize(10)
  @IsArray()
  option?: string[];

  /** MATCHING: the right-hand side of each row, beside `option`. */
  @IsOptional()
  @Transform(({ value }) => toArray({ value }).map((v: unknown) => (typeof v === 'string' ? v : '')))
  @MaxLength(1000, { each: true })
  @ArrayMaxSize(10)
  @IsArray()
  match?: string[];

  @IsOptional()
  @Transform(({ value }) => toArray({ value }).map((v: unknown) => Number(v)))
  @Min(0, { each: true })
  @IsInt({ each: true })
  @IsArray()
  correct?: number[];

  /** TRUE_FALSE: which of the two is right ("true": Đúng, "false": Sai). */
  @IsOptional()
  @IsIn(['true', 'false', ''])
  truth?: string;
}
