import { IsInt, IsNotEmpty, IsString, MaxLength, Min } from 'class-validator';
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
}
