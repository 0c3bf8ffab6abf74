/**
 * What the CCCD access log needs to know of the people and places it names, from the domains that
 * own them: the workers' employments (to say under which grant an officer looked) and the names of
 * viewers' enterprises and accounts. Those domains sit above this shared service, so it asks
 * through this port, which the workers domain provides (workers/ports.module.ts).
 */
export interface PiiAccessDirectory {
  /** The enterprises each worker works or worked at, among the given ones. */
  employmentsAmong(workerIds: number[], enterpriseIds: number[]): Promise<Map<number, number[]>>;
  /** Names of some enterprises, by id. */
  enterpriseNames(ids: number[]): Promise<Map<number, string>>;
  /** User names and display names of some accounts, by id. */
  accounts(userIds: number[]): Promise<Map<number, { username: string; displayName: string }>>;
}

export const PII_ACCESS_DIRECTORY = Symbol('PII_ACCESS_DIRECTORY');
