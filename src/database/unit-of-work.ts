import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { isSqlite } from './dialect';

const RETRYABLE_MYSQL_ERRORS = new Set(['ER_LOCK_DEADLOCK', 'ER_LOCK_WAIT_TIMEOUT']);

/**
 * A unit of work's transaction as services see it: something they receive from UnitOfWork.run and
 * hand to repositories (and other domains' services), never something they query with. Services
 * do not import typeorm (eslint.config.mjs); only repositories know what is underneath.
 */
export type Transaction = EntityManager;

/**
 * Thrown inside a unit of work when a concurrent transaction won a race (e.g. inserted the same
 * unique row first): the whole unit is run again, and its reads then see the winner's rows.
 */
export class TransactionConflict extends Error {}

/**
 * Runs a piece of work in one transaction. On MySQL a deadlock is retried (the work must be
 * idempotent inside, which transactions make it). SQLite has one connection, so transactions
 * are queued one after another instead of being nested into each other by accident.
 */
@Injectable()
export class UnitOfWork {
  private sqliteQueue: Promise<unknown> = Promise.resolve();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  run<T>(work: (tx: Transaction) => Promise<T>): Promise<T> {
    if (isSqlite(this.dataSource)) {
      const next = this.sqliteQueue.then(() => this.dataSource.transaction(work));
      this.sqliteQueue = next.catch(() => undefined);
      return next;
    }
    return this.withRetry(() => this.dataSource.transaction(work));
  }

  private async withRetry<T>(attempt: () => Promise<T>, retries = 3): Promise<T> {
    for (let i = 0; ; i++) {
      try {
        return await attempt();
      } catch (error) {
        const code = (error as { code?: string }).code;
        const retryable =
          error instanceof TransactionConflict || (!!code && RETRYABLE_MYSQL_ERRORS.has(code));
        if (i >= retries || !retryable) throw error;
        await new Promise((resolve) => setTimeout(resolve, 20 * 2 ** i + Math.random() * 20));
      }
    }
  }
}

/** True when an insert failed on a unique key, on either database. */
export function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; driverError?: { code?: string } };
  const code = e.driverError?.code ?? e.code;
  return (
    code === 'ER_DUP_ENTRY' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY'
  );
}
