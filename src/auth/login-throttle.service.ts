import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { appConfig, AppConfig } from '../config';
import { isUniqueViolation } from '../database/unit-of-work';
import { LoginFailure } from './entities/login-failure.entity';
import { clientAddressKey } from './sign-in-identifier';

export interface ThrottleKeys {
  account: string;
  address: string;
}

/**
 * Counts failed sign-ins per account and per address in the database, so every web process sees
 * the same counts. Past the limit the key is locked for a while, whether or not the account exists.
 */
@Injectable()
export class LoginThrottleService {
  constructor(
    @InjectRepository(LoginFailure) private readonly failures: Repository<LoginFailure>,
    @Inject(appConfig.KEY) private readonly config: AppConfig,
  ) {}

  /** How long a lock lasts, for the message that tells the person when to try again. */
  get lockMinutes(): number {
    return this.config.throttle.lockMinutes;
  }

  /** The account's key (AuthService.accountKey) with the client address's (clientAddressKey). */
  keysFor(accountKey: string, address: string): ThrottleKeys {
    return { account: accountKey, address: clientAddressKey(address) };
  }

  async isLocked(keys: string[]): Promise<boolean> {
    const now = Date.now();
    for (const key of keys) {
      const row = await this.failures.findOne({ where: { throttleKey: key } });
      if (row?.lockedUntil && row.lockedUntil.getTime() > now) return true;
    }
    return false;
  }

  async recordFailure(keys: ThrottleKeys): Promise<void> {
    await this.bump(keys.account, this.config.throttle.loginFailuresPerAccount);
    await this.bump(keys.address, this.config.throttle.loginFailuresPerAddress);
  }

  async clear(key: string): Promise<void> {
    await this.failures.delete({ throttleKey: key });
  }

  private async bump(key: string, limit: number): Promise<void> {
    const windowMs = this.config.throttle.lockMinutes * 60_000;
    const now = new Date();
    for (let attempt = 0; attempt < 3; attempt++) {
      const row = await this.failures.findOne({ where: { throttleKey: key } });
      if (!row) {
        try {
          await this.failures.insert({
            throttleKey: key,
            failures: 1,
            windowStartedAt: now,
            lockedUntil: limit <= 1 ? new Date(now.getTime() + windowMs) : null,
          });
          return;
        } catch (error) {
          if (!isUniqueViolation(error)) throw error;
          continue;
        }
      }
      const expired = now.getTime() - row.windowStartedAt.getTime() > windowMs;
      const failures = expired ? 1 : row.failures + 1;
      // Compare-and-set on the count, so two failures at the same moment both count.
      const result = await this.failures.update(
        { throttleKey: key, failures: row.failures },
        {
          failures,
          windowStartedAt: expired ? now : row.windowStartedAt,
          lockedUntil: failures >= limit ? new Date(now.getTime() + windowMs) : row.lockedUntil,
        },
      );
      if ((result.affected ?? 0) > 0) return;
    }
  }
}
