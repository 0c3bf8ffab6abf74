import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayNotEmpty,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  Max,
  Min,
} from 'class-validator';
import { toBool } from '../../catalog/dto/course.dto';
import { ExportFormat } from '../../common/export/table-export';
import { PageQuery } from '../../common/http/pagination';
import { IsIsoDate } from '../../common/validation/validators';
import { ToNumber } from '../../organisations/dto/transforms';
import { ASSIGNMENT_STATUSES, AssignmentStatus } from '../assignment-status';

/** Most workers one request may name; the whole roster goes by `wholeRoster` instead. */
export const MAX_WORKERS_PER_REQUEST = 1000;
export const MAX_REMIND_DAYS = 30;

const toIntList = ({ value }: { value: unknown }) => {
  const list =
    value === undefined || value === null || value === ''
      ? undefined
      : Array.isArray(value)
        ? value
        : [value];
  return list?.map((v: unknown) => (typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : v));
};

/** Giving a course: which course, by when, to whom (some workers, the whole roster, or nobody yet). */
export class CreateAssignmentDto {
  @ApiProperty({ description: 'A published course' })
  @ToNumber()
  @Min(1)
  @IsInt()
  @IsNotEmpty()
  courseId: number;

  @ApiProperty({ example: '2026-12-31', description: 'The last day to finish it; today or later' })
  @IsIsoDate()
  @IsNotEmpty()
  dueOn: string;

  /** Needed only by an officer of several enterprises. */
  @ApiPropertyOptional()
  @IsOptional()
  @ToNumber()
  @Min(1)
  @IsInt()
  enterpriseId?: number;

  @ApiPropertyOptional({ default: 3, minimum: 0, maximum: MAX_REMIND_DAYS })
  @IsOptional()
  @ToNumber()
  @Max(MAX_REMIND_DAYS)
  @Min(0)
  @IsInt()
  remindDaysBefore?: number;

  @ApiPropertyOptional({ description: 'Everyone employed at the enterprise today ("cả danh sách")' })
  @IsOptional()
  @Transform(toBool)
  @IsBoolean()
  wholeRoster?: boolean;

  @ApiPropertyOptional({ type: [Number], description: 'Worker ids employed at the enterprise today' })
  @IsOptional()
  @Transform(toIntList)
  @IsInt({ each: true })
  @Min(1, { each: true })
  @ArrayMaxSize(MAX_WORKERS_PER_REQUEST)
  @IsArray()
  workerIds?: number[];
}

/** Adding workers to an assignment: some of them, or the whole roster of today. */
export class AddWorkersDto {
  @ApiPropertyOptional({ description: 'Everyone employed at the enterprise today ("cả danh sách")' })
  @IsOptional()
  @Transform(toBool)
  @IsBoolean()
  wholeRoster?: boolean;

  @ApiPropertyOptional({ type: [Number], description: 'Worker ids employed at the enterprise today' })
  @IsOptional()
  @Transform(toIntList)
  @IsInt({ each: true })
  @Min(1, { each: true })
  @ArrayMaxSize(MAX_WORKERS_PER_REQUEST)
  @IsArray()
  workerIds?: number[];
}

/** Ticked workers on the roster page. */
export class PickWorkersDto {
  @ApiProperty({ type: [Number] })
  @Transform(toIntList)
  @IsInt({ each: true })
  @Min(1, { each: true })
  @ArrayMaxSize(MAX_WORKERS_PER_REQUEST)
  @ArrayNotEmpty({ message: 'validation.pickWorkers' })
  @IsArray({ message: 'validation.pickWorkers' })
  workerIds: number[];
}

export class ProgressQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ASSIGNMENT_STATUSES })
  @IsOptional()
  @IsIn(ASSIGNMENT_STATUSES)
  status?: AssignmentStatus;

  @IsOptional()
  @IsIn(['xlsx', 'csv'])
  format?: ExportFormat;
}

export class CoursePickQuery extends PageQuery {}

/** The federation giving a course to a territory: which unit, which course, by when. */
export class CreateTerritoryAssignmentDto {
  @ApiProperty({ description: 'An administrative unit in force today (a province or a commune)' })
  @ToNumber()
  @Min(1)
  @IsInt()
  @IsNotEmpty()
  unitId: number;

  @ApiProperty({ description: 'A published course' })
  @ToNumber()
  @Min(1)
  @IsInt()
  @IsNotEmpty()
  courseId: number;

  @ApiProperty({ example: '2026-12-31', description: 'The last day to finish it; today or later' })
  @IsIsoDate()
  @IsNotEmpty()
  dueOn: string;

  @ApiPropertyOptional({ default: 3, minimum: 0, maximum: MAX_REMIND_DAYS })
  @IsOptional()
  @ToNumber()
  @Max(MAX_REMIND_DAYS)
  @Min(0)
  @IsInt()
  remindDaysBefore?: number;
}

/** The export of a federation assignment's tables. */
export class ExportQuery {
  @ApiPropertyOptional({ enum: ['xlsx', 'csv'] })
  @IsOptional()
  @IsIn(['xlsx', 'csv'])
  format?: ExportFormat;
}
