import { ExportColumn } from '../../common/export/table-export';
import { translate } from '../../common/i18n/i18n';
import { Locale } from '../../common/i18n/messages';
import { formatDateTime } from '../../common/views/view-helpers';
import { ContestListRow, RankingRow, RegistrationRow } from './contests.service';

/** "12:05" for a duration in seconds (minutes may pass 59). */
export function formatDuration(seconds: number | null): string {
  if (seconds === null) return '';
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

/** The contests list's columns: the page, the XLSX and the CSV take their cells from these. */
export function contestColumns(locale: Locale): ExportColumn<ContestListRow>[] {
  return [
    { header: 'contests.field.title', value: (r) => r.contest.title, width: 40 },
    {
      header: 'contests.field.kind',
      value: (r) => translate(locale, `contests.kind.${r.contest.kind}`),
      width: 30,
    },
    { header: 'contests.field.year', value: (r) => r.contest.year },
    { header: 'contests.registrations', value: (r) => r.registrations },
    { header: 'contests.participants', value: (r) => r.participants },
    { header: 'contests.prizes', value: (r) => r.prizes },
    // Last, so that the page's cells keep their places: the page shows them under the title.
    { header: 'contests.field.communes', value: (r) => communeNames(r), width: 40 },
  ];
}

/** "Xã A, Xã B" for a contest aimed at communes; empty for the others. */
export function communeNames(row: Pick<ContestListRow, 'communes'>): string {
  return row.communes.map((c) => c.name).join(', ');
}

/** A round's ranking, for the page and its files. */
export function rankingColumns(): ExportColumn<RankingRow>[] {
  return [
    { header: 'contests.position', value: (r) => r.position },
    { header: 'workers.field.fullName', value: (r) => r.fullName, width: 28 },
    { header: 'contests.field.enterprise', value: (r) => r.enterpriseName, width: 30 },
    { header: 'contests.score', value: (r) => r.score },
    { header: 'contests.maxScore', value: (r) => r.maxScore },
    { header: 'contests.duration', value: (r) => formatDuration(r.durationSeconds) },
    { header: 'contests.prize', value: (r) => r.prize ?? '', width: 20 },
  ];
}

export function registrationColumns(): ExportColumn<RegistrationRow>[] {
  return [
    { header: 'workers.field.fullName', value: (r) => r.fullName, width: 28 },
    { header: 'contests.field.enterprise', value: (r) => r.enterpriseName, width: 30 },
    { header: 'contests.registeredAt', value: (r) => formatDateTime(r.registeredAt), width: 18 },
  ];
}
