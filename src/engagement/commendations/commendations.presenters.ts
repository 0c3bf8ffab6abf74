import { ExportColumn } from '../../common/export/table-export';
import { translate } from '../../common/i18n/i18n';
import { Locale } from '../../common/i18n/messages';
import { todayInVietnam } from '../../common/time/vietnam-time';
import { HonourRollEntry, NominationView } from './commendations.service';
import { CommendationKind, CommendationStatus } from './entities/commendation.entity';

/** The current year in Vietnam, the default of every year field. */
export const thisYear = (): number => Number(todayInVietnam().slice(0, 4));

/** The honour roll's columns: the page, its XLSX/CSV and the annual report's list. */
export function honourColumns(locale: Locale): ExportColumn<HonourRollEntry>[] {
  return [
    { header: 'commendations.col.honouree', value: (r) => r.honoureeName, width: 28 },
    {
      header: 'commendations.col.kind',
      value: (r) => translate(locale, `commendations.kind.${r.kind}`),
      width: 24,
    },
    {
      header: 'commendations.col.parent',
      value: (r) => (r.kind === CommendationKind.Child ? r.workerName : null),
      width: 28,
    },
    { header: 'commendations.col.enterprise', value: (r) => r.enterpriseName, width: 36 },
    { header: 'commendations.col.commune', value: (r) => r.unitName, width: 24 },
    { header: 'commendations.col.achievement', value: (r) => r.achievement, width: 60 },
  ];
}

/** The nominations list's columns (page and files). */
export function nominationColumns(locale: Locale): ExportColumn<NominationView>[] {
  return [
    { header: 'commendations.col.year', value: (r) => r.year },
    { header: 'commendations.col.honouree', value: (r) => r.honoureeName, width: 28 },
    {
      header: 'commendations.col.kind',
      value: (r) => translate(locale, `commendations.kind.${r.kind}`),
      width: 24,
    },
    { header: 'commendations.col.enterprise', value: (r) => r.enterpriseName, width: 36 },
    {
      header: 'commendations.col.status',
      value: (r) => translate(locale, `commendations.status.${r.status}`),
    },
    { header: 'commendations.col.achievement', value: (r) => r.achievement, width: 60 },
  ];
}

export function statusOptions(locale: Locale, selected?: CommendationStatus) {
  return Object.values(CommendationStatus).map((s) => ({
    value: s,
    label: translate(locale, `commendations.status.${s}`),
    selected: s === selected,
  }));
}
