import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { appConfig, AppConfig } from '../config';
import { LoginFailuresRepository } from './login-failures.repository';
import { clientAddressKey } from './sign-in-identifier';

export interface ThrottleKeys {
  account: string;
  address: string;
}

/** How often each process deletes the counts whose window and lock are over. */
export const PURGE_EVERY_MS = 5 * 60_000;
/** Rows deleted per statement, and statements per round: a round never holds the table long. */
const PURGE_BATCH = 1000;
const PURGE_BATCHES = 20;

/**
 * Counts failed sign-ins per account and per address in the database, so every web process sees
 * the same counts. Past the limit the key is locked for LOGIN_LOCK_MINUTES, whether or not the
 * account exists.
 *
 * Check and count are one step: an attempt first reserves a place under the limit on both keys
 * (an atomic conditional increment), and only then is the password checked. With a limit of N at
 * most N wrong passwords are ever checked within a window, however many arrive at once; the rest
 * are refused before the check. A failure keeps its place; a success clears the account's count
 * (places others hold stay counted) and gives its place on the address back.
 */
@Injectable()
export class LoginThrottleService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('LoginThrottle');
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly failures: LoginFailuresRepository,
    @Inject(appConfig.KEY) private readonly config: AppConfig,
  ) {}

  /** How long a lock lasts, for the message that tells the person when to try again. */
  get lockMinutes(): number {
    return this.config.throttle.lockMinutes;
  }

  private get windowMs(): number {
    return this.config.throttle.lockMinutes * 60_000;
  }

  /** The account's key (AuthService) with the client address's (clientAddressKey). */
  keysFor(accountKey: string, address: string): ThrottleKeys {
    return { account: accountKey, address: clientAddressKey(address) };
  }

  /** Reserves one attempt on both keys; false (and nothing held) when either is locked or full. */
  async reserve(keys: ThrottleKeys): Promise<boolean> {
    const { loginFailuresPerAccount, loginFailuresPerAddress } = this.config.throttle;
    if (!(await this.reserveOne(keys.account, loginFailuresPerAccount))) return false;
    if (await this.reserveOne(keys.address, loginFailuresPerAddress)) return true;
    await this.failures.release(keys.account);
    return false;
  }

  /** The attempt reserved failed: it counts on both keys, and locks a key that reached its limit. */
  async fail(keys: ThrottleKeys): Promise<void> {
    const { loginFailuresPerAccount, loginFailuresPerAddress } = this.config.throttle;
    const now = new Date();
    const until = new Date(now.getTime() + this.windowMs);
    for (const [key, limit] of [
      [keys.account, loginFailuresPerAccount],
      [keys.address, loginFailuresPerAddress],
    ] as const) {
      await this.failures.recordFailure(key);
      await this.failures.lockIfFull(key, limit, now, until);
    }
  }

  /** The attempt reserved succeeded: the account starts afresh; the address keeps its count. */
  async succeed(keys: ThrottleKeys): Promise<void> {
    await this.failures.clear(keys.account);
    await this.failures.release(keys.address);
  }

  /** The attempt reserved was neither (e.g. a right code with a refused new password). */
  async release(keys: ThrottleKeys): Promise<void> {
    await this.failures.release(keys.account);
    await this.failures.release(keys.address);
  }

  /**
   * Deletes the counts whose window and lock are both over; they would start afresh at their next
   * use anyway. Bounded: at most PURGE_BATCH × PURGE_BATCHES rows a round. Returns how many went.
   */
  async purge(now = new Date()): Promise<number> {
    const windowStart = new Date(now.getTime() - this.windowMs);
    const staleBefore = new Date(now.getTime() - 2 * this.windowMs);
    let purged = 0;
    for (let i = 0; i < PURGE_BATCHES; i++) {
      const n = await this.failures.purge(windowStart, now, staleBefore, PURGE_BATCH);
      purged += n;
      if (n < PURGE_BATCH) break;
    }
    return purged;
  }

  /** Every process purges every few minutes (twice is harmless); under NODE_ENV=test tests call purge(). */
  onApplicationBootstrap(): void {
    if (this.config.env === 'test') return;
    this.timer = setInterval(() => {
      this.purge().catch((error: Error) =>
        this.logger.warn({ error: error.message }, 'login failures purge failed'),
      );
    }, PURGE_EVERY_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  private async reserveOne(key: string, limit: number): Promise<boolean> {
    const now = new Date();
    await this.failures.ensure(key, now);
    await this.failures.restartIfOver(key, new Date(now.getTime() - this.windowMs), now);
    return this.failures.reserve(key, limit, now);
  }
}
