import { SetMetadata } from '@nestjs/common';
import { JobResult } from './entities/job-run.entity';
import { JobName, JobPayloads } from './job-names';

export const JOB_HANDLER_KEY = 'jobs:handler';

export interface JobContext {
  runId: number;
  attempt: number;
  /** Reports progress 0–100; pages read it to draw progress bars. */
  progress(percent: number): Promise<void>;
}

export type JobHandlerFn<N extends JobName> = (
  payload: JobPayloads[N],
  context: JobContext,
) => Promise<JobResult | void>;

/** Marks a provider method as the handler of one job name. */
export const JobHandler = (name: JobName) => SetMetadata(JOB_HANDLER_KEY, name);
