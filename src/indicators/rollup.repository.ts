import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { UnitOfWork } from '../database/unit-of-work';
import { DomainCode, FIRST_ON_COLUMN, LATEST_ON_COLUMN } from '../learning-records/learning-domains';
import { endOfDayUtc } from './counting-rules';
import { CountingWindow } from './entities/plan.entity';
import { UnitMappingFact } from './unit-resolver';
import { dateOnly } from '../database/dialect';
import { todayInVietnam } from '../common/time/vietnam-time';

/**
 * The roll-up's read model: the one place where indicators read other domains' tables, and every
 * column it reads, by table and owner. Today's roll-up reads its own employment_reach, which the
 * database keeps from the others' tables (migration 1764000035000); the others are read directly for
 * a date of an earlier year and for the few rows a past date sends to a sub-query. A schema test
 * (test/e2e/read-models.test.ts) fails when one of them is renamed or dropped, and when a statement
 * here names a table not listed.
 */
export const ROLLUP_READS: Record<string, { owner: string; columns: string[] }> = {
  employment_reach: {
    owner: 'indicators',
    columns: [
      'enterprise_id',
      'worker_id',
      'start_date',
      'end_date',
      'shadowed_until',
      ...Object.values(FIRST_ON_COLUMN),
      ...Object.values(LATEST_ON_COLUMN),
      ...Object.values(FIRST_ON_COLUMN).map((c) => `latest_year_${c}`),
      'title_year',
      'title_status',
      'title_recognised_at',
      'title_revoked_at',
    ],
  },
  enterprises: { owner: 'organisations', columns: ['id', 'unit_id'] },
  admin_unit_mappings: { owner: 'organisations', columns: ['from_unit_id', 'to_unit_id', 'effective_date'] },
  enterprise_headcounts: { owner: 'organisations', columns: ['enterprise_id', 'headcount', 'year'] },
  employments: { owner: 'workers', columns: ['worker_id', 'enterprise_id', 'start_date', 'end_date'] },
  worker_learning_summary: {
    owner: 'learning-records',
    columns: ['worker_id', ...Object.values(FIRST_ON_COLUMN), ...Object.values(LATEST_ON_COLUMN)],
  },
  worker_learning_years: {
    owner: 'learning-records',
    columns: ['worker_id', 'year', ...Object.values(FIRST_ON_COLUMN)],
  },
  recognitions: {
    owner: 'citizenship',
    columns: ['worker_id', 'year', 'status', 'recognised_at', 'revoked_at'],
  },
};

/** What the enterprise-level query needs: the date, the plan's start and each domain's window. */
export interface EnterpriseQuery {
  asOf: string;
  planStart: string;
  windows: Record<DomainCode, CountingWindow>;
  /** Only these enterprises; null for every enterprise (a plan covering the whole database). */
  enterpriseIds: number[] | null;
}

/** Population and the five numerators of one enterprise on the date. */
export interface EnterpriseCounts {
  enterpriseId: number;
  population: number;
  law: number;
  vocational: number;
  lifeSkills: number;
  digital: number;
  learningCitizen: number;
}

const DOMAIN_ALIAS: Record<DomainCode, keyof EnterpriseCounts> = {
  [DomainCode.Law]: 'law',
  [DomainCode.Vocational]: 'vocational',
  [DomainCode.LifeSkills]: 'lifeSkills',
  [DomainCode.Digital]: 'digital',
};

/**
 * The roll-up's reads. The enterprise level is, for a date of the current year, one scan of
 * employment_reach grouped by enterprise (enterpriseReachSql); for a date of an earlier year, the
 * join it replaced, which also stays the rule the scan is checked against: two set-based
 * statements read in one transaction (one consistent view of the data) — one pass over the
 * employments active on D, each joined 1:1 to its worker's summary row and (when a window needs it)
 * the worker-year row of D's year, summed per enterprise — never a COUNT(DISTINCT) over records
 * (DESIGN.md §3); and the titles of D's year, from the recognitions of that year to their holders'
 * employments. Plain SQL that runs on SQLite and MySQL/MariaDB.
 */
@Injectable()
export class RollupRepository {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  /** Every enterprise with the unit it is registered in (a few thousand rows, not workers). */
  async enterprises(): Promise<{ id: number; unitId: number }[]> {
    const rows: { id: number | string; unit_id: number | string }[] = await this.dataSource.query(
      'SELECT id, unit_id FROM enterprises ORDER BY id',
    );
    return rows.map((r) => ({ id: Number(r.id), unitId: Number(r.unit_id) }));
  }

  /** Every mapping of the administrative tree (a reform's worth of rows). */
  async mappings(): Promise<UnitMappingFact[]> {
    const rows: { from_unit_id: number | string; to_unit_id: number | string; effective_date: unknown }[] =
      await this.dataSource.query('SELECT from_unit_id, to_unit_id, effective_date FROM admin_unit_mappings');
    return rows.map((r) => ({
      fromUnitId: Number(r.from_unit_id),
      toUnitId: Number(r.to_unit_id),
      effectiveDate: dateOnly(r.effective_date) ?? '',
    }));
  }

  /** Declared headcount per enterprise for a year. */
  async headcounts(year: number): Promise<Map<number, number>> {
    const rows: { enterprise_id: number | string; headcount: number | string }[] =
      await this.dataSource.query(
        'SELECT enterprise_id, headcount FROM enterprise_headcounts WHERE year = ?',
        [year],
      );
    return new Map(rows.map((r) => [Number(r.enterprise_id), Number(r.headcount)]));
  }

  /**
   * Population and the five numerators per enterprise on the date. For a date in the current year
   * (today's roll-up, and every snapshot of this year): one scan of employment_reach grouped by
   * enterprise. For an earlier year, most workers have learned since, and the reach rows would send
   * each of them to a sub-query: the join is as fast there, and both give the same figures.
   */
  enterpriseCounts(
    query: EnterpriseQuery,
    currentYear = Number(todayInVietnam().slice(0, 4)),
  ): Promise<EnterpriseCounts[]> {
    return Number(query.asOf.slice(0, 4)) >= currentYear
      ? this.enterpriseCountsByReach(query)
      : this.enterpriseCountsByJoin(query);
  }

  /** The figures from one scan of employment_reach grouped by enterprise (enterpriseReachSql). */
  async enterpriseCountsByReach(query: EnterpriseQuery): Promise<EnterpriseCounts[]> {
    const [sql, params] = enterpriseReachSql(query);
    const rows: Record<string, number | string | null>[] = await this.dataSource.query(sql, params);
    return rows.map((r) => ({
      enterpriseId: Number(r.enterprise_id),
      population: Number(r.population ?? 0),
      law: Number(r.law ?? 0),
      vocational: Number(r.vocational ?? 0),
      lifeSkills: Number(r.lifeSkills ?? 0),
      digital: Number(r.digital ?? 0),
      learningCitizen: Number(r.learningCitizen ?? 0),
    }));
  }

  /**
   * The same figures from the join the reach rows replaced (enterpriseCountsSql and
   * enterpriseTitlesSql, read in one transaction): the rule the reach read is checked against.
   */
  async enterpriseCountsByJoin(query: EnterpriseQuery): Promise<EnterpriseCounts[]> {
    const [learned, titles] = await this.unitOfWork.run(async (manager) => {
      const [learningSql, learningParams] = enterpriseCountsSql(query);
      const [titlesSql, titlesParams] = enterpriseTitlesSql(query);
      const learning: Record<string, number | string | null>[] = await manager.query(
        learningSql,
        learningParams,
      );
      const held: { enterprise_id: number | string; holders: number | string }[] = await manager.query(
        titlesSql,
        titlesParams,
      );
      return [learning, held] as const;
    });
    const holders = new Map(titles.map((t) => [Number(t.enterprise_id), Number(t.holders)]));
    return learned.map((r) => ({
      enterpriseId: Number(r.enterprise_id),
      population: Number(r.population ?? 0),
      law: Number(r.law ?? 0),
      vocational: Number(r.vocational ?? 0),
      lifeSkills: Number(r.lifeSkills ?? 0),
      digital: Number(r.digital ?? 0),
      learningCitizen: holders.get(Number(r.enterprise_id)) ?? 0,
    }));
  }
}

/** The employment filter both statements share: active on D and, when named, in these enterprises. */
function employedOn(query: EnterpriseQuery, p: (value: unknown) => string): string[] {
  const where = [
    `emp.start_date <= ${p(query.asOf)}`,
    `(emp.end_date IS NULL OR emp.end_date >= ${p(query.asOf)})`,
  ];
  const named = enterpriseFilter('emp.enterprise_id', query.enterpriseIds);
  if (named) where.push(named);
  return where;
}

/**
 * The workers employed on D, once per (enterprise, worker), as the derived table `emp`: a worker
 * with two overlapping employments at one enterprise (a corrected start date kept beside the old
 * one, before issue 9) is one person of its population, not two.
 */
function employedWorkers(query: EnterpriseQuery, p: (value: unknown) => string): string {
  return `(SELECT DISTINCT emp.enterprise_id, emp.worker_id FROM employments emp WHERE ${employedOn(query, p).join(' AND ')}) emp`;
}

function parameters(): [unknown[], (value: unknown) => string] {
  const params: unknown[] = [];
  return [
    params,
    (value: unknown) => {
      params.push(value);
      return '?';
    },
  ];
}

/**
 * Title holders per enterprise on D: recognitions of D's year made by the end of D and not revoked
 * by then, joined to the holders' employments active on D. A worker employed by two enterprises
 * on D counts in both, as in the population (rollup.repository.spec.ts, "title holders").
 */
export function enterpriseTitlesSql(query: EnterpriseQuery): [string, unknown[]] {
  const [params, p] = parameters();
  const dayEnd = endOfDayUtc(query.asOf);
  const employed = employedWorkers(query, p);
  const where = [
    `r.year = ${p(Number(query.asOf.slice(0, 4)))}`,
    `r.recognised_at < ${p(dayEnd)}`,
    `(r.status = 'VALID' OR r.revoked_at >= ${p(dayEnd)})`,
  ];
  const sql = [
    'SELECT emp.enterprise_id AS enterprise_id, COUNT(*) AS holders',
    'FROM recognitions r',
    `JOIN ${employed} ON emp.worker_id = r.worker_id`,
    `WHERE ${where.join(' AND ')}`,
    'GROUP BY emp.enterprise_id',
  ].join('\n');
  return [sql, params];
}

/**
 * The statement and its positional parameters. Reached per domain means a record inside the
 * domain's counting window (checked against that plain rule in rollup.repository.spec.ts); the
 * year rows answer most workers, and CASE stops at the first true branch, so the correlated
 * EXISTS (a worker who learned before the plan started and again after D) only runs for the few
 * rows that need it.
 * Enterprise ids are integers from the database, written into the statement as literals.
 */
export function enterpriseCountsSql(query: EnterpriseQuery): [string, unknown[]] {
  const year = Number(query.asOf.slice(0, 4));
  const startYear = Number(query.planStart.slice(0, 4));
  const [params, p] = parameters();
  const needsYearRow = Object.values(query.windows).includes(CountingWindow.CalendarYear);
  const reached = (domain: DomainCode) => {
    const column = FIRST_ON_COLUMN[domain];
    const latest = LATEST_ON_COLUMN[domain];
    if (query.windows[domain] === CountingWindow.CalendarYear) {
      return `CASE WHEN y.${column} <= ${p(query.asOf)} THEN 1 ELSE 0 END`;
    }
    return [
      `CASE WHEN s.${column} IS NULL OR s.${column} > ${p(query.asOf)} THEN 0`,
      `WHEN s.${column} >= ${p(query.planStart)} THEN 1`,
      `WHEN s.${latest} < ${p(query.planStart)} THEN 0`,
      `WHEN s.${latest} <= ${p(query.asOf)} THEN 1`,
      ...(needsYearRow ? [`WHEN y.${column} <= ${p(query.asOf)} THEN 1`] : []),
      `WHEN EXISTS (SELECT 1 FROM worker_learning_years py WHERE py.worker_id = emp.worker_id`,
      `AND py.year >= ${p(startYear)} AND py.year <= ${p(year)} AND py.${column} <= ${p(query.asOf)}) THEN 1`,
      'ELSE 0 END',
    ].join(' ');
  };
  const sums = (Object.keys(DOMAIN_ALIAS) as DomainCode[])
    .map((domain) => `SUM(${reached(domain)}) AS ${DOMAIN_ALIAS[domain]}`)
    .join(',\n  ');
  const employed = employedWorkers(query, p);
  const joins = [
    'LEFT JOIN worker_learning_summary s ON s.worker_id = emp.worker_id',
    ...(needsYearRow
      ? [`LEFT JOIN worker_learning_years y ON y.worker_id = emp.worker_id AND y.year = ${p(year)}`]
      : []),
  ];
  const sql = [
    'SELECT emp.enterprise_id AS enterprise_id, COUNT(*) AS population,',
    `  ${sums}`,
    `FROM ${employed}`,
    ...joins,
    'GROUP BY emp.enterprise_id',
  ].join('\n');
  return [sql, params];
}

/** `column IN (…)` for the enterprises named, or null for every enterprise. */
function enterpriseFilter(column: string, ids: number[] | null): string | null {
  if (!ids) return null;
  const literals = ids.map((id) => {
    if (!Number.isSafeInteger(id)) throw new Error(`Not an enterprise id: ${id}`);
    return String(id);
  });
  return literals.length > 0 ? `${column} IN (${literals.join(', ')})` : '1 = 0';
}

/**
 * The roll-up's statement: one scan of employment_reach (indicators-owned, kept by database
 * triggers from employments, the learning summaries and the titles — migration 1764000035000),
 * grouped by enterprise. A row counts on D while its employment runs and after any earlier
 * employment of the same worker at that enterprise ended (`shadowed_until`), so a pair is counted
 * once however its employments overlap. The rules are those of enterpriseCountsSql and
 * enterpriseTitlesSql, decided from the row's copies:
 *
 * - the summary's first and latest date answer "reached in the plan's window" for nearly everyone;
 * - the worker-year row of D's year is the row's `latest_year_first_*` when the worker's latest
 *   record in the domain lies in D's year (always so on today's date); no record in or after D's
 *   year means none in it;
 * - the title of D's year is the row's title when the worker's latest title is of D's year.
 *
 * Only for a date in the past, for a worker with data after it, is the worker-year row or the title
 * looked up (a correlated sub-query in the last CASE branch, run for those rows alone): the figures
 * of every date stay those of the join, which rollup-reach.spec.ts checks on random data.
 */
export function enterpriseReachSql(query: EnterpriseQuery): [string, unknown[]] {
  const year = Number(query.asOf.slice(0, 4));
  const startYear = Number(query.planStart.slice(0, 4));
  const yearStart = `${year}-01-01`;
  const yearEnd = `${year}-12-31`;
  const dayEnd = endOfDayUtc(query.asOf);
  const [params, p] = parameters();
  const needsYearRow = Object.values(query.windows).includes(CountingWindow.CalendarYear);
  /** The first date in D's year in the domain is on or before D (the join's `y.first <= D`). */
  const yearFirstByD = (domain: DomainCode) => {
    const column = FIRST_ON_COLUMN[domain];
    const latest = LATEST_ON_COLUMN[domain];
    return [
      `CASE WHEN r.${latest} <= ${p(yearEnd)} THEN CASE WHEN r.latest_year_${column} <= ${p(query.asOf)} THEN 1 ELSE 0 END`,
      `WHEN EXISTS (SELECT 1 FROM worker_learning_years y WHERE y.worker_id = r.worker_id`,
      `AND y.year = ${p(year)} AND y.${column} <= ${p(query.asOf)}) THEN 1 ELSE 0 END`,
    ].join(' ');
  };
  const reached = (domain: DomainCode) => {
    const column = FIRST_ON_COLUMN[domain];
    const latest = LATEST_ON_COLUMN[domain];
    if (query.windows[domain] === CountingWindow.CalendarYear) {
      return [
        `CASE WHEN r.${latest} IS NULL OR r.${latest} < ${p(yearStart)} THEN 0`,
        `ELSE ${yearFirstByD(domain)} END`,
      ].join(' ');
    }
    return [
      `CASE WHEN r.${column} IS NULL OR r.${column} > ${p(query.asOf)} THEN 0`,
      `WHEN r.${column} >= ${p(query.planStart)} THEN 1`,
      `WHEN r.${latest} < ${p(query.planStart)} THEN 0`,
      `WHEN r.${latest} <= ${p(query.asOf)} THEN 1`,
      ...(needsYearRow ? [`WHEN (${yearFirstByD(domain)}) = 1 THEN 1`] : []),
      `WHEN EXISTS (SELECT 1 FROM worker_learning_years py WHERE py.worker_id = r.worker_id`,
      `AND py.year >= ${p(startYear)} AND py.year <= ${p(year)} AND py.${column} <= ${p(query.asOf)}) THEN 1`,
      'ELSE 0 END',
    ].join(' ');
  };
  const sums = (Object.keys(DOMAIN_ALIAS) as DomainCode[])
    .map((domain) => `SUM(${reached(domain)}) AS ${DOMAIN_ALIAS[domain]}`)
    .join(',\n  ');
  const held = [
    `CASE WHEN r.title_year IS NULL OR r.title_year < ${p(year)} THEN 0`,
    `WHEN r.title_year = ${p(year)} THEN CASE WHEN r.title_recognised_at < ${p(dayEnd)}`,
    `AND (r.title_status = 'VALID' OR r.title_revoked_at >= ${p(dayEnd)}) THEN 1 ELSE 0 END`,
    `ELSE (SELECT COUNT(*) FROM recognitions t WHERE t.worker_id = r.worker_id AND t.year = ${p(year)}`,
    `AND t.recognised_at < ${p(dayEnd)} AND (t.status = 'VALID' OR t.revoked_at >= ${p(dayEnd)})) END`,
  ].join(' ');
  const where = [
    `r.start_date <= ${p(query.asOf)}`,
    `(r.end_date IS NULL OR r.end_date >= ${p(query.asOf)})`,
    `(r.shadowed_until IS NULL OR r.shadowed_until < ${p(query.asOf)})`,
    enterpriseFilter('r.enterprise_id', query.enterpriseIds),
  ].filter((w): w is string => w !== null);
  const sql = [
    'SELECT r.enterprise_id AS enterprise_id, COUNT(*) AS population,',
    `  ${sums},`,
    `  SUM(${held}) AS learningCitizen`,
    'FROM employment_reach r',
    `WHERE ${where.join(' AND ')}`,
    'GROUP BY r.enterprise_id',
  ].join('\n');
  return [sql, params];
}
