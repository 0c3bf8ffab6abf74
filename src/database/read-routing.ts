import { AsyncLocalStorage } from 'node:async_hooks';
import { DataSource, QueryRunner, ReplicationMode } from 'typeorm';

/**
 * Which reads may go to a replica (DATABASE_REPLICA_URLS). A replica is behind the primary by its
 * lag, so by default every read goes to the primary, like the writes; a replica serves only the
 * reads of a context opened by `readFromReplica` — the web process opens one for a GET or HEAD
 * that does not follow a write of the same browser (see replicaReads in app.setup.ts). Inside it,
 * once anything has gone to the primary (an INSERT, an UPDATE, a transaction, a raw query), later
 * reads go to the primary too, so a request that writes reads what it wrote.
 *
 * The job process, the CLI and everything before that middleware (the signed-in account and its
 * roles, API tokens) always read the primary: a job reads the rows of the request that queued it
 * a moment ago, and a disabled account or a revoked token must stop working at once.
 */
interface ReplicaContext {
  wrote: boolean;
}

const contexts = new AsyncLocalStorage<ReplicaContext>();

/** Runs `fn` with its SELECTs on a replica until it sends anything to the primary. */
export function readFromReplica<T>(fn: () => T): T {
  return contexts.run({ wrote: false }, fn);
}

/**
 * Runs `fn` with every read on the primary, even inside a page view: for what must not be stale,
 * such as a per-process cache reloading after its version stamp changed (a stale reload would be
 * kept under the new stamp).
 */
export function readFromPrimary<T>(fn: () => T): T {
  return contexts.exit(fn);
}

/** The reads of the current context may go to a replica. */
export function replicaReadsAllowed(): boolean {
  const context = contexts.getStore();
  return context !== undefined && !context.wrote;
}

/**
 * TypeORM's DataSource with that rule. TypeORM itself sends every SELECT built by a query builder
 * or a repository's find* to a replica ("slave") and everything else to the primary ("master").
 */
export class RoutedDataSource extends DataSource {
  override defaultReplicationModeForReads(): ReplicationMode {
    return replicaReadsAllowed() ? 'slave' : 'master';
  }

  override createQueryRunner(mode: ReplicationMode = 'master'): QueryRunner {
    if (mode === 'master') {
      const context = contexts.getStore();
      if (context) context.wrote = true;
    }
    return super.createQueryRunner(mode);
  }
}
