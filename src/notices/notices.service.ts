import { Injectable } from '@nestjs/common';
import { Transaction } from '../database/unit-of-work';
import { Notice } from './notice.entity';
import { NoticeRow, NoticesRepository } from './notices.repository';

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
  constructor(private readonly notices: NoticesRepository) {}

  /**
   * Adds many notices in one statement inside the caller's transaction (a batch job's outcomes); a
   * repeated (user, dedupe key) is ignored, as notify() does one at a time.
   */
  notifyMany(tx: Transaction, notices: NewNotice[]): Promise<void> {
    return this.notices.insertMany(tx, notices.map(row));
  }

  /** Adds a notice inside the caller's transaction; a repeated dedupe key is ignored. */
  notify(tx: Transaction, notice: NewNotice): Promise<void> {
    return this.notices.insertOnce(tx, row(notice));
  }

  unreadCount(userId: number): Promise<number> {
    return this.notices.unreadCount(userId);
  }

  page(userId: number, skip: number, take: number): Promise<[Notice[], number]> {
    return this.notices.page(userId, skip, take);
  }

  markAllRead(userId: number): Promise<void> {
    return this.notices.markAllRead(userId);
  }

  /** One of the person's own notices (anyone else's is not found). */
  find(userId: number, id: number): Promise<Notice | null> {
    return this.notices.find(userId, id);
  }

  /** Marks one of the person's notices read; false when it is not theirs. */
  async markRead(userId: number, id: number): Promise<boolean> {
    const notice = await this.notices.find(userId, id);
    if (!notice) return false;
    if (!notice.readAt) await this.notices.markRead(userId, id);
    return true;
  }
}

function row(n: NewNotice): NoticeRow {
  return {
    userId: n.userId,
    messageKey: n.messageKey,
    params: n.params ?? null,
    link: n.link ?? null,
    dedupeKey: n.dedupeKey ?? null,
  };
}
