import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
  OnModuleInit,
} from '@nestjs/common';
import { addDays } from '../common/time/iso-date';
import { hourInVietnam, todayInVietnam } from '../common/time/vietnam-time';
import { appConfig, AppConfig } from '../config';
import { JobQueue } from '../jobs/job-queue';
import { FiguresChanged } from '../common/events/figures-changed';
import { LearningRecordEvents } from '../learning-records/learning-record-events';
import { Plan } from './entities/plan.entity';
import { PlansRepository } from './plans.repository';
import { RollupService } from './rollup.service';
import { SnapshotsRepository } from './snapshots.repository';

/** How often the scheduler looks at the clock. */
export const TICK_MS = 60_000;
/** The nightly roll-up of the day is queued from 01:00 in Vietnam. */
export const NIGHTLY_HOUR = 1;
/** New learning or a roster import refreshes today's snapshot this long after the burst starts. */
export const REFRESH_DELAY_MS = 60_000;
/** Daily snapshots older than this are dropped; year-end ones, review dates and reported ones stay. */
export const KEEP_DAILY_DAYS = 90;

/**
 * When roll-ups run by themselves. The queue port has no "repeat" (the in-process adapter could not
 * offer one), so every process that boots the app keeps a one-minute timer and, at each tick:
 *
 * - nightly: from 01:00 (Vietnam), queues today's roll-up of every plan in its period, once — the
 *   unique (plan, date) of the snapshot header is the claim, so of several processes (web, workers)
 *   only one queues it, and a snapshot an import already made for today counts as done;
 * - year-end: from 1 January, makes sure each past 31 December of the plan has a final snapshot
 *   (one computed after the day ended), which later scheduled runs then leave alone;
 * - every night, drops daily snapshots older than KEEP_DAILY_DAYS.
 *
 * New learning records refresh today's snapshot the same way, through LearningRecordEvents, and so
 * does every other write that moves a figure, through FiguresChanged (recognitions and
 * revocations, ended employments, declared headcounts, enterprises moved, roster imports).
 *
 * "Final" only stops the scheduled runs: data dated in the past (a history import, a record
 * reported late, a migration still loading after 1 January) names its earliest date as `since`,
 * and refreshPast() then recomputes, forced, every closed 31 December from since's year and every
 * snapshot an annual report was written from since that date. A submitted report keeps its own
 * frozen copy; its page then says that its figures have changed (ReportsService.changesSince).
 * Nothing runs by itself under NODE_ENV=test: tests call tick(), refreshSoon() and refreshPast().
 */
@Injectable()
export class RollupScheduler implements OnModuleInit, OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(RollupScheduler.name);
  private timer: NodeJS.Timeout | null = null;
  private lastRefresh = 0;
  private lastPruned: string | null = null;
  private readonly yearEndsQueued = new Set<string>();
  /** When this process last queued each back-dated roll-up (its key), to ask the queue once a burst. */
  private readonly pastQueuedAt = new Map<string, number>();
  /** The last back-dated change handled: a later one from the same date or after, within the minute, adds nothing. */
  private lastPast: { since: string; at: number } | null = null;

  constructor(
    private readonly plans: PlansRepository,
    private readonly snapshots: SnapshotsRepository,
    private readonly rollups: RollupService,
    private readonly queue: JobQueue,
    private readonly events: LearningRecordEvents,
    private readonly figures: FiguresChanged,
    @Inject(appConfig.KEY) private readonly app: AppConfig,
  ) {}

  get enabled(): boolean {
    return this.app.env !== 'test';
  }

  onModuleInit(): void {
    if (this.enabled) this.subscribe();
  }

  /**
   * Refresh today's snapshot when workers learn or any other figure moves (once per burst, see
   * refreshSoon), and the past ones a back-dated change reaches (refreshPast).
   */
  subscribe(): void {
    this.events.subscribe('indicators', () => this.refreshSoon());
    this.figures.subscribe('indicators', async (_change, since) => {
      await this.refreshSoon();
      if (since) await this.refreshPast(since);
    });
  }

  onApplicationBootstrap(): void {
    if (!this.enabled) return;
    this.timer = setInterval(() => {
      this.tick().catch((error: Error) =>
        this.logger.warn({ error: error.message }, 'roll-up schedule tick failed'),
      );
    }, TICK_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    this.stop();
  }

  /** Stops the timer (the benchmark does, to time roll-ups alone). */
  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  async tick(now = new Date()): Promise<void> {
    const today = todayInVietnam(now);
    const active = await this.plans.activeOn(today);
    if (hourInVietnam(now) >= NIGHTLY_HOUR) await this.nightly(active, today);
    await this.yearEnds(today);
  }

  /** Queues today's roll-up of each plan unless a snapshot for today exists or is claimed. */
  async nightly(active: Plan[], today: string): Promise<void> {
    for (const plan of active) {
      const claim = await this.snapshots.claim(plan.id, today);
      if (!claim) continue;
      try {
        await this.queue.enqueue(
          'indicators.rollup',
          { planId: plan.id, asOf: today },
          { key: `${plan.id}:${today}` },
        );
      } catch (error) {
        await this.snapshots.release(claim.id);
        throw error;
      }
    }
    if (this.lastPruned !== today) {
      this.lastPruned = today;
      for (const plan of active) {
        const keep = (await this.plans.milestonesOf(plan.id)).map((m) => m.reviewDate);
        const pruned = await this.snapshots.prune(plan.id, addDays(today, -KEEP_DAILY_DAYS), keep);
        if (pruned > 0) this.logger.log({ planId: plan.id, pruned }, 'old daily snapshots dropped');
      }
    }
  }

  /**
   * Every 31 December from the plan's start to last year: the latest one until it is final (computed
   * after its day ended), older ones when missing. Once per process and date.
   */
  async yearEnds(today: string): Promise<void> {
    const lastYear = Number(today.slice(0, 4)) - 1;
    for (const plan of await this.plans.list()) {
      for (let year = Number(plan.startDate.slice(0, 4)); year <= lastYear; year++) {
        const asOf = `${year}-12-31`;
        const key = `${plan.id}:${asOf}`;
        if (asOf > plan.endDate || this.yearEndsQueued.has(key)) continue;
        const needed =
          year === lastYear
            ? !(await this.rollups.isFinalYearEnd(plan.id, asOf))
            : !(await this.snapshots.find(plan.id, asOf));
        if (!needed) continue;
        this.yearEndsQueued.add(key);
        await this.queue.enqueue('indicators.rollup', { planId: plan.id, asOf }, { key });
      }
    }
  }

  /**
   * Today's roll-up of each plan in a minute; more calls meanwhile join the waiting run (the queue
   * deduplicates by plan and date), and this process does not even ask again within that minute.
   */
  async refreshSoon(now = new Date()): Promise<void> {
    if (now.getTime() - this.lastRefresh < REFRESH_DELAY_MS) return;
    this.lastRefresh = now.getTime();
    const today = todayInVietnam(now);
    await this.enqueueRefresh(await this.plans.activeOn(today), today);
  }

  /**
   * Figures moved from `since` on, a date in the past: in a minute, a forced roll-up of each plan's
   * closed 31 December from since's year to last year (within the plan's period) and of each date
   * since then that an annual report was written from. Forced, because a year-end computed before
   * the history arrived is not final for it. More calls meanwhile join the waiting runs (one key per
   * plan and date), and this process does not ask again for a date within that minute.
   */
  async refreshPast(since: string, now = new Date()): Promise<void> {
    const today = todayInVietnam(now);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(since) || since >= today) return;
    const last = this.lastPast;
    if (last && last.since <= since && now.getTime() - last.at < REFRESH_DELAY_MS) return;
    this.lastPast = { since, at: now.getTime() };
    const lastYear = Number(today.slice(0, 4)) - 1;
    for (const plan of await this.plans.list()) {
      if (since > plan.endDate) continue;
      const dates = new Set<string>();
      const from = Math.max(Number(since.slice(0, 4)), Number(plan.startDate.slice(0, 4)));
      for (let year = from; year <= lastYear; year++) {
        const asOf = `${year}-12-31`;
        if (asOf <= plan.endDate) dates.add(asOf);
      }
      for (const asOf of await this.snapshots.reportedDates(plan.id, since, today)) dates.add(asOf);
      for (const asOf of [...dates].sort()) {
        const key = `${plan.id}:${asOf}:backdated`;
        if (now.getTime() - (this.pastQueuedAt.get(key) ?? -Infinity) < REFRESH_DELAY_MS) continue;
        this.pastQueuedAt.set(key, now.getTime());
        await this.queue.enqueue(
          'indicators.rollup',
          { planId: plan.id, asOf, force: true },
          { key, delayMs: REFRESH_DELAY_MS },
        );
      }
    }
  }

  private async enqueueRefresh(active: Plan[], today: string): Promise<void> {
    for (const plan of active) {
      await this.queue.enqueue(
        'indicators.rollup',
        { planId: plan.id, asOf: today },
        { key: `${plan.id}:${today}`, delayMs: REFRESH_DELAY_MS },
      );
    }
  }
}
