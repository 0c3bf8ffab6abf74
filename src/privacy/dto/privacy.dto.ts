import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, MaxLength, Min } from 'class-validator';
import { PageQuery } from '../../common/http/pagination';
import { IsIsoDate } from '../../common/validation/validators';
import { DETAILS_MAX } from '../requests/request-rules';

const toInt = ({ value }: { value: unknown }) =>
  value === undefined || value === '' ? undefined : /^\d+$/.test(String(value)) ? Number(value) : value;
const blankToUndefined = ({ value }: { value: unknown }) => (value === '' ? undefined : value);

export class AcceptConsentDto {
  /** The version the page showed; a newer one in force means the person must read again. */
  @Transform(toInt) @IsInt() @Min(1) version: number;
  /** The "I have read and agree" box. */
  @IsOptional() @IsIn(['true', 'on']) agree?: string;
}

export class DeletionRequestDto {
  @IsOptional() @IsString() @MaxLength(DETAILS_MAX) reason?: string;
}

export class CorrectionRequestDto {
  /** What is wrong and what it should be. */
  @IsString() @MaxLength(DETAILS_MAX) details: string;
}

export class AnswerRequestDto {
  @IsString() @MaxLength(DETAILS_MAX) outcome: string;
  /** "true": done (a correction was made); otherwise the request is refused with the reason. */
  @IsOptional() @IsIn(['true', 'false']) done?: string;
}

export class RequestListQuery extends PageQuery {
  @IsOptional() @IsIn(['open', 'closed']) state?: 'open' | 'closed';
}

/** "Who viewed this worker's data between two dates" (dates inclusive, yyyy-mm-dd). */
export class AccessLogQuery extends PageQuery {
  @ApiPropertyOptional() @IsOptional() @Transform(toInt) @IsInt() @Min(1) workerId?: number;
  @ApiPropertyOptional({ example: '2026-01-01' })
  @IsOptional()
  @Transform(blankToUndefined)
  @IsIsoDate()
  from?: string;
  @ApiPropertyOptional({ example: '2026-12-31' })
  @IsOptional()
  @Transform(blankToUndefined)
  @IsIsoDate()
  to?: string;
}

/**
 * The same question asked by CCCD, posted so the number never lands in a URL. Checked by the
 * handler, which renders the page again with the message (a form that does not redirect).
 */
export class AccessLogSearchDto {
  @IsString() @MaxLength(30) cccd: string;
  @IsOptional() @IsString() @MaxLength(20) @Transform(blankToUndefined) from?: string;
  @IsOptional() @IsString() @MaxLength(20) @Transform(blankToUndefined) to?: string;
}
