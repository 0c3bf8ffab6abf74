import { IsInt, IsNotEmpty, IsOptional, IsString, MaxLength, Min } from 'class-validator';
import { IsIsoDate } from '../../common/validation/validators';
import { ToNumber } from './transforms';

export class GrassrootsUnionDto {
  /** The enterprise the union belongs to (one union per enterprise). */
  @ToNumber()
  @Min(1)
  @IsInt()
  @IsNotEmpty()
  enterpriseId: number;

  @MaxLength(300)
  @IsString()
  @IsNotEmpty()
  name: string;

  @IsOptional()
  @MaxLength(200)
  @IsString()
  chairName?: string;

  /** YYYY-MM-DD */
  @IsOptional()
  @IsIsoDate()
  establishedOn?: string;

  /** The last day the union exists (YYYY-MM-DD); empty while it does. */
  @IsOptional()
  @IsIsoDate()
  dissolvedOn?: string;

  /** The tax code of the enterprise whose union took over the members, when there is one. */
  @IsOptional()
  @MaxLength(20)
  @IsString()
  successorTaxCode?: string;
}
