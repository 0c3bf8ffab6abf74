import { ObjectLiteral, SelectQueryBuilder } from 'typeorm';

/*
 * Conditions on accounts for other domains' queries, kept here with the users table they name (as
 * organisations keeps whereEnterpriseInScope): the workers domain decides whose an identity is by
 * whether its account was activated, in the same statement and transaction as the rest.
 */

/**
 * Rows whose account (`userColumn`) was ever activated, as auth's everActivated says: it has an
 * activation date, or (accounts made before that was kept, or seeded) is active or has a password.
 * A disabled account stays activated.
 */
export function whereAccountEverActivated<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  userColumn: string,
): SelectQueryBuilder<T> {
  return query.andWhere(
    `EXISTS (SELECT 1 FROM users acc WHERE acc.id = ${userColumn} AND (acc.activated_at IS NOT NULL OR acc.status = 'ACTIVE' OR acc.password_hash IS NOT NULL))`,
  );
}
