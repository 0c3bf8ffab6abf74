import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import { randomInt } from 'node:crypto';
import { Actor, RoleGrant } from '../common/access/actor';
import { Role } from '../common/access/roles';
import { PiiCipher } from '../common/crypto/pii-cipher';
import { Transaction, UnitOfWork } from '../database/unit-of-work';
import { FormError } from '../common/errors/form-error';
import { User, UserStatus } from '../users/entities/user.entity';
import { UsersRepository } from '../users/users.repository';
import { WORKER_LOGINS, WorkerLogins } from '../users/worker-logins';
import { ApiTokensRepository } from './api-tokens.repository';
import { LoginThrottleService, ThrottleKeys } from './login-throttle.service';
import { PasswordHasher } from './password-hasher';
import { passwordProblem } from './password-policy';
import { identifierText, parseSignInIdentifier } from './sign-in-identifier';

export type LoginOutcome = { ok: true; user: User } | { ok: false; reason: 'invalid' | 'locked' };

const ACTIVATION_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const ACTIVATION_DAYS = 14;

/**
 * Activated once: the activation date, or (for accounts made before it was kept, or seeded) an
 * active status or a password. Disabling an account does not make it new again.
 */
export function everActivated(user: Pick<User, 'activatedAt' | 'status' | 'passwordHash'>): boolean {
  return !!user.activatedAt || user.status === UserStatus.Active || !!user.passwordHash;
}

/** The failure count of an account, whichever way it was named. */
const accountKey = (userId: number) => `acct:user:${userId}`;

@Injectable()
export class AuthService {
  constructor(
    private readonly users: UsersRepository,
    private readonly hasher: PasswordHasher,
    private readonly throttle: LoginThrottleService,
    private readonly pii: PiiCipher,
    private readonly tokens: ApiTokensRepository,
    private readonly unitOfWork: UnitOfWork,
    @Inject(WORKER_LOGINS) private readonly workerLogins: WorkerLogins,
  ) {}

  /**
   * Checks a sign-in. An unknown name, a wrong password and a not-yet-activated account all answer
   * "invalid" after the same amount of work; too many failures lock the name and the address.
   */
  async verifyCredentials(identifier: string, password: string, address: string): Promise<LoginOutcome> {
    const { user, key } = await this.account(identifier);
    const outcome = await this.attempt(this.throttle.keysFor(key, address), async () => {
      const hash = user?.status === UserStatus.Active ? user.passwordHash : null;
      return (await this.hasher.verify(hash, password)) && !!user;
    });
    if (outcome !== 'passed') return { ok: false, reason: outcome === 'locked' ? 'locked' : 'invalid' };
    await this.users.update(user!.id, { lastLoginAt: new Date() });
    return { ok: true, user: user! };
  }

  /** The actor for a session, or null when the account was disabled or signed out everywhere since. */
  async actorFor(userId: number, signedInAt: number): Promise<Actor | null> {
    const found = await this.users.findWithGrants(userId);
    if (!found || found.account.status !== UserStatus.Active) return null;
    const { account, grants } = found;
    if (account.sessionsValidAfter && account.sessionsValidAfter.getTime() > signedInAt) return null;
    return actorWith(account, grants, 'session');
  }

  /** The actor of an active account, by id, or null: an API token's owner on each call. */
  async activeActor(userId: number, via: 'session' | 'token'): Promise<Actor | null> {
    const found = await this.users.findWithGrants(userId);
    if (!found || found.account.status !== UserStatus.Active) return null;
    return actorWith(found.account, found.grants, via);
  }

  async actorOf(user: User, via: 'session' | 'token' = 'session'): Promise<Actor> {
    return actorWith(user, await this.users.grants(user.id), via);
  }

  /**
   * Where a sign-in leads when nothing asked to come back somewhere: a person who is a worker and
   * nothing else has one page that matters, their learning; everyone else starts at the home page.
   */
  async landingPage(user: User): Promise<string> {
    const { roles } = await this.actorOf(user);
    return roles.length === 1 && roles[0] === Role.Worker ? '/learn' : '/';
  }

  /**
   * A one-time code an officer or admin hands to a person to set their first password. Refused
   * for an account that was ever activated (disabled since or not): its password changes only by
   * its owner, or by an admin's reset (issueResetCode).
   */
  async issueActivationCode(userId: number): Promise<string> {
    const user = await this.users.findForLogin({ id: userId });
    if (!user) throw new NotFoundException();
    if (everActivated(user)) throw FormError.field('account', 'auth.code.accountActivated');
    const { code, hash, expiresAt } = await this.newCode();
    // Only while still never activated: an activation finishing meanwhile keeps its password.
    const issued = await this.users.updateIfNeverActivated(userId, {
      activationCodeHash: hash,
      activationExpiresAt: expiresAt,
      activationCodeReset: false,
    });
    if (!issued) throw FormError.field('account', 'auth.code.accountActivated');
    return code;
  }

  /**
   * An admin's reset: the password stops working at once, sessions end, API tokens are revoked,
   * and a one-time code lets the person choose a new password at /activate. `record` writes the
   * audit entry in the same transaction, so there is no reset without its reason on record.
   */
  async issueResetCode(
    userId: number,
    record: (manager: Transaction) => Promise<void>,
  ): Promise<{ code: string; expiresAt: Date }> {
    const { code, hash, expiresAt } = await this.newCode();
    await this.unitOfWork.run(async (manager) => {
      await this.replaceAccess(
        userId,
        {
          passwordHash: null,
          activationCodeHash: hash,
          activationExpiresAt: expiresAt,
          activationCodeReset: true,
        },
        manager,
      );
      await record(manager);
    });
    return { code, expiresAt };
  }

  /** True once the account was activated: it takes no activation code again, only a reset's. */
  async wasActivated(userId: number): Promise<boolean> {
    const user = await this.users.findForLogin({ id: userId });
    return !!user && everActivated(user);
  }

  private async newCode(): Promise<{ code: string; hash: string; expiresAt: Date }> {
    const code = Array.from(
      { length: 8 },
      () => ACTIVATION_ALPHABET[randomInt(ACTIVATION_ALPHABET.length)],
    ).join('');
    return {
      code,
      hash: await this.hasher.hash(code),
      expiresAt: new Date(Date.now() + ACTIVATION_DAYS * 86_400_000),
    };
  }

  /** Minutes a locked name or address waits (LOGIN_LOCK_MINUTES), for the message. */
  get lockMinutes(): number {
    return this.throttle.lockMinutes;
  }

  /** Sets the password with a one-time code; throttled like signing in. */
  async activate(identifier: string, code: string, password: string, address: string): Promise<User> {
    const { user, key } = await this.account(identifier);
    // An activation code for an account never activated, or the code of an admin's reset.
    const usable =
      !!user &&
      user.status !== UserStatus.Disabled &&
      (!everActivated(user) || user.activationCodeReset) &&
      !!user.activationExpiresAt &&
      user.activationExpiresAt.getTime() > Date.now();
    const outcome = await this.attempt(this.throttle.keysFor(key, address), () =>
      this.hasher.verify(usable ? user.activationCodeHash : null, code.trim().toUpperCase()),
    );
    if (outcome === 'locked')
      throw FormError.field('code', 'auth.locked', { minutes: this.throttle.lockMinutes });
    if (outcome === 'failed') throw FormError.field('code', 'auth.activationInvalid');
    // Only now, with the code proven: before, the answer would tell a stranger the account's name.
    await this.checkPassword(user!, password);
    await this.replaceAccess(user!.id, {
      passwordHash: await this.hasher.hash(password),
      status: UserStatus.Active,
      activationCodeHash: null,
      activationExpiresAt: null,
      activationCodeReset: false,
      activatedAt: user!.activatedAt ?? new Date(),
    });
    return user!;
  }

  /** Throttled like signing in: the current password must not be guessable from a session. */
  async changePassword(userId: number, current: string, next: string, address: string): Promise<void> {
    const user = await this.users.findForLogin({ id: userId });
    const outcome = await this.attempt(this.throttle.keysFor(accountKey(userId), address), async () =>
      this.hasher.verify(user?.passwordHash, current),
    );
    if (outcome === 'locked')
      throw FormError.field('currentPassword', 'auth.locked', { minutes: this.throttle.lockMinutes });
    if (outcome === 'failed') throw FormError.field('currentPassword', 'auth.currentPasswordWrong');
    await this.checkPassword(user!, next);
    await this.replaceAccess(userId, { passwordHash: await this.hasher.hash(next) });
  }

  async signOutEverywhere(userId: number): Promise<void> {
    await this.replaceAccess(userId, {});
  }

  /**
   * Applies a change to the account and, in the same transaction, ends every way in that existed
   * before it: sessions signed in earlier stop at their next request, API tokens are revoked.
   * For a new password, "sign out everywhere", a disabled account and an admin's reset.
   */
  async replaceAccess(userId: number, changes: Partial<User>, manager?: Transaction): Promise<void> {
    const at = new Date();
    const work = async (m: Transaction) => {
      await this.users.update(userId, { ...changes, sessionsValidAfter: at }, m);
      await this.tokens.revokeAll(userId, at, m);
    };
    await (manager ? work(manager) : this.unitOfWork.run(work));
  }

  /**
   * The account a sign-in names, and the key its failures are counted under: the account itself
   * when there is one (so its CCCD and its user name share one count), else the keyed hash of the
   * identifier as parsed. Both come from the one parse, so no spelling of it counts apart.
   */
  private async account(typed: string): Promise<{ user: User | null; key: string }> {
    const identifier = parseSignInIdentifier(typed);
    let user: User | null;
    if (identifier.kind === 'cccd') {
      const id = await this.workerLogins.userIdByCccdHash(this.pii.blindIndex(identifier.cccd));
      user = id ? await this.users.findForLogin({ id }) : null;
    } else {
      user = await this.users.findForLogin({ username: identifier.username });
    }
    const key = user
      ? accountKey(user.id)
      : `acct:${this.pii.blindIndex(identifierText(identifier)).slice(0, 40)}`;
    return { user, key };
  }

  /** The password policy with what the account is known by: user name, name, CCCD for a worker. */
  private async checkPassword(user: User, password: string): Promise<void> {
    const encrypted = await this.workerLogins.cccdEncryptedOf(user.id);
    const problem = passwordProblem(password, {
      username: user.username,
      displayName: user.displayName,
      cccd: encrypted ? this.pii.decrypt(encrypted) : null,
    });
    if (problem) throw FormError.field('password', problem);
  }

  /**
   * One throttled check: a place under the limits is reserved first (or the answer is "locked"
   * without checking anything), then the check runs, then its outcome is counted.
   */
  private async attempt(
    keys: ThrottleKeys,
    check: () => Promise<boolean>,
  ): Promise<'locked' | 'failed' | 'passed'> {
    if (!(await this.throttle.reserve(keys))) return 'locked';
    let passed: boolean;
    try {
      passed = await check();
    } catch (error) {
      await this.throttle.release(keys);
      throw error;
    }
    if (passed) await this.throttle.succeed(keys);
    else await this.throttle.fail(keys);
    return passed ? 'passed' : 'failed';
  }
}

function actorWith(
  user: Pick<User, 'id' | 'displayName'>,
  grants: RoleGrant[],
  via: 'session' | 'token',
): Actor {
  const workerGrant = grants.find((g) => g.role === Role.Worker);
  return new Actor(user.id, user.displayName, grants, workerGrant?.scopeId ?? null, via);
}
