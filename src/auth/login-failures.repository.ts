import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { LoginFailure } from './entities/login-failure.entity';

const ONE_LESS_IN_FLIGHT = () => 'CASE WHEN in_flight > 0 THEN in_flight - 1 ELSE 0 END';

/**
 * The failure counts behind the sign-in throttle. Every change is one conditional UPDATE of one
 * row, so it is atomic on SQLite (one writer) and on MySQL/MariaDB (the row is locked and its
 * WHERE checked again on the latest version) without a transaction around it. No statement sets a
 * column from another column the same statement changes: MySQL would read the new value there.
 */
@Injectable()
export class LoginFailuresRepository {
  constructor(@InjectRepository(LoginFailure) private readonly rows: Repository<LoginFailure>) {}

  /** The key's row, made empty if it does not exist yet (two processes at once: one insert wins). */
  async ensure(key: string, now: Date): Promise<void> {
    await this.rows
      .createQueryBuilder()
      .insert()
      .into(LoginFailure)
      .values({ throttleKey: key, failures: 0, inFlight: 0, windowStartedAt: now, lockedUntil: null })
      .orIgnore()
      .execute();
  }

  /** Starts a new window on a key whose window began before `windowStart` and whose lock is over. */
  async restartIfOver(key: string, windowStart: Date, now: Date): Promise<void> {
    await this.rows
      .createQueryBuilder()
      .update(LoginFailure)
      .set({ failures: 0, inFlight: 0, windowStartedAt: now, lockedUntil: null })
      .where('throttle_key = :key', { key })
      .andWhere('window_started_at <= :windowStart', { windowStart })
      .andWhere('(locked_until IS NULL OR locked_until <= :now)', { now })
      .execute();
  }

  /** Takes one attempt if failures and attempts in flight stay under the limit and no lock holds. */
  async reserve(key: string, limit: number, now: Date): Promise<boolean> {
    const result = await this.rows
      .createQueryBuilder()
      .update(LoginFailure)
      .set({ inFlight: () => 'in_flight + 1' })
      .where('throttle_key = :key', { key })
      .andWhere('failures + in_flight < :limit', { limit })
      .andWhere('(locked_until IS NULL OR locked_until <= :now)', { now })
      .execute();
    return (result.affected ?? 0) > 0;
  }

  /** The attempt reserved was a failure. */
  async recordFailure(key: string): Promise<void> {
    await this.rows
      .createQueryBuilder()
      .update(LoginFailure)
      .set({ failures: () => 'failures + 1', inFlight: ONE_LESS_IN_FLIGHT })
      .where('throttle_key = :key', { key })
      .execute();
  }

  /** Locks a key that reached its limit, unless a lock already holds (it is not extended). */
  async lockIfFull(key: string, limit: number, now: Date, until: Date): Promise<void> {
    await this.rows
      .createQueryBuilder()
      .update(LoginFailure)
      .set({ lockedUntil: until })
      .where('throttle_key = :key', { key })
      .andWhere('failures >= :limit', { limit })
      .andWhere('(locked_until IS NULL OR locked_until <= :now)', { now })
      .execute();
  }

  /** Gives back one attempt reserved, counting nothing. */
  async release(key: string): Promise<void> {
    await this.rows
      .createQueryBuilder()
      .update(LoginFailure)
      .set({ inFlight: ONE_LESS_IN_FLIGHT })
      .where('throttle_key = :key', { key })
      .execute();
  }

  /**
   * Forgets the failures and any lock after a success, and gives back that attempt. Attempts
   * others reserved meanwhile stay counted, so clearing never lets more than the limit be checked.
   */
  async clear(key: string): Promise<void> {
    await this.rows
      .createQueryBuilder()
      .update(LoginFailure)
      .set({ failures: 0, lockedUntil: null, inFlight: ONE_LESS_IN_FLIGHT })
      .where('throttle_key = :key', { key })
      .execute();
  }

  /**
   * Deletes up to `limit` rows whose window began before `windowStart` and whose lock is over,
   * with nothing in flight (or only attempts older than `staleBefore`, which never finished).
   * Returns how many went.
   */
  async purge(windowStart: Date, now: Date, staleBefore: Date, limit: number): Promise<number> {
    const over = (qb: { andWhere: (sql: string, params: object) => unknown }) => {
      qb.andWhere('window_started_at <= :windowStart', { windowStart });
      qb.andWhere('(locked_until IS NULL OR locked_until <= :now)', { now });
      qb.andWhere('(in_flight = 0 OR window_started_at <= :staleBefore)', { staleBefore });
    };
    const select = this.rows.createQueryBuilder('f').select('f.throttleKey', 'key').where('1 = 1');
    over(select);
    const keys = (await select.limit(limit).getRawMany<{ key: string }>()).map((r) => r.key);
    if (keys.length === 0) return 0;
    // The same conditions again: a key used between the two statements stays.
    const remove = this.rows
      .createQueryBuilder()
      .delete()
      .from(LoginFailure)
      .where('throttle_key IN (:...keys)', { keys });
    over(remove);
    return (await remove.execute()).affected ?? 0;
  }

  count(): Promise<number> {
    return this.rows.count();
  }
}
