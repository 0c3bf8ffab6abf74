import { ExportColumn } from '../../common/export/table-export';
import { Page } from '../../common/http/pagination';
import { hasMessage, translate } from '../../common/i18n/i18n';
import { Locale, MessageRef } from '../../common/i18n/messages';
import { messageText } from '../applications/criteria/criteria.presenters';
import { FunnelReport } from './funnel.service';
import { HistoryRow } from './application-review.service';
import { FunnelCounts, FunnelLevel } from './review.repository';
import { FUNNEL_STAGES } from './review.rules';

/** One line of the funnel table: an enterprise or a unit, or the total. */
export interface FunnelLine extends FunnelCounts {
  name: string;
  unitName: string;
  isTotal: boolean;
}

export function funnelLines(locale: Locale, report: FunnelReport): FunnelLine[] {
  const unknown = translate(
    locale,
    report.level === 'unit' ? 'review.funnel.noUnit' : 'review.funnel.noEnterprise',
  );
  return [
    ...report.rows.map((row) => ({
      ...row,
      name: row.name ?? unknown,
      unitName: row.unitName ?? '',
      isTotal: false,
    })),
    { ...report.total, name: translate(locale, 'review.funnel.total'), unitName: '', isTotal: true },
  ];
}

/** The funnel's columns: the page, the XLSX and the CSV all take their cells from these functions. */
export function funnelColumns(level: FunnelLevel): ExportColumn<FunnelLine>[] {
  const columns: ExportColumn<FunnelLine>[] = [
    {
      header: level === 'unit' ? 'review.funnel.unit' : 'review.funnel.enterprise',
      value: (line) => line.name,
      width: 42,
    },
  ];
  if (level === 'enterprise')
    columns.push({ header: 'review.funnel.unitOfEnterprise', value: (line) => line.unitName, width: 28 });
  for (const stage of FUNNEL_STAGES)
    columns.push({ header: `review.funnel.stage.${stage}`, value: (line) => line[stage], width: 16 });
  return columns;
}

/** The funnel as the page shows it: headers and cells from the same columns as the files. */
export function funnelTable(locale: Locale, report: FunnelReport) {
  const columns = funnelColumns(report.level);
  return {
    headers: columns.map((c) => ({
      label: translate(locale, c.header),
      numeric: c.header.includes('.stage.'),
    })),
    lines: funnelLines(locale, report).map((line) => ({
      isTotal: line.isTotal,
      cells: columns.map((c) => ({ value: c.value(line), numeric: typeof c.value(line) === 'number' })),
    })),
  };
}

export function statusLabel(locale: Locale, status: string): string {
  const key = `review.status.${status}`;
  return hasMessage(key) ? translate(locale, key) : status;
}

/** The trail as people read it: when, who, what, and what changed. */
export function historyLines(locale: Locale, rows: HistoryRow[]) {
  return rows.map((row) => {
    const key = `review.audit.${row.action}`;
    const changes: string[] = [];
    const before = row.before ?? {};
    const after = row.after ?? {};
    if (after.status !== undefined && before.status !== after.status) {
      changes.push(
        translate(locale, 'review.history.status', {
          before: before.status ? statusLabel(locale, String(before.status)) : '—',
          after: statusLabel(locale, String(after.status)),
        }),
      );
    }
    if (after.criterionCode !== undefined) {
      changes.push(
        translate(locale, 'review.history.answer', {
          code: String(after.criterionCode),
          before: answerLabel(locale, before.reviewStatus),
          after: answerLabel(locale, after.reviewStatus),
        }),
      );
    }
    if (Array.isArray(after.confirmedAnswers) && after.confirmedAnswers.length > 0)
      changes.push(
        translate(locale, 'review.history.answersConfirmed', { codes: after.confirmedAnswers.join(', ') }),
      );
    if (after.certificateNo)
      changes.push(translate(locale, 'review.history.certificate', { no: String(after.certificateNo) }));
    if (after.totalPoints !== undefined && row.action === 'RECOGNISED')
      changes.push(translate(locale, 'review.history.points', { points: String(after.totalPoints) }));
    return {
      at: row.at,
      actorName: row.actorName ?? translate(locale, 'review.history.system'),
      action: hasMessage(key) ? translate(locale, key) : row.action,
      changes,
      comment: row.comment,
    };
  });
}

function answerLabel(locale: Locale, status: unknown): string {
  return status ? translate(locale, `review.answer.${String(status)}`) : '—';
}

/** Reasons for the API: the message key and parameters, and the text in the caller's language. */
export function reasonViews(locale: Locale, reasons: MessageRef[]) {
  return reasons.map((reason) => ({ ...reason, text: messageText(locale, reason) }));
}

/** A queue page for the API: each item's reasons with their text. */
export function explainedPage<T extends { reasons: MessageRef[] }>(locale: Locale, page: Page<T>) {
  return {
    ...page,
    items: page.items.map((item) => ({ ...item, reasons: reasonViews(locale, item.reasons) })),
  };
}
