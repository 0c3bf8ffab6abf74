import { ExportColumn } from '../common/export/table-export';
import { translate } from '../common/i18n/i18n';
import { Locale } from '../common/i18n/messages';
import { formatDate } from '../common/views/view-helpers';
import { RecordSource } from './entities/learning-record.entity';
import { DomainCode } from './learning-domains';
import { RecordRow } from './learning-records.repository';

export function domainList(locale: Locale, codes: DomainCode[]): string {
  return codes.map((code) => translate(locale, `domain.${code}`)).join('; ');
}

/**
 * Where a record came from, as a page: the session, the course, or the reported result. The
 * reader may still be refused there (e.g. an officer following a worker's session at another
 * enterprise), as everywhere else.
 */
export function originLink(record: Pick<RecordRow, 'source' | 'sourceRef'>): string | null {
  const match = /^(\w+):(\d+)$/.exec(record.sourceRef);
  if (!match) return null;
  const [, kind, id] = match;
  if (record.source === RecordSource.Session && kind === 'session') return `/activities/${id}`;
  if (record.source === RecordSource.Course && kind === 'course') return `/courses/${id}`;
  if (record.source === RecordSource.External && kind === 'external') return `/external-records/${id}`;
  return null;
}

/** The officers' list of learning records: the page and both exports use these cells. */
export function recordColumns(locale: Locale): ExportColumn<RecordRow>[] {
  return [
    { header: 'records.field.occurredOn', value: (r) => formatDate(r.occurredOn) },
    { header: 'workers.field.fullName', value: (r) => r.workerName, width: 28 },
    { header: 'records.field.title', value: (r) => r.title, width: 45 },
    { header: 'records.field.domains', value: (r) => domainList(locale, r.domains), width: 30 },
    { header: 'records.field.hours', value: (r) => r.hours },
    { header: 'records.field.source', value: (r) => translate(locale, `source.${r.source}`), width: 24 },
  ];
}
