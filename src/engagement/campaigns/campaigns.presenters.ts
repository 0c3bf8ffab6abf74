import { ExportColumn } from '../../common/export/table-export';
import { translate } from '../../common/i18n/i18n';
import { Locale } from '../../common/i18n/messages';
import { toDmy } from '../../common/time/iso-date';
import { BookLogRow } from './book-logs.service';
import { CommuneParticipation, ParticipationRow } from './campaigns.service';

/** Participation by enterprise: the page and both files take their cells from these. */
export const enterpriseColumns: ExportColumn<ParticipationRow>[] = [
  { header: 'campaigns.participation.enterprise', value: (r) => r.enterpriseName, width: 36 },
  { header: 'campaigns.participation.taxCode', value: (r) => r.taxCode, width: 14 },
  { header: 'campaigns.participation.commune', value: (r) => r.unitName, width: 24 },
  { header: 'campaigns.participation.workers', value: (r) => r.workers },
];

/** Participation by commune (the sum of its enterprises). */
export const communeColumns: ExportColumn<CommuneParticipation>[] = [
  { header: 'campaigns.participation.commune', value: (r) => r.unitName, width: 28 },
  { header: 'campaigns.participation.enterprises', value: (r) => r.enterprises },
  { header: 'campaigns.participation.workers', value: (r) => r.workers },
];

/** The officer's list of book logs and its files. */
export function bookLogColumns(locale: Locale): ExportColumn<BookLogRow>[] {
  return [
    { header: 'campaigns.book.field.worker', value: (r) => r.workerName, width: 26 },
    { header: 'campaigns.book.field.employeeCode', value: (r) => r.employeeCode ?? '' },
    { header: 'campaigns.book.field.title', value: (r) => r.title, width: 30 },
    { header: 'campaigns.book.field.author', value: (r) => r.author, width: 20 },
    { header: 'campaigns.book.field.readOn', value: (r) => toDmy(r.readOn), width: 14 },
    {
      header: 'campaigns.book.field.status',
      value: (r) => translate(locale, `campaigns.book.status.${r.status}`),
      width: 16,
    },
    { header: 'campaigns.book.field.hours', value: (r) => r.hours },
    { header: 'campaigns.book.field.reason', value: (r) => r.reason ?? '', width: 30 },
  ];
}
