import { Injectable, OnModuleInit } from '@nestjs/common';
import { JobResult } from '../../../jobs/entities/job-run.entity';
import { JobContext, JobHandler } from '../../../jobs/job-handler.decorator';
import { JobPayloads } from '../../../jobs/job-names';
import { LearningRecordEvents, WorkerLearned } from '../../../learning-records/learning-record-events';
import { ApplicationsRepository } from '../worker-year/applications.repository';
import { EvaluationRequests } from './evaluation-requests';
import { EvaluationService } from './evaluation.service';

/**
 * The evaluation's jobs. New learning records reach this domain through 'learning.recorded' (already
 * debounced per worker): a worker with an application gets an evaluate-worker job; the batch job
 * evaluates a whole year in a scope with a progress bar. Both only unpack their payload.
 */
@Injectable()
export class CitizenshipEvaluationJobs implements OnModuleInit {
  constructor(
    private readonly events: LearningRecordEvents,
    private readonly requests: EvaluationRequests,
    private readonly applications: ApplicationsRepository,
    private readonly evaluation: EvaluationService,
  ) {}

  onModuleInit(): void {
    this.events.subscribe('citizenship', (event) => this.learned(event));
  }

  /** Most workers have no application: only those who do get a job. */
  async learned({ workerId }: WorkerLearned): Promise<void> {
    if (await this.applications.hasApplications(workerId)) await this.requests.evaluateWorker(workerId, 0);
  }

  @JobHandler('citizenship.evaluate-worker')
  async evaluateWorker({ workerId }: JobPayloads['citizenship.evaluate-worker']): Promise<JobResult> {
    return { ...(await this.evaluation.evaluateWorker(workerId)) };
  }

  @JobHandler('citizenship.evaluate-batch')
  async evaluateBatch(
    { year, scope }: JobPayloads['citizenship.evaluate-batch'],
    context: JobContext,
  ): Promise<JobResult> {
    const counts = await this.evaluation.evaluateBatch(year, scope, (percent) => context.progress(percent));
    return { year, scope: scope.kind, scopeId: scope.id ?? null, ...counts };
  }
}
