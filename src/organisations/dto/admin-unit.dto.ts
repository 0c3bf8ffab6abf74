import { IsEnum, IsInt, IsNotEmpty, IsOptional, IsString, MaxLength, Min } from 'class-validator';
import { IsIsoDate } from '../../common/validation/validators';
import { AdminUnitKind } from '../entities/admin-unit.entity';
import { ToNumber } from './transforms';

export class AdminUnitDto {
  /** Code in the national list of administrative units (e.g. "662"). */
  @MaxLength(20)
  @IsString()
  @IsNotEmpty()
  code: string;

  @MaxLength(200)
  @IsString()
  @IsNotEmpty()
  name: string;

  @IsEnum(AdminUnitKind)
  @IsNotEmpty()
  kind: AdminUnitKind;

  /** The unit above this one; none for a root (a province). */
  @IsOptional()
  @ToNumber()
  @Min(1)
  @IsInt()
  parentId?: number;

  /** First day the unit exists (YYYY-MM-DD); empty when unknown. */
  @IsOptional()
  @IsIsoDate()
  validFrom?: string;

  /** Last day the unit exists (YYYY-MM-DD); empty while it is in force. */
  @IsOptional()
  @IsIsoDate()
  validTo?: string;
}

/** This unit's territory passes to another unit on a date. */
export class AdminUnitMappingDto {
  @ToNumber()
  @Min(1)
  @IsInt()
  @IsNotEmpty()
  toUnitId: number;

  @IsIsoDate()
  @IsNotEmpty()
  effectiveDate: string;

  @IsOptional()
  @MaxLength(500)
  @IsString()
  note?: string;
}
