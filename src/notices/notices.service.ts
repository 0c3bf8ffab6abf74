import { Injectable } from '@nestjs/common';
import { TtlCache } from '../common/cache/ttl-cache';
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

/**
 * How long the unread count beside "Thông báo" may be kept: every page shows it, and a notice
 * written by another process (a job) shows at most this late. Notices written or read through this
 * process show at once.
 */
export const UNREAD_COUNT_TTL_MS = 30_000;

/** In-app notices: written with the change they announce, read on the person's notices page. */
@Injectable()
export class NoticesService {
  private readonly unread = new TtlCache<number, number>(UNREAD_COUNT_TTL_MS);

  constructor(private readonly notices: NoticesRepository) {}

  /**
   * Adds many notices in one statement inside the caller's transaction (a batch job's outcomes); a
   * repeated (user, dedupe key) is ignored, as notify() does one at a time.
   */
  async notifyMany(tx: Transaction, notices: NewNotice[]): Promise<void> {
    await this.notices.insertMany(tx, notices.map(row));
    for (const n of notices) this.unread.forget(n.userId);
  }

  /** Adds a notice inside the caller's transaction; a repeated dedupe key is ignored. */
  async notify(tx: Transaction, notice: NewNotice): Promise<void> {
    await this.notices.insertOnce(tx, row(notice));
    this.unread.forget(notice.userId);
  }

  /** The person's unread notices, kept up to UNREAD_COUNT_TTL_MS (the menu asks on every page). */
  unreadCount(userId: number): Promise<number> {
    return this.unread.get(userId, () => this.notices.unreadCount(userId));
  }

  page(userId: number, skip: number, take: number): Promise<[Notice[], number]> {
    return this.notices.page(userId, skip, take);
  }

  async markAllRead(userId: number): Promise<void> {
    await this.notices.markAllRead(userId);
    this.unread.forget(userId);
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
    this.unread.forget(userId);
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
