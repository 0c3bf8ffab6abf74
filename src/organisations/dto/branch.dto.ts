import { IsInt, IsNotEmpty, IsOptional, IsString, MaxLength, Min } from 'class-validator';
import { IsIsoDate } from '../../common/validation/validators';
import { ToNumber } from './transforms';

export class AssociationBranchDto {
  @MaxLength(300)
  @IsString()
  @IsNotEmpty()
  name: string;

  /** The branch covers this unit and every unit below it. */
  @ToNumber()
  @Min(1)
  @IsInt()
  @IsNotEmpty()
  unitId: number;

  /** First day the branch exists (YYYY-MM-DD); empty when it always has. */
  @IsOptional()
  @IsIsoDate()
  validFrom?: string;

  /** Last day the branch exists (YYYY-MM-DD); empty while it does. */
  @IsOptional()
  @IsIsoDate()
  validTo?: string;

  /** The branch that takes over its work when it ends. */
  @IsOptional()
  @ToNumber()
  @Min(1)
  @IsInt()
  successorId?: number;
}
