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
  const t = (key: string, params?: Record<string, unknown>) => translate(locale, key, params);
  const { totals } = stats;
  const tables: StatsTable[] = [
    {
      id: 'overview',
      caption: t('learning.stats.overview'),
      headers: [
        t('learning.stats.measure'),
        t('learning.stats.count'),
        t('learning.stats.percentOfEnrolled'),
      ],
      rows: [
        { label: t('learning.stats.enrolled'), cells: [totals.enrolled, null] },
        { label: t('learning.stats.started'), cells: [totals.started, totals.startedPercent] },
        { label: t('learning.stats.completed'), cells: [totals.completed, totals.completedPercent] },
        { label: t('learning.stats.medianDays'), cells: [stats.medianDaysToComplete, null] },
        { label: t('learning.stats.medianMinutes'), cells: [stats.medianMinutesSpent, null] },
      ],
    },
    {
      id: 'lessons',
      caption: t('learning.stats.lessons'),
      headers: [
        t('learning.stats.lesson'),
        t('learning.stats.opened'),
        t('learning.stats.completed'),
        t('learning.stats.percentOfEnrolled'),
      ],
      rows: stats.lessons.map((l) => ({
        label: l.title,
        cells: [l.opened, l.completed, l.completedPercent],
      })),
    },
    {
      id: 'quizzes',
      caption: t('learning.stats.quizzes'),
      headers: [
        t('learning.stats.quiz'),
        t('learning.stats.attempts'),
        t('learning.stats.learners'),
        t('learning.stats.passed'),
        t('learning.stats.passPercent'),
        t('learning.stats.averageScore'),
      ],
      rows: stats.quizzes.map((q) => ({
        label: quizLabel(locale, q),
        cells: [q.attempts, q.learners, q.passed, q.passPercent, q.averageScore],
      })),
    },
    ...stats.quizzes.map((q) => ({
      id: `questions-${q.quizId}`,
      caption: t('learning.stats.questionsOf', { quiz: quizLabel(locale, q) }),
      headers: [
        t('learning.stats.question'),
        t('learning.stats.answered'),
        t('learning.stats.correct'),
        t('learning.stats.correctPercent'),
      ],
      rows: q.questions.map((question) => ({
        label: question.prompt,
        cells: [question.answered, question.correct, question.correctPercent] as Cell[],
      })),
    })),
    // How often each option of a choice question was chosen (a right one marked ✓).
    ...stats.quizzes
      .filter((q) => q.questions.some((question) => question.options.length > 0))
      .map((q) => ({
        id: `options-${q.quizId}`,
        caption: t('learning.stats.optionsOf', { quiz: quizLabel(locale, q) }),
        headers: [
          `${t('learning.stats.option')} (✓ ${t('learning.stats.optionRight')})`,
          t('learning.stats.chosen'),
          t('learning.stats.chosenPercent'),
        ],
        rows: q.questions.flatMap((question) =>
          question.options.map((o) => ({
            label: `${question.prompt} — ${o.correct ? '✓ ' : ''}${o.label}`,
            cells: [o.chosen, o.chosenPercent] as Cell[],
          })),
        ),
      })),
    {
      id: 'enterprises',
      caption: t('learning.stats.enterprises'),
      headers: [
        t('learning.stats.enterprise'),
        t('learning.stats.enrolled'),
        t('learning.stats.started'),
        t('learning.stats.completed'),
        t('learning.stats.completedPercent'),
      ],
      rows: stats.enterprises.map((e) => ({
        label: e.name ?? t('learning.stats.noEnterprise'),
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
