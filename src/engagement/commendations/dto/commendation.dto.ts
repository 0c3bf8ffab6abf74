import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { ExportFormat } from '../../../common/export/table-export';
import { ToNumber } from '../../../organisations/dto/transforms';
import { CommendationKind, CommendationStatus } from '../entities/commendation.entity';

export const MIN_YEAR = 2020;
export const MAX_YEAR = 2100;

/** A nomination: a worker of the officer's roster, or that worker's child, for a year. */
export class NominationDto {
  @ApiProperty({ example: 2026 })
  @ToNumber()
  @Max(MAX_YEAR)
  @Min(MIN_YEAR)
  @IsInt()
  @IsNotEmpty()
  year: number;

  @ApiProperty({ enum: CommendationKind })
  @IsIn(Object.values(CommendationKind))
  @IsNotEmpty()
  kind: CommendationKind;

  @ApiProperty({
    description: 'A worker employed at the officer’s enterprise today (the parent, for a child)',
  })
  @ToNumber()
  @Min(1)
  @IsInt()
  @IsNotEmpty()
  workerId: number;

  /** Needed only by an officer of several enterprises. */
  @ApiPropertyOptional()
  @IsOptional()
  @ToNumber()
  @Min(1)
  @IsInt()
  enterpriseId?: number;

  @ApiPropertyOptional({ description: 'The child’s full name (kind CHILD)' })
  @IsOptional()
  @MaxLength(200)
  @IsString()
  childName?: string;

  @ApiPropertyOptional({ description: 'The child’s year of birth (kind CHILD)' })
  @IsOptional()
  @ToNumber()
  @Max(MAX_YEAR)
  @Min(1990)
  @IsInt()
  childBirthYear?: number;

  @ApiPropertyOptional({ description: 'The child’s school (kind CHILD)' })
  @IsOptional()
  @MaxLength(200)
  @IsString()
  childSchool?: string;

  @ApiProperty({ description: 'The achievements the nomination rests on' })
  @MaxLength(4000)
  @IsString()
  @IsNotEmpty()
  achievement: string;
}

/**
 * What may change on a pending nomination: the achievement and (for a child) the child's details.
 * The year, kind, worker, enterprise, status and decision are not here, so the ValidationPipe
 * refuses them (forbidNonWhitelisted): they cannot be set by editing.
 */
export class NominationEditDto {
  @ApiPropertyOptional({ description: 'The achievements the nomination rests on' })
  @IsOptional()
  @MaxLength(4000)
  @IsString()
  @IsNotEmpty()
  achievement?: string;

  @ApiPropertyOptional({ description: 'The child’s full name (kind CHILD only)' })
  @IsOptional()
  @MaxLength(200)
  @IsString()
  @IsNotEmpty()
  childName?: string;

  @ApiPropertyOptional({ description: 'The child’s year of birth (kind CHILD only)' })
  @IsOptional()
  @ToNumber()
  @Max(MAX_YEAR)
  @Min(1990)
  @IsInt()
  childBirthYear?: number;

  @ApiPropertyOptional({ description: 'The child’s school (kind CHILD only)' })
  @IsOptional()
  @MaxLength(200)
  @IsString()
  childSchool?: string;
}

export enum Decision {
  Approve = 'APPROVED',
  Decline = 'DECLINED',
}

/** The federation's decision; a reason is required to decline. */
export class DecisionDto {
  @ApiProperty({ enum: Decision })
  @IsIn(Object.values(Decision))
  @IsNotEmpty()
  decision: Decision;

  @ApiPropertyOptional({ description: 'Why; required to decline' })
  @IsOptional()
  @MaxLength(2000)
  @IsString()
  reason?: string;
}

export class NominationsQuery {
  @ApiPropertyOptional({ example: 2026 })
  @IsOptional()
  @ToNumber()
  @Max(MAX_YEAR)
  @Min(MIN_YEAR)
  @IsInt()
  year?: number;

  @ApiPropertyOptional({ enum: CommendationStatus })
  @IsOptional()
  @IsIn(Object.values(CommendationStatus))
  status?: CommendationStatus;

  @IsOptional()
  @IsIn(['xlsx', 'csv'])
  format?: ExportFormat;
}

export class HonourRollQuery {
  @ApiPropertyOptional({ example: 2026 })
  @IsOptional()
  @ToNumber()
  @Max(MAX_YEAR)
  @Min(MIN_YEAR)
  @IsInt()
  year?: number;

  @ApiPropertyOptional({ description: 'An administrative unit (commune); the whole province when absent' })
  @IsOptional()
  @ToNumber()
  @Min(1)
  @IsInt()
  unitId?: number;

  @IsOptional()
  @IsIn(['xlsx', 'csv'])
  format?: ExportFormat;
}

/** A good model's story. */
export class GoodModelDto {
  @ApiProperty()
  @MaxLength(200)
  @IsString()
  @IsNotEmpty()
  title: string;

  @ApiProperty({ description: 'Plain text; blank lines separate paragraphs' })
  @MaxLength(20000)
  @IsString()
  @IsNotEmpty()
  body: string;

  /** The enterprise the model belongs to: the officer's own (needed for several), any for the federation. */
  @ApiPropertyOptional()
  @IsOptional()
  @ToNumber()
  @Min(1)
  @IsInt()
  enterpriseId?: number;
}

/** What may change on a good model: its title and story (not its enterprise, status or author). */
export class GoodModelEditDto {
  @ApiPropertyOptional()
  @IsOptional()
  @MaxLength(200)
  @IsString()
  @IsNotEmpty()
  title?: string;

  @ApiPropertyOptional({ description: 'Plain text; blank lines separate paragraphs' })
  @IsOptional()
  @MaxLength(20000)
  @IsString()
  @IsNotEmpty()
  body?: string;
}
