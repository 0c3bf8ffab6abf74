import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  MaxLength,
  Min,
  Max,
  ValidateNested,
} from 'class-validator';
import { toBool } from '../../../catalog/dto/course.dto';
import { ExportFormat } from '../../../common/export/table-export';
import { IsIsoDate } from '../../../common/validation/validators';
import { ToNumber } from '../../../organisations/dto/transforms';
import { QuestionKind } from '../entities/survey.entity';

export const MAX_CODES_PER_BATCH = 200;
export const MAX_TARGETS = 1000;

/** Ids from checkboxes (one value or several) or a JSON array. */
const toIntList = ({ value }: { value: unknown }) => {
  const list =
    value === undefined || value === null || value === '' ? [] : Array.isArray(value) ? value : [value];
  return list.map((v: unknown) => (typeof v === 'string' && /^\d{1,9}$/.test(v) ? Number(v) : v));
};

/** A survey's title, description and the period in which it can be answered. */
export class SurveyDto {
  @ApiProperty({ example: 'Khảo sát nhu cầu học tập của người lao động năm 2026' })
  @MaxLength(200)
  @IsString()
  @IsNotEmpty()
  title: string;

  @ApiPropertyOptional()
  @IsOptional()
  @MaxLength(2000)
  @IsString()
  description?: string;

  @ApiProperty({ example: '2026-03-01' })
  @IsIsoDate()
  @IsNotEmpty()
  opensOn: string;

  @ApiProperty({ example: '2026-03-31', description: 'The last day answers are taken; not before opensOn' })
  @IsIsoDate()
  @IsNotEmpty()
  closesOn: string;
}

/** One question: choices one per line for single and multiple choice; labelled ends for a 1–5 scale. */
export class SurveyQuestionDto {
  @ApiProperty({ enum: QuestionKind })
  @IsIn(Object.values(QuestionKind))
  @IsNotEmpty()
  kind: QuestionKind;

  @ApiProperty({ example: 'Anh/chị muốn học thêm lĩnh vực nào?' })
  @MaxLength(500)
  @IsString()
  @IsNotEmpty()
  text: string;

  @ApiPropertyOptional({ description: 'Choices, one per line (2 to 20), for SINGLE and MULTIPLE' })
  @IsOptional()
  @MaxLength(4000)
  @IsString()
  choices?: string;

  @ApiPropertyOptional({ example: 'Rất ít', description: 'Label of 1 on a SCALE' })
  @IsOptional()
  @MaxLength(100)
  @IsString()
  lowLabel?: string;

  @ApiPropertyOptional({ example: 'Rất nhiều', description: 'Label of 5 on a SCALE' })
  @IsOptional()
  @MaxLength(100)
  @IsString()
  highLabel?: string;

  @ApiPropertyOptional({ default: false })
  @IsOptional()
  @Transform(toBool)
  @IsBoolean()
  optional?: boolean;
}

/** Whom the survey asks: enterprises, and communes (meaning the enterprises located in them). */
export class SurveyTargetsDto {
  @ApiPropertyOptional({ type: [Number] })
  @Transform(toIntList)
  @IsArray()
  @ArrayMaxSize(MAX_TARGETS)
  @IsInt({ each: true })
  @Min(1, { each: true })
  enterpriseIds: number[] = [];

  @ApiPropertyOptional({ type: [Number], description: 'Communes (administrative units) in force' })
  @Transform(toIntList)
  @IsArray()
  @ArrayMaxSize(MAX_TARGETS)
  @IsInt({ each: true })
  @Min(1, { each: true })
  unitIds: number[] = [];
}

/** Single-use codes for workers without an account, for one of the officer's enterprises. */
export class IssueCodesDto {
  @ApiProperty({ minimum: 1, maximum: MAX_CODES_PER_BATCH })
  @ToNumber()
  @Max(MAX_CODES_PER_BATCH)
  @Min(1)
  @IsInt()
  @IsNotEmpty()
  count: number;

  /** Needed only by an officer of several enterprises. */
  @ApiPropertyOptional()
  @IsOptional()
  @ToNumber()
  @Min(1)
  @IsInt()
  enterpriseId?: number;
}

/** The code a worker without an account types. */
export class SurveyCodeDto {
  @ApiProperty({ example: 'K7M2-P9QX' })
  @MaxLength(20)
  @IsString()
  @IsNotEmpty()
  code: string;
}

/** One answer through the API: choice indexes (0-based) or a scale value (1–5) in `choices`, or `text`. */
export class SurveyAnswerItemDto {
  @ApiProperty()
  @IsInt()
  @Min(1)
  questionId: number;

  @ApiPropertyOptional({ type: [Number] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsInt({ each: true })
  choices?: number[];

  @ApiPropertyOptional()
  @IsOptional()
  @MaxLength(1000)
  @IsString()
  text?: string;
}

export class SurveyAnswersDto {
  @ApiProperty({ type: [SurveyAnswerItemDto] })
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => SurveyAnswerItemDto)
  answers: SurveyAnswerItemDto[];
}

/** Which group's results: the whole survey, a commune's enterprises or one enterprise. */
export class SurveyResultsQuery {
  @ApiPropertyOptional({
    description: 'Only the enterprises of this commune (as it was when the survey was published)',
  })
  @IsOptional()
  @ToNumber()
  @IsInt()
  @Min(1)
  unitId?: number;

  @ApiPropertyOptional({ description: 'Only this enterprise' })
  @IsOptional()
  @ToNumber()
  @IsInt()
  @Min(1)
  enterpriseId?: number;

  @IsOptional()
  @IsIn(['xlsx', 'csv'])
  format?: ExportFormat;

  /** Which table to export: the answers (default) or the respondents per enterprise. */
  @IsOptional()
  @IsIn(['answers', 'respondents'])
  table?: 'answers' | 'respondents';
}
