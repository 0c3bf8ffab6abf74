import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayNotEmpty,
  IsArray,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { ExportFormat } from '../../../common/export/table-export';
import { PageQuery } from '../../../common/http/pagination';

/** The most applications one bulk step takes (each is its own transaction). */
export const BULK_MAX = 200;
export const TEXT_MAX = 1000;

const toInt = ({ value }: { value: unknown }) =>
  value === undefined || value === '' ? undefined : /^\d+$/.test(String(value)) ? Number(value) : value;
/** A form sends one checkbox as a string and several as an array; an API sends an array. */
const toIntList = ({ value }: { value: unknown }) =>
  value === undefined || value === null || value === ''
    ? undefined
    : (Array.isArray(value) ? value : [value]).map((v: unknown) => toInt({ value: v }));

/** The officer's comment when returning an answer or an application to the worker. */
export class CommentDto {
  @ApiProperty({ maxLength: TEXT_MAX, description: 'What the worker should add or correct' })
  @MaxLength(TEXT_MAX)
  @IsString()
  @IsNotEmpty()
  comment: string;
}

/** The reviewer's reason for rejecting an application or revoking a title. */
export class ReasonDto {
  @ApiProperty({ maxLength: TEXT_MAX })
  @MaxLength(TEXT_MAX)
  @IsString()
  @IsNotEmpty()
  reason: string;
}

export class IdsDto {
  @ApiProperty({ type: [Number], description: `Application ids, at most ${BULK_MAX}` })
  @Transform(toIntList)
  @IsInt({ each: true })
  @Min(1, { each: true })
  @ArrayMaxSize(BULK_MAX)
  @ArrayNotEmpty()
  @IsArray()
  ids: number[];
}

export class BulkRejectDto extends IdsDto {
  @ApiProperty({ maxLength: TEXT_MAX, description: 'One reason for every application rejected' })
  @MaxLength(TEXT_MAX)
  @IsString()
  @IsNotEmpty()
  reason: string;
}

/** The reviewer's bulk form: one list of ticked applications, two buttons. */
export class BulkDecisionDto {
  @Transform(toIntList)
  @IsInt({ each: true })
  @Min(1, { each: true })
  @ArrayMaxSize(BULK_MAX)
  @ArrayNotEmpty()
  @IsArray()
  ids: number[];

  @IsIn(['recognise', 'reject'])
  decision: 'recognise' | 'reject';

  @IsOptional()
  @MaxLength(TEXT_MAX)
  @IsString()
  reason?: string;
}

export const OFFICER_TABS = ['submitted', 'processed'] as const;
export const REVIEWER_TABS = ['eligible', 'ineligible', 'recognised'] as const;
export type OfficerTab = (typeof OFFICER_TABS)[number];
export type ReviewerTab = (typeof REVIEWER_TABS)[number];

export class QueueQuery extends PageQuery {
  @ApiPropertyOptional({ example: 2025 })
  @IsOptional()
  @Transform(toInt)
  @Max(2100)
  @Min(2000)
  @IsInt()
  year?: number;
}

export class OfficerQueueQuery extends QueueQuery {
  @ApiPropertyOptional({
    enum: OFFICER_TABS,
    description: 'submitted: waiting for you (default); processed: sent on or back',
  })
  @IsOptional()
  @IsIn(OFFICER_TABS)
  tab?: OfficerTab;
}

export class ReviewerQueueQuery extends QueueQuery {
  @ApiPropertyOptional({
    enum: REVIEWER_TABS,
    description:
      'eligible: confirmed and eligible, to decide (default); ineligible: confirmed, not eligible (read-only); recognised: titles held',
  })
  @IsOptional()
  @IsIn(REVIEWER_TABS)
  tab?: ReviewerTab;
}

/** The review page: which queue (an actor may be officer and reviewer) and its filters. */
export class ReviewPageQuery extends QueueQuery {
  @IsOptional()
  @IsIn(['officer', 'association'])
  queue?: 'officer' | 'association';

  @IsOptional()
  @IsIn([...OFFICER_TABS, ...REVIEWER_TABS])
  tab?: OfficerTab | ReviewerTab;
}

export const FUNNEL_LEVELS = ['enterprise', 'unit'] as const;

export class FunnelQuery {
  @ApiPropertyOptional({ example: 2025, description: 'Year of the applications (default: this year)' })
  @IsOptional()
  @Transform(toInt)
  @Max(2100)
  @Min(2000)
  @IsInt()
  year?: number;

  @ApiPropertyOptional({
    enum: FUNNEL_LEVELS,
    description: 'One row per enterprise (default) or per administrative unit',
  })
  @IsOptional()
  @IsIn(FUNNEL_LEVELS)
  level?: (typeof FUNNEL_LEVELS)[number];
}

export class FunnelPageQuery extends FunnelQuery {
  @IsOptional()
  @IsIn(['xlsx', 'csv'])
  format?: ExportFormat;
}
