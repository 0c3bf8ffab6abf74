import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { isUniqueViolation } from '../../database/unit-of-work';
import { PrivacyConsent } from '../entities/privacy-consent.entity';

@Injectable()
export class ConsentsRepository {
  constructor(@InjectRepository(PrivacyConsent) private readonly consents: Repository<PrivacyConsent>) {}

  async has(userId: number, noticeVersion: number): Promise<boolean> {
    return (await this.consents.count({ where: { userId, noticeVersion } })) > 0;
  }

  /** Records the acceptance once; accepting the same version again keeps the first time. */
  async record(userId: number, noticeVersion: number, acceptedAt: Date): Promise<void> {
    try {
      await this.consents.insert({ userId, noticeVersion, acceptedAt });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
    }
  }

  listFor(userId: number): Promise<PrivacyConsent[]> {
    return this.consents.find({ where: { userId }, order: { noticeVersion: 'ASC' } });
  }

  /** Records an acceptance of this version for each of the users who has none (the demo seeder's logins). */
  async recordMissing(
    userIds: number[],
    noticeVersion: number,
    acceptedAt: Date,
    manager: EntityManager,
  ): Promise<number> {
    const repo = manager.getRepository(PrivacyConsent);
    const accepted = await repo.find({ where: { noticeVersion }, select: { userId: true } });
    const done = new Set(accepted.map((c) => c.userId));
    const rows = userIds
      .filter((userId) => !done.has(userId))
      .map((userId) => ({ userId, noticeVersion, acceptedAt }));
    for (let i = 0; i < rows.length; i += 500) await repo.insert(rows.slice(i, i + 500));
    return rows.length;
  }
}
