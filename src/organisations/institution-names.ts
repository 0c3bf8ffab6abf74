import { ObjectLiteral, SelectQueryBuilder } from 'typeorm';

/*
 * Training institutions' names for other domains' queries, kept here with the table they name (as
 * whereEnterpriseInScope is): a domain listing rows that carry an institution id shows its name
 * without writing the organisations domain's SQL itself.
 */

/** Adds the institution's name (as `alias`) to a query of rows with an institution column. */
export function selectInstitutionName<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  institutionColumn: string,
  alias: string,
): SelectQueryBuilder<T> {
  return query
    .innerJoin('training_institutions', 'inst', `inst.id = ${institutionColumn}`)
    .addSelect('inst.name', alias);
}
