import { Transform } from 'class-transformer';
import { IsInt, IsNotEmpty, IsOptional, IsString, MaxLength, Min } from 'class-validator';
import { normaliseTaxCode } from '../../common/validation/tax-code';
import { IsIsoDate } from '../../common/validation/validators';
import { ToNumber } from '../../organisations/dto/transforms';

export class PartnershipDto {
  @ToNumber()
  @Min(1)
  @IsInt()
  @IsNotEmpty()
  institutionId: number;

  /** The officer's enterprise (may be left out by an officer of a single enterprise). */
  @IsOptional()
  @ToNumber()
  @Min(1)
  @IsInt()
  enterpriseId?: number;

  /** The federation admin names the enterprise by its tax code. */
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? normaliseTaxCode(value) : value))
  @MaxLength(20)
  @IsString()
  taxCode?: string;

  /** YYYY-MM-DD; today when empty. */
  @IsOptional()
  @IsIsoDate()
  since?: string;
}
