import { Transform } from 'class-transformer';
import { IsInt, IsNotEmpty, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { normaliseTaxCode } from '../../common/validation/tax-code';
import { IsTaxCode } from '../../common/validation/validators';
import { ToNumber } from './transforms';

export const MIN_YEAR = 2000;
export const MAX_YEAR = 2100;

export class EnterpriseDto {
  @MaxLength(300)
  @IsString()
  @IsNotEmpty()
  name: string;

  /** Mã số thuế: 10 digits, or 10-3 for a branch; spaces and dots are dropped. */
  @Transform(({ value }) => (typeof value === 'string' ? normaliseTaxCode(value) : value))
  @IsTaxCode()
  @IsNotEmpty()
  taxCode: string;

  /** The administrative unit the enterprise is registered in. */
  @ToNumber()
  @Min(1)
  @IsInt()
  @IsNotEmpty()
  unitId: number;

  @IsOptional()
  @MaxLength(200)
  @IsString()
  industrialPark?: string;

  @IsOptional()
  @MaxLength(100)
  @IsString()
  sector?: string;

  @IsOptional()
  @MaxLength(300)
  @IsString()
  address?: string;
}

/** The workers an enterprise declares for one year. */
export class HeadcountDto {
  @ToNumber()
  @Min(MIN_YEAR)
  @Max(MAX_YEAR)
  @IsInt()
  @IsNotEmpty()
  year: number;

  @ToNumber()
  @Min(0)
  @Max(10_000_000)
  @IsInt()
  @IsNotEmpty()
  headcount: number;
}

/** The headcount of a year named in the URL (API). */
export class HeadcountValueDto {
  @ToNumber()
  @Min(0)
  @Max(10_000_000)
  @IsInt()
  @IsNotEmpty()
  headcount: number;
}

/** The commune (ward, township) in force today where the enterprise is located. */
export class EnterpriseCommuneDto {
  @ToNumber()
  @Min(1)
  @IsInt()
  @IsNotEmpty()
  unitId: number;
}
