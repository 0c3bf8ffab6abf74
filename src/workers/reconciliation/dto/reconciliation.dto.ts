import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { PageQuery } from '../../../common/http/pagination';
import { ReconciliationStatus } from '../entities/identity-reconciliation.entity';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class ReconciliationDecisionDto {
  /** accept: the record takes the enterprise's data (and the employment asked for is saved); reject: nothing changes. */
  @IsIn(['accept', 'reject']) decision: 'accept' | 'reject';
  /** Why: kept in the audit trail and sent to the officer who asked. */
  @Transform(trim) @IsString() @IsNotEmpty() @MaxLength(1000) reason: string;
}

export class ReconciliationListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: Object.values(ReconciliationStatus) })
  @IsOptional()
  @IsIn(Object.values(ReconciliationStatus))
  status?: ReconciliationStatus;
}
