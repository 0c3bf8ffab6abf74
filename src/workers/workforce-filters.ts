import { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { likeContains } from '../common/text/vietnamese';
import { EnterpriseScope, whereEnterpriseInScope } from '../organisations/enterprise-scope';

/*
 * Conditions on workers and employments for other domains' queries, kept here with the tables they
 * name (as organisations keeps whereEnterpriseInScope): a domain that lists rows about workers
 * (learning records, results) narrows them without writing the workers domain's SQL itself.
 */

/**
 * Learning records (alias `r`: worker_id, occurred_on, enterprise_id) that an enterprise in scope
 * may see in detail: the worker has or had an employment there, the record was made during it, and
 * it is not credited to another enterprise (docs/security.md, "What an officer sees of a worker").
 */
export function whereLearnedWhileEmployedInScope<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  scope: EnterpriseScope,
): SelectQueryBuilder<T> {
  if (scope.all) return query;
  const employed = query.connection.createQueryBuilder().select('emp.worker_id').from('employments', 'emp');
  whereEnterpriseInScope(employed, 'emp.enterprise_id', scope);
  const during = query.connection
    .createQueryBuilder()
    .select('1')
    .from('employments', 'dur')
    .where('dur.worker_id = r.worker_id')
    .andWhere('r.occurred_on >= dur.start_date')
    .andWhere('(dur.end_date IS NULL OR r.occurred_on <= dur.end_date)')
    .andWhere('(r.enterprise_id IS NULL OR r.enterprise_id = dur.enterprise_id)');
  whereEnterpriseInScope(during, 'dur.enterprise_id', scope);
  // The IN drives the query from the enterprise's employments; EXISTS then checks each record's date.
  return query
    .andWhere(`r.worker_id IN (${employed.getQuery()})`, employed.getParameters())
    .andWhere(`EXISTS (${during.getQuery()})`, during.getParameters());
}

/**
 * Joins each learning record (alias `r`) to the employment (alias `emp`) it was made during, at an
 * enterprise in scope, and not credited to another enterprise: whom a record counts for when a
 * campaign's participation is summed per enterprise.
 */
export function joinEmploymentDuringInScope<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  scope: EnterpriseScope,
): SelectQueryBuilder<T> {
  query.innerJoin(
    'employments',
    'emp',
    'emp.worker_id = r.worker_id AND r.occurred_on >= emp.start_date' +
      ' AND (emp.end_date IS NULL OR r.occurred_on <= emp.end_date)' +
      ' AND (r.enterprise_id IS NULL OR r.enterprise_id = emp.enterprise_id)',
  );
  return whereEnterpriseInScope(query, 'emp.enterprise_id', scope);
}

/** Rows whose worker's name contains a folded fragment (accent-insensitive). */
export function whereWorkerNameContains<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  workerColumn: string,
  nameKey: string,
): SelectQueryBuilder<T> {
  return query.andWhere(workerNameContains(workerColumn), { nameKey: likeContains(nameKey) });
}

/**
 * The condition "the row's worker's name contains :nameKey", for a caller that combines it with
 * its own (e.g. in an OR); bind nameKey to likeContains of a folded fragment.
 */
export function workerNameContains(workerColumn: string): string {
  return `${workerColumn} IN (SELECT nw.id FROM workers nw WHERE nw.search_key LIKE :nameKey ESCAPE '!')`;
}

/** Adds the worker's name (as `workerName`) to a query of rows with a worker column. */
export function selectWorkerName<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  workerColumn: string,
): SelectQueryBuilder<T> {
  return query.innerJoin('workers', 'w', `w.id = ${workerColumn}`).addSelect('w.full_name', 'workerName');
}

/**
 * Adds what identifies a row's worker, as `worker_cccd_hash`, `worker_cccd_encrypted` (to show it
 * masked), `worker_date_of_birth` and `worker_full_name`: what a reported result is matched on.
 */
export function selectWorkerIdentity<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  workerColumn: string,
): SelectQueryBuilder<T> {
  return query
    .innerJoin('workers', 'wid', `wid.id = ${workerColumn}`)
    .addSelect([
      'wid.cccd_hash AS worker_cccd_hash',
      'wid.date_of_birth AS worker_date_of_birth',
      'wid.full_name AS worker_full_name',
      'wid.cccd_encrypted AS worker_cccd_encrypted',
    ]);
}

/**
 * Employments (alias `e`: enterprise_id, start_date) of one worker in force on a day, earliest
 * started first, for a caller to join to its own tables (an institution's partner enterprises).
 */
export function employmentsOn(
  query: SelectQueryBuilder<ObjectLiteral>,
  workerId: number,
  day: string,
): SelectQueryBuilder<ObjectLiteral> {
  return query
    .from('employments', 'e')
    .where('e.worker_id = :workerId', { workerId })
    .andWhere('e.start_date <= :day AND (e.end_date IS NULL OR e.end_date >= :day)', { day })
    .orderBy('e.start_date', 'ASC');
}

/**
 * The SQL expression "the enterprise the row's worker works at on :day" (the employment started
 * last, when there are several; NULL when none), for counts grouped by enterprise. Bind `day`.
 */
export function currentEnterpriseOf(workerColumn: string): string {
  return (
    `(SELECT ce.enterprise_id FROM employments ce WHERE ce.worker_id = ${workerColumn}` +
    ' AND ce.start_date <= :day AND (ce.end_date IS NULL OR ce.end_date >= :day)' +
    ' ORDER BY ce.start_date DESC, ce.id DESC LIMIT 1)'
  );
}
