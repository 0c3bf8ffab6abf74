import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Min } from 'class-validator';
import { ExportFormat } from '../../../common/export/table-export';
import { IsIsoDate } from '../../../common/validation/validators';

const toInt = ({ value }: { value: unknown }) =>
  value === undefined || value === '' ? undefined : Number(value);
const blankToUndefined = ({ value }: { value: unknown }) => (value === '' ? undefined : value);

/** ?plan=&date= choose the snapshot; ?format=xlsx|csv&table=indicators|orgs download one table of the page. */
export class DashboardQuery {
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  plan?: number;

  @IsOptional()
  @Transform(blankToUndefined)
  @IsIsoDate()
  date?: string;

  @IsOptional()
  @IsIn(['xlsx', 'csv'])
  format?: ExportFormat;

  @IsOptional()
  @IsIn(['indicators', 'orgs'])
  table?: 'indicators' | 'orgs';
}
