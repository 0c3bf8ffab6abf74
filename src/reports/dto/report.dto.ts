import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

export const NARRATIVE_MAX = 20000;
const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const toInt = ({ value }: { value: unknown }) =>
  value === undefined || value === '' ? undefined : Number(value);

/** The three narrative sections of an annual report. */
export class ReportNarrativeDto {
  @ApiPropertyOptional({
    description: 'Hoạt động đã triển khai (activities carried out)',
    maxLength: NARRATIVE_MAX,
  })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(NARRATIVE_MAX)
  activities?: string;

  @ApiPropertyOptional({ description: 'Khó khăn, vướng mắc (difficulties)', maxLength: NARRATIVE_MAX })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(NARRATIVE_MAX)
  difficulties?: string;

  @ApiPropertyOptional({ description: 'Đề xuất, kiến nghị (proposals)', maxLength: NARRATIVE_MAX })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(NARRATIVE_MAX)
  proposals?: string;
}

/** ?plan=&year= of the reports list. */
export class ReportListQuery {
  @ApiPropertyOptional({ description: 'Plan id (default: the first plan)' })
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  plan?: number;

  @ApiPropertyOptional({ description: 'Report year (default: this year)' })
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year?: number;
}

/** ?version=&format= of a report page. */
export class ReportQuery {
  @ApiPropertyOptional({ description: 'A version number (default: the latest)' })
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  version?: number;

  @IsOptional()
  @IsIn(['xlsx', 'csv', 'pdf'])
  format?: 'xlsx' | 'csv' | 'pdf';
}
