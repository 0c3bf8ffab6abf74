import { Cell, ExportColumn } from '../../common/export/table-export';
import { translate } from '../../common/i18n/i18n';
import { Locale } from '../../common/i18n/messages';
import { formatDate } from '../../common/views/view-helpers';
import { SnapshotLevel } from '../entities/snapshot.entity';
import { IndicatorLine, OrgLine } from './dashboard.service';
import {
  formatCount,
  formatPercent,
  indicatorPercent,
  INDICATOR_CODES,
  statusTone,
} from './indicator-figures';

/**
 * Every table of the dashboards is described once, as columns: the page shows their cells
 * formatted, and the XLSX/CSV exports write the very same values, so a download always has the
 * numbers of the screen (one rounding, in indicator-figures.ts).
 */
export type ValueKind = 'text' | 'count' | 'percent';

export interface TableColumn<T> extends ExportColumn<T> {
  kind: ValueKind;
  /** Link of the cell on screen (the first column's drill-down). */
  href?: (row: T) => string | null;
}

export interface ScreenCell {
  text: string;
  numeric: boolean;
  href: string | null;
}

export interface ScreenTable {
  headers: { label: string; numeric: boolean }[];
  rows: { cells: ScreenCell[]; strong: boolean }[];
}

/** The text a cell shows for a value of its column. */
export function displayCell(value: Cell, kind: ValueKind, locale: Locale): string {
  if (kind === 'percent') return formatPercent(typeof value === 'number' ? value : null, locale);
  if (kind === 'count') return formatCount(typeof value === 'number' ? value : null, locale);
  return value === null || value === undefined ? '' : String(value);
}

export function screenTable<T>(
  locale: Locale,
  columns: TableColumn<T>[],
  rows: T[],
  strong: (row: T) => boolean = () => false,
): ScreenTable {
  return {
    headers: columns.map((c) => ({ label: translate(locale, c.header), numeric: c.kind !== 'text' })),
    rows: rows.map((row) => ({
      strong: strong(row),
      cells: columns.map((c) => ({
        text: displayCell(c.value(row), c.kind, locale),
        numeric: c.kind !== 'text',
        href: c.href?.(row) ?? null,
      })),
    })),
  };
}

/** The indicator's short name ("Kỹ năng nghề"), for headers and chart titles. */
export function indicatorName(locale: Locale, code: string): string {
  return translate(locale, `indicator.${code}`);
}

export function statusLabel(locale: Locale, status: string | null): string {
  return status ? translate(locale, `indicatorStatus.${status}`) : translate(locale, 'dashboard.noData');
}

/** The five indicators against their targets, with the trend by year end (the table beside the charts). */
export function indicatorColumns(
  locale: Locale,
  yearEnds: string[],
  targetYears: number[],
): TableColumn<IndicatorLine>[] {
  return [
    {
      header: 'dashboard.col.indicator',
      kind: 'text',
      value: (r) => indicatorName(locale, r.code),
      width: 32,
    },
    { header: 'dashboard.col.reached', kind: 'count', value: (r) => r.numerator },
    { header: 'dashboard.col.denominator', kind: 'count', value: (r) => r.denominator },
    { header: 'dashboard.col.current', kind: 'percent', value: (r) => r.current },
    ...yearEnds.map((date, i): TableColumn<IndicatorLine> => ({
      header: translate(locale, 'dashboard.col.atYearEnd', { date: formatDate(date) }),
      kind: 'percent',
      value: (r) => r.history[i]?.percent ?? null,
    })),
    ...targetYears.map((year): TableColumn<IndicatorLine> => ({
      header: translate(locale, 'dashboard.col.target', { year }),
      kind: 'percent',
      value: (r) => r.targets.find((t) => t.year === year)?.percent ?? null,
    })),
    {
      header: 'dashboard.col.gap',
      kind: 'percent',
      value: (r) => r.result.gap,
    },
    {
      header: 'dashboard.col.status',
      kind: 'text',
      value: (r) => statusLabel(locale, r.result.status),
      width: 22,
    },
  ];
}

/** The organisation and what lies under it: population, headcount, denominator and the five percentages. */
export function orgColumns(locale: Locale): TableColumn<OrgLine>[] {
  return [
    { header: 'dashboard.col.name', kind: 'text', value: (r) => r.name, href: (r) => r.href, width: 42 },
    {
      header: 'dashboard.col.level',
      kind: 'text',
      value: (r) => translate(locale, `snapshotLevel.${r.level}`),
    },
    { header: 'dashboard.col.population', kind: 'count', value: (r) => r.figures.population },
    { header: 'dashboard.col.declared', kind: 'count', value: (r) => r.figures.declaredHeadcount },
    { header: 'dashboard.col.denominator', kind: 'count', value: (r) => r.figures.denominator },
    ...INDICATOR_CODES.map((code): TableColumn<OrgLine> => ({
      header: translate(locale, 'dashboard.col.percentOf', { name: indicatorName(locale, code) }),
      kind: 'percent',
      value: (r) => indicatorPercent(r.figures, code),
    })),
  ];
}

/** What public/js/indicators-charts.js draws for one indicator: a JSON block, never a script. */
export interface ChartData {
  title: string;
  valueLabel: string;
  labels: string[];
  values: (number | null)[];
  targets: { label: string; value: number }[];
}

export function chartData(locale: Locale, line: IndicatorLine, asOf: string | null): ChartData {
  const labels = line.history.map((h) => formatDate(h.date));
  const values = line.history.map((h) => h.percent);
  if (asOf) {
    labels.push(translate(locale, 'dashboard.chart.current', { date: formatDate(asOf) }));
    values.push(line.current);
  }
  return {
    title: indicatorName(locale, line.code),
    valueLabel: translate(locale, 'dashboard.chart.value'),
    labels,
    values,
    targets: line.targets.map((t) => ({
      label: translate(locale, 'dashboard.col.target', { year: t.year }),
      value: t.percent,
    })),
  };
}

/** The small table beside each chart: the same points, as text. */
export function chartTable(locale: Locale, data: ChartData) {
  return {
    rows: data.labels.map((label, i) => ({ label, text: formatPercent(data.values[i], locale) })),
    targets: data.targets.map((t) => ({ label: t.label, text: formatPercent(t.value, locale) })),
  };
}

/** One card per indicator: the headline numbers, the status badge, the chart and its table. */
export function indicatorCards(locale: Locale, lines: IndicatorLine[], asOf: string | null) {
  return lines.map((line) => {
    const chart = chartData(locale, line, asOf);
    return {
      code: line.code,
      name: indicatorName(locale, line.code),
      label: line.label,
      current: formatPercent(line.current, locale),
      numerator: formatCount(line.numerator, locale),
      denominator: formatCount(line.denominator, locale),
      targets: line.targets.map((t) => ({ year: t.year, text: formatPercent(t.percent, locale) })),
      milestone: line.result.milestone?.year ?? null,
      gap: formatPercent(line.result.gap, locale),
      status: statusLabel(locale, line.result.status),
      tone: statusTone(line.result.status),
      chart,
      chartTable: chartTable(locale, chart),
    };
  });
}

export function isProvince(level: SnapshotLevel): boolean {
  return level === SnapshotLevel.Province;
}
