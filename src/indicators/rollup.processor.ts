import { Injectable } from '@nestjs/common';
import { JobResult } from '../jobs/entities/job-run.entity';
import { JobContext, JobHandler } from '../jobs/job-handler.decorator';
import { JobPayloads } from '../jobs/job-names';
import { RollupService } from './rollup.service';

/** Runs a queued roll-up (under Bull in the worker process, or in-process). */
@Injectable()
export class RollupProcessor {
  constructor(private readonly rollups: RollupService) {}

  @JobHandler('indicators.rollup')
  async run(payload: JobPayloads['indicators.rollup'], context: JobContext): Promise<JobResult> {
    const outcome = await this.rollups.run(payload.planId, payload.asOf, {
      force: payload.force ?? false,
      jobRunId: context.runId,
      progress: (percent) => context.progress(percent),
    });
    return {
      planId: payload.planId,
      asOf: payload.asOf,
      snapshotId: outcome.snapshotId,
      skipped: outcome.skipped,
      enterprises: outcome.enterprises,
      population: outcome.population,
      rows: outcome.rows,
    };
  }
}
