import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayNotEmpty,
  IsArray,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { IsSessionTime, toList } from '../../../activities/dto/session.dto';
import { ExportFormat } from '../../../common/export/table-export';
import { PageQuery } from '../../../common/http/pagination';
import { IsLearningHours, toHours } from '../../../learning-records/dto/learning-hours';
import { ToNumber } from '../../../organisations/dto/transforms';
import { CONTEST_KINDS, ContestKind } from '../contest-kinds';

export const MAX_OPTIONS = 6;
export const MAX_TIME_LIMIT_MINUTES = 180;
export const MAX_WORKERS_PER_REQUEST = 1000;
export const MAX_COMMUNES = 200;

const toIntList = ({ value }: { value: unknown }) =>
  toList({ value })?.map((v: unknown) => (typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : v));
const trimmedLines = ({ value }: { value: unknown }) =>
  typeof value === 'string'
    ? value
        .split(/\r?\n/)
        .map((l) => l.trim())
        .filter((l) => l !== '')
    : Array.isArray(value)
      ? value.map((v) => (typeof v === 'string' ? v.trim() : v)).filter((v) => v !== '')
      : value;

/** A new contest or movement. An officer's is for their enterprise; the federation's is province-wide. */
export class CreateContestDto {
  @ApiProperty({ enum: CONTEST_KINDS })
  @IsIn(CONTEST_KINDS)
  @IsNotEmpty()
  kind: ContestKind;

  @ApiProperty({ maxLength: 200 })
  @MaxLength(200)
  @IsString()
  @IsNotEmpty()
  title: string;

  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOptional()
  @MaxLength(2000)
  @IsString()
  description?: string;

  @ApiProperty({ example: 2026 })
  @ToNumber()
  @Max(2100)
  @Min(2000)
  @IsInt()
  @IsNotEmpty()
  year: number;

  @ApiProperty({ example: 2, description: 'Learning hours credited to each participant' })
  @Transform(toHours)
  @IsLearningHours()
  @IsNotEmpty()
  hours: number;

  /** Needed only by an officer of several enterprises; the federation's contests are province-wide. */
  @ApiPropertyOptional()
  @IsOptional()
  @ToNumber()
  @Min(1)
  @IsInt()
  enterpriseId?: number;

  /** The federation's only: the communes whose enterprises the contest is open to. */
  @ApiPropertyOptional({
    type: [Number],
    description:
      'Communes in force (administrative units) the contest is open to: only workers and officers of the ' +
      'enterprises located in them see it and take part. Federation only; empty: province-wide',
  })
  @IsOptional()
  @Transform(toIntList)
  @ArrayMaxSize(MAX_COMMUNES)
  @Min(1, { each: true })
  @IsInt({ each: true })
  @IsArray()
  unitIds?: number[];
}

export class CreateRoundDto {
  @ApiProperty({ maxLength: 200, example: 'Vòng 1' })
  @MaxLength(200)
  @IsString()
  @IsNotEmpty()
  name: string;

  @ApiProperty({ example: '2026-04-21T08:00', description: 'Vietnam time, or ISO 8601 with an offset' })
  @IsSessionTime()
  @IsNotEmpty()
  opensAt: string;

  @ApiProperty({ example: '2026-04-28T17:00' })
  @IsSessionTime()
  @IsNotEmpty()
  closesAt: string;

  @ApiPropertyOptional({ description: 'Minutes per online attempt (law quiz contests, required there)' })
  @IsOptional()
  @ToNumber()
  @Max(MAX_TIME_LIMIT_MINUTES)
  @Min(1)
  @IsInt()
  timeLimitMinutes?: number;

  @ApiPropertyOptional({ description: 'Questions drawn for each attempt; all of the bank when empty' })
  @IsOptional()
  @ToNumber()
  @Max(200)
  @Min(1)
  @IsInt()
  questionCount?: number;
}

export class CreateQuestionDto {
  @ApiProperty({ maxLength: 1000 })
  @MaxLength(1000)
  @IsString()
  @IsNotEmpty()
  prompt: string;

  @ApiProperty({ type: [String], description: '2 to 6 options (one per line on the form)' })
  @Transform(trimmedLines)
  @MaxLength(300, { each: true })
  @IsString({ each: true })
  @ArrayMaxSize(MAX_OPTIONS, { message: 'contests.error.options' })
  @ArrayMinSize(2, { message: 'contests.error.options' })
  @IsArray({ message: 'contests.error.options' })
  options: string[];

  @ApiProperty({ type: [Number], description: 'Indexes (from 1) of the correct options' })
  @Transform(toIntList)
  @Max(MAX_OPTIONS, { each: true })
  @Min(1, { each: true })
  @IsInt({ each: true })
  @ArrayNotEmpty({ message: 'contests.error.correct' })
  @IsArray({ message: 'contests.error.correct' })
  correct: number[];
}

export class RegisterWorkersDto {
  @ApiProperty({ type: [Number], description: 'Worker ids employed at the officer’s enterprise today' })
  @Transform(toIntList)
  @IsInt({ each: true })
  @Min(1, { each: true })
  @ArrayMaxSize(MAX_WORKERS_PER_REQUEST)
  @ArrayNotEmpty({ message: 'validation.pickWorkers' })
  @IsArray({ message: 'validation.pickWorkers' })
  workerIds: number[];
}

/** A result the organiser records for a registered worker in an in-person round. */
export class RecordResultDto {
  @ApiProperty()
  @ToNumber()
  @Min(1)
  @IsInt()
  @IsNotEmpty()
  workerId: number;

  @ApiProperty({ example: 87.5 })
  @Transform(toHours)
  @Max(100000)
  @Min(0)
  @IsNumber({ maxDecimalPlaces: 2 })
  @IsNotEmpty()
  score: number;

  @ApiPropertyOptional({ example: 1 })
  @IsOptional()
  @ToNumber()
  @Max(100000)
  @Min(1)
  @IsInt()
  rank?: number;

  @ApiPropertyOptional({ maxLength: 200, example: 'Giải Nhất' })
  @IsOptional()
  @MaxLength(200)
  @IsString()
  prize?: string;
}

/** The page's result form: the round is chosen on it. */
export class RecordResultFormDto extends RecordResultDto {
  @ToNumber()
  @Min(1)
  @IsInt()
  @IsNotEmpty()
  roundId: number;
}

/** Answers of an online attempt: per question id, the chosen option indexes (from 0). */
export class SubmitAttemptDto {
  @ApiProperty({
    example: { '12': [0], '15': [1, 3] },
    description: 'Question id → indexes (from 0) of the chosen options',
  })
  @IsObject()
  answers: Record<string, number[]>;
}

export class ContestListQuery extends PageQuery {
  @ApiPropertyOptional()
  @IsOptional()
  @ToNumber()
  @Max(2100)
  @Min(2000)
  @IsInt()
  year?: number;

  @IsOptional()
  @IsIn(['xlsx', 'csv'])
  format?: ExportFormat;
}

export class RankingQuery {
  @IsOptional()
  @IsIn(['xlsx', 'csv'])
  format?: ExportFormat;
}
