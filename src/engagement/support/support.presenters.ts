import { ExportColumn } from '../../common/export/table-export';
import { todayInVietnam } from '../../common/time/vietnam-time';
import { SupportTotals } from './support.repository';

/** The current year in Vietnam, the default of every year field. */
export const thisYear = (): number => Number(todayInVietnam().slice(0, 4));

/** A row of the totals table: a commune's sums, or the province's total (unitName null, total true). */
export interface TotalsLine extends SupportTotals {
  unitName: string | null;
}

/** The totals' columns, for the page, its XLSX/CSV and the annual report alike. */
export const TOTALS_COLUMNS: (ExportColumn<TotalsLine> & { key: keyof SupportTotals | 'unitName' })[] = [
  { key: 'unitName', header: 'support.col.commune', value: (r) => r.unitName, width: 30 },
  { key: 'enterprises', header: 'support.col.enterprises', value: (r) => r.enterprises },
  { key: 'fundsCommitted', header: 'support.col.fundsCommitted', value: (r) => r.fundsCommitted, width: 20 },
  { key: 'fundsSpent', header: 'support.col.fundsSpent', value: (r) => r.fundsSpent, width: 20 },
  { key: 'paidStudyHours', header: 'support.col.paidStudyHours', value: (r) => r.paidStudyHours },
  { key: 'withAgreement', header: 'support.col.withAgreement', value: (r) => r.withAgreement },
  { key: 'materialsSupplied', header: 'support.col.materialsSupplied', value: (r) => r.materialsSupplied },
];
