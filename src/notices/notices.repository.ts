import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, IsNull, Repository } from 'typeorm';
import { isUniqueViolation } from '../database/unit-of-work';
import { Notice } from './notice.entity';

export type NoticeRow = Pick<Notice, 'userId' | 'messageKey' | 'params' | 'link' | 'dedupeKey'>;

/** Every query of notices. */
@Injectable()
export class NoticesRepository {
  constructor(@InjectRepository(Notice) private readonly notices: Repository<Notice>) {}

  /** Adds a notice in the caller's transaction unless the user has one with the same dedupe key. */
  async insertOnce(manager: EntityManager, notice: NoticeRow): Promise<void> {
    const repo = manager.getRepository(Notice);
    if (
      notice.dedupeKey &&
      (await repo.exists({ where: { userId: notice.userId, dedupeKey: notice.dedupeKey } }))
    )
      return;
    try {
      await repo.insert({ ...notice, readAt: null });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
    }
  }

  /** Many notices in one statement; a repeated (user, dedupe key) is ignored. */
  async insertMany(manager: EntityManager, notices: NoticeRow[]): Promise<void> {
    if (notices.length === 0) return;
    await manager
      .createQueryBuilder()
      .insert()
      .into(Notice)
      .values(notices.map((n) => ({ ...n, readAt: null })))
      .orIgnore()
      // Rows the database ignored have no id: reading ids back would fail on MySQL/MariaDB.
      .updateEntity(false)
      .execute();
  }

  unreadCount(userId: number): Promise<number> {
    return this.notices.count({ where: { userId, readAt: IsNull() } });
  }

  page(userId: number, skip: number, take: number): Promise<[Notice[], number]> {
    return this.notices.findAndCount({ where: { userId }, order: { id: 'DESC' }, skip, take });
  }

  async markAllRead(userId: number): Promise<void> {
    await this.notices.update({ userId, readAt: IsNull() }, { readAt: new Date() });
  }

  find(userId: number, id: number): Promise<Notice | null> {
    return this.notices.findOne({ where: { id, userId } });
  }

  async markRead(userId: number, id: number): Promise<void> {
    await this.notices.update({ id, userId, readAt: IsNull() }, { readAt: new Date() });
  }
}
