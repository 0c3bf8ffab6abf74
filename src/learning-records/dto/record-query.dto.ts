import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { ExportFormat } from '../../common/export/table-export';
import { PageQuery } from '../../common/http/pagination';
import { RecordSource } from '../entities/learning-record.entity';
import { DOMAIN_CODES, DomainCode } from '../learning-domains';

export const RECORD_SOURCES = Object.values(RecordSource);

const toInt = ({ value }: { value: unknown }) =>
  value === undefined || value === '' ? undefined : /^\d+$/.test(String(value)) ? Number(value) : value;

/** Filters of a list of learning records; q searches the worker's name. */
export class RecordQuery extends PageQuery {
  @ApiPropertyOptional({ enum: DOMAIN_CODES })
  @IsOptional()
  @IsIn(DOMAIN_CODES)
  domain?: DomainCode;

  @ApiPropertyOptional({ example: 2025 })
  @IsOptional()
  @Transform(toInt)
  @Max(2100)
  @Min(2000)
  @IsInt()
  year?: number;

  @ApiPropertyOptional({ enum: RECORD_SOURCES })
  @IsOptional()
  @IsIn(RECORD_SOURCES)
  source?: RecordSource;
}

export class RecordPageQuery extends RecordQuery {
  @IsOptional()
  @IsIn(['xlsx', 'csv'])
  format?: ExportFormat;
}
