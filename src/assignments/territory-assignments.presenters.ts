import { ExportColumn } from '../common/export/table-export';
import { EnterpriseProgressRow } from './territory-assignments.service';

/** The per-enterprise table's columns: the page, the XLSX and the CSV all take their cells from these. */
export function enterpriseColumns(): ExportColumn<EnterpriseProgressRow>[] {
  return [
    { header: 'assignments.field.enterprise', value: (r) => r.enterpriseName, width: 36 },
    { header: 'territory.taxCode', value: (r) => r.taxCode, width: 14 },
    { header: 'assignments.field.workers', value: (r) => r.counts.total },
    { header: 'assignments.status.NOT_STARTED', value: (r) => r.counts.NOT_STARTED },
    { header: 'assignments.status.IN_PROGRESS', value: (r) => r.counts.IN_PROGRESS },
    { header: 'assignments.status.DONE', value: (r) => r.counts.DONE },
    { header: 'assignments.status.OVERDUE', value: (r) => r.counts.OVERDUE },
  ];
}
