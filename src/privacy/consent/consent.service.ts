import { Inject, Injectable } from '@nestjs/common';
import { PrivacyConsent } from '../entities/privacy-consent.entity';
import { PrivacyNotice } from '../privacy-notice';
import { ConsentsRepository } from './consents.repository';

/** The notice in force (seeds/privacy/notice.json); a provider so a test can put version 2 in force. */
export const PRIVACY_NOTICE = Symbol('PRIVACY_NOTICE');

/** Remembered acceptances are dropped wholesale past this many people, to bound memory. */
const CACHE_LIMIT = 50_000;

/**
 * Consent to the current privacy notice. An acceptance is never taken back (withdrawal is a
 * deletion request), so "accepted" answers are cached per process; "not yet" always asks the database.
 */
@Injectable()
export class ConsentService {
  private readonly accepted = new Set<number>();

  constructor(
    private readonly consents: ConsentsRepository,
    @Inject(PRIVACY_NOTICE) readonly notice: PrivacyNotice,
  ) {}

  get currentVersion(): number {
    return this.notice.version;
  }

  async hasAcceptedCurrent(userId: number): Promise<boolean> {
    if (this.accepted.has(userId)) return true;
    const ok = await this.consents.has(userId, this.currentVersion);
    if (ok) this.remember(userId);
    return ok;
  }

  /** Records acceptance of `version`; false when it is not the current one (the page was stale). */
  async accept(userId: number, version: number): Promise<boolean> {
    if (version !== this.currentVersion) return false;
    await this.consents.record(userId, version, new Date());
    this.remember(userId);
    return true;
  }

  history(userId: number): Promise<PrivacyConsent[]> {
    return this.consents.listFor(userId);
  }

  private remember(userId: number): void {
    if (this.accepted.size >= CACHE_LIMIT) this.accepted.clear();
    this.accepted.add(userId);
  }
}
