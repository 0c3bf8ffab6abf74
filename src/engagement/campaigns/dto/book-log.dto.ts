import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { toNumber } from '../../../catalog/dto/course.dto';
import { Transform } from 'class-transformer';
import { ExportFormat } from '../../../common/export/table-export';
import { PageQuery } from '../../../common/http/pagination';
import { IsDecimal, IsIsoDate } from '../../../common/validation/validators';
import { ToNumber } from '../../../organisations/dto/transforms';
import { BOOK_LOG_STATUSES, BookLogStatus } from '../entities/book-log.entity';

/** Hours a confirmed book log counts for unless the officer says otherwise. */
export const DEFAULT_BOOK_HOURS = 2;
export const MAX_BOOK_HOURS = 20;

/** A book the worker read. */
export class BookLogDto {
  @ApiProperty({ example: 'Đắc nhân tâm' })
  @MaxLength(300)
  @IsString()
  @IsNotEmpty()
  title: string;

  @ApiProperty({ example: 'Dale Carnegie' })
  @MaxLength(200)
  @IsString()
  @IsNotEmpty()
  author: string;

  @ApiProperty({ example: '2027-04-21', description: 'The day the worker finished it; not in the future' })
  @IsIsoDate()
  @IsNotEmpty()
  readOn: string;

  @ApiProperty({ description: 'A few sentences on what the worker took from it' })
  @MaxLength(2000)
  @IsString()
  @IsNotEmpty()
  reflection: string;

  @ApiPropertyOptional({ description: 'The reading campaign it answers, if any' })
  @IsOptional()
  @ToNumber()
  @Min(1)
  @IsInt()
  campaignId?: number;
}

/** The officer's confirmation, with the hours it counts for. */
export class ConfirmBookLogDto {
  @ApiPropertyOptional({ default: DEFAULT_BOOK_HOURS, minimum: 0.5, maximum: MAX_BOOK_HOURS })
  @IsOptional()
  @Transform(toNumber)
  @Max(MAX_BOOK_HOURS)
  @Min(0.5)
  @IsDecimal(2)
  hours?: number;
}

/** The officer's rejection: a reason the worker reads. */
export class RejectBookLogDto {
  @ApiProperty()
  @MaxLength(500)
  @IsString()
  @IsNotEmpty()
  reason: string;
}

export class BookLogQuery extends PageQuery {
  @ApiPropertyOptional({ enum: BOOK_LOG_STATUSES })
  @IsOptional()
  @IsIn(BOOK_LOG_STATUSES)
  status?: BookLogStatus;

  @ApiPropertyOptional({ enum: ['xlsx', 'csv'] })
  @IsOptional()
  @IsIn(['xlsx', 'csv'])
  format?: ExportFormat;
}
