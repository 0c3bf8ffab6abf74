import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DomainCode, FIRST_ON_COLUMN, LATEST_ON_COLUMN } from '../learning-records/learning-domains';
import { endOfDayUtc } from './counting-rules';
import { CountingWindow } from './entities/plan.entity';
import { UnitMappingFact } from './unit-resolver';
import { dateOnly } from '../organisations/organisations.query';

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
 * The roll-up's reads. The enterprise level is one set-based statement: one pass over the
 * employments active on D, each joined 1:1 to its worker's summary row, (when a window needs it)
 * the worker-year row of D's year and the recognition of D's year, summed per enterprise — never
 * a COUNT(DISTINCT) over records (DESIGN.md §3). Plain SQL that runs on SQLite and MySQL/MariaDB.
 */
@Injectable()
export class RollupRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

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

  /** When the latest roster import completed (the trigger of a refresh after bulk imports). */
  async latestRosterImport(): Promise<Date | null> {
    const [row]: { at: unknown }[] = await this.dataSource.query(
      "SELECT MAX(updated_at) AS at FROM roster_imports WHERE status = 'COMPLETED'",
    );
    if (!row?.at) return null;
    const at = row.at instanceof Date ? row.at : new Date(`${String(row.at).replace(' ', 'T')}Z`);
    return Number.isNaN(at.getTime()) ? null : at;
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

  async enterpriseCounts(query: EnterpriseQuery): Promise<EnterpriseCounts[]> {
    const [sql, params] = enterpriseCountsSql(query);
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
}

/**
 * The statement and its positional parameters. Reached per domain follows `isReached`
 * (counting-rules.ts) branch by branch; CASE stops at the first true branch, so the correlated
 * EXISTS (a worker who learned before the plan started and again after D) only runs for the few
 * rows that need it.
 * Enterprise ids are integers from the database, written into the statement as literals.
 */
export function enterpriseCountsSql(query: EnterpriseQuery): [string, unknown[]] {
  const year = Number(query.asOf.slice(0, 4));
  const startYear = Number(query.planStart.slice(0, 4));
  const params: unknown[] = [];
  const p = (value: unknown) => {
    params.push(value);
    return '?';
  };
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
  const dayEnd = endOfDayUtc(query.asOf);
  const joins = [
    'LEFT JOIN worker_learning_summary s ON s.worker_id = emp.worker_id',
    ...(needsYearRow
      ? [`LEFT JOIN worker_learning_years y ON y.worker_id = emp.worker_id AND y.year = ${p(year)}`]
      : []),
    `LEFT JOIN recognitions r ON r.worker_id = emp.worker_id AND r.year = ${p(year)}`,
    `AND r.recognised_at < ${p(dayEnd)} AND (r.status = 'VALID' OR r.revoked_at >= ${p(dayEnd)})`,
  ];
  const where = [
    `emp.start_date <= ${p(query.asOf)}`,
    `(emp.end_date IS NULL OR emp.end_date >= ${p(query.asOf)})`,
  ];
  if (query.enterpriseIds) {
    const ids = query.enterpriseIds.map((id) => {
      if (!Number.isSafeInteger(id)) throw new Error(`Not an enterprise id: ${id}`);
      return String(id);
    });
    where.push(ids.length > 0 ? `emp.enterprise_id IN (${ids.join(', ')})` : '1 = 0');
  }
  const sql = [
    'SELECT emp.enterprise_id AS enterprise_id, COUNT(*) AS population,',
    `  ${sums},`,
    '  SUM(CASE WHEN r.id IS NULL THEN 0 ELSE 1 END) AS learningCitizen',
    'FROM employments emp',
    ...joins,
    `WHERE ${where.join(' AND ')}`,
    'GROUP BY emp.enterprise_id',
  ].join('\n');
  return [sql, params];
}
