import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsEnum,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { IsDecimal, IsIsoDate } from '../../common/validation/validators';
import { ToNumber } from '../../organisations/dto/transforms';
import { CountingWindow, IndicatorCode, MilestoneKind } from '../entities/plan.entity';
import { ReportingBodyKind } from '../entities/reporting-body.entity';

export class PlanDto {
  /** A short unique code, e.g. DAKNONG-1268-2030. */
  @ApiProperty({ example: 'DAKNONG-1268-2030' })
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, { message: 'validation.indicators.code' })
  @MaxLength(50)
  @IsString()
  @IsNotEmpty()
  code: string;

  @ApiProperty()
  @MaxLength(500)
  @IsString()
  @IsNotEmpty()
  title: string;

  @ApiProperty({ example: 'Ủy ban nhân dân tỉnh Đắk Nông' })
  @MaxLength(300)
  @IsString()
  @IsNotEmpty()
  issuingBody: string;

  @ApiPropertyOptional()
  @IsOptional()
  @MaxLength(200)
  @IsString()
  decisionRef?: string;

  /** The province (root administrative unit) the plan covers. */
  @ApiProperty()
  @ToNumber()
  @Min(1)
  @IsInt()
  @IsNotEmpty()
  unitId: number;

  /** 1 January of a year (YYYY-01-01). */
  @ApiProperty({ example: '2023-01-01' })
  @IsIsoDate()
  @IsNotEmpty()
  startDate: string;

  @ApiProperty({ example: '2030-12-31' })
  @IsIsoDate()
  @IsNotEmpty()
  endDate: string;
}

export class IndicatorDto {
  @ApiProperty()
  @MaxLength(500)
  @IsString()
  @IsNotEmpty()
  label: string;

  @ApiProperty({ enum: CountingWindow })
  @IsEnum(CountingWindow)
  @IsNotEmpty()
  countingWindow: CountingWindow;
}

export class MilestoneDto {
  @ApiProperty({ example: 2025 })
  @ToNumber()
  @Max(2100)
  @Min(2000)
  @IsInt()
  @IsNotEmpty()
  year: number;

  @ApiProperty({ enum: MilestoneKind })
  @IsEnum(MilestoneKind)
  @IsNotEmpty()
  kind: MilestoneKind;

  @ApiProperty({ example: 'Sơ kết giữa kỳ' })
  @MaxLength(300)
  @IsString()
  @IsNotEmpty()
  label: string;

  /** The review's date, inside the milestone's year. */
  @ApiProperty({ example: '2025-12-31' })
  @IsIsoDate()
  @IsNotEmpty()
  reviewDate: string;
}

export class TargetDto {
  @ApiProperty({ enum: IndicatorCode })
  @IsEnum(IndicatorCode)
  @IsNotEmpty()
  indicator: IndicatorCode;

  @ApiProperty({ example: 2025 })
  @IsInt()
  @IsNotEmpty()
  year: number;

  /** 0–100; null removes the target. */
  @ApiProperty({ example: 70, nullable: true, type: Number })
  @IsOptional()
  @Max(100)
  @Min(0)
  @IsDecimal(2)
  percent: number | null;
}

export class TargetsDto {
  @ApiProperty({ type: [TargetDto] })
  @ValidateNested({ each: true })
  @Type(() => TargetDto)
  @ArrayMaxSize(500)
  @IsArray()
  targets: TargetDto[];
}

const splitNames = (value: unknown) =>
  typeof value === 'string'
    ? value
        .split(/[\s,;]+/)
        .map((s) => s.trim())
        .filter(Boolean)
    : value;

export class ReportingBodyDto {
  @ApiProperty({ enum: ReportingBodyKind })
  @IsEnum(ReportingBodyKind)
  @IsNotEmpty()
  kind: ReportingBodyKind;

  @ApiProperty({ example: 'Ủy ban nhân dân huyện Cư Jút' })
  @MaxLength(300)
  @IsString()
  @IsNotEmpty()
  name: string;

  /** The unit whose figures a UNIT body reports. */
  @ApiPropertyOptional()
  @IsOptional()
  @ToNumber()
  @Min(1)
  @IsInt()
  unitId?: number;

  /** The association branch of an ASSOCIATION body. */
  @ApiPropertyOptional()
  @IsOptional()
  @ToNumber()
  @Min(1)
  @IsInt()
  branchId?: number;

  /** Day the yearly report is due, MM-DD (e.g. 12-01). */
  @ApiProperty({ example: '12-01' })
  @Matches(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, { message: 'validation.indicators.monthDay' })
  @IsString()
  @IsNotEmpty()
  dueMonthDay: string;

  @ApiPropertyOptional()
  @IsOptional()
  @ToNumber()
  @Max(1000)
  @Min(0)
  @IsInt()
  position?: number;

  /** First day the body exists (YYYY-MM-DD); empty when it existed before the plan. */
  @ApiPropertyOptional({ example: '2025-07-01' })
  @IsOptional()
  @IsIsoDate()
  validFrom?: string;

  /** Last day the body exists (YYYY-MM-DD); empty while it does. */
  @ApiPropertyOptional({ example: '2025-06-30' })
  @IsOptional()
  @IsIsoDate()
  validTo?: string;

  /** The body of the same plan that takes over its reports when it ends. */
  @ApiPropertyOptional()
  @IsOptional()
  @ToNumber()
  @Min(1)
  @IsInt()
  successorId?: number;

  /** User names of the people who may submit the body's report (the form's text box). */
  @ApiPropertyOptional({
    type: [String],
    description: 'User names; a text with names separated by commas or lines is accepted',
  })
  @IsOptional()
  @Transform(({ value }) => splitNames(value))
  @ArrayMaxSize(200)
  @IsString({ each: true })
  @IsArray()
  members?: string[];
}

export class RollupRequestDto {
  @ApiProperty()
  @ToNumber()
  @Min(1)
  @IsInt()
  @IsNotEmpty()
  planId: number;

  /** The date to count on (YYYY-MM-DD). */
  @ApiProperty({ example: '2025-12-31' })
  @IsIsoDate()
  @IsNotEmpty()
  asOf: string;
}

export class SnapshotQueryDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsIsoDate()
  asOf?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Transform(({ value }) => value === true || value === 'true')
  @IsBoolean()
  force?: boolean;
}
