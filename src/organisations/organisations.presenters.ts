import { ExportColumn, TableExport } from '../common/export/table-export';
import { Page } from '../common/http/pagination';
import { translate } from '../common/i18n/i18n';
import { Locale } from '../common/i18n/messages';
import { formatDate, formatNumber } from '../common/views/view-helpers';
import { UnitRow } from './admin-units.repository';
import { isInForce } from './admin-units.service';
import { BranchRow } from './branches.repository';
import { EnterpriseRow } from './enterprises.repository';
import { AdminUnit, AdminUnitKind } from './entities/admin-unit.entity';
import { InstitutionKind } from './entities/training-institution.entity';
import { InstitutionRow } from './institutions.repository';
import { UnionRow } from './unions.repository';

/**
 * The five lists, each described once: the page shows these columns and the XLSX and CSV exports
 * take their cells from the very same functions, so a download always matches the screen.
 */
type Value = string | number | null;

export interface ListColumn<T> extends ExportColumn<T> {
  value: (row: T) => Value;
  /** Right-aligned and written with thousands separators on screen. */
  numeric?: boolean;
}

export function enterpriseColumns(): ListColumn<EnterpriseRow>[] {
  return [
    { header: 'org.enterprise.name', value: (r) => r.name, width: 45 },
    { header: 'org.enterprise.taxCode', value: (r) => r.taxCode, width: 16 },
    { header: 'org.unit', value: (r) => r.unitName, width: 24 },
    { header: 'org.enterprise.industrialPark', value: (r) => r.industrialPark, width: 28 },
    { header: 'org.enterprise.sector', value: (r) => r.sector, width: 24 },
    { header: 'org.union', value: (r) => r.unionName, width: 45 },
    { header: 'org.headcount.latestYear', value: (r) => r.headcountYear },
    { header: 'org.headcount.latest', value: (r) => r.headcount, numeric: true },
  ];
}

export function unitColumns(locale: Locale): ListColumn<UnitRow>[] {
  return [
    { header: 'org.unit.name', value: (r) => r.name, width: 32 },
    { header: 'org.unit.code', value: (r) => r.code },
    { header: 'org.unit.kind', value: (r) => translate(locale, `unitKind.${r.kind}`) },
    { header: 'org.unit.parent', value: (r) => r.parentName, width: 28 },
    { header: 'org.unit.validFrom', value: (r) => formatDate(r.validFrom) },
    { header: 'org.unit.validTo', value: (r) => formatDate(r.validTo) },
  ];
}

export function unionColumns(): ListColumn<UnionRow>[] {
  return [
    { header: 'org.union.name', value: (r) => r.name, width: 45 },
    { header: 'org.enterprise', value: (r) => r.enterpriseName, width: 45 },
    { header: 'org.enterprise.taxCode', value: (r) => r.taxCode, width: 16 },
    { header: 'org.union.chairName', value: (r) => r.chairName, width: 24 },
    { header: 'org.union.establishedOn', value: (r) => formatDate(r.establishedOn) },
    { header: 'org.union.dissolvedOn', value: (r) => formatDate(r.dissolvedOn) },
  ];
}

export function institutionColumns(locale: Locale): ListColumn<InstitutionRow>[] {
  return [
    { header: 'org.institution.name', value: (r) => r.name, width: 45 },
    {
      header: 'org.institution.kind',
      value: (r) => translate(locale, `institutionKind.${r.kind}`),
      width: 28,
    },
    { header: 'org.unit', value: (r) => r.unitName, width: 24 },
    { header: 'org.address', value: (r) => r.address, width: 32 },
    { header: 'org.institution.website', value: (r) => r.website, width: 28 },
  ];
}

export function branchColumns(): ListColumn<BranchRow>[] {
  return [
    { header: 'org.branch.name', value: (r) => r.name, width: 45 },
    { header: 'org.branch.unit', value: (r) => r.unitName, width: 28 },
  ];
}

export interface ScreenCell {
  text: string;
  numeric: boolean;
}

export interface ScreenRow {
  href: string;
  indent: number;
  cells: ScreenCell[];
}

/** What views/organisations/list.hbs draws: header keys and display text, the first cell a link. */
export interface ScreenTable {
  headers: { label: string; numeric: boolean }[];
  rows: ScreenRow[];
}

export function screenTable<T>(
  locale: Locale,
  columns: ListColumn<T>[],
  items: T[],
  link: (row: T) => string,
  indent: (row: T) => number = () => 0,
): ScreenTable {
  return {
    headers: columns.map((c) => ({ label: c.header, numeric: !!c.numeric })),
    rows: items.map((item) => ({
      href: link(item),
      // Deeper levels share the last indentation step (the CSS has eight).
      indent: Math.min(indent(item), 8),
      cells: columns.map((c) => ({
        text: display(c.value(item), !!c.numeric, locale),
        numeric: !!c.numeric,
      })),
    })),
  };
}

function display(value: Value, numeric: boolean, locale: Locale): string {
  if (value === null || value === undefined) return '';
  return numeric && typeof value === 'number' ? formatNumber(value, locale) : String(value);
}

export interface ListPage<T> {
  /** Message key of the page title (also the sheet name of the exports). */
  title: string;
  path: string;
  columns: ListColumn<T>[];
  page: Page<T>;
  /** The current search, kept in pagination and export links. */
  filters: Record<string, string | undefined>;
  canEdit: boolean;
  link: (row: T) => string;
  indent?: (row: T) => number;
  /** Shows the "in force on" date filter (units). */
  dateFilter?: boolean;
  /** Shows the "commune not set yet" filter (enterprises). */
  communeFilter?: boolean;
}

/** The context of views/organisations/list.hbs. */
export function listView<T>(locale: Locale, list: ListPage<T>): Record<string, unknown> {
  const { items, ...page } = list.page;
  return {
    title: translate(locale, list.title),
    path: list.path,
    filters: list.filters,
    canEdit: list.canEdit,
    dateFilter: !!list.dateFilter,
    communeFilter: !!list.communeFilter,
    page,
    table: screenTable(locale, list.columns, items, list.link, list.indent),
  };
}

export function tableExport<T>(
  locale: Locale,
  title: string,
  filename: string,
  columns: ListColumn<T>[],
  rows: AsyncIterable<T>,
): TableExport<T> {
  // Excel refuses sheet names over 31 characters.
  return { filename, sheet: translate(locale, title).slice(0, 31), columns, rows };
}

export interface SelectOption {
  value: string | number;
  label: string;
}

/** Units for a select, indented by depth; lapsed units say so. */
export function unitOptions(units: AdminUnit[], locale: Locale, today: string): SelectOption[] {
  const lapsed = translate(locale, 'org.unit.lapsedSuffix');
  return units.map((u) => ({
    value: u.id,
    label: `${'\u00a0\u00a0\u00a0'.repeat(u.depth)}${u.name}${isInForce(u, today) ? '' : ` ${lapsed}`}`,
  }));
}

export function unitKindOptions(locale: Locale): SelectOption[] {
  return Object.values(AdminUnitKind).map((kind) => ({
    value: kind,
    label: translate(locale, `unitKind.${kind}`),
  }));
}

export function institutionKindOptions(locale: Locale): SelectOption[] {
  return Object.values(InstitutionKind).map((kind) => ({
    value: kind,
    label: translate(locale, `institutionKind.${kind}`),
  }));
}
