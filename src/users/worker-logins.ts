/**
 * Workers sign in with their CCCD, which only the workers domain keeps (as a keyed hash and
 * encrypted). Accounts sit below workers in the layers and cannot import it, so they ask through
 * this port, which the workers domain provides (workers/ports.module.ts).
 */
export interface WorkerLogins {
  /** The account of the worker whose CCCD has this keyed hash, if the worker has one. */
  userIdByCccdHash(cccdHash: string): Promise<number | null>;
  /** The encrypted CCCD of the worker this account signs in for, if it is a worker's. */
  cccdEncryptedOf(userId: number): Promise<string | null>;
}

export const WORKER_LOGINS = Symbol('WORKER_LOGINS');
