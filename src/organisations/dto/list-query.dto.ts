import { applyDecorators } from '@nestjs/common';
import { ApiQuery } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { ExportFormat } from '../../common/export/table-export';
import { PageQuery } from '../../common/http/pagination';
import { IsIsoDate } from '../../common/validation/validators';

/** A list page: search, page, and `?format=xlsx|csv` to download the same table. */
export class ListQuery extends PageQuery {
  @IsOptional()
  @IsIn(['xlsx', 'csv'])
  format?: ExportFormat;
}

/** The enterprises through the API: search, and only those whose commune is not known yet. */
export class EnterpriseApiQuery extends PageQuery {
  /** "1": only enterprises located at a district or province, whose commune is still to be set. */
  @IsOptional()
  @IsIn(['1'])
  withoutCommune?: string;
}

export class EnterpriseListQuery extends EnterpriseApiQuery {
  @IsOptional()
  @IsIn(['xlsx', 'csv'])
  format?: ExportFormat;
}

/** The administrative units through the API: search and "in force on" a date. */
export class UnitApiQuery extends PageQuery {
  /** Only units in force on this date (YYYY-MM-DD). */
  @IsOptional()
  @IsIsoDate()
  inForceOn?: string;
}

export class UnitListQuery extends UnitApiQuery {
  @IsOptional()
  @IsIn(['xlsx', 'csv'])
  format?: ExportFormat;
}

/** Documents the search and paging parameters that PageQuery (a shared class) brings to an API list. */
export const ApiPageQuery = () =>
  applyDecorators(
    ApiQuery({ name: 'q', required: false, description: 'Search, with or without Vietnamese diacritics' }),
    ApiQuery({ name: 'page', required: false, type: Number, description: 'Page number, from 1' }),
    ApiQuery({
      name: 'size',
      required: false,
      type: Number,
      description: 'Rows per page, 1–200 (default 20)',
    }),
  );
