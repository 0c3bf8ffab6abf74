import { MigrationInterface, QueryRunner } from 'typeorm';
import { createTable, date, datetime, fk, index, int, key, ref, varchar } from './schema';

const DOMAINS = ['law', 'vocational', 'life_skills', 'digital'] as const;

/** Learning columns copied from the worker's summary row. */
const SUMMARY_COLUMNS = DOMAINS.flatMap((d) => [`first_${d}_on`, `latest_${d}_on`]);
/** Per domain: the first date in the year of the worker's latest record there (worker-year row). */
const YEAR_COLUMNS = DOMAINS.map((d) => `latest_year_first_${d}_on`);

/** `column = value` for each, the value read for worker `w` (a SQL expression). */
const summaryValues = (w: string) =>
  SUMMARY_COLUMNS.map((c) => [c, `(SELECT s.${c} FROM worker_learning_summary s WHERE s.worker_id = ${w})`]);
const yearValues = (w: string) =>
  DOMAINS.map((d, i) => [
    YEAR_COLUMNS[i],
    `(SELECT y.first_${d}_on FROM worker_learning_years y WHERE y.worker_id = ${w} AND y.first_${d}_on IS NOT NULL ORDER BY y.year DESC LIMIT 1)`,
  ]);
/** The worker's title of their latest year ((worker, year) is unique in recognitions). */
const titleValues = (w: string) => [
  ['title_year', `(SELECT MAX(x.year) FROM recognitions x WHERE x.worker_id = ${w})`],
  ...[
    ['title_status', 'status'],
    ['title_recognised_at', 'recognised_at'],
    ['title_revoked_at', 'revoked_at'],
  ].map(([c, source]) => [
    c,
    `(SELECT x.${source} FROM recognitions x WHERE x.worker_id = ${w} ORDER BY x.year DESC LIMIT 1)`,
  ]),
];

const set = (values: string[][]) => values.map(([c, v]) => `${c} = ${v}`).join(', ');
const THIS_ROW = 'employment_reach.worker_id';

/**
 * The reach rows of the employments of (enterprise, worker) pairs `a` and `b` (OLD/NEW), built again
 * from the tables. `shadowed_until` is the latest end (9999-12-31 when open) of an earlier
 * employment of the same worker at the same enterprise: the row counts only after it, so on any
 * day at most one row stands for the pair however its employments overlap.
 */
const refreshPairs = (a: string, b: string) => {
  const values = [
    ...summaryValues('e.worker_id'),
    ...yearValues('e.worker_id'),
    ...titleValues('e.worker_id'),
  ];
  const pair = (alias: string, row: string) =>
    `(${alias}enterprise_id = ${row}.enterprise_id AND ${alias}worker_id = ${row}.worker_id)`;
  return [
    `DELETE FROM employment_reach WHERE ${pair('', a)} OR ${pair('', b)}`,
    insertReach(`${pair('e.', a)} OR ${pair('e.', b)}`, values),
  ];
};

function insertReach(where: string, values: string[][]): string {
  return `INSERT INTO employment_reach (employment_id, enterprise_id, worker_id, start_date, end_date, shadowed_until, ${values.map(([c]) => c).join(', ')})
    SELECT e.id, e.enterprise_id, e.worker_id, e.start_date, e.end_date,
      (SELECT MAX(COALESCE(j.end_date, '9999-12-31')) FROM employments j
        WHERE j.enterprise_id = e.enterprise_id AND j.worker_id = e.worker_id
          AND (j.start_date < e.start_date OR (j.start_date = e.start_date AND j.id < e.id))),
      ${values.map(([, v]) => v).join(',\n      ')}
    FROM employments e WHERE ${where}`;
}

/** Trigger bodies per table: what to run after a row is inserted, updated or deleted. */
const TRIGGERS: { table: string; short: string; body: (a: string, b: string) => string[] }[] = [
  { table: 'employments', short: 'emp', body: refreshPairs },
  {
    table: 'worker_learning_summary',
    short: 'sum',
    body: (a, b) => [
      `UPDATE employment_reach SET ${set(summaryValues(THIS_ROW))} WHERE worker_id IN (${a}.worker_id, ${b}.worker_id)`,
    ],
  },
  {
    table: 'worker_learning_years',
    short: 'yr',
    body: (a, b) => [
      `UPDATE employment_reach SET ${set(yearValues(THIS_ROW))} WHERE worker_id IN (${a}.worker_id, ${b}.worker_id)`,
    ],
  },
  {
    table: 'recognitions',
    short: 'rec',
    body: (a, b) => [
      `UPDATE employment_reach SET ${set(titleValues(THIS_ROW))} WHERE worker_id IN (${a}.worker_id, ${b}.worker_id)`,
    ],
  },
];
const EVENTS = [
  ['INSERT', 'ins', 'NEW', 'NEW'],
  ['UPDATE', 'upd', 'OLD', 'NEW'],
  ['DELETE', 'del', 'OLD', 'OLD'],
] as const;
const triggerName = (short: string, event: string) => `trg_reach_${short}_${event}`;

/**
 * Issue 14, item 4: the roll-up's read model kept beside each employment, so that counting an
 * enterprise's population, its four domains and its title holders on a date is one scan of this
 * table grouped by enterprise — no look-up of each worker's summary at read time
 * (indicators/rollup.repository.ts). A row holds the employment's dates and copies of what the
 * counting rules read about its worker: the summary's first and latest date per domain, the first
 * date of the latest year per domain (worker-year rows), and the title of the latest year.
 *
 * Database triggers keep it: every write of employments, worker_learning_summary,
 * worker_learning_years and recognitions — a record landing, a roster import, an ended employment,
 * a title recognised or revoked, the bulk loads of seed:scale and the history imports — rebuilds
 * the affected rows in the same statement, so the copy can never lag or miss a write path. The
 * indicators domain owns the table; no other domain writes it or knows it exists. Existing data is
 * copied here.
 */
export class EmploymentReach1764000035000 implements MigrationInterface {
  name = 'EmploymentReach1764000035000';

  async up(q: QueryRunner): Promise<void> {
    // Clustered by enterprise (InnoDB orders rows by the primary key): the roll-up's scan groups
    // as it reads, with no temporary table.
    await createTable(
      q,
      'employment_reach',
      [
        key('enterprise_id', 'integer'),
        key('employment_id', 'integer'),
        ref('worker_id'),
        date('start_date'),
        date('end_date', true),
        date('shadowed_until', true),
        ...SUMMARY_COLUMNS.map((c) => date(c, true)),
        ...YEAR_COLUMNS.map((c) => date(c, true)),
        int('title_year', undefined, true),
        varchar('title_status', 16, true),
        datetime('title_recognised_at'),
        datetime('title_revoked_at'),
      ],
      {
        indices: [
          index('ix_employment_reach_worker', ['worker_id', 'enterprise_id']),
          index('ix_employment_reach_employment', ['employment_id']),
        ],
        // Employments deleted by a cascade (a worker erased) fire no trigger on MySQL.
        foreignKeys: [fk('employment_id', 'employments', 'CASCADE')],
      },
    );
    await q.query(
      insertReach('1 = 1', [
        ...summaryValues('e.worker_id'),
        ...yearValues('e.worker_id'),
        ...titleValues('e.worker_id'),
      ]),
    );
    for (const { table, short, body } of TRIGGERS) {
      for (const [event, suffix, a, b] of EVENTS) {
        const statements = body(a, b)
          .map((s) => `${s};`)
          .join('\n  ');
        await q.query(
          `CREATE TRIGGER ${triggerName(short, suffix)} AFTER ${event} ON ${table} FOR EACH ROW\nBEGIN\n  ${statements}\nEND`,
        );
      }
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const { short } of TRIGGERS)
      for (const [, suffix] of EVENTS) await q.query(`DROP TRIGGER IF EXISTS ${triggerName(short, suffix)}`);
    await q.dropTable('employment_reach');
  }
}
