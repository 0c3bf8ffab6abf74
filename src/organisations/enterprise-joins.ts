import { ObjectLiteral, SelectQueryBuilder } from 'typeorm';

/*
 * Joins to enterprises and their administrative units for other domains' queries, kept here with
 * the tables they name (as whereEnterpriseInScope is): a domain that lists or counts its own rows
 * by enterprise and unit (the citizenship review queue and funnel) names neither table itself.
 */

/** Left-joins the enterprise in `enterpriseColumn` as `alias` (columns: id, name, unit_id). */
export function leftJoinEnterprise<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  enterpriseColumn: string,
  alias: string,
): SelectQueryBuilder<T> {
  return query.leftJoin('enterprises', alias, `${alias}.id = ${enterpriseColumn}`);
}

/** Left-joins the administrative unit of an enterprise joined as `enterpriseAlias`, as `alias` (columns: id, name). */
export function leftJoinUnitOfEnterprise<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  enterpriseAlias: string,
  alias: string,
): SelectQueryBuilder<T> {
  return query.leftJoin('admin_units', alias, `${alias}.id = ${enterpriseAlias}.unit_id`);
}
