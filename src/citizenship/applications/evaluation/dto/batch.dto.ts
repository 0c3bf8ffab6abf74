import { IsIn, IsInt, IsNotEmpty, IsOptional, Max, Min } from 'class-validator';
import { ToNumber } from '../../../../organisations/dto/transforms';
import { BATCH_SCOPE_KINDS, BatchScopeKind } from '../evaluation.service';

/** Starts a batch evaluation: a year and a scope (an enterprise, a unit's subtree, the province). */
export class StartBatchDto {
  @ToNumber()
  @Max(2100)
  @Min(2020)
  @IsInt()
  @IsNotEmpty()
  year: number;

  @IsIn(BATCH_SCOPE_KINDS)
  @IsNotEmpty()
  kind: BatchScopeKind;

  @IsOptional()
  @ToNumber()
  @Min(1)
  @IsInt()
  enterpriseId?: number;

  @IsOptional()
  @ToNumber()
  @Min(1)
  @IsInt()
  unitId?: number;
}
