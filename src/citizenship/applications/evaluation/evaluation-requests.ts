import { Injectable } from '@nestjs/common';
import { JobQueue } from '../../../jobs/job-queue';

/** How long a worker's evaluation waits for more changes of theirs (a plan, then an answer…). */
export const EVALUATE_WORKER_DELAY_MS = 1000;

/** Asks for a worker's applications to be evaluated again, on the queue, once per burst of changes. */
@Injectable()
export class EvaluationRequests {
  constructor(private readonly queue: JobQueue) {}

  async evaluateWorker(workerId: number, delayMs = EVALUATE_WORKER_DELAY_MS): Promise<void> {
    await this.queue.enqueue('citizenship.evaluate-worker', { workerId }, { key: workerId, delayMs });
  }
}
