import { ExportColumn } from '../common/export/table-export';
import { translate } from '../common/i18n/i18n';
import { Locale } from '../common/i18n/messages';
import { formatDateTime } from '../common/views/view-helpers';
import { DOMAIN_CODES, DomainCode } from '../learning-records/learning-domains';
import { AttendanceRow, SessionRow } from './sessions.repository';
import { DEFAULT_DOMAINS, isSessionKind, SESSION_KINDS } from './session-kinds';

/** Domain names joined for a cell, in the reader's language. */
export function domainNames(locale: Locale, codes: DomainCode[]): string {
  return codes.map((code) => translate(locale, `domain.${code}`)).join('; ');
}

/** The sessions list: the page and both exports take their cells from these functions. */
export function sessionColumns(locale: Locale, withEnterprise: boolean): ExportColumn<SessionRow>[] {
  const columns: ExportColumn<SessionRow>[] = [
    { header: 'activities.field.startsAt', value: (s) => formatDateTime(s.startsAt), width: 18 },
    { header: 'activities.field.endsAt', value: (s) => formatDateTime(s.endsAt), width: 18 },
    { header: 'activities.field.title', value: (s) => s.title, width: 45 },
    {
      header: 'activities.field.kind',
      value: (s) => translate(locale, `activities.kind.${s.kind}`),
      width: 28,
    },
    { header: 'activities.field.domains', value: (s) => domainNames(locale, s.domains), width: 30 },
    { header: 'activities.field.place', value: (s) => s.place, width: 28 },
    { header: 'activities.field.organiser', value: (s) => s.organiser, width: 28 },
    { header: 'activities.field.hours', value: (s) => s.hours },
    { header: 'activities.field.attendees', value: (s) => s.attendees },
  ];
  if (withEnterprise)
    columns.push({ header: 'activities.field.enterprise', value: (s) => s.enterpriseName, width: 36 });
  return columns;
}

export function attendanceColumns(locale: Locale): ExportColumn<AttendanceRow>[] {
  return [
    { header: 'workers.field.fullName', value: (a) => a.fullName, width: 28 },
    { header: 'workers.field.employeeCode', value: (a) => a.employeeCode ?? '' },
    {
      header: 'activities.attendance.method',
      value: (a) => translate(locale, `activities.method.${a.method}`),
      width: 24,
    },
    { header: 'activities.attendance.recordedAt', value: (a) => formatDateTime(a.recordedAt), width: 18 },
  ];
}

export function kindOptions(locale: Locale) {
  return SESSION_KINDS.map((kind) => ({
    value: kind,
    label: translate(locale, `activities.kind.${kind}`),
    // Read by public/js/activities.js to tick the kind's usual domains.
    defaults: DEFAULT_DOMAINS[kind].join(' '),
  }));
}

/** The domain checkboxes of the session form, ticked as given. */
export function domainChoices(locale: Locale, checked: readonly string[]) {
  return DOMAIN_CODES.map((code) => ({
    value: code,
    label: translate(locale, `domain.${code}`),
    checked: checked.includes(code),
  }));
}

export function defaultDomainsOf(kind: unknown): DomainCode[] {
  return isSessionKind(kind) ? DEFAULT_DOMAINS[kind] : [];
}
