import { IsEnum, IsInt, IsNotEmpty, IsOptional, IsString, IsUrl, MaxLength, Min } from 'class-validator';
import { InstitutionKind } from '../entities/training-institution.entity';
import { ToNumber } from './transforms';

export class TrainingInstitutionDto {
  @MaxLength(300)
  @IsString()
  @IsNotEmpty()
  name: string;

  @IsEnum(InstitutionKind)
  @IsNotEmpty()
  kind: InstitutionKind;

  @IsOptional()
  @ToNumber()
  @Min(1)
  @IsInt()
  unitId?: number;

  @IsOptional()
  @MaxLength(300)
  @IsString()
  address?: string;

  /** http:// or https:// address */
  @IsOptional()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true })
  @MaxLength(300)
  website?: string;
}
