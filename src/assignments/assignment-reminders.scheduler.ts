import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { hourInVietnam, todayInVietnam } from '../common/time/vietnam-time';
import { appConfig, AppConfig } from '../config';
import { JobQueue } from '../jobs/job-queue';

/** How often the scheduler looks at the clock. */
export const TICK_MS = 60_000;
/** Reminders of the day go out from 07:00 in Vietnam. */
export const REMIND_HOUR = 7;

/**
 * Queues the day's assignment reminders once a day, as the roll-up scheduler does its nightly run:
 * the queue port has no "repeat", so each process that boots the app keeps a one-minute timer. The
 * job's key is the day, and the job is safe to run twice (each holder is reminded once), so several
 * processes queueing it is harmless. Nothing runs by itself under NODE_ENV=test: tests call tick().
 */
@Injectable()
export class AssignmentRemindersScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(AssignmentRemindersScheduler.name);
  private timer: NodeJS.Timeout | null = null;
  private lastQueued: string | null = null;

  constructor(
    private readonly queue: JobQueue,
    @Inject(appConfig.KEY) private readonly app: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (this.app.env === 'test') return;
    this.timer = setInterval(() => {
      this.tick().catch((error: Error) =>
        this.logger.warn({ error: error.message }, 'assignment reminder tick failed'),
      );
    }, TICK_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** Queues today's reminders once, from REMIND_HOUR on; returns whether it queued them. */
  async tick(now = new Date()): Promise<boolean> {
    const day = todayInVietnam(now);
    if (this.lastQueued === day || hourInVietnam(now) < REMIND_HOUR) return false;
    await this.queue.enqueue('assignments.remind', { day }, { key: day });
    this.lastQueued = day;
    return true;
  }
}
