import { ColumnSpec, HeaderMatch, headerMatcher } from '../../imports/spreadsheet/columns';

/** The columns of a sheet of enterprises. */
export enum EnterpriseField {
  Name = 'name',
  TaxCode = 'taxCode',
  CommuneCode = 'communeCode',
  IndustrialPark = 'industrialPark',
  Sector = 'sector',
  Address = 'address',
}

export type EnterpriseColumn = ColumnSpec<EnterpriseField>;

/** In template order. */
export const ENTERPRISE_COLUMNS: readonly EnterpriseColumn[] = [
  {
    field: EnterpriseField.Name,
    header: 'Tên doanh nghiệp',
    required: true,
    aliases: ['tên', 'tên công ty', 'tên đơn vị', 'doanh nghiệp', 'enterprise', 'enterprise name', 'name'],
  },
  {
    field: EnterpriseField.TaxCode,
    header: 'Mã số thuế',
    required: true,
    aliases: ['mst', 'mã số doanh nghiệp', 'tax code', 'tax id'],
  },
  {
    field: EnterpriseField.CommuneCode,
    header: 'Mã xã, phường',
    required: true,
    aliases: ['mã xã', 'mã phường', 'mã xã phường đặc khu', 'mã đơn vị hành chính', 'commune code'],
  },
  {
    field: EnterpriseField.IndustrialPark,
    header: 'Khu công nghiệp',
    aliases: ['kcn', 'industrial park'],
  },
  {
    field: EnterpriseField.Sector,
    header: 'Ngành nghề',
    aliases: ['ngành', 'ngành nghề kinh doanh', 'lĩnh vực', 'sector'],
  },
  {
    field: EnterpriseField.Address,
    header: 'Địa chỉ',
    aliases: ['địa chỉ trụ sở', 'address'],
  },
];

export type EnterpriseHeader = HeaderMatch<EnterpriseField>;

export const matchEnterpriseHeader = headerMatcher(ENTERPRISE_COLUMNS);

export function enterpriseHeader(field: EnterpriseField): string {
  return ENTERPRISE_COLUMNS.find((c) => c.field === field)!.header;
}
