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

  /** Every user without an acceptance of this version gets one (the demo seeder's logins). */
  async recordForAll(noticeVersion: number, acceptedAt: Date, manager: EntityManager): Promise<number> {
    const ids: { id: number }[] = await manager
      .createQueryBuilder()
      .select('u.id', 'id')
      .from('users', 'u')
      .where(
        'NOT EXISTS (SELECT 1 FROM privacy_consents c WHERE c.user_id = u.id AND c.notice_version = :v)',
        { v: noticeVersion },
      )
      .getRawMany();
    const rows = ids.map((r) => ({ userId: Number(r.id), noticeVersion, acceptedAt }));
    for (let i = 0; i < rows.length; i += 500)
      await manager.getRepository(PrivacyConsent).insert(rows.slice(i, i + 500));
    return rows.length;
  }
}
