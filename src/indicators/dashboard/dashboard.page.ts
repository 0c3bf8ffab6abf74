import { TableExport } from '../../common/export/table-export';
import { translate } from '../../common/i18n/i18n';
import { Locale } from '../../common/i18n/messages';
import { formatDate, formatDateTime } from '../../common/views/view-helpers';
import { ReportingPanel } from './reporting-panel';
import { SnapshotLevel } from '../entities/snapshot.entity';
import {
  indicatorCards,
  indicatorColumns,
  orgColumns,
  screenTable,
  TableColumn,
} from './dashboard.presenters';
import { DashboardView, IndicatorLine, linkQuery, OrgLine } from './dashboard.service';
import { formatCount, indicatorPercent } from './indicator-figures';
import { IndicatorCode, INDICATOR_CODES } from '../entities/plan.entity';
import { Figures, FIGURE_KEYS } from '../unit-rollup';
import { territoryName } from '../territory-name';

/**
 * The counting rules shown next to every table, in the reader's language: the texts of the
 * indicators' own rules (IndicatorsService.countingRules, which reads the same messages).
 */
export const COUNTING_RULES = [
  'population',
  'reached',
  'window',
  'learningCitizen',
  'denominator',
  'units',
  'reform',
] as const;

export function countingRules(locale: Locale): { title: string; text: string }[] {
  return COUNTING_RULES.map((rule) => ({
    title: translate(locale, `indicators.rules.${rule}.title`),
    text: translate(locale, `indicators.rules.${rule}`),
  }));
}

function targetYears(view: DashboardView): number[] {
  return [...new Set(view.selection.indicators.flatMap((i) => i.targets.map((t) => t.year)))].sort();
}

function indicatorTable(locale: Locale, view: DashboardView): TableColumn<IndicatorLine>[] {
  return indicatorColumns(
    locale,
    view.selection.yearEnds.map((s) => s.asOf),
    targetYears(view),
  );
}

/**
 * The view with the province named for the plan's territory: after the 2025 reform the seeded
 * plan's figures cover only the former Đắk Nông, so "Tỉnh Lâm Đồng" reads "Tỉnh Lâm Đồng — địa
 * bàn tỉnh Đắk Nông cũ" wherever the province is named (heading, trail, table, exports).
 */
function withTerritory(locale: Locale, view: DashboardView): DashboardView {
  if (!view.former) return view;
  const label = (name: string) => territoryName(locale, name, view.former);
  const isProvince = view.level === SnapshotLevel.Province;
  return {
    ...view,
    name: isProvince ? label(view.name) : view.name,
    trail: view.trail.map((step, i) => (i === 0 ? { ...step, name: label(step.name) } : step)),
    lines: view.lines.map((line) =>
      line.level === SnapshotLevel.Province ? { ...line, name: label(line.name) } : line,
    ),
  };
}

/** One table of the page as a file: the same columns, hence the same numbers. */
export function exportTable(
  locale: Locale,
  shown: DashboardView,
  table: 'indicators' | 'orgs',
): TableExport<IndicatorLine> | TableExport<OrgLine> {
  const view = withTerritory(locale, shown);
  const asOf = view.selection.snapshot?.asOf ?? 'chua-co';
  const base = `chi-tieu-${view.level.toLowerCase()}-${view.orgId ?? 0}-${asOf}`;
  if (table === 'orgs') {
    return {
      filename: `${base}-don-vi`,
      sheet: translate(locale, 'dashboard.orgs.sheet'),
      columns: orgColumns(locale),
      rows: view.lines,
    };
  }
  return {
    filename: base,
    sheet: translate(locale, 'dashboard.indicators.sheet'),
    columns: indicatorTable(locale, view),
    rows: view.indicators,
  };
}

/** Everything views/indicators/dashboard/index.hbs shows. */
export function dashboardPage(
  locale: Locale,
  shown: DashboardView,
  path: string,
  reporting: ReportingPanel | null,
) {
  const view = withTerritory(locale, shown);
  const { selection } = view;
  const snapshot = selection.snapshot;
  const query = linkQuery(selection);
  const exportLink = (table: string, format: string) => `${path}${query}&table=${table}&format=${format}`;
  const childCount = view.lines.filter((l) => !l.focus).length;
  return {
    view: {
      level: view.level,
      levelLabel: translate(locale, `snapshotLevel.${view.level}`),
      name: view.name,
      trail: view.trail,
      isProvince: view.level === SnapshotLevel.Province,
      isEnterprise: view.level === SnapshotLevel.Enterprise,
    },
    path,
    plans: selection.plans.map((p) => ({ value: p.id, label: p.code, selected: p.id === selection.plan.id })),
    plan: selection.plan,
    dates: selection.snapshots.map((s) => ({
      value: s.asOf,
      label: formatDate(s.asOf),
      selected: s.id === snapshot?.id,
    })),
    snapshot: snapshot
      ? {
          asOf: formatDate(snapshot.asOf),
          computedAt: snapshot.computedAt ? formatDateTime(snapshot.computedAt) : null,
        }
      : null,
    hasFigures: !!view.focus,
    facts: view.focus
      ? {
          population: formatCount(view.focus.figures.population, locale),
          declared: formatCount(view.focus.figures.declaredHeadcount, locale),
          denominator: formatCount(view.focus.figures.denominator, locale),
        }
      : null,
    cards: indicatorCards(locale, view.indicators, snapshot?.asOf ?? null),
    indicatorsTable: screenTable(locale, indicatorTable(locale, view), view.indicators),
    orgsTable: screenTable(locale, orgColumns(locale), view.lines, (l) => l.focus),
    hasChildren: childCount > 0,
    exports: {
      indicatorsXlsx: exportLink('indicators', 'xlsx'),
      indicatorsCsv: exportLink('indicators', 'csv'),
      orgsXlsx: exportLink('orgs', 'xlsx'),
      orgsCsv: exportLink('orgs', 'csv'),
    },
    rules: countingRules(locale),
    reporting:
      reporting && reporting.total > 0
        ? {
            year: reporting.year,
            submitted: reporting.submitted,
            total: reporting.total,
            pending: reporting.pending.join('; '),
            pendingCount: reporting.pending.length,
            bodiesDue: formatDate(reporting.bodiesDue),
            federationDue: formatDate(reporting.federationDue),
            href: `/reports?plan=${selection.plan.id}&year=${reporting.year}`,
          }
        : null,
    // "Làm mới số liệu": POST /indicators/rollups, the roll-up of the plan on today's date.
    canRefresh: view.level === SnapshotLevel.Province,
  };
}

/** One organisation's row in the figures API: the counts of the snapshot and the percentages shown. */
export interface FiguresRow extends Figures {
  level: SnapshotLevel;
  id: number;
  name: string;
  percent: Record<IndicatorCode, number | null>;
}

/**
 * GET /api/v1/indicators/figures: exactly the numbers of the page and its exports (the same view,
 * the same names, the same one-decimal percentages), with the counting window of each indicator
 * and the snapshot's date and time.
 */
export function figuresDocument(locale: Locale, shown: DashboardView) {
  const view = withTerritory(locale, shown);
  const { plan, snapshot, indicators } = view.selection;
  return {
    plan: { id: plan.id, code: plan.code, title: plan.title, startDate: String(plan.startDate).slice(0, 10) },
    asOf: snapshot?.asOf ?? null,
    computedAt: snapshot?.computedAt ?? null,
    organisation: { level: view.level, id: view.orgId, name: view.name },
    indicators: indicators.map((def) => ({
      code: def.code,
      label: def.label,
      countingWindow: def.countingWindow,
      targets: def.targets.map((t) => ({ year: t.year, percent: t.percent })),
    })),
    rows: view.lines.map((line): FiguresRow => ({
      level: line.level,
      id: line.orgId,
      name: line.name,
      ...pickFigures(line.figures),
      percent: Object.fromEntries(
        INDICATOR_CODES.map((code) => [code, indicatorPercent(line.figures, code)]),
      ) as Record<IndicatorCode, number | null>,
    })),
  };
}

function pickFigures(figures: Figures): Figures {
  return Object.fromEntries(FIGURE_KEYS.map((key) => [key, Number(figures[key])])) as unknown as Figures;
}
