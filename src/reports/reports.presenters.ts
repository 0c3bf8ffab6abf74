import { translate } from '../common/i18n/i18n';
import { countingRules } from '../indicators/dashboard/dashboard.page';
import { Locale } from '../common/i18n/messages';
import { formatDate, formatDateTime, formatNumber } from '../common/views/view-helpers';
import {
  indicatorName,
  ScreenTable,
  screenTable,
  TableColumn,
} from '../indicators/dashboard/dashboard.presenters';
import { ReportSection, ReportSectionTable } from '../common/report-sections/report-sections';
import { TableExport } from '../common/export/table-export';
import { indicatorPercent, INDICATOR_CODES, NUMERATOR } from '../indicators/dashboard/indicator-figures';
import { ReportFigure } from './entities/annual-report.entity';
import { DeadlineState, FigureChange, FigureField } from './report-rules';
import { ReportDocument } from './reports.service';

/**
 * A report's figures as columns: the page, the XLSX/CSV files and the PDF all take their cells
 * from these, through the dashboard's one rounding (indicator-figures.ts).
 */
export function figureColumns(locale: Locale): TableColumn<ReportFigure>[] {
  return [
    { header: 'dashboard.col.name', kind: 'text', value: (r) => r.name, width: 42 },
    {
      header: 'dashboard.col.level',
      kind: 'text',
      value: (r) => translate(locale, `snapshotLevel.${r.level}`),
    },
    { header: 'dashboard.col.population', kind: 'count', value: (r) => r.population },
    { header: 'dashboard.col.declared', kind: 'count', value: (r) => r.declaredHeadcount },
    { header: 'dashboard.col.denominator', kind: 'count', value: (r) => r.denominator },
    ...INDICATOR_CODES.flatMap((code): TableColumn<ReportFigure>[] => [
      {
        header: translate(locale, 'reports.col.reached', { name: indicatorName(locale, code) }),
        kind: 'count',
        value: (r) => r[NUMERATOR[code]],
      },
      {
        header: translate(locale, 'dashboard.col.percentOf', { name: indicatorName(locale, code) }),
        kind: 'percent',
        value: (r) => indicatorPercent(r, code),
      },
    ]),
  ];
}

export function deadlineLabel(locale: Locale, state: DeadlineState, late: boolean): string {
  const label = translate(locale, `reports.state.${state}`);
  return late ? `${label} (${translate(locale, 'reports.late')})` : label;
}

export function deadlineTone(state: DeadlineState): string {
  if (state === DeadlineState.Submitted) return 'ok';
  if (state === DeadlineState.Overdue) return 'bad';
  return 'warn';
}

export function versionStatusLabel(locale: Locale, status: string): string {
  return translate(locale, `reports.version.${status}`);
}

export function reportPath(bodyId: number, year: number): string {
  return `/reports/bodies/${bodyId}/years/${year}`;
}

/** At most this many changed counts are listed on the page (the API gives them all). */
export const CHANGES_SHOWN = 50;

const COUNT_HEADER: Partial<Record<FigureField, string>> = {
  population: 'dashboard.col.population',
  declaredHeadcount: 'dashboard.col.declared',
  denominator: 'dashboard.col.denominator',
};

/** The name of a count, as the figures table heads its column. */
export function figureFieldLabel(locale: Locale, field: FigureField): string {
  const header = COUNT_HEADER[field];
  if (header) return translate(locale, header);
  const code = INDICATOR_CODES.find((c) => NUMERATOR[c] === field)!;
  return translate(locale, 'reports.col.reached', { name: indicatorName(locale, code) });
}

/** The notice of a submitted report whose figures have changed since, with what changed; null if none did. */
export function changesNotice(locale: Locale, doc: ReportDocument) {
  if (doc.changes.length === 0) return null;
  const count = (n: number | null) => (n === null ? '—' : formatNumber(n, locale));
  return {
    text: translate(locale, 'reports.changed.notice', {
      year: doc.year,
      date: formatDate(doc.report?.submittedAt),
    }),
    caption: translate(locale, 'reports.changed.caption', { date: formatDate(doc.asOf) }),
    rows: doc.changes.slice(0, CHANGES_SHOWN).map((c: FigureChange) => ({
      name: c.name,
      level: translate(locale, `snapshotLevel.${c.level}`),
      figure: figureFieldLabel(locale, c.field),
      submitted: count(c.submitted),
      now: count(c.now),
    })),
    more:
      doc.changes.length > CHANGES_SHOWN
        ? translate(locale, 'reports.changed.more', { count: doc.changes.length - CHANGES_SHOWN })
        : null,
  };
}

/** What views/reports/report.hbs shows. */
export function reportPage(locale: Locale, doc: ReportDocument) {
  const path = reportPath(doc.body.id, doc.year);
  const versionQuery = doc.report ? `?version=${doc.report.version}&` : '?';
  return {
    title: `${doc.body.name} — ${translate(locale, 'reports.yearTitle', { year: doc.year })}`,
    path,
    doc: {
      bodyName: doc.body.name,
      kind: translate(locale, `bodyKind.${doc.body.kind}`),
      year: doc.year,
      due: formatDate(doc.status.due),
      deadline: deadlineLabel(locale, doc.status.deadline.state, doc.status.deadline.late),
      tone: deadlineTone(doc.status.deadline.state),
      version: doc.report?.version ?? 1,
      versionStatus: doc.report
        ? versionStatusLabel(locale, doc.report.status)
        : translate(locale, 'reports.version.NEW'),
      submittedAt: doc.report?.submittedAt ? formatDateTime(doc.report.submittedAt) : null,
      asOf: doc.asOf ? formatDate(doc.asOf) : null,
      frozen: doc.frozen,
      activities: doc.report?.activities ?? '',
      difficulties: doc.report?.difficulties ?? '',
      proposals: doc.report?.proposals ?? '',
    },
    figuresTable: screenTable(locale, figureColumns(locale), doc.figures, (f) => f === doc.figures[0]),
    hasFigures: doc.figures.length > 0,
    pending: doc.pending?.map((p) => ({
      name: p.name,
      kind: translate(locale, `bodyKind.${p.kind}`),
      due: formatDate(p.dueDate),
    })),
    isProvinceReport: doc.isProvinceReport,
    sections: sectionsView(locale, doc.sections),
    rules: countingRules(locale),
    editable: doc.editable,
    canCorrect: doc.canCorrect,
    changed: changesNotice(locale, doc),
    versions: doc.versions
      .slice()
      .reverse()
      .map((v) => ({
        version: v.version,
        status: versionStatusLabel(locale, v.status),
        submittedAt: v.submittedAt ? formatDateTime(v.submittedAt) : '',
        href: `${path}?version=${v.version}`,
        current: v.id === doc.report?.id,
      })),
    exports: {
      xlsx: `${path}${versionQuery}format=xlsx`,
      csv: `${path}${versionQuery}format=csv`,
      pdf: `${path}${versionQuery}format=pdf`,
    },
  };
}

/** The file name of a report's exports: body, year and version, in plain ASCII. */
export function reportFilename(doc: ReportDocument): string {
  return `bao-cao-${doc.year}-don-vi-${doc.body.id}-v${doc.report?.version ?? 1}`;
}

/** Other domains' sections as the page and the PDF show them: headings and screen tables. */
export function sectionsView(locale: Locale, sections: ReportSection[]) {
  return sections.map((section) => ({
    key: section.key,
    title: translate(locale, section.title),
    note: section.note ? translate(locale, section.note) : null,
    tables: section.tables.map((table) => ({
      caption: translate(locale, table.caption),
      table: sectionScreenTable(locale, table),
    })),
  }));
}

function sectionScreenTable(locale: Locale, table: ReportSectionTable): ScreenTable {
  const numeric = table.columns.map((c) => !!c.numeric);
  return {
    headers: table.columns.map((c, i) => ({ label: translate(locale, c.label), numeric: numeric[i] })),
    rows: table.rows.map((row) => ({
      cells: row.map((cell, i) => ({ text: sectionCell(locale, cell), numeric: numeric[i], href: null })),
      strong: false,
    })),
  };
}

/** A section's cell: numbers in the person's format (at most two decimals), text as written. */
export function sectionCell(locale: Locale, cell: string | number | null): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell !== 'number') return cell;
  const rounded = sectionNumber(cell) as number;
  return formatNumber(
    rounded,
    locale,
    Number.isInteger(rounded) ? 0 : Number.isInteger(rounded * 10) ? 1 : 2,
  );
}

/** A number as the page shows it: rounded to two decimals (the page then formats it). */
function sectionNumber(cell: string | number | null): string | number | null {
  return typeof cell === 'number' ? Math.round(cell * 100) / 100 : cell;
}

/** Each section table as a further sheet of the report's workbook, with the page's numbers. */
export function sectionSheets(locale: Locale, sections: ReportSection[]): TableExport<unknown>[] {
  return sections.flatMap((section) =>
    section.tables.map((table) => ({
      filename: '',
      sheet: translate(locale, table.caption),
      columns: table.columns.map((column, i) => ({
        header: column.label,
        value: (row: unknown) => sectionNumber((row as (string | number | null)[])[i] ?? null),
        width: i === 0 ? 36 : undefined,
      })),
      rows: table.rows,
    })),
  );
}
