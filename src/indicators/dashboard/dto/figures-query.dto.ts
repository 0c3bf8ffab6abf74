import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, IsOptional, Min } from 'class-validator';
import { IsIsoDate } from '../../../common/validation/validators';

const toInt = ({ value }: { value: unknown }) =>
  value === undefined || value === '' ? undefined : Number(value);

/** Which figures: a plan (the first when absent), a date (the latest snapshot on or before it), and an organisation. */
export class FiguresQuery {
  @ApiPropertyOptional({ description: 'Plan id; the first plan when absent' })
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  plan?: number;

  @ApiPropertyOptional({
    description: 'YYYY-MM-DD: the latest snapshot on or before this day; the latest when absent',
  })
  @IsOptional()
  @IsIsoDate()
  date?: string;

  @ApiPropertyOptional({
    description: 'An administrative unit id: its row, its child units and its enterprises',
  })
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  unit?: number;

  @ApiPropertyOptional({ description: 'An enterprise id: its row alone' })
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  enterprise?: number;
}
