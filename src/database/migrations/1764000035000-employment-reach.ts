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

/** The rows of one (enterprise, worker) pair (`row` is OLD or NEW), built again from the tables. */
const pairRows = (row: string) => {
  const pair = (alias: string) =>
    `${alias}enterprise_id = ${row}.enterprise_id AND ${alias}worker_id = ${row}.worker_id`;
  return [`DELETE FROM employment_reach WHERE ${pair('')}`, insertReach(pair('e.'), ALL_VALUES)];
};

/**
 * Every reach row of the employments: their dates, then `shadowed_until`, the latest end
 * (9999-12-31 when open) of an earlier employment of the same worker at the same enterprise — the
 * row counts only after it, so on any day at most one row stands for the pair however its
 * employments overlap —, then the copies of what the counting rules read about the worker.
 */
function insertReach(where: string, values: string[][]): string {
  return `INSERT INTO employment_reach (employment_id, enterprise_id, worker_id, start_date, end_date, shadowed_until, ${values.map(([c]) => c).join(', ')})
    SELECT e.id, e.enterprise_id, e.worker_id, e.start_date, e.end_date,
      (SELECT MAX(COALESCE(j.end_date, '9999-12-31')) FROM employments j
        WHERE j.enterprise_id = e.enterprise_id AND j.worker_id = e.worker_id
          AND (j.start_date < e.start_date OR (j.start_date = e.start_date AND j.id < e.id))),
      ${values.map(([, v]) => v).join(',\n      ')}
    FROM employments e WHERE ${where}`;
}
const ALL_VALUES = [
  ...summaryValues('e.worker_id'),
  ...yearValues('e.worker_id'),
  ...titleValues('e.worker_id'),
];

/** Sets some columns of a worker's rows again from the tables. */
const refresh = (values: (w: string) => string[][], worker: string) =>
  `UPDATE employment_reach SET ${set(values(THIS_ROW))} WHERE worker_id = ${worker}`;
/**
 * Trigger bodies per table and event, each statement on one (enterprise, worker) pair or one worker
 * so that it finds its rows by index, and reading other tables only when NEW cannot say. An update
 * that moves a row to another worker (two person records merged) rebuilds the old worker's rows.
 */
const TRIGGERS: { table: string; short: string; body: Record<'INSERT' | 'UPDATE' | 'DELETE', string[]> }[] = [
  {
    table: 'employments',
    short: 'emp',
    body: {
      INSERT: pairRows('NEW'),
      UPDATE: [...pairRows('OLD'), ...pairRows('NEW')],
      DELETE: pairRows('OLD'),
    },
  },
  // The summary's own values: a row per worker, so NEW is the whole truth (NULLs once deleted).
  {
    table: 'worker_learning_summary',
    short: 'sum',
    body: {
      INSERT: [
        `UPDATE employment_reach SET ${set(SUMMARY_COLUMNS.map((c) => [c, `NEW.${c}`]))} WHERE worker_id = NEW.worker_id`,
      ],
      UPDATE: [
        changedWorker(summaryValues),
        `UPDATE employment_reach SET ${set(SUMMARY_COLUMNS.map((c) => [c, `NEW.${c}`]))} WHERE worker_id = NEW.worker_id`,
      ],
      DELETE: [refresh(summaryValues, 'OLD.worker_id')],
    },
  },
  // A worker-year row moves its domain's latest-year date only when it is of that year or later:
  // set from NEW without reading, except when a date is taken away (rebuilds) or the row deleted.
  {
    table: 'worker_learning_years',
    short: 'yr',
    body: {
      INSERT: [yearFromNew('INSERT')],
      UPDATE: [changedWorker(yearValues), yearFromNew('UPDATE')],
      DELETE: [refresh(yearValues, 'OLD.worker_id')],
    },
  },
  // Likewise a title: (worker, year) is unique, so a title of the latest year or later is the one.
  {
    table: 'recognitions',
    short: 'rec',
    body: {
      INSERT: [titleFromNew('INSERT')],
      UPDATE: [
        `UPDATE employment_reach SET ${set(titleValues(THIS_ROW))} WHERE worker_id IN (OLD.worker_id, NEW.worker_id) AND (OLD.worker_id <> NEW.worker_id OR OLD.year <> NEW.year)`,
        titleFromNew('UPDATE'),
      ],
      DELETE: [refresh(titleValues, 'OLD.worker_id')],
    },
  },
];

/** Rebuilds the old worker's rows when an update moved a row to another worker. */
function changedWorker(values: (w: string) => string[][]): string {
  return `UPDATE employment_reach SET ${set(values(THIS_ROW))} WHERE worker_id = OLD.worker_id AND OLD.worker_id <> NEW.worker_id`;
}

function yearFromNew(event: 'INSERT' | 'UPDATE'): string {
  const values = DOMAINS.map((d, i) => {
    const column = YEAR_COLUMNS[i];
    const first = `first_${d}_on`;
    const [, lookup] = yearValues(THIS_ROW)[i];
    // Nothing of the domain in NEW: unchanged, unless the update took away a date it had.
    const none =
      event === 'UPDATE' ? `CASE WHEN OLD.${first} IS NULL THEN ${column} ELSE ${lookup} END` : column;
    return [
      column,
      `CASE WHEN NEW.${first} IS NULL THEN ${none} WHEN ${column} IS NULL OR SUBSTR(${column}, 1, 4) + 0 <= NEW.year THEN NEW.${first} ELSE ${column} END`,
    ];
  });
  return `UPDATE employment_reach SET ${set(values)} WHERE worker_id = NEW.worker_id`;
}

function titleFromNew(event: 'INSERT' | 'UPDATE'): string {
  // title_year last: MySQL gives later assignments the values set before them, SQLite the old ones.
  const wins =
    event === 'INSERT'
      ? 'title_year IS NULL OR title_year <= NEW.year'
      : 'title_year = NEW.year AND OLD.worker_id = NEW.worker_id AND OLD.year = NEW.year';
  const values = [
    ['title_status', 'status'],
    ['title_recognised_at', 'recognised_at'],
    ['title_revoked_at', 'revoked_at'],
    ['title_year', 'year'],
  ].map(([c, source]) => [c, `CASE WHEN ${wins} THEN NEW.${source} ELSE ${c} END`]);
  return `UPDATE employment_reach SET ${set(values)} WHERE worker_id = NEW.worker_id`;
}

const EVENTS = [
  ['INSERT', 'ins'],
  ['UPDATE', 'upd'],
  ['DELETE', 'del'],
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
    try {
      await q.query(insertReach('1 = 1', ALL_VALUES));
      for (const { table, short, body } of TRIGGERS) {
        for (const [event, suffix] of EVENTS) {
          const statements = body[event].map((s) => `${s};`).join('\n  ');
          await createTrigger(
            q,
            `CREATE TRIGGER ${triggerName(short, suffix)} AFTER ${event} ON ${table} FOR EACH ROW\nBEGIN\n  ${statements}\nEND`,
          );
        }
      }
    } catch (error) {
      // MySQL commits each CREATE at once: take the table and any trigger made away, so that the
      // migration can simply run again once the cause is fixed.
      await this.down(q);
      throw error;
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const { short } of TRIGGERS)
      for (const [, suffix] of EVENTS) await q.query(`DROP TRIGGER IF EXISTS ${triggerName(short, suffix)}`);
    await q.dropTable('employment_reach');
  }
}

/**
 * MySQL and MariaDB with the binary log on (MySQL 8's default) let only SUPER create a trigger
 * unless log_bin_trust_function_creators is on: say so instead of the server's bare error 1419.
 */
async function createTrigger(q: QueryRunner, sql: string): Promise<void> {
  try {
    await q.query(sql);
  } catch (error) {
    if ((error as { errno?: number }).errno !== 1419) throw error;
    throw new Error(
      'The database refused to create a trigger because binary logging is on. Set ' +
        'log_bin_trust_function_creators = 1 on the server (docker/compose.yml does; README, ' +
        '"Production deployment"), or run the migration as a user with SUPER, then run it again.',
    );
  }
}
