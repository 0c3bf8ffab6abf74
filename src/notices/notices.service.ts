import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, IsNull, Repository } from 'typeorm';
import { isUniqueViolation } from '../database/unit-of-work';
import { Notice } from './notice.entity';

export interface NewNotice {
  userId: number;
  messageKey: string;
  params?: Record<string, string | number>;
  link?: string;
  /** The same event for the same user notifies once (e.g. "recognised:42"). */
  dedupeKey?: string;
}

/** In-app notices: written with the change they announce, read on the person's notices page. */
@Injectable()
export class NoticesService {
  constructor(@InjectRepository(Notice) private readonly notices: Repository<Notice>) {}

  /**
   * Adds many notices in one statement inside the caller's transaction (a batch job's outcomes); a
   * repeated (user, dedupe key) is ignored, as notify() does one at a time.
   */
  async notifyMany(manager: EntityManager, notices: NewNotice[]): Promise<void> {
    if (notices.length === 0) return;
    await manager
      .createQueryBuilder()
      .insert()
      .into(Notice)
      .values(
        notices.map((n) => ({
          userId: n.userId,
          messageKey: n.messageKey,
          params: n.params ?? null,
          link: n.link ?? null,
          dedupeKey: n.dedupeKey ?? null,
          readAt: null,
        })),
      )
      .orIgnore()
      .execute();
  }

  /** Adds a notice inside the caller's transaction; a repeated dedupe key is ignored. */
  async notify(manager: EntityManager, notice: NewNotice): Promise<void> {
    const repo = manager.getRepository(Notice);
    if (
      notice.dedupeKey &&
      (await repo.exists({ where: { userId: notice.userId, dedupeKey: notice.dedupeKey } }))
    )
      return;
    try {
      await repo.insert({
        userId: notice.userId,
        messageKey: notice.messageKey,
        params: notice.params ?? null,
        link: notice.link ?? null,
        dedupeKey: notice.dedupeKey ?? null,
        readAt: null,
      });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
    }
  }

  unreadCount(userId: number): Promise<number> {
    return this.notices.count({ where: { userId, readAt: IsNull() } });
  }

  async page(userId: number, skip: number, take: number): Promise<[Notice[], number]> {
    return this.notices.findAndCount({ where: { userId }, order: { id: 'DESC' }, skip, take });
  }

  async markAllRead(userId: number): Promise<void> {
    await this.notices.update({ userId, readAt: IsNull() }, { readAt: new Date() });
  }

  /** One of the person's own notices (anyone else's is not found). */
  find(userId: number, id: number): Promise<Notice | null> {
    return this.notices.findOne({ where: { id, userId } });
  }

  /** Marks one of the person's notices read; false when it is not theirs. */
  async markRead(userId: number, id: number): Promise<boolean> {
    const notice = await this.find(userId, id);
    if (!notice) return false;
    if (!notice.readAt) await this.notices.update({ id, userId, readAt: IsNull() }, { readAt: new Date() });
    return true;
  }
}
