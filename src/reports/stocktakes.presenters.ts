import { translate } from '../common/i18n/i18n';
import { countingRules } from '../indicators/dashboard/dashboard.page';
import { Locale } from '../common/i18n/messages';
import { formatDate } from '../common/views/view-helpers';
import {
  indicatorName,
  screenTable,
  statusLabel,
  TableColumn,
} from '../indicators/dashboard/dashboard.presenters';
import { statusTone } from '../indicators/dashboard/indicator-figures';
import {
  StocktakeDocument,
  StocktakeIndicator,
  StocktakePoint,
  StocktakeUnitLine,
} from './stocktakes.service';

/** The columns of a stocktake's two tables, shared by the page, XLSX, CSV and PDF. */
function pointHeader(locale: Locale, point: StocktakePoint): string {
  return translate(locale, point.interim ? 'stocktakes.col.interim' : 'dashboard.col.atYearEnd', {
    date: formatDate(point.snapshot.asOf),
  });
}

export function summaryColumns(locale: Locale, doc: StocktakeDocument): TableColumn<StocktakeIndicator>[] {
  return [
    {
      header: 'dashboard.col.indicator',
      kind: 'text',
      value: (r) => indicatorName(locale, r.code),
      width: 32,
    },
    {
      header: translate(locale, 'dashboard.col.target', { year: doc.milestone.year }),
      kind: 'percent',
      value: (r) => r.target,
    },
    ...doc.points.map((p, i): TableColumn<StocktakeIndicator> => ({
      header: pointHeader(locale, p),
      kind: 'percent',
      value: (r) => r.values[i],
    })),
    { header: 'stocktakes.col.gap', kind: 'percent', value: (r) => r.result.gap },
    {
      header: 'dashboard.col.status',
      kind: 'text',
      value: (r) => statusLabel(locale, r.result.status),
      width: 22,
    },
  ];
}

export function unitColumns(locale: Locale, doc: StocktakeDocument): TableColumn<StocktakeUnitLine>[] {
  return [
    {
      header: 'dashboard.col.indicator',
      kind: 'text',
      value: (r) => indicatorName(locale, r.code),
      width: 28,
    },
    { header: 'stocktakes.col.unit', kind: 'text', value: (r) => r.name, width: 28 },
    {
      header: 'stocktakes.col.side',
      kind: 'text',
      value: (r) => translate(locale, `stocktakes.side.${r.side}`),
      width: 20,
    },
    { header: 'stocktakes.col.mapsTo', kind: 'text', value: (r) => r.mapsTo ?? '', width: 24 },
    ...doc.points.map((p, i): TableColumn<StocktakeUnitLine> => ({
      header: pointHeader(locale, p),
      kind: 'percent',
      value: (r) => r.values[i],
    })),
    {
      header: translate(locale, 'dashboard.col.target', { year: doc.milestone.year }),
      kind: 'percent',
      value: (r) => r.target,
    },
  ];
}

export function milestoneTitle(locale: Locale, m: { year: number; kind: string; label: string }): string {
  return m.label || translate(locale, `stocktakes.kind.${m.kind}`, { year: m.year });
}

export function stocktakePage(locale: Locale, doc: StocktakeDocument) {
  const base = `/reports/reviews?plan=${doc.plan.id}&year=${doc.milestone.year}`;
  return {
    title: milestoneTitle(locale, doc.milestone),
    plan: doc.plan,
    milestones: doc.milestones.map((m) => ({
      year: m.year,
      label: milestoneTitle(locale, m),
      selected: m.year === doc.milestone.year,
    })),
    reviewDate: formatDate(doc.milestone.reviewDate),
    hasPoints: doc.points.length > 0,
    summaryTable: doc.indicators ? screenTable(locale, summaryColumns(locale, doc), doc.indicators) : null,
    statuses: doc.indicators?.map((i) => ({
      name: indicatorName(locale, i.code),
      status: statusLabel(locale, i.result.status),
      tone: statusTone(i.result.status),
    })),
    unitsTable: screenTable(locale, unitColumns(locale, doc), doc.units),
    mappings: doc.mappings.map((m) => ({ ...m, effectiveDate: formatDate(m.effectiveDate) })),
    spansReform: doc.spansReform,
    rules: countingRules(locale),
    exports: {
      summaryXlsx: `${base}&table=summary&format=xlsx`,
      summaryCsv: `${base}&table=summary&format=csv`,
      unitsXlsx: `${base}&table=units&format=xlsx`,
      unitsCsv: `${base}&table=units&format=csv`,
      pdf: `${base}&format=pdf`,
    },
  };
}
