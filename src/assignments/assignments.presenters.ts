import { ExportColumn } from '../common/export/table-export';
import { translate } from '../common/i18n/i18n';
import { Locale } from '../common/i18n/messages';
import { vietnamDateOf } from '../common/time/vietnam-time';
import { toDmy } from '../common/time/iso-date';
import { ASSIGNMENT_STATUSES } from './assignment-status';
import { ProgressRow } from './assignments.service';

/** The progress table's columns: the page, the XLSX and the CSV all take their cells from these. */
export function progressColumns(locale: Locale): ExportColumn<ProgressRow>[] {
  return [
    { header: 'workers.field.fullName', value: (r) => r.fullName, width: 28 },
    { header: 'workers.field.employeeCode', value: (r) => r.employeeCode ?? '' },
    {
      header: 'assignments.status',
      value: (r) => translate(locale, `assignments.status.${r.status}`),
      width: 16,
    },
    { header: 'assignments.progress', value: (r) => r.percent },
    {
      header: 'assignments.completedAt',
      value: (r) => (r.completedAt ? toDmy(vietnamDateOf(r.completedAt)) : ''),
      width: 16,
    },
  ];
}

export function statusOptions(locale: Locale, selected?: string) {
  return ASSIGNMENT_STATUSES.map((s) => ({
    value: s,
    label: translate(locale, `assignments.status.${s}`),
    selected: s === selected,
  }));
}
