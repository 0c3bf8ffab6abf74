import { Cell, ExportColumn } from '../common/export/table-export';
import { translate } from '../common/i18n/i18n';
import { Locale } from '../common/i18n/messages';
import { formatNumber } from '../common/views/view-helpers';
import { CourseStats } from './course-stats.service';

/** One table of the statistics page; the export is every table's cells, one line per cell. */
export interface StatsTable {
  id: string;
  caption: string;
  headers: string[];
  rows: { label: string; cells: Cell[] }[];
}

/** One figure of the export: which table, which row, which column, the value. */
export interface StatsLine {
  table: string;
  row: string;
  column: string;
  value: Cell;
}

const SMALL = '< 5';

export function statsTables(locale: Locale, stats: CourseStats): StatsTable[] {
  const t = (key: string, params?: Record<string, unknown>) =>
    translate(locale, `learning.stats.${key}`, params);
  const { totals } = stats;
  const tables: StatsTable[] = [
    {
      id: 'overview',
      caption: t('overview'),
      headers: [t('measure'), t('count'), t('percentOfEnrolled')],
      rows: [
        { label: t('enrolled'), cells: [totals.enrolled, null] },
        { label: t('started'), cells: [totals.started, totals.startedPercent] },
        { label: t('completed'), cells: [totals.completed, totals.completedPercent] },
        { label: t('medianDays'), cells: [stats.medianDaysToComplete, null] },
        { label: t('medianMinutes'), cells: [stats.medianMinutesSpent, null] },
      ],
    },
    {
      id: 'lessons',
      caption: t('lessons'),
      headers: [t('lesson'), t('opened'), t('completed'), t('percentOfEnrolled')],
      rows: stats.lessons.map((l) => ({
        label: l.title,
        cells: [l.opened, l.completed, l.completedPercent],
      })),
    },
    {
      id: 'quizzes',
      caption: t('quizzes'),
      headers: [t('quiz'), t('attempts'), t('learners'), t('passed'), t('passPercent'), t('averageScore')],
      rows: stats.quizzes.map((q) => ({
        label: quizLabel(locale, q),
        cells: [q.attempts, q.learners, q.passed, q.passPercent, q.averageScore],
      })),
    },
    ...stats.quizzes.map((q) => ({
      id: `questions-${q.quizId}`,
      caption: t('questionsOf', { quiz: quizLabel(locale, q) }),
      headers: [t('question'), t('answered'), t('correct'), t('correctPercent')],
      rows: q.questions.map((question) => ({
        label: question.prompt,
        cells: [question.answered, question.correct, question.correctPercent] as Cell[],
      })),
    })),
    {
      id: 'enterprises',
      caption: t('enterprises'),
      headers: [t('enterprise'), t('enrolled'), t('started'), t('completed'), t('completedPercent')],
      rows: stats.enterprises.map((e) => ({
        label: e.name ?? t('noEnterprise'),
        cells: e.suppressed
          ? [SMALL, SMALL, SMALL, SMALL]
          : [e.enrolled, e.started, e.completed, e.completedPercent],
      })),
    },
  ];
  return tables;
}

function quizLabel(locale: Locale, quiz: CourseStats['quizzes'][number]): string {
  return quiz.lessonTitle
    ? translate(locale, 'learning.stats.lessonQuiz', { quiz: quiz.title, lesson: quiz.lessonTitle })
    : quiz.title;
}

/** A cell as the page shows it: Vietnamese number format, "—" for no figure. */
export function showCell(value: Cell, locale: Locale): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'number') return formatNumber(value, locale, Number.isInteger(value) ? 0 : 1);
  return String(value);
}

export function statsLines(tables: StatsTable[]): StatsLine[] {
  return tables.flatMap((table) =>
    table.rows.flatMap((row) =>
      row.cells.map((value, i) => ({
        table: table.caption,
        row: row.label,
        column: table.headers[i + 1],
        value,
      })),
    ),
  );
}

export const STATS_COLUMNS: ExportColumn<StatsLine>[] = [
  { header: 'learning.stats.col.table', value: (l) => l.table, width: 36 },
  { header: 'learning.stats.col.row', value: (l) => l.row, width: 48 },
  { header: 'learning.stats.col.column', value: (l) => l.column, width: 28 },
  { header: 'learning.stats.col.value', value: (l) => l.value, width: 12 },
];
