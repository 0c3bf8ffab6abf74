import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { toBool } from '../../../catalog/dto/course.dto';
import { ExportFormat } from '../../../common/export/table-export';
import { ToNumber } from '../../../organisations/dto/transforms';

/** Largest sum a field takes, in VND (a hundred trillion): beyond it is a typing mistake. */
export const MAX_VND = 100_000_000_000_000;
export const MIN_YEAR = 2020;
export const MAX_YEAR = 2100;

/** One enterprise's support to learning in one year, as its union officer declares it. */
export class SupportDto {
  @ApiProperty({ example: 2026 })
  @ToNumber()
  @Max(MAX_YEAR)
  @Min(MIN_YEAR)
  @IsInt()
  @IsNotEmpty()
  year: number;

  /** Needed only by an officer of several enterprises (the API names it in the path). */
  @ApiPropertyOptional()
  @IsOptional()
  @ToNumber()
  @Min(1)
  @IsInt()
  enterpriseId?: number;

  @ApiProperty({
    description: 'Funds committed to workers’ learning, VND (whole number)',
    example: 150000000,
  })
  @ToNumber()
  @Max(MAX_VND)
  @Min(0)
  @IsInt()
  @IsNotEmpty()
  fundsCommitted: number;

  @ApiProperty({ description: 'Funds spent on workers’ learning, VND (whole number)', example: 90000000 })
  @ToNumber()
  @Max(MAX_VND)
  @Min(0)
  @IsInt()
  @IsNotEmpty()
  fundsSpent: number;

  @ApiProperty({ description: 'Paid study hours granted to workers in the year', example: 320 })
  @ToNumber()
  @Max(10_000_000)
  @Min(0)
  @IsInt()
  @IsNotEmpty()
  paidStudyHours: number;

  @ApiPropertyOptional({ description: 'The collective labour agreement has provisions on learning' })
  @IsOptional()
  @Transform(toBool)
  @IsBoolean()
  agreementHasLearning?: boolean;

  @ApiPropertyOptional({ description: 'The agreement’s clause on learning; required when it has one' })
  @IsOptional()
  @MaxLength(4000)
  @IsString()
  agreementClause?: string;

  @ApiProperty({ description: 'Books, leaflets, posters and other materials supplied (count)', example: 120 })
  @ToNumber()
  @Max(10_000_000)
  @Min(0)
  @IsInt()
  @IsNotEmpty()
  materialsSupplied: number;
}

export class SupportQuery {
  @ApiPropertyOptional({ example: 2026 })
  @IsOptional()
  @ToNumber()
  @Max(MAX_YEAR)
  @Min(MIN_YEAR)
  @IsInt()
  year?: number;

  @ApiPropertyOptional({ description: 'The enterprise whose form is shown (officers of several)' })
  @IsOptional()
  @ToNumber()
  @Min(1)
  @IsInt()
  enterpriseId?: number;

  @IsOptional()
  @IsIn(['xlsx', 'csv'])
  format?: ExportFormat;
}
