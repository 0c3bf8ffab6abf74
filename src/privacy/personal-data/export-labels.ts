import { messageText } from '../../citizenship/applications/criteria/criteria.presenters';
import { hasMessage, translate } from '../../common/i18n/i18n';
import { Locale, MessageRef } from '../../common/i18n/messages';
import { formatHours } from '../../common/views/view-helpers';
import { cellValue, DateKinds } from './export-document';
import { Row } from './personal-data.repository';

/**
 * How the workbook of the personal-data export reads to the person: every column under a header in
 * their language and every code as the label the app shows for it. The JSON export keeps the
 * stored values (camelCase keys, codes) for machines; these apply to the workbook only.
 */

/** A spreadsheet cell. */
export type Cell = string | number | boolean | null;

/** How the cells of a column read; plain text, numbers and dates need none. */
type CellReading =
  /** A code, shown as the message `<prefix><code>` (the code itself when there is none). */
  | { labels: string }
  /** Codes separated by commas, each as `<prefix><code>`, joined by semicolons. */
  | { list: string }
  | 'yesNo'
  | 'number'
  /** An evaluation's reasons: message references stored as JSON. */
  | 'reasons'
  /** What proves a criterion: learning records, the plan, hours (JSON). */
  | 'evidence'
  /** A notice: its message with the row's params. */
  | 'notice'
  /** Shown as part of another column (a notice's params in its text). */
  | 'omit';

/** By `<section>.<column>` (camelCase, as in the JSON export) or, for every section, by `<column>`. */
const READINGS: Record<string, CellReading> = {
  'account.status': { labels: 'users.status.' },
  'account.locale': { labels: 'language.' },
  'roles.role': { labels: 'role.' },
  'roles.scopeType': { labels: 'scope.' },
  gender: { labels: 'workers.gender.' },
  'identityReconciliations.source': { labels: 'reconciliation.source.' },
  'identityReconciliations.status': { labels: 'reconciliation.status.' },
  'learningRecords.source': { labels: 'source.' },
  'learningRecords.domains': { list: 'domain.' },
  'attendance.method': { labels: 'activities.method.' },
  'attendance.sessionKind': { labels: 'activities.kind.' },
  'citizenshipApplications.status': { labels: 'review.status.' },
  'citizenshipPlanItems.domainCode': { labels: 'domain.' },
  'citizenshipAnswers.reviewStatus': { labels: 'review.answer.' },
  'citizenshipEvaluations.reasons': 'reasons',
  'citizenshipEvaluationItems.state': { labels: 'review.item.' },
  'citizenshipEvaluationItems.evidence': 'evidence',
  'citizenshipHistory.action': { labels: 'review.audit.' },
  'certificates.status': { labels: 'review.verify.status.' },
  'employmentReach.titleStatus': { labels: 'review.verify.status.' },
  'notices.messageKey': 'notice',
  'notices.params': 'omit',
  'bookLogs.status': { labels: 'campaigns.book.status.' },
  'requests.kind': { labels: 'privacy.request.kind.' },
  'requests.status': { labels: 'privacy.request.status.' },
  'accessLog.action': { labels: 'privacy.action.' },
  'accessLog.viewerRole': { labels: 'role.' },
  'commendations.kind': { labels: 'commendations.kind.' },
  'commendations.status': { labels: 'commendations.status.' },
  unionMember: 'yesNo',
  activationCodeReset: 'yesNo',
  passed: 'yesNo',
  eligible: 'yesNo',
  met: 'yesNo',
  hours: 'number',
  plannedHours: 'number',
  sessionHours: 'number',
};

const readingOf = (section: string, column: string): CellReading | undefined =>
  READINGS[`${section}.${column}`] ?? READINGS[column];

/** Whether the workbook shows the column at all (a notice's params are part of its text). */
export function shownColumn(section: string, column: string): boolean {
  return readingOf(section, column) !== 'omit';
}

/** The message key of a column's header: the section's own, else the shared one. */
export function headerKey(section: string, column: string): string | null {
  for (const key of [`privacy.export.column.${section}.${column}`, `privacy.export.column.${column}`])
    if (hasMessage(key)) return key;
  return null;
}

/** A column's header in the person's language (its name, if no header is written for it). */
export function headerOf(locale: Locale, section: string, column: string): string {
  const key = headerKey(section, column);
  return key ? translate(locale, key) : column;
}

const label = (locale: Locale, prefix: string, code: string) =>
  hasMessage(`${prefix}${code}`) ? translate(locale, `${prefix}${code}`) : code;

function parsed(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

/**
 * The cell of a column whose codes have labels, or undefined when the column reads as stored (the
 * caller then writes dates and plain values as they are).
 */
export function labelledCell(
  locale: Locale,
  section: string,
  column: string,
  value: unknown,
  row: Row,
): Cell | undefined {
  const reading = readingOf(section, column);
  if (reading === undefined || reading === 'omit') return undefined;
  if (value === null || value === undefined || value === '') return null;
  if (reading === 'yesNo') {
    const yes = value === true || value === 1 || value === '1' || value === 'true';
    return translate(locale, yes ? 'common.yes' : 'common.no');
  }
  if (reading === 'number') {
    const n = Number(value);
    return Number.isFinite(n) ? n : String(value);
  }
  if (reading === 'reasons') {
    const refs = parsed(value);
    if (!Array.isArray(refs)) return String(value);
    return refs.length === 0 ? null : refs.map((ref: MessageRef) => messageText(locale, ref)).join('\n');
  }
  if (reading === 'evidence') return evidenceText(locale, parsed(value));
  if (reading === 'notice') {
    const key = String(value);
    if (!hasMessage(key)) return key;
    const params = parsed(row.params);
    return messageText(locale, {
      key,
      params: params && typeof params === 'object' ? (params as MessageRef['params']) : undefined,
    });
  }
  if ('list' in reading)
    return String(value)
      .split(',')
      .map((code) => label(locale, reading.list, code.trim()))
      .join('; '); // the labels have commas of their own ("Chính trị, pháp luật")
  return label(locale, reading.labels, String(value));
}

function evidenceText(locale: Locale, evidence: unknown): Cell {
  if (!evidence || typeof evidence !== 'object') return evidence == null ? null : String(evidence);
  const { recordIds, count, plan, hours } = evidence as {
    recordIds?: number[];
    count?: number;
    plan?: boolean;
    hours?: number;
  };
  const parts: string[] = [];
  if (recordIds && recordIds.length > 0)
    parts.push(
      translate(locale, 'privacy.export.evidence.records', {
        ids: recordIds.join(', '),
        count: count ?? recordIds.length,
      }),
    );
  if (plan) parts.push(translate(locale, 'privacy.export.evidence.plan'));
  if (typeof hours === 'number')
    parts.push(translate(locale, 'privacy.export.evidence.hours', { hours: formatHours(hours, locale) }));
  return parts.length > 0 ? parts.join('; ') : null;
}

/** One cell as the person reads it: a label for a code, else the value with dates as the app shows them. */
export function readableCell(
  locale: Locale,
  section: string,
  column: string,
  row: Row,
  kinds: DateKinds,
): Cell {
  const labelled = labelledCell(locale, section, column, row[column], row);
  return labelled !== undefined ? labelled : cellValue(row[column], kinds.get(column));
}

/** A section as a sheet: the union of its rows' columns (first-seen order), headed and read as above. */
export function readableTable(
  locale: Locale,
  section: string,
  rows: Row[],
  kinds: DateKinds,
): { headers: string[]; cells: Cell[][] } {
  const columns: string[] = [];
  for (const row of rows)
    for (const key of Object.keys(row))
      if (!columns.includes(key) && shownColumn(section, key)) columns.push(key);
  return {
    headers: columns.map((c) => headerOf(locale, section, c)),
    cells: rows.map((row) => columns.map((c) => readableCell(locale, section, c, row, kinds))),
  };
}
