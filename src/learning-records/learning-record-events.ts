import { Injectable, Logger } from '@nestjs/common';
import { JobHandler } from '../jobs/job-handler.decorator';
import { JobResult } from '../jobs/entities/job-run.entity';
import { JobQueue } from '../jobs/job-queue';

export interface WorkerLearned {
  workerId: number;
}

export type LearningListener = (event: WorkerLearned) => Promise<void>;

/** How long to wait for more records of the same worker before telling the listeners (debounce). */
export const ANNOUNCE_DELAY_MS = 3000;

/**
 * After records arrive, the domains that depend on them (learning-citizen evaluation, indicator
 * refresh) are told through the queue — once per worker however many records came in a burst.
 * They subscribe here at start-up, so the learning domain does not depend on them.
 */
@Injectable()
export class LearningRecordEvents {
  private readonly logger = new Logger(LearningRecordEvents.name);
  private readonly listeners = new Map<string, LearningListener>();

  constructor(private readonly queue: JobQueue) {}

  subscribe(name: string, listener: LearningListener): void {
    this.listeners.set(name, listener);
  }

  /** Called after the transaction that stored new records has committed. */
  async announce(workerIds: number[]): Promise<void> {
    for (const workerId of new Set(workerIds)) {
      await this.queue.enqueue(
        'learning.recorded',
        { workerId },
        { key: workerId, delayMs: ANNOUNCE_DELAY_MS },
      );
    }
  }

  @JobHandler('learning.recorded')
  async notify(event: WorkerLearned): Promise<JobResult> {
    for (const [name, listener] of this.listeners) {
      try {
        await listener(event);
      } catch (error) {
        this.logger.warn({ listener: name, error: (error as Error).message }, 'learning listener failed');
        throw error;
      }
    }
    return { listeners: [...this.listeners.keys()].join(', ') || null };
  }
}
