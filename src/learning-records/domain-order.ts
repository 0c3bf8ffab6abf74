import { ObjectLiteral, SelectQueryBuilder } from 'typeorm';

/*
 * The plan's order of the learning domains, for other domains' queries: the order lives in the
 * learning_domains table (seeds/reference/learning-domains.json), which this domain owns, so a list
 * of a course's or a material's domain codes is sorted here rather than by SQL naming that table.
 */

/** Orders rows by the place of their domain (the code in `codeColumn`) in the plan. */
export function orderByDomain<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  codeColumn: string,
): SelectQueryBuilder<T> {
  return query
    .innerJoin('learning_domains', 'domain_order', `domain_order.code = ${codeColumn}`)
    .addOrderBy('domain_order.sort_order', 'ASC');
}
